#pragma once
/// SIGINT and SIGTERM end a run cleanly: the exec plugins running are killed with their
/// process groups, temporary report files are removed, and golive exits 130 (SIGINT) or 143
/// (SIGTERM), never by the signal itself. What must be cleaned up registers here for as
/// long as it exists; the handler does only what is safe in a signal handler (kill, unlink,
/// _exit).

#include <sys/types.h>

#include <string>

namespace golive {

/// Installs the handlers (SIGINT, SIGTERM) and ignores SIGXFSZ, so that a write over a
/// file-size ulimit fails with EFBIG and is reported instead of killing golive.
void install_interrupt_handlers();

/// While alive, the process group `pgid` is killed (SIGKILL) if golive is interrupted.
class InterruptKillsGroup {
 public:
  explicit InterruptKillsGroup(pid_t pgid);
  ~InterruptKillsGroup();
  InterruptKillsGroup(const InterruptKillsGroup&) = delete;
  InterruptKillsGroup& operator=(const InterruptKillsGroup&) = delete;

 private:
  int slot_ = -1;
};

/// While alive (and not released), the file `path` is removed if golive is interrupted.
class InterruptRemovesFile {
 public:
  explicit InterruptRemovesFile(const std::string& path);
  ~InterruptRemovesFile();
  InterruptRemovesFile(const InterruptRemovesFile&) = delete;
  InterruptRemovesFile& operator=(const InterruptRemovesFile&) = delete;

 private:
  int slot_ = -1;
};

}  // namespace golive
