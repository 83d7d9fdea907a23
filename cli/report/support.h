#pragma once
/// What the report formats share: redaction, escaping for each target syntax, and the
/// grouping of findings that every report shows in the same order.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "checks/engine/redact.h"
#include "checks/engine/result.h"
#include "checks/engine/visible_text.h"

namespace golive {

// Output neutralisation (hostile_char(), make_visible()…): checks/engine/visible_text.h.

/// Text for a terminal or a log (the text report): redacted, tab and line breaks turned
/// into spaces (so a value cannot start a line of its own), every other hostile character
/// made visible (`ESC` → `\x1B`, U+202E → `\u202E`).
std::string terminal_text(std::string_view text);

/// Escapes `&<>"'` as character references; tab, LF and CR stay (in attributes
/// (`attribute`) they become `&#9;`, `&#10;`, `&#13;` so that they survive attribute-value
/// normalisation); every other hostile character is made visible, since XML 1.0 cannot
/// carry most C0 controls even as references and a reference to U+202E would still reorder
/// the text. Input is redacted first. Serves XML and HTML alike.
std::string xml_escape(std::string_view text, bool attribute = false);

/// Text for one cell of a Markdown table: `|`, backslash, backticks, `*`, `[`, `]`
/// escaped, `<`, `>`, `&` as character references (no HTML gets through), line breaks
/// turned into `<br>`, tab into a space and every other hostile character made visible, so
/// that a cell can neither end the row nor open markup. Redacted.
std::string markdown_cell(std::string_view text);

/// The message part of a GitHub workflow command (`::error …::MESSAGE`): `%`, `\r`, `\n`
/// percent-encoded as the Actions toolkit's escapeData does, every other hostile character
/// made visible. Redacted.
std::string github_message(std::string_view text);

/// A property value of a GitHub workflow command (`file=VALUE`): as github_message, and
/// `:` and `,` percent-encoded too (the toolkit's escapeProperty).
std::string github_property(std::string_view text);

/// A JSON document as text (indent 2) for the json and sarif reports: every string value
/// redacted, bytes that are not UTF-8 replaced by U+FFFD, and every hostile character
/// written as a `\uXXXX` escape (C0 controls as JSON requires, and also DEL, C1, format
/// characters, U+2028/U+2029), so that no raw hostile character is in the file while a
/// JSON reader still gets the original text.
std::string json_text(const nlohmann::ordered_json& doc);

/// Where a finding stands in a report, the order reports list them in.
enum class Standing {
  Blocking,  ///< fail or error of a gate rule, not waived: makes the plan not ready
  Warning,   ///< fail or error of a warn rule
  Notice,    ///< fail or error of an info rule
  Waived,    ///< turned into `waived` by a waiver
  Skipped,   ///< not applicable, or live-only with --offline
  Passed,
};

/// The standing of a finding.
Standing standing_of(const Finding& f);

/// The findings of a plan, or of every plan of a run, counted by standing. Every headline,
/// count line and portfolio row that says "blocking", "warnings" or "info" counts these, so
/// that it equals the sections listed under it (JSON's `summary` counts by status instead:
/// docs/reports.md "Counts").
struct StandingCounts {
  int blocking = 0;
  int warnings = 0;
  int notices = 0;  ///< said "info"
  int waived = 0;
  int skipped = 0;
  int passed = 0;
};
StandingCounts count_standings(const PlanResult& p);
StandingCounts count_standings(const RunResult& result);

/// True when the finding makes `golive check` exit 1: blocking, or a warning with
/// `--fail-on warn` (a notice never does).
bool fails_run(const Finding& f, const RunResult& result);

/// The verdict for people, in the current language (checks/engine/i18n.h): `READY`,
/// `READY WITH WARNINGS`, `NOT READY`; `就绪`, `就绪（有警告）`, `未就绪`.
std::string verdict_title(Verdict v);

/// True when `--fail-on warn` makes verdict `v` (of the run or of one of its plans) fail
/// the run: READY WITH WARNINGS, which then exits 1.
bool warnings_fail(const RunResult& result, Verdict v);

/// True when verdict `v` makes `golive check` exit 1: NOT READY, or warnings_fail().
bool verdict_fails(const RunResult& result, Verdict v);

/// The verdict as a headline says it: verdict_title(v), or, when warnings_fail(),
/// `READY WITH WARNINGS: FAILS (--fail-on warn)` (`report.verdict.fails_on_warn`), so that
/// no headline reads as a pass on a run that exits 1.
std::string headline_verdict(const RunResult& result, Verdict v);

/// `n` with its noun in the current language, from the catalogue's
/// `report.count.<noun>.one` (n = 1) or `.many`: counted(2, "errors") is "2 errors",
/// in Chinese "2 项错误".
std::string counted(int n, std::string_view noun);

/// "score 87.5%" in the current language (`report.score`); one decimal.
std::string score_text(double score);

/// "1 error" / "2 errors": `n` and the singular or plural noun.
std::string plural(int n, std::string_view one, std::string_view many);

/// The run's counts in one line, as every human-readable summary words them:
/// In the current language (`report.counts`):
/// "3 blocking, 1 warning, 0 info, 2 errors, 1 waived, 4 skipped, 200 passed". Blocking: the
/// findings that block the go-live; warnings and info: failed warn and info rules (the JSON
/// summary's `warnings` and `info`); errors: checks that could not decide, at any severity.
std::string counts_text(const RunResult& result);

/// The title of a finding's check in the current language (check_text(); the rule id for exec rules).
std::string check_title(const Finding& f);

/// `file:line` of a finding's location, or the file alone when the line is unknown.
std::string file_line(const SourceLoc& loc);

/// An evidence value as one line of text: numbers as written, lists comma-separated.
std::string evidence_text(const EvidenceValue& value);

/// Categories in the order their first finding appears, with counts per standing.
struct CategoryCount {
  std::string category;
  int passed = 0;
  int failed = 0;    ///< blocking fails
  int warnings = 0;  ///< warnings and notices
  int errors = 0;    ///< errors, blocking or not
  int skipped = 0;
  int waived = 0;
  int total() const { return passed + failed + warnings + errors + skipped + waived; }
};
std::vector<CategoryCount> count_by_category(const std::vector<Finding>& findings);

/// A plan's display name: `name (id)` (`report.plan_name_id`: `name（id）` in Chinese), or whichever
/// of the two is set.
std::string plan_title(const Plan& plan);

/// The faces a language's text takes first, as a CSS `font-family` list, or empty when the
/// default stacks serve it. `zh-CN`: `"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
/// "Microsoft YaHei", sans-serif`, so that Chinese text never takes a Japanese face's glyph
/// shapes from system-ui. Used by the HTML report, the HTML brief and the timeline figure.
std::string_view language_fonts(std::string_view lang);

/// The CSS rule that makes language_fonts(lang) the page's `--sans`
/// (`:root { --sans: …; }` and a line break), or empty when the language has none.
std::string language_font_rule(std::string_view lang);

/// One line of the record every report keeps of what narrowed or relaxed the run.
struct RecordLine {
  /// `offline`, `only`, `skip`, `fail-on`, `waivers`, `rule changed`: the same in every
  /// language (SARIF and JUnit use it as a name); record_label() is its wording for people.
  std::string label;
  std::string value;  ///< in the current language; unredacted: writers escape it
};

/// A RecordLine label (or `settings`) as people read it in the current language
/// (`report.record.label.*`): `fail-on` → `fail-on`, in Chinese `失败判定`.
std::string record_label(std::string_view label);

/// The options set by something other than their default, comma-separated, or "all
/// defaults" (in the current language).
std::string settings_text(const RunResult& result);

/// What was switched off or relaxed, in this order: offline mode (with the number of live
/// probes not made), --only, --skip, --fail-on, waiver files (with SHA-256), and each rule a
/// user ruleset disabled or downgraded (plan, check, file:line:col). Each option names its
/// origin (`--skip`, `GOLIVE_SKIP`, `.golive.yaml:3:7`, `default`).
std::vector<RecordLine> run_record(const RunResult& result);

/// Options set by something other than their default, as `name=value (origin)`
/// (`report.record.setting`: `name=value（origin）` in Chinese), each value as
/// setting_value_said() says it.
std::vector<std::string> non_default_settings(const RunResult& result);

/// A setting's value for people: a fixed `as-of` is said like the run's other instants
/// (say_instant() in run_zone()); every other value, and `now` and `window`, as recorded.
/// Machine fields (JSON, SARIF, JUnit properties) keep the recorded value, in UTC.
std::string setting_value_said(const RunResult& result, const SettingRecord& setting);

/// In the current language, as the other texts below (report.* keys of i18n/<lang>.yaml).
/// The prominent warning of an offline run ("OFFLINE: live evidence was not verified…"),
/// or "" for an online run.
std::string offline_warning(const RunResult& result);

/// A severity or status as people read it in the run's language (`report.severity_word.*`,
/// `report.status_word.*`): `gate`/`关卡`, `fail`/`未通过`. Machine fields keep to_string().
std::string severity_said(Severity s);
std::string status_said(Status s);

/// The zone the run's own instants (as-of, generated at) are said in, for people, in every
/// language: the plans' `go_live.timezone` when every plan has the same one; nullptr (UTC,
/// said as such: `2026-12-04T04:00:00Z`, `2026-12-04 04:00 (UTC+00:00)`) when the plans'
/// zones differ or none is set. A plan's own instants are said in that plan's zone.
/// Machine fields keep UTC.
const Zone* run_zone(const RunResult& result);

/// A plan's as-of instant (plan_as_of()) for people, in that plan's zone.
std::string say_as_of(const RunResult& result, const PlanResult& plan);

/// Until when a plan's verdict holds: "valid until 2026-12-05T01:00:00+08:00, when
/// backups[x] goes stale (backup.fresh)", in the plan's time zone; "" when no passing
/// evidence expires.
std::string valid_until_text(const PlanResult& plan);

/// What ends `plan`'s verdict before its window start: its passing evidence and waivers
/// that expire before the window start (PlanResult::expiring_before_window), earliest
/// first, when the window start is after `as_of`; empty when the verdict holds at window
/// start, when the window start is unknown, and when `as_of` is at or after it. What every
/// report's "at window start" and `golive brief`'s headline are computed from.
std::vector<ValidUntil> breaks_before_window(const PlanResult& plan, Instant as_of);

/// Whether the verdict still holds at the plan's window start, and what expires before
/// it; "" when the window start is unknown or already the as-of instant.
std::string window_holds_text(const RunResult& result, const PlanResult& plan);

}  // namespace golive
