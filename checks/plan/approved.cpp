// checks/plan/approved.cpp
#include <fmt/ranges.h>

#include <string>
#include <vector>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"

namespace golive {
namespace {

/// Fails unless the commander (`organization.commander`) approved the current revision: an
/// approval whose `by` is the commander's contact id, dated on or after `plan.revised_at`
/// and not after the as-of instant. `role` is descriptive: an approval by the commander
/// counts whatever role it names, and one that names role `commander` but is by somebody
/// else does not count (a deputy signing for the commander is not the commander's
/// approval). Instants are compared exactly; a bare date is midnight in the go-live zone.
class PlanApproved final : public Check {
 public:
  explicit PlanApproved(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    const PlanMeta& meta = plan.plan;
    const auto* zone = plan.zone();
    const Ref* commander = plan.organization ? &plan.organization->commander : nullptr;
    if (!commander || !*commander) {
      Finding& f = ctx.add(Status::Fail, "plan", commander ? commander->loc : plan.loc,
                           message("findings.plan.approved.no_commander"));
      f.remediation = message("fixes.plan.approved.no_commander");
      return;
    }
    const std::string& who = **commander;
    if (!meta.revised_at) {
      Finding& f = ctx.add(Status::Fail, "plan", meta.revised_at.loc, message("findings.plan.approved.no_revised_at"));
      f.remediation = message("fixes.plan.approved.no_revised_at");
      return;
    }
    const Instant revised = *meta.revised_at;
    const std::string revised_text = format_instant_in(revised, zone);
    const std::string revised_said = say_instant(revised, zone);

    const Approval* best = nullptr;
    std::vector<std::string> rejected;
    SourceLoc first_rejected;
    auto reject = [&](const SourceLoc& loc, std::string why) {
      if (!first_rejected.known()) first_rejected = loc;
      rejected.push_back(std::move(why));
    };
    for (size_t i = 0; i < meta.approvals.size(); ++i) {
      const Approval& a = meta.approvals[i];
      const std::string path = fmt::format("plan.approvals[{}]", i);
      const bool by_commander = a.by && *a.by == who;
      if (!by_commander) {
        if (a.role && *a.role == "commander")
          reject(a.by.loc, a.by ? message("findings.plan.approved.not_commander", fmt::arg("path", path),
                                          fmt::arg("by", *a.by), fmt::arg("commander", who))
                                : message("findings.plan.approved.by_nobody", fmt::arg("path", path),
                                          fmt::arg("commander", who)));
        continue;
      }
      if (!a.at) {
        reject(a.at.loc, message("findings.plan.approved.no_date", fmt::arg("path", path), fmt::arg("by", who)));
      } else if (*a.at < revised) {
        reject(a.at.loc, message("findings.plan.approved.before_revision", fmt::arg("path", path),
                                 fmt::arg("by", who), fmt::arg("at", say_instant(*a.at, zone)),
                                 fmt::arg("early", say_duration(revised - *a.at))));
      } else if (*a.at > ctx.as_of()) {
        reject(a.at.loc, message("findings.plan.approved.after_as_of", fmt::arg("path", path),
                                 fmt::arg("by", who), fmt::arg("at", say_instant(*a.at, zone)),
                                 fmt::arg("as_of", say_instant(ctx.as_of(), zone))));
      } else if (!best || *a.at > *best->at) {
        best = &a;
      }
    }

    if (best) {
      Finding& f = ctx.add(Status::Pass, "plan", best->at.loc,
                           message("findings.plan.approved.approved", fmt::arg("commander", who),
                                   fmt::arg("at", say_instant(*best->at, zone)),
                                   fmt::arg("after", say_duration(*best->at - revised)),
                                   fmt::arg("revised", revised_said)));
      f.evidence.emplace_back("commander", who);
      f.evidence.emplace_back("approved_at", format_instant_in(*best->at, zone));
      f.evidence.emplace_back("revised_at", revised_text);
      return;
    }

    Finding& f =
        rejected.empty()
            ? ctx.add(Status::Fail, "plan", meta.loc,
                      message("findings.plan.approved.none", fmt::arg("commander", who),
                              fmt::arg("revised", revised_said)))
            : ctx.add(Status::Fail, "plan", first_rejected,
                      message("findings.plan.approved.none_counted", fmt::arg("commander", who),
                              fmt::arg("revised", revised_said),
                              fmt::arg("rejected", fmt::join(rejected, message_text("findings.engine.join.clauses")))));
    f.evidence.emplace_back("commander", who);
    f.evidence.emplace_back("revised_at", revised_text);
    f.evidence.emplace_back("approvals", static_cast<int64_t>(meta.approvals.size()));
    if (!rejected.empty()) f.evidence.emplace_back("not_counted", rejected);
    f.remediation = message("fixes.plan.approved.approve", fmt::arg("commander", who),
                            fmt::arg("revised", revised_said));
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    PlanApproved, .id = "plan.approved", .severity = Severity::Gate,
    .title = "The commander approved the current revision of the plan",
    .why =
        "An emergency plan is only binding once the command centre's commander has "
        "approved it, and an approval covers the text that existed when it was given: a "
        "revision after the approval needs a new one. An approval counts when its `by` is "
        "the contact id in organization.commander and its `at` is on or after "
        "plan.revised_at and not after the as-of instant. `role` is descriptive: an approval "
        "naming role commander by somebody else does not count. A bare date is midnight in "
        "the go-live time zone, so an approval written as a date on the day of a timed "
        "revision predates it.",
    .fix =
        "Have the commander approve the current revision and record it in plan.approvals "
        "with by: <commander id> and the date.",
    .reads = {"organization.commander", "plan.revised_at", "plan.approvals[].role",
              "plan.approvals[].by", "plan.approvals[].at"},
    .live = false);

}  // namespace golive
