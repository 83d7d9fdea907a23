// What every report format relies on: redaction and escaping.
#include "cli/report/support.h"
#include "tests/cli/report/report_support.h"

namespace golive::test {

TEST_CASE("report.redact masks URL userinfo and credential query values, nothing else") {
  CHECK(redact("see https://user:secret@host.example.com/x?a=1&token=abc#f ok") ==
        "see https://***@host.example.com/x?a=1&token=***#f ok");
  CHECK(redact("s3://AKIA:wJalr@bucket/key and http://plain.example.com/") ==
        "s3://***@bucket/key and http://plain.example.com/");
  CHECK(redact("\"https://a:b@h\"") == "\"https://***@h\"");
  CHECK(redact("${env:PROM_TOKEN} stays a reference") == "${env:PROM_TOKEN} stays a reference");
  CHECK(redact("no scheme ://x@y, mail li.wei@example.com") == "no scheme ://x@y, mail li.wei@example.com");
  CHECK(redact("") == "");
}

TEST_CASE("report.xml_escape escapes markup, keeps UTF-8, shows what XML cannot carry") {
  CHECK(xml_escape("<a href=\"x\">'&'</a> ]]>") ==
        "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; ]]&gt;");
  CHECK(xml_escape("一\n二\t三", false) == "一\n二\t三");
  CHECK(xml_escape("一\n二\t三\r", true) == "一&#10;二&#9;三&#13;");
  CHECK(xml_escape(std::string("bell\x07 bad\xff", 10)) == "bell\\x07 bad\xEF\xBF\xBD");
  CHECK(xml_escape("https://u:p@h/") == "https://***@h/");
}

TEST_CASE("report.standing orders findings the way reports list them") {
  RunResult r = synthetic_result();
  std::vector<Standing> got;
  for (const Finding& f : r.plans[0].findings) got.push_back(standing_of(f));
  CHECK(got == std::vector<Standing>{Standing::Blocking, Standing::Blocking, Standing::Warning,
                                     Standing::Warning, Standing::Notice, Standing::Waived,
                                     Standing::Skipped, Standing::Passed, Standing::Passed});
  CHECK(fails_run(r.plans[0].findings[0], r));
  CHECK(!fails_run(r.plans[0].findings[2], r));
  r.fail_on_warn = true;
  CHECK(fails_run(r.plans[0].findings[2], r));
  CHECK(!fails_run(r.plans[0].findings[4], r));  // info never fails the run
  CHECK(!fails_run(r.plans[0].findings[5], r));
}

TEST_CASE("report.formats are all registered and deterministic") {
  for (const std::string& name : promised_report_formats()) {
    CAPTURE(name);
    REQUIRE(find_report_format(name));
    CHECK(render_synthetic(name) == render_synthetic(name));
  }
  // The CLI accepts them for --format and --report.
  TempDir dir;
  ProcessResult r = check({"-f", "github", "--report", "html:" + dir.file("r.html"), "--report",
                           "sarif:" + dir.file("r.sarif"), "tests/fixtures/reports/hostile.yaml"});
  CHECK(r.exit_code == 1);
  CHECK(r.err == "");
  CHECK(r.out.find("\n::error title=golive%3A NOT READY::NOT READY, score ") != std::string::npos);
  CHECK(slurp(dir.file("r.html")).value_or("").rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(json_of(slurp(dir.file("r.sarif")).value_or(""))["version"] == "2.1.0");
}

}  // namespace golive::test
