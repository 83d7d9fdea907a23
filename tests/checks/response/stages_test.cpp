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

/// Stages written on line 13 as `  stages: [...]` (the list at column 11).
Plan stages(const std::string& list) { return plan_from("response:\n  stages: [" + list + "]\n"); }

}  // namespace

TEST_CASE("response.stages: all six stages pass, in any order") {
  SUBCASE("natural order") {
    auto findings = run_check("response.stages",
                              stages("report, assess, activate, handle, notify, review"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].subject == "response.stages");
    CHECK(findings[0].message ==
          "all six stages: report, assess, activate, handle, notify, review");
    CHECK(where(findings[0]) == "plan.yaml:13:11");
  }
  SUBCASE("shuffled") {
    auto findings = run_check("response.stages",
                              stages("review, notify, handle, activate, assess, report"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
  }
}

TEST_CASE("response.stages: five stages are one too few") {
  auto findings =
      run_check("response.stages", stages("report, assess, activate, handle, review"), kAsOf);
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.status == Status::Fail);
  CHECK(f.message == "missing stage: notify");
  CHECK(where(f) == "plan.yaml:13:11");
  CHECK(f.remediation ==
        "Describe the missing stage of the response process and list notify in response.stages");
}

TEST_CASE("response.stages: every missing stage is named") {
  auto findings = run_check("response.stages", stages("report, assess, handle, review"), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message == "missing stages: activate, notify");
}

TEST_CASE("response.stages: missing data fails naming the key") {
  SUBCASE("no stages") {
    auto findings =
        run_check("response.stages", plan_from("response:\n  review: {due: 5d}\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "no response stages listed (response.stages)");
    CHECK(where(findings[0]) == "plan.yaml:13:3");
  }
  SUBCASE("no response section") {
    auto findings = run_check("response.stages", plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message == "no response stages listed (response.stages)");
    CHECK(where(findings[0]) == "plan.yaml:1:1");
  }
}

TEST_CASE("response.stages: a gate without parameters") {
  const CheckInfo* info = find_check("response.stages");
  REQUIRE(info != nullptr);
  Params p;
  info->make(p);
  CHECK(p.requested().empty());
  CHECK(info->severity == Severity::Gate);
}
