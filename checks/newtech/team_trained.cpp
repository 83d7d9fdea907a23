// checks/newtech/team_trained.cpp
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"

namespace golive {
namespace {

/// Warns when no one trained on a new component is on a primary on-call shift during the
/// go-live period (window start to window end + hypercare).
class NewtechTeamTrained final : public Check {
 public:
  explicit NewtechTeamTrained(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    const Scenarios& sc = plan.scenarios;
    if (sc.new_technology.empty()) {
      if (sc.has_new_technology || plan.tagged("new-technology")) {
        Finding& f = ctx.fail("scenarios.new_technology", sc.loc,
                              "no new component listed (scenarios.new_technology)");
        f.remediation = "List each new component under scenarios.new_technology with its trained people";
      } else {
        ctx.skip("scenarios.new_technology", sc.loc,
                 "no new technology in this launch (no scenarios.new_technology)");
      }
      return;
    }
    for (size_t i = 0; i < sc.new_technology.size(); ++i)
      check(plan, sc.new_technology[i], i, ctx);
  }

 private:
  // A primary shift of `who` overlapping the go-live period.
  static const Shift* primary_shift(const Plan& plan, const std::string& who) {
    const GoLive& g = plan.go_live;
    for (const Shift& s : plan.shifts) {
      if (!s.who || *s.who != who || !s.level || *s.level != "primary") continue;
      if (g.window_start && g.window_end && s.from && s.to) {
        const Instant end = *g.window_end + g.hypercare.value_or(Duration{0});
        if (*s.to <= *g.window_start || *s.from >= end) continue;
      }
      return &s;
    }
    return nullptr;
  }

  static void check(const Plan& plan, const NewTechnology& n, size_t index, Context& ctx) {
    const std::string subject = subject_of("new_technology", n.component, index);
    const std::string name = n.component.value_or(std::to_string(index));
    std::vector<std::string> trained, on_primary;
    for (const Ref& r : n.trained) {
      if (!r) continue;
      trained.push_back(*r);
      if (primary_shift(plan, *r)) on_primary.push_back(*r);
    }
    if (trained.empty()) {
      Finding& f = ctx.fail(subject, n.loc, "no one is trained on {} (new_technology[].trained)", name);
      f.evidence.emplace_back("trained", trained);
      f.remediation = fmt::format(
          "Train the on-call engineers on {} and list them in new_technology[].trained", name);
      return;
    }
    Finding& f =
        on_primary.empty()
            ? ctx.fail(subject, n.loc,
                       "none of the people trained on {} ({}) is on a primary shift during the "
                       "go-live",
                       name, fmt::join(trained, ", "))
            : ctx.pass(subject, n.loc, "{} trained on {} and on a primary shift",
                       fmt::join(on_primary, ", "), name);
    f.evidence.emplace_back("trained", trained);
    f.evidence.emplace_back("on_primary_shift", on_primary);
    if (on_primary.empty())
      f.remediation = fmt::format(
          "Put one of {} on a primary shift (oncall.shifts, level: primary) from window start to "
          "the end of hypercare, or train a primary on-call engineer on {}",
          fmt::join(trained, ", "), name);
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    NewtechTeamTrained, .id = "newtech.team-trained", .severity = Severity::Warn,
    .title = "Someone trained on each new component is on primary on-call",
    .why = "The first incident with a new technology is handled by whoever is paged first. "
           "For each component, at least one person listed as trained must hold a primary "
           "on-call shift overlapping the go-live (window start to window end + hypercare); "
           "otherwise the primary has to learn the component during the incident.",
    .fix = "Schedule a trained person as primary on-call, or train the primaries.",
    .reads = {"scenarios.new_technology[].trained", "oncall.shifts[].who",
              "oncall.shifts[].level", "oncall.shifts[].from", "oncall.shifts[].to",
              "go_live.window", "go_live.hypercare"});

}  // namespace golive
