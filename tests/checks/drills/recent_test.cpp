#include <doctest/doctest.h>

#include "tests/support/speaking.h"
#include "tests/checks/findings_support.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

/// A rollback drill on line 13 and a restore drill on line 14 (its `at` value at column 25).
Plan drills_plan(const std::string& restore_at, const std::string& restore_result = "pass",
                 const std::string& more = "") {
  return plan_from(R"(drills:
  - {type: rollback, at: 2026-11-28, result: pass, report: "https://wiki.example.com/drill-1128"}
  - {type: restore, at: )" + restore_at + ", result: " + restore_result + "}\n" + more);
}

}  // namespace

TEST_CASE("drills.recent: a passed drill of each required type, one finding per type") {
  auto findings = run_check("drills.recent", drills_plan("2026-11-20"), kAsOf);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].subject == "drills[rollback]");
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].message == "rollback drill passed 6d12h ago, limit 365d (max_age)");
  CHECK(*findings[0].expires_at == at("2027-11-28T00:00:00+08:00"));
  CHECK(text_evidence(findings[0], "report") == "https://wiki.example.com/drill-1128");
  CHECK(findings[1].subject == "drills[restore]");
  CHECK(findings[1].status == Status::Pass);
  CHECK(findings[1].message == "restore drill passed 14d12h ago, limit 365d (max_age)");
}

TEST_CASE("drills.recent: exactly max_age passes, one second more fails") {
  SUBCASE("365 days") {
    auto findings = run_check("drills.recent", drills_plan("2025-12-04T12:00:00+08:00"), kAsOf);
    CHECK(about(findings, "drills[restore]").status == Status::Pass);
    CHECK(*about(findings, "drills[restore]").expires_at == kAsOf);
  }
  SUBCASE("one second more") {
    auto findings = run_check("drills.recent", drills_plan("2025-12-04T11:59:59+08:00"), kAsOf);
    const Finding& f = about(findings, "drills[restore]");
    CHECK(f.status == Status::Fail);
    CHECK(f.message == "last passed restore drill was 365d1s ago, limit 365d (max_age)");
    CHECK(where(f) == "plan.yaml:14:25");
    CHECK(f.remediation ==
          "Run a restore drill with the go-live team, fix what it finds, and record it under "
          "drills with type restore, at, result and report");
  }
}

TEST_CASE("drills.recent: failed and future drills do not count") {
  SUBCASE("failed") {
    auto findings = run_check("drills.recent", drills_plan("2026-11-20", "fail"), kAsOf);
    const Finding& f = about(findings, "drills[restore]");
    CHECK(f.status == Status::Fail);
    CHECK(f.message == "no passed restore drill (not passed: 2026-11-20T00:00:00+08:00 (fail))");
    CHECK(where(f) == "plan.yaml:14:5");
  }
  SUBCASE("only scheduled") {
    auto findings = run_check("drills.recent", drills_plan("2026-12-10"), kAsOf);
    CHECK(about(findings, "drills[restore]").message ==
          "no passed restore drill (dated after the as-of instant: 2026-12-10T00:00:00+08:00)");
  }
  SUBCASE("the latest passed drill counts, not the latest drill") {
    auto findings = run_check("drills.recent",
                              drills_plan("2026-11-20", "fail", "  - {type: restore, at: 2026-10-01, result: pass}\n"),
                              kAsOf);
    const Finding& f = about(findings, "drills[restore]");
    CHECK(f.status == Status::Pass);
    CHECK(f.message == "restore drill passed 64d12h ago, limit 365d (max_age)");
  }
}

TEST_CASE("drills.recent: a type never drilled fails, types and max_age are parameters") {
  SUBCASE("failover required") {
    auto findings =
        run_check("drills.recent", drills_plan("2026-11-20"), kAsOf, {{"types", "[rollback, restore, failover]"}});
    REQUIRE(findings.size() == 3);
    const Finding& f = about(findings, "drills[failover]");
    CHECK(f.status == Status::Fail);
    CHECK(f.message == "no passed failover drill recorded (drills[].type: failover)");
    CHECK(where(f) == "plan.yaml:13:3");  // the list it belongs in, where it begins
  }
  SUBCASE("no drills at all") {
    auto findings = run_check("drills.recent", plan_from(""), kAsOf);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "no passed rollback drill recorded (drills[].type: rollback)");
    CHECK(where(findings[0]) == "plan.yaml:1:1");
  }
  SUBCASE("an empty list: the finding points at it, not at the top of the file") {
    auto findings = run_check("drills.recent", plan_from("drills: []\n"), kAsOf);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].status == Status::Fail);
    CHECK(where(findings[0]) == "plan.yaml:12:9");
  }
  SUBCASE("max_age") {
    auto findings = run_check("drills.recent", drills_plan("2026-11-20"), kAsOf, {{"max_age", "10d"}});
    CHECK(about(findings, "drills[rollback]").status == Status::Pass);
    CHECK(about(findings, "drills[restore]").status == Status::Fail);
    CHECK(about(findings, "drills[restore]").message ==
          "last passed restore drill was 14d12h ago, limit 10d (max_age)");
  }
}

TEST_CASE("drills.recent: in Chinese") {
  Speaking zh("zh-CN");
  auto pass = run_check("drills.recent", drills_plan("2026-11-20"), kAsOf);
  CHECK(about(pass, "drills[restore]").message == "恢复（restore）演练于 14天12小时前通过，上限 365天（max_age）");
  auto fail = run_check("drills.recent", drills_plan("2026-11-20", "fail", "  - {type: restore, at: 2026-12-10, result: pass}\n"), kAsOf);
  const Finding& f = about(fail, "drills[restore]");
  CHECK(f.message == "没有通过的恢复（restore）演练（未通过：2026-11-20 00:00 (UTC+08:00)（fail）；日期晚于评估时刻：2026-12-10 00:00 (UTC+08:00)）");
  CHECK(f.remediation == "与上线团队一起完成一次恢复（restore）演练，整改发现的问题，并登记在 drills 下，写明 type restore、at、result 和 report");
}
