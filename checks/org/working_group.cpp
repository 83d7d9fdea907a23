// checks/org/working_group.cpp
#include <fmt/ranges.h>

#include <algorithm>
#include <string>
#include <vector>

#include "checks/engine/check.h"

namespace golive {
namespace {

/// Fails when the working group has fewer than min_members distinct declared contacts, and
/// once per member that is not a declared contact or is listed twice.
class WorkingGroup final : public Check {
 public:
  explicit WorkingGroup(const Params& p) : min_members_(p.integer("min_members", 2)) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (!plan.organization) {
      Finding& f = ctx.fail("organization", plan.loc,
                            "no organization section, so there is no working group");
      f.remediation =
          fmt::format("Add organization.working_group with at least {} contact ids", min_members_);
      return;
    }
    const Organization& o = *plan.organization;
    std::vector<std::string> candidates;
    for (const Contact& c : plan.contacts)
      if (c.id) candidates.push_back(*c.id);

    std::vector<std::string> members;
    for (size_t i = 0; i < o.working_group.size(); ++i) {
      const Ref& r = o.working_group[i];
      if (!r) continue;
      const std::string subject = fmt::format("organization.working_group[{}]", i);
      if (!plan.contact(*r)) {
        const std::string hint = did_you_mean(*r, candidates);
        Finding& f =
            hint.empty()
                ? ctx.fail(subject, r.loc, "member {} is not a declared contact", *r)
                : ctx.fail(subject, r.loc,
                           "member {} is not a declared contact (did you mean '{}'?)", *r, hint);
        f.evidence.emplace_back("member", *r);
        if (!hint.empty()) f.evidence.emplace_back("did_you_mean", hint);
        f.remediation =
            fmt::format("Correct {} or add a contact with id {} to contacts", subject, *r);
        continue;
      }
      if (std::find(members.begin(), members.end(), *r) != members.end()) {
        Finding& f = ctx.fail(subject, r.loc, "member {} is listed more than once", *r);
        f.evidence.emplace_back("member", *r);
        f.remediation = fmt::format("Remove the repeated {} from organization.working_group", *r);
        continue;
      }
      members.push_back(*r);
    }

    const auto count = static_cast<int64_t>(members.size());
    const std::string subject = "organization.working_group";
    Finding& f =
        count >= min_members_
            ? ctx.pass(subject, o.working_group_loc, "{} members: {} (minimum {})", count,
                       fmt::join(members, ", "), min_members_)
        : o.working_group.empty()
            ? ctx.fail(subject, o.working_group_loc,
                       "no working group (organization.working_group), minimum {} members",
                       min_members_)
            : ctx.fail(subject, o.working_group_loc, "{} declared member{}{}{}, minimum {}", count,
                       count == 1 ? "" : "s", count ? ": " : "", fmt::join(members, ", "),
                       min_members_);
    f.evidence.emplace_back("members", members);
    f.evidence.emplace_back("count", count);
    f.evidence.emplace_back("minimum", min_members_);
    if (f.status == Status::Fail)
      f.remediation = fmt::format(
          "List at least {} declared contacts in organization.working_group: the people who "
          "carry out the response under the commander",
          min_members_);
  }

 private:
  int64_t min_members_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    WorkingGroup, .id = "org.working-group", .severity = Severity::Gate,
    .title = "The emergency working group has enough declared members",
    .why =
        "The working group (应急工作小组) carries out the response the command centre "
        "decides: one person cannot assess, handle and communicate at once, and a member "
        "who is not a declared contact cannot be reached. The group must hold at least "
        "min_members distinct declared contacts; each unknown or repeated member is "
        "reported where it is listed.",
    .fix = "List at least min_members declared contact ids in organization.working_group.",
    .reads = {"organization.working_group", "contacts[].id"}, .live = false);

}  // namespace golive
