// The JUnit XML report, for CI test dashboards (Jenkins, GitLab, Azure DevOps…): testsuites >
// one flat testsuite per plan (with its properties) > one testcase per finding. Flat, because
// readers differ on nested suites (npm test-results-parser sees no testcase inside them, GitLab
// and junitparser flatten them differently); every reader agrees on this shape. A testcase is
// identified by (classname, name) = ("PLAN-ID.CHECK", subject), unique across plans, since
// GitLab keeps only the first of two testcases with the same identity.
//
// A testcase fails exactly when its finding makes `golive check` exit 1, so the
// dashboard agrees with the gate: blocking findings, and warnings too with --fail-on warn.
// Other warnings pass with their message in <system-out>, so they stay visible without
// failing the build.
#include <fmt/format.h>

#include <map>
#include <utility>

#include "checks/engine/i18n.h"
#include "checks/engine/values.h"
#include "cli/report/report.h"
#include "cli/report/support.h"

namespace golive {
namespace {

std::string attr(std::string_view text) { return xml_escape(text, true); }
std::string body(std::string_view text) { return xml_escape(text, false); }

struct Counts {
  int tests = 0;
  int failures = 0;
  int errors = 0;
  int skipped = 0;
};

Counts count(const RunResult& result, const std::vector<const Finding*>& findings) {
  Counts c;
  for (const Finding* f : findings) {
    ++c.tests;
    if (fails_run(*f, result))
      ++(f->status == Status::Error ? c.errors : c.failures);
    else if (f->status == Status::Skip || f->status == Status::Waived)
      ++c.skipped;
  }
  return c;
}

std::string counts_attrs(const Counts& c) {
  return fmt::format("tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\"", c.tests,
                     c.failures, c.errors, c.skipped);
}

// The detail printed inside <failure>, <error>, <skipped> or <system-out>.
std::string detail(const Finding& f, const Zone* zone) {
  // The status word is for people here (the element and its `type` say it for machines).
  std::string out = message("report.junit.status_line", fmt::arg("status", status_said(f.status)),
                            fmt::arg("message", f.message)) +
                    '\n';
  if (f.location.known()) out += message("report.junit.location", fmt::arg("where", f.location.str())) + '\n';
  for (const auto& [key, value] : f.evidence)
    out += fmt::format("evidence.{}: {}\n", key, evidence_text(value));
  if (f.waiver) {
    out += message("report.junit.waived_by", fmt::arg("who", f.waiver->approved_by),
                   fmt::arg("until", say_instant(f.waiver->expires, zone)), fmt::arg("reason", f.waiver->reason)) +
           '\n';
    if (!f.waiver->ticket.empty()) out += message("report.junit.ticket_line", fmt::arg("ticket", f.waiver->ticket)) + '\n';
  } else if (std::string fix = remediation_of(f);
             !fix.empty() && f.status != Status::Pass && f.status != Status::Skip) {
    out += message("report.junit.fix", fmt::arg("fix", fix)) + '\n';
  }
  return out;
}

// A waived finding's <skipped> message names who accepted the risk, until when and why.
std::string waiver_message(const Finding& f, const Zone* zone) {
  return message("report.junit.waiver_message", fmt::arg("who", f.waiver->approved_by),
                 fmt::arg("until", say_instant(f.waiver->expires, zone)),
                 fmt::arg("ticket", f.waiver->ticket.empty()
                                        ? ""
                                        : message("report.junit.ticket", fmt::arg("ticket", f.waiver->ticket))),
                 fmt::arg("reason", f.waiver->reason));
}

void write_testcase(std::ostream& out, const RunResult& result, const std::string& plan_id,
                    const Finding& f, const std::string& name, const Zone* zone) {
  out << "    <testcase classname=\"" << attr(plan_id + "." + f.check) << "\" name=\"" << attr(name)
      << "\"";
  std::string type = fmt::format("{}.{}", to_string(f.severity), to_string(f.status));
  std::string element;
  if (fails_run(f, result))
    element = f.status == Status::Error ? "error" : "failure";
  else if (f.status == Status::Skip || f.status == Status::Waived)
    element = "skipped";
  if (!element.empty()) {
    out << ">\n      <" << element << " type=\"" << attr(type) << "\" message=\""
        << attr(f.waiver ? waiver_message(f, zone) : f.message) << "\">" << body(detail(f, zone)) << "</" << element << ">\n"
        << "    </testcase>\n";
  } else if (f.status != Status::Pass) {
    // A warning or notice that does not fail the run: visible, not failing.
    out << ">\n      <system-out>" << body(fmt::format("{}.{}\n", to_string(f.severity),
                                                         to_string(f.status)) +
                                             detail(f, zone))
        << "</system-out>\n    </testcase>\n";
  } else {
    out << "/>\n";
  }
}

void property(std::ostream& out, std::string_view name, std::string_view value) {
  out << "      <property name=\"" << attr(name) << "\" value=\"" << attr(value) << "\"/>\n";
}

// The record of what was not checked or relaxed, the settings with their origins, the
// input diagnostics and how long the verdict holds, as properties of the plan's suite.
void write_record_properties(std::ostream& out, const RunResult& result, const PlanResult& p) {
  property(out, "info", std::to_string(p.summary.info));
  if (std::string until = valid_until_text(p); !until.empty()) property(out, "valid_until", until);
  if (std::string window = window_holds_text(result, p); !window.empty()) property(out, "window", window);
  for (const RecordLine& line : run_record(result)) property(out, "record." + line.label, line.value);
  for (const SettingRecord& s : result.settings.settings)
    property(out, "setting." + s.name, fmt::format("{} ({})", s.value, s.origin));
  for (size_t i = 0; i < result.diagnostics.size(); ++i) {
    const InputDiagnostic& d = result.diagnostics[i];
    property(out, fmt::format("diagnostic.{}", i + 1), fmt::format("{}: {}: {}", d.loc.str(), d.severity, d.message));
  }
}

// How often each (classname, subject) was written in this report.
using Seen = std::map<std::pair<std::string, std::string>, int>;

void write_plan(std::ostream& out, const RunResult& result, const PlanResult& p, Seen& seen) {
  const Plan& plan = *p.plan;
  std::vector<const Finding*> all;
  for (const Finding& f : p.findings) all.push_back(&f);
  out << "  <testsuite name=\"" << attr(plan_title(plan)) << "\" " << counts_attrs(count(result, all))
      << " timestamp=\"" << format_instant(result.generated_at) << "\" file=\"" << attr(plan.file)
      << "\">\n";
  out << "    <properties>\n";
  property(out, "plan.id", plan.plan.id.value_or(""));
  property(out, "plan.file", plan.file);
  property(out, "plan.sha256", plan.sha256);
  property(out, "verdict", to_string(p.verdict));
  property(out, "score", fmt::format("{:.1f}", p.summary.score));
  property(out, "as_of", format_instant(plan_as_of(result, p)));
  property(out, "as_of_mode", result.as_of_mode);
  property(out, "offline", result.offline ? "true" : "false");
  property(out, "fail_on", result.fail_on_warn ? "warn" : "gate");
  property(out, "generated_at", format_instant(result.generated_at));
  property(out, "tool", fmt::format("golive {}", result.tool_version));
  for (const AppliedRuleset& r : p.rulesets)
    property(out, fmt::format("ruleset.{}", r.name),
             fmt::format("{} sha256:{} ({}; {})", r.version, r.sha256, r.reason, r.source));
  write_record_properties(out, result, p);
  out << "    </properties>\n";

  // Testcases in category order, as the other reports list them. A check that reports
  // the same subject twice (or two plans with one id) gets " #2", " #3"… so that no two
  // testcases share an identity.
  const std::string plan_id = plan.plan.id.value_or(plan.file);
  for (const CategoryCount& c : count_by_category(p.findings))
    for (const Finding& f : p.findings) {
      if (f.category != c.category) continue;
      int n = ++seen[{plan_id + "." + f.check, f.subject}];
      write_testcase(out, result, plan_id, f, n == 1 ? f.subject : fmt::format("{} #{}", f.subject, n), plan.zone());
    }
  out << "  </testsuite>\n";
}

void write_junit(const RunResult& result, std::ostream& out, const ReportOptions&) {
  std::vector<const Finding*> all;
  for (const auto& p : result.plans)
    for (const Finding& f : p.findings) all.push_back(&f);
  Counts c = count(result, all);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"golive\" " << counts_attrs(c) << ">\n";
  Seen seen;
  for (const auto& p : result.plans) write_plan(out, result, p, seen);
  out << "</testsuites>\n";
}

}  // namespace

GOLIVE_REGISTER_REPORT(junit, "JUnit XML for CI test dashboards", write_junit);

}  // namespace golive
