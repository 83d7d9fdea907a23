#include <doctest/doctest.h>

#include "tests/checks/findings_support.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {
const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

/// A large upgrade whose pm_group (line 14) is `members`.
Plan pm_plan(const std::string& members) {
  return plan_from("scenarios:\n  large_upgrade:\n    pm_group: " + members + "\n");
}
}  // namespace

TEST_CASE("upgrade.pm-group: one declared contact is enough") {
  SUBCASE("all declared") {
    auto findings = run_check("upgrade.pm-group", pm_plan("[li.wei]"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].subject == "pm_group");
    CHECK(findings[0].message == "project management group: li.wei");
  }
  SUBCASE("one undeclared member is reported, not blocking here") {
    auto findings = run_check("upgrade.pm-group", pm_plan("[li.wei, ghost]"), kAsOf);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].message ==
          "project management group: li.wei (ghost not declared under contacts, see plan.references-valid)");
    CHECK(list_evidence(findings[0], "unresolved") == std::vector<std::string>{"ghost"});
  }
}

TEST_CASE("upgrade.pm-group: no resolvable person fails") {
  SUBCASE("nobody declared") {
    auto findings = run_check("upgrade.pm-group", pm_plan("[ghost]"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "no member of the project management group is a declared contact: ghost");
    CHECK(where(findings[0]) == "plan.yaml:14:16");
  }
  SUBCASE("empty") {
    auto findings = run_check("upgrade.pm-group", pm_plan("[]"), kAsOf);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "no project management group (scenarios.large_upgrade.pm_group)");
    CHECK(findings[0].remediation ==
          "List in scenarios.large_upgrade.pm_group the contact ids of the people who run the upgrade "
          "project (each declared under contacts)");
  }
  SUBCASE("no large upgrade") {
    auto findings = run_check("upgrade.pm-group", plan_from(""), kAsOf);
    CHECK(findings[0].status == Status::Skip);
    CHECK(findings[0].message == "no large upgrade declared (scenarios.large_upgrade)");
  }
}

TEST_CASE("upgrade checks: plan.scenarios lists large-upgrade without scenarios.large_upgrade fails") {
  // A tag the plan states must not skip its gates: the four upgrade checks fail at the tag.
  const Plan plan = plan_from(
      "golive: 1\nplan: {id: t, name: T, owner: li.wei, revised_at: 2026-11-01, scenarios: [large-upgrade]}\n"
      "go_live: {window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}}\n");
  for (const char* id : {"upgrade.pm-group", "upgrade.phased", "upgrade.data-migration", "upgrade.compatibility"}) {
    CAPTURE(id);
    auto findings = run_check(id, plan, kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "plan.scenarios lists large-upgrade but scenarios.large_upgrade is missing");
    CHECK(findings[0].remediation ==
          "Add scenarios.large_upgrade with its project management group, phases, data migration and "
          "compatibility test");
    CHECK(where(findings[0]) == "plan.yaml:2:75");
  }
}
