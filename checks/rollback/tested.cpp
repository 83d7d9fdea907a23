// checks/rollback/tested.cpp
#include <chrono>
#include <string>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/engine/plan_values.h"

namespace golive {
namespace {

using namespace std::chrono_literals;

constexpr const char* kSubject = "rollback";

/// Fails unless the rollback was rehearsed, passed, and not longer ago than max_age.
class RollbackTested final : public Check {
 public:
  explicit RollbackTested(const Params& p) : max_age_(p.duration("max_age", 30 * 24h)) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (!plan.rollback) {
      ctx.add(Status::Fail, kSubject, plan.loc, message("findings.rollback.tested.no_section"))
          .remediation = message("fixes.rollback.tested.no_section");
      return;
    }
    const Rollback& rb = *plan.rollback;
    if (!rb.tested) {
      ctx.add(Status::Fail, kSubject, rb.loc, message("findings.rollback.tested.none"))
          .remediation = message("fixes.rollback.tested.none");
      return;
    }
    const TestRecord& t = *rb.tested;
    const std::string what = described(t);

    if (!t.result) {
      fail_retest(ctx, t.result.loc, message("findings.engine.dated.no_result", fmt::arg("test", what)));
      return;
    }
    if (!t.passed()) {
      fail_retest(ctx, t.result.loc, message("findings.engine.dated.not_passed", fmt::arg("test", what),
                                             fmt::arg("result", *t.result)));
      return;
    }
    if (!t.at) {
      fail_retest(ctx, t.at.loc, message("findings.engine.dated.no_date", fmt::arg("test", what), fmt::arg("path", "rollback.tested")));
      return;
    }

    const Elapsed age = ctx.age(*t.at);
    const std::string when = format_instant_in(*t.at, plan.zone());
    if (age < Duration::zero()) {
      Finding& f = ctx.add(Status::Fail, kSubject, t.at.loc,
                           message("findings.engine.dated.future", fmt::arg("test", what),
                                   fmt::arg("at", say_instant(*t.at, plan.zone())),
                                   fmt::arg("ahead", say_duration(-age)),
                                   fmt::arg("as_of", say_instant(ctx.as_of(), plan.zone()))));
      f.evidence.emplace_back("tested_at", when);
      f.evidence.emplace_back("age", format_duration(age));
      f.evidence.emplace_back("age_seconds", whole_seconds(age));
      f.remediation = message("fixes.rollback.tested.future");
      return;
    }

    Finding& f = ctx.add(age <= max_age_ ? Status::Pass : Status::Fail, kSubject, t.at.loc,
                         message("findings.rollback.tested.age", fmt::arg("test", what),
                                 fmt::arg("age", say_duration(age)),
                                 fmt::arg("limit", say_duration(max_age_))));
    f.evidence.emplace_back("tested_at", when);
    f.evidence.emplace_back("age", format_duration(age));
    f.evidence.emplace_back("age_seconds", whole_seconds(age));
    f.evidence.emplace_back("limit", format_duration(max_age_));
    f.evidence.emplace_back("limit_seconds", int64_t{max_age_.count()});
    if (t.version) f.evidence.emplace_back("version", *t.version);
    if (t.environment) f.evidence.emplace_back("environment", *t.environment);
    if (f.status == Status::Pass)
      f.expires_at = *t.at + max_age_;
    else
      f.remediation = message("fixes.rollback.tested.stale");
  }

 private:
  /// "rollback test of 3.0.0-rc2 in staging", as much as the record says.
  static std::string described(const TestRecord& t) {
    if (t.version && t.environment)
      return message("findings.rollback.tested.test_of_in", fmt::arg("version", *t.version),
                     fmt::arg("environment", say_name(*t.environment)));
    if (t.version) return message("findings.rollback.tested.test_of", fmt::arg("version", *t.version));
    if (t.environment)
      return message("findings.rollback.tested.test_in", fmt::arg("environment", say_name(*t.environment)));
    return message("findings.rollback.tested.test");
  }

  static void fail_retest(Context& ctx, const SourceLoc& loc, std::string text) {
    ctx.add(Status::Fail, kSubject, loc, std::move(text)).remediation =
        message("fixes.rollback.tested.retest");
  }

  Duration max_age_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    RollbackTested, .id = "rollback.tested", .severity = Severity::Gate,
    .title = "The rollback was rehearsed and passed recently",
    .why = "A rollback that was never rehearsed is a hope, not a plan: in the middle of a "
           "failed go-live the team must follow steps already known to work with this release. "
           "The last rehearsal (rollback.tested) must have passed no longer than max_age before "
           "the as-of instant; a date after it is a recording error and fails. The pass "
           "expires max_age after the rehearsal.",
    .fix = "Rehearse the rollback of this release and record it under rollback.tested.",
    .reads = {"rollback.tested.at", "rollback.tested.result", "rollback.tested.version",
              "rollback.tested.environment"},
    .live = false);

}  // namespace golive
