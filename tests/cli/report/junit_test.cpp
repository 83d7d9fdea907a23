// The JUnit report: golden files, validity against the project's JUnit schema
// (tests/fixtures/validators/junit.xsd) with xmllint, the counts two real readers report
// (Debian python3-junitparser, npm test-results-parser), and the mapping of findings to
// testcases.
#include <nlohmann/json.hpp>

#include "tests/cli/report/consumers.h"
#include "tests/cli/report/report_support.h"
#include "tests/support/outside_consumer.h"

namespace golive::test {

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

TEST_CASE("report.junit is read with the right counts by junitparser and test-results-parser" * outside_consumer()) {
  for (const ReportInput& input : report_inputs()) expect_readers_agree(render(input, "junit"), input.name);
  expect_readers_agree(render_synthetic("junit"), kSynthetic.name);
  RunResult strict = synthetic_result();
  strict.fail_on_warn = true;
  std::ostringstream out;
  find_report_format("junit")->write(strict, out, {});
  expect_readers_agree(out.str(), "fail-on-warn");
}

TEST_CASE("report.junit: several plans in one report give one flat suite each, no testcase twice") {
  // The two payments examples share their plan id: the second one's testcases get " #2".
  ProcessResult r = check({"-f", "junit", "examples/payments-ready.yaml", "examples/payments-not-ready.yaml",
                           "examples/erp-zh-CN.yaml"});
  CAPTURE(r.err);
  CHECK(r.exit_code == 1);
  CHECK(occurrences(r.out, "<testsuite ") == 3);
  CHECK(occurrences(r.out, "<testcase classname=\"payments-core-3.0.backup.fresh\" name=\"backups[payments-db-hourly]\"") == 1);
  CHECK(occurrences(r.out, "<testcase classname=\"payments-core-3.0.backup.fresh\" name=\"backups[payments-db-hourly] #2\"") == 1);
  expect_valid_junit(r.out, "two-plans");
  expect_readers_agree(r.out, "two-plans");
}

TEST_CASE("report.junit maps statuses to failure, error, skipped and system-out") {
  std::string xml = render_synthetic("junit");
  // Blocking fail → <failure>, blocking error → <error>, waived and skip → <skipped>; the
  // warnings and the info fail pass with their message in <system-out>.
  CHECK(occurrences(xml, "<failure ") == 1);
  CHECK(occurrences(xml, "<error ") == 1);
  CHECK(occurrences(xml, "<skipped ") == 2);
  CHECK(occurrences(xml, "<system-out>") == 3);
  CHECK(occurrences(xml, "<testcase ") == 9);
  CHECK(xml.find("<testsuites name=\"golive\" tests=\"9\" failures=\"1\" errors=\"1\" skipped=\"2\">") !=
        std::string::npos);
  // One flat suite per plan with its properties; testcases named PLAN-ID.CHECK and subject.
  CHECK(xml.find("<testsuite name=\"Test plan (test-plan)\" tests=\"9\" failures=\"1\" errors=\"1\" skipped=\"2\" "
                 "timestamp=\"2026-12-04T04:00:00Z\" file=\"plan.yaml\">") != std::string::npos);
  CHECK(occurrences(xml, "<testsuite ") == 1);
  CHECK(xml.find("<property name=\"as_of\" value=\"2026-12-04T04:00:00Z\"/>") != std::string::npos);
  CHECK(xml.find("<property name=\"ruleset.baseline\" value=\"1.0.0 sha256:" + std::string(64, 'a') +
                 " (always; built-in)\"/>") != std::string::npos);
  CHECK(xml.find("<testcase classname=\"test-plan.backup.fresh\" name=\"backups[db-hourly]\">") != std::string::npos);

  // With --fail-on warn, warnings fail the run and so fail their testcases.
  RunResult strict = synthetic_result();
  strict.fail_on_warn = true;
  std::ostringstream out;
  find_report_format("junit")->write(strict, out, {});
  CHECK(occurrences(out.str(), "<failure ") == 2);  // blocking, warn fail; an info fail never fails
  CHECK(occurrences(out.str(), "<error ") == 2);    // blocking error, warn error
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
