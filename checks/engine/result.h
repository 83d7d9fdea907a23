#pragma once
/// The outcome of a run: what every report format prints.

#include <memory>
#include <string>
#include <vector>

#include "checks/engine/check.h"
#include "checks/engine/plan.h"
#include "checks/engine/ruleset.h"

namespace golive {

enum class Verdict { Ready, ReadyWithWarnings, NotReady };
std::string_view to_string(Verdict v);  ///< ready | ready_with_warnings | not_ready

/// Counts over findings. `failed`: fail of a gate rule; `warnings`: fail of a warn or info
/// rule; `errors`: could not be evaluated; `score`: percentage of evaluated findings that
/// passed or were waived (100 when nothing was evaluated), one decimal.
struct Summary {
  int rules = 0;
  int passed = 0;
  int failed = 0;
  int warnings = 0;
  int errors = 0;
  int skipped = 0;
  int waived = 0;
  double score = 100.0;
  void add(const Summary& other);
};

/// The result for one plan file.
struct PlanResult {
  std::shared_ptr<const Plan> plan;
  std::vector<AppliedRuleset> rulesets;
  std::vector<Finding> findings;  ///< in rule order, then subject order as the check gave them
  Summary summary;
  Verdict verdict = Verdict::Ready;
};

/// The result of a whole `golive check` run.
struct RunResult {
  std::string tool_version;
  Instant generated_at;
  Instant as_of;
  std::string as_of_mode;  ///< "now", "window" or "fixed"
  bool offline = false;
  bool fail_on_warn = false;
  std::vector<PlanResult> plans;
  Summary summary;
  Verdict verdict = Verdict::Ready;
  int exit_code = 0;
};

/// Computes a summary and verdict from findings.
Summary summarize(const std::vector<Finding>& findings, int rules);
Verdict verdict_of(const std::vector<Finding>& findings);

}  // namespace golive
