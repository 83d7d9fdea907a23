// GitHub Actions workflow commands: one annotation per finding that needs attention,
// shown on the run and on the plan file's lines in a pull request's diff.
// `::error` for what fails the run (blocking, or every warning with --fail-on warn),
// `::warning` for other fails and errors of warn rules, `::notice` for info rules and
// waivers; passes and skips print nothing. A last `::notice` gives the verdict.
// Escaping follows the runner's rules: `%`, CR, LF in the message; also `:` and `,` in
// properties.
#include <fmt/format.h>

#include "checks/engine/i18n.h"
#include "checks/engine/values.h"
#include "cli/report/report.h"
#include "cli/report/support.h"

namespace golive {
namespace {

std::string_view command_of(const Finding& f, const RunResult& result) {
  if (fails_run(f, result)) return "error";
  switch (standing_of(f)) {
    case Standing::Warning: return "warning";
    case Standing::Notice:
    case Standing::Waived: return "notice";
    default: return "";
  }
}

void annotate(std::ostream& out, std::string_view command, const SourceLoc& loc,
              std::string_view title, std::string_view message) {
  out << "::" << command << ' ';
  if (!loc.file.empty()) {
    out << "file=" << github_property(loc.file) << ',';
    if (loc.line > 0) out << "line=" << loc.line << ',';
    if (loc.column > 0) out << "col=" << loc.column << ',';
  }
  out << "title=" << github_property(title) << "::" << github_message(message) << '\n';
}

void write_github(const RunResult& result, std::ostream& out, const ReportOptions&) {
  for (const auto& p : result.plans)
    for (const Finding& f : p.findings) {
      std::string_view command = command_of(f, result);
      if (command.empty()) continue;
      std::string title = message("report.github.finding_title",
                                  fmt::arg("severity", severity_said(f.severity)),
                                  fmt::arg("check", f.check), fmt::arg("subject", f.subject));
      std::string text = f.message;
      if (f.waiver) {
        const AppliedWaiver& w = *f.waiver;
        text += '\n' + message("report.github.waived_by", fmt::arg("who", w.approved_by),
                                   fmt::arg("until", say_instant(w.expires, p.plan->zone())), fmt::arg("reason", w.reason),
                                   fmt::arg("ticket", w.ticket.empty() ? "" : message("report.github.ticket",
                                                                                      fmt::arg("ticket", w.ticket))));
      } else if (std::string fix = remediation_of(f); !fix.empty()) {
        text += '\n' + message("report.fix_line", fmt::arg("label", message_text("report.fix")), fmt::arg("fix", fix));
      }
      annotate(out, command, f.location, title, text);
    }
  // Warnings about the input, then the record of what was not checked or relaxed.
  for (const InputDiagnostic& d : result.diagnostics)
    annotate(out, d.severity == "error" ? "error" : "warning", d.loc, message_text("report.github.input"), d.message);
  if (std::string off = offline_warning(result); !off.empty())
    annotate(out, "warning", {}, message_text("report.github.offline"), off);
  std::string record;
  auto line_of = [](std::string_view label, std::string_view value) {
    return message("report.github.record_line", fmt::arg("label", record_label(label)), fmt::arg("value", value));
  };
  for (const RecordLine& line : run_record(result)) record += line_of(line.label, line.value) + '\n';
  record += line_of("settings", settings_text(result));
  annotate(out, "notice", {}, message_text("report.github.record"), record);
  const Summary& s = result.summary;
  std::string until;
  // Until when the verdict holds, and whether it still holds when the window opens: the
  // second is what a pipeline run days before go-live needs to see ("ready now, not then").
  for (const auto& p : result.plans)
    for (const std::string& u : {valid_until_text(p), window_holds_text(result, p)})
      if (!u.empty())
        until += message("report.github.until", fmt::arg("plan", p.plan->plan.id.value_or(p.plan->file)), fmt::arg("text", u));
  // An error when the verdict fails the run (NOT READY, or READY WITH WARNINGS with
  // --fail-on warn): the job is red, and its last annotation says why.
  const std::string verdict = headline_verdict(result, result.verdict);
  annotate(out, verdict_fails(result, result.verdict) ? "error" : "notice", {},
           message("report.github.verdict_title", fmt::arg("verdict", verdict)),
           message("report.github.verdict", fmt::arg("verdict", verdict),
                   fmt::arg("score", score_text(s.score)), fmt::arg("counts", counts_text(result)),
                   fmt::arg("at", say_instant(result.as_of, run_zone(result))), fmt::arg("until", until)));
}

}  // namespace

GOLIVE_REGISTER_REPORT(github, "GitHub Actions annotations (workflow commands)", write_github);

}  // namespace golive
