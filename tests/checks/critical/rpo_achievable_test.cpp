#include <doctest/doctest.h>

#include "tests/support/speaking.h"
#include "tests/checks/findings_support.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

/// A backup_restore system with rpo 1h, a daily backup and a backup with `schedule` (line
/// 20, value at column 15).
Plan rpo_plan(const std::string& schedule, const std::string& strategy = "backup_restore") {
  return plan_from(R"(systems:
  - {id: settlement-batch, tier: 2, rpo: 1h, dr_strategy: )" + strategy + R"(, datastores: [settlement-db]}
backups:
  - id: settlement-db-daily
    datastore: settlement-db
    schedule: 24h
  - id: settlement-db-frequent
    datastore: settlement-db
    schedule: )" + schedule + "\n");
}

}  // namespace

TEST_CASE("critical.rpo-achievable: the most frequent backup within the rpo passes, one second more fails") {
  SUBCASE("exactly the rpo") {
    auto findings = run_check("critical.rpo-achievable", rpo_plan("1h"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].subject == "systems[settlement-batch]");
    CHECK(findings[0].message ==
          "rpo 1h met by the most frequent backups: settlement-db every 1h (settlement-db-frequent)");
  }
  SUBCASE("one second more") {
    auto findings = run_check("critical.rpo-achievable", rpo_plan("1h1s"), kAsOf);
    const Finding& f = findings[0];
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "rpo 1h not met by the most frequent backups: settlement-db every 1h1s (settlement-db-frequent)");
    CHECK(where(f) == "plan.yaml:20:15");
    CHECK(f.remediation ==
          "Run the backup of settlement-db at least every 1h (now 1h1s by settlement-db-frequent), or "
          "agree a longer rpo for settlement-batch");
    CHECK(integer_evidence(f, "longest_schedule_seconds") == 3601);
  }
  SUBCASE("pilot light is judged the same way") {
    CHECK(run_check("critical.rpo-achievable", rpo_plan("2h", "pilot_light"), kAsOf)[0].status == Status::Fail);
  }
}

TEST_CASE("critical.rpo-achievable: every datastore counts, a backup of the system covers them all") {
  SUBCASE("a datastore without backup") {
    Plan plan = plan_from(R"(systems:
  - {id: ledger, tier: 1, rpo: 15m, dr_strategy: backup_restore, datastores: [ledger-db, ledger-files]}
backups:
  - {id: ledger-db-5m, datastore: ledger-db, schedule: 5m}
)");
    auto findings = run_check("critical.rpo-achievable", plan, kAsOf);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "rpo 15m not met by the most frequent backups: ledger-db every 5m (ledger-db-5m), no backup of ledger-files");
    CHECK(findings[0].remediation == "Back up ledger-files at least every 15m (backups[].datastore, schedule)");
  }
  SUBCASE("a whole-system backup") {
    Plan plan = plan_from(R"(systems:
  - {id: ledger, tier: 1, rpo: 15m, dr_strategy: backup_restore, datastores: [ledger-db, ledger-files]}
backups:
  - {id: ledger-db-5m, datastore: ledger-db, schedule: 5m}
  - {id: ledger-snapshot, datastore: ledger, schedule: 15m}
)");
    auto findings = run_check("critical.rpo-achievable", plan, kAsOf);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].message ==
          "rpo 15m met by the most frequent backups: ledger-db every 5m (ledger-db-5m), ledger-files every "
          "15m (ledger-snapshot)");
  }
}

TEST_CASE("critical.rpo-achievable: replicated systems are skipped, missing data fails") {
  SUBCASE("warm standby") {
    auto findings = run_check("critical.rpo-achievable", rpo_plan("1d", "warm_standby"), kAsOf);
    CHECK(findings[0].status == Status::Skip);
    CHECK(findings[0].message == "warm_standby system: data is replicated to the standby, its RPO does not rest on backups");
  }
  SUBCASE("no rpo") {
    auto findings = run_check("critical.rpo-achievable",
                              plan_from("systems:\n  - {id: batch, dr_strategy: backup_restore}\n"), kAsOf);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "backup_restore system batch has no rpo (systems[].rpo) to compare backups with");
  }
  SUBCASE("no strategy") {
    auto findings = run_check("critical.rpo-achievable", plan_from("systems:\n  - {id: batch, rpo: 1h}\n"), kAsOf);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "system batch has no dr_strategy (systems[].dr_strategy), so whether backups bound its data loss is unknown");
  }
  SUBCASE("backups without a schedule") {
    Plan plan = plan_from(R"(systems:
  - {id: batch, rpo: 1h, dr_strategy: backup_restore, datastores: [batch-db]}
backups:
  - {id: batch-db-dump, datastore: batch-db}
)");
    auto findings = run_check("critical.rpo-achievable", plan, kAsOf);
    CHECK(findings[0].message == "rpo 1h not met by the most frequent backups: the backups of batch-db have no schedule");
  }
}

TEST_CASE("critical.rpo-achievable: in Chinese") {
  Speaking zh("zh-CN");
  auto pass = run_check("critical.rpo-achievable", rpo_plan("1h"), kAsOf);
  REQUIRE(pass.size() == 1);
  CHECK(pass[0].message == "最频繁的备份满足 RPO 1小时：settlement-db 每 1小时备份一次（settlement-db-frequent）");
  auto fail = run_check("critical.rpo-achievable", rpo_plan("90m"), kAsOf);
  REQUIRE(fail.size() == 1);
  CHECK(fail[0].message == "最频繁的备份不满足 RPO 1小时：settlement-db 每 1小时30分钟备份一次（settlement-db-frequent）");
  CHECK(fail[0].remediation == "把 settlement-db 的备份提高到至少每 1小时一次（目前由 settlement-db-frequent 每 1小时30分钟一次），或与业务方为 settlement-batch 商定更长的 rpo");
}
