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

/// Commander zhang.san (line 16), deputy wang.wu (line 17), working group li.wei and chen.ba
/// (line 18, at columns 19 and 27); `training` lines from line 20 on.
Plan trained(const std::string& training,
             const std::string& group = "  working_group: [li.wei, chen.ba]\n") {
  return plan_from(R"(golive: 1
plan:
  id: p
  name: P
  owner: li.wei
  revised_at: 2026-11-01
go_live:
  window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}
  timezone: Asia/Shanghai
contacts:
  - {id: li.wei, phone: "+8613800000003"}
  - {id: zhang.san, phone: "+8613800000001"}
  - {id: wang.wu, phone: "+8613800000002"}
  - {id: chen.ba, phone: "+8613800000008"}
organization:
  commander: zhang.san
  deputy: wang.wu
)" + group + (training.empty() ? "" : "training:\n" + training));
}

const std::string kEveryone =
    "  - {topic: plan, at: 2026-11-15, attendees: [zhang.san, wang.wu, li.wei, chen.ba]}\n";

}  // namespace

TEST_CASE("staffing.trained: everyone trained recently passes, each pass expiring") {
  auto findings = run_check("staffing.trained", trained(kEveryone), kAsOf);
  REQUIRE(findings.size() == 4);
  CHECK(with_status(findings, Status::Pass).size() == 4);
  const Finding& f = findings[0];
  CHECK(f.subject == "training[zhang.san]");
  CHECK(f.message == "zhang.san (commander) trained 19d12h ago (plan), limit 365d");
  CHECK(where(f) == "plan.yaml:20:47");
  REQUIRE(f.expires_at.has_value());
  CHECK(*f.expires_at == at("2027-11-15T00:00:00+08:00"));
  CHECK(findings[1].message == "wang.wu (deputy) trained 19d12h ago (plan), limit 365d");
  CHECK(findings[2].message == "li.wei (working group) trained 19d12h ago (plan), limit 365d");
  CHECK(findings[3].subject == "training[chen.ba]");
}

TEST_CASE("staffing.trained: 365 days passes, one second more fails") {
  SUBCASE("at the limit") {
    auto findings = run_check(
        "staffing.trained",
        trained("  - {topic: plan, at: 2025-12-04T12:00:00+08:00, attendees: [zhang.san]}\n"),
        kAsOf);
    REQUIRE(findings.size() == 4);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].message == "zhang.san (commander) trained 365d ago (plan), limit 365d");
    CHECK(*findings[0].expires_at == kAsOf);
  }
  SUBCASE("one second over") {
    auto findings = run_check(
        "staffing.trained",
        trained("  - {topic: plan, at: 2025-12-04T11:59:59+08:00, attendees: [zhang.san]}\n"),
        kAsOf);
    REQUIRE(findings.size() == 4);
    const Finding& f = findings[0];
    CHECK(f.status == Status::Fail);
    CHECK(f.message == "zhang.san (commander) last trained 365d1s ago (plan), limit 365d");
    CHECK(where(f) == "plan.yaml:16:14");
    CHECK(f.remediation ==
          "Refresh the training of zhang.san on the emergency plan and record it in training[]");
    CHECK_FALSE(f.expires_at.has_value());
  }
}

TEST_CASE("staffing.trained: who is missing is named where the plan names them") {
  auto findings = run_check(
      "staffing.trained",
      trained("  - {topic: plan, at: 2026-11-15, attendees: [zhang.san, wang.wu, li.wei]}\n"),
      kAsOf);
  REQUIRE(findings.size() == 4);
  auto failed = with_status(findings, Status::Fail);
  REQUIRE(failed.size() == 1);
  CHECK(failed[0].subject == "training[chen.ba]");
  CHECK(failed[0].message == "chen.ba (working group) has attended no training");
  CHECK(where(failed[0]) == "plan.yaml:18:27");
  CHECK(failed[0].remediation ==
        "Train chen.ba on the emergency plan and list them in training[].attendees");
}

TEST_CASE("staffing.trained: the latest attended training counts, planned ones do not") {
  SUBCASE("an old and a recent training") {
    auto findings =
        run_check("staffing.trained",
                  trained("  - {topic: kickoff, at: 2024-01-10, attendees: [zhang.san]}\n"
                          "  - {topic: refresher, at: 2026-12-01, attendees: [zhang.san]}\n"
                          "  - {topic: intro, at: 2025-06-01, attendees: [zhang.san]}\n"),
                  kAsOf);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].message == "zhang.san (commander) trained 3d12h ago (refresher), limit 365d");
  }
  SUBCASE("only a training after the as-of instant") {
    auto findings =
        run_check("staffing.trained",
                  trained("  - {topic: dry run, at: 2026-12-10, attendees: [zhang.san]}\n"), kAsOf);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "zhang.san (commander) has not attended a training yet: the next one (dry run) is on "
          "2026-12-10T00:00:00+08:00, after the as-of instant");
  }
}

TEST_CASE("staffing.trained: a person holding two duties is checked once") {
  auto findings = run_check("staffing.trained",
                            trained(kEveryone, "  working_group: [zhang.san, li.wei]\n"), kAsOf);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].message == "zhang.san (commander) trained 19d12h ago (plan), limit 365d");
  CHECK(findings[2].subject == "training[li.wei]");
}

TEST_CASE("staffing.trained: missing data fails naming the key") {
  SUBCASE("no training at all") {
    auto findings = run_check("staffing.trained", trained(""), kAsOf);
    REQUIRE(findings.size() == 4);
    CHECK(with_status(findings, Status::Fail).size() == 4);
    CHECK(findings[1].message == "wang.wu (deputy) has attended no training");
    CHECK(where(findings[1]) == "plan.yaml:17:11");
  }
  SUBCASE("no organization") {
    auto findings = run_check("staffing.trained", plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "no organization section, so nobody is known to need training");
  }
}

TEST_CASE("staffing.trained: max_age comes from the rule's parameters") {
  SUBCASE("tighter") {
    auto findings = run_check("staffing.trained", trained(kEveryone), kAsOf, {{"max_age", "19d"}});
    CHECK(with_status(findings, Status::Fail).size() == 4);
    CHECK(findings[0].message == "zhang.san (commander) last trained 19d12h ago (plan), limit 19d");
  }
  SUBCASE("not a duration") {
    CHECK_THROWS_AS(
        run_check("staffing.trained", trained(kEveryone), kAsOf, {{"max_age", "a year"}}),
        InputError);
  }
  CHECK(find_check("staffing.trained")->severity == Severity::Warn);
}
