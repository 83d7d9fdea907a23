#include <doctest/doctest.h>
#include <fmt/format.h>

#include <variant>

#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");
const char* const kId = "vendor.sla-defined";

std::string where(const Finding& f) {
  return fmt::format("{}:{}:{}", f.location.file, f.location.line, f.location.column);
}

/// One vendor (line 13) whose support mapping is on line 14. The go-live window is
/// 2026-12-04T18:00Z to 22:00Z.
Plan vendor_plan(const std::string& support) {
  return plan_from("vendors:\n  - id: acme-db\n    support: " + support + "\n");
}

std::string support(const std::string& hours, const std::string& zone, const std::string& sev1 = "15m") {
  return "{hours: \"" + hours + "\", timezone: " + zone + ", response: {SEV1: " + sev1 + ", SEV2: 1h}}";
}

std::vector<std::string> gaps(const Finding& f) {
  for (const auto& [k, v] : f.evidence)
    if (k == "gaps") return std::get<std::vector<std::string>>(v.get());
  FAIL("no gaps in the evidence");
  return {};
}

}  // namespace

TEST_CASE("vendor.sla-defined: 24x7 support with a fast SEV1 response passes") {
  auto findings = run_check(kId, vendor_plan(support("24x7", "UTC")), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].subject == "vendors[acme-db]");
  CHECK(findings[0].message == "SEV1 response 15m, limit 30m (max_sev1_response); support 24x7");
}

TEST_CASE("vendor.sla-defined: SEV1 response equal to the limit passes, one second more fails") {
  SUBCASE("30m") {
    auto findings = run_check(kId, vendor_plan(support("24x7", "UTC", "30m")), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
  }
  SUBCASE("30m1s") {
    auto findings = run_check(kId, vendor_plan(support("24x7", "UTC", "30m1s")), kAsOf);
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.status == Status::Fail);
    CHECK(f.message == "vendor acme-db: SEV1 response 30m1s, limit 30m (max_sev1_response)");
    CHECK(where(f) == "plan.yaml:14:62");
    CHECK(f.remediation ==
          "Agree with acme-db a SEV1 response of at most 30m and support hours (24x7, or hours "
          "in support.timezone) covering the whole go-live window, and record them in "
          "vendors[].support");
  }
}

TEST_CASE("vendor.sla-defined: office hours are placed in the support time zone") {
  SUBCASE("Berlin office hours miss the whole night window") {
    auto findings = run_check(kId, vendor_plan(support("09:00-18:00", "Europe/Berlin")), kAsOf);
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "vendor acme-db: support 09:00-18:00 Europe/Berlin leaves 4h of the go-live window "
          "without support: 2026-12-05T02:00:00+08:00/2026-12-05T06:00:00+08:00");
    CHECK(where(f) == "plan.yaml:14:22");
  }
  SUBCASE("Berlin evening hours cover it exactly") {
    auto findings = run_check(kId, vendor_plan(support("19:00-23:00", "Europe/Berlin")), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].message ==
          "SEV1 response 15m, limit 30m (max_sev1_response); support 19:00-23:00 Europe/Berlin "
          "covers the go-live window 2026-12-05T02:00:00+08:00/2026-12-05T06:00:00+08:00");
  }
  SUBCASE("starting a minute late leaves a minute") {
    auto findings = run_check(kId, vendor_plan(support("19:01-23:00", "Europe/Berlin")), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(gaps(findings[0]) == std::vector<std::string>{"2026-12-04T18:00:00Z/2026-12-04T18:01:00Z"});
  }
  SUBCASE("a night desk in Shanghai, wrapping midnight") {
    auto findings = run_check(kId, vendor_plan(support("22:00-06:00", "Asia/Shanghai")), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
  }
  SUBCASE("hours without a time zone") {
    auto findings = run_check(
        kId, vendor_plan("{hours: \"09:00-18:00\", response: {SEV1: 15m}}"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "vendor acme-db: support hours 09:00-18:00 have no time zone (support.timezone)");
  }
}

TEST_CASE("vendor.sla-defined: missing support terms fail, naming the key") {
  SUBCASE("no SEV1 response and no hours") {
    auto findings = run_check(kId, vendor_plan("{timezone: UTC, response: {SEV2: 1h}}"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "vendor acme-db: no SEV1 response time (support.response.SEV1); no support hours "
          "(support.hours)");
  }
  SUBCASE("no support at all") {
    auto findings = run_check(kId, plan_from("vendors:\n  - {id: acme-db}\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message == "vendor acme-db has no support terms (vendors[].support)");
    CHECK(where(findings[0]) == "plan.yaml:13:5");
  }
  SUBCASE("tagged third-party without vendors") {
    Plan plan = plan_from(
        "golive: 1\nplan: {id: t, name: T, owner: li.wei, revised_at: 2026-11-01, scenarios: [third-party]}\n"
        "go_live: {window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}}\n");
    auto findings = run_check(kId, plan, kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "plan.scenarios lists third-party but no vendors are declared (vendors)");
  }
  SUBCASE("no vendors") {
    auto findings = run_check(kId, plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Skip);
    CHECK(findings[0].message == "no third-party vendors (vendors)");
  }
}

TEST_CASE("vendor.sla-defined: max_sev1_response comes from the rule's parameters") {
  auto findings = run_check(kId, vendor_plan(support("24x7", "UTC")), kAsOf, {{"max_sev1_response", "10m"}});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].message == "vendor acme-db: SEV1 response 15m, limit 10m (max_sev1_response)");
}
