// checks/org/contacts_reachable.cpp
#include <fmt/ranges.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/engine/references.h"

namespace golive {
namespace {

/// `local@domain.tld` without spaces: enough to tell an address from a name or a typo.
bool is_email(std::string_view s) {
  const size_t at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos)
    return false;
  if (std::any_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; })) return false;
  const std::string_view domain = s.substr(at + 1);
  const size_t dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && domain.back() != '.';
}

/// A contact referenced somewhere, with the first place that references it.
struct Referenced {
  std::string id;
  std::string first_path;
  SourceLoc first_loc;
};

/// Fails for each contact referenced anywhere in the plan (SPEC §2 reference fields, and
/// contact ids paged by severity levels) that is undeclared or lacks an E.164 phone, an
/// email address or a valid IANA time zone.
class ContactsReachable final : public Check {
 public:
  explicit ContactsReachable(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    std::vector<Referenced> people;
    for (const PlanRef& r : plan_references(plan)) {
      if (r.kind != RefKind::Contact && r.kind != RefKind::RoleOrContact) continue;
      const std::string& id = **r.ref;
      if (r.kind == RefKind::RoleOrContact &&
          std::find(kPageRoles.begin(), kPageRoles.end(), id) != kPageRoles.end())
        continue;  // a role: its holder is referenced by organization or oncall
      if (std::none_of(people.begin(), people.end(),
                       [&](const Referenced& p) { return p.id == id; }))
        people.push_back({id, r.path, r.ref->loc});
    }
    if (people.empty()) {
      ctx.add(Status::Skip, "contacts", plan.loc, message("findings.org.contacts-reachable.none"));
      return;
    }
    for (const Referenced& p : people) check(plan, p, ctx);
  }

 private:
  static void check(const Plan& plan, const Referenced& p, Context& ctx) {
    const std::string subject = fmt::format("contacts[{}]", p.id);
    const Contact* c = plan.contact(p.id);
    if (!c) {
      Finding& f = ctx.add(Status::Fail, subject, p.first_loc,
                           message("findings.org.contacts-reachable.undeclared", fmt::arg("id", p.id),
                                   fmt::arg("path", p.first_path)));
      f.evidence.emplace_back("referenced_at", p.first_path);
      f.remediation = message("fixes.org.contacts-reachable.declare", fmt::arg("id", p.id),
                              fmt::arg("path", p.first_path));
      return;
    }

    std::vector<std::string> problems, said;  // problems: the evidence; said: the message
    SourceLoc where;
    auto problem = [&](const SourceLoc& loc, std::string what, std::string what_said) {
      if (!where.known()) where = loc;
      problems.push_back(std::move(what));
      said.push_back(std::move(what_said));
    };
    const std::string k = "findings.org.contacts-reachable.";
    if (!c->phone)
      problem(c->phone.loc, "no phone", message(k + "no_phone"));
    else if (!is_e164(*c->phone))
      problem(c->phone.loc, fmt::format("phone '{}' is not E.164", *c->phone),
              message(k + "bad_phone", fmt::arg("phone", *c->phone)));
    if (!c->email)
      problem(c->email.loc, "no email", message(k + "no_email"));
    else if (!is_email(*c->email))
      problem(c->email.loc, fmt::format("email '{}' is not an address", *c->email),
              message(k + "bad_email", fmt::arg("email", *c->email)));
    if (!c->timezone)
      problem(c->timezone.loc, "no timezone", message(k + "no_timezone"));
    else if (!find_zone(*c->timezone))
      problem(c->timezone.loc, fmt::format("timezone '{}' is not an IANA zone", *c->timezone),
              message(k + "bad_timezone", fmt::arg("zone", *c->timezone)));
    if (!problems.empty()) {
      Finding& f = ctx.add(Status::Fail, subject, where,
                           message("findings.org.contacts-reachable.problems", fmt::arg("id", p.id),
                                   fmt::arg("problems", fmt::join(said, message_text("findings.join.clauses")))));
      f.evidence.emplace_back("problems", problems);
      f.evidence.emplace_back("referenced_at", p.first_path);
      f.remediation = message("fixes.org.contacts-reachable.complete", fmt::arg("id", p.id));
      return;
    }
    Finding& f = ctx.add(Status::Pass, subject, c->loc,
                         message("findings.org.contacts-reachable.reachable", fmt::arg("id", p.id),
                                 fmt::arg("phone", *c->phone), fmt::arg("email", *c->email),
                                 fmt::arg("zone", *c->timezone)));
    f.evidence.emplace_back("phone", *c->phone);
    f.evidence.emplace_back("email", *c->email);
    f.evidence.emplace_back("timezone", *c->timezone);
    f.evidence.emplace_back("referenced_at", p.first_path);
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    ContactsReachable, .id = "org.contacts-reachable", .severity = Severity::Gate,
    .title = "Every referenced contact has a phone, an email and a time zone",
    .why =
        "Everybody the plan gives a duty (commander, working group, escalation targets, "
        "on-call, owners, trainees…) may have to be reached at 3 a.m.: that takes a "
        "dialable E.164 phone, an email for the written trail and the person's IANA time "
        "zone to know whether the call wakes them. Contacts nobody references are not "
        "checked; a referenced id that is not declared fails.",
    .fix =
        "Give each referenced contact a phone in E.164 form, an email address and an IANA "
        "timezone.",
    .reads = {"contacts[].id",
              "contacts[].phone",
              "contacts[].email",
              "contacts[].timezone",
              "plan.owner",
              "plan.approvals[].by",
              "go_live.checkpoints[].owner",
              "organization.commander",
              "organization.deputy",
              "organization.roles",
              "organization.working_group",
              "organization.departments[].lead",
              "response.severities[].page",
              "response.escalation[].target",
              "response.comms.owner",
              "response.review.owner",
              "rollback.decision_owner",
              "oncall.shifts[].who",
              "training[].attendees",
              "scenarios.large_upgrade.pm_group",
              "scenarios.cross_border.regions[].responsible",
              "scenarios.new_technology[].risk_assessment.owner",
              "scenarios.new_technology[].trained"},
    .live = false);

}  // namespace golive
