#pragma once
/// Shell completion scripts for bash, zsh and fish, generated from the command-line
/// definition itself (parse.cpp describes its CLI11 app as a CliModel), so that the scripts
/// name exactly the commands and options golive accepts. Printed by the hidden command
/// `golive completion bash|zsh|fish|man`, which the build runs to make the installed files.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace golive {

/// What a value of an option or a positional argument is completed with.
enum class ValueKind {
  None,      ///< nothing to complete (a number, a duration, an instant)
  Choices,   ///< one of `choices`
  Files,     ///< a file or directory path
  CheckIds,  ///< registered check ids; a comma-separated list for --only/--skip
  Rulesets,  ///< a built-in ruleset name, or a file
};

/// One option of a command, as the parser declares it.
struct CliOption {
  std::string long_name;   ///< without dashes: `format`
  std::string short_name;  ///< without the dash: `f`; empty when none
  std::string help;        ///< one line
  bool takes_value = false;
  std::string value_name;  ///< as --help shows it: `FORMAT`, `gate|warn`
  bool repeatable = false;
  ValueKind value = ValueKind::None;
  std::vector<std::string> choices;  ///< for ValueKind::Choices
  bool comma_list = false;           ///< the value is a comma-separated list
};

/// One command (`check`, `validate`…) with its options and positional argument.
struct CliCommand {
  std::string name;
  std::string help;
  std::vector<CliOption> options;
  ValueKind positional = ValueKind::None;  ///< what its positional arguments are
  std::vector<std::string> positional_choices;
};

/// The whole command line: global options (`--help`, `--version`) and the commands.
struct CliModel {
  std::vector<CliOption> global;
  std::vector<CliCommand> commands;
  std::vector<std::string> check_ids;      ///< every registered check, sorted
  std::vector<std::string> ruleset_names;  ///< every built-in ruleset, sorted
};

/// What `golive completion` writes: scripts for bash, zsh and fish, and `man`, the manual
/// page (roff) built from the same definition.
const std::vector<std::string>& completion_shells();

/// What a value described by a CLI11 type name (`gate|warn`, `FORMAT`, `ID,...`, `FILE`)
/// is completed with: lowercase alternatives are literal choices, FORMAT the report
/// formats, ID and CHECK_ID check ids, FILE and PATH paths, NAME|FILE rulesets.
/// `formats` are the report format names.
void describe_value(std::string_view type_name, const std::vector<std::string>& formats,
                    ValueKind& kind, std::vector<std::string>& choices, bool& comma_list);

/// The completion script of `model` for `shell`, or the manual page for `man` (one of
/// completion_shells()); nullopt for anything else.
std::optional<std::string> completion_script(const CliModel& model, std::string_view shell);

}  // namespace golive
