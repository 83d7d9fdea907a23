#pragma once
/// Exec checks (SPEC §4): plugins in any language, run without a shell, the plan as JSON
/// on stdin, killed at their timeout.

#include <string>
#include <utility>
#include <vector>

#include "checks/engine/check.h"
#include "checks/engine/values.h"

namespace golive {

/// A plugin to run.
struct PluginCall {
  /// argv; a relative argv[0] with a `/` (`./checks/lag.sh`) is taken from `base_dir`,
  /// one without (`lag-check`) is looked up in PATH.
  std::vector<std::string> argv;
  std::string base_dir;
  std::string stdin_text;  ///< written to the plugin's stdin, then closed
  Duration timeout{10};
  /// Added to (or replacing in) the inherited environment.
  std::vector<std::pair<std::string, std::string>> env;
};

/// What the plugin reported.
struct PluginOutcome {
  Status status = Status::Error;
  /// The plugin said "warn" (JSON) or WARNING (exit 1): a fail that never blocks.
  bool warning = false;
  std::string message;
  Evidence evidence;
};

/// Runs a plugin and reads its verdict: stdout holding a JSON object
/// `{"status": "pass|fail|warn|error|skip", "message": "…", "evidence": {…}}`, or else the
/// Nagios convention (exit 0 OK → pass, 1 WARNING → warning, 2 CRITICAL → fail,
/// 3 UNKNOWN → error; first stdout line, without performance data, as the message).
/// A plugin that cannot start, dies of a signal, exits otherwise or outlives `timeout`
/// (its whole process group is killed) is an `error`. Never throws for plugin failures.
PluginOutcome run_plugin(const PluginCall& call);

/// A plan as JSON text, with its values as golive understood them: mappings keep their
/// order (merge keys applied), a scalar is a JSON boolean or number only where the plan
/// format declares one (plan_format()), every other scalar is the string as written
/// (`3.10` stays "3.10", a phone keeps its +). Throws InputError when `yaml` does not parse.
std::string yaml_to_json(const std::string& yaml, const std::string& file);

}  // namespace golive
