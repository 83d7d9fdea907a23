#include <doctest/doctest.h>

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
