#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

std::string where(const Finding& f) {
  return fmt::format("{}:{}:{}", f.location.file, f.location.line, f.location.column);
}

/// A plan using every kind of reference of SPEC §2 once or more (32 in all), every one
/// resolving. The tests below name positions in this text (line 1 is `golive: 1`).
const std::string kPlan = R"(golive: 1
plan:
  id: p
  name: P
  owner: li.wei
  revised_at: 2026-11-01
  approvals:
    - {role: commander, by: zhang.san, at: 2026-11-20}
go_live:
  window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}
  timezone: Asia/Shanghai
  checkpoints:
    - {name: go/no-go, at: 2026-12-05T03:30:00+08:00, owner: zhang.san}
contacts:
  - {id: li.wei, name: Li Wei, phone: "+8613800000003", email: li.wei@example.com, timezone: Asia/Shanghai}
  - {id: zhang.san, name: 张三, phone: "+8613800000001", email: zhang.san@example.com, timezone: Asia/Shanghai}
  - {id: wang.wu, name: 王五, phone: "+8613800000002", email: wang.wu@example.com, timezone: Asia/Shanghai}
organization:
  commander: zhang.san
  deputy: wang.wu
  roles: {ops_lead: li.wei, comms_lead: wang.wu, scribe: li.wei}
  working_group: [li.wei, wang.wu]
  departments:
    - {name: DBA, lead: li.wei}
response:
  severities:
    - {level: SEV1, criteria: down, ack: 5m, page: [commander, ops_lead, li.wei], update_every: 30m}
  escalation:
    - {level: 1, target: li.wei, after: 5m}
    - {level: 2, target: zhang.san, after: 10m}
  comms: {channel: "#golive", owner: wang.wu, update_every: 30m}
  review: {due: 5d, owner: li.wei}
systems:
  - {id: payments-api, tier: 1, datastores: [payments-db]}
backups:
  - {id: payments-db-hourly, datastore: payments-db}
rollback:
  decision_owner: zhang.san
oncall:
  shifts:
    - {who: li.wei, level: primary, from: 2026-12-05T00:00:00+08:00, to: 2026-12-06T00:00:00+08:00}
    - {who: wang.wu, level: backup, from: 2026-12-05T00:00:00+08:00, to: 2026-12-06T00:00:00+08:00}
training:
  - {topic: plan, at: 2026-11-15, attendees: [zhang.san, wang.wu]}
resources:
  spares:
    - {component: app-server, covers: [payments-api], on_hand: 1}
scenarios:
  large_upgrade:
    pm_group: [li.wei]
    data_migration: {pre_backup: payments-db-hourly}
  cross_border:
    regions:
      - {code: SG, timezone: Asia/Singapore, responsible: wang.wu}
  new_technology:
    - {component: TiDB, risk_assessment: {owner: li.wei, residual: low}, trained: [li.wei]}
vendors:
  - {id: acme, covers: [payments-db, payments-api]}
)";

/// kPlan with each `from` replaced by its `to` (each must occur exactly once).
Plan with(const std::vector<std::pair<std::string, std::string>>& edits) {
  std::string text = kPlan;
  for (const auto& [from, to] : edits) {
    size_t pos = text.find(from);
    REQUIRE_MESSAGE(pos != std::string::npos, from);
    REQUIRE_MESSAGE(text.find(from, pos + 1) == std::string::npos, from);
    text.replace(pos, from.size(), to);
  }
  return plan_from(text);
}

}  // namespace

TEST_CASE("plan.references-valid: a plan whose references all resolve passes once") {
  auto findings = run_check("plan.references-valid", plan_from(kPlan), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].subject == "plan");
  CHECK(findings[0].message == "all 32 references resolve");
  CHECK(where(findings[0]) == "plan.yaml:1:1");
}

TEST_CASE("plan.references-valid: one failure per unresolved reference, where it is written") {
  auto findings = run_check(
      "plan.references-valid",
      with({{"  owner: li.wei\n", "  owner: li.wie\n"},
            {"scribe: li.wei}", "scribe: sun.qi}"},
            {"target: zhang.san", "target: zhang.sna"},
            {"page: [commander, ops_lead, li.wei]", "page: [commander, ops_laed, li.wei]"},
            {"datastore: payments-db}", "datastore: payments-dbb}"},
            {"covers: [payments-api]", "covers: [payment-api]"},
            {"pre_backup: payments-db-hourly", "pre_backup: payments-db-daily"},
            {"responsible: wang.wu", "responsible: tan.wei"},
            {"trained: [li.wei]", "trained: [li.wei, chen.ba]"},
            {"covers: [payments-db, payments-api]", "covers: [payments-db, ledger-db]"}}),
      kAsOf);
  REQUIRE(findings.size() == 10);
  CHECK(with_status(findings, Status::Fail).size() == 10);

  CHECK(findings[0].subject == "plan.owner");
  CHECK(findings[0].message == "plan.owner: 'li.wie' is not a contact id (did you mean 'li.wei'?)");
  CHECK(where(findings[0]) == "plan.yaml:5:10");
  CHECK(findings[0].remediation ==
        "Change plan.owner to li.wei, or add a contact with id li.wie to contacts");

  CHECK(findings[1].message == "organization.roles.scribe: 'sun.qi' is not a contact id");
  CHECK(where(findings[1]) == "plan.yaml:21:58");
  CHECK(findings[1].remediation ==
        "Correct organization.roles.scribe, or add a contact with id sun.qi to contacts");

  CHECK(findings[2].subject == "response.severities[0].page[1]");
  CHECK(findings[2].message ==
        "response.severities[0].page[1]: 'ops_laed' is not a role or a contact id (did you mean "
        "'ops_lead'?)");
  CHECK(where(findings[2]) == "plan.yaml:27:64");

  CHECK(findings[3].message ==
        "response.escalation[1].target: 'zhang.sna' is not a contact id (did you mean "
        "'zhang.san'?)");
  CHECK(where(findings[3]) == "plan.yaml:30:26");

  CHECK(findings[4].message ==
        "backups[0].datastore: 'payments-dbb' is not a datastore or a system id (did you mean "
        "'payments-db'?)");
  CHECK(findings[4].remediation ==
        "Change backups[0].datastore to payments-db, or list payments-dbb in the datastores of "
        "the system that owns it");

  CHECK(findings[5].message ==
        "resources.spares[0].covers[0]: 'payment-api' is not a system id (did you mean "
        "'payments-api'?)");
  CHECK(where(findings[5]) == "plan.yaml:47:40");

  CHECK(findings[6].message ==
        "scenarios.large_upgrade.data_migration.pre_backup: 'payments-db-daily' is not a backup "
        "id");
  CHECK(findings[6].remediation ==
        "Correct scenarios.large_upgrade.data_migration.pre_backup, or add a backup with id "
        "payments-db-daily to backups");

  CHECK(findings[7].message ==
        "scenarios.cross_border.regions[0].responsible: 'tan.wei' is not a contact id");
  CHECK(findings[8].message ==
        "scenarios.new_technology[0].trained[1]: 'chen.ba' is not a contact id");
  CHECK(findings[9].message ==
        "vendors[0].covers[1]: 'ledger-db' is not a datastore or a system id");
  CHECK(where(findings[9]) == "plan.yaml:58:38");
}

TEST_CASE("plan.references-valid: every contact field of SPEC §2 is resolved") {
  // One typo per field, each a distance of one from a declared id.
  const std::vector<std::tuple<std::string, std::string, std::string>> cases = {
      {"by: zhang.san, at: 2026-11-20", "by: zhang.sab, at: 2026-11-20", "plan.approvals[0].by"},
      {"owner: zhang.san}", "owner: zhang.sab}", "go_live.checkpoints[0].owner"},
      {"commander: zhang.san", "commander: zhang.sab", "organization.commander"},
      {"deputy: wang.wu", "deputy: wang.wuu", "organization.deputy"},
      {"ops_lead: li.wei", "ops_lead: li.wel", "organization.roles.ops_lead"},
      {"working_group: [li.wei, wang.wu]", "working_group: [li.wei, wang.wuu]",
       "organization.working_group[1]"},
      {"{name: DBA, lead: li.wei}", "{name: DBA, lead: li.wel}",
       "organization.departments[0].lead"},
      {"owner: wang.wu, update_every", "owner: wang.wuu, update_every", "response.comms.owner"},
      {"owner: li.wei}\nsystems", "owner: li.wel}\nsystems", "response.review.owner"},
      {"decision_owner: zhang.san", "decision_owner: zhang.sab", "rollback.decision_owner"},
      {"who: wang.wu", "who: wang.wuu", "oncall.shifts[1].who"},
      {"attendees: [zhang.san, wang.wu]", "attendees: [zhang.sab, wang.wu]",
       "training[0].attendees[0]"},
      {"pm_group: [li.wei]", "pm_group: [li.wel]", "scenarios.large_upgrade.pm_group[0]"},
      {"owner: li.wei, residual", "owner: li.wel, residual",
       "scenarios.new_technology[0].risk_assessment.owner"},
  };
  for (const auto& [from, to, path] : cases) {
    CAPTURE(path);
    auto findings = run_check("plan.references-valid", with({{from, to}}), kAsOf);
    auto failed = with_status(findings, Status::Fail);
    REQUIRE(failed.size() == 1);
    CHECK(failed[0].subject == path);
    CHECK(failed[0].message.rfind(path + ": '", 0) == 0);
    CHECK(failed[0].message.find("is not a contact id (did you mean '") != std::string::npos);
  }
}

TEST_CASE("plan.references-valid: a paged role must be held by somebody") {
  SUBCASE("no backup shift") {
    auto findings = run_check(
        "plan.references-valid",
        with(
            {{"page: [commander, ops_lead, li.wei]", "page: [commander, ops_lead, li.wei, backup]"},
             {"    - {who: wang.wu, level: backup, from: 2026-12-05T00:00:00+08:00, to: "
              "2026-12-06T00:00:00+08:00}\n",
              ""}}),
        kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].subject == "response.severities[0].page[3]");
    CHECK(findings[0].message ==
          "response.severities[0].page[3]: role backup is paged but nobody holds it (no oncall "
          "shift has level backup)");
    CHECK(where(findings[0]) == "plan.yaml:27:82");
  }
  SUBCASE("no scribe") {
    auto findings = run_check("plan.references-valid",
                              with({{"page: [commander, ops_lead, li.wei]", "page: [scribe]"},
                                    {", scribe: li.wei}", "}"}}),
                              kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message ==
          "response.severities[0].page[0]: role scribe is paged but nobody holds it "
          "(organization.roles.scribe is not set)");
  }
  SUBCASE("a held role and a contact id resolve") {
    auto findings = run_check("plan.references-valid",
                              with({{"page: [commander, ops_lead, li.wei]",
                                     "page: [commander, deputy, primary, backup, zhang.san]"}}),
                              kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].message == "all 34 references resolve");
  }
}

TEST_CASE("plan.references-valid: a system id is accepted where a datastore may be named") {
  auto findings = run_check("plan.references-valid",
                            with({{"datastore: payments-db}", "datastore: payments-api}"}}), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
}

TEST_CASE("plan.references-valid: a plan with only the required owner has one reference") {
  auto findings = run_check("plan.references-valid", plan_from(""), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].message == "the only reference resolves");
}

TEST_CASE("plan.references-valid: takes no parameters") {
  const CheckInfo* info = find_check("plan.references-valid");
  REQUIRE(info != nullptr);
  Params p;
  info->make(p);
  CHECK(p.requested().empty());
}
