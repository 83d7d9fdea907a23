#include <doctest/doctest.h>

#include "tests/support/speaking.h"
#include "tests/checks/findings_support.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

/// One system of `tier`; rto on line 15 and rpo on line 16 (values at column 10). An empty
/// value leaves the key out.
Plan system_plan(int tier, const std::string& rto, const std::string& rpo) {
  return plan_from("systems:\n  - id: payments-api\n    tier: " + std::to_string(tier) + "\n" +
                   (rto.empty() ? "" : "    rto: " + rto + "\n") + (rpo.empty() ? "" : "    rpo: " + rpo + "\n"));
}

Status status_of(int tier, const std::string& rto, const std::string& rpo) {
  auto findings = run_check("critical.rto-rpo-defined", system_plan(tier, rto, rpo), kAsOf);
  REQUIRE(findings.size() == 1);
  return findings[0].status;
}

}  // namespace

TEST_CASE("critical.rto-rpo-defined: limits per tier, each boundary passes and one second more fails") {
  CHECK(status_of(1, "1h", "15m") == Status::Pass);
  CHECK(status_of(1, "1h1s", "15m") == Status::Fail);
  CHECK(status_of(1, "1h", "15m1s") == Status::Fail);
  CHECK(status_of(2, "4h", "2h") == Status::Pass);
  CHECK(status_of(2, "4h1s", "2h") == Status::Fail);
  CHECK(status_of(2, "4h", "2h1s") == Status::Fail);
  CHECK(status_of(3, "24h", "24h") == Status::Pass);
  CHECK(status_of(3, "24h1s", "24h") == Status::Fail);
  CHECK(status_of(3, "24h", "24h1s") == Status::Fail);
}

TEST_CASE("critical.rto-rpo-defined: messages name the values, limits and parameters") {
  SUBCASE("pass") {
    auto findings = run_check("critical.rto-rpo-defined", system_plan(1, "15m", "5m"), kAsOf);
    CHECK(findings[0].subject == "systems[payments-api]");
    CHECK(findings[0].message == "tier 1: rto 15m within 1h (tier1_max_rto), rpo 5m within 15m (tier1_max_rpo)");
  }
  SUBCASE("fail") {
    auto findings = run_check("critical.rto-rpo-defined", system_plan(2, "4h", "2h1s"), kAsOf);
    const Finding& f = findings[0];
    CHECK(f.message == "tier 2: rto 4h within 4h (tier2_max_rto), rpo 2h1s over the limit 2h (tier2_max_rpo)");
    CHECK(where(f) == "plan.yaml:16:10");
    CHECK(f.remediation ==
          "Bring the rpo of payments-api down to 2h or less (agree it with the business owner, then "
          "prove it in critical.rto-achievable and critical.rpo-achievable)");
    CHECK(text_evidence(f, "max_rpo") == "2h");
  }
}

TEST_CASE("critical.rto-rpo-defined: a missing rto, rpo or tier fails") {
  SUBCASE("no rto") {
    auto findings = run_check("critical.rto-rpo-defined", system_plan(1, "", "5m"), kAsOf);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "tier 1: no rto (systems[].rto), rpo 5m within 15m (tier1_max_rpo)");
    CHECK(where(findings[0]) == "plan.yaml:13:5");
  }
  SUBCASE("no rpo") {
    auto findings = run_check("critical.rto-rpo-defined", system_plan(3, "1h", ""), kAsOf);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "tier 3: rto 1h within 1d (tier3_max_rto), no rpo (systems[].rpo)");
  }
  SUBCASE("no tier") {
    auto findings = run_check("critical.rto-rpo-defined", plan_from("systems:\n  - {id: ledger, rto: 1h, rpo: 1h}\n"), kAsOf);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "system ledger has no tier (systems[].tier), so its RTO and RPO limits are unknown");
  }
  SUBCASE("no systems") {
    auto findings = run_check("critical.rto-rpo-defined", plan_from(""), kAsOf);
    CHECK(findings[0].status == Status::Skip);
  }
}

TEST_CASE("critical.rto-rpo-defined: tier limits are parameters") {
  auto findings = run_check("critical.rto-rpo-defined", system_plan(1, "45m", "5m"), kAsOf, {{"tier1_max_rto", "30m"}});
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].message == "tier 1: rto 45m over the limit 30m (tier1_max_rto), rpo 5m within 15m (tier1_max_rpo)");
  auto tier3 = run_check("critical.rto-rpo-defined", system_plan(3, "48h", "48h"), kAsOf,
                         {{"tier3_max_rto", "2d"}, {"tier3_max_rpo", "2d"}});
  CHECK(tier3[0].status == Status::Pass);
}

TEST_CASE("critical.rto-rpo-defined: in Chinese") {
  Speaking zh("zh-CN");
  auto pass = run_check("critical.rto-rpo-defined", system_plan(1, "15m", "5m"), kAsOf);
  REQUIRE(pass.size() == 1);
  CHECK(pass[0].message == "1 级：rto 为 15分钟，在上限 1小时以内（tier1_max_rto）；rpo 为 5分钟，在上限 15分钟以内（tier1_max_rpo）");
  auto fail = run_check("critical.rto-rpo-defined", system_plan(2, "", "2h1s"), kAsOf);
  REQUIRE(fail.size() == 1);
  CHECK(fail[0].message == "2 级：未填写 rto（systems[].rto）；rpo 为 2小时1秒，超过上限 2小时（tier2_max_rpo）");
  CHECK(fail[0].remediation == "为 payments-api 设置 rto（不超过 4小时）；把 payments-api 的 rpo 降到 2小时以内（与业务负责人商定，再通过 critical.rto-achievable 和 critical.rpo-achievable 验证）");
}

TEST_CASE("critical checks: plan.scenarios lists critical but no system is tier 1 fails") {
  const std::string head =
      "golive: 1\nplan: {id: t, name: T, owner: li.wei, revised_at: 2026-11-01, scenarios: [critical]}\n"
      "go_live: {window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}}\n"
      "contacts: [{id: li.wei}]\n";
  const std::string message =
      "plan.scenarios lists critical but no system is tier 1 (systems[].tier), so no system is held to "
      "the tier-1 limits";
  const std::vector<std::string> ids = {"critical.rto-rpo-defined", "critical.rpo-achievable",
                                        "critical.rto-achievable", "critical.failover-tested"};
  SUBCASE("no systems at all") {
    for (const std::string& id : ids) {
      CAPTURE(id);
      auto findings = run_check(id, plan_from(head), kAsOf);
      REQUIRE(findings.size() == 1);
      CHECK(findings[0].status == Status::Fail);
      CHECK(findings[0].subject == "systems");
      CHECK(findings[0].message == message);
      CHECK(findings[0].remediation ==
            "Mark each business-critical system tier: 1 with its rto, rpo, dr_strategy and tests, or remove "
            "critical from plan.scenarios if no system is business critical");
      CHECK(where(findings[0]) == "plan.yaml:2:75");
    }
  }
  SUBCASE("only tier-2 systems: their own findings stay, and the tag fails") {
    const Plan plan =
        plan_from(head + "systems:\n  - {id: portal, tier: 2, rto: 1h, rpo: 1h, dr_strategy: active_active}\n");
    for (const std::string& id : ids) {
      CAPTURE(id);
      auto findings = run_check(id, plan, kAsOf);
      CHECK(about(findings, "systems").status == Status::Fail);
      CHECK(about(findings, "systems").message == message);
      CHECK(about(findings, "systems[portal]").message != message);
    }
  }
  SUBCASE("one tier-1 system: no such finding") {
    const Plan plan =
        plan_from(head + "systems:\n  - {id: core, tier: 1, rto: 10m, rpo: 1m, dr_strategy: active_active}\n");
    for (const std::string& id : ids) {
      CAPTURE(id);
      for (const Finding& f : run_check(id, plan, kAsOf)) CHECK(f.subject != "systems");
    }
  }
  SUBCASE("not tagged: no systems is still a skip") {
    auto findings = run_check("critical.failover-tested", plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Skip);
  }
}
