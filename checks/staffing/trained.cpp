// checks/staffing/trained.cpp
#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "checks/engine/check.h"

namespace golive {
namespace {

using namespace std::chrono_literals;

/// Somebody who must be trained, the duty that requires it, and where the plan names them.
struct Person {
  std::string id;
  std::string duty;
  SourceLoc loc;
};

/// Warns for each of the commander, the deputy and the working group members who has not
/// attended a training within max_age before the as-of instant.
class Trained final : public Check {
 public:
  explicit Trained(const Params& p) : max_age_(p.duration("max_age", 365 * 24h)) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (!plan.organization) {
      Finding& f = ctx.fail("organization", plan.loc,
                            "no organization section, so nobody is known to need training");
      f.remediation =
          "Add organization.commander, organization.deputy and "
          "organization.working_group";
      return;
    }
    const Organization& o = *plan.organization;
    std::vector<Person> people;
    auto add = [&](const Ref& r, const std::string& duty) {
      if (r &&
          std::none_of(people.begin(), people.end(), [&](const Person& p) { return p.id == *r; }))
        people.push_back({*r, duty, r.loc});
    };
    add(o.commander, "commander");
    add(o.deputy, "deputy");
    for (const Ref& r : o.working_group) add(r, "working group");
    if (people.empty()) {
      Finding& f = ctx.fail("organization", o.loc,
                            "no commander, deputy or working group named, so nobody can be shown "
                            "to be trained");
      f.remediation = "Name the commander, deputy and working group in organization";
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
          planned ? ctx.fail(subject, p.loc,
                             "{} ({}) has not attended a training yet: the next one ({}) is on {}, "
                             "after the as-of instant",
                             p.id, p.duty, planned->topic.value_or("untitled"),
                             format_instant_in(*planned->at, plan.zone()))
                  : ctx.fail(subject, p.loc, "{} ({}) has attended no training", p.id, p.duty);
      f.evidence.emplace_back("who", p.id);
      f.evidence.emplace_back("duty", p.duty);
      f.evidence.emplace_back("limit", limit);
      f.remediation =
          fmt::format("Train {} on the emergency plan and list them in training[].attendees", p.id);
      return;
    }

    const Elapsed age = ctx.age(*latest->at);
    const std::string topic = latest->topic.value_or("untitled");
    Finding& f = age <= max_age_
                     ? ctx.pass(subject, latest_ref->loc, "{} ({}) trained {} ago ({}), limit {}",
                                p.id, p.duty, format_duration(age), topic, limit)
                     : ctx.fail(subject, p.loc, "{} ({}) last trained {} ago ({}), limit {}", p.id,
                                p.duty, format_duration(age), topic, limit);
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
      f.remediation = fmt::format(
          "Refresh the training of {} on the emergency plan and record it in training[]", p.id);
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
