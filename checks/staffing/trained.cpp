// checks/staffing/trained.cpp
#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/engine/plan_values.h"

namespace golive {
namespace {

using namespace std::chrono_literals;

/// Somebody who must be trained, the duty that requires it, and where the plan names them.
struct Person {
  std::string id;
  std::string duty;  ///< evidence: commander, deputy, working group
  std::string said;  ///< the duty in the run's language, for messages
  SourceLoc loc;
};

/// Warns for each of the commander, the deputy and the working group members who has not
/// attended a training within max_age before the as-of instant.
class Trained final : public Check {
 public:
  explicit Trained(const Params& p) : max_age_(p.duration("max_age", 365 * 24h)) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (!plan.organization) {
      Finding& f = ctx.add(Status::Fail, "organization", plan.loc, message("findings.staffing.trained.no_organization"));
      f.remediation = message("fixes.staffing.trained.no_organization");
      return;
    }
    const Organization& o = *plan.organization;
    std::vector<Person> people;
    auto add = [&](const Ref& r, const std::string& duty, std::string said) {
      if (r &&
          std::none_of(people.begin(), people.end(), [&](const Person& p) { return p.id == *r; }))
        people.push_back({*r, duty, std::move(said), r.loc});
    };
    add(o.commander, "commander", message("findings.staffing.trained.commander"));
    add(o.deputy, "deputy", message("findings.staffing.trained.deputy"));
    for (const Ref& r : o.working_group) add(r, "working group", message("findings.staffing.trained.working_group"));
    if (people.empty()) {
      Finding& f = ctx.add(Status::Fail, "organization", o.loc, message("findings.staffing.trained.nobody"));
      f.remediation = message("fixes.staffing.trained.nobody");
      return;
    }
    for (const Person& p : people) check(plan, p, ctx);
  }

 private:
  void check(const Plan& plan, const Person& p, Context& ctx) const {
    const std::string subject = fmt::format("training[{}]", p.id);
    const Training* latest = nullptr;  // latest attended at or before the as-of instant
    const Ref* latest_ref = nullptr;
    const Training* planned = nullptr;  // earliest dated after the as-of instant
    for (const Training& t : plan.training) {
      if (!t.at) continue;
      auto it = std::find_if(t.attendees.begin(), t.attendees.end(),
                             [&](const Ref& r) { return r && *r == p.id; });
      if (it == t.attendees.end()) continue;
      if (*t.at > ctx.as_of()) {
        if (!planned || *t.at < *planned->at) planned = &t;
      } else if (!latest || *t.at > *latest->at) {
        latest = &t;
        latest_ref = &*it;
      }
    }

    const std::string limit = format_duration(max_age_);
    if (!latest) {
      Finding& f =
          planned ? ctx.add(Status::Fail, subject, p.loc,
                            message("findings.staffing.trained.planned", fmt::arg("who", p.id), fmt::arg("duty", p.said),
                                    fmt::arg("topic", planned->topic ? say_name(*planned->topic)
                                                                     : message("findings.staffing.trained.untitled")),
                                    fmt::arg("at", say_instant(*planned->at, plan.zone()))))
                  : ctx.add(Status::Fail, subject, p.loc,
                            message("findings.staffing.trained.never", fmt::arg("who", p.id), fmt::arg("duty", p.said)));
      f.evidence.emplace_back("who", p.id);
      f.evidence.emplace_back("duty", p.duty);
      f.evidence.emplace_back("limit", limit);
      f.remediation = message("fixes.staffing.trained.never", fmt::arg("who", p.id));
      return;
    }

    const Elapsed age = ctx.age(*latest->at);
    const std::string topic = latest->topic ? say_name(*latest->topic) : message("findings.staffing.trained.untitled");
    Finding& f = age <= max_age_
                     ? ctx.add(Status::Pass, subject, latest_ref->loc,
                               message("findings.staffing.trained.recent", fmt::arg("who", p.id), fmt::arg("duty", p.said),
                                       fmt::arg("age", say_duration(age)), fmt::arg("topic", topic),
                                       fmt::arg("limit", say_duration(max_age_))))
                     : ctx.add(Status::Fail, subject, p.loc,
                               message("findings.staffing.trained.stale", fmt::arg("who", p.id), fmt::arg("duty", p.said),
                                       fmt::arg("age", say_duration(age)), fmt::arg("topic", topic),
                                       fmt::arg("limit", say_duration(max_age_))));
    f.evidence.emplace_back("who", p.id);
    f.evidence.emplace_back("duty", p.duty);
    f.evidence.emplace_back("trained_at", format_instant_in(*latest->at, plan.zone()));
    f.evidence.emplace_back("age", format_duration(age));
    f.evidence.emplace_back("age_seconds", whole_seconds(age));
    f.evidence.emplace_back("limit", limit);
    f.evidence.emplace_back("limit_seconds", int64_t{max_age_.count()});
    if (f.status == Status::Pass)
      f.expires_at = *latest->at + max_age_;
    else
      f.remediation = message("fixes.staffing.trained.stale", fmt::arg("who", p.id));
  }

  Duration max_age_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    Trained, .id = "staffing.trained", .severity = Severity::Warn,
    .title = "Commander, deputy and working group were trained on the plan recently",
    .why =
        "A plan people have never walked through is read for the first time during the "
        "incident. The commander, the deputy and every working group member must have "
        "attended a training (training[].attendees) within max_age before the as-of instant; "
        "a training dated later has not happened yet. Each pass expires when that person's "
        "training goes stale.",
    .fix = "Train the people missing and list them in training[].attendees with the date.",
    .reads = {"organization.commander", "organization.deputy", "organization.working_group",
              "training[].at", "training[].attendees", "training[].topic"},
    .live = false);

}  // namespace golive
