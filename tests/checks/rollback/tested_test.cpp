#include <doctest/doctest.h>
#include <fmt/format.h>

#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

std::string where(const Finding& f) {
  return fmt::format("{}:{}:{}", f.location.file, f.location.line, f.location.column);
}

/// A rollback section whose test ran at `tested_at` with `result`: `at` is on line 16,
/// column 9; `result` on line 19, column 13.
Plan rollback_plan(const std::string& tested_at, const std::string& result = "pass") {
  return plan_from(R"(rollback:
  strategy: blue_green
  runbook: https://wiki.example.com/payments/rollback
  tested:
    at: )" + tested_at + R"(
    version: 3.0.0-rc2
    environment: staging
    result: )" + result + R"(
    duration: 22m
)");
}

}  // namespace

TEST_CASE("rollback.tested: a passed test within max_age passes and expires") {
  auto findings = run_check("rollback.tested", rollback_plan("2026-11-28"), kAsOf);
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.status == Status::Pass);
  CHECK(f.subject == "rollback");
  CHECK(f.message == "rollback test of 3.0.0-rc2 in staging passed 6d12h ago, limit 30d (max_age)");
  REQUIRE(f.expires_at.has_value());
  CHECK(*f.expires_at == at("2026-12-28T00:00:00+08:00"));
  CHECK(where(f) == "plan.yaml:16:9");
}

TEST_CASE("rollback.tested: age equal to max_age passes, one second more fails") {
  SUBCASE("exactly 30 days") {
    auto findings =
        run_check("rollback.tested", rollback_plan("2026-11-04T12:00:00+08:00"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(*findings[0].expires_at == kAsOf);
  }
  SUBCASE("one second older") {
    auto findings =
        run_check("rollback.tested", rollback_plan("2026-11-04T11:59:59+08:00"), kAsOf);
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "rollback test of 3.0.0-rc2 in staging passed 30d1s ago, limit 30d (max_age)");
    CHECK(where(f) == "plan.yaml:16:9");
    CHECK(f.remediation ==
          "Rehearse the rollback again with the release candidate and update rollback.tested");
    CHECK_FALSE(f.expires_at.has_value());
  }
}

TEST_CASE("rollback.tested: a failed rehearsal fails at its result") {
  auto findings = run_check("rollback.tested", rollback_plan("2026-11-28", "fail"), kAsOf);
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.status == Status::Fail);
  CHECK(f.message == "rollback test of 3.0.0-rc2 in staging did not pass (result: fail)");
  CHECK(where(f) == "plan.yaml:19:13");
  CHECK(f.remediation ==
        "Fix what made the rollback rehearsal fail, rehearse it again and record a passing "
        "result under rollback.tested");
}

TEST_CASE("rollback.tested: a rehearsal dated after the as-of instant fails") {
  auto findings = run_check("rollback.tested", rollback_plan("2026-12-06"), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].message ==
        "rollback test of 3.0.0-rc2 in staging is dated in the future: "
        "2026-12-06T00:00:00+08:00 is 1d12h after the as-of instant 2026-12-04T12:00:00+08:00");
  CHECK(where(findings[0]) == "plan.yaml:16:9");
}

TEST_CASE("rollback.tested: missing data fails") {
  SUBCASE("no rollback section") {
    auto findings = run_check("rollback.tested", plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].subject == "rollback");
    CHECK(findings[0].message == "no rollback section, so no rollback test is recorded");
    CHECK(findings[0].location.line == 1);
  }
  SUBCASE("no test recorded") {
    Plan plan = plan_from(R"(rollback:
  strategy: blue_green
  runbook: https://wiki.example.com/payments/rollback
)");
    auto findings = run_check("rollback.tested", plan, kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "no rollback test recorded (rollback.tested)");
    CHECK(where(findings[0]) == "plan.yaml:13:3");
  }
  SUBCASE("no result") {
    Plan plan = plan_from(R"(rollback:
  strategy: blue_green
  tested: {at: 2026-11-28, environment: staging}
)");
    auto findings = run_check("rollback.tested", plan, kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "rollback test in staging has no result (pass or fail)");
    CHECK(findings[0].location.line == 14);
  }
  SUBCASE("no date") {
    Plan plan = plan_from(R"(rollback:
  strategy: blue_green
  tested: {result: pass}
)");
    auto findings = run_check("rollback.tested", plan, kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "rollback test has no date (rollback.tested.at)");
    CHECK(findings[0].location.line == 14);
  }
}

TEST_CASE("rollback.tested: max_age comes from the rule's parameters") {
  SUBCASE("tighter") {
    auto findings =
        run_check("rollback.tested", rollback_plan("2026-11-28"), kAsOf, {{"max_age", "6d"}});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "rollback test of 3.0.0-rc2 in staging passed 6d12h ago, limit 6d (max_age)");
  }
  SUBCASE("looser") {
    auto findings =
        run_check("rollback.tested", rollback_plan("2026-10-01"), kAsOf, {{"max_age", "90d"}});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(*findings[0].expires_at == at("2026-12-30T00:00:00+08:00"));
  }
}
