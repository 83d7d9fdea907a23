#pragma once
/// `check` options from three sources, command line > `GOLIVE_<NAME>` environment
/// variables > `.golive.yaml` in the working directory, validated the same way whatever
/// their source. CLI11 only finds what the command line said; this file decides.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "checks/engine/source_loc.h"
#include "cli/commands/io.h"
#include "cli/commands/options.h"

namespace golive {

/// A `check` option as every source knows it.
struct OptionSpec {
  enum Kind { Flag, Value, List };
  std::string name;        ///< long name without dashes: `fail-on`; the `.golive.yaml` key
  std::string short_name;  ///< `r`, or ""
  Kind kind = Value;
  std::string value_name;  ///< `NAME|FILE`, for help; the description is `help.check.<name>`
  std::string example;     ///< a command-line use, shown by `golive check --help`
  /// Whether reports record the option's value and origin. False for options that cannot
  /// change a report (`--jobs`, `--progress`), so that reports stay the same bytes whatever
  /// they are.
  bool recorded = true;
  /// The environment variable: `GOLIVE_FAIL_ON`.
  std::string env_name() const;
};

/// Every `check` option, in help order.
const std::vector<OptionSpec>& check_option_specs();

/// An option's value as one source gave it, before validation.
struct RawSetting {
  std::vector<std::string> values;  ///< one per occurrence; "true"/"false" for flags
  std::string label;  ///< `--format`, `GOLIVE_FORMAT` or `format` (a config key)
  SourceLoc loc;      ///< where to point errors: the config value, or "golive"
};

/// Option name → raw setting, for one source.
using RawSettings = std::map<std::string, RawSetting>;

/// `GOLIVE_*` variables golive reads that are not `check` options.
const std::vector<std::string>& other_golive_variables();

/// The `check` options set by `GOLIVE_*` environment variables. List values are split on
/// commas (`GOLIVE_RULESET=critical,ops.yaml`). A set `GOLIVE_*` variable that is neither
/// an option nor one of other_golive_variables() is an error in `diags`, with a "did you
/// mean": a misspelt `GOLIVE_OFLINE=1` must not be ignored.
RawSettings settings_from_env(const Io& io, Diagnostics& diags);

/// The `check` options set in a config file (`.golive.yaml`): keys are long option names,
/// values scalars or lists; unknown keys are errors with a "did you mean" (keys beginning
/// with `x-` are ignored). A missing file sets nothing. Problems go to `diags`.
RawSettings settings_from_file(const std::string& path, Diagnostics& diags);

/// The language the locale asks for, as the `lang` setting: the first of `LC_ALL`,
/// `LC_MESSAGES` and `LANG` that is set and not empty decides; when it asks for Simplified
/// Chinese (language_of_locale(): `zh_CN.UTF-8` → `zh-CN`) the setting is `zh-CN`
/// labelled with that variable's name, otherwise nothing is set (English is the default).
/// Never an error.
RawSettings settings_from_locale(const Io& io);

/// The `--lang` of a command other than `check`, from the same sources in the same order:
/// the command line (`from_command_line`, one value per occurrence), `GOLIVE_LANG`, `lang:`
/// in the config file, the locale; `en` when none sets it. Problems (an unknown language,
/// an unknown `GOLIVE_*` variable or config key) go to `diags`.
std::string resolve_language(const std::vector<std::string>& from_command_line, const Io& io,
                             const std::string& config_path, Diagnostics& diags);

/// The language usage errors and `--help` are written in, before the command line is
/// parsed: `from_command_line` (the last `--lang` value of the command line, as the parser
/// would read it), else `GOLIVE_LANG`, else `lang:` in the config file, else the locale,
/// each taken only when it names a language golive speaks; `en` otherwise. Never an error:
/// problems with these sources are reported when they are resolved properly
/// (resolve_language(), resolve_check_options()).
std::string preliminary_language(const std::optional<std::string>& from_command_line, const Io& io,
                                 const std::string& config_path);

/// Merges the sources (earlier wins) into `options`, validating every value, and records
/// in `options.origins` each option's value and source (`default` when none set it).
/// Problems go to `diags`, pointing at the source that gave the value.
void resolve_check_options(const std::vector<const RawSettings*>& sources, CheckOptions& options,
                           Diagnostics& diags);

/// Parses `--as-of` text: `now`, `window` or an RFC 3339 instant with offset. Returns an
/// error message, or "" when `text` is good.
std::string parse_as_of(const std::string& text, CheckOptions& options);

}  // namespace golive
