#include <doctest/doctest.h>
#include <fmt/format.h>

#include "tests/support/speaking.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");
const char* const kId = "newtech.hypercare";

std::string where(const Finding& f) {
  return fmt::format("{}:{}:{}", f.location.file, f.location.line, f.location.column);
}

/// hypercare, when given, is on line 5.
Plan hypercare_plan(const std::string& hypercare, bool new_technology = true) {
  return plan_from(
      "golive: 1\nplan: {id: t, name: T, owner: li.wei, revised_at: 2026-11-01}\n"
      "go_live:\n  window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}\n" +
      (hypercare.empty() ? "" : "  hypercare: " + hypercare + "\n") +
      (new_technology ? "scenarios:\n  new_technology:\n    - {component: TiDB 7.5}\n" : ""));
}

}  // namespace

TEST_CASE("newtech.hypercare: hypercare equal to min_hypercare passes, one second less fails") {
  SUBCASE("3d") {
    auto findings = run_check(kId, hypercare_plan("3d"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].subject == "go_live.hypercare");
    CHECK(findings[0].message == "hypercare 3d, at least 3d (min_hypercare)");
  }
  SUBCASE("one second short") {
    auto findings = run_check(kId, hypercare_plan("2d23h59m59s"), kAsOf);
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.status == Status::Fail);
    CHECK(f.message == "hypercare 2d23h59m59s, below 3d (min_hypercare)");
    CHECK(where(f) == "plan.yaml:5:14");
    CHECK(f.remediation ==
          "Extend go_live.hypercare to at least 3d, with on-call shifts covering it: a new "
          "technology's first failures often come days after the switch");
  }
}

TEST_CASE("newtech.hypercare: no hypercare fails, naming the key") {
  auto findings = run_check(kId, hypercare_plan(""), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].message == "no hypercare after go-live (go_live.hypercare), limit 3d (min_hypercare)");
  CHECK(where(findings[0]) == "plan.yaml:4:3");
}

TEST_CASE("newtech.hypercare: min_hypercare comes from the rule's parameters") {
  auto findings = run_check(kId, hypercare_plan("3d"), kAsOf, {{"min_hypercare", "1w"}});
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].message == "hypercare 3d, below 7d (min_hypercare)");
}

TEST_CASE("newtech.hypercare: not applicable without new technology") {
  auto findings = run_check(kId, hypercare_plan("1d", false), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Skip);
  CHECK(findings[0].message == "no new technology in this launch (no scenarios.new_technology)");
}

TEST_CASE("newtech.hypercare: in Chinese") {
  Speaking zh("zh-CN");
  auto pass = run_check(kId, hypercare_plan("3d"), kAsOf);
  REQUIRE(pass.size() == 1);
  CHECK(pass[0].message == "保障期 3天，不少于 3天（min_hypercare）");
  auto fail = run_check(kId, hypercare_plan("2d23h59m59s"), kAsOf);
  REQUIRE(fail.size() == 1);
  CHECK(fail[0].message == "保障期 2天23小时59分钟59秒，少于 3天（min_hypercare）");
  CHECK(fail[0].remediation == "把 go_live.hypercare 延长到不少于 3天，并安排值班覆盖：新技术的首批故障往往在切换数天后才出现");
}
