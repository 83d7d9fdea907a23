// checks/plan/revision_current.cpp
#include <chrono>
#include <string>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"

namespace golive {
namespace {

using namespace std::chrono_literals;

/// Fails when the plan's last revision is older than its review interval: the plan's own
/// `plan.review_every`, else the rule's `review_every`.
class RevisionCurrent final : public Check {
 public:
  explicit RevisionCurrent(const Params& p)
      : review_every_(p.duration("review_every", 365 * 24h)) {}

  void run(const Plan& plan, Context& ctx) const override {
    const PlanMeta& meta = plan.plan;
    const bool from_plan = meta.review_every && *meta.review_every > Duration::zero();
    const Duration limit = from_plan ? *meta.review_every : review_every_;

    if (!meta.revised_at) {
      Finding& f = ctx.add(Status::Fail, "plan", meta.revised_at.loc,
                           message("findings.plan.revision-current.no_revised_at"));
      f.evidence.emplace_back("limit", format_duration(limit));
      f.evidence.emplace_back("limit_seconds", int64_t{limit.count()});
      f.remediation = message("fixes.plan.revision-current.no_revised_at");
      return;
    }

    const Instant revised = *meta.revised_at;
    const Elapsed age = ctx.age(revised);
    const std::string revised_text = format_instant_in(revised, plan.zone());
    if (age < Duration::zero()) {
      Finding& f = ctx.add(Status::Fail, "plan", meta.revised_at.loc,
                           message("findings.plan.revision-current.future",
                                   fmt::arg("revised", say_instant(revised, plan.zone())),
                                   fmt::arg("ahead", say_duration(-age)),
                                   fmt::arg("as_of", say_instant(ctx.as_of(), plan.zone()))));
      f.evidence.emplace_back("revised_at", revised_text);
      f.evidence.emplace_back("age", format_duration(age));
      f.evidence.emplace_back("age_seconds", whole_seconds(age));
      f.remediation = message("fixes.plan.revision-current.future");
      return;
    }

    // Said in the run's language, in the message and in the evidence alike.
    const std::string limited_said = from_plan ? message("findings.plan.revision-current.by_plan")
                                               : message("findings.plan.revision-current.by_rule");
    Finding& f = age <= limit
                     ? ctx.add(Status::Pass, "plan", meta.revised_at.loc,
                               message("findings.plan.revision-current.current", fmt::arg("age", say_duration(age)),
                                       fmt::arg("limit", say_duration(limit)), fmt::arg("by", limited_said)))
                     : ctx.add(Status::Fail, "plan", meta.revised_at.loc,
                               message("findings.plan.revision-current.overdue", fmt::arg("age", say_duration(age)),
                                       fmt::arg("limit", say_duration(limit)), fmt::arg("by", limited_said),
                                       fmt::arg("overdue", say_duration(age - limit))));
    f.evidence.emplace_back("revised_at", revised_text);
    f.evidence.emplace_back("age", format_duration(age));
    f.evidence.emplace_back("age_seconds", whole_seconds(age));
    f.evidence.emplace_back("limit", format_duration(limit));
    f.evidence.emplace_back("limit_seconds", int64_t{limit.count()});
    f.evidence.emplace_back("limited_by", limited_said);
    if (f.status == Status::Pass)
      f.expires_at = revised + limit;
    else
      f.remediation = message("fixes.plan.revision-current.review",
                              fmt::arg("revised", say_instant(revised, plan.zone())));
  }

 private:
  Duration review_every_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    RevisionCurrent, .id = "plan.revision-current", .severity = Severity::Gate,
    .title = "The plan was revised within its review interval",
    .why =
        "An emergency plan describes people, systems and procedures that change: a plan "
        "not reviewed for a long time names people who have left and steps that no longer "
        "work. The age of plan.revised_at at the as-of instant must stay within "
        "plan.review_every, or the rule's review_every when the plan sets none; a revision "
        "dated after the as-of instant is a recording error and fails. The pass expires when "
        "the next review falls due.",
    .fix =
        "Review the plan, then update plan.revised_at (and plan.review_every if the interval "
        "changed).",
    .reads = {"plan.revised_at", "plan.review_every"}, .live = false);

}  // namespace golive
