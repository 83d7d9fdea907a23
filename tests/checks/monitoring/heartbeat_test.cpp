#include <doctest/doctest.h>

#include "tests/support/speaking.h"
#include "tests/checks/findings_support.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {
const Instant kAsOf = at("2026-12-04T12:00:00+08:00");
}  // namespace

TEST_CASE("monitoring.heartbeat: an alert and a receiver pass") {
  auto findings = run_check(
      "monitoring.heartbeat", plan_from("monitoring:\n  heartbeat: {alert: Watchdog, receiver: deadmans-switch}\n"),
      kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].subject == "heartbeat");
  CHECK(findings[0].message == "dead-man's-switch alert Watchdog goes to receiver \"deadmans-switch\"");
}

TEST_CASE("monitoring.heartbeat: a missing heartbeat, alert or receiver fails") {
  SUBCASE("no receiver") {
    auto findings =
        run_check("monitoring.heartbeat", plan_from("monitoring:\n  heartbeat:\n    alert: Watchdog\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "the dead-man's-switch has no receiver (monitoring.heartbeat.receiver)");
    CHECK(where(findings[0]) == "plan.yaml:14:5");
  }
  SUBCASE("no heartbeat") {
    auto findings = run_check("monitoring.heartbeat", plan_from("monitoring:\n  dashboards: []\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message == "no dead-man's-switch declared (monitoring.heartbeat)");
  }
  SUBCASE("no monitoring") {
    auto findings = run_check("monitoring.heartbeat", plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
  }
  CHECK(find_check("monitoring.heartbeat")->severity == Severity::Warn);
}

TEST_CASE("monitoring.heartbeat: in Chinese") {
  Speaking zh("zh-CN");
  auto pass = run_check(
      "monitoring.heartbeat", plan_from("monitoring:\n  heartbeat: {alert: Watchdog, receiver: deadmans-switch}\n"),
      kAsOf);
  REQUIRE(pass.size() == 1);
  CHECK(pass[0].message == "看门狗告警 Watchdog 发往接收方「deadmans-switch」");
  auto fail = run_check("monitoring.heartbeat", plan_from("monitoring:\n  heartbeat:\n    alert: Watchdog\n"), kAsOf);
  REQUIRE(fail.size() == 1);
  CHECK(fail[0].message == "看门狗告警没有接收方（monitoring.heartbeat.receiver）");
  CHECK(fail[0].remediation == "添加 monitoring.heartbeat，写明 alert（始终触发的告警，例如 Watchdog）和 receiver（接收看门狗告警、告警中断时呼叫值班人员的服务）");
}
