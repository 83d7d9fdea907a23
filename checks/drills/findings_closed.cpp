// checks/drills/findings_closed.cpp
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/engine/plan_values.h"

namespace golive {
namespace {

/// "1 drill", "4 drills": the catalogue's `<noun>_one` or `<noun>_many`.
std::string counted(size_t n, const std::string& noun) {
  return message("findings.drills.findings-closed." + noun + (n == 1 ? "_one" : "_many"), fmt::arg("n", n));
}

/// Fails for each drill finding of a listed severity that is not marked closed.
class DrillsFindingsClosed final : public Check {
 public:
  explicit DrillsFindingsClosed(const Params& p) : severities_(p.list("severities", {"high", "critical"})) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (plan.drills.empty()) {
      ctx.add(Status::Skip, "drills", plan.loc, message("findings.drills.findings-closed.no_drills"));
      return;
    }
    size_t total = 0, open_other = 0, open_blocking = 0;
    for (size_t i = 0; i < plan.drills.size(); ++i) {
      const Drill& d = plan.drills[i];
      const std::string day = d.at ? format_instant_in(*d.at, plan.zone()).substr(0, 10) : "";
      // Said in the run's language, in the message and in the evidence alike: it is a
      // phrase for people, not a plan value (`2026-11-21 的回滚（rollback）演练`).
      const std::string type_said =
          d.type ? say_drill(*d.type) : message("findings.drills.findings-closed.untyped");
      const std::string drill =
          d.at ? message("findings.drills.findings-closed.drill", fmt::arg("drill", type_said), fmt::arg("date", day))
               : message("findings.drills.findings-closed.drill_undated", fmt::arg("drill", type_said));
      for (size_t j = 0; j < d.findings.size(); ++j) {
        const DrillFinding& x = d.findings[j];
        ++total;
        const bool closed = x.closed.value_or(false);
        if (closed) continue;
        const std::string severity = x.severity.value_or("unrated");
        // An unrated finding may be anything: treat it as in scope.
        const bool in_scope =
            !x.severity || std::find(severities_.begin(), severities_.end(), *x.severity) != severities_.end();
        if (!in_scope) {
          ++open_other;
          continue;
        }
        ++open_blocking;
        const std::string title = x.title.value_or("untitled");
        Finding& f = ctx.add(
            Status::Fail, fmt::format("drills[{}].findings[{}]", i, j), x.closed ? x.closed.loc : x.loc,
            message(x.closed ? "findings.drills.findings-closed.open" : "findings.drills.findings-closed.unmarked",
                    fmt::arg("severity", x.severity ? say_value("risk", *x.severity) : message("findings.drills.findings-closed.unrated")),
                    fmt::arg("title", x.title ? *x.title : message("findings.drills.findings-closed.untitled")),
                    fmt::arg("drill", drill)));
        f.evidence.emplace_back("severity", severity);
        f.evidence.emplace_back("title", title);
        f.evidence.emplace_back("drill", drill);
        f.evidence.emplace_back("severities", severities_);
        f.remediation = message("fixes.drills.findings-closed.close", fmt::arg("title", title));
      }
    }
    if (open_blocking > 0) return;
    std::vector<std::string> severities_said;
    for (const std::string& s : severities_) severities_said.push_back(say_value("risk", s));
    Finding& f = ctx.add(Status::Pass, "drills", plan.loc,
                         message("findings.drills.findings-closed.none_open",
                                 fmt::arg("severities", fmt::join(severities_said, message_text("values.or"))),
                                 fmt::arg("findings", counted(total, "finding")),
                                 fmt::arg("drills", counted(plan.drills.size(), "drill")), fmt::arg("open", open_other)));
    f.evidence.emplace_back("findings", total);
    f.evidence.emplace_back("open_lower_severity", open_other);
    f.evidence.emplace_back("severities", severities_);
  }

 private:
  std::vector<std::string> severities_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    DrillsFindingsClosed, .id = "drills.findings-closed", .severity = Severity::Gate,
    .title = "No high or critical drill finding is left open",
    .why = "A drill is only worth its follow-up: a serious problem found in rehearsal and left "
           "open will happen again on go-live night. Every drill finding whose severity is in "
           "`severities` (and every unrated one) must be marked closed: true; an unset closed "
           "counts as open. One finding per open item, pointing at it in the plan.",
    .fix = "Fix the open drill findings and mark them closed: true.",
    .reads = {"drills[].type", "drills[].at", "drills[].findings[].severity",
              "drills[].findings[].title", "drills[].findings[].closed"},
    .live = false);

}  // namespace golive
