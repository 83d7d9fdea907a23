#pragma once
/// Helpers shared by the tests: plans from YAML text, running one check, fixed instants.

#include <string>
#include <utility>
#include <vector>

#include "checks/engine/check.h"
#include "checks/engine/plan.h"

namespace golive::test {

/// The smallest valid plan: format version, plan identity (owner li.wei, revised
/// 2026-11-01), go-live window 2026-12-05T02:00:00+08:00 → 06:00 in Asia/Shanghai, and
/// contact li.wei. Sections given to plan_from() are appended to it.
extern const char* const kMinimalPlan;

/// Loads a plan from YAML. Text without a top-level `golive:` key is appended to
/// kMinimalPlan. Fails the current test (with every diagnostic) if it does not load.
Plan plan_from(const std::string& yaml);

/// Loads YAML as a plan file named `file` and returns the formatted diagnostics
/// ("file:line:col: error: ..."), one per line; for loader error tests.
std::string diagnostics_of(const std::string& yaml, const std::string& file = "plan.yaml");

/// An instant from RFC 3339 text; fails the test if it does not parse.
Instant at(const std::string& rfc3339);

/// Runs one registered check with the given parameters (`{"max_age", "12h"}`, or a list
/// written as "[a, b]") at `as_of`, as the runner would, and returns its findings.
std::vector<Finding> run_check(const std::string& id, const Plan& plan, Instant as_of,
                               const std::vector<std::pair<std::string, std::string>>& params = {},
                               bool offline = true);

/// The findings with this status.
std::vector<Finding> with_status(const std::vector<Finding>& findings, Status status);

}  // namespace golive::test
