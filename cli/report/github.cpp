// GitHub Actions workflow commands: one annotation per finding that needs attention,
// shown on the run and on the plan file's lines in a pull request's diff.
// `::error` for what fails the run (blocking, or every warning with --fail-on warn),
// `::warning` for other fails and errors of warn rules, `::notice` for info rules and
// waivers; passes and skips print nothing. A last `::notice` gives the verdict.
// Escaping follows the runner's rules: `%`, CR, LF in the message; also `:` and `,` in
// properties.
#include <fmt/format.h>

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
      std::string title = fmt::format("{} {} ({})", to_string(f.severity), f.check, f.subject);
      std::string message = f.message;
      if (f.waiver) {
        message += fmt::format("\nWaived by {} until {}: {}", f.waiver->approved_by,
                               format_instant(f.waiver->expires), f.waiver->reason);
        if (!f.waiver->ticket.empty()) message += fmt::format(" ({})", f.waiver->ticket);
      } else if (std::string fix = remediation_of(f); !fix.empty()) {
        message += "\nFix: " + fix;
      }
      annotate(out, command, f.location, title, message);
    }
  // Warnings about the input, then the record of what was not checked or relaxed.
  for (const InputDiagnostic& d : result.diagnostics)
    annotate(out, d.severity == "error" ? "error" : "warning", d.loc, "golive input", d.message);
  if (std::string off = offline_warning(result); !off.empty())
    annotate(out, "warning", {}, "golive: offline", off);
  std::string record;
  for (const RecordLine& line : run_record(result)) record += fmt::format("{}: {}\n", line.label, line.value);
  std::vector<std::string> set = non_default_settings(result);
  record += fmt::format("settings: {}", set.empty() ? std::string("all defaults") : fmt::format("{}", fmt::join(set, ", ")));
  annotate(out, "notice", {}, "golive: not checked or relaxed, and settings", record);
  const Summary& s = result.summary;
  std::string until;
  for (const auto& p : result.plans)
    if (std::string u = valid_until_text(p); !u.empty()) until += fmt::format("; {}: {}", p.plan->plan.id.value_or(p.plan->file), u);
  annotate(out, "notice", {}, fmt::format("golive: {}", verdict_title(result.verdict)),
           fmt::format("{}, score {:.1f}%: {} (as of {}){}", verdict_title(result.verdict), s.score,
                       counts_text(result), format_instant(result.as_of), until));
}

}  // namespace

GOLIVE_REGISTER_REPORT(github, "GitHub Actions annotations (workflow commands)", write_github);

}  // namespace golive
