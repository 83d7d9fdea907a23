// checks/upgrade/phased.cpp
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/upgrade/absent.h"
#include "checks/engine/plan_values.h"

namespace golive {
namespace {

// Percentages are decimals written in the plan: 10.0 must equal a limit of 10 exactly.
constexpr double kTolerance = 1e-9;

/// "1 goal", "3 goals".
/// "1 goal", "3 risks": the catalogue text `one` or `many` with {count} = n.
std::string counted(size_t n, std::string_view one, std::string_view many) {
  return message(n == 1 ? one : many, fmt::arg("count", n));
}

/// Fails unless the large upgrade rolls out in at least min_phases complete phases that
/// start small and do not overlap.
class UpgradePhased final : public Check {
 public:
  explicit UpgradePhased(const Params& p)
      : min_phases_(p.integer("min_phases", 2)), max_first_scope_pct_(p.number("max_first_scope_pct", 10)) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (!plan.scenarios.large_upgrade) {
      large_upgrade_absent(plan, ctx, "phases", "findings.upgrade.phased.no_upgrade");
      return;
    }
    const LargeUpgrade& u = *plan.scenarios.large_upgrade;
    count(u, ctx);
    for (size_t i = 0; i < u.phases.size(); ++i) complete(plan, u.phases[i], i, ctx);
    if (u.phases.empty()) return;
    first_scope(u, ctx);
    overlaps(plan, u, ctx);
  }

 private:
  static std::string name_of(const Phase& p, size_t i) { return p.name.value_or(fmt::format("#{}", i + 1)); }

  void count(const LargeUpgrade& u, Context& ctx) const {
    const SourceLoc loc = u.phases_loc.known() ? u.phases_loc : u.loc;
    const auto n = static_cast<int64_t>(u.phases.size());
    Finding& f = n >= min_phases_
                     ? ctx.add(Status::Pass, "phases", loc,
                               message("findings.upgrade.phased.count", fmt::arg("count", n), fmt::arg("min", min_phases_)))
                 : n == 1 ? ctx.add(Status::Fail, "phases", loc,
                                    message("findings.upgrade.phased.count_one", fmt::arg("min", min_phases_)))
                          : ctx.add(Status::Fail, "phases", loc,
                                    message("findings.upgrade.phased.count", fmt::arg("count", n), fmt::arg("min", min_phases_)));
    f.evidence.emplace_back("phases", n);
    f.evidence.emplace_back("min_phases", min_phases_);
    if (f.status == Status::Fail)
      f.remediation = message("fixes.upgrade.phased.count", fmt::arg("min", min_phases_));
  }

  static void complete(const Plan& plan, const Phase& p, size_t i, Context& ctx) {
    const std::string subject = subject_of("phases", p.name, i);
    const std::string name = name_of(p, i);
    std::vector<std::string> missing;
    std::vector<std::string> missing_said;  // the message's: 退出条件（exit）in Chinese
    SourceLoc loc;
    auto need = [&](bool present, const char* key, const SourceLoc& where) {
      if (present) return;
      missing.push_back(key);
      missing_said.push_back(say_value("phase_key", key));
      if (!loc.known()) loc = where;
    };
    need(!p.goals.empty(), "goals", p.loc);
    need(!p.risks.empty(), "risks", p.loc);
    need(!p.entry.empty(), "entry", p.loc);
    need(!p.exit.empty(), "exit", p.loc);
    need(p.start.has_value(), "start", p.start.loc);
    need(p.end.has_value(), "end", p.end.loc);
    if (!missing.empty()) {
      const std::string keys = fmt::to_string(fmt::join(missing, message_text("findings.engine.join.list")));
      const std::string keys_said =
          fmt::to_string(fmt::join(missing_said, message_text("findings.engine.join.list")));
      Finding& f = ctx.add(Status::Fail, subject, loc,
                           message("findings.upgrade.phased.lacks", fmt::arg("phase", name), fmt::arg("keys", keys_said)));
      f.evidence.emplace_back("missing", missing);
      f.remediation = message("fixes.upgrade.phased.lacks", fmt::arg("phase", name), fmt::arg("keys", keys));
      return;
    }
    if (*p.end <= *p.start) {
      ctx.add(Status::Fail, subject, p.end.loc,
              message("findings.upgrade.phased.backwards", fmt::arg("phase", name),
                      fmt::arg("end", say_instant(*p.end, plan.zone())), fmt::arg("start", say_instant(*p.start, plan.zone()))))
          .remediation = message("fixes.upgrade.phased.backwards", fmt::arg("phase", name));
      return;
    }
    Finding& f = ctx.add(
        Status::Pass, subject, p.loc,
        message("findings.upgrade.phased.complete", fmt::arg("phase", name),
                fmt::arg("start", say_instant(*p.start, plan.zone())), fmt::arg("end", say_instant(*p.end, plan.zone())),
                fmt::arg("goals", counted(p.goals.size(), "findings.upgrade.phased.goal_one", "findings.upgrade.phased.goals")),
                fmt::arg("risks", counted(p.risks.size(), "findings.upgrade.phased.risk_one", "findings.upgrade.phased.risks")),
                fmt::arg("entry", p.entry.size()), fmt::arg("exit", p.exit.size())));
    f.evidence.emplace_back("start", format_instant_in(*p.start, plan.zone()));
    f.evidence.emplace_back("end", format_instant_in(*p.end, plan.zone()));
  }

  /// The first phase is the one that starts first; the first listed when none has a start.
  void first_scope(const LargeUpgrade& u, Context& ctx) const {
    size_t first = 0;
    for (size_t i = 0; i < u.phases.size(); ++i) {
      const Phase& p = u.phases[i];
      if (p.start && (!u.phases[first].start || *p.start < *u.phases[first].start)) first = i;
    }
    const Phase& p = u.phases[first];
    const std::string name = name_of(p, first);
    const std::string subject = "phases.first";
    if (!p.scope_pct) {
      ctx.add(Status::Fail, subject, p.scope_pct.loc, message("findings.upgrade.phased.no_scope", fmt::arg("phase", name)))
          .remediation = message("fixes.upgrade.phased.no_scope", fmt::arg("phase", name));
      return;
    }
    const double pct = *p.scope_pct;
    const bool ok = pct <= max_first_scope_pct_ + kTolerance;
    Finding& f = ctx.add(ok ? Status::Pass : Status::Fail, subject, p.scope_pct.loc,
                         message("findings.upgrade.phased.first_scope", fmt::arg("phase", name), fmt::arg("pct", pct),
                                 fmt::arg("limit", max_first_scope_pct_)));
    f.evidence.emplace_back("phase", name);
    f.evidence.emplace_back("scope_pct", pct);
    f.evidence.emplace_back("max_first_scope_pct", max_first_scope_pct_);
    if (!ok)
      f.remediation = message("fixes.upgrade.phased.first_scope", fmt::arg("limit", max_first_scope_pct_),
                              fmt::arg("phase", name));
  }

  /// Phases are half-open: one may start at the instant the previous one ends.
  static void overlaps(const Plan& plan, const LargeUpgrade& u, Context& ctx) {
    std::vector<size_t> timed;
    for (size_t i = 0; i < u.phases.size(); ++i)
      if (u.phases[i].start && u.phases[i].end && *u.phases[i].end > *u.phases[i].start) timed.push_back(i);
    std::stable_sort(timed.begin(), timed.end(),
                     [&](size_t a, size_t b) { return *u.phases[a].start < *u.phases[b].start; });
    size_t found = 0;
    for (size_t x = 0; x < timed.size(); ++x) {
      for (size_t y = x + 1; y < timed.size(); ++y) {
        const Phase& a = u.phases[timed[x]];
        const Phase& b = u.phases[timed[y]];
        if (!(*b.start < *a.end)) break;  // sorted by start: no later phase overlaps a either
        ++found;
        const Instant from = *b.start, to = std::min(*a.end, *b.end);
        const std::string an = name_of(a, timed[x]), bn = name_of(b, timed[y]);
        Finding& f = ctx.add(
            Status::Fail, fmt::format("{}/{}", subject_of("phases", a.name, timed[x]), subject_of("phases", b.name, timed[y])),
            b.start.loc,
            message("findings.upgrade.phased.overlap", fmt::arg("a", an), fmt::arg("b", bn),
                    fmt::arg("length", say_duration(to - from)), fmt::arg("from", say_instant(from, plan.zone())),
                    fmt::arg("to", say_instant(to, plan.zone()))));
        f.evidence.emplace_back("overlap", format_duration(to - from));
        f.evidence.emplace_back("overlap_seconds", whole_seconds(to - from));
        f.evidence.emplace_back("from", format_instant_in(from, plan.zone()));
        f.evidence.emplace_back("to", format_instant_in(to, plan.zone()));
        f.remediation = message("fixes.upgrade.phased.overlap", fmt::arg("b", bn),
                                fmt::arg("end", say_instant(*a.end, plan.zone())), fmt::arg("a", an));
      }
    }
    if (found == 0 && timed.size() >= 2)
      ctx.add(Status::Pass, "phases.sequence", u.phases_loc.known() ? u.phases_loc : u.loc,
              message("findings.upgrade.phased.sequence", fmt::arg("count", timed.size())));
  }

  int64_t min_phases_;
  double max_first_scope_pct_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    UpgradePhased, .id = "upgrade.phased", .severity = Severity::Gate,
    .title = "A large upgrade rolls out in complete, non-overlapping phases that start small",
    .why = "A big-bang upgrade exposes every user to every defect at once. The rollout must "
           "have at least min_phases phases, each with goals, risks, entry and exit criteria "
           "and a start and end; the first phase (the one that starts first) may reach at most "
           "max_first_scope_pct percent of users; and phases must not overlap, so each one's "
           "exit criteria are judged before the next begins (a phase may start at the instant "
           "the previous one ends). Each overlapping pair is reported with its overlap.",
    .fix = "Plan at least min_phases complete phases, a small first one, one after another.",
    .reads = {"scenarios.large_upgrade.phases[].name", "scenarios.large_upgrade.phases[].scope_pct",
              "scenarios.large_upgrade.phases[].start", "scenarios.large_upgrade.phases[].end",
              "scenarios.large_upgrade.phases[].goals", "scenarios.large_upgrade.phases[].risks",
              "scenarios.large_upgrade.phases[].entry", "scenarios.large_upgrade.phases[].exit", "plan.scenarios"},
    .live = false);

}  // namespace golive
