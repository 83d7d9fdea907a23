// checks/org/commander_assigned.cpp
#include <string>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"

namespace golive {
namespace {

/// Fails when the commander or deputy of the command centre is not set, is not a declared
/// contact, has no E.164 phone, or when both are the same person.
class CommanderAssigned final : public Check {
 public:
  explicit CommanderAssigned(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (!plan.organization) {
      Finding& f = ctx.add(Status::Fail, "organization", plan.loc,
                           message("findings.org.commander-assigned.no_organization"));
      f.remediation = message("fixes.org.commander-assigned.add");
      return;
    }
    const Organization& o = *plan.organization;
    check_person(plan, o.commander, "commander", nullptr, ctx);
    check_person(plan, o.deputy, "deputy", &o.commander, ctx);
  }

 private:
  static void check_person(const Plan& plan, const Ref& ref, const std::string& role,
                           const Ref* commander, Context& ctx) {
    const std::string subject = "organization." + role;
    // The role as people call it (指挥长); `role` itself is the plan key.
    const std::string said = message("findings.org.commander-assigned." + role);
    if (!ref) {
      Finding& f = ctx.add(Status::Fail, subject, ref.loc,
                           message("findings.org.commander-assigned.unset", fmt::arg("role", said),
                                   fmt::arg("key", role)));
      f.remediation = message(commander ? "fixes.org.commander-assigned.name_other" : "fixes.org.commander-assigned.name",
                              fmt::arg("role", said), fmt::arg("key", role));
      return;
    }
    const std::string& who = *ref;
    if (commander && *commander && **commander == who) {
      Finding& f = ctx.add(Status::Fail, subject, ref.loc,
                           message("findings.org.commander-assigned.same", fmt::arg("who", who)));
      f.evidence.emplace_back("commander", who);
      f.evidence.emplace_back("deputy", who);
      f.remediation = message("fixes.org.commander-assigned.other");
      return;
    }
    const Contact* c = plan.contact(who);
    if (!c) {
      Finding& f = ctx.add(Status::Fail, subject, ref.loc,
                           message("findings.org.commander-assigned.undeclared", fmt::arg("role", said),
                                   fmt::arg("who", who)));
      f.evidence.emplace_back(role, who);
      f.remediation = message("fixes.org.commander-assigned.declare", fmt::arg("who", who), fmt::arg("key", role));
      return;
    }
    if (!c->phone || !is_e164(*c->phone)) {
      Finding& f = ctx.add(Status::Fail, subject, c->phone.loc,
                           c->phone ? message("findings.org.commander-assigned.bad_phone", fmt::arg("role", said),
                                              fmt::arg("who", who), fmt::arg("phone", *c->phone))
                                    : message("findings.org.commander-assigned.no_phone", fmt::arg("role", said),
                                              fmt::arg("who", who)));
      f.evidence.emplace_back(role, who);
      f.remediation = message("fixes.org.commander-assigned.phone", fmt::arg("role", said), fmt::arg("who", who));
      return;
    }
    Finding& f = ctx.add(Status::Pass, subject, ref.loc,
                         message("findings.org.commander-assigned.assigned", fmt::arg("role", said),
                                 fmt::arg("who", who), fmt::arg("phone", *c->phone)));
    f.evidence.emplace_back(role, who);
    f.evidence.emplace_back("phone", *c->phone);
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    CommanderAssigned, .id = "org.commander-assigned", .severity = Severity::Gate,
    .title = "Commander and deputy are named, different people, reachable by phone",
    .why =
        "The command centre (应急指挥部) decides on rollback and escalation: during an "
        "incident somebody must hold that authority and answer the phone, and a deputy must "
        "take over when the commander cannot. Both must be declared contacts with an E.164 "
        "phone, and the deputy must be another person.",
    .fix =
        "Set organization.commander and organization.deputy to two different contact ids, "
        "each with a phone in contacts.",
    .reads = {"organization.commander", "organization.deputy", "contacts[].id", "contacts[].phone"},
    .live = false);

}  // namespace golive
