// golive brief: golden files for the three formats, the shared computations (rollback
// deadline, on-call and region gaps) agreeing with the checks, daylight-saving changes, a
// window across midnight, omitted sections, -o, secrets, and the HTML in a real browser
// printed to at most two A4 pages.
#include <algorithm>
#include <regex>

#include "cli/brief/brief.h"
#include "cli/report/support.h"
#include "cli/report/width.h"
#include "tests/cli/report/report_support.h"
#include "tests/support/examples.h"

namespace golive::test {

namespace {

/// `golive brief --as-of kAsOf ARGS...`
ProcessResult brief_cmd(std::vector<std::string> args, ProcessOptions options = {}) {
  args.insert(args.begin(), {"brief", "--as-of", kAsOf});
  return run_golive(args, options);
}

/// The example plans the brief has golden files for, with the exit code of `check`.
std::vector<ReportInput> brief_inputs() {
  return {{"brief/payments-ready", "examples/payments-ready.yaml", 0},
          {"brief/payments-not-ready", "examples/payments-not-ready.yaml", 1},
          {"brief/erp-zh-CN", "examples/erp-zh-CN.yaml", 0}};
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

TEST_CASE("brief golden files: text, markdown and html of the bundled examples") {
  for (const ReportInput& input : brief_inputs())
    for (const std::string format : {"text", "markdown", "html"}) {
      ProcessResult r = brief_cmd({"-f", format, input.plan});
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
  CHECK(ready.out.find("\nREADY\n") != std::string::npos);
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

TEST_CASE("brief html is self-contained, links phones and prints on at most two A4 pages") {
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

}  // namespace golive::test
