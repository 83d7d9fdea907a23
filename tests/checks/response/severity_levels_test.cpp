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

/// Severity levels written from line 14 on, one `    - {...}` per line.
Plan levels(const std::string& lines) { return plan_from("response:\n  severities:\n" + lines); }

const std::string kSev1 = "    - {level: SEV1, criteria: outage, ack: 5m, update_every: 30m}\n";
const std::string kSev2 = "    - {level: SEV2, criteria: degraded, ack: 30m, update_every: 1h}\n";
const std::string kSev3 = "    - {level: SEV3, criteria: minor, ack: 4h, update_every: 1d}\n";

}  // namespace

TEST_CASE("response.severity-levels: three complete levels with a fast top level pass") {
  auto findings = run_check("response.severity-levels", levels(kSev1 + kSev2 + kSev3), kAsOf);
  REQUIRE(findings.size() == 4);
  CHECK(with_status(findings, Status::Pass).size() == 4);
  CHECK(findings[0].subject == "response.severities");
  CHECK(findings[0].message == "3 severity levels: SEV1, SEV2, SEV3 (minimum 3)");
  CHECK(where(findings[0]) == "plan.yaml:14:5");
  CHECK(findings[1].subject == "response.severities[SEV1]");
  CHECK(findings[1].message == "SEV1: ack 5m (top level, limit 15m), update every 30m");
  CHECK(where(findings[1]) == "plan.yaml:14:44");
  CHECK(findings[2].message == "SEV2: ack 30m, update every 1h");
  CHECK(findings[3].message == "SEV3: ack 4h, update every 1d");
}

TEST_CASE("response.severity-levels: the top level's ack may be 15m, not one second more") {
  SUBCASE("at the limit") {
    auto findings =
        run_check("response.severity-levels",
                  levels("    - {level: SEV1, criteria: outage, ack: 15m, update_every: 30m}\n" +
                         kSev2 + kSev3),
                  kAsOf);
    REQUIRE(findings.size() == 4);
    CHECK(findings[1].status == Status::Pass);
    CHECK(findings[1].message == "SEV1: ack 15m (top level, limit 15m), update every 30m");
  }
  SUBCASE("one second over") {
    auto findings =
        run_check("response.severity-levels",
                  levels("    - {level: SEV1, criteria: outage, ack: 15m1s, update_every: 30m}\n" +
                         kSev2 + kSev3),
                  kAsOf);
    REQUIRE(findings.size() == 4);
    const Finding& f = findings[1];
    CHECK(f.status == Status::Fail);
    CHECK(f.message == "SEV1: the top level's ack is 15m1s, limit 15m");
    CHECK(where(f) == "plan.yaml:14:44");
    CHECK(f.remediation ==
          "Lower response.severities[0].ack of SEV1 to 15m or less: the most severe incidents "
          "must be acknowledged quickly");
  }
  SUBCASE("a slow ack below the top level is allowed") {
    auto findings = run_check("response.severity-levels", levels(kSev1 + kSev3 + kSev2), kAsOf);
    CHECK(with_status(findings, Status::Pass).size() == 4);
  }
}

TEST_CASE("response.severity-levels: fewer than three levels fail") {
  auto findings = run_check("response.severity-levels", levels(kSev1 + kSev2), kAsOf);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].message == "2 severity levels: SEV1, SEV2, minimum 3");
  CHECK(where(findings[0]) == "plan.yaml:14:5");
  CHECK(findings[1].status == Status::Pass);
  CHECK(findings[2].status == Status::Pass);
}

TEST_CASE("response.severity-levels: missing data fails naming the keys") {
  SUBCASE("a level without criteria and update_every") {
    auto findings = run_check("response.severity-levels",
                              levels(kSev1 + "    - {level: SEV2, ack: 30m}\n" + kSev3), kAsOf);
    REQUIRE(findings.size() == 4);
    const Finding& f = findings[2];
    CHECK(f.status == Status::Fail);
    CHECK(f.subject == "response.severities[SEV2]");
    CHECK(f.message == "SEV2: no criteria, no update_every");
    CHECK(where(f) == "plan.yaml:15:7");
    CHECK(f.remediation == "Give SEV2 criteria, update_every in response.severities[1]");
  }
  SUBCASE("a top level without ack") {
    auto findings = run_check(
        "response.severity-levels",
        levels("    - {level: SEV1, criteria: outage, update_every: 30m}\n" + kSev2 + kSev3),
        kAsOf);
    CHECK(findings[1].status == Status::Fail);
    CHECK(findings[1].message == "SEV1: no ack");
  }
  SUBCASE("no severities") {
    auto findings =
        run_check("response.severity-levels", plan_from("response:\n  stages: [report]\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "no severity levels defined (response.severities), minimum 3");
    CHECK(where(findings[0]) == "plan.yaml:13:3");
  }
  SUBCASE("no response section") {
    auto findings = run_check("response.severity-levels", plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(where(findings[0]) == "plan.yaml:1:1");
  }
}

TEST_CASE("response.severity-levels: min_levels and top_ack come from the rule's parameters") {
  SUBCASE("two levels allowed") {
    auto findings =
        run_check("response.severity-levels", levels(kSev1 + kSev2), kAsOf, {{"min_levels", "2"}});
    CHECK(with_status(findings, Status::Pass).size() == 3);
    CHECK(findings[0].message == "2 severity levels: SEV1, SEV2 (minimum 2)");
  }
  SUBCASE("a faster top level required") {
    auto findings = run_check("response.severity-levels", levels(kSev1 + kSev2 + kSev3), kAsOf,
                              {{"top_ack", "4m"}});
    CHECK(findings[1].status == Status::Fail);
    CHECK(findings[1].message == "SEV1: the top level's ack is 5m, limit 4m");
  }
  SUBCASE("not a duration") {
    CHECK_THROWS_WITH_AS(
        run_check("response.severity-levels", levels(kSev1), kAsOf, {{"top_ack", "quick"}}),
        "params.top_ack: 'quick' is not a duration (expected e.g. 30m, 24h, 7d "
        "or PT1H)",
        InputError);
  }
}
