#include <doctest/doctest.h>

#include "tests/support/speaking.h"
#include "tests/checks/findings_support.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

/// One backup; `keys` are its extra lines. The first extra line is line 15.
Plan backup_plan(const std::string& keys) {
  return plan_from(R"(backups:
  - id: payments-db-hourly
    datastore: payments-db
)" + keys);
}

}  // namespace

TEST_CASE("backup.isolated: enough copies, offsite or immutable, passes") {
  SUBCASE("offsite and immutable") {
    auto findings = run_check("backup.isolated",
                              backup_plan("    copies: 3\n    offsite: true\n    immutable: true\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].subject == "backups[payments-db-hourly]");
    CHECK(findings[0].message == "3 copies (minimum 2), offsite and immutable");
  }
  SUBCASE("immutable only, exactly min_copies") {
    auto findings = run_check("backup.isolated", backup_plan("    copies: 2\n    immutable: true\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].message == "2 copies (minimum 2), immutable");
    CHECK(integer_evidence(findings[0], "copies") == 2);
  }
}

TEST_CASE("backup.isolated: one copy fewer than min_copies fails") {
  auto findings = run_check("backup.isolated", backup_plan("    copies: 1\n    offsite: true\n"), kAsOf);
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.status == Status::Fail);
  CHECK(f.message == "backup payments-db-hourly: 1 copy, minimum 2 (min_copies)");
  CHECK(where(f) == "plan.yaml:15:13");
  CHECK(f.remediation == "Keep at least 2 copies of payments-db-hourly");
}

TEST_CASE("backup.isolated: copies next to production only fail, unset flags count as false") {
  SUBCASE("explicitly neither") {
    auto findings = run_check("backup.isolated",
                              backup_plan("    copies: 2\n    offsite: false\n    immutable: false\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "backup payments-db-hourly: neither offsite nor immutable");
    CHECK(where(findings[0]) == "plan.yaml:16:14");
    CHECK(findings[0].remediation ==
          "Ship a copy offsite or write it to immutable (object-lock) storage");
  }
  SUBCASE("nothing declared") {
    auto findings = run_check("backup.isolated", backup_plan(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "backup payments-db-hourly: no copies count (backups[].copies); neither offsite nor immutable");
    CHECK(where(findings[0]) == "plan.yaml:13:5");
  }
}

TEST_CASE("backup.isolated: min_copies comes from the rule's parameters, no backups is a skip") {
  SUBCASE("raised") {
    auto findings = run_check("backup.isolated", backup_plan("    copies: 2\n    offsite: true\n"), kAsOf,
                              {{"min_copies", "3"}});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "backup payments-db-hourly: 2 copies, minimum 3 (min_copies)");
  }
  SUBCASE("no backups") {
    auto findings = run_check("backup.isolated", plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Skip);
  }
}

TEST_CASE("backup.isolated: in Chinese") {
  Speaking zh("zh-CN");
  auto pass = run_check("backup.isolated", backup_plan("    copies: 3\n    offsite: true\n    immutable: true\n"), kAsOf);
  REQUIRE(pass.size() == 1);
  CHECK(pass[0].message == "3 份副本（至少 2 份），有异地副本，且不可篡改");
  auto fail = run_check("backup.isolated", backup_plan("    copies: 1\n"), kAsOf);
  REQUIRE(fail.size() == 1);
  CHECK(fail[0].message == "备份 payments-db-hourly：只有 1 份副本，至少需要 2 份（min_copies）；既没有异地副本，也没有不可篡改的副本");
  CHECK(fail[0].remediation == "为 payments-db-hourly 至少保留 2 份副本；把一份副本存放到异地，或写入不可篡改（对象锁定）的存储");
}
