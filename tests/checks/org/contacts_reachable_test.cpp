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

const std::string kOrganization = "organization:\n  commander: zhang.san\n  deputy: wang.wu\n";

}  // namespace

TEST_CASE("org.contacts-reachable: each referenced contact is checked once, in plan order") {
  // li.wei is the plan owner; zhao.liu and sun.qi are declared but referenced nowhere.
  auto findings = run_check("org.contacts-reachable", org_plan(kOrganization), kAsOf);
  REQUIRE(findings.size() == 3);
  CHECK(with_status(findings, Status::Pass).size() == 3);
  CHECK(findings[0].subject == "contacts[li.wei]");
  CHECK(findings[0].message ==
        "li.wei: phone +8613800000003, email li.wei@example.com, timezone Asia/Shanghai");
  CHECK(where(findings[0]) == "plan.yaml:11:5");
  CHECK(findings[1].subject == "contacts[zhang.san]");
  CHECK(findings[2].subject == "contacts[wang.wu]");
}

TEST_CASE("org.contacts-reachable: missing phone, email or time zone fails naming each") {
  SUBCASE("everything missing") {
    auto findings = run_check(
        "org.contacts-reachable",
        org_plan(kOrganization,
                 "  - {id: li.wei, phone: \"+8613800000003\", email: li.wei@example.com, "
                 "timezone: Asia/Shanghai}\n"
                 "  - {id: zhang.san, name: Zhang San}\n"
                 "  - {id: wang.wu, phone: \"+8613800000002\", email: wang.wu@example.com, "
                 "timezone: Asia/Shanghai}\n"),
        kAsOf);
    REQUIRE(findings.size() == 3);
    const Finding& f = findings[1];
    CHECK(f.status == Status::Fail);
    CHECK(f.subject == "contacts[zhang.san]");
    CHECK(f.message == "zhang.san: no phone; no email; no timezone");
    CHECK(where(f) == "plan.yaml:12:5");
    CHECK(f.remediation ==
          "Complete contacts[zhang.san]: phone in E.164 form (+8613800000001), email address and "
          "IANA timezone (Asia/Shanghai)");
  }
  SUBCASE("an email that is not an address") {
    auto findings = run_check(
        "org.contacts-reachable",
        org_plan(kOrganization,
                 "  - {id: li.wei, phone: \"+8613800000003\", email: li.wei@example.com, "
                 "timezone: Asia/Shanghai}\n"
                 "  - {id: zhang.san, phone: \"+8613800000001\", email: zhang.san.example.com, "
                 "timezone: Asia/Shanghai}\n"
                 "  - {id: wang.wu, phone: \"+8613800000002\", email: wang.wu@example.com, "
                 "timezone: Asia/Shanghai}\n"),
        kAsOf);
    REQUIRE(findings.size() == 3);
    CHECK(findings[1].status == Status::Fail);
    CHECK(findings[1].message == "zhang.san: email 'zhang.san.example.com' is not an address");
    CHECK(where(findings[1]) == "plan.yaml:12:53");
  }
}

TEST_CASE("org.contacts-reachable: phone and zone are validated even in a plan built in code") {
  Plan plan = org_plan(kOrganization);
  Contact& wang = plan.contacts[2];
  REQUIRE(*wang.id == "wang.wu");
  SUBCASE("a 15-digit number is E.164") {
    wang.phone.value = "+123456789012345";
    auto findings = run_check("org.contacts-reachable", plan, kAsOf);
    CHECK(findings[2].status == Status::Pass);
  }
  SUBCASE("16 digits and an unknown zone are not") {
    wang.phone.value = "+1234567890123456";
    wang.timezone.value = "Asia/Peking";
    auto findings = run_check("org.contacts-reachable", plan, kAsOf);
    CHECK(findings[2].status == Status::Fail);
    CHECK(findings[2].message ==
          "wang.wu: phone '+1234567890123456' is not E.164; timezone 'Asia/Peking' is not an IANA "
          "zone");
  }
}

TEST_CASE("org.contacts-reachable: a referenced id that is not declared fails where it is used") {
  auto findings =
      run_check("org.contacts-reachable",
                org_plan("organization:\n  commander: zhang.san\n  deputy: tan.wei\n"), kAsOf);
  REQUIRE(findings.size() == 3);
  const Finding& f = findings[2];
  CHECK(f.status == Status::Fail);
  CHECK(f.subject == "contacts[tan.wei]");
  CHECK(f.message == "tan.wei is referenced (organization.deputy) but not declared in contacts");
  CHECK(where(f) == "plan.yaml:18:11");
}

TEST_CASE(
    "org.contacts-reachable: contact ids paged by a severity level count, role names do not") {
  auto findings = run_check(
      "org.contacts-reachable",
      org_plan("response:\n  severities:\n    - {level: SEV1, page: [commander, zhao.liu]}\n"),
      kAsOf);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].subject == "contacts[li.wei]");
  CHECK(findings[1].subject == "contacts[zhao.liu]");
  CHECK(findings[1].message ==
        "zhao.liu: phone +8613800000004, email zhao.liu@example.com, timezone Europe/London");
}

TEST_CASE("org.contacts-reachable: a gate without parameters") {
  const CheckInfo* info = find_check("org.contacts-reachable");
  REQUIRE(info != nullptr);
  Params p;
  info->make(p);
  CHECK(p.requested().empty());
  CHECK(info->severity == Severity::Gate);
}

TEST_CASE("org.contacts-reachable: in Chinese, the evidence stays English") {
  Speaking zh("zh-CN");
  auto findings = run_check("org.contacts-reachable",
                            org_plan(kOrganization,
                                     "  - {id: li.wei, phone: \"+8613800000003\", email: li.wei@example.com, "
                                     "timezone: Asia/Shanghai}\n"
                                     "  - {id: zhang.san, name: Zhang San}\n"
                                     "  - {id: wang.wu, phone: \"+8613800000002\", email: wang.wu@example.com, "
                                     "timezone: Asia/Shanghai}\n"),
                            kAsOf);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].message == "li.wei：电话 +8613800000003，邮箱 li.wei@example.com，时区 Asia/Shanghai");
  CHECK(findings[1].message == "zhang.san：没有电话；没有邮箱；没有时区");
  CHECK(findings[1].remediation == "补全 contacts[zhang.san]：E.164 格式的电话（+8613800000001）、邮箱和 IANA 时区（Asia/Shanghai）");
  REQUIRE(findings[1].evidence[0].first == "problems");
  CHECK(std::get<std::vector<std::string>>(findings[1].evidence[0].second.get()) ==
        std::vector<std::string>{"no phone", "no email", "no timezone"});
}
