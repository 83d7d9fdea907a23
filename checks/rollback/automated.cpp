// checks/rollback/automated.cpp
#include <string>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"

namespace golive {
namespace {

constexpr const char* kSubject = "rollback";

/// Passes when the rollback runs without manual steps (rollback.automated: true).
class RollbackAutomated final : public Check {
 public:
  explicit RollbackAutomated(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (!plan.rollback) {
      ctx.add(Status::Fail, kSubject, plan.loc, message("findings.rollback.automated.no_section"))
          .remediation = message("fixes.rollback.automated.no_section");
      return;
    }
    const Rollback& rb = *plan.rollback;
    if (!rb.automated) {
      ctx.add(Status::Fail, kSubject, rb.automated.loc, message("findings.rollback.automated.unset"))
          .remediation = message("fixes.rollback.automated.unset");
      return;
    }
    Finding& f = *rb.automated
                     ? ctx.add(Status::Pass, kSubject, rb.automated.loc,
                               message("findings.rollback.automated.automated"))
                     : ctx.add(Status::Fail, kSubject, rb.automated.loc,
                               message("findings.rollback.automated.manual"));
    f.evidence.emplace_back("automated", *rb.automated);
    if (f.status == Status::Fail)
      f.remediation = message("fixes.rollback.automated.manual");
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
