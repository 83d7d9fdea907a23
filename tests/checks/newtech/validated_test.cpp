#include <doctest/doctest.h>
#include <fmt/format.h>

#include "tests/support/speaking.h"
#include "tests/checks/findings_support.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");
const char* const kId = "newtech.validated";

/// One component on line 14; its validation on line 15, its risk assessment on line 16.
Plan component(const std::string& validation_at, const std::string& result = "pass",
               const std::string& risk = "{at: 2026-10-20, owner: li.wei, residual: medium}") {
  return plan_from("scenarios:\n  new_technology:\n    - component: TiDB 7.5\n"
                   "      validation: {kind: poc, at: " + validation_at + ", result: " + result +
                   "}\n" + (risk.empty() ? "" : "      risk_assessment: " + risk + "\n"));
}

}  // namespace

TEST_CASE("newtech.validated: a recent passed validation with an accepted risk passes") {
  auto findings = run_check(kId, component("2026-10-01"), kAsOf);
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.status == Status::Pass);
  CHECK(f.subject == "new_technology[TiDB 7.5]");
  CHECK(f.message ==
        "poc passed 64d12h ago, limit 180d (max_age); residual risk medium (max medium), owner li.wei");
  REQUIRE(f.expires_at.has_value());
  CHECK(*f.expires_at == at("2027-03-30T00:00:00+08:00"));
}

TEST_CASE("newtech.validated: validation age equal to max_age passes, one second more fails") {
  SUBCASE("exactly 180 days") {
    auto findings = run_check(kId, component("2026-06-07T12:00:00+08:00"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(*findings[0].expires_at == kAsOf);
  }
  SUBCASE("one second over") {
    auto findings = run_check(kId, component("2026-06-07T11:59:59+08:00"), kAsOf);
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.status == Status::Fail);
    CHECK(f.message == "TiDB 7.5: poc 180d1s ago, limit 180d (max_age)");
    CHECK(where(f) == "plan.yaml:15:35");
    CHECK(f.remediation ==
          "Validate TiDB 7.5 (PoC, pilot or benchmark) and record a passing result within 180d in "
          "new_technology[].validation; record a risk assessment with its date, an owner from contacts and "
          "a residual risk of at most medium");
    CHECK_FALSE(f.expires_at.has_value());
  }
}

TEST_CASE("newtech.validated: failed validation and unacceptable risk fail together") {
  auto findings = run_check(kId, component("2026-10-01", "fail", "{at: 2026-10-20, owner: mei.lin, residual: high}"), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].message ==
        "TiDB 7.5: poc result is fail; risk assessment owner mei.lin is not among contacts; "
        "residual risk high is above medium (max_residual)");
  CHECK(where(findings[0]) == "plan.yaml:15:55");
}

TEST_CASE("newtech.validated: missing validation or risk assessment fails") {
  SUBCASE("no risk assessment") {
    auto findings = run_check(kId, component("2026-10-01", "pass", ""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "TiDB 7.5: no risk assessment (new_technology[].risk_assessment)");
    CHECK(where(findings[0]) == "plan.yaml:14:7");
  }
  SUBCASE("nothing but the name") {
    auto findings =
        run_check(kId, plan_from("scenarios:\n  new_technology:\n    - {component: TiDB 7.5}\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message ==
          "TiDB 7.5: not validated (new_technology[].validation); no risk assessment "
          "(new_technology[].risk_assessment)");
  }
  SUBCASE("a risk assessment without owner or residual") {
    auto findings = run_check(kId, component("2026-10-01", "pass", "{at: 2026-10-20}"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message ==
          "TiDB 7.5: risk assessment has no owner (risk_assessment.owner); risk assessment has "
          "no residual risk (risk_assessment.residual)");
  }
  SUBCASE("a validation dated after the as-of instant") {
    auto findings = run_check(kId, component("2026-12-05"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message ==
          "TiDB 7.5: poc dated 2026-12-05T00:00:00+08:00 is after the as-of instant");
  }
  SUBCASE("the key without components") {
    auto findings = run_check(kId, plan_from("scenarios:\n  new_technology: []\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "no new component listed (scenarios.new_technology)");
  }
  SUBCASE("tagged new-technology without the section") {
    const Plan plan = plan_from(
        "golive: 1\nplan: {id: t, name: T, owner: li.wei, revised_at: 2026-11-01, scenarios: [new-technology]}\n"
        "go_live: {window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}}\n");
    for (const char* id : {kId, "newtech.team-trained"}) {
      CAPTURE(id);
      auto findings = run_check(id, plan, kAsOf);
      REQUIRE(findings.size() == 1);
      CHECK(findings[0].status == Status::Fail);
      CHECK(findings[0].message == "plan.scenarios lists new-technology but scenarios.new_technology is missing");
      CHECK(where(findings[0]) == "plan.yaml:2:75");
    }
  }
  SUBCASE("no new technology") {
    auto findings = run_check(kId, plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Skip);
    CHECK(findings[0].message == "no new technology in this launch (no scenarios.new_technology)");
  }
}

TEST_CASE("newtech.validated: max_age and max_residual come from the rule's parameters") {
  SUBCASE("tighter age") {
    auto findings = run_check(kId, component("2026-10-01"), kAsOf, {{"max_age", "30d"}});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "TiDB 7.5: poc 64d12h ago, limit 30d (max_age)");
  }
  SUBCASE("only low residual risk accepted") {
    auto findings = run_check(kId, component("2026-10-01"), kAsOf, {{"max_residual", "low"}});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message == "TiDB 7.5: residual risk medium is above low (max_residual)");
  }
  SUBCASE("high accepted") {
    auto findings = run_check(kId, component("2026-10-01", "pass", "{at: 2026-10-20, owner: li.wei, residual: high}"),
                              kAsOf, {{"max_residual", "high"}});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
  }
  SUBCASE("not a risk level") {
    CHECK_THROWS_WITH_AS(run_check(kId, component("2026-10-01"), kAsOf, {{"max_residual", "extreme"}}),
                         "params.max_residual: 'extreme' is not a risk level (expected low, medium, "
                         "high or critical)",
                         InputError);
  }
}

TEST_CASE("newtech.validated: in Chinese") {
  Speaking zh("zh-CN");
  auto pass = run_check(kId, component("2026-10-01"), kAsOf);
  REQUIRE(pass.size() == 1);
  CHECK(pass[0].message == "poc 于 64天12小时前通过，上限 180天（max_age）；剩余风险为中（medium），最高可接受中（medium），负责人 li.wei");
  auto fail = run_check(kId, component("2026-10-01", "fail", "{at: 2026-10-20, owner: mei.lin, residual: high}"), kAsOf);
  REQUIRE(fail.size() == 1);
  CHECK(fail[0].message == "「TiDB 7.5」：poc 的结果为 fail；风险评估负责人 mei.lin 不在 contacts 中；剩余风险为高（high），高于 max_residual 允许的中（medium）");
  CHECK(fail[0].remediation == "验证「TiDB 7.5」（PoC、试点或基准测试），并在 new_technology[].validation 中登记 180天内通过的结果；登记一份注明日期的风险评估，负责人取自 contacts，剩余风险不高于 medium");
}

TEST_CASE("newtech.validated: a risk assessment dated after the as-of instant fails like other dated evidence") {
  SUBCASE("dated in the future") {
    auto findings =
        run_check(kId, component("2026-10-01", "pass", "{at: 2027-10-20, owner: li.wei, residual: medium}"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "TiDB 7.5: risk assessment is dated in the future: 2027-10-20T00:00:00+08:00 is 319d12h after the "
          "as-of instant 2026-12-04T12:00:00+08:00");
    CHECK(where(findings[0]) == "plan.yaml:16:29");
    CHECK_FALSE(findings[0].expires_at.has_value());
  }
  SUBCASE("dated at the as-of instant passes, one second later fails") {
    auto at_as_of = run_check(
        kId, component("2026-10-01", "pass", "{at: 2026-12-04T12:00:00+08:00, owner: li.wei, residual: medium}"), kAsOf);
    REQUIRE(at_as_of.size() == 1);
    CHECK(at_as_of[0].status == Status::Pass);
    auto later = run_check(
        kId, component("2026-10-01", "pass", "{at: 2026-12-04T12:00:01+08:00, owner: li.wei, residual: medium}"), kAsOf);
    REQUIRE(later.size() == 1);
    CHECK(later[0].status == Status::Fail);
    CHECK(later[0].message ==
          "TiDB 7.5: risk assessment is dated in the future: 2026-12-04T12:00:01+08:00 is 1s after the as-of "
          "instant 2026-12-04T12:00:00+08:00");
  }
}

TEST_CASE("newtech.validated: a risk assessment without a date is no evidence") {
  auto only = [](const Plan& plan) {
    auto findings = run_check(kId, plan, kAsOf);
    REQUIRE(findings.size() == 1);
    return findings[0];
  };
  const Plan undated = component("2026-10-01", "pass", "{owner: li.wei, residual: medium}");
  SUBCASE("undated, everything else in order: it fails at the assessment") {
    const Finding f = only(undated);
    CHECK(f.status == Status::Fail);
    CHECK(f.message == "TiDB 7.5: risk assessment is not dated (risk_assessment.at)");
    CHECK(where(f) == "plan.yaml:16:24");
    CHECK_FALSE(f.expires_at.has_value());
  }
  SUBCASE("undated and without owner or residual: every missing part is named") {
    CHECK(only(component("2026-10-01", "pass", "{}")).message ==
          "TiDB 7.5: risk assessment is not dated (risk_assessment.at); risk assessment has no owner "
          "(risk_assessment.owner); risk assessment has no residual risk (risk_assessment.residual)");
  }
  SUBCASE("dated, it passes and its date is evidence") {
    const Finding f = only(component("2026-10-01"));
    CHECK(f.status == Status::Pass);
    CHECK(text_evidence(f, "assessed_at") == "2026-10-20T00:00:00+08:00");
  }
  SUBCASE("in Chinese") {
    Speaking zh("zh-CN");
    CHECK(only(undated).message == "「TiDB 7.5」：风险评估未注明日期（risk_assessment.at）");
  }
}
