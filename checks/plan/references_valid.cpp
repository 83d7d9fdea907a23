// checks/plan/references_valid.cpp
#include <algorithm>
#include <string>
#include <vector>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/engine/references.h"

namespace golive {
namespace {

/// Where a missing declaration would go, for remediations.
std::string declare_hint(RefKind kind, const std::string& value) {
  switch (kind) {
    case RefKind::Contact:
    case RefKind::RoleOrContact:
      return message("fixes.plan.references-valid.declare_contact", fmt::arg("id", value));
    case RefKind::System:
      return message("fixes.plan.references-valid.declare_system", fmt::arg("id", value));
    case RefKind::DatastoreOrSystem:
      return message("fixes.plan.references-valid.declare_datastore", fmt::arg("id", value));
    case RefKind::Backup:
      return message("fixes.plan.references-valid.declare_backup", fmt::arg("id", value));
  }
  return message("fixes.plan.references-valid.declare");
}

/// describe_ref_kind() in the run's language, for messages (evidence keeps the English).
std::string say_ref_kind(RefKind kind) {
  switch (kind) {
    case RefKind::Contact:
      return message("findings.plan.references-valid.kind.contact");
    case RefKind::RoleOrContact:
      return message("findings.plan.references-valid.kind.role_or_contact");
    case RefKind::System:
      return message("findings.plan.references-valid.kind.system");
    case RefKind::DatastoreOrSystem:
      return message("findings.plan.references-valid.kind.datastore_or_system");
    case RefKind::Backup:
      return message("findings.plan.references-valid.kind.backup");
  }
  return message("findings.plan.references-valid.kind.any");
}

/// Why nobody holds a paged role, in the run's language: unheld_role()'s reasons.
std::string say_unheld(const std::string& role) {
  if (role == "primary" || role == "backup")
    return message("findings.plan.references-valid.no_shift_level", fmt::arg("role", role));
  if (role == "commander" || role == "deputy")
    return message("findings.plan.references-valid.org_unset", fmt::arg("key", "organization." + role));
  return message("findings.plan.references-valid.org_unset", fmt::arg("key", "organization.roles." + role));
}

/// Fails once per reference that names nothing declared in the plan (SPEC §2), with a
/// "did you mean" hint; a role name paged by a severity level must be held by somebody.
class ReferencesValid final : public Check {
 public:
  explicit ReferencesValid(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    const std::vector<PlanRef> refs = plan_references(plan);
    size_t bad = 0;
    for (const PlanRef& r : refs) {
      const std::string& value = **r.ref;
      if (!reference_resolves(plan, r.kind, value)) {
        ++bad;
        unresolved(plan, r, ctx);
        continue;
      }
      if (r.kind == RefKind::RoleOrContact && !plan.contact(value)) {
        if (unheld_role(plan, value).empty()) continue;
        ++bad;
        Finding& f = ctx.add(Status::Fail, r.path, r.ref->loc,
                             message("findings.plan.references-valid.unheld_role", fmt::arg("path", r.path),
                                     fmt::arg("role", value), fmt::arg("why", say_unheld(value))));
        f.evidence.emplace_back("value", value);
        f.evidence.emplace_back("expected", describe_ref_kind(r.kind));
        f.remediation = message("fixes.plan.references-valid.unheld_role", fmt::arg("role", value),
                                fmt::arg("path", r.path));
      }
    }
    if (bad == 0) {
      Finding& f = refs.size() == 1
                       ? ctx.add(Status::Pass, "plan", plan.loc, message("findings.plan.references-valid.one_resolves"))
                       : ctx.add(Status::Pass, "plan", plan.loc,
                                 message("findings.plan.references-valid.all_resolve", fmt::arg("count", refs.size())));
      f.evidence.emplace_back("references", static_cast<int64_t>(refs.size()));
    }
  }

 private:
  static void unresolved(const Plan& plan, const PlanRef& r, Context& ctx) {
    const std::string& value = **r.ref;
    const std::string suggestion = did_you_mean(value, reference_candidates(plan, r.kind));
    const std::string expected = describe_ref_kind(r.kind);
    Finding& f = suggestion.empty()
                     ? ctx.add(Status::Fail, r.path, r.ref->loc,
                               message("findings.plan.references-valid.unresolved", fmt::arg("path", r.path),
                                       fmt::arg("value", value), fmt::arg("expected", say_ref_kind(r.kind))))
                     : ctx.add(Status::Fail, r.path, r.ref->loc,
                               message("findings.plan.references-valid.unresolved_near", fmt::arg("path", r.path),
                                       fmt::arg("value", value), fmt::arg("expected", say_ref_kind(r.kind)),
                                       fmt::arg("near", suggestion)));
    f.evidence.emplace_back("value", value);
    f.evidence.emplace_back("expected", expected);
    if (!suggestion.empty()) f.evidence.emplace_back("did_you_mean", suggestion);
    if (r.kind == RefKind::RoleOrContact) f.evidence.emplace_back("roles", kPageRoles);
    f.remediation = suggestion.empty()
                        ? message("fixes.plan.references-valid.correct", fmt::arg("path", r.path),
                                  fmt::arg("declare", declare_hint(r.kind, value)))
                        : message("fixes.plan.references-valid.change", fmt::arg("path", r.path),
                                  fmt::arg("near", suggestion), fmt::arg("declare", declare_hint(r.kind, value)));
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    ReferencesValid, .id = "plan.references-valid", .severity = Severity::Gate,
    .title = "Every id referenced in the plan is declared",
    .why =
        "The plan names people, systems, datastores and backups by id; a typo silently "
        "detaches a duty from its owner, so in an incident nobody is paged, nobody decides "
        "the rollback and the backup meant for a migration is not the one taken. Every field "
        "of SPEC §2 that holds an id must name a declared contact, system, datastore or "
        "backup; severity levels may page a role (commander, deputy, ops_lead, comms_lead, "
        "scribe, primary, backup), which somebody must hold. Each unresolved reference is "
        "reported where it is written, with the closest declared id.",
    .fix =
        "Correct the id where it is referenced, or declare the contact, system, datastore or "
        "backup it names.",
    .reads = {"plan.owner",
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
              "backups[].datastore",
              "rollback.decision_owner",
              "oncall.shifts[].who",
              "training[].attendees",
              "resources.spares[].covers",
              "scenarios.large_upgrade.pm_group",
              "scenarios.large_upgrade.data_migration.pre_backup",
              "scenarios.cross_border.regions[].responsible",
              "scenarios.new_technology[].risk_assessment.owner",
              "scenarios.new_technology[].trained",
              "vendors[].covers",
              "contacts[].id",
              "systems[].id",
              "systems[].datastores",
              "backups[].id"},
    .live = false);

}  // namespace golive
