// checks/newtech/team_trained.cpp
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"

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
        // A tag without its section says where the plan contradicts itself.
        Finding& f = sc.has_new_technology
                         ? ctx.add(Status::Fail, "scenarios.new_technology", sc.loc,
                                   message("findings.newtech.no_components"))
                         : ctx.add(Status::Fail, "scenarios.new_technology", plan.tag_loc("new-technology"),
                                   message("findings.newtech.missing"));
        f.remediation = message("fixes.newtech.team-trained.list");
      } else {
        ctx.add(Status::Skip, "scenarios.new_technology", sc.loc, message("findings.newtech.none"));
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
      Finding& f = ctx.add(Status::Fail, subject, n.loc,
                           message("findings.newtech.team-trained.untrained", fmt::arg("component", name)));
      f.evidence.emplace_back("trained", trained);
      f.remediation = message("fixes.newtech.team-trained.train", fmt::arg("component", name));
      return;
    }
    const std::string_view list = message_text("findings.join.list");
    Finding& f =
        on_primary.empty()
            ? ctx.add(Status::Fail, subject, n.loc,
                      message("findings.newtech.team-trained.off_shift", fmt::arg("component", name),
                              fmt::arg("trained", fmt::join(trained, list))))
            : ctx.add(Status::Pass, subject, n.loc,
                      message("findings.newtech.team-trained.on_shift", fmt::arg("people", fmt::join(on_primary, list)),
                              fmt::arg("component", name)));
    f.evidence.emplace_back("trained", trained);
    f.evidence.emplace_back("on_primary_shift", on_primary);
    if (on_primary.empty())
      f.remediation = message("fixes.newtech.team-trained.shift", fmt::arg("trained", fmt::join(trained, list)),
                              fmt::arg("component", name));
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
