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

/// A whole plan revised at `revised_at` whose approvals (written from line 8 on) are
/// `approvals`; the commander is zhang.san and the deputy wang.wu unless `organization`
/// says otherwise.
Plan approved_plan(const std::string& approvals, const std::string& revised_at = "2026-11-01",
                   const std::string& organization =
                       "organization: {commander: zhang.san, "
                       "deputy: wang.wu}\n") {
  return plan_from("golive: 1\nplan:\n  id: p\n  name: P\n  owner: li.wei\n  revised_at: " +
                   revised_at + "\n" + (approvals.empty() ? "" : "  approvals:\n" + approvals) +
                   R"(go_live:
  window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}
  timezone: Asia/Shanghai
contacts:
  - {id: li.wei, name: Li Wei, phone: "+8613800000003", email: li.wei@example.com, timezone: Asia/Shanghai}
  - {id: zhang.san, name: 张三, phone: "+8613800000001", email: zhang.san@example.com, timezone: Asia/Shanghai}
  - {id: wang.wu, name: 王五, phone: "+8613800000002", email: wang.wu@example.com, timezone: Asia/Shanghai}
)" + organization);
}

}  // namespace

TEST_CASE("plan.approved: the commander's approval after the revision passes") {
  auto findings =
      run_check("plan.approved",
                approved_plan("    - {role: commander, by: zhang.san, at: 2026-11-20}\n"), kAsOf);
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.status == Status::Pass);
  CHECK(f.subject == "plan");
  CHECK(f.message ==
        "approved by the commander zhang.san on 2026-11-20T00:00:00+08:00, 19d after the "
        "revision of 2026-11-01T00:00:00+08:00");
  CHECK(where(f) == "plan.yaml:8:44");
}

TEST_CASE("plan.approved: an approval on the revision instant counts, one second before does not") {
  SUBCASE("same instant") {
    auto findings =
        run_check("plan.approved",
                  approved_plan("    - {role: commander, by: zhang.san, at: 2026-11-01}\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].message ==
          "approved by the commander zhang.san on 2026-11-01T00:00:00+08:00, 0s after the "
          "revision of 2026-11-01T00:00:00+08:00");
  }
  SUBCASE("one second before") {
    auto findings = run_check(
        "plan.approved",
        approved_plan("    - {role: commander, by: zhang.san, at: 2026-10-31T23:59:59+08:00}\n"),
        kAsOf);
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "no approval by the commander zhang.san dated on or after revised_at "
          "2026-11-01T00:00:00+08:00: plan.approvals[0] by zhang.san is dated "
          "2026-10-31T23:59:59+08:00, 1s before the revision");
    CHECK(where(f) == "plan.yaml:8:44");
    CHECK(f.remediation ==
          "Have the commander zhang.san approve the revision of 2026-11-01T00:00:00+08:00 and "
          "record it in plan.approvals as {role: commander, by: zhang.san, at: <date>}");
  }
  SUBCASE("a bare-date approval on the day of a timed revision predates it") {
    auto findings =
        run_check("plan.approved",
                  approved_plan("    - {role: commander, by: zhang.san, at: 2026-11-01}\n",
                                "2026-11-01T10:00:00+08:00"),
                  kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "no approval by the commander zhang.san dated on or after revised_at "
          "2026-11-01T10:00:00+08:00: plan.approvals[0] by zhang.san is dated "
          "2026-11-01T00:00:00+08:00, 10h before the revision");
  }
}

TEST_CASE("plan.approved: only the commander's own approval counts") {
  SUBCASE("role commander signed by somebody else") {
    auto findings =
        run_check("plan.approved",
                  approved_plan("    - {role: commander, by: wang.wu, at: 2026-11-20}\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "no approval by the commander zhang.san dated on or after revised_at "
          "2026-11-01T00:00:00+08:00: plan.approvals[0] has role commander but is by wang.wu, "
          "not the commander zhang.san");
    CHECK(where(findings[0]) == "plan.yaml:8:29");
  }
  SUBCASE("the commander approving under another role still counts") {
    auto findings =
        run_check("plan.approved",
                  approved_plan("    - {role: owner, by: zhang.san, at: 2026-11-20}\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
  }
  SUBCASE("approvals by others only") {
    auto findings = run_check(
        "plan.approved", approved_plan("    - {role: owner, by: li.wei, at: 2026-11-20}\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "no approval by the commander zhang.san dated on or after revised_at "
          "2026-11-01T00:00:00+08:00");
    CHECK(where(findings[0]) == "plan.yaml:3:3");
  }
}

TEST_CASE("plan.approved: the latest valid approval is the evidence") {
  auto findings =
      run_check("plan.approved",
                approved_plan("    - {role: commander, by: zhang.san, at: 2026-10-01}\n"
                              "    - {role: commander, by: zhang.san, at: 2026-11-02}\n"
                              "    - {role: commander, by: zhang.san, at: 2026-11-25}\n"),
                kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].message ==
        "approved by the commander zhang.san on 2026-11-25T00:00:00+08:00, 24d after the "
        "revision of 2026-11-01T00:00:00+08:00");
  CHECK(where(findings[0]) == "plan.yaml:10:44");
}

TEST_CASE("plan.approved: an approval dated after the as-of instant has not been given yet") {
  auto findings =
      run_check("plan.approved",
                approved_plan("    - {role: commander, by: zhang.san, at: 2026-12-05}\n"), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].message ==
        "no approval by the commander zhang.san dated on or after revised_at "
        "2026-11-01T00:00:00+08:00: plan.approvals[0] by zhang.san is dated "
        "2026-12-05T00:00:00+08:00, after the as-of instant 2026-12-04T12:00:00+08:00");
}

TEST_CASE("plan.approved: missing data fails naming the key") {
  SUBCASE("no approvals") {
    auto findings = run_check("plan.approved", approved_plan(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "no approval by the commander zhang.san dated on or after revised_at "
          "2026-11-01T00:00:00+08:00");
  }
  SUBCASE("an undated approval") {
    auto findings = run_check("plan.approved",
                              approved_plan("    - {role: commander, by: zhang.san}\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "no approval by the commander zhang.san dated on or after revised_at "
          "2026-11-01T00:00:00+08:00: plan.approvals[0] by zhang.san has no date (at)");
  }
  SUBCASE("no commander") {
    auto findings =
        run_check("plan.approved",
                  approved_plan("    - {role: commander, by: zhang.san, at: 2026-11-20}\n",
                                "2026-11-01", "organization: {deputy: wang.wu}\n"),
                  kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "no organization.commander, so no approval can be attributed to the commander");
  }
  SUBCASE("no organization") {
    auto findings = run_check(
        "plan.approved",
        approved_plan("    - {role: commander, by: zhang.san, at: 2026-11-20}\n", "2026-11-01", ""),
        kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(where(findings[0]) == "plan.yaml:1:1");
  }
}

TEST_CASE("plan.approved: takes no parameters") {
  const CheckInfo* info = find_check("plan.approved");
  REQUIRE(info != nullptr);
  Params p;
  info->make(p);
  CHECK(p.requested().empty());
  CHECK(info->severity == Severity::Gate);
}
