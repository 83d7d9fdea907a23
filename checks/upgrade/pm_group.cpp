// checks/upgrade/pm_group.cpp
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/upgrade/absent.h"

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
      large_upgrade_absent(plan, ctx, kSubject, "findings.upgrade.pm-group.no_upgrade");
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
                       ? ctx.add(Status::Fail, kSubject, u.loc, message("findings.upgrade.pm-group.none"))
                       : ctx.add(Status::Fail, kSubject, u.pm_group.front().loc,
                                 message("findings.upgrade.pm-group.none_declared",
                                         fmt::arg("unknown", fmt::join(unknown, message_text("findings.engine.join.list")))));
      f.evidence.emplace_back("unresolved", unknown);
      f.remediation = message("fixes.upgrade.pm-group.none");
      return;
    }
    Finding& f = ctx.add(
        Status::Pass, kSubject, u.pm_group.front().loc,
        unknown.empty() ? message("findings.upgrade.pm-group.group", fmt::arg("members", fmt::join(known, message_text("findings.engine.join.list"))))
                        : message("findings.upgrade.pm-group.group_partly", fmt::arg("members", fmt::join(known, message_text("findings.engine.join.list"))),
                                  fmt::arg("unknown", fmt::join(unknown, message_text("findings.engine.join.list")))));
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
    .reads = {"scenarios.large_upgrade.pm_group", "contacts[].id", "plan.scenarios"},
    .live = false);

}  // namespace golive
