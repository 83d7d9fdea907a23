// checks/upgrade/pm_group.cpp
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"

namespace golive {
namespace {

constexpr const char* kSubject = "pm_group";

/// Fails unless the large upgrade's project management group names at least one person
/// declared under contacts.
class UpgradePmGroup final : public Check {
 public:
  explicit UpgradePmGroup(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (!plan.scenarios.large_upgrade) {
      ctx.skip(kSubject, plan.scenarios.loc.known() ? plan.scenarios.loc : plan.loc,
               "no large upgrade declared (scenarios.large_upgrade)");
      return;
    }
    const LargeUpgrade& u = *plan.scenarios.large_upgrade;
    std::vector<std::string> known, unknown;
    for (const Ref& r : u.pm_group) {
      if (!r) continue;
      (plan.contact(*r) ? known : unknown).push_back(*r);
    }
    if (known.empty()) {
      Finding& f = u.pm_group.empty()
                       ? ctx.fail(kSubject, u.loc, "no project management group (scenarios.large_upgrade.pm_group)")
                       : ctx.fail(kSubject, u.pm_group.front().loc,
                                  "no member of the project management group is a declared contact: {}",
                                  fmt::join(unknown, ", "));
      f.evidence.emplace_back("unresolved", unknown);
      f.remediation =
          "List in scenarios.large_upgrade.pm_group the contact ids of the people who run the "
          "upgrade project (each declared under contacts)";
      return;
    }
    std::string message = fmt::format("project management group: {}", fmt::join(known, ", "));
    if (!unknown.empty())
      message += fmt::format(" ({} not declared under contacts, see plan.references-valid)", fmt::join(unknown, ", "));
    Finding& f = ctx.pass(kSubject, u.pm_group.front().loc, "{}", message);
    f.evidence.emplace_back("members", known);
    if (!unknown.empty()) f.evidence.emplace_back("unresolved", unknown);
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    UpgradePmGroup, .id = "upgrade.pm-group", .severity = Severity::Gate,
    .title = "A large upgrade has a project management group",
    .why = "A large-scale upgrade touches many teams over several phases; without a named "
           "project management group (项目管理组) nobody owns the schedule, the phase gates and "
           "the coordination between them. scenarios.large_upgrade.pm_group must name at least "
           "one person declared under contacts.",
    .fix = "Name the upgrade's project managers (contact ids) in scenarios.large_upgrade.pm_group.",
    .reads = {"scenarios.large_upgrade.pm_group", "contacts[].id"},
    .live = false);

}  // namespace golive
