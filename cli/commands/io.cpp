#include "cli/commands/io.h"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <set>

extern char** environ;

namespace golive {

Io Io::process() {
  Io io{std::cout, std::cerr, ::isatty(STDOUT_FILENO) == 1, false,
            [](const std::string& name) -> std::optional<std::string> {
              const char* v = std::getenv(name.c_str());
              if (!v || !*v) return std::nullopt;
              return std::string(v);
            },
            [] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); },
            [] {
              std::vector<std::string> names;
              for (char** e = environ; *e; ++e) {
                std::string entry(*e);
                names.push_back(entry.substr(0, entry.find('=')));
              }
              return names;
            }};
  io.err_is_tty = ::isatty(STDERR_FILENO) == 1;
  return io;
}

void Io::print(const Diagnostics& diags, bool quiet) const {
  // A user ruleset applied to several plans reports the same problem for each: say it once.
  std::set<std::string> seen;
  for (const Diagnostic& d : diags.all()) {
    if (quiet && d.level == Diagnostic::Level::Warning) continue;
    std::string line = d.formatted();
    if (seen.insert(line).second) err << line << '\n';
  }
  err.flush();
}

std::string normalized_path(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path out = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) out = fs::absolute(path, ec).lexically_normal();
  return out.string();
}

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return std::filesystem::equivalent(a, b, ec) || normalized_path(a) == normalized_path(b);
}

bool output_is_stdout(const std::string& output) { return output.empty() || output == "-"; }

InputError usage_error(std::string message) { return InputError({"golive", 0, 0}, message); }

}  // namespace golive
