#include <doctest/doctest.h>
#include <fmt/format.h>

#include "tests/support/speaking.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");
const char* const kId = "newtech.team-trained";

std::string where(const Finding& f) {
  return fmt::format("{}:{}:{}", f.location.file, f.location.line, f.location.column);
}

/// li.wei is primary until `primary_to`, chen.ba backup; the component is on line 19.
Plan trained_plan(const std::string& trained, const std::string& primary_to = "2026-12-08T08:00:00+08:00") {
  return plan_from("  - {id: chen.ba, phone: \"+8613800000006\"}\n"
                   "oncall:\n  shifts:\n"
                   "    - {who: li.wei, level: primary, from: 2026-12-04T20:00:00+08:00, to: " + primary_to + "}\n"
                   "    - {who: chen.ba, level: backup, from: 2026-12-04T20:00:00+08:00, to: 2026-12-08T08:00:00+08:00}\n"
                   "scenarios:\n  new_technology:\n"
                   "    - {component: TiDB 7.5, trained: " + trained + "}\n");
}

}  // namespace

TEST_CASE("newtech.team-trained: a trained primary passes") {
  auto findings = run_check(kId, trained_plan("[chen.ba, li.wei]"), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].subject == "new_technology[TiDB 7.5]");
  CHECK(findings[0].message == "li.wei trained on TiDB 7.5 and on a primary shift");
}

TEST_CASE("newtech.team-trained: trained people only on backup shifts fail") {
  auto findings = run_check(kId, trained_plan("[chen.ba]"), kAsOf);
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.status == Status::Fail);
  CHECK(f.message ==
        "none of the people trained on TiDB 7.5 (chen.ba) is on a primary shift during the go-live");
  CHECK(where(f) == "plan.yaml:19:7");
  CHECK(f.remediation ==
        "Put one of chen.ba on a primary shift (oncall.shifts, level: primary) from window start "
        "to the end of hypercare, or train a primary on-call engineer on TiDB 7.5");
}

TEST_CASE("newtech.team-trained: the primary shift must overlap the go-live") {
  SUBCASE("ending exactly at window start") {
    auto findings = run_check(kId, trained_plan("[li.wei]", "2026-12-05T02:00:00+08:00"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
  }
  SUBCASE("one second into the window") {
    auto findings = run_check(kId, trained_plan("[li.wei]", "2026-12-05T02:00:01+08:00"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
  }
}

TEST_CASE("newtech.team-trained: missing data") {
  SUBCASE("no one trained") {
    auto findings = run_check(kId, trained_plan("[]"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "no one is trained on TiDB 7.5 (new_technology[].trained)");
  }
  SUBCASE("no new technology") {
    auto findings = run_check(kId, plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Skip);
  }
  SUBCASE("a warning by default, without parameters") {
    CHECK(find_check(kId)->severity == Severity::Warn);
    Params p;
    (void)find_check(kId)->make(p);
    CHECK(p.requested().empty());
  }
}

TEST_CASE("newtech.team-trained: in Chinese") {
  Speaking zh("zh-CN");
  auto fail = run_check(kId, trained_plan("[chen.ba]"), kAsOf);
  REQUIRE(fail.size() == 1);
  CHECK(fail[0].message == "受过「TiDB 7.5」培训的人员（chen.ba）在上线期间都没有主值班班次");
  CHECK(fail[0].remediation == "安排受过培训的人员（chen.ba）之一担任主值班（oncall.shifts，level: primary），覆盖上线窗口开始到保障期结束；或对主值班工程师进行「TiDB 7.5」培训");
}
