#pragma once
/// Positions in input files and the errors that carry them.

#include <stdexcept>
#include <string>
#include <vector>

namespace golive {

/// A 1-based position in an input file (plan, ruleset, waiver file).
struct SourceLoc {
  std::string file;
  int line = 0;    ///< 1-based; 0 when unknown
  int column = 0;  ///< 1-based; 0 when unknown

  /// "file:line:col", or less when parts are unknown.
  std::string str() const;
  bool known() const { return line > 0; }
};

/// A problem in an input file that stops it from being used (exit code 2).
class InputError : public std::runtime_error {
 public:
  InputError(SourceLoc loc, const std::string& message)
      : std::runtime_error(message), loc_(std::move(loc)) {}
  const SourceLoc& loc() const { return loc_; }
  /// "file:line:col: error: message", as a compiler prints it, on one line: control and
  /// format characters (of a file name, or of text a message quotes) as visible escapes.
  std::string formatted() const;

 private:
  SourceLoc loc_;
};

/// One message about an input file.
struct Diagnostic {
  enum class Level { Error, Warning };
  Level level = Level::Error;
  SourceLoc loc;
  std::string message;
  /// "file:line:col: error: message" or "...: warning: ...", on one line: control and
  /// format characters as visible escapes, as InputError::formatted().
  std::string formatted() const;
};

/// Collects the errors and warnings found while reading input files, so that a user
/// sees every problem at once rather than one per run.
class Diagnostics {
 public:
  void error(const SourceLoc& loc, std::string message);
  void warning(const SourceLoc& loc, std::string message);
  void add(const InputError& e) { error(e.loc(), e.what()); }
  bool has_errors() const { return errors_ > 0; }
  int error_count() const { return errors_; }
  const std::vector<Diagnostic>& all() const { return items_; }
  /// Throws the first error as InputError if there is one.
  void throw_if_errors() const;

 private:
  std::vector<Diagnostic> items_;
  int errors_ = 0;
};

/// The closest candidate to `word` within a small edit distance, or "" when none is close.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace golive
