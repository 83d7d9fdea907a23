// checks/plan/references_valid.cpp
#include <algorithm>
#include <string>
#include <vector>

#include "checks/engine/check.h"
#include "checks/engine/references.h"

namespace golive {
namespace {

/// Where a missing declaration would go, for remediations.
std::string declare_hint(RefKind kind, const std::string& value) {
  switch (kind) {
    case RefKind::Contact:
    case RefKind::RoleOrContact:
      return fmt::format("add a contact with id {} to contacts", value);
    case RefKind::System:
      return fmt::format("add a system with id {} to systems", value);
    case RefKind::DatastoreOrSystem:
      return fmt::format("list {} in the datastores of the system that owns it", value);
    case RefKind::Backup:
      return fmt::format("add a backup with id {} to backups", value);
  }
  return "declare it";
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
        const std::string why = unheld_role(plan, value);
        if (why.empty()) continue;
        ++bad;
        Finding& f = ctx.fail(r.path, r.ref->loc, "{}: role {} is paged but nobody holds it ({})",
                              r.path, value, why);
        f.evidence.emplace_back("value", value);
        f.evidence.emplace_back("expected", describe_ref_kind(r.kind));
        f.remediation = fmt::format(
            "Assign the {} role in the plan, or page a contact id instead in {}", value, r.path);
      }
    }
    if (bad == 0) {
      Finding& f = refs.size() == 1
                       ? ctx.pass("plan", plan.loc, "the only reference resolves")
                       : ctx.pass("plan", plan.loc, "all {} references resolve", refs.size());
      f.evidence.emplace_back("references", static_cast<int64_t>(refs.size()));
    }
  }

 private:
  static void unresolved(const Plan& plan, const PlanRef& r, Context& ctx) {
    const std::string& value = **r.ref;
    const std::string suggestion = did_you_mean(value, reference_candidates(plan, r.kind));
    const std::string expected = describe_ref_kind(r.kind);
    Finding& f = suggestion.empty()
                     ? ctx.fail(r.path, r.ref->loc, "{}: '{}' is not {}", r.path, value, expected)
                     : ctx.fail(r.path, r.ref->loc, "{}: '{}' is not {} (did you mean '{}'?)",
                                r.path, value, expected, suggestion);
    f.evidence.emplace_back("value", value);
    f.evidence.emplace_back("expected", expected);
    if (!suggestion.empty()) f.evidence.emplace_back("did_you_mean", suggestion);
    if (r.kind == RefKind::RoleOrContact) f.evidence.emplace_back("roles", kPageRoles);
    f.remediation = suggestion.empty()
                        ? fmt::format("Correct {}, or {}", r.path, declare_hint(r.kind, value))
                        : fmt::format("Change {} to {}, or {}", r.path, suggestion,
                                      declare_hint(r.kind, value));
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
