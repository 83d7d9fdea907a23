// The HTML report: golden files, self-containment, escaping, and a real browser —
// headless Debian chromium renders it without console errors, screenshots it (not a
// blank page) and prints it to a PDF with pages.
#include <cctype>
#include <regex>

#include "cli/report/support.h"
#include "tests/cli/report/consumers.h"
#include "tests/cli/report/report_support.h"
#include "tests/support/outside_consumer.h"

namespace golive::test {

namespace {

size_t file_size(const std::string& path) {
  return std::filesystem::exists(path) ? std::filesystem::file_size(path) : 0;
}

// Renders `html` in the browser: no page errors, a screenshot that is not blank, a PDF
// with at least one page whose text has `expected_text`.
void expect_renders(const std::string& html, const std::vector<std::string>& expected_text) {
  Browser browser;
  TempDir dir;
  std::string page = write_file(dir, "report.html", html);

  CommandResult dom = browser.run("--dump-dom", page);
  CAPTURE(dom.output.substr(0, 2000));
  CHECK(dom.exit_code == 0);
  CHECK(page_problems(dom.output).empty());
  CHECK(dom.output.find("<script") == std::string::npos);
  for (const auto& text : expected_text) CHECK(dom.output.find(text) != std::string::npos);

  // A blank page of the same size is the baseline: a real report compresses far worse.
  std::string blank = write_file(dir, "blank.html", "<!DOCTYPE html><html><body></body></html>");
  std::string shot = dir.file("shot.png"), blank_shot = dir.file("blank.png");
  CHECK(browser.run("--window-size=1200,1600 --screenshot=" + shell_quote(shot), page).exit_code == 0);
  CHECK(browser.run("--window-size=1200,1600 --screenshot=" + shell_quote(blank_shot), blank).exit_code == 0);
  REQUIRE(file_size(blank_shot) > 0);
  CHECK(slurp(shot).value_or("").rfind("\x89PNG\r\n", 0) == 0);
  CHECK(file_size(shot) > 5 * file_size(blank_shot));

  std::string pdf = dir.file("report.pdf");
  CommandResult print = browser.run("--no-pdf-header-footer --print-to-pdf=" + shell_quote(pdf), page);
  CHECK(print.exit_code == 0);
  CHECK(page_problems(print.output).empty());
  require_tool("pdfinfo");
  CommandResult info = run_command("pdfinfo " + shell_quote(pdf));
  std::smatch m;
  REQUIRE(std::regex_search(info.output, m, std::regex("Pages:\\s+([0-9]+)")));
  CHECK(std::stoi(m[1]) >= 1);
  CommandResult text = run_command("pdftotext -enc UTF-8 " + shell_quote(pdf) + " -");
  for (const auto& t : expected_text)
    if (t.find('<') == std::string::npos && t.find('&') == std::string::npos)
      CHECK(text.output.find(t) != std::string::npos);
}

}  // namespace

TEST_CASE("report.html golden files") {
  for (const ReportInput& input : report_inputs()) compare_golden(input, "html", render(input, "html"));
  compare_golden(kSynthetic, "html", render_synthetic("html"));
}

TEST_CASE("report.html is self-contained and escapes everything") {
  for (const std::string& html : {render_synthetic("html"),
                                  render({"hostile", "tests/fixtures/reports/hostile.yaml", 1}, "html")}) {
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", 0) == 0);
    CHECK(html.find("default-src 'none'") != std::string::npos);
    // Nothing that fetches: no script, stylesheet link, image, frame, import or url().
    for (const char* fetch : {"<script", "<link", "<img", "<iframe", "<object", "@import", "url(", "src="})
      CHECK_MESSAGE(html.find(fetch) == std::string::npos, fetch);
    CHECK(html.find("s3cr3t") == std::string::npos);
    CHECK(html.find("hunter2") == std::string::npos);
    CHECK(html.find("abc123") == std::string::npos);
    CHECK(html.find("<html>502") == std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
    CHECK(html.find("\"Noto Sans CJK SC\"") != std::string::npos);
  }
  std::string html = render_synthetic("html");
  CHECK(html.find("<h2>Blocking findings (2)</h2>") < html.find("<h2>Warnings (2)</h2>"));
  CHECK(html.find("<h2>Warnings (2)</h2>") < html.find("<h2>Errors (not blocking) (1)</h2>"));
  CHECK(html.find("<details><summary>Skipped (1)</summary>") < html.find("<details><summary>Passed (2)</summary>"));
  CHECK(html.find("Zhao &lt;Liu&gt; &amp; &#39;Co&#39;") != std::string::npos);
  CHECK(html.find("<td>Runbook &lt;b&gt;in review&lt;/b&gt;, 50% done; see https://***@wiki.example.com/x</td>"
                  "<td>CHG-1234</td>") != std::string::npos);
  CHECK(html.find("<svg class=\"chart\"") != std::string::npos);
}

TEST_CASE("report.html has a cover, a sign-off table and an appendix for auditors") {
  std::string html = render_synthetic("html");
  CHECK(html.find("<div class=\"verdict\">NOT READY (OFFLINE)</div><div class=\"score\">42.9%") != std::string::npos);
  CHECK(html.find("<dt>Go-live window</dt><dd>2026-12-05T02:00:00+08:00 to 2026-12-05T06:00:00+08:00 "
                  "(Asia/Shanghai)</dd>") != std::string::npos);
  CHECK(html.find("<dt>Evidence as of</dt><dd>2026-12-04T12:00:00+08:00") != std::string::npos);
  for (const char* row : {"<tr><td>Commander</td><td>Li Wei", "<tr><td>Deputy commander</td><td>王五",
                          "<tr><td>Ops lead</td><td>Li Wei", "<tr><td>Comms lead</td><td>Zhao &lt;Liu&gt;"})
    CHECK_MESSAGE(html.find(row) != std::string::npos, row);
  CHECK(html.find("+8613800000002</td><td class=\"blank\"></td><td class=\"blank\"></td>") != std::string::npos);
  CHECK(html.find("<td class=\"nowrap\">custom &lt;lag&gt;</td><td class=\"nowrap\">0.3</td>") != std::string::npos);
  CHECK(html.find("<dt>Plan SHA-256</dt>") != std::string::npos);
  CHECK(html.find("<dt>Generated at</dt><dd>2026-12-04T12:00:00+08:00</dd>") != std::string::npos);
}

TEST_CASE("report.html renders in chromium, screenshots and prints to PDF" * outside_consumer()) {
  expect_renders(render_synthetic("html"),
                 {"NOT READY", "Command centre sign-off", "王五", "回滚演练已过期",
                  "Zhao &lt;Liu&gt; &amp; 'Co'"});
  expect_renders(render({"hostile", "tests/fixtures/reports/hostile.yaml", 1}, "html"),
                 {"&lt;script&gt;alert('x')&lt;/script&gt; ]]&gt; 100% | \"quoted\"", "支付系统"});
  for (const ReportInput& input : report_inputs())
    if (input.name == "erp-zh-CN") expect_renders(render(input, "html"), {"READY"});
    else if (input.name == "erp-zh-CN.zh-CN")
      expect_renders(render(input, "html"), {"就绪", "应急指挥部签字确认", "附录：来源信息"});
    else if (input.name == "erp-zh-CN-not-ready.zh-CN")
      expect_renders(render(input, "html"), {"未就绪", "阻断项（4）", "续签或延长"});
}

namespace {

std::string without_space(std::string_view text) {
  std::string out;
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c))) out += c;
  return out;
}

/// What a printed PDF holds: pdftotext's text in content order and pdfinfo's facts.
struct Printed {
  std::string text;
  std::string info;
};

/// Prints `html` to an A4 PDF in chromium (without the browser's own header and footer, as
/// a user unticks them).
Printed print_html_to_pdf(const std::string& html) {
  Browser browser;
  require_tool("pdftotext");
  TempDir dir;
  std::string page = write_file(dir, "report.html", html);
  std::string pdf = dir.file("report.pdf");
  CommandResult printed = browser.run("--no-pdf-header-footer --print-to-pdf=" + shell_quote(pdf), page);
  CAPTURE(printed.output);
  CHECK(printed.exit_code == 0);
  CHECK(page_problems(printed.output).empty());
  REQUIRE(file_size(pdf) > 0);
  return {run_command("pdftotext -raw -enc UTF-8 " + shell_quote(pdf) + " -").output,
          run_command("pdfinfo " + shell_quote(pdf)).output};
}

/// The report of `result` printed as print_html_to_pdf() does: its text and pdfinfo's facts.
std::pair<std::string, std::string> print_to_pdf(const RunResult& result) {
  std::ostringstream html;
  find_report_format("html")->write(result, html, {});
  Printed printed = print_html_to_pdf(html.str());
  return {printed.text, printed.info};
}

}  // namespace

TEST_CASE("report.html prints on A4: long URLs and paths wrap, nothing is cut, every page has a footer" * outside_consumer()) {
  RunResult result = synthetic_result();
  PlanResult& plan = result.plans[0];
  // Unbroken text far wider than a column: a URL, a path and an id, in a blocking finding
  // and in a passed one (the passed table has the narrowest columns).
  const std::string url = "s3://pay-backups/payments-core/2026-12-04/full/" + std::string(60, 'x') + ".tar.zst";
  const std::string path = "plans/erp-" + std::string(70, 'p') + "/bad.yaml";
  for (Status status : {Status::Fail, Status::Pass}) {
    Finding f = plan.findings.front();
    f.status = status;
    f.blocking = status == Status::Fail;
    f.subject = "backups[" + std::string(50, 'b') + "]";
    f.message = "last object " + url + " is 3d old";
    f.location = {path, 136, 9};
    f.evidence = {{"location", url}};
    plan.findings.push_back(f);
  }
  const auto printed = print_to_pdf(result);
  const std::string& text = printed.first;
  const std::string& info = printed.second;
  CAPTURE(info);
  CHECK(info.find("(A4)") != std::string::npos);
  std::string flat = without_space(text);
  for (const Finding& f : plan.findings) {
    // A waived finding is listed in the waivers table by its waiver (reason, approver, where
    // the waiver is written), not by its message.
    if (f.status == Status::Waived) continue;
    CAPTURE(f.message);
    CHECK(flat.find(without_space(valid_utf8(redact(f.message)))) != std::string::npos);
    CHECK(flat.find(without_space(valid_utf8(redact(f.subject)))) != std::string::npos);
    if (!f.location.file.empty())
      CHECK(flat.find(without_space(file_line(f.location))) != std::string::npos);
  }
  // The footer of every page: plan id and verdict, generated-at, page N of M.
  std::smatch pages;
  REQUIRE(std::regex_search(info, pages, std::regex(R"(Pages:\s+(\d+))")));
  int n = std::stoi(pages[1]);
  CHECK(n >= 3);
  for (int i = 1; i <= n; ++i) CHECK_MESSAGE(text.find(fmt::format("page {} of {}", i, n)) != std::string::npos, i);
  CHECK(text.find("test-plan · NOT READY") != std::string::npos);
  CHECK(text.find("generated 2026-12-04T12:00:00+08:00") != std::string::npos);
}

TEST_CASE("report.html in Chinese prints to A4 PDF: Chinese text in a Simplified Chinese face, Chinese page footers" * outside_consumer()) {
  const std::string html =
      render({"erp-zh-CN-not-ready.zh-CN", "examples/erp-zh-CN-not-ready.yaml", 1, {"--lang", "zh-CN"}}, "html");
  CHECK(html.find("<html lang=\"zh-CN\">") != std::string::npos);
  // The print stylesheet: A4 pages, page breaks, and a footer on every page in Chinese.
  CHECK(html.find("@page { size: A4;") != std::string::npos);
  CHECK(html.find("@media print {") != std::string::npos);
  CHECK(html.find("@bottom-right { content: \"第 \" counter(page) \" 页，共 \" counter(pages) \" 页\";") !=
        std::string::npos);
  const Printed printed = print_html_to_pdf(html);
  CAPTURE(printed.info);
  CHECK(printed.info.find("(A4)") != std::string::npos);
  const std::string flat = without_space(printed.text);
  for (std::string_view text : {"上线就绪报告", "未就绪", "就绪得分", "阻断项（4）", "上线窗口", "应急指挥部签字确认",
                                "指挥长", "张三", "附录：来源信息", "续签或延长「华信软件（ERP实施商）」的合同HX-2026-031"})
    CHECK_MESSAGE(flat.find(text) != std::string::npos, text);
  std::smatch pages;
  REQUIRE(std::regex_search(printed.info, pages, std::regex(R"(Pages:\s+(\d+))")));
  const int n = std::stoi(pages[1]);
  CHECK(n >= 3);
  // pdftotext leaves out the spaces between Chinese and digits: compare without spaces.
  for (int i = 1; i <= n; ++i)
    CHECK_MESSAGE(flat.find(fmt::format("第{}页，共{}页", i, n)) != std::string::npos, i);
  CHECK(flat.find("erp-finance-5.0·未就绪") != std::string::npos);
  CHECK(flat.find("生成于2026-12-0412:00(UTC+08:00)") != std::string::npos);
  // The glyphs come from the first face of the zh-CN stack, Noto Sans CJK SC (Debian
  // fonts-noto-cjk, .ci/install-deps test); chromium embeds it as unnamed Type 3 fonts, so
  // the PDF cannot name it: the font must be there for the text above to be extractable.
  require_tool("fc-list");
  CHECK(run_command("fc-list ':lang=zh-cn' family").output.find("Noto Sans CJK SC") != std::string::npos);
}

TEST_CASE("report.html browser check notices page errors") {
  // The check above would see a script error or a blocked fetch if the report had one.
  Browser browser;
  TempDir dir;
  std::string page = write_file(dir, "bad.html",
                                "<!DOCTYPE html><html><body><script>throw new Error('boom')</script>"
                                "</body></html>");
  CHECK(!page_problems(browser.run("--dump-dom", page).output).empty());
}

}  // namespace golive::test
