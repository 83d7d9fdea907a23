// checks/rollback/tested.cpp
#include <chrono>
#include <string>

#include "checks/engine/check.h"

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
      ctx.fail(kSubject, plan.loc, "no rollback section, so no rollback test is recorded")
          .remediation =
          "Add a rollback: section with the strategy and runbook, rehearse the rollback and "
          "record it under rollback.tested";
      return;
    }
    const Rollback& rb = *plan.rollback;
    if (!rb.tested) {
      ctx.fail(kSubject, rb.loc, "no rollback test recorded (rollback.tested)").remediation =
          "Rehearse the rollback of this release in staging and record it under rollback.tested "
          "with at, version, environment, result and duration";
      return;
    }
    const TestRecord& t = *rb.tested;
    const std::string what = described(t);

    if (!t.result) {
      fail_retest(ctx, t.result.loc, fmt::format("{} has no result (pass or fail)", what));
      return;
    }
    if (!t.passed()) {
      fail_retest(ctx, t.result.loc, fmt::format("{} did not pass (result: {})", what, *t.result));
      return;
    }
    if (!t.at) {
      fail_retest(ctx, t.at.loc, fmt::format("{} has no date (rollback.tested.at)", what));
      return;
    }

    const Elapsed age = ctx.age(*t.at);
    const std::string when = format_instant_in(*t.at, plan.zone());
    if (age < Duration::zero()) {
      Finding& f = ctx.fail(kSubject, t.at.loc,
                            "{} is dated in the future: {} is {} after the as-of instant {}", what,
                            when, format_duration(-age), format_instant_in(ctx.as_of(), plan.zone()));
      f.evidence.emplace_back("tested_at", when);
      f.evidence.emplace_back("age", format_duration(age));
      f.evidence.emplace_back("age_seconds", whole_seconds(age));
      f.remediation = "Correct rollback.tested.at to the day the rehearsal actually ran";
      return;
    }

    Finding& f = age <= max_age_
                     ? ctx.pass(kSubject, t.at.loc, "{} passed {} ago, limit {} (max_age)", what,
                                format_duration(age), format_duration(max_age_))
                     : ctx.fail(kSubject, t.at.loc, "{} passed {} ago, limit {} (max_age)", what,
                                format_duration(age), format_duration(max_age_));
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
      f.remediation =
          "Rehearse the rollback again with the release candidate and update rollback.tested";
  }

 private:
  /// "rollback test of 3.0.0-rc2 in staging", as much as the record says.
  static std::string described(const TestRecord& t) {
    std::string s = "rollback test";
    if (t.version) s += " of " + *t.version;
    if (t.environment) s += " in " + *t.environment;
    return s;
  }

  static void fail_retest(Context& ctx, const SourceLoc& loc, std::string message) {
    ctx.fail(kSubject, loc, "{}", message).remediation =
        "Fix what made the rollback rehearsal fail, rehearse it again and record a passing "
        "result under rollback.tested";
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
