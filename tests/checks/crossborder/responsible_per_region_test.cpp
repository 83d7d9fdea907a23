#include <doctest/doctest.h>
#include <fmt/format.h>

#include "tests/support/speaking.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");
const char* const kId = "crossborder.responsible-per-region";

std::string where(const Finding& f) {
  return fmt::format("{}:{}:{}", f.location.file, f.location.line, f.location.column);
}

/// The minimal plan with one more contact (line 12) and the regions (from line 16).
Plan region_plan(const std::string& contact, const std::string& regions) {
  return plan_from(contact + "scenarios:\n  cross_border:\n    regions:\n" + regions);
}

const std::string kTanWei =
    "  - {id: tan.wei, name: Tan Wei, phone: \"+6591234567\", email: tan.wei@example.com}\n";
const std::string kSg = "      - {code: SG, timezone: Asia/Singapore, responsible: tan.wei}\n";

}  // namespace

TEST_CASE("crossborder.responsible-per-region: a reachable responsible passes") {
  auto findings = run_check(kId, region_plan(kTanWei, kSg), kAsOf);
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.status == Status::Pass);
  CHECK(f.subject == "regions[SG]");
  CHECK(f.message == "responsible tan.wei reachable at +6591234567 and tan.wei@example.com");
  CHECK(where(f) == "plan.yaml:16:59");
}

TEST_CASE("crossborder.responsible-per-region: one finding per region") {
  auto findings = run_check(
      kId, region_plan(kTanWei, kSg + "      - {code: CN, timezone: Asia/Shanghai, responsible: li.wei}\n"
                                      "      - {timezone: Europe/Berlin}\n"),
      kAsOf);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[1].subject == "regions[CN]");
  CHECK(findings[1].status == Status::Pass);
  CHECK(findings[2].subject == "regions[2]");
  CHECK(findings[2].status == Status::Fail);
  CHECK(findings[2].message == "region 2 names no responsible contact (regions[].responsible)");
  CHECK(where(findings[2]) == "plan.yaml:18:9");
}

TEST_CASE("crossborder.responsible-per-region: a responsible who cannot be reached fails") {
  SUBCASE("no email") {
    auto findings = run_check(
        kId, region_plan("  - {id: tan.wei, name: Tan Wei, phone: \"+6591234567\"}\n", kSg), kAsOf);
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "responsible tan.wei of region SG cannot be reached: no email (contacts[tan.wei].email)");
    CHECK(where(f) == "plan.yaml:12:5");
    CHECK(f.remediation ==
          "Give contact tan.wei an E.164 phone (+6591234567) and an email address, or name a "
          "reachable contact as responsible for SG");
  }
  SUBCASE("neither phone nor a real address") {
    auto findings = run_check(
        kId, region_plan("  - {id: tan.wei, email: tan.wei-at-example}\n", kSg), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "responsible tan.wei of region SG cannot be reached: no phone (contacts[tan.wei].phone), "
          "email 'tan.wei-at-example' is not an address");
  }
}

TEST_CASE("crossborder.responsible-per-region: the responsible must be a contact") {
  auto findings = run_check(
      kId, region_plan(kTanWei, "      - {code: SG, timezone: Asia/Singapore, responsible: mei.lin}\n"),
      kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].message == "responsible mei.lin of region SG is not among contacts");
  CHECK(where(findings[0]) == "plan.yaml:16:59");
  CHECK(findings[0].remediation ==
        "Add mei.lin to contacts with phone and email, or name an existing contact as "
        "responsible for SG");
}

TEST_CASE("crossborder.responsible-per-region: missing regions or section") {
  SUBCASE("no regions") {
    auto findings = run_check(kId, plan_from("scenarios:\n  cross_border: {language: en}\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "no regions declared (scenarios.cross_border.regions)");
  }
  SUBCASE("tagged cross-border without the section") {
    Plan plan = plan_from(
        "golive: 1\nplan: {id: t, name: T, owner: li.wei, revised_at: 2026-11-01, scenarios: [cross-border]}\n"
        "go_live: {window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}}\n");
    auto findings = run_check(kId, plan, kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "plan.scenarios lists cross-border but scenarios.cross_border is missing");
  }
  SUBCASE("not a cross-border launch") {
    auto findings = run_check(kId, plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Skip);
  }
  SUBCASE("the check has no parameters") {
    CHECK(find_check(kId)->severity == Severity::Gate);
    Params p;
    (void)find_check(kId)->make(p);
    CHECK(p.requested().empty());
  }
}

TEST_CASE("crossborder.responsible-per-region: in Chinese") {
  Speaking zh("zh-CN");
  auto pass = run_check(kId, region_plan(kTanWei, kSg), kAsOf);
  REQUIRE(pass.size() == 1);
  CHECK(pass[0].message == "负责人 tan.wei 可通过 +6591234567 和 tan.wei@example.com 联系");
  auto fail = run_check(kId, region_plan("  - {id: tan.wei, name: Tan Wei, phone: \"+6591234567\"}\n", kSg), kAsOf);
  REQUIRE(fail.size() == 1);
  CHECK(fail[0].message == "地区 SG 的负责人 tan.wei 无法联系：没有邮箱（contacts[tan.wei].email）");
  CHECK(fail[0].remediation == "为联系人 tan.wei 填写 E.164 电话（+6591234567）和邮箱，或指定一位联系得上的人为 SG 的负责人");
}
