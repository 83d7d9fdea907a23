// checks/newtech/hypercare.cpp
#include <chrono>
#include <string>

#include "checks/engine/check.h"

namespace golive {
namespace {

/// Warns when a launch with new technology has less hypercare than min_hypercare.
class NewtechHypercare final : public Check {
 public:
  explicit NewtechHypercare(const Params& p) : min_(p.duration("min_hypercare", std::chrono::days(3))) {}

  void run(const Plan& plan, Context& ctx) const override {
    const Scenarios& sc = plan.scenarios;
    if (!sc.has_new_technology && sc.new_technology.empty() && !plan.tagged("new-technology")) {
      ctx.skip("go_live.hypercare", plan.go_live.hypercare.loc,
               "no new technology in this launch (no scenarios.new_technology)");
      return;
    }
    const Field<Duration>& h = plan.go_live.hypercare;
    if (!h) {
      Finding& f = ctx.fail("go_live.hypercare", h.loc,
                            "no hypercare after go-live (go_live.hypercare), limit {} (min_hypercare)",
                            format_duration(min_));
      f.evidence.emplace_back("limit", format_duration(min_));
      f.evidence.emplace_back("limit_seconds", int64_t{min_.count()});
      f.remediation = fmt::format("Set go_live.hypercare to at least {}", format_duration(min_));
      return;
    }
    Finding& f = *h >= min_
                     ? ctx.pass("go_live.hypercare", h.loc, "hypercare {}, at least {} (min_hypercare)",
                                format_duration(*h), format_duration(min_))
                     : ctx.fail("go_live.hypercare", h.loc, "hypercare {}, below {} (min_hypercare)",
                                format_duration(*h), format_duration(min_));
    f.evidence.emplace_back("hypercare", format_duration(*h));
    f.evidence.emplace_back("hypercare_seconds", int64_t{h->count()});
    f.evidence.emplace_back("limit", format_duration(min_));
    f.evidence.emplace_back("limit_seconds", int64_t{min_.count()});
    if (f.status == Status::Fail)
      f.remediation = fmt::format(
          "Extend go_live.hypercare to at least {}, with on-call shifts covering it: a new "
          "technology's first failures often come days after the switch",
          format_duration(min_));
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
