#include "checks/engine/interrupt.h"

#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstring>

namespace golive {

namespace {

// Fixed slots rather than containers: the handler may run at any moment, in any thread,
// and may only read memory that is never reallocated. More plugins than slots at once (the
// runner starts a few) would go unregistered, never crash.
constexpr int kGroups = 256;
constexpr int kFiles = 64;  // report files are staged side by side (write_report_files)
constexpr size_t kPathMax = 4096;

std::array<std::atomic<pid_t>, kGroups> groups{};
std::array<std::atomic<bool>, kFiles> file_used{};
std::array<std::atomic<bool>, kFiles> file_ready{};
char file_paths[kFiles][kPathMax];

extern "C" void on_interrupt(int sig) {
  for (auto& g : groups) {
    pid_t p = g.load();
    if (p > 0) ::kill(-p, SIGKILL);
  }
  for (int i = 0; i < kFiles; ++i)
    if (file_ready[i].load()) ::unlink(file_paths[i]);
  ::_exit(128 + sig);
}

}  // namespace

void install_interrupt_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_interrupt;
  sigfillset(&sa.sa_mask);  // one cleanup at a time
  ::sigaction(SIGINT, &sa, nullptr);
  ::sigaction(SIGTERM, &sa, nullptr);
  ::signal(SIGXFSZ, SIG_IGN);
}

InterruptKillsGroup::InterruptKillsGroup(pid_t pgid) {
  for (int i = 0; i < kGroups; ++i) {
    pid_t none = 0;
    if (groups[i].compare_exchange_strong(none, pgid)) {
      slot_ = i;
      return;
    }
  }
}

InterruptKillsGroup::~InterruptKillsGroup() {
  if (slot_ >= 0) groups[slot_] = 0;
}

InterruptRemovesFile::InterruptRemovesFile(const std::string& path) {
  if (path.size() >= kPathMax) return;
  for (int i = 0; i < kFiles; ++i) {
    bool no = false;
    if (file_used[i].compare_exchange_strong(no, true)) {
      std::memcpy(file_paths[i], path.c_str(), path.size() + 1);
      file_ready[i] = true;
      slot_ = i;
      return;
    }
  }
}

InterruptRemovesFile::~InterruptRemovesFile() {
  if (slot_ < 0) return;
  file_ready[slot_] = false;
  file_used[slot_] = false;
}

}  // namespace golive
