#include <doctest/doctest.h>

#include "tests/checks/findings_support.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {
const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

/// A compatibility test with `at` and `result` (line 15, result value at column 40).
Plan compat_plan(const std::string& tested_at, const std::string& result) {
  return plan_from("scenarios:\n  large_upgrade:\n    compatibility:\n      tested: {at: " + tested_at +
                   ", result: " + result + "}\n      matrix: \"https://wiki.example.com/compat\"\n");
}
}  // namespace

TEST_CASE("upgrade.compatibility: a passed test passes") {
  auto findings = run_check("upgrade.compatibility", compat_plan("2026-11-26", "pass"), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].subject == "compatibility");
  CHECK(findings[0].message == "compatibility test passed on 2026-11-26T00:00:00+08:00, 8d12h ago");
  CHECK(text_evidence(findings[0], "matrix") == "https://wiki.example.com/compat");
}

TEST_CASE("upgrade.compatibility: a failed, future-dated or missing test fails") {
  SUBCASE("failed") {
    auto findings = run_check("upgrade.compatibility", compat_plan("2026-11-26", "fail"), kAsOf);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "compatibility test did not pass (result: fail)");
    CHECK(where(findings[0]) == "plan.yaml:15:40");
  }
  SUBCASE("dated after the as-of instant") {
    // The as-of instant itself is the boundary: a test at that second counts.
    CHECK(run_check("upgrade.compatibility", compat_plan("2026-12-04T12:00:00+08:00", "pass"), kAsOf)[0].status ==
          Status::Pass);
    auto findings = run_check("upgrade.compatibility", compat_plan("2026-12-04T12:00:01+08:00", "pass"), kAsOf);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "compatibility test is dated in the future: 2026-12-04T12:00:01+08:00 is 1s after the as-of instant "
          "2026-12-04T12:00:00+08:00");
  }
  SUBCASE("missing") {
    auto findings = run_check("upgrade.compatibility", plan_from("scenarios:\n  large_upgrade:\n    pm_group: [li.wei]\n"), kAsOf);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "no compatibility test recorded (scenarios.large_upgrade.compatibility.tested)");
  }
  SUBCASE("no large upgrade") {
    CHECK(run_check("upgrade.compatibility", plan_from(""), kAsOf)[0].status == Status::Skip);
  }
  CHECK(find_check("upgrade.compatibility")->severity == Severity::Warn);
}
