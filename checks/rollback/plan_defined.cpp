// checks/rollback/plan_defined.cpp
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/engine/plan_values.h"

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
      ctx.add(Status::Fail, kSubject, plan.loc, message("findings.rollback.plan-defined.no_section"))
          .remediation = message("fixes.rollback.plan-defined.no_section");
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
    if (!rb.strategy) lack("strategy", rb.strategy.loc, message("fixes.rollback.plan-defined.strategy"));
    if (!rb.runbook || rb.runbook->empty())
      lack("runbook", rb.runbook.loc, message("fixes.rollback.plan-defined.runbook"));
    if (!rb.decision_owner || rb.decision_owner->empty())
      lack("decision_owner", rb.decision_owner.loc, message("fixes.rollback.plan-defined.decision_owner"));
    if (rb.triggers.empty())
      lack("triggers", rb.triggers_loc.known() ? rb.triggers_loc : rb.loc,
           message("fixes.rollback.plan-defined.triggers"));

    // A trigger without its metric, operator or threshold cannot fire.
    std::vector<std::string> incomplete;
    for (size_t i = 0; i < rb.triggers.size(); ++i) {
      const Trigger& t = rb.triggers[i];
      std::vector<std::string> lacks;
      if (!t.metric) lacks.push_back("metric");
      if (!t.op) lacks.push_back("op");
      if (!t.value) lacks.push_back("value");
      if (lacks.empty()) continue;
      incomplete.push_back(message("findings.rollback.plan-defined.trigger_lacks", fmt::arg("index", i),
                                   fmt::arg("keys", fmt::join(lacks, message_text("findings.engine.join.list")))));
      if (!loc.known()) loc = t.loc;
    }

    if (missing.empty() && incomplete.empty()) {
      Finding& f = ctx.add(
          Status::Pass, kSubject, rb.loc,
          rb.triggers.size() == 1
              ? message("findings.rollback.plan-defined.defined_one", fmt::arg("strategy", say_value("rollback", *rb.strategy)),
                        fmt::arg("runbook", *rb.runbook), fmt::arg("owner", *rb.decision_owner))
              : message("findings.rollback.plan-defined.defined", fmt::arg("strategy", say_value("rollback", *rb.strategy)),
                        fmt::arg("runbook", *rb.runbook), fmt::arg("owner", *rb.decision_owner),
                        fmt::arg("count", rb.triggers.size())));
      f.evidence.emplace_back("strategy", *rb.strategy);
      f.evidence.emplace_back("decision_owner", *rb.decision_owner);
      f.evidence.emplace_back("triggers", rb.triggers.size());
      return;
    }
    std::vector<std::string> parts;
    if (!missing.empty())
      parts.push_back(message("findings.rollback.plan-defined.lacks",
                              fmt::arg("keys", fmt::join(missing, message_text("findings.engine.join.list")))));
    for (auto& s : incomplete) parts.push_back(s);
    Finding& f = ctx.add(Status::Fail, kSubject, loc,
                         fmt::to_string(fmt::join(parts, message_text("findings.engine.join.clauses"))));
    f.evidence.emplace_back("missing", missing);
    f.evidence.emplace_back("triggers", rb.triggers.size());
    if (!incomplete.empty()) fixes.push_back(message("fixes.rollback.plan-defined.trigger_keys"));
    f.remediation = message("fixes.rollback.plan-defined.set",
                            fmt::arg("items", fmt::join(fixes, message_text("findings.engine.join.clauses"))));
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
