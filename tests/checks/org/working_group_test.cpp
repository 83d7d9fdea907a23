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

/// The working group written on line 18 as `  working_group: [...]` (the list at column 18).
Plan group(const std::string& members) {
  return org_plan("organization:\n  commander: zhang.san\n  working_group: [" + members + "]\n");
}

}  // namespace

TEST_CASE("org.working-group: enough declared members pass") {
  auto findings = run_check("org.working-group", group("li.wei, zhao.liu, sun.qi"), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].subject == "organization.working_group");
  CHECK(findings[0].message == "3 members: li.wei, zhao.liu, sun.qi (minimum 2)");
  CHECK(where(findings[0]) == "plan.yaml:18:18");
}

TEST_CASE("org.working-group: two members pass, one fails") {
  SUBCASE("exactly the minimum") {
    auto findings = run_check("org.working-group", group("li.wei, sun.qi"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].message == "2 members: li.wei, sun.qi (minimum 2)");
  }
  SUBCASE("one short") {
    auto findings = run_check("org.working-group", group("li.wei"), kAsOf);
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.status == Status::Fail);
    CHECK(f.message == "1 declared member: li.wei, minimum 2");
    CHECK(where(f) == "plan.yaml:18:18");
    CHECK(f.remediation ==
          "List at least 2 declared contacts in organization.working_group: the people who carry "
          "out the response under the commander");
  }
}

TEST_CASE("org.working-group: every member must be a declared contact, listed once") {
  SUBCASE("a typo") {
    auto findings = run_check("org.working-group", group("li.wei, sun.qi, zhao.lui"), kAsOf);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].subject == "organization.working_group[2]");
    CHECK(findings[0].message ==
          "member zhao.lui is not a declared contact (did you mean 'zhao.liu'?)");
    CHECK(where(findings[0]) == "plan.yaml:18:35");
    CHECK(findings[1].status == Status::Pass);
    CHECK(findings[1].message == "2 members: li.wei, sun.qi (minimum 2)");
  }
  SUBCASE("unknown people do not count toward the minimum") {
    auto findings = run_check("org.working-group", group("li.wei, tan.wei"), kAsOf);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].message == "member tan.wei is not a declared contact");
    CHECK(findings[1].status == Status::Fail);
    CHECK(findings[1].message == "1 declared member: li.wei, minimum 2");
  }
  SUBCASE("a repeated member counts once") {
    auto findings = run_check("org.working-group", group("li.wei, li.wei"), kAsOf);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].subject == "organization.working_group[1]");
    CHECK(findings[0].message == "member li.wei is listed more than once");
    CHECK(findings[1].message == "1 declared member: li.wei, minimum 2");
  }
}

TEST_CASE("org.working-group: a missing group fails naming the key") {
  SUBCASE("no working_group key") {
    auto findings =
        run_check("org.working-group", org_plan("organization:\n  commander: zhang.san\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "no working group (organization.working_group), minimum 2 members");
    CHECK(where(findings[0]) == "plan.yaml:17:3");
  }
  SUBCASE("no organization") {
    auto findings = run_check("org.working-group", org_plan(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message == "no organization section, so there is no working group");
  }
}

TEST_CASE("org.working-group: min_members comes from the rule's parameters") {
  SUBCASE("stricter") {
    auto findings = run_check("org.working-group", group("li.wei, zhao.liu, sun.qi"), kAsOf,
                              {{"min_members", "4"}});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "3 declared members: li.wei, zhao.liu, sun.qi, minimum 4");
  }
  SUBCASE("looser") {
    auto findings = run_check("org.working-group", group("li.wei"), kAsOf, {{"min_members", "1"}});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
  }
  SUBCASE("not a number") {
    CHECK_THROWS_WITH_AS(
        run_check("org.working-group", group("li.wei"), kAsOf, {{"min_members", "two"}}),
        "params.min_members: 'two' is not a whole number", InputError);
  }
}

TEST_CASE("org.working-group: in Chinese") {
  Speaking zh("zh-CN");
  auto pass = run_check("org.working-group", group("wang.wu, zhao.liu"), kAsOf);
  REQUIRE(pass.size() == 1);
  CHECK(pass[0].message == "2 名成员：wang.wu、zhao.liu（至少 2 名）");
  auto fail = run_check("org.working-group", group("wang.wu, zhao.lui"), kAsOf);
  REQUIRE(fail.size() == 2);
  CHECK(fail[0].message == "成员 zhao.lui 不是登记的联系人（是不是要写「zhao.liu」？）");
  CHECK(fail[0].remediation == "改正 organization.working_group[1]，或在 contacts 中添加 id 为 zhao.lui 的联系人");
  CHECK(fail[1].message == "登记的成员只有 1 名：wang.wu，至少需要 2 名");
  CHECK(fail[1].remediation == "在 organization.working_group 中列出至少 2 名已登记的联系人，即在指挥长领导下执行应急处置的人员");
}
