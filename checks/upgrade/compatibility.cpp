// checks/upgrade/compatibility.cpp
#include <string>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/upgrade/absent.h"
#include "checks/engine/dated_evidence.h"

namespace golive {
namespace {

constexpr const char* kSubject = "compatibility";

/// Fails unless the upgrade's compatibility test passed.
class UpgradeCompatibility final : public Check {
 public:
  explicit UpgradeCompatibility(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (!plan.scenarios.large_upgrade) {
      large_upgrade_absent(plan, ctx, kSubject, "findings.upgrade.compatibility.no_upgrade");
      return;
    }
    const LargeUpgrade& u = *plan.scenarios.large_upgrade;
    const std::string retest = message("fixes.upgrade.compatibility.retest");
    if (!u.compatibility || !u.compatibility->tested) {
      ctx.add(Status::Fail, kSubject, u.compatibility ? u.compatibility->loc : u.loc,
              message("findings.upgrade.compatibility.none"))
          .remediation = retest;
      return;
    }
    const TestRecord& t = *u.compatibility->tested;
    auto age = passed_record_age(plan, ctx, kSubject, t, message("findings.upgrade.compatibility.test"),
                                 "scenarios.large_upgrade.compatibility.tested", retest);
    if (!age) return;
    Finding& f = ctx.add(Status::Pass, kSubject, t.at.loc,
                         message("findings.upgrade.compatibility.passed", fmt::arg("at", say_instant(*t.at, plan.zone())),
                                 fmt::arg("age", say_duration(*age))));
    f.evidence.emplace_back("tested_at", format_instant_in(*t.at, plan.zone()));
    f.evidence.emplace_back("age", format_duration(*age));
    if (u.compatibility->matrix) f.evidence.emplace_back("matrix", *u.compatibility->matrix);
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    UpgradeCompatibility, .id = "upgrade.compatibility", .severity = Severity::Warn,
    .title = "The upgrade passed a compatibility test",
    .why = "During a phased upgrade old and new versions run side by side and share data, "
           "clients and interfaces; an incompatibility shows up as corrupted records or failed "
           "calls in the middle of the rollout. The compatibility test "
           "(scenarios.large_upgrade.compatibility.tested) must have passed, dated no later "
           "than the as-of instant.",
    .fix = "Run the compatibility test against the matrix of supported versions and record it.",
    .reads = {"scenarios.large_upgrade.compatibility.tested",
              "scenarios.large_upgrade.compatibility.matrix", "plan.scenarios"},
    .live = false);

}  // namespace golive
