#include <doctest/doctest.h>
#include <fmt/format.h>

#include <variant>

#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

std::string where(const Finding& f) {
  return fmt::format("{}:{}:{}", f.location.file, f.location.line, f.location.column);
}

/// A whole plan revised at `revised_at` (line 6, column 15); `extra` adds keys to `plan:`.
Plan revised(const std::string& revised_at, const std::string& extra = "") {
  return plan_from("golive: 1\nplan:\n  id: p\n  name: P\n  owner: li.wei\n  revised_at: " +
                   revised_at + "\n" + extra +
                   R"(go_live:
  window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}
  timezone: Asia/Shanghai
contacts:
  - {id: li.wei, name: Li Wei, phone: "+8613800000003", email: li.wei@example.com, timezone: Asia/Shanghai}
)");
}

int64_t integer_evidence(const Finding& f, const std::string& key) {
  for (const auto& [k, v] : f.evidence)
    if (k == key) {
      REQUIRE(std::holds_alternative<int64_t>(v.get()));
      return std::get<int64_t>(v.get());
    }
  FAIL("no evidence " << key);
  return 0;
}

}  // namespace

TEST_CASE("plan.revision-current: a recent revision passes and expires when the review is due") {
  auto findings = run_check("plan.revision-current", revised("2026-11-01"), kAsOf);
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.status == Status::Pass);
  CHECK(f.subject == "plan");
  CHECK(f.message == "revised 33d12h ago, review every 365d (rule parameter review_every)");
  CHECK(where(f) == "plan.yaml:6:15");
  REQUIRE(f.expires_at.has_value());
  CHECK(*f.expires_at == at("2027-11-01T00:00:00+08:00"));
  CHECK(integer_evidence(f, "age_seconds") == 33 * 86400 + 12 * 3600);
  CHECK(integer_evidence(f, "limit_seconds") == 365 * 86400);
}

TEST_CASE("plan.revision-current: the default interval is 365 days to the second") {
  SUBCASE("exactly 365 days") {
    auto findings = run_check("plan.revision-current", revised("2025-12-04T12:00:00+08:00"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].message ==
          "revised 365d ago, review every 365d (rule parameter review_every)");
    CHECK(*findings[0].expires_at == kAsOf);
  }
  SUBCASE("one second more") {
    auto findings = run_check("plan.revision-current", revised("2025-12-04T11:59:59+08:00"), kAsOf);
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "revised 365d1s ago, review every 365d (rule parameter review_every): review overdue by "
          "1s");
    CHECK(where(f) == "plan.yaml:6:15");
    CHECK(f.remediation ==
          "Review the plan with the command centre, then update plan.revised_at and collect a new "
          "approval from the commander (the last revision was 2025-12-04T11:59:59+08:00)");
    CHECK_FALSE(f.expires_at.has_value());
  }
}

TEST_CASE("plan.revision-current: the plan's own review_every is the limit") {
  SUBCASE("at the limit") {
    auto findings = run_check("plan.revision-current",
                              revised("2026-11-04T12:00:00+08:00", "  review_every: 30d\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].message == "revised 30d ago, review every 30d (plan.review_every)");
  }
  SUBCASE("one second over") {
    auto findings = run_check("plan.revision-current",
                              revised("2026-11-04T11:59:59+08:00", "  review_every: 30d\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "revised 30d1s ago, review every 30d (plan.review_every): review overdue by 1s");
  }
  SUBCASE("it wins over the rule's parameter") {
    auto findings =
        run_check("plan.revision-current", revised("2026-11-01", "  review_every: 60d\n"), kAsOf,
                  {{"review_every", "30d"}});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].message == "revised 33d12h ago, review every 60d (plan.review_every)");
  }
}

TEST_CASE("plan.revision-current: review_every comes from the rule when the plan sets none") {
  SUBCASE("tighter") {
    auto findings =
        run_check("plan.revision-current", revised("2026-11-01"), kAsOf, {{"review_every", "30d"}});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "revised 33d12h ago, review every 30d (rule parameter review_every): review overdue by "
          "3d12h");
  }
  SUBCASE("not a duration") {
    CHECK_THROWS_WITH_AS(run_check("plan.revision-current", revised("2026-11-01"), kAsOf,
                                   {{"review_every", "1 year"}}),
                         "params.review_every: '1 year' is not a duration (expected e.g. 30m, "
                         "24h, 7d or PT1H)",
                         InputError);
  }
}

TEST_CASE("plan.revision-current: a revision dated after the as-of instant fails") {
  auto findings = run_check("plan.revision-current", revised("2026-12-05"), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].message ==
        "revised_at 2026-12-05T00:00:00+08:00 is dated in the future: 12h after the as-of "
        "instant 2026-12-04T12:00:00+08:00");
  CHECK(where(findings[0]) == "plan.yaml:6:15");
}

TEST_CASE("plan.revision-current: a plan without revised_at fails naming the key") {
  // The loader requires revised_at; a plan built in code may still lack it.
  Plan plan = revised("2026-11-01");
  plan.plan.revised_at = Field<Instant>(std::nullopt, plan.plan.loc);
  auto findings = run_check("plan.revision-current", plan, kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].message == "no plan.revised_at recorded, so the plan's age cannot be known");
  CHECK(where(findings[0]) == "plan.yaml:3:3");
}
