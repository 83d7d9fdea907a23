#include <doctest/doctest.h>

#include "tests/checks/findings_support.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

/// A whole plan: rollback.duration on line 6 (value at column 13), verification on line 7,
/// rollback.tested on line 8 (its duration value at column 22), then the window
/// 2026-12-05 02:00 → 06:00 Asia/Shanghai and the given checkpoint lines.
Plan rollback_plan(const std::string& duration, const std::string& verification = "30m",
                   const std::string& checkpoints = "", const std::string& tested = "20m",
                   const std::string& window = "{start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}",
                   const std::string& zone = "Asia/Shanghai") {
  return plan_from(R"(golive: 1
plan: {id: test-plan, name: Test plan, owner: li.wei, revised_at: 2026-11-01}
contacts:
  - {id: li.wei, name: Li Wei, phone: "+8613800000003", email: li.wei@example.com, timezone: Asia/Shanghai}
rollback:
  duration: )" + duration + R"(
  verification: )" + verification + R"(
  tested: {duration: )" + tested + R"(, result: pass}
go_live:
  window: )" + window + R"(
  timezone: )" + zone + "\n" +
                   (checkpoints.empty() ? "" : "  checkpoints:\n" + checkpoints));
}

const char* const kTwoCheckpoints =
    "    - {name: final go/no-go, at: 2026-12-05T03:20:00+08:00}\n"
    "    - {name: canary health, at: 2026-12-05T02:40:00+08:00}\n";

}  // namespace

TEST_CASE("rollback.fits-window: without checkpoints the rollback starts at window start") {
  SUBCASE("ending exactly at window end passes") {
    auto findings = run_check("rollback.fits-window", rollback_plan("3h30m"), kAsOf);
    const Finding& f = about(findings, "rollback");
    CHECK(f.status == Status::Pass);
    CHECK(f.message ==
          "rollback from window start at 2026-12-05T02:00:00+08:00: 3h30m + 30m verification, done "
          "at 2026-12-05T06:00:00+08:00, exactly at window end 2026-12-05T06:00:00+08:00");
    CHECK(text_evidence(f, "finish_at_utc") == "2026-12-04T22:00:00Z");
    CHECK(text_evidence(f, "finish_at") == "2026-12-05T06:00:00+08:00");
    CHECK(text_evidence(f, "window_end_utc") == "2026-12-04T22:00:00Z");
    CHECK(text_evidence(f, "window_end") == "2026-12-05T06:00:00+08:00");
    CHECK(integer_evidence(f, "margin_seconds") == 0);
  }
  SUBCASE("one second longer fails") {
    auto findings = run_check("rollback.fits-window", rollback_plan("3h30m1s"), kAsOf);
    const Finding& f = about(findings, "rollback");
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "rollback from window start at 2026-12-05T02:00:00+08:00: 3h30m1s + 30m verification, "
          "done at 2026-12-05T06:00:01+08:00, 1s after window end 2026-12-05T06:00:00+08:00");
    CHECK(where(f) == "plan.yaml:6:13");
    CHECK(f.remediation ==
          "Make the rollback 1s shorter, hold the last go/no-go by 2026-12-05T01:59:59+08:00 at "
          "the latest, or extend go_live.window.end");
    CHECK(integer_evidence(f, "margin_seconds") == -1);
  }
}

TEST_CASE("rollback.fits-window: with checkpoints the rollback starts at the last one") {
  SUBCASE("the latest checkpoint counts, whatever the order written") {
    auto findings = run_check("rollback.fits-window", rollback_plan("25m", "10m", kTwoCheckpoints), kAsOf);
    const Finding& f = about(findings, "rollback");
    CHECK(f.status == Status::Pass);
    CHECK(f.message ==
          "rollback from the last checkpoint 'final go/no-go' at 2026-12-05T03:20:00+08:00: 25m + "
          "10m verification, done at 2026-12-05T03:55:00+08:00, 2h5m before window end "
          "2026-12-05T06:00:00+08:00");
    CHECK(text_evidence(f, "start_from") == "the last checkpoint 'final go/no-go'");
  }
  SUBCASE("ending exactly at window end passes") {
    auto findings = run_check("rollback.fits-window",
                              rollback_plan("25m", "10m", "    - {name: go/no-go, at: 2026-12-05T05:25:00+08:00}\n"),
                              kAsOf);
    CHECK(about(findings, "rollback").status == Status::Pass);
    CHECK(integer_evidence(about(findings, "rollback"), "margin_seconds") == 0);
  }
  SUBCASE("one second later fails") {
    auto findings = run_check("rollback.fits-window",
                              rollback_plan("25m", "10m", "    - {name: go/no-go, at: 2026-12-05T05:25:01+08:00}\n"),
                              kAsOf);
    const Finding& f = about(findings, "rollback");
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "rollback from the last checkpoint 'go/no-go' at 2026-12-05T05:25:01+08:00: 25m + 10m "
          "verification, done at 2026-12-05T06:00:01+08:00, 1s after window end "
          "2026-12-05T06:00:00+08:00");
    CHECK(f.remediation ==
          "Make the rollback 1s shorter, hold the last go/no-go by 2026-12-05T05:25:00+08:00 at "
          "the latest, or extend go_live.window.end");
  }
  SUBCASE("a checkpoint before the window does not start the rollback earlier") {
    auto findings = run_check("rollback.fits-window",
                              rollback_plan("3h30m1s", "30m", "    - {name: prep, at: 2026-12-05T01:00:00+08:00}\n"),
                              kAsOf);
    const Finding& f = about(findings, "rollback");
    CHECK(f.status == Status::Fail);
    CHECK(text_evidence(f, "start_from") == "window start");
  }
}

TEST_CASE("rollback.fits-window: instants are exact across a daylight-saving change") {
  // New York falls back at 02:00 EDT on 2026-11-01: 00:30 EDT + 2h is 01:30 EST, which a
  // wall-clock sum (02:30) would put after the window end.
  auto findings = run_check(
      "rollback.fits-window",
      rollback_plan("1h30m", "30m", "", "20m", "{start: 2026-11-01T00:30:00-04:00, end: 2026-11-01T01:30:00-05:00}",
                    "America/New_York"),
      at("2026-10-30T12:00:00Z"));
  const Finding& f = about(findings, "rollback");
  CHECK(f.status == Status::Pass);
  CHECK(f.message ==
        "rollback from window start at 2026-11-01T00:30:00-04:00: 1h30m + 30m verification, done "
        "at 2026-11-01T01:30:00-05:00, exactly at window end 2026-11-01T01:30:00-05:00");
}

TEST_CASE("rollback.fits-window: the rehearsed duration must not exceed the planned one") {
  SUBCASE("equal passes") {
    auto findings = run_check("rollback.fits-window", rollback_plan("25m", "10m", "", "25m"), kAsOf);
    const Finding& f = about(findings, "rollback.tested");
    CHECK(f.status == Status::Pass);
    CHECK(f.message == "rehearsed rollback took 25m, within the planned 25m");
  }
  SUBCASE("one second more fails") {
    auto findings = run_check("rollback.fits-window", rollback_plan("25m", "10m", "", "25m1s"), kAsOf);
    const Finding& f = about(findings, "rollback.tested");
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "rehearsed rollback took 25m1s, longer than the planned 25m: the window computation is "
          "optimistic");
    CHECK(where(f) == "plan.yaml:8:22");
    CHECK(integer_evidence(f, "measured_seconds") == 1501);
  }
}

TEST_CASE("rollback.fits-window: missing data fails naming the key") {
  SUBCASE("no rollback section") {
    auto findings = run_check("rollback.fits-window", plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "no rollback section, so its duration is unknown (rollback)");
  }
  SUBCASE("no verification time, no rehearsal") {
    Plan plan = plan_from("rollback:\n  duration: 25m\n");
    auto findings = run_check("rollback.fits-window", plan, kAsOf);
    REQUIRE(findings.size() == 2);
    CHECK(about(findings, "rollback").status == Status::Fail);
    CHECK(about(findings, "rollback").message ==
          "no verification time (rollback.verification), so the end of a rollback cannot be computed");
    CHECK(where(about(findings, "rollback")) == "plan.yaml:13:3");
    CHECK(about(findings, "rollback.tested").status == Status::Fail);
    CHECK(about(findings, "rollback.tested").message ==
          "no measured rollback duration (rollback.tested.duration) to confirm the planned 25m");
  }
  SUBCASE("no duration") {
    Plan plan = plan_from("rollback:\n  verification: 10m\n  tested: {duration: 20m, result: pass}\n");
    auto findings = run_check("rollback.fits-window", plan, kAsOf);
    CHECK(about(findings, "rollback").message ==
          "no rollback duration (rollback.duration), so the end of a rollback cannot be computed");
    CHECK(about(findings, "rollback.tested").message ==
          "no planned rollback.duration to compare the measured 20m with");
  }
}
