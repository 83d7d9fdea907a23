// checks/rollback/automated.cpp
#include <string>

#include "checks/engine/check.h"

namespace golive {
namespace {

constexpr const char* kSubject = "rollback";

/// Passes when the rollback runs without manual steps (rollback.automated: true).
class RollbackAutomated final : public Check {
 public:
  explicit RollbackAutomated(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (!plan.rollback) {
      ctx.fail(kSubject, plan.loc, "no rollback section (rollback)").remediation =
          "Add a rollback: section and state whether it is automated (rollback.automated)";
      return;
    }
    const Rollback& rb = *plan.rollback;
    if (!rb.automated) {
      ctx.fail(kSubject, rb.automated.loc, "rollback.automated is not set, so the rollback counts as manual")
          .remediation = "State rollback.automated: true once one command or pipeline performs the whole "
                         "rollback, or false if it is manual";
      return;
    }
    Finding& f = *rb.automated
                     ? ctx.pass(kSubject, rb.automated.loc, "the rollback is automated")
                     : ctx.fail(kSubject, rb.automated.loc, "the rollback is manual (rollback.automated: false)");
    f.evidence.emplace_back("automated", *rb.automated);
    if (f.status == Status::Fail)
      f.remediation = "Script the rollback steps of the runbook into one pipeline or command, rehearse "
                      "it, then set rollback.automated: true";
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    RollbackAutomated, .id = "rollback.automated", .severity = Severity::Info,
    .title = "The rollback is automated",
    .why = "A rollback run by one command or pipeline is faster and makes fewer mistakes at "
           "4 a.m. than a runbook followed by hand. This is advice, not a gate: a manual "
           "rollback that was rehearsed (rollback.tested) and fits the window "
           "(rollback.fits-window) is acceptable.",
    .fix = "Script the rollback into one command or pipeline and set rollback.automated: true.",
    .reads = {"rollback.automated"},
    .live = false);

}  // namespace golive
