// The JUnit report: golden files, validity against the project's JUnit schema (tests/fixtures/validators/junit.xsd) with
// xmllint, and the mapping of findings to testcases.
#include "tests/cli/report/report_support.h"

namespace golive::test {

namespace {

const std::string kSchema = source_dir() + "/tests/fixtures/validators/junit.xsd";

// Validates with `xmllint --noout --schema`; returns xmllint's output when invalid.
void expect_valid_junit(const std::string& xml, const std::string& name) {
  require_tool("xmllint");
  TempDir dir;
  std::string path = write_file(dir, name + ".xml", xml);
  CommandResult r = run_command("xmllint --noout --schema " + shell_quote(kSchema) + " " + shell_quote(path));
  CAPTURE(r.output);
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("validates") != std::string::npos);
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("report.junit golden files are valid against the JUnit schema") {
  REQUIRE_MESSAGE(slurp(kSchema), "missing " << kSchema);
  for (const ReportInput& input : report_inputs()) {
    std::string xml = render(input, "junit");
    compare_golden(input, "junit", xml);
    expect_valid_junit(xml, input.name);
  }
  std::string xml = render_synthetic("junit");
  compare_golden(kSynthetic, "junit", xml);
  expect_valid_junit(xml, kSynthetic.name);
}

TEST_CASE("report.junit maps statuses to failure, error, skipped and system-out") {
  std::string xml = render_synthetic("junit");
  // Blocking fail → <failure>, blocking error → <error>, waived and skip → <skipped>; the
  // warnings and the info fail pass with their message in <system-out>.
  CHECK(count(xml, "<failure ") == 1);
  CHECK(count(xml, "<error ") == 1);
  CHECK(count(xml, "<skipped ") == 2);
  CHECK(count(xml, "<system-out>") == 3);
  CHECK(count(xml, "<testcase ") == 9);
  CHECK(xml.find("<testsuites name=\"golive\" tests=\"9\" failures=\"1\" errors=\"1\">") != std::string::npos);
  // One suite per plan with its properties, one nested suite per category.
  CHECK(xml.find("<testsuite name=\"Test plan (test-plan)\" tests=\"9\" failures=\"1\" errors=\"1\" skipped=\"2\" "
                 "timestamp=\"2026-12-04T04:00:00Z\" file=\"plan.yaml\">") != std::string::npos);
  CHECK(xml.find("<testsuite name=\"backup\" tests=\"3\" failures=\"1\" errors=\"1\" skipped=\"1\">") !=
        std::string::npos);
  CHECK(xml.find("<property name=\"as_of\" value=\"2026-12-04T04:00:00Z\"/>") != std::string::npos);
  CHECK(xml.find("<property name=\"ruleset.baseline\" value=\"1.0.0 sha256:" + std::string(64, 'a') +
                 " (always; built-in)\"/>") != std::string::npos);
  CHECK(xml.find("<testcase classname=\"backup.fresh\" name=\"backups[db-hourly]\">") != std::string::npos);

  // With --fail-on warn, warnings fail the run and so fail their testcases.
  RunResult strict = synthetic_result();
  strict.fail_on_warn = true;
  std::ostringstream out;
  find_report_format("junit")->write(strict, out, {});
  CHECK(count(out.str(), "<failure ") == 2);  // blocking, warn fail; an info fail never fails
  CHECK(count(out.str(), "<error ") == 2);    // blocking error, warn error
}

TEST_CASE("report.junit escapes markup and redacts credentials") {
  std::string xml = render_synthetic("junit");
  CHECK(xml.find("s3cr3t") == std::string::npos);
  CHECK(xml.find("hunter2") == std::string::npos);
  CHECK(xml.find("abc123") == std::string::npos);
  CHECK(xml.find("https://***@store.example.com/db?token=***") != std::string::npos);
  CHECK(xml.find("<html>") == std::string::npos);
  CHECK(xml.find("&lt;html&gt;502&lt;/html&gt;") != std::string::npos);
  CHECK(xml.find("dc-b ]]&gt;") != std::string::npos);
  // A line break in an attribute survives attribute-value normalisation.
  CHECK(xml.find("connection refused&#10;after 3 tries") != std::string::npos);
  CHECK(xml.find("回滚演练已过期") != std::string::npos);
}

}  // namespace golive::test
