// checks/org/working_group.cpp
#include <fmt/ranges.h>

#include <algorithm>
#include <string>
#include <vector>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"

namespace golive {
namespace {

/// Fails when the working group has fewer than min_members distinct declared contacts, and
/// once per member that is not a declared contact or is listed twice.
class WorkingGroup final : public Check {
 public:
  explicit WorkingGroup(const Params& p) : min_members_(p.integer("min_members", 2)) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (!plan.organization) {
      Finding& f = ctx.add(Status::Fail, "organization", plan.loc,
                           message("findings.org.working-group.no_organization"));
      f.remediation = message("fixes.org.working-group.add", fmt::arg("min", min_members_));
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
                ? ctx.add(Status::Fail, subject, r.loc,
                          message("findings.org.working-group.unknown", fmt::arg("member", *r)))
                : ctx.add(Status::Fail, subject, r.loc,
                          message("findings.org.working-group.unknown_near", fmt::arg("member", *r),
                                  fmt::arg("hint", hint)));
        f.evidence.emplace_back("member", *r);
        if (!hint.empty()) f.evidence.emplace_back("did_you_mean", hint);
        f.remediation = message("fixes.org.working-group.correct", fmt::arg("subject", subject), fmt::arg("member", *r));
        continue;
      }
      if (std::find(members.begin(), members.end(), *r) != members.end()) {
        Finding& f = ctx.add(Status::Fail, subject, r.loc,
                             message("findings.org.working-group.repeated", fmt::arg("member", *r)));
        f.evidence.emplace_back("member", *r);
        f.remediation = message("fixes.org.working-group.remove", fmt::arg("member", *r));
        continue;
      }
      members.push_back(*r);
    }

    const auto count = static_cast<int64_t>(members.size());
    const std::string subject = "organization.working_group";
    const std::string k = "findings.org.working-group.";
    const std::string key = count >= min_members_    ? k + "enough"
                            : o.working_group.empty() ? k + "none"
                            : count == 0              ? k + "few_none"
                            : count == 1              ? k + "few_one"
                                                      : k + "few";
    Finding& f = ctx.add(count >= min_members_ ? Status::Pass : Status::Fail, subject, o.working_group_loc,
                         message(key, fmt::arg("count", count),
                                 fmt::arg("members", fmt::join(members, message_text("findings.join.list"))),
                                 fmt::arg("min", min_members_)));
    f.evidence.emplace_back("members", members);
    f.evidence.emplace_back("count", count);
    f.evidence.emplace_back("minimum", min_members_);
    if (f.status == Status::Fail)
      f.remediation = message("fixes.org.working-group.list", fmt::arg("min", min_members_));
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
