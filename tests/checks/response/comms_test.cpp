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

/// Comms written on line 13 as `  comms: {...}` (the mapping at column 10).
Plan comms(const std::string& keys) { return plan_from("response:\n  comms: {" + keys + "}\n"); }

}  // namespace

TEST_CASE("response.comms: channel, owner and update_every pass") {
  auto findings = run_check("response.comms",
                            comms("channel: \"#golive\", owner: li.wei, update_every: 30m"), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].subject == "response.comms");
  CHECK(findings[0].message == "channel #golive, owner li.wei, updates every 30m");
  CHECK(where(findings[0]) == "plan.yaml:13:10");
}

TEST_CASE("response.comms: each missing key is named") {
  SUBCASE("one") {
    auto findings =
        run_check("response.comms", comms("channel: \"#golive\", owner: li.wei"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "response.comms has no update_every");
    CHECK(where(findings[0]) == "plan.yaml:13:10");
    CHECK(findings[0].remediation == "Set update_every in response.comms");
  }
  SUBCASE("several") {
    auto findings = run_check("response.comms", comms("channel: \"#golive\""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message == "response.comms has no owner, no update_every");
    CHECK(findings[0].remediation == "Set owner, update_every in response.comms");
  }
  SUBCASE("no comms") {
    auto findings =
        run_check("response.comms", plan_from("response:\n  stages: [report]\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message == "no incident communication defined (response.comms)");
    CHECK(where(findings[0]) == "plan.yaml:13:3");
  }
  SUBCASE("no response section") {
    auto findings = run_check("response.comms", plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(where(findings[0]) == "plan.yaml:1:1");
  }
}

TEST_CASE("response.comms: a warning without parameters") {
  const CheckInfo* info = find_check("response.comms");
  REQUIRE(info != nullptr);
  Params p;
  info->make(p);
  CHECK(p.requested().empty());
  CHECK(info->severity == Severity::Warn);
}
