#include <doctest/doctest.h>

#include "tests/support/speaking.h"
#include "tests/checks/findings_support.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

/// A system with a standby failover test dated `tested_at` (line 19, value at column 13).
Plan standby_plan(const std::string& tested_at, int tier = 1, const std::string& strategy = "warm_standby") {
  return plan_from(R"(systems:
  - id: payments-api
    tier: )" + std::to_string(tier) + R"(
    dr_strategy: )" + strategy + R"(
    standby:
      site: dc-b
      failover_test:
        at: )" + tested_at + R"(
        duration: 9m
        result: pass
)");
}

/// The one finding critical.failover-tested gives for a plan with these `systems` lines.
Finding only(const std::string& systems) {
  auto findings = run_check("critical.failover-tested", plan_from("systems:\n" + systems), kAsOf);
  REQUIRE(findings.size() == 1);
  return findings[0];
}

}  // namespace

TEST_CASE("critical.failover-tested: a recent passed failover passes and expires after max_age") {
  auto findings = run_check("critical.failover-tested", standby_plan("2026-10-12"), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].subject == "systems[payments-api]");
  CHECK(findings[0].message == "failover test passed 53d12h ago, limit 365d (max_age)");
  CHECK(*findings[0].expires_at == at("2027-10-12T00:00:00+08:00"));
  CHECK(text_evidence(findings[0], "site") == "dc-b");
}

TEST_CASE("critical.failover-tested: exactly max_age passes, one second more fails") {
  CHECK(run_check("critical.failover-tested", standby_plan("2025-12-04T12:00:00+08:00"), kAsOf)[0].status ==
        Status::Pass);
  auto findings = run_check("critical.failover-tested", standby_plan("2025-12-04T11:59:59+08:00"), kAsOf);
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].message == "failover test passed 365d1s ago, limit 365d (max_age)");
  CHECK(where(findings[0]) == "plan.yaml:19:13");
  CHECK(findings[0].remediation ==
        "Fail payments-api over to its standby site, verify it serves traffic, and record "
        "systems[].standby.failover_test with at, duration and result");
}

TEST_CASE("critical.failover-tested: only tier-1 systems with a standby strategy") {
  SUBCASE("tier 2") {
    auto findings = run_check("critical.failover-tested", standby_plan("2026-10-12", 2), kAsOf);
    CHECK(findings[0].status == Status::Skip);
    CHECK(findings[0].message == "tier 2: failover tests are required of tier-1 systems");
  }
  SUBCASE("backup and restore") {
    auto findings = run_check("critical.failover-tested", standby_plan("2026-10-12", 1, "backup_restore"), kAsOf);
    CHECK(findings[0].status == Status::Skip);
    CHECK(findings[0].message == "backup_restore: no standby to fail over to");
  }
  SUBCASE("pilot light without a test") {
    Plan plan = plan_from("systems:\n  - {id: payments-api, tier: 1, dr_strategy: pilot_light, standby: {site: dc-b}}\n");
    auto findings = run_check("critical.failover-tested", plan, kAsOf);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "tier-1 pilot_light system payments-api has no failover test recorded (systems[].standby.failover_test)");
    CHECK(where(findings[0]) == "plan.yaml:13:68");
  }
}

TEST_CASE("critical.failover-tested: a system without a tier fails, it does not escape the tier-1 gate") {
  const std::string untiered = "  - {id: payments-api, dr_strategy: warm_standby, standby: {site: dc-b}}\n";
  SUBCASE("a standby and no tier") {
    const Finding f = only(untiered);
    CHECK(f.status == Status::Fail);
    CHECK(f.subject == "systems[payments-api]");
    CHECK(f.message == "system payments-api has no tier (systems[].tier), so whether it needs a failover test is unknown");
    CHECK(where(f) == "plan.yaml:13:5");
    CHECK(f.remediation == "Set the tier of payments-api: 1 business critical, 2 important, 3 other");
  }
  SUBCASE("no tier, even with a passed failover test: the tier decides what is required") {
    CHECK(only("  - {id: payments-api, dr_strategy: warm_standby,\n"
               "     standby: {site: dc-b, failover_test: {at: 2026-10-12, duration: 9m, result: pass}}}\n")
              .status == Status::Fail);
  }
  SUBCASE("tier 1 with the same test passes, tier 3 is skipped") {
    CHECK(run_check("critical.failover-tested", standby_plan("2026-10-12", 1), kAsOf)[0].status == Status::Pass);
    const Finding tier3 = run_check("critical.failover-tested", standby_plan("2026-10-12", 3), kAsOf).at(0);
    CHECK(tier3.status == Status::Skip);
    CHECK(tier3.message == "tier 3: failover tests are required of tier-1 systems");
  }
  SUBCASE("in Chinese") {
    Speaking zh("zh-CN");
    const Finding f = only(untiered);
    CHECK(f.message == "系统 payments-api 未填写级别（systems[].tier），无法确定是否需要切换测试");
    CHECK(f.remediation == "为 payments-api 设置级别：1 关键业务，2 重要，3 其他");
  }
}

TEST_CASE("critical.failover-tested: a tier-1 system without a dr_strategy fails, it does not pass as having no standby") {
  const std::string no_strategy = "  - {id: payments-api, tier: 1, standby: {site: dc-b}}\n";
  SUBCASE("tier 1 and no dr_strategy") {
    const Finding f = only(no_strategy);
    CHECK(f.status == Status::Fail);
    CHECK(f.subject == "systems[payments-api]");
    CHECK(f.message ==
          "system payments-api has no dr_strategy (systems[].dr_strategy), so whether it needs a failover test is unknown");
    CHECK(where(f) == "plan.yaml:13:5");
    CHECK(f.remediation ==
          "Set dr_strategy of payments-api: backup_restore, pilot_light, warm_standby or active_active");
  }
  SUBCASE("the remediation is critical.rpo-achievable's for the same system") {
    const Finding rpo =
        run_check("critical.rpo-achievable", plan_from("systems:\n" + no_strategy), kAsOf).at(0);
    CHECK(rpo.status == Status::Fail);
    CHECK(rpo.remediation == only(no_strategy).remediation);
  }
  SUBCASE("no dr_strategy, even with a passed failover test: the strategy decides what is required") {
    CHECK(only("  - {id: payments-api, tier: 1,\n"
               "     standby: {site: dc-b, failover_test: {at: 2026-10-12, duration: 9m, result: pass}}}\n")
              .status == Status::Fail);
  }
  SUBCASE("tier 2 without a dr_strategy is still skipped, for its tier") {
    const Finding f = only("  - {id: reports, tier: 2}\n");
    CHECK(f.status == Status::Skip);
    CHECK(f.message == "tier 2: failover tests are required of tier-1 systems");
  }
  SUBCASE("neither tier nor dr_strategy: the tier is asked for first") {
    const Finding f = only("  - {id: payments-api}\n");
    CHECK(f.status == Status::Fail);
    CHECK(f.message == "system payments-api has no tier (systems[].tier), so whether it needs a failover test is unknown");
  }
  SUBCASE("with a strategy the tier-1 system is judged as before") {
    CHECK(run_check("critical.failover-tested", standby_plan("2026-10-12", 1, "active_active"), kAsOf)[0].status ==
          Status::Pass);
    const Finding skip = run_check("critical.failover-tested", standby_plan("2026-10-12", 1, "backup_restore"), kAsOf).at(0);
    CHECK(skip.status == Status::Skip);
    CHECK(skip.message == "backup_restore: no standby to fail over to");
  }
  SUBCASE("in Chinese") {
    Speaking zh("zh-CN");
    const Finding f = only(no_strategy);
    CHECK(f.message == "系统 payments-api 未填写 dr_strategy（systems[].dr_strategy），无法确定是否需要切换测试");
    CHECK(f.remediation == "为 payments-api 设置 dr_strategy：backup_restore、pilot_light、warm_standby 或 active_active");
  }
}

TEST_CASE("critical.failover-tested: max_age is a parameter") {
  auto findings = run_check("critical.failover-tested", standby_plan("2026-10-12"), kAsOf, {{"max_age", "30d"}});
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].message == "failover test passed 53d12h ago, limit 30d (max_age)");
}

TEST_CASE("critical.failover-tested: in Chinese") {
  Speaking zh("zh-CN");
  auto pass = run_check("critical.failover-tested", standby_plan("2026-10-12"), kAsOf);
  REQUIRE(pass.size() == 1);
  CHECK(pass[0].message == "切换测试于 53天12小时前通过，上限 365天（max_age）");
  auto skip = run_check("critical.failover-tested", standby_plan("2026-10-12", 2), kAsOf);
  REQUIRE(skip.size() == 1);
  CHECK(skip[0].message == "2 级系统：只要求 1 级系统做切换测试");
}
