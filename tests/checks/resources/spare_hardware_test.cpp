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

/// Two tier-1 systems and a tier-3 one. payments-api has a spare on hand; ledger's only
/// spare (core-switch) must be ordered: its `ledger_rto` line is 18 (empty: no rto), its
/// lead_time is on line 30, column 18 (empty: no lead_time).
Plan spares_plan(const std::string& ledger_rto, const std::string& lead_time) {
  return plan_from(R"(systems:
  - id: payments-api
    tier: 1
    rto: 15m
  - id: ledger
    tier: 1
)" + (ledger_rto.empty() ? "    dr_strategy: warm_standby\n" : "    rto: " + ledger_rto + "\n") +
                   R"(  - id: reporting
    tier: 3
resources:
  spares:
    - component: app-server
      covers: [payments-api]
      on_hand: 2
      location: DC-A rack 12
    - component: core-switch
      covers: [ledger]
      on_hand: 0
)" + (lead_time.empty() ? "" : "      lead_time: " + lead_time + "\n"));
}

}  // namespace

TEST_CASE("resources.spare-hardware: a spare on hand or delivered within the RTO covers") {
  auto findings = run_check("resources.spare-hardware", spares_plan("4h", "4h"), kAsOf);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].subject == "systems[payments-api]");
  CHECK(findings[0].message == "covered by app-server: 2 on hand at DC-A rack 12");
  CHECK(findings[1].status == Status::Pass);
  CHECK(findings[1].subject == "systems[ledger]");
  CHECK(findings[1].message == "covered by core-switch: none on hand, lead time 4h within rto 4h");
}

TEST_CASE("resources.spare-hardware: a lead time one second over the RTO fails") {
  auto findings = run_check("resources.spare-hardware", spares_plan("4h", "4h1s"), kAsOf);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].status == Status::Pass);
  const Finding& f = findings[1];
  CHECK(f.status == Status::Fail);
  CHECK(f.subject == "systems[ledger]");
  CHECK(f.message ==
        "no spare of ledger is on hand and the shortest lead time is 4h1s (core-switch), above "
        "its rto 4h");
  CHECK(where(f) == "plan.yaml:30:18");
  CHECK(f.remediation ==
        "Keep a core-switch on hand for ledger: a replacement that arrives after 4h breaks its rto");
}

TEST_CASE("resources.spare-hardware: a tier-1 system no spare covers fails at its id") {
  Plan plan = plan_from(R"(systems:
  - {id: payments-api, tier: 1, rto: 15m}
  - id: ledger
    tier: 1
resources:
  spares:
    - {component: app-server, covers: [payments-api], on_hand: 1}
)");
  auto findings = run_check("resources.spare-hardware", plan, kAsOf);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].message == "covered by app-server: 1 on hand at an unstated place");
  CHECK(findings[1].status == Status::Fail);
  CHECK(findings[1].message == "no spare covers tier-1 system ledger");
  CHECK(where(findings[1]) == "plan.yaml:14:9");
  CHECK(findings[1].remediation ==
        "List a spare in resources.spares with covers: [ledger] and on_hand ≥ 1, or a lead_time "
        "within its RTO");
}

TEST_CASE("resources.spare-hardware: missing data fails") {
  SUBCASE("no rto to compare the lead time with") {
    auto findings = run_check("resources.spare-hardware", spares_plan("", "4h"), kAsOf);
    REQUIRE(findings.size() == 2);
    CHECK(findings[1].status == Status::Fail);
    CHECK(findings[1].message ==
          "no spare of ledger is on hand and core-switch has a lead time of 4h, but ledger has no "
          "rto to compare it with");
    CHECK(where(findings[1]) == "plan.yaml:16:5");
  }
  SUBCASE("neither on hand nor a lead time") {
    auto findings = run_check("resources.spare-hardware", spares_plan("4h", ""), kAsOf);
    REQUIRE(findings.size() == 2);
    CHECK(findings[1].status == Status::Fail);
    CHECK(findings[1].message ==
          "no spare of ledger is on hand and none has a lead_time (core-switch)");
    CHECK(where(findings[1]) == "plan.yaml:29:16");
  }
  SUBCASE("no spares at all") {
    Plan plan = plan_from(R"(systems:
  - {id: payments-api, tier: 1, rto: 15m}
  - {id: ledger, tier: 1, rto: 1h}
resources:
  load_test: {at: 2026-11-25, multiple_of_peak: 2.0, result: pass}
)");
    auto findings = run_check("resources.spare-hardware", plan, kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].subject == "resources.spares");
    CHECK(findings[0].message ==
          "no spare hardware listed (resources.spares); tier-1 systems without a spare: "
          "payments-api, ledger");
  }
  SUBCASE("no resources section and no tier-1 system") {
    auto findings = run_check("resources.spare-hardware", plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "no spare hardware listed (resources.spares)");
  }
}

TEST_CASE("resources.spare-hardware: the faster of several spares decides") {
  Plan plan = plan_from(R"(systems:
  - {id: ledger, tier: 1, rto: 2h}
resources:
  spares:
    - {component: disk-shelf, covers: [ledger], on_hand: 0, lead_time: 2d}
    - {component: hba-card, covers: [ledger], on_hand: 0, lead_time: 90m}
)");
  auto findings = run_check("resources.spare-hardware", plan, kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].message == "covered by hba-card: none on hand, lead time 1h30m within rto 2h");
}

TEST_CASE("resources.spare-hardware: spares with no tier-1 system pass") {
  Plan plan = plan_from(R"(systems:
  - {id: intranet, tier: 2, rto: 4h}
resources:
  spares:
    - {component: app-server, covers: [intranet], on_hand: 1}
)");
  auto findings = run_check("resources.spare-hardware", plan, kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].subject == "resources.spares");
  CHECK(findings[0].message == "1 spare(s) listed; no tier-1 system to cover");
}

TEST_CASE("resources.spare-hardware: a gate without parameters") {
  const CheckInfo* info = find_check("resources.spare-hardware");
  REQUIRE(info != nullptr);
  CHECK(info->severity == Severity::Gate);
  CHECK(info->category == "resources");
  Params p;
  (void)info->make(p);
  CHECK(p.requested().empty());
}
