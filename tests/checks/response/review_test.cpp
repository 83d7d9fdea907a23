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

/// Review written on line 13 as `  review: {...}` (the mapping at column 11).
Plan review(const std::string& keys) { return plan_from("response:\n  review: {" + keys + "}\n"); }

}  // namespace

TEST_CASE("response.review: an owner and a prompt review pass") {
  auto findings = run_check("response.review", review("due: 5d, owner: li.wei"), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].subject == "response.review");
  CHECK(findings[0].message == "owner li.wei, due 5d after the incident, limit 10d");
  CHECK(where(findings[0]) == "plan.yaml:13:17");
}

TEST_CASE("response.review: due 10d passes, one second more fails") {
  SUBCASE("at the limit") {
    auto findings = run_check("response.review", review("due: 10d, owner: li.wei"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
  }
  SUBCASE("one second over") {
    auto findings = run_check("response.review", review("due: 10d1s, owner: li.wei"), kAsOf);
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.status == Status::Fail);
    CHECK(f.message == "owner li.wei, due 10d1s after the incident, limit 10d");
    CHECK(where(f) == "plan.yaml:13:17");
    CHECK(f.remediation ==
          "Shorten response.review.due to 10d or less: a review held weeks later has lost the "
          "details");
  }
}

TEST_CASE("response.review: missing data fails naming the key") {
  SUBCASE("no owner") {
    auto findings = run_check("response.review", review("due: 5d"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "response.review has no owner");
    CHECK(where(findings[0]) == "plan.yaml:13:11");
  }
  SUBCASE("no owner and no due") {
    Plan plan = plan_from("response:\n  review: {}\n");
    auto findings = run_check("response.review", plan, kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message == "response.review has no owner, no due");
    CHECK(findings[0].remediation == "Set owner and due in response.review");
  }
  SUBCASE("no review") {
    auto findings =
        run_check("response.review", plan_from("response:\n  stages: [report]\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message == "no post-incident review defined (response.review)");
  }
}

TEST_CASE("response.review: max_due comes from the rule's parameters") {
  SUBCASE("tighter") {
    auto findings =
        run_check("response.review", review("due: 5d, owner: li.wei"), kAsOf, {{"max_due", "3d"}});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "owner li.wei, due 5d after the incident, limit 3d");
  }
  SUBCASE("not a duration") {
    CHECK_THROWS_AS(run_check("response.review", review("due: 5d, owner: li.wei"), kAsOf,
                              {{"max_due", "soon"}}),
                    InputError);
  }
}
