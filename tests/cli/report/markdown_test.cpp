// The Markdown report: golden files, verdict first, tables that hostile text cannot break.
#include "cli/report/support.h"
#include "tests/cli/report/report_support.h"

namespace golive::test {

namespace {

// Cells of a table row, split on the pipes Markdown sees (not `\|`).
size_t unescaped_pipes(const std::string& line) {
  size_t n = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\') {
      ++i;
      continue;
    }
    n += line[i] == '|';
  }
  return n;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  for (size_t nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
    out.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("report.markdown golden files") {
  for (const ReportInput& input : report_inputs()) compare_golden(input, "markdown", render(input, "markdown"));
  compare_golden(kSynthetic, "markdown", render_synthetic("markdown"));
}

TEST_CASE("report.markdown puts the verdict first and blocking findings in a table") {
  std::string md = render_synthetic("markdown");
  CHECK(md.rfind("## golive: NOT READY\n\n**NOT READY**, score 42.9%: 2 blocking, 2 warnings, 1 info,", 0) == 0);
  CHECK(md.find("### Blocking findings (2)\n\n| check | subject | message | location |\n|---|---|---|---|\n"
                "| backup.fresh | backups\\[db-hourly\\] | last success 3d ago, limit 2h (100% over) \\| see "
                "&lt;runbook&gt;<br>Fix: ") != std::string::npos);
  CHECK(md.find("| plan.yaml:12 |\n") != std::string::npos);
  CHECK(md.find("<details><summary>Warnings (2)</summary>\n\n| status | check |") != std::string::npos);
  CHECK(md.find("<details><summary>Info (1)</summary>\n\n| status | check |") != std::string::npos);
  CHECK(md.find("<details><summary>Waived (1)</summary>") != std::string::npos);
  CHECK(md.find("| monitoring.alerts-defined | alerts\\[PaymentsDown\\] | Runbook &lt;b&gt;in review&lt;/b&gt;, "
                "50% done; see https://\\*\\*\\*@wiki.example.com/x | zhang.san | 2026-12-20T08:00:00+08:00 | "
                "CHG-1234 | plan.yaml:40 |") != std::string::npos);
  CHECK(md.find("<details><summary>Skipped (1)</summary>") != std::string::npos);
  CHECK(md.find("<details><summary>Passed (2)</summary>") != std::string::npos);
}

TEST_CASE("report.markdown cells cannot break the table") {
  for (const std::string& md : {render_synthetic("markdown"),
                                render({"hostile", "tests/fixtures/reports/hostile.yaml", 1}, "markdown")}) {
    CHECK(md.find("s3cr3t") == std::string::npos);
    CHECK(md.find("hunter2") == std::string::npos);
    CHECK(md.find("<script") == std::string::npos);
    CHECK(md.find("<html>") == std::string::npos);
    // Every row of a table has as many cell separators as its header.
    size_t expected = 0;
    for (const std::string& line : lines_of(md)) {
      if (line.empty() || line[0] != '|') {
        expected = 0;
        continue;
      }
      if (expected == 0) expected = unescaped_pipes(line);
      CAPTURE(line);
      CHECK(unescaped_pipes(line) == expected);
    }
  }
  CHECK(markdown_cell("a|b`c`<d>\nline2\r\n[x](y) & *z*") ==
        "a\\|b\\`c\\`&lt;d&gt;<br>line2<br>\\[x\\](y) &amp; \\*z\\*");
}

}  // namespace golive::test
