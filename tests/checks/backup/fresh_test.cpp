#include <doctest/doctest.h>
#include <fmt/format.h>

#include <variant>

#include "tests/support/speaking.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

std::string where(const Finding& f) {
  return fmt::format("{}:{}:{}", f.location.file, f.location.line, f.location.column);
}

/// A plan with one backup of payments-db; `extra` adds keys to the backup. The
/// last_success value is on line 18, column 19.
Plan backup_plan(const std::string& last_success, const std::string& extra = "") {
  return plan_from(R"(systems:
  - {id: payments-api, tier: 1, datastores: [payments-db]}
backups:
  - id: payments-db-hourly
    datastore: payments-db
    location: s3://backups/payments-db/latest.dump
)" + (last_success.empty() ? "" : "    last_success: " + last_success + "\n") +
                   extra);
}

const EvidenceValue* evidence(const Finding& f, const std::string& key) {
  for (const auto& [k, v] : f.evidence)
    if (k == key) return &v;
  return nullptr;
}

int64_t integer_evidence(const Finding& f, const std::string& key) {
  const EvidenceValue* v = evidence(f, key);
  REQUIRE(v != nullptr);
  REQUIRE(std::holds_alternative<int64_t>(v->get()));
  return std::get<int64_t>(v->get());
}

std::string text_evidence(const Finding& f, const std::string& key) {
  const EvidenceValue* v = evidence(f, key);
  REQUIRE(v != nullptr);
  REQUIRE(std::holds_alternative<std::string>(v->get()));
  return std::get<std::string>(v->get());
}

}  // namespace

TEST_CASE("backup.fresh: a backup within max_age passes and expires when it goes stale") {
  auto findings = run_check("backup.fresh", backup_plan("2026-12-04T06:30:00+08:00"), kAsOf);
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.status == Status::Pass);
  CHECK(f.subject == "backups[payments-db-hourly]");
  CHECK(f.message == "last success 5h30m ago, limit 1d (max_age)");
  REQUIRE(f.expires_at.has_value());
  CHECK(*f.expires_at == at("2026-12-05T06:30:00+08:00"));
  CHECK(text_evidence(f, "age") == "5h30m");
  CHECK(integer_evidence(f, "age_seconds") == 19800);
  CHECK(text_evidence(f, "limit") == "1d");
  CHECK(integer_evidence(f, "limit_seconds") == 86400);
}

TEST_CASE("backup.fresh: age equal to max_age passes, one second more fails") {
  SUBCASE("exactly the limit") {
    auto findings = run_check("backup.fresh", backup_plan("2026-12-03T12:00:00+08:00"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].message == "last success 1d ago, limit 1d (max_age)");
    CHECK(*findings[0].expires_at == kAsOf);
  }
  SUBCASE("one second over") {
    auto findings = run_check("backup.fresh", backup_plan("2026-12-03T11:59:59+08:00"), kAsOf);
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.status == Status::Fail);
    CHECK(f.message == "last success 1d1s ago, limit 1d (max_age)");
    CHECK(where(f) == "plan.yaml:18:19");
    CHECK(f.remediation ==
          "Run the backup job for payments-db and check its schedule, then update "
          "backups[].last_success");
    CHECK(integer_evidence(f, "age_seconds") == 86401);
    CHECK_FALSE(f.expires_at.has_value());
  }
}

TEST_CASE("backup.fresh: a stale backup says by how much") {
  auto findings = run_check("backup.fresh", backup_plan("2026-12-03T06:00:00+08:00"), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].message == "last success 1d6h ago, limit 1d (max_age)");
}

TEST_CASE("backup.fresh: twice the schedule is the limit when tighter than max_age") {
  SUBCASE("two hourly runs missed") {
    auto findings =
        run_check("backup.fresh", backup_plan("2026-12-04T09:00:00+08:00", "    schedule: 1h\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "last success 3h ago, limit 2h (2 × schedule 1h)");
    CHECK(text_evidence(findings[0], "limited_by") == "2 × schedule 1h");
  }
  SUBCASE("exactly two schedules") {
    auto findings =
        run_check("backup.fresh", backup_plan("2026-12-04T10:00:00+08:00", "    schedule: 1h\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].message == "last success 2h ago, limit 2h (2 × schedule 1h)");
    CHECK(*findings[0].expires_at == kAsOf);
  }
  SUBCASE("a weekly schedule does not loosen max_age") {
    auto findings =
        run_check("backup.fresh", backup_plan("2026-12-02T12:00:00+08:00", "    schedule: 7d\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "last success 2d ago, limit 1d (max_age)");
  }
}

TEST_CASE("backup.fresh: a backup never recorded as successful fails") {
  auto findings = run_check("backup.fresh", backup_plan(""), kAsOf);
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.status == Status::Fail);
  CHECK(f.message == "no last_success recorded, so its age cannot be known");
  CHECK(where(f) == "plan.yaml:15:5");
  CHECK(f.remediation ==
        "Run the backup job for payments-db-hourly and record its last successful run in "
        "backups[].last_success");
}

TEST_CASE("backup.fresh: a last success after the as-of instant fails") {
  auto findings = run_check("backup.fresh", backup_plan("2026-12-04T13:00:00+08:00"), kAsOf);
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.status == Status::Fail);
  CHECK(f.message ==
        "last success 2026-12-04T13:00:00+08:00 is dated in the future: 1h after the as-of "
        "instant 2026-12-04T12:00:00+08:00");
  CHECK(where(f) == "plan.yaml:18:19");
  CHECK(integer_evidence(f, "age_seconds") == -3600);
}

TEST_CASE("backup.fresh: a bare date is midnight in the go-live time zone") {
  auto findings = run_check("backup.fresh", backup_plan("2026-12-04"), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].message == "last success 12h ago, limit 1d (max_age)");
}

TEST_CASE("backup.fresh: max_age comes from the rule's parameters") {
  SUBCASE("tighter") {
    auto findings = run_check("backup.fresh", backup_plan("2026-12-03T23:00:00+08:00"), kAsOf,
                              {{"max_age", "12h"}});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "last success 13h ago, limit 12h (max_age)");
  }
  SUBCASE("looser") {
    auto findings = run_check("backup.fresh", backup_plan("2026-12-03T06:00:00+08:00"), kAsOf,
                              {{"max_age", "P2D"}});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].message == "last success 1d6h ago, limit 2d (max_age)");
  }
  SUBCASE("not a duration") {
    CHECK_THROWS_WITH_AS(run_check("backup.fresh", backup_plan("2026-12-04"), kAsOf,
                                   {{"max_age", "1 day"}}),
                         "params.max_age: '1 day' is not a duration (expected e.g. 30m, 24h, 7d "
                         "or PT1H)",
                         InputError);
  }
}

TEST_CASE("backup.fresh: one finding per backup, nothing to check without backups") {
  SUBCASE("two backups") {
    Plan plan = plan_from(R"(backups:
  - {id: a, datastore: payments-db, last_success: 2026-12-04T11:00:00+08:00}
  - {id: b, datastore: ledger-db, last_success: 2026-11-01T11:00:00+08:00}
)");
    auto findings = run_check("backup.fresh", plan, kAsOf);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].subject == "backups[a]");
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[1].subject == "backups[b]");
    CHECK(findings[1].status == Status::Fail);
    CHECK(findings[1].message == "last success 33d1h ago, limit 1d (max_age)");
    CHECK(findings[1].remediation ==
          "Run the backup job for ledger-db and check its schedule, then update "
          "backups[].last_success");
  }
  SUBCASE("none") {
    auto findings = run_check("backup.fresh", plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Skip);
    CHECK(findings[0].message == "no backups declared (backups)");
  }
}

TEST_CASE("backup.fresh: in Chinese, durations and instants read as people write them") {
  Speaking zh("zh-CN");
  auto stale = run_check("backup.fresh", backup_plan("2026-12-04T09:00:00+08:00", "    schedule: 1h\n"), kAsOf);
  REQUIRE(stale.size() == 1);
  CHECK(stale[0].message == "最近一次成功备份在 3小时前，上限 2小时（两个备份周期，schedule 为 1小时）");
  // A phrase for people: said in Chinese in the evidence too (its key stays).
  CHECK(text_evidence(stale[0], "limited_by") == "两个备份周期，schedule 为 1小时");
  auto future = run_check("backup.fresh", backup_plan("2026-12-04T13:00:00+08:00"), kAsOf);
  REQUIRE(future.size() == 1);
  CHECK(future[0].message == "最近一次成功备份的时间 2026-12-04 13:00 (UTC+08:00) 在未来：比评估时刻 2026-12-04 12:00 (UTC+08:00) 晚 1小时");
  CHECK(future[0].remediation == "改正 payments-db-hourly 的 backups[].last_success：以备份任务日志中的时间为准，并写明 UTC 偏移");
  auto fresh = run_check("backup.fresh", backup_plan("2026-12-04T06:30:00+08:00"), kAsOf);
  REQUIRE(fresh.size() == 1);
  CHECK(fresh[0].message == "最近一次成功备份在 5小时30分钟前，上限 1天（max_age）");
  CHECK(text_evidence(fresh[0], "limited_by") == "max_age");
}
