// checks/org/commander_assigned.cpp
#include <string>

#include "checks/engine/check.h"

namespace golive {
namespace {

/// Fails when the commander or deputy of the command centre is not set, is not a declared
/// contact, has no E.164 phone, or when both are the same person.
class CommanderAssigned final : public Check {
 public:
  explicit CommanderAssigned(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (!plan.organization) {
      Finding& f = ctx.fail("organization", plan.loc,
                            "no organization section, so no commander or deputy is named");
      f.remediation =
          "Add organization.commander and organization.deputy: two different contact ids, "
          "each with a phone";
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
    if (!ref) {
      Finding& f = ctx.fail(subject, ref.loc, "no {} set (organization.{})", role, role);
      f.remediation = fmt::format("Name the {} in organization.{}: a contact id with a phone{}",
                                  role, role, commander ? ", other than the commander" : "");
      return;
    }
    const std::string& who = *ref;
    if (commander && *commander && **commander == who) {
      Finding& f = ctx.fail(subject, ref.loc,
                            "the deputy {} is also the commander: the deputy must be another "
                            "person",
                            who);
      f.evidence.emplace_back("commander", who);
      f.evidence.emplace_back("deputy", who);
      f.remediation =
          "Name a different person as organization.deputy, who takes command when the "
          "commander cannot be reached";
      return;
    }
    const Contact* c = plan.contact(who);
    if (!c) {
      Finding& f = ctx.fail(subject, ref.loc, "{} {} is not a declared contact", role, who);
      f.evidence.emplace_back(role, who);
      f.remediation = fmt::format(
          "Add a contact with id {} and a phone to contacts, or correct organization.{}", who,
          role);
      return;
    }
    if (!c->phone || !is_e164(*c->phone)) {
      Finding& f = c->phone ? ctx.fail(subject, c->phone.loc,
                                       "{} {} has phone '{}', which is not an E.164 number", role,
                                       who, *c->phone)
                            : ctx.fail(subject, c->phone.loc, "{} {} has no phone", role, who);
      f.evidence.emplace_back(role, who);
      f.remediation = fmt::format(
          "Record the {}'s phone in contacts[{}].phone in E.164 form (e.g. +8613800000001)", role,
          who);
      return;
    }
    Finding& f = ctx.pass(subject, ref.loc, "{} {}, phone {}", role, who, *c->phone);
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
