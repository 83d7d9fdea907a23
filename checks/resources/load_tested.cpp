// checks/resources/load_tested.cpp
#include <chrono>
#include <string>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/engine/dated_evidence.h"

namespace golive {
namespace {

using namespace std::chrono_literals;

constexpr const char* kSubject = "load_test";
// Multiples are decimals written in the plan: 2.0 must equal a minimum of 2 exactly.
constexpr double kTolerance = 1e-9;

/// Fails unless a load test passed at min_multiple times the expected peak or more, no
/// longer than max_age ago.
class ResourcesLoadTested final : public Check {
 public:
  explicit ResourcesLoadTested(const Params& p)
      : min_multiple_(p.number("min_multiple", 2.0)), max_age_(p.duration("max_age", 90 * 24h)) {}

  void run(const Plan& plan, Context& ctx) const override {
    const std::string retest = message("fixes.resources.load-tested.retest", fmt::arg("min", min_multiple_));
    if (!plan.resources || !plan.resources->load_test) {
      ctx.add(Status::Fail, kSubject, plan.resources ? plan.resources->loc : plan.loc,
              message("findings.resources.load-tested.none"))
          .remediation = retest;
      return;
    }
    const TestRecord& t = *plan.resources->load_test;
    auto age = passed_record_age(plan, ctx, kSubject, t, message("findings.resources.load-tested.test"),
                                 "resources.load_test", retest);
    if (!age) return;
    if (!t.multiple_of_peak) {
      ctx.add(Status::Fail, kSubject, t.multiple_of_peak.loc, message("findings.resources.load-tested.no_multiple"))
          .remediation = message("fixes.resources.load-tested.no_multiple");
      return;
    }
    const double multiple = *t.multiple_of_peak;
    const bool enough = multiple + kTolerance >= min_multiple_;
    const bool recent = *age <= max_age_;
    std::string text = message("findings.resources.load-tested.result", fmt::arg("multiple", multiple),
                               fmt::arg("min", min_multiple_), fmt::arg("age", say_duration(*age)),
                               fmt::arg("limit", say_duration(max_age_)));
    Finding& f = enough && recent ? ctx.add(Status::Pass, kSubject, t.loc, std::move(text))
                                  : ctx.add(Status::Fail, kSubject, enough ? t.at.loc : t.multiple_of_peak.loc,
                                            std::move(text));
    f.evidence.emplace_back("multiple_of_peak", multiple);
    f.evidence.emplace_back("min_multiple", min_multiple_);
    add_age_evidence(f, plan, *t.at, *age, max_age_);
    if (f.status == Status::Pass)
      f.expires_at = *t.at + max_age_;
    else if (!enough)
      f.remediation = message("fixes.resources.load-tested.higher", fmt::arg("min", min_multiple_),
                              fmt::arg("multiple", multiple));
    else
      f.remediation = retest;
  }

 private:
  double min_multiple_;
  Duration max_age_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    ResourcesLoadTested, .id = "resources.load-tested", .severity = Severity::Warn,
    .title = "A load test passed at twice the expected peak, recently",
    .why = "Launch-day traffic is a forecast, and forecasts are wrong: a release proved only at "
           "the expected peak has no margin for a marketing push or retry storms. The last load "
           "test must have passed at min_multiple times the expected peak or more, no longer "
           "than max_age before the as-of instant (older results describe an older release). "
           "The pass expires max_age after the test.",
    .fix = "Load-test the release at min_multiple × the expected peak and record it under "
           "resources.load_test.",
    .reads = {"resources.load_test.at", "resources.load_test.result",
              "resources.load_test.multiple_of_peak"},
    .live = false);

}  // namespace golive
