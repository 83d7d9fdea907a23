// checks/staffing/oncall_coverage.cpp
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
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

/// span_text() for messages, in the run's language and the plan's time zone (evidence
/// keeps span_text(), in UTC).
std::string say_span(Instant from, Instant to, const Zone* zone) {
  return message("findings.staffing.oncall-coverage.span", fmt::arg("from", say_instant(from, zone)),
                 fmt::arg("to", say_instant(to, zone)), fmt::arg("length", say_duration(to - from)));
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
      Finding& f = ctx.add(Status::Fail, "oncall", g.window_loc,
                           message("findings.staffing.oncall-coverage.no_window",
                                   fmt::arg("key", !g.window_start ? "start" : "end")));
      f.remediation = message("fixes.staffing.oncall-coverage.no_window");
      return;
    }
    // coverage_period() is the span `golive brief` draws the on-call bands over.
    const Duration hypercare = g.hypercare.value_or(Duration::zero());
    const TimeInterval period = *coverage_period(g);
    const Instant start = period.start;
    const Instant end = period.end;

    for (size_t i = 0; i < plan.shifts.size(); ++i) check_shift(plan.shifts[i], i, plan.zone(), ctx);
    for (const char* level : {"primary", "backup"})
      check_level(plan, level, start, end, hypercare, ctx);
    check_separation(plan, ctx);
  }

 private:
  static void check_shift(const Shift& s, size_t index, const Zone* zone, Context& ctx) {
    const std::string subject = fmt::format("oncall.shifts[{}]", index);
    std::vector<std::string> missing;
    if (!s.who) missing.push_back("who");
    if (!s.level) missing.push_back("level");
    if (!s.from) missing.push_back("from");
    if (!s.to) missing.push_back("to");
    if (!missing.empty()) {
      Finding& f = ctx.add(Status::Fail, subject, s.loc,
                           message("findings.staffing.oncall-coverage.shift_incomplete",
                                   fmt::arg("keys", fmt::join(missing, message_text("findings.engine.join.nor")))));
      f.evidence.emplace_back("missing", missing);
      f.remediation = message("fixes.staffing.oncall-coverage.shift_incomplete",
                              fmt::arg("keys", fmt::join(missing, message_text("findings.engine.join.list"))), fmt::arg("index", index));
      return;
    }
    if (*s.to <= *s.from) {
      Finding& f = ctx.add(Status::Fail, subject, s.to.loc,
                           message("findings.staffing.oncall-coverage.shift_backwards", fmt::arg("who", *s.who),
                                   fmt::arg("to", say_instant(*s.to, zone)),
                                   fmt::arg("from", say_instant(*s.from, zone))));
      f.remediation = message("fixes.staffing.oncall-coverage.shift_backwards", fmt::arg("index", index));
    }
  }

  static void check_level(const Plan& plan, const std::string& level, Instant start, Instant end,
                          Duration hypercare, Context& ctx) {
    const std::string subject = fmt::format("oncall[{}]", level);
    const std::string required =
        hypercare > Duration::zero()
            ? message("findings.staffing.oncall-coverage.required", fmt::arg("from", say_instant(start, plan.zone())),
                      fmt::arg("to", say_instant(end, plan.zone())), fmt::arg("hypercare", say_duration(hypercare)))
            : message("findings.staffing.oncall-coverage.required_no_hypercare",
                      fmt::arg("from", say_instant(start, plan.zone())), fmt::arg("to", say_instant(end, plan.zone())));
    const std::string said_level = message_text(level == "primary" ? "findings.staffing.oncall-coverage.primary"
                                                                   : "findings.staffing.oncall-coverage.backup");
    std::vector<Span> spans;
    for (const Shift& s : plan.shifts)
      if (usable_shift(s) && *s.level == level) spans.push_back({*s.from, *s.to, &s, &s});
    const std::vector<Span> merged = merge(spans);
    const std::vector<Gap> gaps = gaps_of(merged, start, end, plan.oncall_loc);

    Elapsed uncovered{0};
    std::vector<std::string> listed, said;
    for (const Gap& gap : gaps) {
      uncovered += gap.to - gap.from;
      listed.push_back(span_text(gap.from, gap.to));
      said.push_back(say_span(gap.from, gap.to, plan.zone()));
    }
    const std::string said_gaps = fmt::to_string(fmt::join(said, message_text("findings.engine.join.list")));
    Finding& f =
        spans.empty()
            ? ctx.add(Status::Fail, subject, plan.oncall_loc,
                      message("findings.staffing.oncall-coverage.no_shift", fmt::arg("level", said_level),
                              fmt::arg("required", required)))
        : gaps.empty()
            ? ctx.add(Status::Pass, subject, plan.oncall_loc,
                      spans.size() == 1
                          ? message("findings.staffing.oncall-coverage.covered_one", fmt::arg("level", said_level),
                                    fmt::arg("required", required))
                          : message("findings.staffing.oncall-coverage.covered", fmt::arg("level", said_level),
                                    fmt::arg("required", required), fmt::arg("count", spans.size())))
            : ctx.add(Status::Fail, subject, gaps.front().loc,
                      gaps.size() == 1
                          ? message("findings.staffing.oncall-coverage.gap", fmt::arg("level", said_level),
                                    fmt::arg("required", required), fmt::arg("gaps", said_gaps))
                          : message("findings.staffing.oncall-coverage.gaps", fmt::arg("level", said_level),
                                    fmt::arg("count", gaps.size()), fmt::arg("required", required),
                                    fmt::arg("gaps", said_gaps)));
    f.evidence.emplace_back("required_from", format_instant(start));
    f.evidence.emplace_back("required_to", format_instant(end));
    f.evidence.emplace_back("shifts", spans.size());
    f.evidence.emplace_back("gaps", listed);
    f.evidence.emplace_back("uncovered", format_duration(uncovered));
    f.evidence.emplace_back("uncovered_seconds", whole_seconds(uncovered));
    if (f.status == Status::Fail)
      f.remediation = message("fixes.staffing.oncall-coverage.gaps", fmt::arg("level", said_level),
                              fmt::arg("gaps", said_gaps));
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
      ctx.add(Status::Pass, "oncall[separation]", plan.oncall_loc,
              message("findings.staffing.oncall-coverage.separated"));
      return;
    }
    for (const std::string& who : order) {
      std::vector<Span> merged = merge(overlaps[who]);
      std::vector<std::string> listed, said;
      Elapsed total{0};
      for (const Span& s : merged) {
        listed.push_back(span_text(s.from, s.to));
        said.push_back(say_span(s.from, s.to, plan.zone()));
        total += s.to - s.from;
      }
      const std::string during = fmt::to_string(fmt::join(said, message_text("findings.engine.join.list")));
      // Point at the backup shift of the earliest overlap: the one to hand to somebody else.
      Finding& f = ctx.add(Status::Fail, fmt::format("oncall[{}]", who), merged.front().first->who.loc,
                           message("findings.staffing.oncall-coverage.both", fmt::arg("who", who),
                                   fmt::arg("during", during)));
      f.evidence.emplace_back("who", who);
      f.evidence.emplace_back("overlaps", listed);
      f.evidence.emplace_back("overlap", format_duration(total));
      f.evidence.emplace_back("overlap_seconds", whole_seconds(total));
      f.remediation = message("fixes.staffing.oncall-coverage.both", fmt::arg("who", who), fmt::arg("during", during));
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
        "its instants in the plan's time zone. A person who is primary and backup at the same instant leaves no "
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
