#include "checks/engine/references.h"

#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

#include "checks/engine/i18n.h"

namespace golive {

const std::vector<std::string> kPageRoles = {"commander", "deputy",  "ops_lead", "comms_lead",
                                             "scribe",    "primary", "backup"};

namespace {

class Collector {
 public:
  void one(const Ref& r, std::string path, RefKind kind) {
    if (r) out.push_back({std::move(path), &r, kind});
  }
  void list(const std::vector<Ref>& refs, const std::string& path, RefKind kind) {
    for (size_t i = 0; i < refs.size(); ++i) one(refs[i], fmt::format("{}[{}]", path, i), kind);
  }
  std::vector<PlanRef> out;
};

}  // namespace

std::vector<PlanRef> plan_references(const Plan& plan) {
  Collector c;
  constexpr RefKind kContact = RefKind::Contact;

  c.one(plan.plan.owner, "plan.owner", kContact);
  for (size_t i = 0; i < plan.plan.approvals.size(); ++i)
    c.one(plan.plan.approvals[i].by, fmt::format("plan.approvals[{}].by", i), kContact);
  for (size_t i = 0; i < plan.go_live.checkpoints.size(); ++i)
    c.one(plan.go_live.checkpoints[i].owner, fmt::format("go_live.checkpoints[{}].owner", i),
          kContact);

  if (const auto& o = plan.organization) {
    c.one(o->commander, "organization.commander", kContact);
    c.one(o->deputy, "organization.deputy", kContact);
    for (const auto& [role, who] : o->roles)
      c.one(who, fmt::format("organization.roles.{}", role), kContact);
    c.list(o->working_group, "organization.working_group", kContact);
    for (size_t i = 0; i < o->departments.size(); ++i)
      c.one(o->departments[i].lead, fmt::format("organization.departments[{}].lead", i), kContact);
  }

  if (const auto& r = plan.response) {
    for (size_t i = 0; i < r->severities.size(); ++i)
      c.list(r->severities[i].page, fmt::format("response.severities[{}].page", i),
             RefKind::RoleOrContact);
    for (size_t i = 0; i < r->escalation.size(); ++i)
      c.one(r->escalation[i].target, fmt::format("response.escalation[{}].target", i), kContact);
    if (r->comms) c.one(r->comms->owner, "response.comms.owner", kContact);
    if (r->review) c.one(r->review->owner, "response.review.owner", kContact);
  }

  for (size_t i = 0; i < plan.backups.size(); ++i)
    c.one(plan.backups[i].datastore, fmt::format("backups[{}].datastore", i),
          RefKind::DatastoreOrSystem);
  if (plan.rollback) c.one(plan.rollback->decision_owner, "rollback.decision_owner", kContact);
  for (size_t i = 0; i < plan.shifts.size(); ++i)
    c.one(plan.shifts[i].who, fmt::format("oncall.shifts[{}].who", i), kContact);
  for (size_t i = 0; i < plan.training.size(); ++i)
    c.list(plan.training[i].attendees, fmt::format("training[{}].attendees", i), kContact);
  if (plan.resources)
    for (size_t i = 0; i < plan.resources->spares.size(); ++i)
      c.list(plan.resources->spares[i].covers, fmt::format("resources.spares[{}].covers", i),
             RefKind::System);

  if (const auto& u = plan.scenarios.large_upgrade) {
    c.list(u->pm_group, "scenarios.large_upgrade.pm_group", kContact);
    if (u->data_migration)
      c.one(u->data_migration->pre_backup, "scenarios.large_upgrade.data_migration.pre_backup",
            RefKind::Backup);
  }
  if (const auto& x = plan.scenarios.cross_border)
    for (size_t i = 0; i < x->regions.size(); ++i)
      c.one(x->regions[i].responsible,
            fmt::format("scenarios.cross_border.regions[{}].responsible", i), kContact);
  for (size_t i = 0; i < plan.scenarios.new_technology.size(); ++i) {
    const NewTechnology& n = plan.scenarios.new_technology[i];
    if (n.risk_assessment)
      c.one(n.risk_assessment->owner,
            fmt::format("scenarios.new_technology[{}].risk_assessment.owner", i), kContact);
    c.list(n.trained, fmt::format("scenarios.new_technology[{}].trained", i), kContact);
  }

  for (size_t i = 0; i < plan.vendors.size(); ++i)
    c.list(plan.vendors[i].covers, fmt::format("vendors[{}].covers", i),
           RefKind::DatastoreOrSystem);
  return std::move(c.out);
}

std::vector<std::string> reference_candidates(const Plan& plan, RefKind kind) {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  auto add = [&](const Text& t) {
    if (t && seen.insert(*t).second) out.push_back(*t);
  };
  switch (kind) {
    case RefKind::RoleOrContact:
      out = kPageRoles;
      seen.insert(out.begin(), out.end());
      [[fallthrough]];
    case RefKind::Contact:
      for (const Contact& c : plan.contacts) add(c.id);
      break;
    case RefKind::DatastoreOrSystem:
      for (const System& s : plan.systems)
        for (const Ref& d : s.datastores) add(d);
      [[fallthrough]];
    case RefKind::System:
      for (const System& s : plan.systems) add(s.id);
      break;
    case RefKind::Backup:
      for (const Backup& b : plan.backups) add(b.id);
      break;
  }
  return out;
}

bool reference_resolves(const Plan& plan, RefKind kind, const std::string& value) {
  switch (kind) {
    case RefKind::Contact:
      return plan.contact(value) != nullptr;
    case RefKind::RoleOrContact:
      return std::find(kPageRoles.begin(), kPageRoles.end(), value) != kPageRoles.end() ||
             plan.contact(value) != nullptr;
    case RefKind::System:
      return plan.system(value) != nullptr;
    case RefKind::DatastoreOrSystem:
      return plan.has_datastore(value) || plan.system(value) != nullptr;
    case RefKind::Backup:
      return plan.backup(value) != nullptr;
  }
  return false;
}

std::string describe_ref_kind(RefKind kind) {
  switch (kind) {
    case RefKind::Contact:
      return "a contact id";
    case RefKind::RoleOrContact:
      return "a role or a contact id";
    case RefKind::System:
      return "a system id";
    case RefKind::DatastoreOrSystem:
      return "a datastore or a system id";
    case RefKind::Backup:
      return "a backup id";
  }
  return "an id";
}

std::string unheld_role(const Plan& plan, const std::string& role) {
  if (role == "primary" || role == "backup") {
    bool held = std::any_of(plan.shifts.begin(), plan.shifts.end(),
                            [&](const Shift& s) { return s.level && *s.level == role; });
    return held ? "" : message("errors.references.no_shift", fmt::arg("level", role));
  }
  const Organization* o = plan.organization ? &*plan.organization : nullptr;
  auto unset = [](const std::string& key) { return message("errors.references.unset", fmt::arg("key", key)); };
  if (role == "commander") return o && o->commander ? "" : unset("organization.commander");
  if (role == "deputy") return o && o->deputy ? "" : unset("organization.deputy");
  const Text* holder = o ? o->role(role) : nullptr;
  return holder && *holder ? "" : unset("organization.roles." + role);
}

}  // namespace golive
