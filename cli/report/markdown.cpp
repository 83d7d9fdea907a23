// The Markdown report, for `$GITHUB_STEP_SUMMARY` and pull-request comments (GitHub
// Flavored Markdown): the verdict first, a table of what blocks the go-live, then
// collapsed <details> sections for warnings, waivers, skips and passes.
// Every cell goes through markdown_cell(), so plan text can neither end a table row nor
// open a link, code span or HTML tag.
#include <fmt/format.h>

#include "checks/engine/values.h"
#include "cli/report/report.h"
#include "cli/report/support.h"

namespace golive {
namespace {

using Cell = std::string;

struct Item {
  const PlanResult* plan;
  const Finding* finding;
};

std::string location_cell(const Finding& f) { return markdown_cell(file_line(f.location)); }

// The message, then on a new line inside the cell what to do about it.
std::string message_cell(const Finding& f, bool with_fix) {
  std::string cell = markdown_cell(f.message);
  if (with_fix)
    if (std::string fix = remediation_of(f); !fix.empty()) cell += "<br>Fix: " + markdown_cell(fix);
  return cell;
}

void table(std::ostream& out, const std::vector<std::string>& head,
           const std::vector<std::vector<Cell>>& rows) {
  out << '|';
  for (const auto& h : head) out << ' ' << h << " |";
  out << "\n|";
  for (size_t i = 0; i < head.size(); ++i) out << "---|";
  out << '\n';
  for (const auto& row : rows) {
    out << '|';
    for (const auto& cell : row) out << ' ' << cell << " |";
    out << '\n';
  }
}

std::vector<Cell> finding_row(const Finding& f, bool with_fix) {
  return {markdown_cell(f.check), markdown_cell(f.subject), message_cell(f, with_fix),
          location_cell(f)};
}

void findings_table(std::ostream& out, const std::vector<Item>& items, bool with_fix,
                    bool with_status) {
  std::vector<std::vector<Cell>> rows;
  for (const Item& i : items) {
    auto row = finding_row(*i.finding, with_fix);
    if (with_status)
      row.insert(row.begin(), fmt::format("{} {}", to_string(i.finding->severity),
                                          to_string(i.finding->status)));
    rows.push_back(std::move(row));
  }
  std::vector<std::string> head = {"check", "subject", "message", "location"};
  if (with_status) head.insert(head.begin(), "status");
  table(out, head, rows);
}

void details_open(std::ostream& out, std::string_view summary) {
  out << "\n<details><summary>" << summary << "</summary>\n\n";
}
void details_close(std::ostream& out) { out << "\n</details>\n"; }

// What narrowed or relaxed the run, the input warnings, and where every setting came from.
void write_record(std::ostream& out, const RunResult& result) {
  std::vector<std::vector<Cell>> rows;
  for (const RecordLine& line : run_record(result))
    rows.push_back({markdown_cell(line.label), markdown_cell(line.value)});
  std::vector<std::string> set = non_default_settings(result);
  rows.push_back({"settings", set.empty() ? std::string("all defaults")
                                          : markdown_cell(fmt::format("{}", fmt::join(set, ", ")))});
  out << "\n**Not checked or relaxed, and settings**\n\n";
  table(out, {"", "value"}, rows);
  if (!result.diagnostics.empty()) {
    details_open(out, fmt::format("Input diagnostics ({})", result.diagnostics.size()));
    std::vector<std::vector<Cell>> diags;
    for (const InputDiagnostic& d : result.diagnostics)
      diags.push_back({markdown_cell(d.severity), markdown_cell(d.message), markdown_cell(d.loc.str())});
    table(out, {"severity", "message", "location"}, diags);
    details_close(out);
  }
}

void write_markdown(const RunResult& result, std::ostream& out, const ReportOptions&) {
  std::vector<Item> blocking, warnings, waived, skipped, passed;
  for (const auto& p : result.plans)
    for (const Finding& f : p.findings) {
      switch (standing_of(f)) {
        case Standing::Blocking: blocking.push_back({&p, &f}); break;
        case Standing::Warning:
        case Standing::Notice:
          warnings.push_back({&p, &f});
          break;
        case Standing::Waived: waived.push_back({&p, &f}); break;
        case Standing::Skipped: skipped.push_back({&p, &f}); break;
        case Standing::Passed: passed.push_back({&p, &f}); break;
      }
    }
  const Summary& s = result.summary;
  out << "## golive: " << verdict_title(result.verdict) << "\n\n";
  out << fmt::format(
      "**{}**, score {:.1f}%: {}. As of {}{}{}.\n\n", verdict_title(result.verdict), s.score,
      counts_text(result), format_instant(result.as_of),
      result.as_of_mode == "window" ? " (window start)" : "",
      result.offline ? ", offline: live probes skipped" : "");
  if (std::string off = offline_warning(result); !off.empty())
    out << "> [!WARNING]\n> " << markdown_cell(off) << "\n\n";
  bool any_until = false;
  for (const auto& p : result.plans) {
    std::string until = valid_until_text(p), window = window_holds_text(result, p);
    if (until.empty() && window.empty()) continue;
    out << markdown_cell(p.plan->plan.id.value_or(p.plan->file)) << ": "
        << markdown_cell(until.empty() ? window : window.empty() ? until : until + "; " + window)
        << ".<br>\n";
    any_until = true;
  }
  if (any_until) out << '\n';  // a table must not continue the paragraph

  std::vector<std::vector<Cell>> plans;
  for (const auto& p : result.plans) {
    int b = 0, w = 0;
    for (const Finding& f : p.findings) {
      Standing st = standing_of(f);
      b += st == Standing::Blocking;
      w += st == Standing::Warning || st == Standing::Notice;
    }
    plans.push_back({markdown_cell(plan_title(*p.plan)), std::string(verdict_title(p.verdict)),
                     fmt::format("{:.1f}%", p.summary.score), std::to_string(b), std::to_string(w),
                     markdown_cell(p.plan->file)});
  }
  table(out, {"plan", "verdict", "score", "blocking", "warnings", "file"}, plans);

  if (!blocking.empty()) {
    out << fmt::format("\n### Blocking findings ({})\n\n", blocking.size());
    findings_table(out, blocking, true, false);
  } else {
    out << "\nNo blocking findings.\n";
  }
  if (!warnings.empty()) {
    details_open(out, fmt::format("Warnings ({})", warnings.size()));
    findings_table(out, warnings, true, true);
    details_close(out);
  }
  if (!waived.empty()) {
    details_open(out, fmt::format("Waived ({})", waived.size()));
    std::vector<std::vector<Cell>> rows;
    for (const Item& i : waived) {
      const Finding& f = *i.finding;
      const AppliedWaiver* w = f.waiver ? &*f.waiver : nullptr;
      rows.push_back({markdown_cell(f.check), markdown_cell(f.subject),
                      markdown_cell(w ? w->reason : ""), markdown_cell(w ? w->approved_by : ""),
                      w ? format_instant(w->expires) : "", markdown_cell(w ? w->ticket : ""),
                      location_cell(f)});
    }
    table(out, {"check", "subject", "reason", "approved by", "until", "ticket", "location"}, rows);
    details_close(out);
  }
  if (!skipped.empty()) {
    details_open(out, fmt::format("Skipped ({})", skipped.size()));
    findings_table(out, skipped, false, false);
    details_close(out);
  }
  if (!passed.empty()) {
    details_open(out, fmt::format("Passed ({})", passed.size()));
    findings_table(out, passed, false, false);
    details_close(out);
  }

  write_record(out, result);

  out << '\n';
  for (const auto& p : result.plans) {
    out << "Rulesets for " << markdown_cell(p.plan->file) << ':';
    if (p.rulesets.empty()) out << " none";
    for (size_t i = 0; i < p.rulesets.size(); ++i) {
      const AppliedRuleset& r = p.rulesets[i];
      out << (i ? ", " : " ") << markdown_cell(r.name);
      if (!r.version.empty()) out << ' ' << markdown_cell(r.version);
      if (!r.reason.empty()) out << " (" << markdown_cell(r.reason) << ')';
    }
    out << ".<br>\n";
  }
  out << fmt::format("golive {}, generated {}.\n", markdown_cell(result.tool_version),
                     format_instant(result.generated_at));
}

}  // namespace

GOLIVE_REGISTER_REPORT(markdown, "GitHub Markdown for step summaries and PR comments", write_markdown);

}  // namespace golive
