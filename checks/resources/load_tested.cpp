// checks/resources/load_tested.cpp
#include <chrono>
#include <string>

#include "checks/engine/check.h"
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
    const std::string retest = fmt::format(
        "Load-test the release at {}× the expected peak or more and record it under "
        "resources.load_test with at, multiple_of_peak and result",
        min_multiple_);
    if (!plan.resources || !plan.resources->load_test) {
      ctx.fail(kSubject, plan.resources ? plan.resources->loc : plan.loc,
               "no load test recorded (resources.load_test)")
          .remediation = retest;
      return;
    }
    const TestRecord& t = *plan.resources->load_test;
    auto age = passed_record_age(plan, ctx, kSubject, t, "load test", "resources.load_test", retest);
    if (!age) return;
    if (!t.multiple_of_peak) {
      ctx.fail(kSubject, t.multiple_of_peak.loc,
               "load test has no multiple_of_peak, so the load it proved is unknown")
          .remediation = "Record in resources.load_test.multiple_of_peak the load reached, as a multiple "
                         "of the expected peak";
      return;
    }
    const double multiple = *t.multiple_of_peak;
    const bool enough = multiple + kTolerance >= min_multiple_;
    const bool recent = *age <= max_age_;
    const std::string message = fmt::format(
        "load test at {}× the expected peak (minimum {}×) passed {} ago (limit {})", multiple,
        min_multiple_, format_duration(*age), format_duration(max_age_));
    Finding& f = enough && recent ? ctx.pass(kSubject, t.loc, "{}", message)
                                  : ctx.fail(kSubject, enough ? t.at.loc : t.multiple_of_peak.loc, "{}", message);
    f.evidence.emplace_back("multiple_of_peak", multiple);
    f.evidence.emplace_back("min_multiple", min_multiple_);
    add_age_evidence(f, plan, *t.at, *age, max_age_);
    if (f.status == Status::Pass)
      f.expires_at = *t.at + max_age_;
    else if (!enough)
      f.remediation = fmt::format(
          "Load-test again at {}× the expected peak or more (the last test reached {}×) and "
          "update resources.load_test",
          min_multiple_, multiple);
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
