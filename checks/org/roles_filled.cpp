// checks/org/roles_filled.cpp
#include <string>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"

namespace golive {
namespace {

/// Warns when ops_lead, comms_lead or scribe is not assigned, or when the commander is also
/// the ops_lead.
class RolesFilled final : public Check {
 public:
  explicit RolesFilled(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (!plan.organization) {
      Finding& f = ctx.add(Status::Fail, "organization", plan.loc,
                           message("findings.org.roles-filled.no_organization"));
      f.remediation = message("fixes.org.roles-filled.add");
      return;
    }
    const Organization& o = *plan.organization;
    for (const char* role : {"ops_lead", "comms_lead", "scribe"}) {
      const std::string subject = fmt::format("organization.roles.{}", role);
      const Text* holder = o.role(role);
      // The role as people call it (运维负责人); `role` itself is the plan key.
      const std::string said = message(std::string("findings.org.roles-filled.") + role);
      if (!holder || !*holder) {
        Finding& f = ctx.add(Status::Fail, subject, holder ? holder->loc : o.roles_loc,
                             message("findings.org.roles-filled.unassigned", fmt::arg("name", said),
                                     fmt::arg("role", role)));
        f.remediation = message("fixes.org.roles-filled.assign", fmt::arg("role", role));
        continue;
      }
      if (std::string(role) == "ops_lead" && o.commander && *o.commander == **holder) {
        Finding& f = ctx.add(Status::Fail, subject, holder->loc,
                             message("findings.org.roles-filled.commander_ops", fmt::arg("who", **holder)));
        f.evidence.emplace_back("ops_lead", **holder);
        f.evidence.emplace_back("commander", **holder);
        f.remediation = message("fixes.org.roles-filled.other");
        continue;
      }
      Finding& f = ctx.add(Status::Pass, subject, holder->loc,
                           message("findings.org.roles-filled.assigned", fmt::arg("name", said),
                                   fmt::arg("who", **holder)));
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
