#include <doctest/doctest.h>

#include "tests/checks/findings_support.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

/// One phase on one line, complete unless `criteria` says otherwise, on 2026-12-05 local.
std::string phase(const std::string& name, const std::string& pct, const std::string& from, const std::string& to,
                  const std::string& criteria = "goals: [g], risks: [r], entry: [e], exit: [x]") {
  return "      - {name: " + name + ", scope_pct: " + pct + ", start: 2026-12-05T" + from +
         "+08:00, end: 2026-12-05T" + to + "+08:00, " + criteria + "}\n";
}

/// A large upgrade with these phases; the first phase is on line 15.
Plan phased_plan(const std::string& phases) {
  return plan_from("scenarios:\n  large_upgrade:\n    phases:\n" + phases);
}

const std::string kCanary = phase("canary", "10", "02:00:00", "03:00:00");
const std::string kRamp = phase("ramp", "50", "03:00:00", "04:00:00");
const std::string kFull = phase("full", "100", "04:00:00", "05:30:00");

}  // namespace

TEST_CASE("upgrade.phased: complete phases one after another, a small first one, pass") {
  auto findings = run_check("upgrade.phased", phased_plan(kCanary + kRamp + kFull), kAsOf);
  REQUIRE(findings.size() == 6);
  CHECK(about(findings, "phases").message == "3 phases, minimum 2 (min_phases)");
  CHECK(about(findings, "phases[canary]").status == Status::Pass);
  CHECK(about(findings, "phases[canary]").message ==
        "phase canary from 2026-12-05T02:00:00+08:00 to 2026-12-05T03:00:00+08:00: 1 goal, 1 risk, 1 entry "
        "and 1 exit criteria");
  CHECK(about(findings, "phases.first").status == Status::Pass);
  CHECK(about(findings, "phases.first").message == "first phase canary reaches 10%, limit 10% (max_first_scope_pct)");
  // A phase may start at the instant the previous one ends.
  CHECK(about(findings, "phases.sequence").status == Status::Pass);
  CHECK(about(findings, "phases.sequence").message == "3 timed phases, none overlapping");
  for (const auto& f : findings) CHECK(f.status == Status::Pass);
}

TEST_CASE("upgrade.phased: a first phase above max_first_scope_pct fails") {
  auto findings = run_check("upgrade.phased", phased_plan(phase("canary", "10.5", "02:00:00", "03:00:00") + kRamp), kAsOf);
  const Finding& f = about(findings, "phases.first");
  CHECK(f.status == Status::Fail);
  CHECK(f.message == "first phase canary reaches 10.5%, limit 10% (max_first_scope_pct)");
  CHECK(where(f) == "plan.yaml:15:35");
  CHECK(f.remediation == "Start with a canary of at most 10% (a new first phase, or a smaller scope_pct for canary)");
}

TEST_CASE("upgrade.phased: a first phase of a tiny positive scope passes, 0 % never reaches the check") {
  auto findings =
      run_check("upgrade.phased", phased_plan(phase("canary", "0.001", "02:00:00", "03:00:00") + kFull), kAsOf);
  const Finding& f = about(findings, "phases.first");
  CHECK(f.status == Status::Pass);
  CHECK(f.message == "first phase canary reaches 0.001%, limit 10% (max_first_scope_pct)");
  // A first phase of 0 % is refused by the loader (tests/engine/plan_loader_test.cpp): it would
  // pass any max_first_scope_pct while reaching no one.
  CHECK(diagnostics_of(std::string(kMinimalPlan) + "scenarios:\n  large_upgrade:\n    phases:\n" +
                       phase("canary", "0", "02:00:00", "03:00:00") + kFull) ==
        "plan.yaml:15:35: error: scenarios.large_upgrade.phases[0].scope_pct: 0 is out of range (more than 0, "
        "at most 100)\n");
}

TEST_CASE("upgrade.phased: the first phase is the one that starts first") {
  auto findings = run_check("upgrade.phased", phased_plan(kFull + kCanary), kAsOf);
  CHECK(about(findings, "phases.first").status == Status::Pass);
  CHECK(text_evidence(about(findings, "phases.first"), "phase") == "canary");
}

TEST_CASE("upgrade.phased: each overlapping pair is reported") {
  SUBCASE("one second of overlap") {
    auto findings =
        run_check("upgrade.phased", phased_plan(kCanary + phase("ramp", "50", "02:59:59", "04:00:00")), kAsOf);
    const Finding& f = about(findings, "phases[canary]/phases[ramp]");
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "phases canary and ramp overlap for 1s, from 2026-12-05T02:59:59+08:00 to 2026-12-05T03:00:00+08:00");
    CHECK(where(f) == "plan.yaml:16:44");
    CHECK(f.remediation == "Start phase ramp at or after 2026-12-05T03:00:00+08:00, when phase canary ends");
    CHECK(integer_evidence(f, "overlap_seconds") == 1);
  }
  SUBCASE("a long phase overlapping two others") {
    auto findings = run_check("upgrade.phased",
                              phased_plan(phase("canary", "5", "02:00:00", "05:00:00") + kRamp + kFull), kAsOf);
    CHECK(about(findings, "phases[canary]/phases[ramp]").message ==
          "phases canary and ramp overlap for 1h, from 2026-12-05T03:00:00+08:00 to 2026-12-05T04:00:00+08:00");
    CHECK(about(findings, "phases[canary]/phases[full]").message ==
          "phases canary and full overlap for 1h, from 2026-12-05T04:00:00+08:00 to 2026-12-05T05:00:00+08:00");
    CHECK(with_status(findings, Status::Fail).size() == 2);
  }
}

TEST_CASE("upgrade.phased: too few or incomplete phases fail") {
  SUBCASE("one phase") {
    auto findings = run_check("upgrade.phased", phased_plan(kCanary), kAsOf);
    CHECK(about(findings, "phases").status == Status::Fail);
    CHECK(about(findings, "phases").message == "1 phase, minimum 2 (min_phases)");
    CHECK(where(about(findings, "phases")) == "plan.yaml:15:7");
  }
  SUBCASE("missing criteria") {
    auto findings = run_check("upgrade.phased",
                              phased_plan(kCanary + phase("ramp", "50", "03:00:00", "04:00:00", "goals: [g], entry: [e]")),
                              kAsOf);
    const Finding& f = about(findings, "phases[ramp]");
    CHECK(f.status == Status::Fail);
    CHECK(f.message == "phase ramp lacks risks, exit");
    CHECK(f.remediation == "Give phase ramp its risks, exit (scenarios.large_upgrade.phases[])");
  }
  SUBCASE("no large upgrade") {
    auto findings = run_check("upgrade.phased", plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Skip);
  }
}

TEST_CASE("upgrade.phased: min_phases and max_first_scope_pct are parameters") {
  auto findings = run_check("upgrade.phased", phased_plan(kCanary + kRamp + kFull), kAsOf,
                            {{"min_phases", "4"}, {"max_first_scope_pct", "5"}});
  CHECK(about(findings, "phases").message == "3 phases, minimum 4 (min_phases)");
  CHECK(about(findings, "phases").status == Status::Fail);
  CHECK(about(findings, "phases.first").message == "first phase canary reaches 10%, limit 5% (max_first_scope_pct)");
  CHECK(about(findings, "phases.first").status == Status::Fail);
}
