// checks/staffing/oncall_coverage.cpp
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "checks/engine/check.h"
#include "checks/engine/go_live_times.h"

namespace golive {
namespace {

/// A half-open span [from, to) and the shifts that start and end it.
struct Span {
  Instant from;
  Instant to;
  const Shift* first = nullptr;  ///< the shift whose start is `from`
  const Shift* last = nullptr;   ///< the shift whose end is `to`
};

/// A stretch of the required coverage no shift holds, and the plan position that explains
/// it: the end of the shift before it, or the start of the shift after it.
struct Gap {
  Instant from;
  Instant to;
  SourceLoc loc;
};

std::string span_text(Instant from, Instant to) {
  return fmt::format("{} → {} ({})", format_instant(from), format_instant(to),
                     format_duration(to - from));
}

/// Sorts spans by start and merges those that overlap or touch (a shift ending at 08:00 and
/// the next starting at 08:00 leave no gap).
std::vector<Span> merge(std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end(),
            [](const Span& a, const Span& b) { return a.from < b.from; });
  std::vector<Span> out;
  for (const Span& s : spans) {
    if (!out.empty() && s.from <= out.back().to) {
      if (s.to > out.back().to) {
        out.back().to = s.to;
        out.back().last = s.last;
      }
      continue;
    }
    out.push_back(s);
  }
  return out;
}

/// The parts of [start, end) not covered by the merged spans.
std::vector<Gap> gaps_of(const std::vector<Span>& merged, Instant start, Instant end,
                         const SourceLoc& fallback) {
  std::vector<Gap> gaps;
  Instant cursor = start;
  const Shift* before = nullptr;  // the shift covering up to `cursor`, if any
  for (const Span& m : merged) {
    if (cursor >= end) break;
    if (m.to <= cursor) continue;
    if (m.from > cursor) {
      gaps.push_back({cursor, std::min(m.from, end), before ? before->to.loc : m.first->from.loc});
    }
    if (m.to > cursor) {
      cursor = m.to;
      before = m.last;
    }
  }
  if (cursor < end) gaps.push_back({cursor, end, before ? before->to.loc : fallback});
  return gaps;
}

/// Fails when the primary or the backup on-call shifts leave a gap anywhere from window
/// start to window end + hypercare, or when one person is primary and backup at once.
class OncallCoverage final : public Check {
 public:
  explicit OncallCoverage(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    const GoLive& g = plan.go_live;
    if (!g.window_start || !g.window_end) {
      Finding& f = ctx.fail("oncall", g.window_loc,
                            "no go_live.window {}, so the on-call coverage it needs is unknown",
                            !g.window_start ? "start" : "end");
      f.remediation = "Set go_live.window.start and go_live.window.end";
      return;
    }
    // coverage_period() is the span `golive brief` draws the on-call bands over.
    const Duration hypercare = g.hypercare.value_or(Duration::zero());
    const TimeInterval period = *coverage_period(g);
    const Instant start = period.start;
    const Instant end = period.end;

    for (size_t i = 0; i < plan.shifts.size(); ++i) check_shift(plan.shifts[i], i, ctx);
    for (const char* level : {"primary", "backup"})
      check_level(plan, level, start, end, hypercare, ctx);
    check_separation(plan, ctx);
  }

 private:
  static void check_shift(const Shift& s, size_t index, Context& ctx) {
    const std::string subject = fmt::format("oncall.shifts[{}]", index);
    std::vector<std::string> missing;
    if (!s.who) missing.push_back("who");
    if (!s.level) missing.push_back("level");
    if (!s.from) missing.push_back("from");
    if (!s.to) missing.push_back("to");
    if (!missing.empty()) {
      Finding& f = ctx.fail(subject, s.loc, "shift has no {}, so it covers nothing",
                            fmt::join(missing, ", no "));
      f.evidence.emplace_back("missing", missing);
      f.remediation = fmt::format("Set {} of oncall.shifts[{}]", fmt::join(missing, ", "), index);
      return;
    }
    if (*s.to <= *s.from) {
      Finding& f = ctx.fail(subject, s.to.loc,
                            "shift of {} ends at {}, not after its start {}, so it covers nothing",
                            *s.who, format_instant(*s.to), format_instant(*s.from));
      f.remediation = fmt::format("Correct from/to of oncall.shifts[{}]", index);
    }
  }

  static void check_level(const Plan& plan, const std::string& level, Instant start, Instant end,
                          Duration hypercare, Context& ctx) {
    const std::string subject = fmt::format("oncall[{}]", level);
    const std::string required =
        fmt::format("{} → {} ({})", format_instant(start), format_instant(end),
                    hypercare > Duration::zero()
                        ? fmt::format("window + hypercare {}", format_duration(hypercare))
                        : std::string("window, no hypercare"));
    std::vector<Span> spans;
    for (const Shift& s : plan.shifts)
      if (usable_shift(s) && *s.level == level) spans.push_back({*s.from, *s.to, &s, &s});
    const std::vector<Span> merged = merge(spans);
    const std::vector<Gap> gaps = gaps_of(merged, start, end, plan.oncall_loc);

    Elapsed uncovered{0};
    std::vector<std::string> listed;
    for (const Gap& gap : gaps) {
      uncovered += gap.to - gap.from;
      listed.push_back(span_text(gap.from, gap.to));
    }
    Finding& f =
        spans.empty()
            ? ctx.fail(subject, plan.oncall_loc, "no {} shift: {} is uncovered", level, required)
        : gaps.empty()
            ? ctx.pass(subject, plan.oncall_loc, "{} on-call covers {} with {} shift{}", level,
                       required, spans.size(), spans.size() == 1 ? "" : "s")
            : ctx.fail(subject, gaps.front().loc, "{} on-call has {} gap{} in {}: {}", level,
                       gaps.size(), gaps.size() == 1 ? "" : "s", required, fmt::join(listed, ", "));
    f.evidence.emplace_back("required_from", format_instant(start));
    f.evidence.emplace_back("required_to", format_instant(end));
    f.evidence.emplace_back("shifts", spans.size());
    f.evidence.emplace_back("gaps", listed);
    f.evidence.emplace_back("uncovered", format_duration(uncovered));
    f.evidence.emplace_back("uncovered_seconds", whole_seconds(uncovered));
    if (f.status == Status::Fail)
      f.remediation = fmt::format(
          "Add {} shifts to oncall.shifts covering {} (every instant from window start to "
          "window end + hypercare needs a {})",
          level, fmt::join(listed, ", "), level);
  }

  // A backup who is also the primary at the same instant backs up nobody.
  static void check_separation(const Plan& plan, Context& ctx) {
    std::map<std::string, std::vector<Span>> overlaps;  // by person
    std::vector<std::string> order;                     // persons in plan order
    for (const Shift& p : plan.shifts) {
      if (!usable_shift(p) || *p.level != "primary") continue;
      for (const Shift& b : plan.shifts) {
        if (!usable_shift(b) || *b.level != "backup" || *b.who != *p.who) continue;
        const Instant from = std::max(*p.from, *b.from);
        const Instant to = std::min(*p.to, *b.to);
        if (from >= to) continue;
        if (!overlaps.count(*p.who)) order.push_back(*p.who);
        overlaps[*p.who].push_back({from, to, &b, &b});
      }
    }
    if (order.empty()) {
      ctx.pass("oncall[separation]", plan.oncall_loc,
               "nobody is primary and backup at the same time");
      return;
    }
    for (const std::string& who : order) {
      std::vector<Span> merged = merge(overlaps[who]);
      std::vector<std::string> listed;
      Elapsed total{0};
      for (const Span& s : merged) {
        listed.push_back(span_text(s.from, s.to));
        total += s.to - s.from;
      }
      // Point at the backup shift of the earliest overlap: the one to hand to somebody else.
      Finding& f =
          ctx.fail(fmt::format("oncall[{}]", who), merged.front().first->who.loc,
                   "{} is both primary and backup during {}", who, fmt::join(listed, ", "));
      f.evidence.emplace_back("who", who);
      f.evidence.emplace_back("overlaps", listed);
      f.evidence.emplace_back("overlap", format_duration(total));
      f.evidence.emplace_back("overlap_seconds", whole_seconds(total));
      f.remediation = fmt::format(
          "Give the backup shifts of {} during {} to somebody else: a backup who is also the "
          "primary backs up nobody",
          who, fmt::join(listed, ", "));
    }
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    OncallCoverage, .id = "staffing.oncall-coverage", .severity = Severity::Gate,
    .title = "Primary and backup on-call cover the window and hypercare without gaps",
    .why =
        "An alert that fires while nobody is on call waits until somebody notices. From "
        "go-live window start to window end plus hypercare, every instant needs a primary "
        "and a backup; shifts that overlap or touch are merged, and every gap is listed with "
        "its UTC instants. A person who is primary and backup at the same instant leaves no "
        "backup at all, so each such overlap is reported. Shifts may be written in any UTC "
        "offset.",
    .fix =
        "Add primary and backup shifts to oncall.shifts until both cover window start → "
        "window end + hypercare, with a different person as backup.",
    .reads = {"go_live.window.start", "go_live.window.end", "go_live.hypercare",
              "oncall.shifts[].who", "oncall.shifts[].level", "oncall.shifts[].from",
              "oncall.shifts[].to"},
    .live = false);

}  // namespace golive
