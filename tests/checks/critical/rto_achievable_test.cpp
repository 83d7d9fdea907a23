#include <doctest/doctest.h>

#include "tests/support/speaking.h"
#include "tests/checks/findings_support.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

/// A warm-standby system with rto 15m whose failover took `took` (line 18, value at
/// column 49).
Plan failover_plan(const std::string& took, const std::string& result = "pass") {
  return plan_from(R"(systems:
  - id: payments-api
    rto: 15m
    dr_strategy: warm_standby
    standby:
      site: dc-b
      failover_test: {at: 2026-10-12, duration: )" + took + ", result: " + result + "}\n");
}

/// A backup_restore system with rto 4h and two datastores; settlement-db's fastest
/// restore took `took` (line 23; its duration value at column 46).
Plan restore_plan(const std::string& took) {
  return plan_from(R"(systems:
  - {id: settlement-batch, rto: 4h, dr_strategy: backup_restore, datastores: [settlement-db, files]}
backups:
  - id: settlement-db-daily
    datastore: settlement-db
    restore_test: {at: 2026-11-18, duration: 5h, result: pass}
  - id: files-daily
    datastore: files
    restore_test: {at: 2026-11-18, duration: 30m, result: pass}
  - id: settlement-db-hourly
    datastore: settlement-db
    restore_test: {at: 2026-11-18, duration: )" + took + R"(, result: pass}
  - id: settlement-db-broken
    datastore: settlement-db
    restore_test: {at: 2026-11-19, duration: 1m, result: fail}
)");
}

}  // namespace

TEST_CASE("critical.rto-achievable: a failover within the rto passes, one second more fails") {
  SUBCASE("exactly the rto") {
    auto findings = run_check("critical.rto-achievable", failover_plan("15m"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].subject == "systems[payments-api]");
    CHECK(findings[0].message == "measured failover 15m on 2026-10-12 within rto 15m");
  }
  SUBCASE("one second more") {
    auto findings = run_check("critical.rto-achievable", failover_plan("15m1s"), kAsOf);
    const Finding& f = findings[0];
    CHECK(f.status == Status::Fail);
    CHECK(f.message == "measured failover 15m1s on 2026-10-12 over rto 15m");
    CHECK(where(f) == "plan.yaml:18:49");
    CHECK(integer_evidence(f, "measured_seconds") == 901);
  }
  SUBCASE("a failed failover measures nothing") {
    auto findings = run_check("critical.rto-achievable", failover_plan("5m", "fail"), kAsOf);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "failover test of payments-api did not pass (result: fail), so no recovery time is measured");
  }
  SUBCASE("no failover test") {
    Plan plan = plan_from("systems:\n  - {id: payments-api, rto: 15m, dr_strategy: active_active}\n");
    auto findings = run_check("critical.rto-achievable", plan, kAsOf);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "active_active system payments-api has no failover test (systems[].standby.failover_test), so "
          "its recovery time is unmeasured");
  }
}

TEST_CASE("critical.rto-achievable: a restored system is as slow as its slowest datastore") {
  SUBCASE("exactly the rto") {
    auto findings = run_check("critical.rto-achievable", restore_plan("4h"), kAsOf);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].message ==
          "measured restore 4h within rto 4h: settlement-db restored in 4h (settlement-db-hourly), files "
          "restored in 30m (files-daily)");
  }
  SUBCASE("one second more") {
    auto findings = run_check("critical.rto-achievable", restore_plan("4h1s"), kAsOf);
    const Finding& f = findings[0];
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "measured restore 4h1s over rto 4h: settlement-db restored in 4h1s (settlement-db-hourly), files "
          "restored in 30m (files-daily)");
    CHECK(where(f) == "plan.yaml:23:46");
    CHECK(f.remediation ==
          "Make the restore of settlement-db faster than 4h (smaller or incremental backups, faster "
          "storage, parallel restore) and test again, or agree a longer rto for settlement-batch");
  }
  SUBCASE("a datastore never restored") {
    Plan plan = plan_from(R"(systems:
  - {id: batch, rto: 4h, dr_strategy: backup_restore, datastores: [batch-db]}
backups:
  - {id: batch-db-daily, datastore: batch-db, restore_test: {at: 2026-11-18, result: pass}}
)");
    auto findings = run_check("critical.rto-achievable", plan, kAsOf);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "backup_restore system batch: no passed restore test with a duration for batch-db, so its "
          "recovery time is unmeasured");
  }
}

TEST_CASE("critical.rto-achievable: a missing rto or strategy fails") {
  auto no_rto = run_check("critical.rto-achievable", plan_from("systems:\n  - {id: batch, dr_strategy: backup_restore}\n"), kAsOf);
  CHECK(no_rto[0].status == Status::Fail);
  CHECK(no_rto[0].message == "system batch has no rto (systems[].rto) to compare its recovery with");
  auto no_strategy = run_check("critical.rto-achievable", plan_from("systems:\n  - {id: batch, rto: 1h}\n"), kAsOf);
  CHECK(no_strategy[0].status == Status::Fail);
  CHECK(no_strategy[0].message ==
        "system batch has no dr_strategy (systems[].dr_strategy), so which recovery to measure is unknown");
}

TEST_CASE("critical.rto-achievable: in Chinese") {
  Speaking zh("zh-CN");
  auto pass = run_check("critical.rto-achievable", failover_plan("15m"), kAsOf);
  REQUIRE(pass.size() == 1);
  CHECK(pass[0].message == "2026-10-12 实测切换用时 15分钟，在 RTO 15分钟以内");
  auto fail = run_check("critical.rto-achievable", restore_plan("4h1s"), kAsOf);
  REQUIRE(fail.size() == 1);
  CHECK(fail[0].message == "实测恢复用时 4小时1秒，超过 RTO 4小时：settlement-db 恢复用时 4小时1秒（settlement-db-hourly）；files 恢复用时 30分钟（files-daily）");
  CHECK(fail[0].remediation == "把 settlement-db 的恢复缩短到 4小时以内（更小的备份或增量备份、更快的存储、并行恢复）并重新测试，或与业务方为 settlement-batch 商定更长的 rto");
}
