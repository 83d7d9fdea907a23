#pragma once
/// Rulesets (SPEC §4): which checks run, at which severity, with which parameters.

#include <optional>
#include <string>
#include <vector>

#include "checks/engine/check.h"
#include "checks/engine/plan.h"
#include "checks/engine/source_loc.h"

namespace golive {

/// One `rules:` entry of a ruleset file.
struct Rule {
  SourceLoc loc;
  std::string check;  ///< a registered check id, or the `id` of an exec rule
  std::optional<Severity> severity;
  std::optional<bool> enabled;
  std::vector<std::pair<std::string, ParamValue>> params;
  // Exec rules (plugins): argv run without a shell, plan JSON on stdin.
  std::vector<std::string> exec;
  std::optional<Duration> timeout;
  std::string title;
  bool is_exec() const { return !exec.empty(); }
};

/// A ruleset as written in its file.
struct Ruleset {
  std::string name;
  std::string version;
  std::string description;
  std::vector<std::string> extends;  ///< built-in names or paths
  std::vector<SourceLoc> extends_loc;  ///< position of each `extends` entry
  std::vector<Rule> rules;
  std::string sha256;  ///< of the file's bytes
  std::string source;  ///< "built-in" or the file path
  std::string base_dir;  ///< directory for relative `extends` paths and exec argv[0]
};

/// Why and whence a ruleset was applied to a plan; shown in every report.
struct AppliedRuleset {
  std::string name;
  std::string version;
  std::string sha256;
  std::string reason;  ///< "always", "plan.scenarios lists critical", "tier-1 system payments-api", "--ruleset": English whatever the language (a machine field: JSON, SARIF, JUnit)
  std::string source;
  std::string said;  ///< `reason` in the run's language, for people (text, markdown, HTML): `始终适用`
};

/// A rule after every applicable ruleset has been merged: later rulesets override
/// earlier ones, per key for params.
struct EffectiveRule {
  std::string id;
  const CheckInfo* info = nullptr;  ///< null for exec rules
  Severity severity = Severity::Gate;
  bool enabled = true;
  Params params;
  SourceLoc loc;  ///< of the last rule that set it
  std::vector<std::string> exec;
  Duration timeout{10};
  std::string title;
  std::string base_dir;
};

/// The names of the built-in rulesets, baseline first.
std::vector<std::string> builtin_ruleset_names();

/// A built-in ruleset by name (parsed on first use); nullptr when there is none.
const Ruleset* builtin_ruleset(const std::string& name);

/// Loads a user ruleset file. Errors (unknown check ids, bad severities…) go to `diags`.
std::optional<Ruleset> load_ruleset_file(const std::string& path, Diagnostics& diags);

/// Parses ruleset text named `file` in messages; `source` is "built-in" or the file path,
/// `base_dir` the directory relative `extends` paths and exec commands start from.
/// Returns nullopt when there is any error (all of them are in `diags`).
std::optional<Ruleset> parse_ruleset(const std::string& text, const std::string& file,
                                     const std::string& source, const std::string& base_dir,
                                     Diagnostics& diags);

/// When each built-in scenario ruleset applies, for `golive rulesets`.
struct RulesetTrigger {
  std::string name;
  std::string tag;      ///< plan.scenarios value
  std::string trigger;  ///< what in the plan selects it without the tag
};
const std::vector<RulesetTrigger>& ruleset_triggers();

/// The rules to run on one plan: automatic built-in selection (SPEC §4: baseline, then
/// each scenario ruleset whose tag or trigger is present, each applied once), then the
/// user rulesets in order (`NAME` of a built-in or a file path). Problems go to `diags`.
struct Selection {
  std::vector<AppliedRuleset> applied;
  std::vector<EffectiveRule> rules;  ///< in check-id order
};
Selection select_rules(const Plan& plan, const std::vector<std::string>& user_rulesets,
                       bool auto_select, Diagnostics& diags);

/// A ruleset file a run reads: a user ruleset, or a file one extends.
struct RulesetFile {
  std::string path;         ///< as read: a relative `extends` path joined to its ruleset's directory
  std::string extended_by;  ///< the ruleset file whose `extends` names it; "" for a user ruleset
};

/// Every ruleset file that select_rules() reads for `user_rulesets` (built-in names or file
/// paths), following `extends` through files (built-in rulesets extend only built-in ones),
/// each file once, in the order it is read. A file that cannot be read or parsed is listed
/// but not followed: select_rules() reports its problems.
std::vector<RulesetFile> user_ruleset_files(const std::vector<std::string>& user_rulesets);

}  // namespace golive
