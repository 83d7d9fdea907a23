// checks/response/escalation.cpp
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"

namespace golive {
namespace {

using namespace std::chrono_literals;

/// One escalation level: the entries sharing a `level` number are paged together.
struct Level {
  int64_t number = 0;
  std::vector<const EscalationLevel*> entries;
};

/// Fails when the escalation has fewer than min_levels levels, never reaches the
/// commander, or reaches the commander later than max_time_to_commander. Levels are
/// ordered by `level`; the commander is reached after the `after` of every level before the
/// commander's own. Entries sharing a level are paged together, and that level waits for
/// the longest of their `after`s before escalating.
class Escalation final : public Check {
 public:
  explicit Escalation(const Params& p)
      : min_levels_(p.integer("min_levels", 2)),
        max_time_(p.duration("max_time_to_commander", 30min)) {}

  void run(const Plan& plan, Context& ctx) const override {
    const std::string subject = "response.escalation";
    if (!plan.response || plan.response->escalation.empty()) {
      Finding& f = ctx.add(Status::Fail, subject, plan.response ? plan.response->escalation_loc : plan.loc,
                           message("findings.response.escalation.none", fmt::arg("min", min_levels_)));
      f.remediation = message("fixes.response.escalation.none", fmt::arg("min", min_levels_));
      return;
    }
    const Response& r = *plan.response;

    std::map<int64_t, Level> by_number;
    for (size_t i = 0; i < r.escalation.size(); ++i) {
      const EscalationLevel& e = r.escalation[i];
      if (!e.level || !e.target) {
        Finding& f = ctx.add(Status::Fail, fmt::format("response.escalation[{}]", i), e.loc,
                             message("findings.response.escalation.incomplete", fmt::arg("index", i),
                                     fmt::arg("key", !e.level ? "level" : "target")));
        f.remediation = message("fixes.response.escalation.incomplete", fmt::arg("index", i));
        continue;
      }
      Level& l = by_number[*e.level];
      l.number = *e.level;
      l.entries.push_back(&e);
    }
    std::vector<Level> levels;
    for (auto& [n, l] : by_number) levels.push_back(std::move(l));

    std::vector<std::string> chain;
    for (const Level& l : levels) {
      std::vector<std::string> targets;
      for (const auto* e : l.entries) targets.push_back(*e->target);
      chain.push_back(fmt::format("{}", fmt::join(targets, "+")));
    }
    const auto count = static_cast<int64_t>(levels.size());
    const std::string said = fmt::to_string(fmt::join(chain, " → "));
    Finding& f = count >= min_levels_
                     ? ctx.add(Status::Pass, subject, r.escalation_loc,
                               message("findings.response.escalation.enough", fmt::arg("count", count),
                                       fmt::arg("chain", said), fmt::arg("min", min_levels_)))
                 : count == 0 ? ctx.add(Status::Fail, subject, r.escalation_loc,
                                        message("findings.response.escalation.too_few_none", fmt::arg("min", min_levels_)))
                 : count == 1 ? ctx.add(Status::Fail, subject, r.escalation_loc,
                                        message("findings.response.escalation.too_few_one", fmt::arg("chain", said),
                                                fmt::arg("min", min_levels_)))
                              : ctx.add(Status::Fail, subject, r.escalation_loc,
                                        message("findings.response.escalation.too_few", fmt::arg("count", count),
                                                fmt::arg("chain", said), fmt::arg("min", min_levels_)));
    f.evidence.emplace_back("chain", chain);
    f.evidence.emplace_back("count", count);
    f.evidence.emplace_back("minimum", min_levels_);
    if (f.status == Status::Fail)
      f.remediation = message("fixes.response.escalation.too_few", fmt::arg("min", min_levels_));

    check_commander(plan, r, levels, ctx);
  }

 private:
  void check_commander(const Plan& plan, const Response& r, const std::vector<Level>& levels,
                       Context& ctx) const {
    const std::string subject = "response.escalation[commander]";
    const Ref* commander = plan.organization ? &plan.organization->commander : nullptr;
    if (!commander || !*commander) {
      Finding& f = ctx.add(Status::Fail, subject, commander ? commander->loc : plan.loc,
                           message("findings.response.escalation.no_commander"));
      f.remediation = message("fixes.response.escalation.no_commander");
      return;
    }
    const std::string& who = **commander;

    const EscalationLevel* reached = nullptr;
    size_t reached_index = 0;
    for (size_t i = 0; i < levels.size() && !reached; ++i)
      for (const auto* e : levels[i].entries)
        if (*e->target == who) {
          reached = e;
          reached_index = i;
          break;
        }
    if (!reached) {
      std::vector<std::string> targets;
      for (const Level& l : levels)
        for (const auto* e : l.entries) targets.push_back(*e->target);
      Finding& f = ctx.add(Status::Fail, subject, r.escalation_loc,
                           message("findings.response.escalation.unreached", fmt::arg("commander", who),
                                   fmt::arg("targets", fmt::join(targets, message_text("findings.engine.join.list")))));
      f.evidence.emplace_back("commander", who);
      f.evidence.emplace_back("targets", targets);
      f.remediation = message("fixes.response.escalation.unreached", fmt::arg("commander", who));
      return;
    }

    Duration total{0};
    std::vector<std::string> parts;
    for (size_t i = 0; i < reached_index; ++i) {
      const EscalationLevel* slowest = nullptr;
      for (const auto* e : levels[i].entries) {
        if (!e->after) {
          Finding& f = ctx.add(Status::Fail, subject, e->loc,
                               message("findings.response.escalation.no_after", fmt::arg("level", levels[i].number),
                                       fmt::arg("target", *e->target), fmt::arg("commander", who)));
          f.remediation = message("fixes.response.escalation.no_after", fmt::arg("level", levels[i].number),
                                  fmt::arg("target", *e->target));
          return;
        }
        if (!slowest || *e->after > *slowest->after) slowest = e;
      }
      total += *slowest->after;
      parts.push_back(say_duration(*slowest->after));
    }

    const std::string sum =
        parts.size() > 1 ? message("findings.response.escalation.sum", fmt::arg("total", say_duration(total)),
                                   fmt::arg("parts", fmt::join(parts, " + ")))
                         : say_duration(total);
    Finding& f = ctx.add(total <= max_time_ ? Status::Pass : Status::Fail, subject, reached->target.loc,
                         message("findings.response.escalation.reaches", fmt::arg("commander", who),
                                 fmt::arg("level", levels[reached_index].number), fmt::arg("after", sum),
                                 fmt::arg("limit", say_duration(max_time_))));
    f.evidence.emplace_back("commander", who);
    f.evidence.emplace_back("level", *reached->level);
    f.evidence.emplace_back("time_to_commander", format_duration(total));
    f.evidence.emplace_back("time_to_commander_seconds", int64_t{total.count()});
    f.evidence.emplace_back("limit", format_duration(max_time_));
    f.evidence.emplace_back("limit_seconds", int64_t{max_time_.count()});
    if (f.status == Status::Fail)
      f.remediation = message("fixes.response.escalation.slow", fmt::arg("commander", who),
                              fmt::arg("limit", say_duration(max_time_)));
  }

  int64_t min_levels_;
  Duration max_time_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    Escalation, .id = "response.escalation", .severity = Severity::Gate,
    .title = "Escalation has enough levels and reaches the commander in time",
    .why =
        "An incident nobody acknowledges must climb to someone with authority before the "
        "damage grows. The escalation needs at least min_levels levels and must reach the "
        "commander; levels are ordered by `level`, and the commander is paged once every "
        "level before theirs has had its `after` to acknowledge, so the sum of those "
        "`after`s must stay within max_time_to_commander. Entries sharing a level are "
        "paged together and that level waits for the longest of their `after`s.",
    .fix =
        "List the escalation levels in response.escalation with level, target and after, "
        "include the commander, and keep the time before the commander is paged within "
        "max_time_to_commander.",
    .reads = {"response.escalation[].level", "response.escalation[].target",
              "response.escalation[].after", "organization.commander"},
    .live = false);

}  // namespace golive
