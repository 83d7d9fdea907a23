#pragma once
/// Shared by the report format tests: golden files, the inputs every format is run on,
/// and running the external validators consumers trust.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "checks/engine/result.h"
#include "cli/report/report.h"
#include "tests/cli/cli_support.h"
#include "tests/support/golden.h"
#include "tests/support/fixtures.h"

namespace golive::test {

/// A plan every format is rendered from, with the exit code `check` gives it.
struct ReportInput {
  std::string name;  ///< golden file stem
  std::string plan;  ///< relative to the source tree
  int exit_code;
  std::vector<std::string> args = {};  ///< more `check` options
};

/// Report fixtures first, then the CLI fixture, then the bundled examples that exist.
inline std::vector<ReportInput> report_inputs() {
  std::vector<ReportInput> inputs = {
      {"hostile", "tests/fixtures/reports/hostile.yaml", 1},
      {"not-ready", "tests/fixtures/cli/not-ready.yaml", 1},
      {"payments-ready", "examples/payments-ready.yaml", 0},
      {"payments-not-ready", "examples/payments-not-ready.yaml", 1},
      {"erp-zh-CN", "examples/erp-zh-CN.yaml", 0},
      {"erp-zh-CN-not-ready", "examples/erp-zh-CN-not-ready.yaml", 1},
      // The Chinese plans reported in Chinese (docs/i18n.md). Finding messages are still
      // English until their checks move to the catalogues; regenerate with
      // GOLIVE_UPDATE_GOLDEN=1 when they do.
      {"erp-zh-CN.zh-CN", "examples/erp-zh-CN.yaml", 0, {"--lang", "zh-CN"}},
      {"erp-zh-CN-not-ready.zh-CN", "examples/erp-zh-CN-not-ready.yaml", 1, {"--lang", "zh-CN"}},
      // What a report records of a narrowed run: a waiver register and a skipped check.
      {"payments-waived", "examples/payments-not-ready.yaml", 1,
       {"--waivers", "examples/waivers.yaml", "--skip", "monitoring.dashboards"}},
  };
  std::vector<ReportInput> present;
  for (auto& i : inputs)
    if (std::filesystem::exists(source_dir() + "/" + i.plan)) present.push_back(i);
  return present;
}

/// `golive check --as-of kAsOf --offline -f FORMAT` on an input; checks the exit code.
inline std::string render(const ReportInput& input, const std::string& format,
                          std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"-f", format};
  args.insert(args.end(), input.args.begin(), input.args.end());
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(input.plan);
  ProcessResult r = check(args);
  CAPTURE(input.name);
  CAPTURE(r.err);
  CHECK(r.exit_code == input.exit_code);
  return r.out;
}

/// A run with one finding of every kind a report distinguishes (blocking fail and error,
/// warning fail and error, info fail, waived, skipped, passed, an exec rule), with hostile
/// text and credentials in messages, evidence and the waiver. Rendered by calling the
/// writers directly: the golden files `all-statuses.1.<format>`.
inline RunResult synthetic_result() {
  auto plan = std::make_shared<const Plan>(plan_from(R"(golive: 1
plan:
  id: test-plan
  name: Test plan
  owner: li.wei
  revised_at: 2026-11-01
go_live:
  window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}
  timezone: Asia/Shanghai
  hypercare: 3d
organization:
  commander: li.wei
  deputy: wang.wu
  roles: {ops_lead: li.wei, comms_lead: zhao.liu}
contacts:
  - {id: li.wei, name: Li Wei, phone: "+8613800000003", email: li.wei@example.com, timezone: Asia/Shanghai}
  - {id: wang.wu, name: 王五, phone: "+8613800000002", email: wang.wu@example.com, timezone: Asia/Shanghai}
  - {id: zhao.liu, name: "Zhao <Liu> & 'Co'", phone: "+8613800000004", email: zhao.liu@example.com, timezone: Asia/Shanghai}
)"));
  auto finding = [](std::string check, Severity severity, Status status, std::string subject,
                    std::string message, int line) {
    Finding f;
    f.check = std::move(check);
    f.category = f.check.substr(0, f.check.find('.'));
    f.severity = severity;
    f.status = status;
    f.blocking = severity == Severity::Gate && (status == Status::Fail || status == Status::Error);
    f.subject = std::move(subject);
    f.message = std::move(message);
    f.location = {"plan.yaml", line, 3};
    return f;
  };
  std::vector<Finding> findings;
  findings.push_back(finding("backup.fresh", Severity::Gate, Status::Fail, "backups[db-hourly]",
                             "last success 3d ago, limit 2h (100% over) | see <runbook>", 12));
  findings.back().evidence = {{"age_seconds", int64_t{259200}},
                              {"ratio", 36.5},
                              {"offsite", true},
                              {"location", "https://backup:s3cr3t@store.example.com/db?token=abc123"},
                              {"copies", std::vector<std::string>{"dc-a", "dc-b ]]>"}}};
  findings.push_back(finding("backup.exists", Severity::Gate, Status::Error, "datastores[db]",
                             "probe of https://admin:hunter2@store.example.com/db failed: "
                             "connection refused\nafter 3 tries",
                             14));
  findings.push_back(finding("resources.spare-hardware", Severity::Warn, Status::Fail,
                             "systems[api|v2]", "no spare covers `api`, 50% of \"tier-1\"", 20));
  findings.push_back(finding("resources.bandwidth-headroom", Severity::Warn, Status::Error,
                             "links[wan-a]", "peak query failed: <html>502</html>\r\n::error::x", 22));
  findings.push_back(finding("rollback.tested", Severity::Info, Status::Fail, "rollback",
                             "rollback test 40d old, 回滚演练已过期", 30));
  Finding waived = finding("monitoring.alerts-defined", Severity::Gate, Status::Waived,
                           "alerts[PaymentsDown]", "alert PaymentsDown has no runbook", 40);
  waived.waiver = AppliedWaiver{"Runbook <b>in review</b>, 50% done; see https://u:pw@wiki.example.com/x",
                                "zhang.san", "CHG-1234", at("2026-12-20T00:00:00Z"),
                                {"waivers.yaml", 3, 5}};
  findings.push_back(waived);
  findings.push_back(finding("backup.exists", Severity::Gate, Status::Skip, "live",
                             "--offline: live probes skipped", 16));
  findings.push_back(finding("resources.bandwidth-headroom", Severity::Gate, Status::Pass,
                             "links[wan-b]", "peak 31% of capacity, limit 70%", 24));
  findings.back().expires_at = at("2026-12-11T04:00:00Z");
  findings.push_back(finding("custom.replication-lag", Severity::Gate, Status::Pass, "plan",
                             "lag 3s <= 30s", 0));
  findings.back().location = {};

  PlanResult p;
  p.plan = plan;
  p.rulesets = {{"baseline", "1.0.0", std::string(64, 'a'), "always", "built-in", "always"},
                {"custom <lag>", "0.3", std::string(64, 'b'), "--ruleset", "rules/lag & more.yaml", "--ruleset"}};
  p.findings = std::move(findings);
  p.summary = summarize(p.findings, 8);
  p.verdict = verdict_of(p.findings);

  RunResult r;
  r.tool_version = GOLIVE_VERSION;
  r.generated_at = at(kGeneratedAt);
  r.as_of = at(kAsOf);
  r.as_of_mode = "fixed";
  r.offline = true;
  r.summary = p.summary;
  r.verdict = p.verdict;
  r.exit_code = 1;
  r.plans.push_back(std::move(p));
  return r;
}

/// The synthetic run rendered in `format` by its registered writer.
inline std::string render_synthetic(const std::string& format, ReportOptions options = {}) {
  const ReportFormat* f = find_report_format(format);
  REQUIRE_MESSAGE(f, "format " << format << " is not registered");
  std::ostringstream out;
  f->write(synthetic_result(), out, options);
  return out.str();
}

/// The golden-file input the synthetic run stands for.
inline const ReportInput kSynthetic{"all-statuses", "", 1};

/// Compares a whole report with `tests/golden/<input>.<exit>.<format>`; with
/// GOLIVE_UPDATE_GOLDEN=1 writes it instead (review the diff before committing).
inline void compare_golden(const ReportInput& input, const std::string& format, const std::string& out) {
  compare_with_golden(
      fmt::format("{}/tests/golden/{}.{}.{}", source_dir(), input.name, input.exit_code, format), out);
}

/// What a shell command printed (stdout and stderr together) and its exit status.
struct CommandResult {
  int exit_code = -1;
  std::string output;
};

/// Runs `command` through /bin/sh, stderr merged into stdout.
inline CommandResult run_command(const std::string& command) {
  CommandResult r;
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  REQUIRE_MESSAGE(pipe, "cannot run " << command);
  char buffer[4096];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) r.output.append(buffer, n);
  int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

/// Single-quotes a path for the shell.
inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

/// Requires an external tool that .ci/install-deps installs; fails with how to get it.
inline void require_tool(const std::string& path_or_name) {
  CommandResult r = run_command("command -v " + shell_quote(path_or_name));
  REQUIRE_MESSAGE(r.exit_code == 0, path_or_name << " is missing: run .ci/install-deps");
}

/// Writes text to a file in `dir`, returns its path.
inline std::string write_file(const TempDir& dir, const std::string& name, const std::string& text) {
  dir.write(name, text);
  return dir.file(name);
}

}  // namespace golive::test
