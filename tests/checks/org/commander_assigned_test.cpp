#include <doctest/doctest.h>
#include <fmt/format.h>

#include "tests/support/speaking.h"
#include "tests/checks/org/org_plans.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

std::string where(const Finding& f) {
  return fmt::format("{}:{}:{}", f.location.file, f.location.line, f.location.column);
}

}  // namespace

TEST_CASE("org.commander-assigned: two different people with phones pass") {
  auto findings =
      run_check("org.commander-assigned",
                org_plan("organization:\n  commander: zhang.san\n  deputy: wang.wu\n"), kAsOf);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].subject == "organization.commander");
  CHECK(findings[0].message == "commander zhang.san, phone +8613800000001");
  CHECK(where(findings[0]) == "plan.yaml:17:14");
  CHECK(findings[1].status == Status::Pass);
  CHECK(findings[1].subject == "organization.deputy");
  CHECK(findings[1].message == "deputy wang.wu, phone +8613800000002");
}

TEST_CASE("org.commander-assigned: the deputy must be another person") {
  auto findings =
      run_check("org.commander-assigned",
                org_plan("organization:\n  commander: zhang.san\n  deputy: zhang.san\n"), kAsOf);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].status == Status::Pass);
  const Finding& f = findings[1];
  CHECK(f.status == Status::Fail);
  CHECK(f.subject == "organization.deputy");
  CHECK(f.message ==
        "the deputy zhang.san is also the commander: the deputy must be another person");
  CHECK(where(f) == "plan.yaml:18:11");
  CHECK(f.remediation ==
        "Name a different person as organization.deputy, who takes command when the commander "
        "cannot be reached");
}

TEST_CASE("org.commander-assigned: missing people and phones fail naming the key") {
  SUBCASE("no deputy") {
    auto findings = run_check("org.commander-assigned",
                              org_plan("organization:\n  commander: zhang.san\n"), kAsOf);
    REQUIRE(findings.size() == 2);
    CHECK(findings[1].status == Status::Fail);
    CHECK(findings[1].message == "no deputy set (organization.deputy)");
    CHECK(where(findings[1]) == "plan.yaml:17:3");
  }
  SUBCASE("a commander who is not a contact") {
    auto findings =
        run_check("org.commander-assigned",
                  org_plan("organization:\n  commander: zhang.sna\n  deputy: wang.wu\n"), kAsOf);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "commander zhang.sna is not a declared contact");
    CHECK(where(findings[0]) == "plan.yaml:17:14");
  }
  SUBCASE("a deputy without a phone") {
    auto findings = run_check("org.commander-assigned",
                              org_plan("organization:\n  commander: zhang.san\n  deputy: wang.wu\n",
                                       "  - {id: li.wei, phone: \"+8613800000003\"}\n"
                                       "  - {id: zhang.san, phone: \"+8613800000001\"}\n"
                                       "  - {id: wang.wu, email: wang.wu@example.com}\n"),
                              kAsOf);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[1].status == Status::Fail);
    CHECK(findings[1].message == "deputy wang.wu has no phone");
    CHECK(where(findings[1]) == "plan.yaml:13:5");
    CHECK(findings[1].remediation ==
          "Record the deputy's phone in contacts[wang.wu].phone in E.164 form (e.g. "
          "+8613800000001)");
  }
  SUBCASE("no organization at all") {
    auto findings = run_check("org.commander-assigned", org_plan(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].subject == "organization");
    CHECK(findings[0].message == "no organization section, so no commander or deputy is named");
    CHECK(where(findings[0]) == "plan.yaml:1:1");
  }
}

TEST_CASE("org.commander-assigned: a phone must be E.164 (at most 15 digits)") {
  Plan plan = org_plan("organization:\n  commander: zhang.san\n  deputy: wang.wu\n");
  // The loader refuses such numbers; a plan built in code may still hold one.
  Contact& zhang = plan.contacts[1];
  REQUIRE(*zhang.id == "zhang.san");
  SUBCASE("15 digits") {
    zhang.phone.value = "+123456789012345";
    auto findings = run_check("org.commander-assigned", plan, kAsOf);
    CHECK(findings[0].status == Status::Pass);
  }
  SUBCASE("16 digits") {
    zhang.phone.value = "+1234567890123456";
    auto findings = run_check("org.commander-assigned", plan, kAsOf);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "commander zhang.san has phone '+1234567890123456', which is not an E.164 number");
  }
}

TEST_CASE("org.commander-assigned: a gate without parameters") {
  const CheckInfo* info = find_check("org.commander-assigned");
  REQUIRE(info != nullptr);
  Params p;
  info->make(p);
  CHECK(p.requested().empty());
  CHECK(info->severity == Severity::Gate);
}

TEST_CASE("org.commander-assigned: in Chinese") {
  Speaking zh("zh-CN");
  auto pass = run_check("org.commander-assigned",
                        org_plan("organization:\n  commander: zhang.san\n  deputy: wang.wu\n"), kAsOf);
  REQUIRE(pass.size() == 2);
  CHECK(pass[0].message == "指挥长 zhang.san，电话 +8613800000001");
  auto fail = run_check("org.commander-assigned", org_plan("organization:\n  commander: zhang.san\n"), kAsOf);
  REQUIRE(fail.size() == 2);
  CHECK(fail[1].message == "未指定副指挥长（organization.deputy）");
  CHECK(fail[1].remediation == "在 organization.deputy 中指定副指挥长：一个有电话的联系人 id，且不能是指挥长");
}
