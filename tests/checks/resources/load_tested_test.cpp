#include <doctest/doctest.h>

#include "tests/checks/findings_support.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

/// A load test: `at` on line 14 (value at column 9), multiple_of_peak on line 15 (value at
/// column 23), result on line 16.
Plan load_plan(const std::string& tested_at, const std::string& multiple, const std::string& result = "pass") {
  return plan_from(R"(resources:
  load_test:
    at: )" + tested_at + R"(
    multiple_of_peak: )" + multiple + R"(
    result: )" + result + "\n");
}

}  // namespace

TEST_CASE("resources.load-tested: a recent pass at twice the peak passes and expires") {
  auto findings = run_check("resources.load-tested", load_plan("2026-11-25", "2.5"), kAsOf);
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.status == Status::Pass);
  CHECK(f.subject == "load_test");
  CHECK(f.message == "load test at 2.5× the expected peak (minimum 2×) passed 9d12h ago (limit 90d)");
  CHECK(*f.expires_at == at("2027-02-23T00:00:00+08:00"));
}

TEST_CASE("resources.load-tested: boundaries of the multiple and the age") {
  SUBCASE("exactly 2x passes") {
    auto findings = run_check("resources.load-tested", load_plan("2026-11-25", "2.0"), kAsOf);
    CHECK(findings[0].status == Status::Pass);
  }
  SUBCASE("just under 2x fails") {
    auto findings = run_check("resources.load-tested", load_plan("2026-11-25", "1.99"), kAsOf);
    const Finding& f = findings[0];
    CHECK(f.status == Status::Fail);
    CHECK(f.message == "load test at 1.99× the expected peak (minimum 2×) passed 9d12h ago (limit 90d)");
    CHECK(where(f) == "plan.yaml:15:23");
    CHECK(f.remediation ==
          "Load-test again at 2× the expected peak or more (the last test reached 1.99×) and update "
          "resources.load_test");
  }
  SUBCASE("exactly 90 days passes") {
    auto findings = run_check("resources.load-tested", load_plan("2026-09-05T12:00:00+08:00", "2"), kAsOf);
    CHECK(findings[0].status == Status::Pass);
  }
  SUBCASE("one second more fails") {
    auto findings = run_check("resources.load-tested", load_plan("2026-09-05T11:59:59+08:00", "2"), kAsOf);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "load test at 2× the expected peak (minimum 2×) passed 90d1s ago (limit 90d)");
    CHECK(where(findings[0]) == "plan.yaml:14:9");
  }
}

TEST_CASE("resources.load-tested: missing or failed tests fail") {
  SUBCASE("no load test") {
    auto findings = run_check("resources.load-tested", plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "no load test recorded (resources.load_test)");
  }
  SUBCASE("failed") {
    auto findings = run_check("resources.load-tested", load_plan("2026-11-25", "2", "fail"), kAsOf);
    CHECK(findings[0].message == "load test did not pass (result: fail)");
  }
  SUBCASE("no multiple") {
    Plan plan = plan_from("resources:\n  load_test: {at: 2026-11-25, result: pass}\n");
    auto findings = run_check("resources.load-tested", plan, kAsOf);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "load test has no multiple_of_peak, so the load it proved is unknown");
  }
}

TEST_CASE("resources.load-tested: min_multiple and max_age are parameters") {
  auto findings = run_check("resources.load-tested", load_plan("2026-11-25", "2.5"), kAsOf,
                            {{"min_multiple", "3"}, {"max_age", "30d"}});
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].message == "load test at 2.5× the expected peak (minimum 3×) passed 9d12h ago (limit 30d)");
  CHECK(find_check("resources.load-tested")->severity == Severity::Warn);
}
