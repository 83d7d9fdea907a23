// checks/newtech/hypercare.cpp
#include <chrono>
#include <string>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"

namespace golive {
namespace {

/// Warns when a launch with new technology has less hypercare than min_hypercare.
class NewtechHypercare final : public Check {
 public:
  explicit NewtechHypercare(const Params& p) : min_(p.duration("min_hypercare", std::chrono::days(3))) {}

  void run(const Plan& plan, Context& ctx) const override {
    const Scenarios& sc = plan.scenarios;
    if (!sc.has_new_technology && sc.new_technology.empty() && !plan.tagged("new-technology")) {
      ctx.add(Status::Skip, "go_live.hypercare", plan.go_live.hypercare.loc, message("findings.newtech.none"));
      return;
    }
    const Field<Duration>& h = plan.go_live.hypercare;
    if (!h) {
      Finding& f = ctx.add(Status::Fail, "go_live.hypercare", h.loc,
                           message("findings.newtech.hypercare.none", fmt::arg("limit", say_duration(min_))));
      f.evidence.emplace_back("limit", format_duration(min_));
      f.evidence.emplace_back("limit_seconds", int64_t{min_.count()});
      f.remediation = message("fixes.newtech.hypercare.set", fmt::arg("limit", say_duration(min_)));
      return;
    }
    Finding& f = *h >= min_
                     ? ctx.add(Status::Pass, "go_live.hypercare", h.loc,
                               message("findings.newtech.hypercare.enough", fmt::arg("hypercare", say_duration(*h)),
                                       fmt::arg("limit", say_duration(min_))))
                     : ctx.add(Status::Fail, "go_live.hypercare", h.loc,
                               message("findings.newtech.hypercare.short", fmt::arg("hypercare", say_duration(*h)),
                                       fmt::arg("limit", say_duration(min_))));
    f.evidence.emplace_back("hypercare", format_duration(*h));
    f.evidence.emplace_back("hypercare_seconds", int64_t{h->count()});
    f.evidence.emplace_back("limit", format_duration(min_));
    f.evidence.emplace_back("limit_seconds", int64_t{min_.count()});
    if (f.status == Status::Fail)
      f.remediation = message("fixes.newtech.hypercare.extend", fmt::arg("limit", say_duration(min_)));
  }

 private:
  Duration min_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    NewtechHypercare, .id = "newtech.hypercare", .severity = Severity::Warn,
    .title = "New technology gets enough hypercare after go-live",
    .why = "New components fail on the first weekly job, the first log rotation, the first "
           "peak day, not in the go-live window. A launch with new technology keeps "
           "heightened monitoring and staffing (go_live.hypercare) for at least min_hypercare.",
    .fix = "Set go_live.hypercare to at least min_hypercare and staff it.",
    .reads = {"go_live.hypercare", "scenarios.new_technology", "plan.scenarios"});

}  // namespace golive
