#pragma once
/// The outcome of a run: what every report format prints.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "checks/engine/check.h"
#include "checks/engine/plan.h"
#include "checks/engine/ruleset.h"

namespace golive {

enum class Verdict { Ready, ReadyWithWarnings, NotReady };
std::string_view to_string(Verdict v);  ///< ready | ready_with_warnings | not_ready

/// Counts over findings. `failed`: fail of a gate rule; `warnings`: fail of a warn rule;
/// `info`: fail of an info rule (never changes the verdict); `errors`: could not be
/// evaluated; `score`: percentage of evaluated findings that passed or were waived (100
/// when nothing was evaluated; info findings are not counted), one decimal.
struct Summary {
  int rules = 0;
  int passed = 0;
  int failed = 0;
  int warnings = 0;
  int info = 0;
  int errors = 0;
  int skipped = 0;
  int waived = 0;
  double score = 100.0;
  void add(const Summary& other);
};

/// A rule that a user ruleset (`--ruleset FILE`) switched off or made less severe than
/// the built-in rulesets alone would have run it.
struct RuleChange {
  std::string check;
  std::string change;  ///< "disabled", or "gate → warn"
  SourceLoc loc;       ///< the rule in the user's ruleset file
};

/// Until when a verdict holds: the earliest `expires_at` among passing findings.
struct ValidUntil {
  Instant at;
  std::string check;
  std::string subject;
};

/// The result for one plan file.
struct PlanResult {
  std::shared_ptr<const Plan> plan;
  std::vector<AppliedRuleset> rulesets;
  std::vector<RuleChange> rule_changes;
  std::vector<Finding> findings;  ///< in rule order, then subject order as the check gave them
  Summary summary;
  Verdict verdict = Verdict::Ready;
  std::optional<ValidUntil> valid_until;  ///< none when no passing finding expires
  /// Passing evidence that goes stale before the plan's window start, earliest first:
  /// the verdict will not hold at go-live unless it is renewed.
  std::vector<ValidUntil> expiring_before_window;
  int probes_not_made = 0;  ///< with --offline: live probes an online run would have made
};

/// How one `check` option got its value.
struct SettingRecord {
  std::string name;    ///< the long option name: `fail-on`
  std::string value;   ///< as given; lists comma-separated
  std::string origin;  ///< `--fail-on`, `GOLIVE_FAIL_ON`, `.golive.yaml:3:10` or `default`
};

/// A waiver file read for the run.
struct WaiverFileRecord {
  std::string path;
  std::string sha256;  ///< of the file's bytes
  int waivers = 0;     ///< entries in it
};

/// A warning or error about the input (plan, ruleset, waiver file), as every report lists it.
struct InputDiagnostic {
  SourceLoc loc;
  std::string severity;  ///< "warning" or "error"
  std::string message;
};

/// Everything that narrowed or relaxed the run, for the record every report keeps.
struct RunSettings {
  std::vector<SettingRecord> settings;  ///< every `check` option, in help order
  std::vector<std::string> only;        ///< --only patterns
  std::vector<std::string> skip;        ///< --skip patterns
  std::vector<WaiverFileRecord> waiver_files;
  bool waivers_off = false;             ///< --no-waivers
};

/// The result of a whole `golive check` run.
struct RunResult {
  std::string tool_version;
  Instant generated_at;
  Instant as_of;
  std::string as_of_mode;  ///< "now", "window" or "fixed"
  bool offline = false;
  bool fail_on_warn = false;
  RunSettings settings;
  std::vector<InputDiagnostic> diagnostics;
  std::vector<PlanResult> plans;
  std::optional<ValidUntil> valid_until;  ///< the earliest of the plans'
  int probes_not_made = 0;                ///< summed over plans
  Summary summary;
  Verdict verdict = Verdict::Ready;
  int exit_code = 0;
};

/// Computes a summary and verdict from findings.
Summary summarize(const std::vector<Finding>& findings, int rules);
/// not_ready when a finding blocks, ready_with_warnings when a warn rule failed or could
/// not be evaluated; info findings never change it.
Verdict verdict_of(const std::vector<Finding>& findings);

/// The earliest instant the verdict rests on: the `expires_at` of a passing finding, or the
/// `expires` of the waiver of a waived finding (a waived finding holds only while its waiver
/// does); none when nothing expires.
std::optional<ValidUntil> valid_until_of(const std::vector<Finding>& findings);

/// Passing findings whose evidence, and waived findings whose waiver, expires before
/// `instant`, earliest first.
std::vector<ValidUntil> expiring_before(const std::vector<Finding>& findings, Instant instant);

}  // namespace golive
