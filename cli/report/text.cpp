// The text report: verdict first, then what blocks the go-live, then what merely warns.
// Passed findings are counted, not listed: the JSON report has every one.
#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>

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

std::string_view verdict_name(Verdict v) {
  switch (v) {
    case Verdict::Ready: return "READY";
    case Verdict::ReadyWithWarnings: return "READY WITH WARNINGS";
    case Verdict::NotReady: return "NOT READY";
  }
  return "NOT READY";
}

Tone verdict_tone(Verdict v) {
  switch (v) {
    case Verdict::Ready: return Tone::Good;
    case Verdict::ReadyWithWarnings: return Tone::Warn;
    case Verdict::NotReady: return Tone::Bad;
  }
  return Tone::Bad;
}

// The tag in front of a listed finding.
std::pair<std::string_view, Tone> tag_of(const Finding& f) {
  if (f.status == Status::Waived) return {"WAIVED", Tone::Info};
  if (f.status == Status::Error) return {"ERROR", f.blocking ? Tone::Bad : Tone::Warn};
  if (f.blocking) return {"FAIL", Tone::Bad};
  if (f.severity == Severity::Info) return {"INFO", Tone::Info};
  return {"WARN", Tone::Warn};
}

// Lists findings in aligned columns: tag, check id, subject, message; then location,
// remediation (and waiver) on their own lines under the check id.
void list_findings(std::ostream& out, const Painter& paint, const std::vector<const Finding*>& items,
                   std::string_view indent) {
  int check_w = 0;
  int subject_w = 0;
  for (const Finding* f : items) {
    check_w = std::max(check_w, display_width(clean(f->check)));
    subject_w = std::max(subject_w, display_width(clean(f->subject)));
  }
  constexpr int kTagWidth = 6;  // "WAIVED"
  std::string under(indent.size() + kTagWidth + 1, ' ');
  for (const Finding* f : items) {
    auto [tag, tone] = tag_of(*f);
    std::string line = fmt::format("{}{} {}  {}  {}", indent, paint(tone, pad_right(tag, kTagWidth)),
                                   pad_right(clean(f->check), check_w),
                                   pad_right(clean(f->subject), subject_w), clean(f->message));
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
    if (f->location.known()) out << under << paint(Tone::Dim, clean(f->location.str())) << '\n';
    if (f->waiver) {
      std::string ticket = f->waiver->ticket.empty() ? "" : fmt::format(", {}", f->waiver->ticket);
      out << under
          << clean(fmt::format("waived by {}{} until {}: {}", f->waiver->approved_by, ticket,
                               format_instant(f->waiver->expires), f->waiver->reason))
          << '\n';
    } else if (std::string fix = remediation_of(*f); !fix.empty()) {
      out << under << paint(Tone::Bold, "fix:") << ' ' << clean(fix) << '\n';
    }
  }
}

std::string score_text(double score) { return fmt::format("score {:.1f}%", score); }

void write_plan(std::ostream& out, const Painter& paint, const RunResult& result,
                const PlanResult& p) {
  const Plan& plan = *p.plan;
  std::string title = clean(plan.plan.id.value_or("?"));
  if (plan.plan.name) title += fmt::format(" \"{}\"", clean(*plan.plan.name));
  out << paint(Tone::Bold, clean(plan.file)) << ": " << title << ": "
      << paint(verdict_tone(p.verdict), verdict_name(p.verdict)) << " (" << score_text(p.summary.score)
      << ")\n";
  out << "  as of " << format_instant(plan_as_of(result, p))
      << (result.as_of_mode == "window" ? " (window start)" : "")
      << (result.offline ? ", offline: live probes skipped" : "") << '\n';
  if (std::string until = valid_until_text(p); !until.empty()) out << "  " << clean(until) << '\n';
  if (std::string window = window_holds_text(result, p); !window.empty()) out << "  " << clean(window) << '\n';

  std::vector<const Finding*> blocking, warnings, notes, waived;
  for (const Finding& f : p.findings) {
    if (f.blocking)
      blocking.push_back(&f);
    else if ((f.status == Status::Fail || f.status == Status::Error) && f.severity == Severity::Info)
      notes.push_back(&f);
    else if (f.status == Status::Fail || f.status == Status::Error)
      warnings.push_back(&f);
    else if (f.status == Status::Waived)
      waived.push_back(&f);
  }
  auto section = [&](std::string_view name, Tone tone, const std::vector<const Finding*>& items) {
    if (items.empty()) return;
    out << "\n  " << paint(tone, fmt::format("{} ({})", name, items.size())) << '\n';
    list_findings(out, paint, items, "    ");
  };
  section("Blocking", Tone::Bad, blocking);
  section("Warnings", Tone::Warn, warnings);
  section("Info", Tone::Info, notes);
  section("Waived", Tone::Info, waived);

  out << "\n  " << plural(p.summary.errors, "error", "errors") << ", " << p.summary.skipped
      << " skipped\n";
  out << "  rulesets:";
  if (p.rulesets.empty()) out << " none";
  out << '\n';
  int name_w = 0;
  std::vector<std::string> names;
  for (const AppliedRuleset& r : p.rulesets) {
    names.push_back(clean(r.version.empty() ? r.name : r.name + " " + r.version));
    name_w = std::max(name_w, display_width(names.back()));
  }
  for (size_t i = 0; i < p.rulesets.size(); ++i) {
    std::string line = "    " + pad_right(names[i], name_w) + "  " + clean(p.rulesets[i].reason);
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  }
}

// What was not checked or was relaxed, before any plan: a reader must not mistake a
// narrowed run for a full one.
void write_record(std::ostream& out, const RunResult& result) {
  out << "\nrecord:\n";
  for (const RecordLine& line : run_record(result))
    out << "  " << pad_right(line.label, 12) << ' ' << clean(line.value) << '\n';
  std::vector<std::string> set = non_default_settings(result);
  out << "  " << pad_right("settings", 12) << ' '
      << (set.empty() ? std::string("all defaults") : clean(fmt::format("{}", fmt::join(set, ", "))))
      << '\n';
}

int blocking_items(const PlanResult& p) {
  return static_cast<int>(std::count_if(p.findings.begin(), p.findings.end(),
                                        [](const Finding& f) { return f.blocking; }));
}

// Several plans: one line each, in the order of the run, before the plans in detail.
void write_portfolio(std::ostream& out, const Painter& paint, const RunResult& result) {
  auto count = [&](Verdict v) {
    return std::count_if(result.plans.begin(), result.plans.end(),
                         [&](const PlanResult& p) { return p.verdict == v; });
  };
  out << "\nportfolio: " << result.plans.size() << " plans: " << count(Verdict::Ready) << " ready, "
      << count(Verdict::ReadyWithWarnings) << " ready with warnings, " << count(Verdict::NotReady)
      << " not ready\n";
  for (const auto& p : result.plans) {
    out << "  " << paint(verdict_tone(p.verdict), pad_right(std::string(verdict_name(p.verdict)), 19))
        << ' ' << fmt::format("{:>6.1f}%", p.summary.score) << "  "
        << pad_right(fmt::format("{} blocking", blocking_items(p)), 12) << ' '
        << pad_right(plural(p.summary.warnings, "warning", "warnings"), 12) << ' ' << clean(p.plan->file)
        << " (" << clean(p.plan->plan.id.value_or("?")) << ")\n";
  }
}

void write_text(const RunResult& result, std::ostream& out, const ReportOptions& options) {
  Painter paint(options.color);
  const Summary& s = result.summary;
  int blocking = 0;
  for (const auto& p : result.plans) blocking += blocking_items(p);
  out << paint(verdict_tone(result.verdict), verdict_name(result.verdict)) << "  "
      << score_text(s.score) << "  " << plural(blocking, "blocking item", "blocking items") << ", "
      << plural(s.warnings, "warning", "warnings") << ", " << s.info << " info\n";
  if (std::string off = offline_warning(result); !off.empty()) out << paint(Tone::Warn, off) << '\n';

  if (options.quiet) {
    std::vector<const Finding*> items;
    for (const auto& p : result.plans)
      for (const Finding& f : p.findings)
        if (f.blocking) items.push_back(&f);
    list_findings(out, paint, items, "");
    return;
  }
  write_record(out, result);
  if (result.plans.size() > 1) write_portfolio(out, paint, result);
  for (const auto& p : result.plans) {
    out << '\n';
    write_plan(out, paint, result, p);
  }
  out << '\n'
      << s.passed << " passed, " << s.failed << " failed, "
      << plural(s.warnings, "warning", "warnings") << ", " << s.info << " info, "
      << plural(s.errors, "error", "errors")
      << ", " << s.skipped << " skipped, " << s.waived << " waived\n";
}

}  // namespace

GOLIVE_REGISTER_REPORT(text, "Readable report for terminals and logs", write_text);

}  // namespace golive
