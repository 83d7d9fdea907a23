// checks/org/roles_filled.cpp
#include <string>

#include "checks/engine/check.h"

namespace golive {
namespace {

/// Warns when ops_lead, comms_lead or scribe is not assigned, or when the commander is also
/// the ops_lead.
class RolesFilled final : public Check {
 public:
  explicit RolesFilled(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (!plan.organization) {
      Finding& f = ctx.fail("organization", plan.loc,
                            "no organization section, so ops_lead, comms_lead and scribe are not "
                            "assigned");
      f.remediation = "Add organization.roles with ops_lead, comms_lead and scribe";
      return;
    }
    const Organization& o = *plan.organization;
    for (const char* role : {"ops_lead", "comms_lead", "scribe"}) {
      const std::string subject = fmt::format("organization.roles.{}", role);
      const Text* holder = o.role(role);
      if (!holder || !*holder) {
        Finding& f = ctx.fail(subject, holder ? holder->loc : o.roles_loc,
                              "no {} assigned (organization.roles.{})", role, role);
        f.remediation = fmt::format("Assign a contact id to organization.roles.{}", role);
        continue;
      }
      if (std::string(role) == "ops_lead" && o.commander && *o.commander == **holder) {
        Finding& f = ctx.fail(subject, holder->loc,
                              "the commander {} is also the ops_lead: whoever decides should not "
                              "also run the technical response",
                              **holder);
        f.evidence.emplace_back("ops_lead", **holder);
        f.evidence.emplace_back("commander", **holder);
        f.remediation = "Give organization.roles.ops_lead to someone other than the commander";
        continue;
      }
      Finding& f = ctx.pass(subject, holder->loc, "{}: {}", role, **holder);
      f.evidence.emplace_back(role, **holder);
    }
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    RolesFilled, .id = "org.roles-filled", .severity = Severity::Warn,
    .title = "Ops lead, comms lead and scribe are assigned",
    .why =
        "During an incident the technical response (ops_lead), communication with users "
        "and management (comms_lead) and the written record for the review (scribe) each "
        "need an owner, or they are done by whoever has time. A commander who is also the "
        "ops_lead ends up deep in the technical work with nobody keeping the overview.",
    .fix =
        "Assign ops_lead, comms_lead and scribe in organization.roles; the ops_lead should "
        "not be the commander.",
    .reads = {"organization.roles", "organization.commander"}, .live = false);

}  // namespace golive
