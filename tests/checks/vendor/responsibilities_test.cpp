#include <doctest/doctest.h>
#include <fmt/format.h>

#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");
const char* const kId = "vendor.responsibilities";

std::string where(const Finding& f) {
  return fmt::format("{}:{}:{}", f.location.file, f.location.line, f.location.column);
}

/// The responsibilities mapping is on line 14.
Plan split_plan(const std::string& responsibilities) {
  return plan_from("vendors:\n  - id: acme-db\n    responsibilities: " + responsibilities + "\n");
}

}  // namespace

TEST_CASE("vendor.responsibilities: a declared split passes, grouped by party") {
  auto findings = run_check(kId, split_plan("{diagnose: vendor, restore: us, patch: vendor}"), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].subject == "vendors[acme-db]");
  CHECK(findings[0].message == "vendor: diagnose, patch; us: restore");
}

TEST_CASE("vendor.responsibilities: a task without a party fails") {
  auto findings = run_check(kId, split_plan("{diagnose: vendor, restore: \"\"}"), kAsOf);
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.status == Status::Fail);
  CHECK(f.message == "vendor acme-db: no one owns restore");
  CHECK(where(f) == "plan.yaml:14:51");
  CHECK(f.remediation == "Name the party (vendor or us) responsible for restore of acme-db");
}

TEST_CASE("vendor.responsibilities: no split declared") {
  SUBCASE("missing") {
    auto findings = run_check(kId, plan_from("vendors:\n  - {id: acme-db}\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "vendor acme-db declares no split of responsibilities (vendors[].responsibilities)");
    CHECK(where(findings[0]) == "plan.yaml:13:5");
  }
  SUBCASE("no vendors") {
    auto findings = run_check(kId, plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Skip);
  }
  SUBCASE("a warning without parameters") {
    CHECK(find_check(kId)->severity == Severity::Warn);
    Params p;
    (void)find_check(kId)->make(p);
    CHECK(p.requested().empty());
  }
}
