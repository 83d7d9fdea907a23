// checks/vendor/contract_valid.cpp
#include <string>

#include "checks/engine/check.h"

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
        Finding& f = ctx.fail("vendors", plan.loc,
                              "plan.scenarios lists third-party but no vendors are declared (vendors)");
        f.remediation = "List each third-party vendor under vendors with its contract";
      } else {
        ctx.skip("vendors", plan.loc, "no third-party vendors (vendors)");
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
      ctx.fail(subject, v.loc, "vendor {} has no contract (vendors[].contract)", name).remediation =
          fmt::format("Record the support contract of {} in vendors[].contract {{ref, end, notice}}", name);
      return;
    }
    const Contract& c = *v.contract;
    const std::string ref = c.ref.value_or(name);
    if (!c.end) {
      ctx.fail(subject, c.end.loc, "contract {} has no end date (contract.end)", ref).remediation =
          "Set vendors[].contract.end to the last day the contract is in force";
      return;
    }
    if (!c.notice) {
      ctx.fail(subject, c.notice.loc,
               "contract {} has no notice period (contract.notice); write 0d if it has none", ref)
          .remediation = "Set vendors[].contract.notice to the notice period of the contract";
      return;
    }
    const GoLive& g = plan.go_live;
    if (!g.window_end) {
      ctx.fail(subject, g.window_loc, "go_live.window has no end, so the required contract end is unknown")
          .remediation = "Set go_live.window.end";
      return;
    }
    const Duration hypercare = g.hypercare.value_or(Duration{0});
    const Instant required = *g.window_end + hypercare + *c.notice;
    const Elapsed margin = *c.end - required;
    const auto* zone = plan.zone();
    const std::string end_text = format_instant_in(*c.end, zone);
    const std::string required_text = format_instant_in(required, zone);
    const std::string how = fmt::format("window end + hypercare {} + notice {}",
                                        format_duration(hypercare), format_duration(*c.notice));
    Finding& f = margin >= Duration::zero()
                     ? ctx.pass(subject, c.end.loc, "contract {} ends {}, on or after the required {} ({})",
                                ref, end_text, required_text, how)
                     : ctx.fail(subject, c.end.loc, "contract {} ends {}, {} before the required {} ({})",
                                ref, end_text, format_duration(-margin), required_text, how);
    f.evidence.emplace_back("contract", ref);
    f.evidence.emplace_back("end", end_text);
    f.evidence.emplace_back("required_end", required_text);
    f.evidence.emplace_back("window_end", format_instant_in(*g.window_end, zone));
    f.evidence.emplace_back("hypercare", format_duration(hypercare));
    f.evidence.emplace_back("notice", format_duration(*c.notice));
    f.evidence.emplace_back("margin", format_duration(margin));
    f.evidence.emplace_back("margin_seconds", whole_seconds(margin));
    if (f.status == Status::Fail)
      f.remediation = fmt::format(
          "Renew or extend contract {} of {} to end on or after {}, and update "
          "vendors[].contract.end",
          ref, v.name.value_or(name), required_text);
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
