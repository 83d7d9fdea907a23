#pragma once
/// What the four large-upgrade checks say when the plan has no scenarios.large_upgrade.

#include <string>

#include "checks/engine/check.h"

namespace golive {

/// When scenarios.large_upgrade is absent: a `fail` about `subject` at the tag when
/// plan.scenarios lists large-upgrade (a scenario the plan states never skips its gates),
/// else a `skip` saying `skip_message` (a catalogue key) at plan.scenarios, or at the plan.
void large_upgrade_absent(const Plan& plan, Context& ctx, const std::string& subject,
                          const char* skip_message);

}  // namespace golive
