// checks/vendor/contacts.cpp
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"

namespace golive {
namespace {

/// Fails when a vendor lists no contact that can be phoned.
class VendorContacts final : public Check {
 public:
  explicit VendorContacts(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (plan.vendors.empty()) {
      if (plan.tagged("third-party")) {
        Finding& f = ctx.add(Status::Fail, "vendors", plan.loc, message("findings.vendor.contacts.undeclared"));
        f.remediation = message("fixes.vendor.contacts.undeclared");
      } else {
        ctx.add(Status::Skip, "vendors", plan.loc, message("findings.vendor.contacts.no_vendors"));
      }
      return;
    }
    for (size_t i = 0; i < plan.vendors.size(); ++i) check(plan.vendors[i], i, ctx);
  }

 private:
  static void check(const Vendor& v, size_t index, Context& ctx) {
    const std::string subject = subject_of("vendors", v.id, index);
    const std::string name = v.id.value_or(std::to_string(index));
    std::vector<std::string> with_phone, without_phone;
    for (size_t i = 0; i < v.contacts.size(); ++i) {
      const VendorContact& c = v.contacts[i];
      const std::string who = c.name.value_or(fmt::format("contacts[{}]", i));
      if (c.phone && is_e164(*c.phone))
        with_phone.push_back(fmt::format("{} {}", who, *c.phone));
      else
        without_phone.push_back(who);
    }
    Finding* f = nullptr;
    if (v.contacts.empty()) {
      f = &ctx.add(Status::Fail, subject, v.contacts_loc, message("findings.vendor.contacts.none", fmt::arg("vendor", name)));
    } else if (with_phone.empty()) {
      f = &ctx.add(Status::Fail, subject, v.contacts[0].phone.loc,
                   message("findings.vendor.contacts.no_phone", fmt::arg("count", v.contacts.size()),
                           fmt::arg("vendor", name)));
    } else {
      f = &ctx.add(Status::Pass, subject, v.contacts_loc,
                   message("findings.vendor.contacts.phones", fmt::arg("count", with_phone.size()),
                           fmt::arg("total", v.contacts.size()), fmt::arg("phones", fmt::join(with_phone, message_text("findings.engine.join.list")))));
    }
    f->evidence.emplace_back("with_phone", with_phone);
    f->evidence.emplace_back("without_phone", without_phone);
    if (f->status == Status::Fail)
      f->remediation = message("fixes.vendor.contacts.phone", fmt::arg("vendor", name));
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    VendorContacts, .id = "vendor.contacts", .severity = Severity::Gate,
    .title = "Every vendor can be phoned",
    .why = "A ticket portal is not an escalation path at 3 a.m. Each vendor must list at least "
           "one contact with an E.164 phone number, so the command centre can reach a person "
           "during the go-live.",
    .fix = "Add a vendor contact with a phone number.",
    .reads = {"vendors[].contacts[].name", "vendors[].contacts[].phone", "plan.scenarios"});

}  // namespace golive
