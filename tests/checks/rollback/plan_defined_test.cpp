#include <doctest/doctest.h>

#include "tests/checks/findings_support.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {
const Instant kAsOf = at("2026-12-04T12:00:00+08:00");
}  // namespace

TEST_CASE("rollback.plan-defined: strategy, runbook, decision owner and a trigger pass") {
  Plan plan = plan_from(R"(rollback:
  strategy: blue_green
  decision_owner: li.wei
  runbook: "https://wiki.example.com/rollback"
  triggers: [{metric: http_5xx_ratio, op: ">", value: 0.02, for: 5m}]
)");
  auto findings = run_check("rollback.plan-defined", plan, kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].subject == "rollback");
  CHECK(findings[0].message ==
        "blue_green rollback, runbook https://wiki.example.com/rollback, decided by li.wei, 1 trigger");
}

TEST_CASE("rollback.plan-defined: missing parts fail, naming each key") {
  SUBCASE("runbook and triggers") {
    Plan plan = plan_from(R"(rollback:
  strategy: redeploy
  decision_owner: li.wei
)");
    auto findings = run_check("rollback.plan-defined", plan, kAsOf);
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.status == Status::Fail);
    CHECK(f.message == "rollback lacks runbook, triggers");
    CHECK(where(f) == "plan.yaml:13:3");
    CHECK(list_evidence(f, "missing") == std::vector<std::string>{"runbook", "triggers"});
    CHECK(f.remediation ==
          "Set rollback.runbook (a link to the step-by-step procedure); rollback.triggers (at "
          "least one metric, op, value and for)");
  }
  SUBCASE("a trigger without its threshold") {
    Plan plan = plan_from(R"(rollback:
  strategy: redeploy
  decision_owner: li.wei
  runbook: "https://wiki.example.com/rollback"
  triggers:
    - {metric: http_5xx_ratio, op: ">"}
)");
    auto findings = run_check("rollback.plan-defined", plan, kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "triggers[0] has no value");
    CHECK(where(findings[0]) == "plan.yaml:17:7");
  }
  SUBCASE("no rollback section") {
    auto findings = run_check("rollback.plan-defined", plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "no rollback section (rollback)");
  }
}
