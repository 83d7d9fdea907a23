#pragma once
/// Runs the selected rules on a plan and turns their findings into a result.

#include <string>
#include <vector>

#include "checks/engine/result.h"
#include "checks/engine/ruleset.h"

namespace golive {

struct RunOptions {
  Instant as_of;
  bool offline = false;
  std::vector<std::string> only;  ///< check ids or globs (`backup.*`); empty = all
  std::vector<std::string> skip;  ///< check ids or globs
  std::string only_label = "--only";  ///< where `only` came from, for the skip findings' reason
  std::string skip_label = "--skip";
  int concurrency = 64;           ///< live probes in flight at once (`--concurrency`)
  Duration timeout{5};            ///< per probe try (`--timeout`)
  std::string ca_bundle;          ///< PEM CA bundle for https probes; empty = GOLIVE_CA_BUNDLE or system
};

/// True when `id` matches a glob with `*` and `?` (`backup.*`).
bool glob_match(std::string_view pattern, std::string_view id);

/// Runs every enabled rule of `selection` on `plan`. A check that throws yields one
/// `error` finding for the plan; severity, category and blocking are filled in. A rule
/// left out by `only`/`skip` yields one `skip` finding that says which option did it. With
/// `offline`, `probes_not_made` counts the live probes an online run would have made.
/// Parameter errors in rulesets throw InputError (exit 2) before any check runs.
PlanResult run_plan(std::shared_ptr<const Plan> plan, const Selection& selection,
                    const RunOptions& options);

}  // namespace golive
