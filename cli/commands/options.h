#pragma once
/// What the command line asks for: one options struct per command, filled by
/// parse_command_line() from the arguments, `GOLIVE_*` variables and `.golive.yaml`.

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "checks/engine/limits.h"
#include "checks/engine/result.h"
#include "checks/engine/source_loc.h"
#include "checks/engine/values.h"

namespace golive {

/// Process exit codes, the same for every command (SPEC §1).
enum ExitCode : int {
  kExitReady = 0,     ///< ready (warnings allowed unless --fail-on warn)
  kExitNotReady = 1,  ///< a blocking finding, or a warning with --fail-on warn
  kExitUsage = 2,     ///< usage error, or an invalid plan, ruleset or config file
  kExitInternal = 3,  ///< a bug or an unexpected failure of the machine
};

/// When to colour the text report.
enum class ColorMode { Auto, Always, Never };

/// `--progress`: auto draws the progress line only when stderr is a terminal.
enum class ProgressMode { Auto, Always, Never };

/// One `--report FORMAT:PATH`.
struct ReportRequest {
  std::string format;
  std::string path;
};

/// `golive check PATH...`
struct CheckOptions {
  std::vector<std::string> paths;
  std::vector<std::string> rulesets;  ///< `-r`: names of built-in rulesets or files, in order
  bool auto_rulesets = true;          ///< false with `--no-auto-rulesets`
  std::string format = "text";        ///< stdout format; a registered report format
  std::vector<ReportRequest> reports;
  /// Where `reports` came from, for messages about them.
  SourceLoc reports_loc{"golive", 0, 0};
  std::string reports_label = "--report";
  /// The settings file read for these options (`.golive.yaml` in the working directory);
  /// an input of the run when it exists. "" when none is read.
  std::string config_file;
  std::string as_of_mode = "now";     ///< "now", "window" or "fixed"
  std::optional<Instant> as_of;       ///< set when as_of_mode is "fixed"
  bool offline = false;
  std::vector<std::string> only;      ///< check ids or globs
  std::vector<std::string> skip;
  /// Where `only` and `skip` came from, for messages about ids that match no check.
  SourceLoc only_loc{"golive", 0, 0};
  std::string only_label = "--only";
  SourceLoc skip_loc{"golive", 0, 0};
  std::string skip_label = "--skip";
  int concurrency = 64;               ///< live probes in flight at once
  Duration timeout{5};                ///< per try of a live probe
  std::string ca_bundle;              ///< PEM CA bundle for https probes; empty = system store
  bool fail_on_warn = false;
  ColorMode color = ColorMode::Auto;
  bool quiet = false;
  std::vector<std::string> waivers;   ///< waiver files, in order
  bool no_waivers = false;            ///< `--no-waivers`: apply none, whatever the sources say
  /// Every option's value and where it came from, in help order, for the report's record.
  std::vector<SettingRecord> origins;
  bool sarif_passes = false;          ///< SARIF reports also list pass and skip findings
  std::vector<LimitSetting> limits;   ///< `--limit NAME=N`, in order (a later one wins)
  std::string lang = "en";            ///< language for people: one of languages() (checks/engine/i18n.h)
  int jobs = 0;                       ///< plans loaded and checked at once; 0 = one per CPU core
  ProgressMode progress = ProgressMode::Auto;
};

/// `golive init [--scenario S]... [-o FILE] [--force]`
struct InitOptions {
  std::vector<std::string> scenarios;  ///< scenario tags, in the order given
  std::string output;                  ///< file to write; "" or `-` = stdout
  bool force = false;                  ///< overwrite an existing file
  std::string lang = "en";             ///< language of the template's comments
};

/// `golive validate PATH...`
struct ValidateOptions {
  std::vector<std::string> paths;
  bool quiet = false;
  std::vector<LimitSetting> limits;  ///< `--limit NAME=N`, as for check
  std::string lang = "en";           ///< language of the messages and the `ok` lines
};

/// `golive list-checks`
struct ListChecksOptions {
  std::string format = "text";  ///< text | markdown | json
  std::string lang = "en";      ///< language of titles and headings (json stays English)
};

/// `golive explain CHECK_ID`
struct ExplainOptions {
  std::string check_id;
  std::string lang = "en";  ///< language of the explanation
};

/// `golive rulesets`
struct RulesetsOptions {
  std::string lang = "en";  ///< language of descriptions and conditions
};

/// `golive schema [--report]`
struct SchemaOptions {
  bool report = false;  ///< the JSON report's schema instead of the plan format's
};

/// `golive brief PLAN [-f text|markdown|html] [-o FILE] [--as-of TIME]`
struct BriefOptions {
  std::string path;
  std::string format = "text";     ///< text | markdown | html
  std::string output;              ///< `-o`: file written atomically; empty or `-` = stdout
  std::string as_of_mode = "now";  ///< "now", "window" or "fixed", as for check
  std::optional<Instant> as_of;    ///< set when as_of_mode is "fixed"
  std::string lang = "en";         ///< language of the messages about the plan
};

/// A command with its options, ready to run.
using Invocation = std::variant<CheckOptions, ValidateOptions, ListChecksOptions, ExplainOptions,
                                RulesetsOptions, SchemaOptions, InitOptions, BriefOptions>;

}  // namespace golive
