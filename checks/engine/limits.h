#pragma once
/// The input limits: every bound golive puts on what it reads, in one table. A plan, ruleset,
/// waiver register or `.golive.yaml` over a limit is refused with `file:line:col: error:`
/// naming the limit and how to raise it (`--limit NAME=N`), before the work it would cost is
/// done. docs/limits.md shows this table (a test keeps the two in step).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace golive {

/// One limit, by what it bounds.
enum class Limit {
  FileSize,      ///< bytes of one input file, checked before it is read
  Nodes,         ///< YAML nodes written in one file (scalars, lists, mappings)
  Depth,         ///< nesting levels of lists and mappings
  ScalarLength,  ///< bytes of one scalar
  ListLength,    ///< items of one list, or keys of one mapping
  Aliases,       ///< nodes reached through aliases (`*a`), counted as if copied out
  Plans,         ///< plan files in one run
  PluginOutput,  ///< bytes an exec plugin may print on stdout
};

/// How a limit's values are written: sizes take `KiB`, `MiB` or `GiB` (`8MiB`).
enum class LimitUnit { Bytes, Count };

/// A limit as the table, the docs and `--limit` name it.
struct LimitSpec {
  Limit limit;
  std::string name;        ///< `file-size`: the word in `--limit file-size=16MiB` and messages
  LimitUnit unit;
  uint64_t default_value;  ///< bytes or a count
  std::string what;        ///< what it bounds, for the docs table
};

/// Every limit, in the order of the docs table.
const std::vector<LimitSpec>& limit_specs();
const LimitSpec& limit_spec(Limit limit);

/// The value in force: the default unless set_limit() changed it. Process-wide, because the
/// same bounds apply to every file a run reads (plans, rulesets, waivers) and to every
/// plugin, from whichever thread; the command line sets them once before reading any input.
uint64_t limit_value(Limit limit);
void set_limit(Limit limit, uint64_t value);
/// Back to the defaults (for tests).
void reset_limits();

/// `8MiB`, `1000`: a value as a user would write it.
std::string format_limit(Limit limit, uint64_t value);

/// One `--limit NAME=N` setting, parsed.
struct LimitSetting {
  Limit limit;
  uint64_t value;
};

/// Parses `NAME=N` (`file-size=16MiB`, `depth=100`). Returns an error message ("" when good)
/// naming the known limits and the accepted forms.
std::string parse_limit_setting(const std::string& text, LimitSetting& out);

/// The refusal message: "{what}: over the {name} limit of {value}; raise it with --limit
/// {name}=N". `what` says what was found ("file of 9437184 bytes").
std::string over_limit(Limit limit, std::string_view what);

/// Markdown table of every limit (name, default, what it bounds), as docs/limits.md shows it.
std::string limits_markdown_table();

}  // namespace golive
