// checks/rollback/plan_defined.cpp
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"

namespace golive {
namespace {

constexpr const char* kSubject = "rollback";

/// Fails unless the rollback names its strategy, runbook and decision owner and has at
/// least one complete trigger.
class RollbackPlanDefined final : public Check {
 public:
  explicit RollbackPlanDefined(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (!plan.rollback) {
      ctx.fail(kSubject, plan.loc, "no rollback section (rollback)").remediation =
          "Add a rollback: section with strategy, runbook, decision_owner and at least one "
          "trigger";
      return;
    }
    const Rollback& rb = *plan.rollback;
    std::vector<std::string> missing, fixes;
    SourceLoc loc;
    auto lack = [&](const std::string& key, const SourceLoc& where, std::string fix) {
      missing.push_back(key);
      fixes.push_back(std::move(fix));
      if (!loc.known()) loc = where;
    };
    if (!rb.strategy) lack("strategy", rb.strategy.loc, "rollback.strategy (blue_green, canary, redeploy, feature_flag, restore or other)");
    if (!rb.runbook || rb.runbook->empty())
      lack("runbook", rb.runbook.loc, "rollback.runbook (a link to the step-by-step procedure)");
    if (!rb.decision_owner || rb.decision_owner->empty())
      lack("decision_owner", rb.decision_owner.loc,
           "rollback.decision_owner (the contact id who decides to roll back)");
    if (rb.triggers.empty())
      lack("triggers", rb.triggers_loc.known() ? rb.triggers_loc : rb.loc,
           "rollback.triggers (at least one metric, op, value and for)");

    // A trigger without its metric, operator or threshold cannot fire.
    std::vector<std::string> incomplete;
    for (size_t i = 0; i < rb.triggers.size(); ++i) {
      const Trigger& t = rb.triggers[i];
      std::vector<std::string> lacks;
      if (!t.metric) lacks.push_back("metric");
      if (!t.op) lacks.push_back("op");
      if (!t.value) lacks.push_back("value");
      if (lacks.empty()) continue;
      incomplete.push_back(fmt::format("triggers[{}] has no {}", i, fmt::join(lacks, ", ")));
      if (!loc.known()) loc = t.loc;
    }

    if (missing.empty() && incomplete.empty()) {
      Finding& f = ctx.pass(kSubject, rb.loc, "{} rollback, runbook {}, decided by {}, {} {}",
                            *rb.strategy, *rb.runbook, *rb.decision_owner, rb.triggers.size(),
                            rb.triggers.size() == 1 ? "trigger" : "triggers");
      f.evidence.emplace_back("strategy", *rb.strategy);
      f.evidence.emplace_back("decision_owner", *rb.decision_owner);
      f.evidence.emplace_back("triggers", rb.triggers.size());
      return;
    }
    std::vector<std::string> parts;
    if (!missing.empty()) parts.push_back(fmt::format("rollback lacks {}", fmt::join(missing, ", ")));
    for (auto& s : incomplete) parts.push_back(s);
    Finding& f = ctx.fail(kSubject, loc, "{}", fmt::join(parts, "; "));
    f.evidence.emplace_back("missing", missing);
    f.evidence.emplace_back("triggers", rb.triggers.size());
    if (!incomplete.empty()) fixes.push_back("metric, op and value of every trigger");
    f.remediation = fmt::format("Set {}", fmt::join(fixes, "; "));
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    RollbackPlanDefined, .id = "rollback.plan-defined", .severity = Severity::Gate,
    .title = "The rollback has a strategy, a runbook, a decision owner and triggers",
    .why = "When a go-live goes wrong there is no time to design the way back: the team must "
           "know how to roll back (strategy, runbook), who decides (decision_owner), and which "
           "measurements make the call (triggers, each with metric, operator and threshold). "
           "Whether decision_owner resolves to a contact is plan.references-valid's job.",
    .fix = "Fill rollback.strategy, runbook, decision_owner and at least one trigger.",
    .reads = {"rollback.strategy", "rollback.runbook", "rollback.decision_owner",
              "rollback.triggers[].metric", "rollback.triggers[].op", "rollback.triggers[].value"},
    .live = false);

}  // namespace golive
