#pragma once
/// The outside world of a command: its streams, environment and clock, passed in so that
/// commands stay testable and never reach for globals.

#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "checks/engine/source_loc.h"
#include "checks/engine/values.h"

namespace golive {

struct Io {
  std::ostream& out;
  std::ostream& err;
  bool out_is_tty = false;
  /// Whether `err` is a terminal (`--progress auto` draws its line only there).
  bool err_is_tty = false;
  /// Reads an environment variable; an empty value counts as unset.
  std::function<std::optional<std::string>(const std::string&)> env;
  /// The current instant (`--as-of now`, `generated_at`).
  std::function<Instant()> now;
  /// Names of every environment variable set (to refuse unknown `GOLIVE_*` ones).
  std::function<std::vector<std::string>()> env_names = [] { return std::vector<std::string>{}; };

  /// The process's own streams, environment and clock.
  static Io process();

  /// Prints diagnostics to `err` like a compiler, each once; warnings only unless `quiet`.
  void print(const Diagnostics& diags, bool quiet) const;
};

/// Whether an `-o FILE` option (`init`, `brief`) names standard output: none given, or
/// `-`, as for most tools that take an output file (a file named `-` is `-o ./-`).
bool output_is_stdout(const std::string& output);

/// `path` made absolute, its symbolic links resolved as far as they exist, `.` and `..`
/// removed: two spellings of one file's path give the same text.
std::string normalized_path(const std::string& path);

/// Whether `a` and `b` name one file: the same device and inode when both exist (a hard
/// link, a symbolic link), or the same normalized_path().
bool same_file(const std::string& a, const std::string& b);

/// A usage error, printed `golive: error: message` (exit code 2).
InputError usage_error(std::string message);

}  // namespace golive
