#include <doctest/doctest.h>
#include <fmt/format.h>

#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

std::string where(const Finding& f) {
  return fmt::format("{}:{}:{}", f.location.file, f.location.line, f.location.column);
}

/// Commander zhang.san; escalation entries written from line 15 on, one `    - {...}` each.
Plan chain(const std::string& entries) {
  return plan_from("organization: {commander: zhang.san}\nresponse:\n  escalation:\n" + entries);
}

}  // namespace

TEST_CASE("response.escalation: a chain reaching the commander in time passes") {
  auto findings = run_check("response.escalation",
                            chain("    - {level: 1, target: li.wei, after: 5m}\n"
                                  "    - {level: 2, target: wang.wu, after: 10m}\n"
                                  "    - {level: 3, target: zhang.san, after: 15m}\n"),
                            kAsOf);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].subject == "response.escalation");
  CHECK(findings[0].message == "3 levels: li.wei → wang.wu → zhang.san (minimum 2)");
  CHECK(where(findings[0]) == "plan.yaml:15:5");
  CHECK(findings[1].status == Status::Pass);
  CHECK(findings[1].subject == "response.escalation[commander]");
  CHECK(findings[1].message ==
        "reaches the commander zhang.san at level 3 after 15m (5m + 10m), limit 30m");
  CHECK(where(findings[1]) == "plan.yaml:17:26");
}

TEST_CASE("response.escalation: 30m before the commander passes, one second more fails") {
  SUBCASE("at the limit") {
    auto findings = run_check("response.escalation",
                              chain("    - {level: 1, target: li.wei, after: 10m}\n"
                                    "    - {level: 2, target: wang.wu, after: 20m}\n"
                                    "    - {level: 3, target: zhang.san, after: 1h}\n"),
                              kAsOf);
    REQUIRE(findings.size() == 2);
    CHECK(findings[1].status == Status::Pass);
    CHECK(findings[1].message ==
          "reaches the commander zhang.san at level 3 after 30m (10m + 20m), limit 30m");
  }
  SUBCASE("one second over") {
    auto findings = run_check("response.escalation",
                              chain("    - {level: 1, target: li.wei, after: 10m}\n"
                                    "    - {level: 2, target: wang.wu, after: 20m1s}\n"
                                    "    - {level: 3, target: zhang.san, after: 1h}\n"),
                              kAsOf);
    REQUIRE(findings.size() == 2);
    const Finding& f = findings[1];
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "reaches the commander zhang.san at level 3 after 30m1s (10m + 20m1s), limit 30m");
    CHECK(where(f) == "plan.yaml:17:26");
    CHECK(f.remediation ==
          "Shorten the after of the levels before the commander, or move the commander zhang.san "
          "to an earlier level, so that the commander is paged within 30m");
  }
}

TEST_CASE("response.escalation: levels are ordered by their number, not their position") {
  auto findings = run_check("response.escalation",
                            chain("    - {level: 3, target: zhang.san, after: 15m}\n"
                                  "    - {level: 1, target: li.wei, after: 5m}\n"
                                  "    - {level: 2, target: wang.wu, after: 30m}\n"),
                            kAsOf);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].message == "3 levels: li.wei → wang.wu → zhang.san (minimum 2)");
  CHECK(findings[1].status == Status::Fail);
  CHECK(findings[1].message ==
        "reaches the commander zhang.san at level 3 after 35m (5m + 30m), limit 30m");
  CHECK(where(findings[1]) == "plan.yaml:15:26");
}

TEST_CASE("response.escalation: entries sharing a level wait for the longest after") {
  auto findings = run_check("response.escalation",
                            chain("    - {level: 1, target: li.wei, after: 5m}\n"
                                  "    - {level: 1, target: wang.wu, after: 20m}\n"
                                  "    - {level: 2, target: zhang.san}\n"),
                            kAsOf);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].message == "2 levels: li.wei+wang.wu → zhang.san (minimum 2)");
  CHECK(findings[1].message == "reaches the commander zhang.san at level 2 after 20m, limit 30m");
}

TEST_CASE("response.escalation: a chain without the commander fails") {
  auto findings = run_check("response.escalation",
                            chain("    - {level: 1, target: li.wei, after: 5m}\n"
                                  "    - {level: 2, target: wang.wu, after: 10m}\n"),
                            kAsOf);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[1].status == Status::Fail);
  CHECK(findings[1].message ==
        "the escalation never reaches the commander zhang.san (targets: li.wei, wang.wu)");
  CHECK(where(findings[1]) == "plan.yaml:15:5");
  CHECK(findings[1].remediation ==
        "Add the commander zhang.san as the last level of response.escalation");
}

TEST_CASE("response.escalation: a single level fails even when it is the commander") {
  auto findings = run_check("response.escalation",
                            chain("    - {level: 1, target: zhang.san, after: 5m}\n"), kAsOf);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].message == "1 level: zhang.san, minimum 2");
  CHECK(findings[1].status == Status::Pass);
  CHECK(findings[1].message == "reaches the commander zhang.san at level 1 after 0s, limit 30m");
}

TEST_CASE("response.escalation: missing data fails naming the key") {
  SUBCASE("a level before the commander without after") {
    auto findings = run_check("response.escalation",
                              chain("    - {level: 1, target: li.wei}\n"
                                    "    - {level: 2, target: zhang.san, after: 10m}\n"),
                              kAsOf);
    REQUIRE(findings.size() == 2);
    CHECK(findings[1].status == Status::Fail);
    CHECK(findings[1].message ==
          "level 1 (li.wei) has no after, so the time to reach the commander zhang.san cannot be "
          "known");
    CHECK(where(findings[1]) == "plan.yaml:15:7");
  }
  SUBCASE("an entry without a level") {
    auto findings = run_check("response.escalation",
                              chain("    - {level: 1, target: li.wei, after: 5m}\n"
                                    "    - {target: wang.wu, after: 5m}\n"
                                    "    - {level: 2, target: zhang.san, after: 10m}\n"),
                              kAsOf);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].subject == "response.escalation[1]");
    CHECK(findings[0].message == "escalation entry 1 has no level");
    CHECK(where(findings[0]) == "plan.yaml:16:7");
  }
  SUBCASE("no commander") {
    auto findings = run_check(
        "response.escalation",
        plan_from("response:\n  escalation:\n    - {level: 1, target: li.wei, after: 5m}\n"
                  "    - {level: 2, target: wang.wu, after: 5m}\n"),
        kAsOf);
    REQUIRE(findings.size() == 2);
    CHECK(findings[1].message ==
          "no organization.commander, so the escalation cannot be shown to reach the commander");
  }
  SUBCASE("no escalation") {
    auto findings = run_check("response.escalation", plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "no escalation levels (response.escalation), minimum 2");
    CHECK(where(findings[0]) == "plan.yaml:1:1");
  }
}

TEST_CASE("response.escalation: min_levels and max_time_to_commander come from the rule") {
  const std::string entries =
      "    - {level: 1, target: li.wei, after: 5m}\n"
      "    - {level: 2, target: zhang.san, after: 10m}\n";
  SUBCASE("a tighter time") {
    auto findings = run_check("response.escalation", chain(entries), kAsOf,
                              {{"max_time_to_commander", "4m59s"}});
    CHECK(findings[1].status == Status::Fail);
    CHECK(findings[1].message ==
          "reaches the commander zhang.san at level 2 after 5m, limit 4m59s");
  }
  SUBCASE("more levels") {
    auto findings = run_check("response.escalation", chain(entries), kAsOf, {{"min_levels", "3"}});
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "2 levels: li.wei → zhang.san, minimum 3");
  }
}
