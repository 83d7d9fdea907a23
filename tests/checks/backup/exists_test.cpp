#include <doctest/doctest.h>
#include <fmt/format.h>

#include "tests/support/speaking.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

std::string where(const Finding& f) {
  return fmt::format("{}:{}:{}", f.location.file, f.location.line, f.location.column);
}

// Appended to the minimal plan, whose last line is 11: `systems:` is line 12.
const char* const kTwoStores = R"(systems:
  - id: payments-api
    tier: 1
    datastores: [payments-db, ledger-db]
)";

}  // namespace

TEST_CASE("backup.exists: passes when every datastore has a backup with a location") {
  Plan plan = plan_from(std::string(kTwoStores) + R"(backups:
  - id: payments-db-hourly
    datastore: payments-db
    location: s3://backups/payments-db/latest.dump
  - id: ledger-db-daily
    datastore: ledger-db
    location: file:///srv/backups/ledger/latest.dump
)");
  auto findings = run_check("backup.exists", plan, kAsOf);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].subject == "datastores[payments-db]");
  CHECK(findings[0].message == "backed up by payments-db-hourly at s3://backups/payments-db/latest.dump");
  CHECK(findings[1].status == Status::Pass);
  CHECK(findings[1].subject == "datastores[ledger-db]");
  CHECK(findings[1].message == "backed up by ledger-db-daily at file:///srv/backups/ledger/latest.dump");
  CHECK(findings[0].check == "backup.exists");
  CHECK(findings[0].severity == Severity::Gate);
}

TEST_CASE("backup.exists: a datastore without a backup fails at its name in the system") {
  Plan plan = plan_from(std::string(kTwoStores) + R"(backups:
  - id: payments-db-hourly
    datastore: payments-db
    location: s3://backups/payments-db/latest.dump
)");
  auto findings = run_check("backup.exists", plan, kAsOf);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].status == Status::Pass);
  const Finding& f = findings[1];
  CHECK(f.status == Status::Fail);
  CHECK(f.subject == "datastores[ledger-db]");
  CHECK(f.message == "no backup covers datastore ledger-db of system payments-api");
  CHECK(where(f) == "plan.yaml:15:31");
  CHECK(f.remediation ==
        "Add a backup of ledger-db under backups: with datastore: ledger-db, its schedule and a "
        "location (file://, http(s):// or s3://)");
}

TEST_CASE("backup.exists: a backup without a location fails at the backup") {
  Plan plan = plan_from(std::string(kTwoStores) + R"(backups:
  - id: payments-db-hourly
    datastore: payments-db
    location: s3://backups/payments-db/latest.dump
  - id: ledger-db-daily
    datastore: ledger-db
)");
  auto findings = run_check("backup.exists", plan, kAsOf);
  REQUIRE(findings.size() == 2);
  const Finding& f = findings[1];
  CHECK(f.status == Status::Fail);
  CHECK(f.message == "backup ledger-db-daily has no location");
  CHECK(where(f) == "plan.yaml:20:5");
}

TEST_CASE("backup.exists: a location must name something golive can probe") {
  SUBCASE("s3 needs a bucket and a key") {
    Plan plan = plan_from(R"(systems:
  - id: payments-api
    datastores: [payments-db]
backups:
  - id: payments-db-hourly
    datastore: payments-db
    location: s3://backups
)");
    auto findings = run_check("backup.exists", plan, kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "backup payments-db-hourly: location 's3://backups' does not name a bucket and an "
          "object key (s3://bucket/key)");
    CHECK(where(findings[0]) == "plan.yaml:18:15");
  }
  SUBCASE("http needs a host") {
    Plan plan = plan_from(R"(systems:
  - id: payments-api
    datastores: [payments-db]
backups:
  - {id: payments-db-hourly, datastore: payments-db, location: "https:///payments.dump"}
)");
    auto findings = run_check("backup.exists", plan, kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "backup payments-db-hourly: location 'https:///payments.dump' does not name a host");
  }
  SUBCASE("file needs a path") {
    Plan plan = plan_from(R"(systems:
  - id: payments-api
    datastores: [payments-db]
backups:
  - {id: payments-db-hourly, datastore: payments-db, location: "file://"}
)");
    auto findings = run_check("backup.exists", plan, kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "backup payments-db-hourly: location 'file://' does not name a file "
          "(file:///path/to/dump)");
  }
  SUBCASE("other schemes are refused even when the plan was built without the loader") {
    Plan plan = plan_from(R"(systems:
  - id: payments-api
    datastores: [payments-db]
backups:
  - {id: payments-db-hourly, datastore: payments-db, location: "s3://backups/payments.dump"}
)");
    plan.backups[0].location.value = "ftp://backup:s3cret@example.com/payments.dump";
    auto findings = run_check("backup.exists", plan, kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "backup payments-db-hourly: location 'ftp://***@example.com/payments.dump' uses the "
          "unsupported scheme ftp:// (expected file://, http://, https:// or s3://)");
  }
  SUBCASE("every backup of the datastore must be usable") {
    Plan plan = plan_from(R"(systems:
  - id: payments-api
    datastores: [payments-db]
backups:
  - {id: a, datastore: payments-db, location: "https://dumps.example.com/payments.dump"}
  - {id: b, datastore: payments-db, location: "s3://backups/payments.dump"}
  - {id: c, datastore: payments-db}
)");
    auto findings = run_check("backup.exists", plan, kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "backup c has no location");
    CHECK(findings[0].location.line == 18);
  }
}

TEST_CASE("backup.exists: credentials in a location never reach a message") {
  Plan plan = plan_from(R"(systems:
  - id: payments-api
    datastores: [payments-db]
backups:
  - {id: a, datastore: payments-db, location: "https://backup:s3cret@dumps.example.com/payments.dump"}
  - {id: b, datastore: payments-db, location: "s3://backups/payments.dump"}
)");
  auto findings = run_check("backup.exists", plan, kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].message ==
        "backed up by a, b at https://***@dumps.example.com/payments.dump, s3://backups/payments.dump");
}

TEST_CASE("backup.exists: a backup of the whole system covers each of its datastores") {
  Plan plan = plan_from(std::string(kTwoStores) + R"(backups:
  - {id: payments-full, datastore: payments-api, location: "s3://backups/payments-api/full.tar"}
)");
  auto findings = run_check("backup.exists", plan, kAsOf);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[1].status == Status::Pass);
  CHECK(findings[1].message == "backed up by payments-full at s3://backups/payments-api/full.tar");
}

TEST_CASE("backup.exists: a datastore shared by two systems is one subject") {
  Plan plan = plan_from(R"(systems:
  - {id: payments-api, datastores: [payments-db]}
  - {id: payments-batch, datastores: [payments-db]}
)");
  auto findings = run_check("backup.exists", plan, kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].message == "no backup covers datastore payments-db of system payments-api");
}

TEST_CASE("backup.exists: nothing to check when no system declares a datastore") {
  Plan plan = plan_from(R"(systems:
  - {id: static-site, tier: 3}
)");
  auto findings = run_check("backup.exists", plan, kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Skip);
  CHECK(findings[0].subject == "datastores");
  CHECK(findings[0].message == "no system declares a datastore (systems[].datastores)");
}

TEST_CASE("backup.exists: registered as a live gate without parameters") {
  const CheckInfo* info = find_check("backup.exists");
  REQUIRE(info != nullptr);
  CHECK(info->severity == Severity::Gate);
  CHECK(info->live);
  CHECK(info->category == "backup");
  Params p;
  (void)info->make(p);
  CHECK(p.requested().empty());
}

TEST_CASE("backup.exists: in Chinese") {
  Speaking zh("zh-CN");
  Plan plan = plan_from(std::string(kTwoStores) + R"(backups:
  - id: payments-db-hourly
    datastore: payments-db
    location: s3://backups/payments-db/latest.dump
  - id: ledger-db-daily
    datastore: ledger-db
    location: s3://backups
)");
  auto findings = run_check("backup.exists", plan, kAsOf);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].message == "由 payments-db-hourly 备份，位置：s3://backups/payments-db/latest.dump");
  CHECK(findings[1].message == "备份 ledger-db-daily：location「s3://backups」没有写明存储桶和对象键（s3://bucket/key）");
  CHECK(findings[1].remediation == "为 ledger-db 的每个备份填写最近一次转储的位置：file://、http(s):// 或 s3://bucket/key");
}
