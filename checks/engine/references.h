#pragma once
/// The references of a plan (SPEC §2): every field that names something declared
/// elsewhere by its id, with the path a user would write to find it.

#include <string>
#include <vector>

#include "checks/engine/plan.h"

namespace golive {

/// What a reference must name.
enum class RefKind {
  Contact,            ///< a `contacts[].id`
  RoleOrContact,      ///< a role name of kPageRoles, or a `contacts[].id`
  System,             ///< a `systems[].id`
  DatastoreOrSystem,  ///< an entry of some `systems[].datastores`, or a `systems[].id`
  Backup,             ///< a `backups[].id`
};

/// The role names `response.severities[].page[]` may hold besides contact ids.
extern const std::vector<std::string> kPageRoles;

/// One reference written in the plan. `ref` points into the Plan it was taken from.
struct PlanRef {
  std::string path;  ///< `response.escalation[1].target`, `training[0].attendees[2]`
  const Ref* ref = nullptr;
  RefKind kind = RefKind::Contact;
};

/// Every reference present in the plan (absent optional fields are left out), section by
/// section in the order of SPEC §3.
std::vector<PlanRef> plan_references(const Plan& plan);

/// The ids a reference of this kind may name, in plan order: for did-you-mean hints.
std::vector<std::string> reference_candidates(const Plan& plan, RefKind kind);

/// Whether `value` names something declared in the plan. A role name of RoleOrContact
/// resolves as a name; whether anybody holds that role is the caller's business.
bool reference_resolves(const Plan& plan, RefKind kind, const std::string& value);

/// Why nobody answers to a role name paged by a severity level ("no oncall shift has level
/// backup", "organization.deputy is not set", in the run's language), or "" when somebody does.
std::string unheld_role(const Plan& plan, const std::string& role);

/// "a contact id", "a role or a contact id", "a system id", "a datastore or a system id",
/// "a backup id": for messages.
std::string describe_ref_kind(RefKind kind);

}  // namespace golive
