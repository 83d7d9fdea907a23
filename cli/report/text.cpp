// The text report: verdict first, then what blocks the go-live, then what merely warns.
// Passed findings are counted, not listed: the JSON report has every one.
#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>

#include "checks/engine/i18n.h"
#include "checks/engine/values.h"
#include "cli/report/report.h"
#include "cli/report/support.h"
#include "cli/report/width.h"

namespace golive {
namespace {

enum class Tone { Plain, Good, Warn, Bad, Dim, Bold, Info };

class Painter {
 public:
  explicit Painter(bool on) : on_(on) {}
  std::string operator()(Tone tone, std::string_view text) const {
    if (!on_ || tone == Tone::Plain) return std::string(text);
    const char* code = "";
    switch (tone) {
      case Tone::Good: code = "\x1b[1;32m"; break;
      case Tone::Warn: code = "\x1b[1;33m"; break;
      case Tone::Bad: code = "\x1b[1;31m"; break;
      case Tone::Dim: code = "\x1b[2m"; break;
      case Tone::Bold: code = "\x1b[1m"; break;
      case Tone::Info: code = "\x1b[36m"; break;
      case Tone::Plain: break;
    }
    return fmt::format("{}{}\x1b[0m", code, text);
  }

 private:
  bool on_;
};

// Plan text and probe messages reach the terminal: never let them carry credentials,
// escape sequences or line breaks that would break the layout (terminal_text()).
std::string clean(std::string_view raw) { return terminal_text(raw); }

Tone verdict_tone(const RunResult& result, Verdict v) {
  if (warnings_fail(result, v)) return Tone::Bad;
  switch (v) {
    case Verdict::Ready: return Tone::Good;
    case Verdict::ReadyWithWarnings: return Tone::Warn;
    case Verdict::NotReady: return Tone::Bad;
  }
  return Tone::Bad;
}

// The tag in front of a listed finding.
std::pair<std::string_view, Tone> tag_of(const Finding& f) {
  if (f.status == Status::Waived) return {"report.text.tag.waived", Tone::Info};
  if (f.status == Status::Error) return {"report.text.tag.error", f.blocking ? Tone::Bad : Tone::Warn};
  if (f.blocking) return {"report.text.tag.fail", Tone::Bad};
  if (f.severity == Severity::Info) return {"report.text.tag.info", Tone::Info};
  return {"report.text.tag.warn", Tone::Warn};
}

// The widest tag in the current language ("WAIVED" in English), so the columns after it
// line up whichever tags a list holds.
int tag_width() {
  int w = 0;
  for (std::string_view key : {"report.text.tag.waived", "report.text.tag.error", "report.text.tag.fail",
                               "report.text.tag.info", "report.text.tag.warn"})
    w = std::max(w, display_width(message_text(key)));
  return w;
}

// Lists findings in aligned columns: tag, check id, subject, message; then location,
// remediation (and waiver) on their own lines under the check id.
void list_findings(std::ostream& out, const Painter& paint, const std::vector<const Finding*>& items,
                   std::string_view indent, const Zone* zone) {
  int check_w = 0;
  int subject_w = 0;
  for (const Finding* f : items) {
    check_w = std::max(check_w, display_width(clean(f->check)));
    subject_w = std::max(subject_w, display_width(clean(f->subject)));
  }
  const int tag_w = tag_width();
  std::string under(indent.size() + static_cast<size_t>(tag_w) + 1, ' ');
  for (const Finding* f : items) {
    auto [tag, tone] = tag_of(*f);
    std::string line = fmt::format("{}{} {}  {}  {}", indent, paint(tone, pad_right(message_text(tag), tag_w)),
                                   pad_right(clean(f->check), check_w),
                                   pad_right(clean(f->subject), subject_w), clean(f->message));
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
    if (f->location.known()) out << under << paint(Tone::Dim, clean(f->location.str())) << '\n';
    if (f->waiver) {
      const AppliedWaiver& w = *f->waiver;
      std::string ticket = w.ticket.empty() ? "" : message("report.text.waiver_ticket", fmt::arg("ticket", w.ticket));
      out << under
          << clean(message("report.text.waived_by", fmt::arg("who", w.approved_by), fmt::arg("ticket", ticket),
                           fmt::arg("until", say_instant(w.expires, zone)), fmt::arg("reason", w.reason)))
          << '\n';
    } else if (std::string fix = remediation_of(*f); !fix.empty()) {
      out << under
          << message("report.fix_line", fmt::arg("label", paint(Tone::Bold, message_text("report.text.fix"))),
                     fmt::arg("fix", clean(fix)))
          << '\n';
    }
  }
}

void write_plan(std::ostream& out, const Painter& paint, const RunResult& result,
                const PlanResult& p) {
  const Plan& plan = *p.plan;
  std::string title = clean(plan.plan.id.value_or("?"));
  if (plan.plan.name) title = message("report.text.plan_title", fmt::arg("id", title), fmt::arg("name", clean(*plan.plan.name)));
  out << message("report.text.plan", fmt::arg("file", paint(Tone::Bold, clean(plan.file))), fmt::arg("title", title),
                 fmt::arg("verdict", paint(verdict_tone(result, p.verdict), headline_verdict(result, p.verdict))),
                 fmt::arg("score", score_text(p.summary.score)))
      << '\n';
  out << "  "
      << message("report.text.as_of", fmt::arg("at", say_as_of(result, p)),
                 fmt::arg("mode", result.as_of_mode == "window" ? message_text("report.as_of_window") : ""),
                 fmt::arg("offline", result.offline ? message_text("report.as_of_offline") : ""))
      << '\n';
  if (std::string until = valid_until_text(p); !until.empty()) out << "  " << clean(until) << '\n';
  if (std::string window = window_holds_text(result, p); !window.empty()) out << "  " << clean(window) << '\n';

  std::vector<const Finding*> blocking, warnings, notes, waived;
  for (const Finding& f : p.findings) {
    switch (standing_of(f)) {
      case Standing::Blocking: blocking.push_back(&f); break;
      case Standing::Warning: warnings.push_back(&f); break;
      case Standing::Notice: notes.push_back(&f); break;
      case Standing::Waived: waived.push_back(&f); break;
      case Standing::Skipped:
      case Standing::Passed: break;
    }
  }
  auto section = [&](std::string_view key, Tone tone, const std::vector<const Finding*>& items) {
    if (items.empty()) return;
    out << "\n  " << paint(tone, message(key, fmt::arg("count", items.size()))) << '\n';
    list_findings(out, paint, items, "    ", p.plan->zone());
  };
  section("report.text.section.blocking", Tone::Bad, blocking);
  section("report.text.section.warnings", Tone::Warn, warnings);
  section("report.text.section.info", Tone::Info, notes);
  section("report.text.section.waived", Tone::Info, waived);

  out << "\n  "
      << message("report.text.errors_skipped", fmt::arg("errors", counted(p.summary.errors, "errors")),
                 fmt::arg("skipped", p.summary.skipped))
      << '\n';
  out << "  " << (p.rulesets.empty() ? message_text("report.text.rulesets_none") : message_text("report.text.rulesets"))
      << '\n';
  int name_w = 0;
  std::vector<std::string> names;
  for (const AppliedRuleset& r : p.rulesets) {
    names.push_back(clean(r.version.empty() ? r.name : r.name + " " + r.version));
    name_w = std::max(name_w, display_width(names.back()));
  }
  for (size_t i = 0; i < p.rulesets.size(); ++i) {
    std::string line = "    " + pad_right(names[i], name_w) + "  " + clean(p.rulesets[i].said);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  }
}

// What was not checked or was relaxed, before any plan: a reader must not mistake a
// narrowed run for a full one.
void write_record(std::ostream& out, const RunResult& result) {
  const std::vector<RecordLine> lines = run_record(result);
  // Labels padded to the widest label this language has (12 cells in English), so that the
  // values start in one column however many lines the run records.
  int label_w = display_width(record_label("settings"));
  for (std::string_view label : {"offline", "only", "skip", "fail-on", "waivers", "rule changed"})
    label_w = std::max(label_w, display_width(record_label(label)));
  out << '\n' << message_text("report.text.record") << '\n';
  for (const RecordLine& line : lines)
    out << "  " << pad_right(record_label(line.label), label_w) << ' ' << clean(line.value) << '\n';
  out << "  " << pad_right(record_label("settings"), label_w) << ' ' << clean(settings_text(result)) << '\n';
}

// Warnings about the input (a waiver matching no plan, a YAML file a directory search did not
// check), as the compiler-style lines stderr has: part of the report, which may be all a
// reader of a log or a --report file ever sees (SPEC §1).
void write_diagnostics(std::ostream& out, const Painter& paint, const RunResult& result) {
  if (result.diagnostics.empty()) return;
  out << '\n' << message("report.text.diagnostics", fmt::arg("count", result.diagnostics.size())) << '\n';
  for (const InputDiagnostic& d : result.diagnostics)
    out << "  " << paint(d.severity == "error" ? Tone::Bad : Tone::Warn, clean(d.loc.str() + ": " + d.severity + ":"))
        << ' ' << clean(d.message) << '\n';
}

// Several plans: one line each, in the order of the run, before the plans in detail.
void write_portfolio(std::ostream& out, const Painter& paint, const RunResult& result) {
  auto count = [&](Verdict v) {
    return std::count_if(result.plans.begin(), result.plans.end(),
                         [&](const PlanResult& p) { return p.verdict == v; });
  };
  out << '\n'
      << message("report.text.portfolio", fmt::arg("plans", result.plans.size()), fmt::arg("ready", count(Verdict::Ready)),
                 fmt::arg("warnings", count(Verdict::ReadyWithWarnings)), fmt::arg("not_ready", count(Verdict::NotReady)))
      << '\n';
  // The verdict column is as wide as the longest verdict of the language ("READY WITH
  // WARNINGS", 19 cells in English).
  int verdict_w = 0;
  for (Verdict v : {Verdict::Ready, Verdict::ReadyWithWarnings, Verdict::NotReady})
    verdict_w = std::max(verdict_w, display_width(verdict_title(v)));
  for (const auto& p : result.plans) {
    const StandingCounts c = count_standings(p);
    out << "  " << paint(verdict_tone(result, p.verdict), pad_right(verdict_title(p.verdict), verdict_w)) << ' '
        << fmt::format("{:>6.1f}%", p.summary.score) << "  "
        << pad_right(message("report.text.blocking", fmt::arg("n", c.blocking)), 12) << ' '
        << pad_right(counted(c.warnings, "warnings"), 12) << ' '
        << clean(message("report.text.portfolio_plan", fmt::arg("file", p.plan->file),
                         fmt::arg("id", p.plan->plan.id.value_or("?"))))
        << '\n';
  }
}

void write_text(const RunResult& result, std::ostream& out, const ReportOptions& options) {
  Painter paint(options.color);
  const Summary& s = result.summary;
  // The headline counts what the sections below list; the totals line at the end counts by
  // status, as JSON's summary does.
  const StandingCounts c = count_standings(result);
  out << paint(verdict_tone(result, result.verdict), headline_verdict(result, result.verdict)) << "  "
      << score_text(s.score) << "  "
      << message("report.text.headline", fmt::arg("blocking", counted(c.blocking, "blocking_items")),
                 fmt::arg("warnings", counted(c.warnings, "warnings")), fmt::arg("info", c.notices),
                 fmt::arg("waived", c.waived > 0 ? message("report.text.headline_waived", fmt::arg("n", c.waived)) : ""))
      << '\n';
  if (std::string off = offline_warning(result); !off.empty()) out << paint(Tone::Warn, off) << '\n';

  if (options.quiet) {
    // What fails the run: the blocking findings, and the warnings too with --fail-on warn
    // (a run that exits 1 must show why).
    std::vector<const Finding*> items;
    for (const auto& p : result.plans)
      for (const Finding& f : p.findings)
        if (fails_run(f, result)) items.push_back(&f);
    // Findings that fail the run are never waived, so no waiver expiry is said in the zone given.
    list_findings(out, paint, items, "", run_zone(result));
    write_diagnostics(out, paint, result);  // -q hides no warning about the input
    return;
  }
  write_record(out, result);
  write_diagnostics(out, paint, result);
  if (result.plans.size() > 1) write_portfolio(out, paint, result);
  for (const auto& p : result.plans) {
    out << '\n';
    write_plan(out, paint, result, p);
  }
  out << '\n'
      << message("report.text.totals", fmt::arg("passed", s.passed), fmt::arg("failed", s.failed),
                 fmt::arg("warnings", counted(s.warnings, "warnings")), fmt::arg("info", s.info),
                 fmt::arg("errors", counted(s.errors, "errors")), fmt::arg("skipped", s.skipped),
                 fmt::arg("waived", s.waived))
      << '\n';
}

}  // namespace

GOLIVE_REGISTER_REPORT(text, "Readable report for terminals and logs", write_text);

}  // namespace golive
