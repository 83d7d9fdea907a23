#pragma once
/// Report formats: a registry from format name to writer, one file per format in
/// cli/report/ (text.cpp, json.cpp…), each registering itself with one line.

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "checks/engine/result.h"

namespace golive {

/// How a report is rendered, beyond the result itself.
struct ReportOptions {
  bool color = false;     ///< ANSI colour (text only); decided by the caller, never by fmt
  bool quiet = false;     ///< verdict and blocking items only (text only)
  std::string lang = "en";  ///< language of fixed report wording
  /// SARIF only: also list `pass` and `skip` findings (kinds `pass`, `notApplicable`).
  /// Off by default: consumers that ignore `kind` would raise an alert for each.
  bool sarif_passes = false;
  /// SARIF only: base URL of the check documentation; when set, each rule's `helpUri` is
  /// `docs_url` + `#` + check id. Empty (no public home): no `helpUri`.
  std::string docs_url;
};

/// Writes a whole report of `result` to `out`.
using ReportWriter = void (*)(const RunResult& result, std::ostream& out,
                              const ReportOptions& options);

/// A report format as shown by `--format` and `--report FORMAT:PATH`.
struct ReportFormat {
  std::string name;         ///< `text`, `json`…
  std::string description;  ///< one line, for help and docs
  ReportWriter write = nullptr;
};

/// Adds a format to the registry; used through GOLIVE_REGISTER_REPORT.
bool register_report_format(ReportFormat format);

/// The registered format of that name, or nullptr.
const ReportFormat* find_report_format(std::string_view name);

/// Names of every registered format, sorted.
std::vector<std::string> report_format_names();

/// Every format name SPEC §6 promises, registered in this build or not, so that a format
/// still to come is refused as "not available" rather than "unknown".
const std::vector<std::string>& promised_report_formats();

/// Why `name` cannot be used as a format, or "" when it can, in the current language
/// (`report.format.*`): "unknown format 'xml' (expected one of json, text)", with a
/// "did you mean" for near misses.
std::string report_format_problem(std::string_view name);

/// What to change to fix a finding, in the current language (checks/engine/i18n.h): in English
/// its own remediation, else its check's `fix`; in another language its check's translated
/// `fix` (a finding's own remediation is still English only), or for a check golive does
/// not know (an exec plugin) the finding's own remediation.
std::string remediation_of(const Finding& finding);

/// The instant a plan's evidence ages were measured at: the run's as-of instant, or the
/// plan's window start with `--as-of window`.
Instant plan_as_of(const RunResult& result, const PlanResult& plan);

/// One `--report FORMAT:PATH`.
struct ReportFile {
  const ReportFormat* format;
  std::string path;
};

/// Writes each report to its path atomically, all or none: every report is rendered and
/// written to a temporary file in its path's directory before any is renamed over its path;
/// on failure the temporary files are removed and nothing is renamed. A symbolic link is
/// written through (the file it names, created if missing, gets the report; the link stays),
/// and a device, pipe or socket, or a path under /dev/ or /proc/ that names one already open
/// (`/dev/stdout`), is appended to in place, after every file is in place: neither is ever
/// replaced by a file. Throws std::runtime_error with "cannot write report PATH: reason"
/// (`report.cannot_write_report`, the system's reason as it gives it) for the first report
/// that cannot be written.
void write_report_files(const std::vector<ReportFile>& reports, const RunResult& result,
                        const ReportOptions& options);

/// Writes `text` to `path` atomically, as write_report_files does (a temporary file in the
/// same directory, renamed over `path` once complete, removed on failure). Throws
/// std::runtime_error with "cannot write PATH: reason".
void write_file_atomically(const std::string& path, std::string_view text);

}  // namespace golive

/// Registers a report writer next to its definition:
///   GOLIVE_REGISTER_REPORT(text, "Readable summary for terminals", write_text);
#define GOLIVE_REGISTER_REPORT(name, description, writer)                      \
  [[maybe_unused]] static const bool golive_report_registered_##name =          \
      ::golive::register_report_format(::golive::ReportFormat{#name, description, writer})
