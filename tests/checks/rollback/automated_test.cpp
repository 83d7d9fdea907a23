#include <doctest/doctest.h>

#include "tests/checks/findings_support.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {
const Instant kAsOf = at("2026-12-04T12:00:00+08:00");
}  // namespace

TEST_CASE("rollback.automated: an automated rollback passes, a manual one fails") {
  SUBCASE("automated") {
    auto findings = run_check("rollback.automated", plan_from("rollback:\n  automated: true\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].message == "the rollback is automated");
  }
  SUBCASE("manual") {
    auto findings = run_check("rollback.automated", plan_from("rollback:\n  automated: false\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "the rollback is manual (rollback.automated: false)");
    CHECK(where(findings[0]) == "plan.yaml:13:14");
  }
}

TEST_CASE("rollback.automated: an unset flag or no rollback counts as manual") {
  SUBCASE("unset") {
    auto findings = run_check("rollback.automated", plan_from("rollback:\n  strategy: redeploy\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "rollback.automated is not set, so the rollback counts as manual");
  }
  SUBCASE("no section") {
    auto findings = run_check("rollback.automated", plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "no rollback section (rollback)");
  }
  CHECK(find_check("rollback.automated")->severity == Severity::Info);
}
