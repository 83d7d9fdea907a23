// checks/upgrade/absent.cpp
#include "checks/upgrade/absent.h"

#include "checks/engine/i18n.h"

namespace golive {

void large_upgrade_absent(const Plan& plan, Context& ctx, const std::string& subject,
                          const char* skip_message) {
  if (plan.tagged("large-upgrade"))
    ctx.add(Status::Fail, subject, plan.tag_loc("large-upgrade"), message("findings.upgrade.missing"))
        .remediation = message("fixes.upgrade.add");
  else
    ctx.add(Status::Skip, subject, plan.scenarios.loc.known() ? plan.scenarios.loc : plan.loc,
            message(skip_message));
}

}  // namespace golive
