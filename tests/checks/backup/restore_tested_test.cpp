#include <doctest/doctest.h>

#include "tests/support/speaking.h"
#include "tests/checks/findings_support.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

/// One backup with a restore test; its `at` value is on line 16, column 11, its result on
/// line 18, column 15.
Plan restore_plan(const std::string& tested_at, const std::string& result = "pass") {
  return plan_from(R"(backups:
  - id: payments-db-hourly
    datastore: payments-db
    restore_test:
      at: )" + tested_at + R"(
      duration: 40m
      result: )" + result + "\n");
}

}  // namespace

TEST_CASE("backup.restore-tested: a recent passed restore test passes and expires after max_age") {
  auto findings = run_check("backup.restore-tested", restore_plan("2026-11-20"), kAsOf);
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.status == Status::Pass);
  CHECK(f.subject == "backups[payments-db-hourly]");
  CHECK(f.message == "restore test passed 14d12h ago, limit 90d (max_age)");
  CHECK(where(f) == "plan.yaml:16:11");
  REQUIRE(f.expires_at.has_value());
  CHECK(*f.expires_at == at("2027-02-18T00:00:00+08:00"));
  CHECK(text_evidence(f, "tested_at") == "2026-11-20T00:00:00+08:00");
  CHECK(integer_evidence(f, "age_seconds") == 14 * 86400 + 12 * 3600);
  CHECK(text_evidence(f, "limit") == "90d");
  CHECK(text_evidence(f, "restore_duration") == "40m");
}

TEST_CASE("backup.restore-tested: exactly max_age passes, one second more fails") {
  SUBCASE("exactly 90 days") {
    auto findings = run_check("backup.restore-tested", restore_plan("2026-09-05T12:00:00+08:00"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].message == "restore test passed 90d ago, limit 90d (max_age)");
    CHECK(*findings[0].expires_at == kAsOf);
  }
  SUBCASE("one second more") {
    auto findings = run_check("backup.restore-tested", restore_plan("2026-09-05T11:59:59+08:00"), kAsOf);
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.status == Status::Fail);
    CHECK(f.message == "restore test passed 90d1s ago, limit 90d (max_age)");
    CHECK(where(f) == "plan.yaml:16:11");
    CHECK(f.remediation ==
          "Restore payments-db-hourly into a scratch environment, verify the data, and record the "
          "run under backups[].restore_test with at, duration and result");
    CHECK_FALSE(f.expires_at.has_value());
  }
}

TEST_CASE("backup.restore-tested: a failed, undated or future restore test fails") {
  SUBCASE("failed") {
    auto findings = run_check("backup.restore-tested", restore_plan("2026-11-20", "fail"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "restore test did not pass (result: fail)");
    CHECK(where(findings[0]) == "plan.yaml:18:15");
    CHECK(text_evidence(findings[0], "result") == "fail");
  }
  SUBCASE("no date") {
    Plan plan = plan_from(R"(backups:
  - id: payments-db-hourly
    datastore: payments-db
    restore_test: {duration: 40m, result: pass}
)");
    auto findings = run_check("backup.restore-tested", plan, kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "restore test has no date (backups[].restore_test.at)");
    CHECK(where(findings[0]) == "plan.yaml:15:19");
  }
  SUBCASE("dated after the as-of instant") {
    auto findings = run_check("backup.restore-tested", restore_plan("2026-12-05"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "restore test is dated in the future: 2026-12-05T00:00:00+08:00 is 12h after the as-of "
          "instant 2026-12-04T12:00:00+08:00");
    CHECK(findings[0].remediation == "Correct backups[].restore_test.at to the day the test actually ran");
  }
}

TEST_CASE("backup.restore-tested: a backup never restored fails, no backups is a skip") {
  SUBCASE("no restore test") {
    Plan plan = plan_from(R"(backups:
  - id: payments-db-hourly
    datastore: payments-db
)");
    auto findings = run_check("backup.restore-tested", plan, kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "no restore test recorded (backups[].restore_test)");
    CHECK(where(findings[0]) == "plan.yaml:13:5");
  }
  SUBCASE("no backups") {
    auto findings = run_check("backup.restore-tested", plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Skip);
    CHECK(findings[0].message == "no backups declared (backups)");
  }
}

TEST_CASE("backup.restore-tested: max_age comes from the rule's parameters") {
  auto findings = run_check("backup.restore-tested", restore_plan("2026-11-20"), kAsOf, {{"max_age", "10d"}});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].message == "restore test passed 14d12h ago, limit 10d (max_age)");
}

TEST_CASE("backup.restore-tested: in Chinese") {
  Speaking zh("zh-CN");
  auto pass = run_check("backup.restore-tested", restore_plan("2026-11-20"), kAsOf);
  REQUIRE(pass.size() == 1);
  CHECK(pass[0].message == "恢复测试于 14天12小时前通过，上限 90天（max_age）");
  auto missing = run_check("backup.restore-tested", plan_from("backups:\n  - id: payments-db-hourly\n    datastore: payments-db\n"), kAsOf);
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].message == "未登记恢复测试（backups[].restore_test）");
  CHECK(missing[0].remediation == "把 payments-db-hourly 恢复到临时环境中并核验数据，然后在 backups[].restore_test 下登记这次恢复，写明 at、duration 和 result");
}
