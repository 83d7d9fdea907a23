#pragma once
/// Runs the built `golive` binary as a user would, for end-to-end tests: stdout and stderr
/// captured separately, a hermetic environment, a chosen working directory.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace golive::test {

/// What a finished process left behind.
struct ProcessResult {
  int exit_code = -1;  ///< -1 when killed by a signal
  int signal = 0;      ///< the signal that killed it, or 0
  std::string out;
  std::string err;
};

/// How to run it.
struct ProcessOptions {
  /// Working directory; the source tree when empty, so that plan paths in reports are
  /// short and stable (`tests/fixtures/cli/ready.yaml`).
  std::string cwd;
  /// Variables set on top of the inherited environment, from which every `GOLIVE_*`,
  /// `NO_COLOR`, `SOURCE_DATE_EPOCH`, `LC_ALL`, `LC_MESSAGES` and `LANG` is removed first
  /// (and `LANG=C.UTF-8` set: English, UTF-8).
  std::map<std::string, std::string> env;
  /// Give the child a terminal (a pseudo-terminal in raw mode) as stdout, to test what
  /// golive does on a tty.
  bool tty = false;
};

/// Runs `GOLIVE_BINARY args...` and waits for it.
ProcessResult run_golive(const std::vector<std::string>& args, const ProcessOptions& options = {});

/// Runs `bash -c script` with `$0` set to the golive binary, for pipelines
/// (`"$0" check … | head -c 1`).
ProcessResult run_golive_shell(const std::string& script, const ProcessOptions& options = {});

/// The source tree (`GOLIVE_SOURCE_DIR`).
std::string source_dir();

/// The golive binary under test (`GOLIVE_BINARY`).
std::string golive_binary();

/// The network module built beside it (`GOLIVE_NET_MODULE`).
std::string net_module_path();

/// A fresh empty directory under the system temporary directory, removed with the object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  /// `path()/name`.
  std::string file(const std::string& name) const { return path_ + "/" + name; }
  /// Writes `text` to `path()/name`.
  void write(const std::string& name, const std::string& text) const;
  /// File names in the directory, sorted (hidden ones included).
  std::vector<std::string> list() const;

 private:
  std::string path_;
};

/// The whole content of a file, or nullopt when it cannot be read.
std::optional<std::string> slurp(const std::string& path);

}  // namespace golive::test
