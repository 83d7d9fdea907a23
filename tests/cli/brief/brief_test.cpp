// golive brief: golden files for the three formats, the shared computations (rollback
// deadline, on-call and region gaps) agreeing with the checks, daylight-saving changes, a
// window across midnight, omitted sections, -o, secrets, and the HTML in a real browser
// printed to at most two A4 pages.
#include <algorithm>
#include <regex>

#include "cli/brief/brief.h"
#include "cli/brief/common.h"
#include "cli/report/support.h"
#include "cli/report/width.h"
#include "tests/cli/report/consumers.h"
#include "tests/cli/report/report_support.h"
#include "tests/support/examples.h"
#include "tests/support/outside_consumer.h"
#include "tests/support/speaking.h"

namespace golive::test {

namespace {

/// `golive brief --as-of kAsOf ARGS...`
ProcessResult brief_cmd(std::vector<std::string> args, ProcessOptions options = {}) {
  args.insert(args.begin(), {"brief", "--as-of", kAsOf});
  return run_golive(args, options);
}

/// The example plans the brief has golden files for, with the exit code of `check`; the
/// Chinese plans also in Chinese (`.zh-CN.` in the golden file's name).
std::vector<ReportInput> brief_inputs() {
  return {{"brief/payments-ready", "examples/payments-ready.yaml", 0},
          {"brief/payments-not-ready", "examples/payments-not-ready.yaml", 1},
          {"brief/erp-zh-CN", "examples/erp-zh-CN.yaml", 0},
          {"brief/erp-zh-CN.zh-CN", "examples/erp-zh-CN.yaml", 0, {"--lang", "zh-CN"}},
          {"brief/erp-zh-CN-not-ready.zh-CN", "examples/erp-zh-CN-not-ready.yaml", 1, {"--lang", "zh-CN"}}};
}

/// The inline SVG of an HTML page: from `<svg class="timeline"` to `</svg>`, or empty.
std::string timeline_of(const std::string& html) {
  const size_t from = html.find("<svg class=\"timeline\"");
  if (from == std::string::npos) return "";
  return html.substr(from, html.find("</svg>\n", from) + 7 - from);
}

std::string join_intervals(const IntervalSet& set) {
  std::string out;
  for (const TimeInterval& i : set) out += (out.empty() ? "" : ", ") + format_interval(i);
  return out;
}

const brief::Band* band(const brief::Brief& b, const std::string& label) {
  for (const brief::Band& x : b.bands)
    if (x.label == label) return &x;
  return nullptr;
}

std::string evidence(const Finding& f, const std::string& key) {
  for (const auto& [k, v] : f.evidence)
    if (k == key) return evidence_text(v);
  return "<none>";
}

}  // namespace

TEST_CASE("brief golden files: text, markdown and html of the bundled examples, in English and Chinese") {
  for (const ReportInput& input : brief_inputs())
    for (const std::string format : {"text", "markdown", "html"}) {
      std::vector<std::string> args = input.args;
      args.insert(args.end(), {"-f", format, input.plan});
      ProcessResult r = brief_cmd(args);
      CAPTURE(input.plan);
      CAPTURE(format);
      CAPTURE(r.err);
      CHECK(r.exit_code == input.exit_code);
      compare_golden(input, format, r.out);
    }
}

TEST_CASE("brief exits like check: 0 ready, 1 not ready with a banner naming the blocking checks") {
  ProcessResult ready = brief_cmd({"examples/payments-ready.yaml"});
  CHECK(ready.exit_code == 0);
  CHECK(ready.out.find("\nREADY only until ") != std::string::npos);
  ProcessResult not_ready = brief_cmd({"examples/payments-not-ready.yaml"});
  CHECK(not_ready.exit_code == 1);
  CHECK(not_ready.out.find("\nNOT READY: blocked by ") != std::string::npos);
  // Every blocking check of `golive check --offline` is named in the banner.
  ProcessResult checked = check({"-f", "json", "examples/payments-not-ready.yaml"});
  // Named first: a range-for over json_of(…)["plans"]… would read the findings of a
  // temporary destroyed before the loop runs.
  const nlohmann::json report = json_of(checked.out);
  for (const auto& f : report["plans"][0]["findings"])
    if (f["blocking"].get<bool>()) {
      const std::string id = f["check"].get<std::string>();
      CHECK_MESSAGE(not_ready.out.find("  x " + id + " ") != std::string::npos, id);
    }
}

TEST_CASE("brief says the verdict stops holding before the window, naming what check names") {
  // At the as-of instant the plan is READY, but three backups go stale before the window
  // opens: check says the verdict does not hold at window start, and so must the brief.
  ProcessResult r = brief_cmd({"examples/payments-ready.yaml"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("\nREADY\n") == std::string::npos);
  CHECK(r.out.find("\nREADY only until 12-04 13:00: does not hold at window start 12-05 02:00, 3 pieces of "
                   "evidence expire before it (golive check)\n"
                   "  ! backup.fresh backups[payments-db-hourly]: expires 12-04 13:00 (12-04 05:00 UTC)\n"
                   "  ! backup.fresh backups[token-vault-hourly]: expires 12-04 13:15 (12-04 05:15 UTC)\n"
                   "  ! backup.fresh backups[settlement-db-hourly]: expires 12-04 13:30 (12-04 05:30 UTC)\n") !=
        std::string::npos);
  // Exactly what check's report lists under the plan's window.
  const nlohmann::json report = json_of(check({"-f", "json", "examples/payments-ready.yaml"}).out);
  const nlohmann::json& window = report["plans"][0]["window"];
  CHECK(window["holds"] == false);
  REQUIRE(window["expiring_before"].size() == 3);
  for (const auto& v : window["expiring_before"]) {
    const std::string line = "  ! " + v["check"].get<std::string>() + " " + v["subject"].get<std::string>() + ": ";
    CHECK_MESSAGE(r.out.find(line) != std::string::npos, line);
  }
  for (const std::string format : {"markdown", "html"}) {
    ProcessResult other = brief_cmd({"-f", format, "examples/payments-ready.yaml"});
    CAPTURE(format);
    CHECK(other.out.find("READY only until 12-04 13:00: does not hold at window start 12-05 02:00") !=
          std::string::npos);
    CHECK(other.out.find("backup.fresh backups") != std::string::npos);
    CHECK(other.out.find("settlement-db-hourly") != std::string::npos);
    CHECK(other.out.find(": expires 12-04 13:30 (12-04 05:30 UTC)") != std::string::npos);
  }
}

TEST_CASE("brief banner: evidence expiring before the window breaks READY only while the window is ahead") {
  auto plan = std::make_shared<const Plan>(plan_from(kMinimalPlan));
  PlanResult result;
  result.plan = plan;
  result.verdict = Verdict::ReadyWithWarnings;
  result.expiring_before_window = {{at("2026-12-04T20:00:00+08:00"), "backup.fresh", "backups[db]"}};
  const brief::Brief ahead = brief::build(*plan, kDefaultBusinessHours, &result, at(kAsOf));
  CHECK(brief::banner(ahead) ==
        "READY WITH WARNINGS only until 12-04 20:00: does not hold at window start 12-05 02:00, 1 piece of evidence "
        "expires before it (golive check)");
  CHECK(brief::expiring_lines(ahead) ==
        std::vector<std::string>{"backup.fresh backups[db]: expires 12-04 20:00 (12-04 12:00 UTC)"});
  // Measured at the window start, nothing is left to expire before it.
  const brief::Brief at_window = brief::build(*plan, kDefaultBusinessHours, &result, at("2026-12-05T02:00:00+08:00"));
  CHECK(brief::banner(at_window) == "READY WITH WARNINGS");
  CHECK(brief::expiring_lines(at_window).empty());
  // Without an as-of instant the brief cannot say, and says nothing more than the verdict.
  CHECK(brief::banner(brief::build(*plan, kDefaultBusinessHours, &result)) == "READY WITH WARNINGS");
  // A NOT READY brief fails the plan already: its banner counts what blocks it.
  result.verdict = Verdict::NotReady;
  const brief::Brief not_ready = brief::build(*plan, kDefaultBusinessHours, &result, at(kAsOf));
  CHECK(brief::banner(not_ready) == "NOT READY: blocked by 0 findings (golive check)");
  CHECK(brief::expiring_lines(not_ready).empty());
  result.verdict = Verdict::ReadyWithWarnings;
  Speaking zh("zh-CN");
  const brief::Brief zh_ahead = brief::build(*plan, kDefaultBusinessHours, &result, at(kAsOf));
  CHECK(brief::banner(zh_ahead) ==
        "就绪（有警告），但仅到 12-04 20:00 为止：到上线窗口开始时刻 12-05 02:00，结论不再有效，此前 1 项证据到期（golive check）");
  CHECK(brief::expiring_lines(zh_ahead) ==
        std::vector<std::string>{"backup.fresh backups[db]：12-04 20:00（UTC 12-04 12:00）到期"});
}

TEST_CASE("brief of an invalid plan: exit 2 with file:line:col, nothing on stdout") {
  TempDir dir;
  std::string plan = write_file(dir, "bad.yaml", std::string(kMinimalPlan) + "rollback: {duration: soon}\n");
  ProcessResult r = brief_cmd({plan});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find(plan + ":12:22: error:") != std::string::npos);
  ProcessResult bad_format = brief_cmd({"-f", "pdf", "examples/payments-ready.yaml"});
  CHECK(bad_format.exit_code == 2);
  CHECK(bad_format.err == "golive: error: brief: --format: 'pdf' is not one of text, markdown or html\n");
}

TEST_CASE("brief -o writes the file atomically and prints nothing") {
  TempDir dir;
  std::string out = dir.file("brief.html");
  ProcessResult r = brief_cmd({"-f", "html", "-o", out, "examples/payments-ready.yaml"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(slurp(out).value_or("") == brief_cmd({"-f", "html", "examples/payments-ready.yaml"}).out);
  CHECK(dir.list() == std::vector<std::string>{"brief.html"});
  ProcessResult missing = brief_cmd({"-o", dir.file("no/such/dir/brief.txt"), "examples/payments-ready.yaml"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.rfind("golive: error: cannot write " + dir.file("no/such/dir/brief.txt") + ": ", 0) == 0);
  CHECK(dir.list() == std::vector<std::string>{"brief.html"});
}

TEST_CASE("brief -o - writes to stdout, not to a file named -, as init does") {
  TempDir dir;
  ProcessOptions in_dir;
  in_dir.cwd = dir.path();
  const std::string plan = source_dir() + "/examples/payments-ready.yaml";
  ProcessResult r = brief_cmd({"-f", "markdown", "-o", "-", plan}, in_dir);
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(r.out == brief_cmd({"-f", "markdown", plan}, in_dir).out);
  CHECK(r.out.rfind("# Go-live brief: ", 0) == 0);
  CHECK(dir.list().empty());
  // A file named `-` is `-o ./-`.
  ProcessResult file = brief_cmd({"-f", "markdown", "-o", "./-", plan}, in_dir);
  CHECK(file.exit_code == 0);
  CHECK(file.out == "");
  CHECK(dir.list() == std::vector<std::string>{"-"});
  CHECK(slurp(dir.file("-")).value_or("") == r.out);
  // A NOT READY plan still exits 1 on stdout.
  ProcessResult not_ready = brief_cmd({"-o", "-", source_dir() + "/examples/payments-not-ready.yaml"}, in_dir);
  CHECK(not_ready.exit_code == 1);
  CHECK(not_ready.out.find("\nNOT READY: blocked by ") != std::string::npos);
}

TEST_CASE("brief and init refuse an empty -o, which names no file") {
  TempDir dir;
  ProcessOptions in_dir;
  in_dir.cwd = dir.path();
  const std::string plan = source_dir() + "/examples/payments-ready.yaml";
  for (const std::vector<std::string>& output : {std::vector<std::string>{"-o", ""}, {"--output="}, {"--output", ""}}) {
    std::vector<std::string> args = {"brief", "--as-of", "2026-12-04T12:00:00+08:00"};
    args.insert(args.end(), output.begin(), output.end());
    args.push_back(plan);
    ProcessResult b = run_golive(args, in_dir);
    CHECK(b.exit_code == 2);
    CHECK(b.out == "");
    CHECK(b.err == "golive: error: brief: --output: an empty path names no file (write - for stdout)\n");
    std::vector<std::string> init_args = {"init"};
    init_args.insert(init_args.end(), output.begin(), output.end());
    ProcessResult i = run_golive(init_args, in_dir);
    CHECK(i.exit_code == 2);
    CHECK(i.out == "");
    CHECK(i.err == "golive: error: init: --output: an empty path names no file (write - for stdout)\n");
  }
  CHECK(dir.list().empty());
  ProcessResult zh = run_golive({"init", "--lang", "zh-CN", "-o", ""}, in_dir);
  CHECK(zh.exit_code == 2);
  CHECK(zh.err.find("空路径不指向任何文件（输出到标准输出请写 -）") != std::string::npos);
}

TEST_CASE("brief rollback deadline is the rollback.fits-window computation: exactly fits") {
  // The last checkpoint at 05:25, 25m + 10m verification: done exactly at window end 06:00.
  auto plan_with_checkpoint = [](const std::string& at) {
    return plan_from(R"(golive: 1
plan: {id: edge, name: Edge, owner: li.wei, revised_at: 2026-11-01}
go_live:
  window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}
  timezone: Asia/Shanghai
  checkpoints: [{name: last call, at: )" + at + R"(, owner: li.wei}]
contacts:
  - {id: li.wei, name: Li Wei, phone: "+8613800000003", timezone: Asia/Shanghai}
rollback: {duration: 25m, verification: 10m}
)");
  };
  Plan plan = plan_with_checkpoint("2026-12-05T05:25:00+08:00");
  auto timing = rollback_timing(plan.go_live, *plan.rollback);
  REQUIRE(timing);
  CHECK(timing->fits());
  CHECK(timing->margin == Duration::zero());
  CHECK(timing->latest_start == at("2026-12-05T05:25:00+08:00"));
  CHECK(timing->start == at("2026-12-05T05:25:00+08:00"));
  auto fits = run_check("rollback.fits-window", plan, at(kAsOf));
  REQUIRE(!fits.empty());
  CHECK(fits[0].status == Status::Pass);
  CHECK(fits[0].message.find("exactly at window end") != std::string::npos);

  std::ostringstream text;
  brief::write_text(brief::build(plan, kDefaultBusinessHours, nullptr), text);
  CHECK(text.str().find("  12-05 05:25  12-04 21:25  ROLLBACK DEADLINE (latest start)") != std::string::npos);
  CHECK(text.str().find("it ends 12-05 06:00, exactly at window end.") != std::string::npos);

  // One second later it no longer fits, in the check and in the brief alike.
  Plan late = plan_with_checkpoint("2026-12-05T05:25:01+08:00");
  auto late_timing = rollback_timing(late.go_live, *late.rollback);
  REQUIRE(late_timing);
  CHECK(!late_timing->fits());
  CHECK(late_timing->margin == Duration{-1});
  CHECK(run_check("rollback.fits-window", late, at(kAsOf))[0].status == Status::Fail);
}

TEST_CASE("brief rollback deadline: a point of no return before it is named as the instant to decide by") {
  // Window end 06:00, 25m + 10m: the window alone allows a rollback until 05:25.
  auto plan_with_point_of_no_return = [](const std::string& at) {
    return plan_from(R"(golive: 1
plan: {id: edge, name: Edge, owner: li.wei, revised_at: 2026-11-01, scenarios: [large-upgrade]}
go_live:
  window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}
  timezone: Asia/Shanghai
contacts:
  - {id: li.wei, name: Li Wei, phone: "+8613800000003", timezone: Asia/Shanghai}
rollback: {duration: 25m, verification: 10m}
scenarios:
  large_upgrade:
    data_migration: {point_of_no_return: )" + at + R"(}
)");
  };
  auto sentence = [](const Plan& plan) {
    return brief::rollback_sentence(brief::build(plan, kDefaultBusinessHours, nullptr));
  };
  const std::string earlier = sentence(plan_with_point_of_no_return("2026-12-05T05:00:00+08:00"));
  CHECK(earlier.find("Rollback deadline 12-05 05:25 (12-04 21:25 UTC)") == 0);
  CHECK(earlier.substr(earlier.find(". The data migration")) ==
        ". The data migration's point of no return, 12-05 05:00 (12-04 21:00 UTC), comes first: after it a "
        "rollback no longer restores the old data, so decide by then.");
  // At the deadline or after it, the deadline stands alone.
  CHECK(sentence(plan_with_point_of_no_return("2026-12-05T05:25:00+08:00")).find("point of no return") ==
        std::string::npos);
  CHECK(sentence(plan_with_point_of_no_return("2026-12-05T05:40:00+08:00")).find("point of no return") ==
        std::string::npos);
  Speaking zh("zh-CN");
  const std::string zh_sentence = sentence(plan_with_point_of_no_return("2026-12-05T05:00:00+08:00"));
  CHECK(zh_sentence.substr(zh_sentence.find("数据迁移")) ==
        "数据迁移的不可回退点 12-05 05:00（UTC 12-04 21:00）早于回滚截止时刻：过了不可回退点，回滚已无法恢复原有数据，须在此之前决定。");
}

TEST_CASE("brief on-call and region gaps across a daylight-saving change agree with the checks") {
  // New York leaves daylight saving on 2026-11-01 at 02:00 EDT: 01:30 happens twice. The
  // primary hands over at 01:30 EDT and takes over at 01:30 EST: a one-hour gap.
  Plan plan = plan_from(R"(golive: 1
plan: {id: dst, name: DST night, owner: amy, revised_at: 2026-10-01}
go_live:
  window: {start: 2026-10-31T08:00:00-04:00, end: 2026-10-31T12:00:00-04:00}
  timezone: America/New_York
  hypercare: 2d
contacts:
  - {id: amy, name: Amy, phone: "+12125550101", timezone: America/New_York, hours: "09:00-17:00", region: US}
  - {id: bob, name: Bob, phone: "+12125550102", timezone: America/New_York}
  - {id: cat, name: Cat, phone: "+12125550103", timezone: America/New_York}
oncall:
  shifts:
    - {who: amy, level: primary, from: 2026-10-31T08:00:00-04:00, to: 2026-11-01T01:30:00-04:00}
    - {who: bob, level: primary, from: 2026-11-01T01:30:00-05:00, to: 2026-11-02T11:00:00-05:00}
    - {who: cat, level: backup, from: 2026-10-31T08:00:00-04:00, to: 2026-11-02T11:00:00-05:00}
scenarios:
  cross_border:
    regions: [{code: US, timezone: America/New_York, responsible: amy}]
)");
  brief::Brief b = brief::build(plan, kDefaultBusinessHours, nullptr);
  const brief::Band* primary = band(b, "primary on-call");
  const brief::Band* backup = band(b, "backup on-call");
  const brief::Band* us = band(b, "US business hours 09:00-18:00 America/New_York");
  REQUIRE(primary);
  REQUIRE(backup);
  REQUIRE(us);
  CHECK(join_intervals(primary->gaps) == "2026-11-01T05:30:00Z/2026-11-01T06:30:00Z");
  CHECK(backup->gaps.empty());
  // 17:00-18:00 is uncovered each day: 21:00Z under EDT, 22:00Z under EST.
  CHECK(join_intervals(us->gaps) ==
        "2026-10-31T21:00:00Z/2026-10-31T22:00:00Z, 2026-11-01T22:00:00Z/2026-11-01T23:00:00Z");

  auto oncall = run_check("staffing.oncall-coverage", plan, at(kAsOf));
  bool primary_reported = false;
  for (const Finding& f : oncall)
    if (f.subject == "oncall[primary]") {
      primary_reported = true;
      CHECK(f.status == Status::Fail);
      CHECK(evidence(f, "gaps").find("2026-11-01T05:30:00Z → 2026-11-01T06:30:00Z (1h)") != std::string::npos);
    }
  CHECK(primary_reported);
  auto region = run_check("crossborder.timezone-coverage", plan, at(kAsOf));
  REQUIRE(region.size() == 1);
  CHECK(evidence(region[0], "gaps") ==
        "2026-10-31T21:00:00Z/2026-10-31T22:00:00Z, 2026-11-01T22:00:00Z/2026-11-01T23:00:00Z");

  // Local times in the brief follow the change: the gap is 01:30 to 01:30.
  std::ostringstream text;
  brief::write_text(b, text);
  CHECK(text.str().find("11-01 01:30  11-01 01:30  GAP: nobody") != std::string::npos);
  CHECK(brief::timeline_svg(b).find("class=\"gap\"") != std::string::npos);
}

TEST_CASE("brief of a window crossing midnight lists the night in order") {
  Plan plan = plan_from(R"(golive: 1
plan: {id: night, name: Midnight, owner: li.wei, revised_at: 2026-11-01}
go_live:
  window: {start: 2026-12-05T23:00:00+08:00, end: 2026-12-06T03:00:00+08:00}
  timezone: Asia/Shanghai
  checkpoints:
    - {name: before midnight, at: 2026-12-05T23:40:00+08:00, owner: li.wei, criteria: [smoke tests green]}
    - {name: after midnight, at: 2026-12-06T00:30:00+08:00, owner: li.wei}
contacts:
  - {id: li.wei, name: Li Wei, phone: "+8613800000003", timezone: Asia/Shanghai}
rollback: {duration: 1h, verification: 30m, decision_owner: li.wei}
)");
  brief::Brief b = brief::build(plan, kDefaultBusinessHours, nullptr);
  std::ostringstream text;
  brief::write_text(b, text);
  const std::string t = text.str();
  const std::vector<std::string> rows = {
      "  12-05 23:00  12-05 15:00  window start",
      "  12-05 23:40  12-05 15:40  checkpoint: before midnight",
      "  12-06 00:30  12-05 16:30  checkpoint: after midnight",
      "  12-06 01:30  12-05 17:30  ROLLBACK DEADLINE (latest start)  Li Wei",
      "  12-06 03:00  12-05 19:00  window end"};
  size_t last = 0;
  for (const std::string& row : rows) {
    CAPTURE(row);
    size_t pos = t.find(row);
    REQUIRE(pos != std::string::npos);
    CHECK(pos > last);
    last = pos;
  }
  const std::string svg = brief::timeline_svg(b);
  // Ticks at local midnight and 02:00 on the Shanghai scale, 16:00 and 18:00 on the UTC one.
  CHECK(svg.find(">00:00</text>") != std::string::npos);
  CHECK(svg.find(">16:00</text>") != std::string::npos);
}

TEST_CASE("brief omits the sections of a plan without vendors, regions or shifts") {
  Plan plan = plan_from(kMinimalPlan);
  brief::Brief b = brief::build(plan, kDefaultBusinessHours, nullptr);
  std::ostringstream text, markdown, html;
  brief::write_text(b, text);
  brief::write_markdown(b, markdown);
  brief::write_html(b, html);
  for (const char* absent : {"REGIONS", "VENDOR SUPPORT", "COVERAGE", "ESCALATION", "COMMS"})
    CHECK_MESSAGE(text.str().find(absent) == std::string::npos, absent);
  for (const char* absent : {"### Regions", "### Vendor support", "### Coverage", "### Comms"})
    CHECK_MESSAGE(markdown.str().find(absent) == std::string::npos, absent);
  for (const char* absent : {"<h3>Regions", "<h3>Vendor support", "GAPS (nobody", "No gap:", "<h3>Comms"})
    CHECK_MESSAGE(html.str().find(absent) == std::string::npos, absent);
  CHECK(text.str().find("The plan names no command centre (organization).") != std::string::npos);
}

TEST_CASE("brief text aligns columns by display width with Chinese names") {
  ProcessResult r = brief_cmd({"examples/payments-ready.yaml"});
  // In the command centre table every phone starts at the same terminal column.
  std::istringstream lines(r.out.substr(r.out.find("WHO TO CALL")));
  std::string line;
  std::vector<int> columns;
  while (std::getline(lines, line) && !line.empty())
    if (size_t plus = line.find("  +86"); plus != std::string::npos)
      columns.push_back(display_width(line.substr(0, plus)));
  REQUIRE(columns.size() >= 3);
  for (int c : columns) CHECK(c == columns.front());
}

TEST_CASE("brief html holds no secret: URLs redacted, ${env:...} never resolved") {
  TempDir dir;
  std::string plan = write_file(dir, "plan.yaml", std::string(kMinimalPlan) + R"(response:
  comms: {channel: "#night", bridge: "https://alice:hunter2@meet.example.com/night?token=abc123",
          status_page: "https://status.example.com", owner: li.wei}
monitoring:
  prometheus: {url: "http://127.0.0.1:9090", job: api, bearer_token: "${env:PROM_TOKEN}"}
)");
  ProcessOptions env;
  env.env["PROM_TOKEN"] = "TOPSECRETVALUE";
  for (const std::string format : {"html", "text", "markdown"}) {
    ProcessResult r = brief_cmd({"-f", format, plan}, env);
    CAPTURE(format);
    CHECK(r.out.find("hunter2") == std::string::npos);
    CHECK(r.out.find("abc123") == std::string::npos);
    CHECK(r.out.find("TOPSECRETVALUE") == std::string::npos);
    CHECK(r.out.find("meet.example.com/night") != std::string::npos);
  }
}

TEST_CASE("brief html is self-contained, links phones and prints on at most two A4 pages" * outside_consumer()) {
  require_tool("chromium");
  require_tool("pdfinfo");
  const std::vector<std::string> examples = example_plans();
  for (const std::string& example : examples) {
    CAPTURE(example);
    ProcessResult r = brief_cmd({"-f", "html", example});
    const std::string& html = r.out;
    CHECK(html.find("default-src 'none'") != std::string::npos);
    for (const char* fetch : {"<script", "<link", "<img", "<iframe", "@import", "url(http", "src="})
      CHECK_MESSAGE(html.find(fetch) == std::string::npos, fetch);

    Plan plan = plan_from(*slurp(source_dir() + "/" + example));
    brief::Brief b = brief::build(plan, kDefaultBusinessHours, nullptr);
    std::vector<std::string> phones, names;
    auto add = [&](const brief::Person& p) {
      if (!p.phone.empty()) phones.push_back(p.phone);
    };
    for (const auto& p : b.command) add(p);
    for (const auto& p : b.escalation) add(p);
    for (const auto& [d, p] : b.departments) add(p);
    for (const auto& r2 : b.regions)
      if (r2.responsible) add(*r2.responsible);
    for (const auto& v : b.vendors)
      for (const auto& p : v.contacts) add(p);
    for (const auto& e : b.events)
      if (e.kind == brief::Event::Checkpoint) names.push_back(e.label);
    for (const std::string& phone : phones)
      CHECK_MESSAGE(html.find("<a href=\"tel:" + phone + "\">" + phone + "</a>") != std::string::npos, phone);
    // And only they: the escalation ladder's "T+15m" is a time, not a number to call.
    for (size_t at = html.find("href=\"tel:"); at != std::string::npos; at = html.find("href=\"tel:", at + 1)) {
      const size_t from = at + 10;
      const std::string linked = html.substr(from, html.find('"', from) - from);
      CHECK_MESSAGE(std::find(phones.begin(), phones.end(), linked) != phones.end(), linked);
    }

    TempDir dir;
    std::string page = write_file(dir, "brief.html", html);
    std::string pdf = dir.file("brief.pdf");
    TempDir profile;
    CommandResult print = run_command(
        "chromium --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking "
        "--disable-component-update --disable-sync --user-data-dir=" + shell_quote(profile.path()) +
        " --no-pdf-header-footer --print-to-pdf=" + shell_quote(pdf) + " " + shell_quote("file://" + page));
    REQUIRE(print.exit_code == 0);
    CommandResult info = run_command("pdfinfo " + shell_quote(pdf));
    std::smatch m;
    REQUIRE(std::regex_search(info.output, m, std::regex("Pages:\\s+([0-9]+)")));
    CHECK(std::stoi(m[1]) <= 2);
    CHECK(info.output.find("(A4)") != std::string::npos);
    const std::string text = run_command("pdftotext -enc UTF-8 " + shell_quote(pdf) + " -").output;
    for (const std::string& phone : phones) CHECK_MESSAGE(text.find(phone) != std::string::npos, phone);
    for (const std::string& name : names) CHECK_MESSAGE(text.find(name) != std::string::npos, name);
  }
}

TEST_CASE("the html readiness report shows the brief's timeline") {
  ProcessResult r = check({"-f", "html", "examples/payments-ready.yaml"});
  brief::Brief b = brief::build(plan_from(*slurp(source_dir() + "/examples/payments-ready.yaml")),
                                kDefaultBusinessHours, nullptr);
  const std::string svg = brief::timeline_svg(b);
  REQUIRE(!svg.empty());
  CHECK(r.out.find("<h2>Go-live timeline</h2>\n" + svg) != std::string::npos);
}

TEST_CASE("brief in Chinese: headings, rows and sentences are the zh-CN catalogue's, plan values verbatim") {
  ProcessResult r = brief_cmd({"--lang", "zh-CN", "examples/erp-zh-CN.yaml"});
  CAPTURE(r.err);
  CHECK(r.exit_code == 0);
  for (const std::string line : {
           "上线简报：ERP 财务模块 V5.0 上线（erp-finance-5.0）\n",
           "\n预案 examples/erp-zh-CN.yaml；时间为 Asia/Shanghai 时间（MM-DD HH:MM），并列 UTC 时间\n"
           "就绪，但仅到 12-04 13:00 为止：到上线窗口开始时刻 12-04 22:00，结论不再有效，此前 1 项证据到期（golive check）\n"
           "  ! backup.fresh backups[erp-db-hourly]：12-04 13:00（UTC 12-04 05:00）到期\n",
           "\n时间线\n  本地时间     UTC          事件 ",
           "  12-04 22:00  12-04 14:00  上线窗口开始\n",
           "  12-05 02:30  12-04 18:30  阶段「试点切换（总部财务）（5%）」开始\n",
           "  12-05 05:00  12-04 21:00  检查点：最终上线决策（go/no-go）",
           "  12-05 05:30  12-04 21:30  不可回退点\n",
           "  12-05 06:00  12-04 22:00  回滚截止（最晚开始时刻）",
           "  12-10 08:00  12-10 00:00  保障期结束\n",
           "  回滚截止时刻 12-05 06:00（UTC 12-04 22:00）：晚于此刻开始的回滚（1小时30分钟 + 验证 30分钟）将在上线窗口结束后才完成。"
           "若在最后一个检查点「最终上线决策（go/no-go）」（12-05 05:00）决定回滚，将于 12-05 07:00 完成，比上线窗口结束早 1小时。"
           "数据迁移的不可回退点 12-05 05:30（UTC 12-04 21:30）早于回滚截止时刻：过了不可回退点，回滚已无法恢复原有数据，须在此之前决定。\n",
           "\n值守覆盖（上线窗口开始至保障期结束）\n",
           "  主值班 ",
           "  华信软件（ERP 实施商）：支持时间 24x7 Asia/Shanghai  12-04 22:00  12-10 08:00  技术支持\n",
           "\n应急联系人\n  职务        姓名  电话            邮箱\n  指挥长      张三  +8613900000001  zhangsan@example.cn\n",
           "\n逐级上报（每一级有各自的确认时限，超时未确认才呼叫下一级）\n",
           "  T+0：呼叫                   王五      +8613900000003\n",
           "  到 T+5分钟仍未确认 → 呼叫   李四      +8613900000002\n",
           "\n各部门负责人\n",
           "\n供应商技术支持\n",
           "SEV1 15分钟、SEV2 1小时、SEV3 4小时  4小时 ",
           "驻场项目经理 刘工 +8613700000001（第 1 级）；7×24 服务热线 +864008100000（第 2 级）\n",
           "\n信息通报\n  渠道    地址\n  沟通群  企业微信群：ERP 上线指挥部\n",
           "\n决策点\n  本地时间     检查点                    负责人  上线条件\n",
           "总账科目余额与旧系统一致；应收应付明细行数与校验和一致；迁移日志无错误\n",
           "  回滚由 张三 +8613900000001 决策；回滚方式为从备份恢复（restore）；处置手册 https://wiki.example.cn/erp/回切手册\n"
           "  出现以下任一情况时回滚：\n    - erp_posting_error_ratio > 0.01 持续 10分钟\n"})
    CHECK_MESSAGE(r.out.find(line) != std::string::npos, line);
}

TEST_CASE("brief in Chinese: the not-ready banner counts the blocking findings") {
  ProcessResult r = brief_cmd({"--lang", "zh-CN", "examples/erp-zh-CN-not-ready.yaml"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("\n未就绪：4 项阻断（golive check）\n  x backup.fresh ") != std::string::npos);
}

TEST_CASE("brief in Chinese leaves no fixed English text, in any format") {
  // Every English wording of the brief; plan values (go/no-go, 24x7, SEV1) are not among them.
  const std::vector<std::string> english = {
      "brief", "Plan ", "times in", "READY", "blocked by", "Timeline", "TIMELINE", "Local", "Event", "Owner",
      "window", "phase", "checkpoint", "deadline", "POINT OF NO RETURN", "point of no return", "hypercare",
      "Rollback", "Roll back", "verification", "Coverage", "COVERAGE", "on-call", "business hours", "GAP",
      "nobody", "support", "Who to call", "WHO TO CALL", "Commander", "Deputy", "Ops lead", "Escalation",
      "acknowledged", "page", "Department", "Lead", "Region", "Vendor", "Contract", "Restore", "escalation",
      "Comms", "Channel", "Bridge", "Status page", "Decision points", "DECISION POINTS", "Go when", "strategy",
      "runbook", " for ", " to ", "UTC scale", "upgrade phase"};
  for (const std::string plan : {"examples/erp-zh-CN.yaml", "examples/erp-zh-CN-not-ready.yaml"})
    for (const std::string format : {"text", "markdown", "html"}) {
      std::string out = brief_cmd({"--lang", "zh-CN", "-f", format, plan}).out;
      CAPTURE(plan);
      CAPTURE(format);
      REQUIRE(out.find("上线简报：ERP 财务模块 V5.0 上线") != std::string::npos);
      // The stylesheet, the figure's attributes and markup are not words for people; the
      // blocking findings name check ids (rollback.tested) and plan keys.
      if (format == "html")
        out = std::regex_replace(std::regex_replace(out, std::regex("<style>[^<]*</style>"), " "),
                                 std::regex("<[^>]*>"), " ");
      out = std::regex_replace(out, std::regex("[a-z]+\\.[a-z-]+(\\.[a-z_-]+)*"), " ");
      for (const std::string& word : english) CHECK_MESSAGE(out.find(word) == std::string::npos, word);
    }
}

TEST_CASE("brief html in Chinese declares zh-CN, takes Simplified Chinese faces and prints to A4 PDF in Chinese" * outside_consumer()) {
  const std::string html = brief_cmd({"--lang", "zh-CN", "-f", "html", "examples/erp-zh-CN.yaml"}).out;
  const std::string faces = R"("Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif)";
  CHECK(html.find("<html lang=\"zh-CN\">") != std::string::npos);
  CHECK(html.find(":root { --sans: " + faces + "; }\n</style>") != std::string::npos);
  CHECK(timeline_of(html).find(" font-family=\"" + xml_escape(faces, true) + "\">") != std::string::npos);
  // The report's rule is the same one: one list of faces for both pages.
  CHECK(check({"--lang", "zh-CN", "-f", "html", "examples/erp-zh-CN.yaml"}).out.find(":root { --sans: " + faces + "; }\n") !=
        std::string::npos);
  // English pages keep their stacks.
  const std::string english = brief_cmd({"-f", "html", "examples/erp-zh-CN.yaml"}).out;
  CHECK(english.find("<html lang=\"en\">") != std::string::npos);
  CHECK(english.find(":root { --sans: \"Noto") == std::string::npos);
  CHECK(timeline_of(english).find(" font-family=\"sans-serif\">") != std::string::npos);

  Browser browser;
  require_tool("pdftotext");
  require_tool("pdfinfo");
  TempDir dir;
  const std::string page = write_file(dir, "brief.html", html);
  const std::string pdf = dir.file("brief.pdf");
  CommandResult printed = browser.run("--no-pdf-header-footer --print-to-pdf=" + shell_quote(pdf), page);
  CAPTURE(printed.output);
  REQUIRE(printed.exit_code == 0);
  CHECK(page_problems(printed.output).empty());
  const std::string info = run_command("pdfinfo " + shell_quote(pdf)).output;
  CAPTURE(info);
  std::smatch m;
  REQUIRE(std::regex_search(info, m, std::regex("Pages:\\s+([0-9]+)")));
  CHECK(std::stoi(m[1]) <= 2);
  CHECK(info.find("(A4)") != std::string::npos);
  // pdftotext leaves out the spaces between Chinese and digits: compare without spaces.
  std::string flat;
  for (char c : run_command("pdftotext -enc UTF-8 " + shell_quote(pdf) + " -").output)
    if (!std::isspace(static_cast<unsigned char>(c))) flat += c;
  for (std::string_view text :
       {"上线简报：ERP财务模块V5.0上线", "时间线", "上线窗口与保障期：值守人员", "空档：无人覆盖", "升级阶段",
        "回滚截止（最晚开始时刻）", "应急联系人", "指挥长", "张三", "逐级上报", "供应商技术支持", "决策点",
        "出现以下任一情况时回滚："})
    CHECK_MESSAGE(flat.find(text) != std::string::npos, text);
}

TEST_CASE("the html readiness report in Chinese shows the brief's Chinese timeline") {
  ProcessResult r = check({"--lang", "zh-CN", "-f", "html", "examples/erp-zh-CN.yaml"});
  const std::string svg = timeline_of(brief_cmd({"--lang", "zh-CN", "-f", "html", "examples/erp-zh-CN.yaml"}).out);
  REQUIRE(!svg.empty());
  CHECK(svg.find("aria-label=\"上线时间线（Asia/Shanghai，附 UTC 刻度）\"") != std::string::npos);
  CHECK(svg.find(">上线窗口</text>") != std::string::npos);
  CHECK(svg.find(">阶段「试点切换（总部财务）（5%）」</text>") != std::string::npos);
  CHECK(svg.find(">不可回退点 05:30</text>") != std::string::npos);
  CHECK(r.out.find("<h2>上线时间线</h2>\n" + svg) != std::string::npos);
}

TEST_CASE("brief in Chinese: gaps, a region's band and its row, in text and html") {
  // The daylight-saving night above: a one-hour primary gap and two region gaps.
  TempDir dir;
  const std::string plan = write_file(dir, "dst.yaml", R"(golive: 1
plan: {id: dst, name: DST night, owner: amy, revised_at: 2026-10-01}
go_live:
  window: {start: 2026-10-31T08:00:00-04:00, end: 2026-10-31T12:00:00-04:00}
  timezone: America/New_York
  hypercare: 2d
contacts:
  - {id: amy, name: Amy, phone: "+12125550101", timezone: America/New_York, hours: "09:00-17:00", region: US}
  - {id: bob, name: Bob, phone: "+12125550102", timezone: America/New_York}
  - {id: cat, name: Cat, phone: "+12125550103", timezone: America/New_York}
oncall:
  shifts:
    - {who: amy, level: primary, from: 2026-10-31T08:00:00-04:00, to: 2026-11-01T01:30:00-04:00}
    - {who: bob, level: primary, from: 2026-11-01T01:30:00-05:00, to: 2026-11-02T11:00:00-05:00}
    - {who: cat, level: backup, from: 2026-10-31T08:00:00-04:00, to: 2026-11-02T11:00:00-05:00}
scenarios:
  cross_border:
    regions: [{code: US, timezone: America/New_York, responsible: amy}]
)");
  const std::string text = brief_cmd({"--lang", "zh-CN", plan}).out;
  for (const std::string line :
       {"\n值守覆盖（上线窗口开始至保障期结束）\n"
        "  值守                                      开始         结束         人员\n"
        "  主值班                                    10-31 08:00  11-01 01:30  Amy\n"
        "                                            11-01 01:30  11-01 01:30  空档：无人\n",
        "  US 工作时间 09:00-18:00 America/New_York  10-31 09:00  10-31 17:00  Amy\n"
        "                                            10-31 17:00  10-31 18:00  空档：无人\n",
        "\n应急联系人\n  预案未指定应急指挥部（organization）。\n",
        "\n各地区\n  地区                 负责人  电话          上线窗口开始时的当地时间  是否在工作时间内\n"
        "  US America/New_York  Amy     +12125550101  08:00 America/New_York    否（09:00-17:00）\n",
        "\n决策点\n  没有上线决策检查点（go/no-go）。\n"})
    CHECK_MESSAGE(text.find(line) != std::string::npos, line);
  const std::string html = brief_cmd({"--lang", "zh-CN", "-f", "html", plan}).out;
  CHECK(html.find("<p class=\"gaps\">空档（无人覆盖）：主值班 11-01 01:30 至 11-01 01:30；"
                  "US 工作时间 09:00-18:00 America/New_York 10-31 17:00 至 10-31 18:00；"
                  "US 工作时间 09:00-18:00 America/New_York 11-01 17:00 至 11-01 18:00</p>\n") != std::string::npos);
  CHECK(html.find("text-anchor=\"middle\">空档</text>") != std::string::npos);
  CHECK(html.find("text-anchor=\"end\">US 工作时间</text>") != std::string::npos);
}

}  // namespace golive::test
