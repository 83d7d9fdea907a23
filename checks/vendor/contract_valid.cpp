// checks/vendor/contract_valid.cpp
#include <string>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"

namespace golive {
namespace {

/// Fails when a vendor contract ends before window end + hypercare + its notice period:
/// the vendor could give notice during hypercare and be gone while still needed.
class VendorContractValid final : public Check {
 public:
  explicit VendorContractValid(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (plan.vendors.empty()) {
      if (plan.tagged("third-party")) {
        Finding& f = ctx.add(Status::Fail, "vendors", plan.loc, message("findings.vendor.contract-valid.undeclared"));
        f.remediation = message("fixes.vendor.contract-valid.undeclared");
      } else {
        ctx.add(Status::Skip, "vendors", plan.loc, message("findings.vendor.contract-valid.no_vendors"));
      }
      return;
    }
    for (size_t i = 0; i < plan.vendors.size(); ++i) check(plan, plan.vendors[i], i, ctx);
  }

 private:
  static void check(const Plan& plan, const Vendor& v, size_t index, Context& ctx) {
    const std::string subject = subject_of("vendors", v.id, index);
    const std::string name = v.id.value_or(std::to_string(index));
    if (!v.contract) {
      ctx.add(Status::Fail, subject, v.loc, message("findings.vendor.contract-valid.none", fmt::arg("vendor", name)))
          .remediation = message("fixes.vendor.contract-valid.none", fmt::arg("vendor", name));
      return;
    }
    const Contract& c = *v.contract;
    const std::string ref = c.ref.value_or(name);
    if (!c.end) {
      ctx.add(Status::Fail, subject, c.end.loc, message("findings.vendor.contract-valid.no_end", fmt::arg("contract", ref)))
          .remediation = message("fixes.vendor.contract-valid.no_end");
      return;
    }
    if (!c.notice) {
      ctx.add(Status::Fail, subject, c.notice.loc, message("findings.vendor.contract-valid.no_notice", fmt::arg("contract", ref)))
          .remediation = message("fixes.vendor.contract-valid.no_notice");
      return;
    }
    const GoLive& g = plan.go_live;
    if (!g.window_end) {
      ctx.add(Status::Fail, subject, g.window_loc, message("findings.vendor.contract-valid.no_window_end"))
          .remediation = message("fixes.vendor.contract-valid.no_window_end");
      return;
    }
    const Duration hypercare = g.hypercare.value_or(Duration{0});
    const Instant required = *g.window_end + hypercare + *c.notice;
    const Elapsed margin = *c.end - required;
    const auto* zone = plan.zone();
    const std::string end_text = format_instant_in(*c.end, zone);
    const std::string required_text = format_instant_in(required, zone);
    const std::string how = message("findings.vendor.contract-valid.how", fmt::arg("hypercare", say_duration(hypercare)),
                                    fmt::arg("notice", say_duration(*c.notice)));
    const std::string end_said = say_instant(*c.end, zone), required_said = say_instant(required, zone);
    Finding& f = margin >= Duration::zero()
                     ? ctx.add(Status::Pass, subject, c.end.loc,
                               message("findings.vendor.contract-valid.covers", fmt::arg("contract", ref),
                                       fmt::arg("end", end_said), fmt::arg("required", required_said), fmt::arg("how", how)))
                     : ctx.add(Status::Fail, subject, c.end.loc,
                               message("findings.vendor.contract-valid.short", fmt::arg("contract", ref),
                                       fmt::arg("end", end_said), fmt::arg("short", say_duration(-margin)),
                                       fmt::arg("required", required_said), fmt::arg("how", how)));
    f.evidence.emplace_back("contract", ref);
    f.evidence.emplace_back("end", end_text);
    f.evidence.emplace_back("required_end", required_text);
    f.evidence.emplace_back("window_end", format_instant_in(*g.window_end, zone));
    f.evidence.emplace_back("hypercare", format_duration(hypercare));
    f.evidence.emplace_back("notice", format_duration(*c.notice));
    f.evidence.emplace_back("margin", format_duration(margin));
    f.evidence.emplace_back("margin_seconds", whole_seconds(margin));
    if (f.status == Status::Fail)
      f.remediation = message("fixes.vendor.contract-valid.short", fmt::arg("contract", ref),
                              fmt::arg("vendor", v.name.value_or(name)), fmt::arg("required", required_said));
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    VendorContractValid, .id = "vendor.contract-valid", .severity = Severity::Gate,
    .title = "Vendor contracts outlast the go-live, hypercare and notice period",
    .why = "A vendor whose contract runs out, or who may give notice while the new system is "
           "still in hypercare, can walk away exactly when its help is needed. Each contract "
           "must end on or after window end + hypercare + its notice period; the required "
           "date is shown in the evidence. A bare end date is midnight at its start in the "
           "go-live time zone.",
    .fix = "Renew or extend the contract, and record its new end date.",
    .reads = {"vendors[].contract.ref", "vendors[].contract.end", "vendors[].contract.notice",
              "go_live.window.end", "go_live.hypercare", "plan.scenarios"});

}  // namespace golive
