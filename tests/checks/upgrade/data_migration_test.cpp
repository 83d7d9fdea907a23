#include <doctest/doctest.h>

#include "tests/checks/findings_support.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

/// The parts of a migration plan a test varies; an empty text leaves the key out.
struct Migration {
  std::string checkpoint = "2026-12-05T03:30:00+08:00";
  std::string schedule = "24h";
  std::string last_success = "2026-12-04T04:00:00+08:00";
  std::string duration = "50m";
  std::string tolerance = "0";
  std::string pre_backup = "payments-db-daily";
  std::string point_of_no_return = "2026-12-05T04:00:00+08:00";
};

/// A whole plan, window 2026-12-05 02:00 → 06:00 Asia/Shanghai. Lines: backup 11,
/// rehearsal 15 (duration value at column 45), reconciliation 16 (tolerance value at
/// column 66), pre_backup 17, point_of_no_return 18 (value at column 27).
Plan migration_plan(const Migration& m) {
  std::string text = R"(golive: 1
plan: {id: test-plan, name: Test plan, owner: li.wei, revised_at: 2026-11-01}
contacts:
  - {id: li.wei, name: Li Wei, phone: "+8613800000003", email: li.wei@example.com, timezone: Asia/Shanghai}
go_live:
  window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}
  timezone: Asia/Shanghai
  checkpoints:
)";
  text += m.checkpoint.empty() ? "    - {name: final go/no-go}\n"
                               : "    - {name: final go/no-go, at: " + m.checkpoint + "}\n";
  text += "backups:\n  - {id: payments-db-daily, datastore: payments-db, schedule: " + m.schedule +
          ", last_success: " + m.last_success + "}\n";
  text += R"(scenarios:
  large_upgrade:
    data_migration:
      rehearsed: {at: 2026-11-27, duration: )" + m.duration + R"(, result: pass}
      reconciliation: {method: rowcount+checksum, tolerance_pct: )" + m.tolerance + "}\n";
  if (!m.pre_backup.empty()) text += "      pre_backup: " + m.pre_backup + "\n";
  if (!m.point_of_no_return.empty()) text += "      point_of_no_return: " + m.point_of_no_return + "\n";
  return plan_from(text);
}

std::vector<Finding> run(const Migration& m, const std::vector<std::pair<std::string, std::string>>& params = {}) {
  return run_check("upgrade.data-migration", migration_plan(m), kAsOf, params);
}

}  // namespace

TEST_CASE("upgrade.data-migration: a rehearsed, reconciled, backed-up and stoppable migration passes") {
  auto findings = run(Migration{});
  REQUIRE(findings.size() == 4);
  for (const auto& f : findings) CHECK(f.status == Status::Pass);
  CHECK(about(findings, "data_migration.rehearsal").message ==
        "rehearsed migration took 50m: from window start 2026-12-05T02:00:00+08:00 it is done at "
        "2026-12-05T02:50:00+08:00, 1h10m before the point of no return 2026-12-05T04:00:00+08:00");
  CHECK(about(findings, "data_migration.reconciliation").message ==
        "reconciliation by rowcount+checksum with tolerance 0%, limit 0% (max_tolerance_pct)");
  CHECK(about(findings, "data_migration.pre_backup").message ==
        "pre-migration backup payments-db-daily will be 22h old at window start 2026-12-05T02:00:00+08:00, "
        "limit 1d (pre_backup_max_age)");
  CHECK(about(findings, "data_migration.point_of_no_return").message ==
        "point of no return 2026-12-05T04:00:00+08:00 is 30m after the last checkpoint 'final go/no-go' at "
        "2026-12-05T03:30:00+08:00");
}

TEST_CASE("upgrade.data-migration: the rehearsed duration must fit before the point of no return") {
  Migration m;
  SUBCASE("done exactly at the point of no return") {
    m.duration = "2h";
    CHECK(about(run(m), "data_migration.rehearsal").status == Status::Pass);
  }
  SUBCASE("one second later") {
    m.duration = "2h1s";
    const Finding f = about(run(m), "data_migration.rehearsal");
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "rehearsed migration took 2h1s: from window start 2026-12-05T02:00:00+08:00 it is done at "
          "2026-12-05T04:00:01+08:00, 1s after the point of no return 2026-12-05T04:00:00+08:00");
    CHECK(where(f) == "plan.yaml:15:45");
    CHECK(f.remediation ==
          "Make the migration at least 1s faster and rehearse it again, or move the point of no return "
          "later (the window or point_of_no_return)");
  }
  SUBCASE("without a point of no return, the window end binds: exactly the window") {
    m.point_of_no_return = "";
    m.duration = "4h";
    const Finding f = about(run(m), "data_migration.rehearsal");
    CHECK(f.status == Status::Pass);
    CHECK(f.message ==
          "rehearsed migration took 4h: from window start 2026-12-05T02:00:00+08:00 it is done at "
          "2026-12-05T06:00:00+08:00, exactly at window end 2026-12-05T06:00:00+08:00");
  }
  SUBCASE("without a point of no return: one second more than the window") {
    m.point_of_no_return = "";
    m.duration = "4h1s";
    CHECK(about(run(m), "data_migration.rehearsal").status == Status::Fail);
  }
}

TEST_CASE("upgrade.data-migration: reconciliation tolerance above max_tolerance_pct fails") {
  Migration m;
  m.tolerance = "0.01";
  const Finding f = about(run(m), "data_migration.reconciliation");
  CHECK(f.status == Status::Fail);
  CHECK(f.message == "reconciliation by rowcount+checksum with tolerance 0.01%, limit 0% (max_tolerance_pct)");
  CHECK(where(f) == "plan.yaml:16:66");
  CHECK(about(run(m, {{"max_tolerance_pct", "0.01"}}), "data_migration.reconciliation").status == Status::Pass);
}

TEST_CASE("upgrade.data-migration: the pre-backup must be fresh at window start, as backup.fresh judges") {
  Migration m;
  SUBCASE("exactly a day old at window start") {
    m.last_success = "2026-12-04T02:00:00+08:00";
    CHECK(about(run(m), "data_migration.pre_backup").status == Status::Pass);
  }
  SUBCASE("one second older") {
    m.last_success = "2026-12-04T01:59:59+08:00";
    const Finding f = about(run(m), "data_migration.pre_backup");
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "pre-migration backup payments-db-daily will be 1d1s old at window start 2026-12-05T02:00:00+08:00, "
          "limit 1d (pre_backup_max_age)");
    CHECK(where(f) == "plan.yaml:11:82");
    CHECK(f.remediation ==
          "Run backup payments-db-daily no earlier than 2026-12-04T02:00:00+08:00 so it is fresh when the "
          "migration starts, and update backups[].last_success");
  }
  SUBCASE("twice the schedule when tighter") {
    m.schedule = "1h";
    m.last_success = "2026-12-04T11:00:00+08:00";
    CHECK(about(run(m), "data_migration.pre_backup").message ==
          "pre-migration backup payments-db-daily will be 15h old at window start 2026-12-05T02:00:00+08:00, "
          "limit 2h (2 × schedule 1h)");
  }
  SUBCASE("pre_backup_max_age is a parameter") {
    CHECK(about(run(m, {{"pre_backup_max_age", "12h"}}), "data_migration.pre_backup").status == Status::Fail);
  }
  SUBCASE("an unknown backup") {
    m.pre_backup = "payments-db-weekly";
    const Finding f = about(run(m), "data_migration.pre_backup");
    CHECK(f.status == Status::Fail);
    CHECK(f.message == "pre_backup payments-db-weekly names no declared backup");
  }
  SUBCASE("none named") {
    m.pre_backup = "";
    CHECK(about(run(m), "data_migration.pre_backup").message ==
          "no pre-migration backup named (data_migration.pre_backup)");
  }
}

TEST_CASE("upgrade.data-migration: the point of no return must come after the last checkpoint") {
  Migration m;
  SUBCASE("one second after") {
    m.point_of_no_return = "2026-12-05T03:30:01+08:00";
    CHECK(about(run(m), "data_migration.point_of_no_return").status == Status::Pass);
  }
  SUBCASE("at the checkpoint") {
    m.point_of_no_return = "2026-12-05T03:30:00+08:00";
    const Finding f = about(run(m), "data_migration.point_of_no_return");
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "point of no return 2026-12-05T03:30:00+08:00 is not after the last checkpoint 'final go/no-go' at "
          "2026-12-05T03:30:00+08:00");
    CHECK(where(f) == "plan.yaml:18:27");
  }
  SUBCASE("before it") {
    m.point_of_no_return = "2026-12-05T03:00:00+08:00";
    CHECK(about(run(m), "data_migration.point_of_no_return").message ==
          "point of no return 2026-12-05T03:00:00+08:00 is 30m before, not after the last checkpoint "
          "'final go/no-go' at 2026-12-05T03:30:00+08:00");
  }
  SUBCASE("no timed checkpoint") {
    m.checkpoint = "";
    CHECK(about(run(m), "data_migration.point_of_no_return").message ==
          "no go/no-go checkpoint (go_live.checkpoints) before the point of no return 2026-12-05T04:00:00+08:00");
  }
  SUBCASE("none declared") {
    m.point_of_no_return = "";
    CHECK(about(run(m), "data_migration.point_of_no_return").status == Status::Fail);
  }
}

TEST_CASE("upgrade.data-migration: not applicable without a large upgrade or a migration") {
  auto none = run_check("upgrade.data-migration", plan_from(""), kAsOf);
  REQUIRE(none.size() == 1);
  CHECK(none[0].status == Status::Skip);
  auto no_migration = run_check("upgrade.data-migration", plan_from("scenarios:\n  large_upgrade:\n    pm_group: [li.wei]\n"), kAsOf);
  REQUIRE(no_migration.size() == 1);
  CHECK(no_migration[0].status == Status::Skip);
  CHECK(no_migration[0].message == "the upgrade migrates no data (no scenarios.large_upgrade.data_migration)");
}
