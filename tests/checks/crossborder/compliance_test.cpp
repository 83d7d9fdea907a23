#include <doctest/doctest.h>
#include <fmt/format.h>

#include "tests/support/speaking.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");
const char* const kId = "crossborder.compliance";

std::string where(const Finding& f) {
  return fmt::format("{}:{}:{}", f.location.file, f.location.line, f.location.column);
}

/// Regions start on line 15, data transfers after them.
Plan cb_plan(const std::string& regions, const std::string& transfers = "") {
  return plan_from("scenarios:\n  cross_border:\n    regions:\n" + regions +
                   (transfers.empty() ? "" : "    data_transfers:\n" + transfers));
}

const std::string kCn =
    "      - {code: CN, regulations: [PIPL], legal_signoff: {by: \"Wang Fang, counsel CN\", at: 2026-11-10}}\n";

const std::string kSg =
    "      - {code: SG, regulations: [PDPA, MAS TRM], legal_signoff: {by: \"Mei Lin, counsel SG\", "
    "at: 2026-11-10}}\n";

}  // namespace

TEST_CASE("crossborder.compliance: regulations and a dated sign-off pass") {
  auto findings = run_check(kId, cb_plan(kSg), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].subject == "regions[SG]");
  CHECK(findings[0].message ==
        "legal sign-off by Mei Lin, counsel SG on 2026-11-10T00:00:00+08:00 covering PDPA, MAS TRM");
}

TEST_CASE("crossborder.compliance: a region without regulations or sign-off fails") {
  SUBCASE("nothing") {
    auto findings = run_check(kId, cb_plan("      - {code: SG, timezone: Asia/Singapore}\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "region SG: no regulations listed (regions[].regulations); no legal sign-off "
          "(regions[].legal_signoff)");
    CHECK(where(f) == "plan.yaml:15:9");
    CHECK(f.remediation ==
          "List the regulations that apply in SG under regions[].regulations and record the "
          "legal review as regions[].legal_signoff {by: <counsel>, at: <date>}");
  }
  SUBCASE("a sign-off without by or at") {
    auto findings =
        run_check(kId, cb_plan("      - {code: SG, regulations: [PDPA], legal_signoff: {}}\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "region SG: legal sign-off names no one (legal_signoff.by); legal sign-off is not dated "
          "(legal_signoff.at)");
  }
}

TEST_CASE("crossborder.compliance: a sign-off dated after the as-of instant fails") {
  SUBCASE("at the as-of instant") {
    auto findings = run_check(
        kId,
        cb_plan("      - {code: SG, regulations: [PDPA], legal_signoff: {by: Mei Lin, at: "
                "2026-12-04T12:00:00+08:00}}\n"),
        kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
  }
  SUBCASE("one second later") {
    auto findings = run_check(
        kId,
        cb_plan("      - {code: SG, regulations: [PDPA], legal_signoff: {by: Mei Lin, at: "
                "2026-12-04T12:00:01+08:00}}\n"),
        kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "region SG: legal sign-off dated 2026-12-04T12:00:01+08:00, after the as-of instant "
          "2026-12-04T12:00:00+08:00");
    CHECK(where(findings[0]) == "plan.yaml:15:74");
  }
}

TEST_CASE("crossborder.compliance: every data transfer needs a mechanism and an assessment") {
  // Regions CN (line 15) and SG (line 16); the transfer is on line 18.
  const std::string regions = kCn + kSg;
  SUBCASE("complete") {
    auto findings = run_check(
        kId, cb_plan(regions, "      - {from: CN, to: SG, data: personal, mechanism: standard_contract, "
                              "assessment: \"https://wiki.example.com/pia\"}\n"),
        kAsOf);
    REQUIRE(findings.size() == 3);
    CHECK(findings[2].subject == "data_transfers[CN->SG]");
    CHECK(findings[2].status == Status::Pass);
    CHECK(findings[2].message ==
          "transfer CN->SG (personal) under standard_contract, assessed in https://wiki.example.com/pia");
  }
  SUBCASE("no mechanism, no assessment") {
    auto findings = run_check(kId, cb_plan(regions, "      - {from: CN, to: SG, data: personal}\n"), kAsOf);
    REQUIRE(findings.size() == 3);
    const Finding& f = findings[2];
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "transfer CN->SG (personal): no transfer mechanism (data_transfers[].mechanism); no "
          "impact assessment (data_transfers[].assessment)");
    CHECK(where(f) == "plan.yaml:18:9");
  }
  SUBCASE("data golive cannot read as personal still needs them") {
    for (const std::string data : {"\"personal data (names, card numbers)\"", "个人信息", "PII", "aggregated"}) {
      CAPTURE(data);
      auto findings =
          run_check(kId, cb_plan(regions, "      - {from: CN, to: SG, data: " + data + "}\n"), kAsOf);
      REQUIRE(findings.size() == 3);
      CHECK(findings[2].status == Status::Fail);
      CHECK(findings[2].message.find("no transfer mechanism (data_transfers[].mechanism); no impact assessment") !=
            std::string::npos);
    }
  }
  SUBCASE("personal: false spares a transfer its mechanism and assessment") {
    auto findings = run_check(
        kId, cb_plan(regions, "      - {from: SG, to: CN, data: aggregated, personal: false}\n"), kAsOf);
    REQUIRE(findings.size() == 3);
    CHECK(findings[2].status == Status::Skip);
    CHECK(findings[2].message ==
          "transfer SG->CN carries aggregated, stated to hold no personal data (personal: false)");
  }
  SUBCASE("personal: true is the default") {
    auto findings = run_check(kId, cb_plan(regions, "      - {from: SG, to: CN, data: aggregated, personal: true}\n"),
                              kAsOf);
    REQUIRE(findings.size() == 3);
    CHECK(findings[2].status == Status::Fail);
  }
  SUBCASE("a region the plan does not declare fails, even with personal: false") {
    auto findings = run_check(
        kId, cb_plan(regions, "      - {from: CN, to: US, data: personal, mechanism: standard_contract, "
                              "assessment: \"https://wiki.example.com/pia\"}\n"
                              "      - {from: US, to: SG, data: logs, personal: false}\n"),
        kAsOf);
    REQUIRE(findings.size() == 4);
    CHECK(findings[2].status == Status::Fail);
    CHECK(findings[2].message ==
          "transfer CN->US (personal): region US is not declared under scenarios.cross_border.regions, so "
          "no regulations or legal sign-off are known for it");
    CHECK(findings[2].remediation ==
          "Name the legal basis of the CN->US transfer in data_transfers[].mechanism (standard contract, "
          "certification, security assessment…) and link its personal information impact assessment in "
          "data_transfers[].assessment");
    CHECK(findings[3].status == Status::Fail);
    CHECK(findings[3].message ==
          "transfer US->SG (logs): region US is not declared under scenarios.cross_border.regions, so "
          "no regulations or legal sign-off are known for it");
    CHECK(findings[3].remediation ==
          "Declare both regions of the US->SG transfer under scenarios.cross_border.regions, with their "
          "regulations and legal sign-off");
  }
  SUBCASE("a transfer without from or to fails") {
    auto findings = run_check(kId, cb_plan(regions, "      - {to: SG, data: logs, personal: false}\n"), kAsOf);
    REQUIRE(findings.size() == 3);
    CHECK(findings[2].status == Status::Fail);
    CHECK(findings[2].message == "transfer ?->SG (logs): no region the data leaves (data_transfers[].from)");
  }
  SUBCASE("unknown data fails") {
    auto findings = run_check(kId, cb_plan(regions, "      - {from: SG, to: CN}\n"), kAsOf);
    REQUIRE(findings.size() == 3);
    CHECK(findings[2].status == Status::Fail);
    CHECK(findings[2].message ==
          "transfer SG->CN does not say what data it carries (data_transfers[].data)");
  }
}

TEST_CASE("crossborder.compliance: not applicable, or missing regions") {
  SUBCASE("skip") {
    auto findings = run_check(kId, plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Skip);
    CHECK(findings[0].message == "not a cross-border launch (no scenarios.cross_border)");
  }
  SUBCASE("no regions") {
    auto findings = run_check(kId, plan_from("scenarios:\n  cross_border: {language: en}\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "no regions declared (scenarios.cross_border.regions)");
  }
}

TEST_CASE("crossborder.compliance: in Chinese") {
  Speaking zh("zh-CN");
  auto pass = run_check(kId, cb_plan(kSg), kAsOf);
  REQUIRE(pass.size() == 1);
  CHECK(pass[0].message == "已由 Mei Lin, counsel SG 于 2026-11-10 00:00 (UTC+08:00) 完成法务签字，涵盖 PDPA、MAS TRM");
  auto fail = run_check(kId, cb_plan("      - {code: SG, timezone: Asia/Singapore}\n"), kAsOf);
  REQUIRE(fail.size() == 1);
  CHECK(fail[0].message == "地区 SG：未列出适用法规（regions[].regulations）；没有法务签字（regions[].legal_signoff）");
  CHECK(fail[0].remediation == "在 regions[].regulations 下列出 SG 的适用法规，并把法务审核登记为 regions[].legal_signoff {by: <法务>, at: <日期>}");
}
