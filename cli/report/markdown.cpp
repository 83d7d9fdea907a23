// The Markdown report, for `$GITHUB_STEP_SUMMARY` and pull-request comments (GitHub
// Flavored Markdown): the verdict first, a table of what blocks the go-live, then
// collapsed <details> sections for warnings, waivers, skips and passes.
// Every cell goes through markdown_cell(), so plan text can neither end a table row nor
// open a link, code span or HTML tag.
#include <fmt/format.h>

#include "checks/engine/i18n.h"
#include "checks/engine/values.h"
#include "cli/report/report.h"
#include "cli/report/support.h"

namespace golive {
namespace {

using Cell = std::string;

// A column heading in the current language (`report.markdown.head.<name>`).
std::string heading(std::string_view name) { return message_text(fmt::format("report.markdown.head.{}", name)); }

// "Warnings (3)", the summary of a collapsed section.
std::string titled(std::string_view key, size_t count) { return message(key, fmt::arg("count", count)); }

struct Item {
  const PlanResult* plan;
  const Finding* finding;
};

std::string location_cell(const Finding& f) { return markdown_cell(file_line(f.location)); }

// The message, then on a new line inside the cell what to do about it.
std::string message_cell(const Finding& f, bool with_fix) {
  std::string cell = markdown_cell(f.message);
  if (with_fix)
    if (std::string fix = remediation_of(f); !fix.empty()) cell += "<br>" + message("report.fix_line", fmt::arg("label", message_text("report.fix")), fmt::arg("fix", markdown_cell(fix)));
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
      // The display words of the machine values: `warn fail` in English, `警告（未通过）`.
      row.insert(row.begin(),
                 message("report.markdown.status_cell",
                         fmt::arg("severity", severity_said(i.finding->severity)),
                         fmt::arg("status", status_said(i.finding->status))));
    rows.push_back(std::move(row));
  }
  std::vector<std::string> head = {heading("check"), heading("subject"), heading("message"), heading("location")};
  if (with_status) head.insert(head.begin(), heading("status"));
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
    rows.push_back({markdown_cell(record_label(line.label)), markdown_cell(line.value)});
  rows.push_back({markdown_cell(record_label("settings")), markdown_cell(settings_text(result))});
  out << "\n**" << message_text("report.markdown.record") << "**\n\n";
  table(out, {"", heading("value")}, rows);
  if (!result.diagnostics.empty()) {
    details_open(out, titled("report.markdown.diagnostics", result.diagnostics.size()));
    std::vector<std::vector<Cell>> diags;
    for (const InputDiagnostic& d : result.diagnostics)
      diags.push_back({markdown_cell(d.severity), markdown_cell(d.message), markdown_cell(d.loc.str())});
    table(out, {heading("severity"), heading("message"), heading("location")}, diags);
    details_close(out);
  }
}

void write_markdown(const RunResult& result, std::ostream& out, const ReportOptions&) {
  std::vector<Item> blocking, warnings, notices, waived, skipped, passed;
  for (const auto& p : result.plans)
    for (const Finding& f : p.findings) {
      switch (standing_of(f)) {
        case Standing::Blocking: blocking.push_back({&p, &f}); break;
        case Standing::Warning: warnings.push_back({&p, &f}); break;
        case Standing::Notice: notices.push_back({&p, &f}); break;
        case Standing::Waived: waived.push_back({&p, &f}); break;
        case Standing::Skipped: skipped.push_back({&p, &f}); break;
        case Standing::Passed: passed.push_back({&p, &f}); break;
      }
    }
  const Summary& s = result.summary;
  out << "## golive: " << headline_verdict(result, result.verdict) << "\n\n";
  out << message("report.markdown.summary", fmt::arg("verdict", headline_verdict(result, result.verdict)),
                 fmt::arg("score", score_text(s.score)), fmt::arg("counts", counts_text(result)),
                 fmt::arg("at", say_instant(result.as_of, run_zone(result))),
                 fmt::arg("mode", result.as_of_mode == "window" ? message_text("report.as_of_window") : ""),
                 fmt::arg("offline", result.offline ? message_text("report.as_of_offline") : ""))
      << "\n\n";
  if (std::string off = offline_warning(result); !off.empty())
    out << "> [!WARNING]\n> " << markdown_cell(off) << "\n\n";
  bool any_until = false;
  for (const auto& p : result.plans) {
    std::string until = valid_until_text(p), window = window_holds_text(result, p);
    if (until.empty() && window.empty()) continue;
    out << message("report.markdown.until", fmt::arg("plan", markdown_cell(p.plan->plan.id.value_or(p.plan->file))),
                   fmt::arg("text", markdown_cell(until.empty()    ? window
                                                  : window.empty() ? until
                                                                   : until + message_text("report.list_separator") + window)))
        << "<br>\n";
    any_until = true;
  }
  if (any_until) out << '\n';  // a table must not continue the paragraph

  std::vector<std::vector<Cell>> plans;
  for (const auto& p : result.plans) {
    const StandingCounts c = count_standings(p);
    plans.push_back({markdown_cell(plan_title(*p.plan)), std::string(verdict_title(p.verdict)),
                     fmt::format("{:.1f}%", p.summary.score), std::to_string(c.blocking), std::to_string(c.warnings),
                     markdown_cell(p.plan->file)});
  }
  table(out, {heading("plan"), heading("verdict"), heading("score"), heading("blocking"), heading("warnings"), heading("file")},
        plans);

  if (!blocking.empty()) {
    out << "\n### " << titled("report.markdown.blocking", blocking.size()) << "\n\n";
    findings_table(out, blocking, true, false);
  } else {
    out << '\n' << message_text("report.markdown.no_blocking") << '\n';
  }
  if (!warnings.empty()) {
    details_open(out, titled("report.markdown.warnings", warnings.size()));
    findings_table(out, warnings, true, true);
    details_close(out);
  }
  if (!notices.empty()) {
    details_open(out, titled("report.markdown.info", notices.size()));
    findings_table(out, notices, true, true);
    details_close(out);
  }
  if (!waived.empty()) {
    details_open(out, titled("report.markdown.waived", waived.size()));
    std::vector<std::vector<Cell>> rows;
    for (const Item& i : waived) {
      const Finding& f = *i.finding;
      const AppliedWaiver* w = f.waiver ? &*f.waiver : nullptr;
      rows.push_back({markdown_cell(f.check), markdown_cell(f.subject),
                      markdown_cell(w ? w->reason : ""), markdown_cell(w ? w->approved_by : ""),
                      w ? say_instant(w->expires, i.plan->plan->zone()) : "", markdown_cell(w ? w->ticket : ""),
                      location_cell(f)});
    }
    table(out,
          {heading("check"), heading("subject"), heading("reason"), heading("approved_by"), heading("until"),
           heading("ticket"), heading("location")},
          rows);
    details_close(out);
  }
  if (!skipped.empty()) {
    details_open(out, titled("report.markdown.skipped", skipped.size()));
    findings_table(out, skipped, false, false);
    details_close(out);
  }
  if (!passed.empty()) {
    details_open(out, titled("report.markdown.passed", passed.size()));
    findings_table(out, passed, false, false);
    details_close(out);
  }

  write_record(out, result);

  out << '\n';
  for (const auto& p : result.plans) {
    std::vector<std::string> names;
    for (const AppliedRuleset& r : p.rulesets) {
      std::string name = markdown_cell(r.name);
      if (!r.version.empty()) name += ' ' + markdown_cell(r.version);
      if (!r.said.empty()) name += message("report.markdown.ruleset_reason", fmt::arg("reason", markdown_cell(r.said)));
      names.push_back(std::move(name));
    }
    out << message("report.markdown.rulesets", fmt::arg("file", markdown_cell(p.plan->file)),
                   fmt::arg("rulesets", names.empty() ? message_text("report.record.none")
                                                      : fmt::format("{}", fmt::join(names, message_text("report.markdown.ruleset_separator")))))
        << "<br>\n";
  }
  out << message("report.markdown.generated", fmt::arg("version", markdown_cell(result.tool_version)),
                 fmt::arg("at", say_instant(result.generated_at, run_zone(result))))
      << '\n';
}

}  // namespace

GOLIVE_REGISTER_REPORT(markdown, "GitHub Markdown for step summaries and PR comments", write_markdown);

}  // namespace golive
