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

/// Roles written on line 18 as `  roles: {...}` (the mapping at column 10).
Plan roles(const std::string& roles) {
  return org_plan("organization:\n  commander: zhang.san\n  roles: {" + roles + "}\n");
}

}  // namespace

TEST_CASE("org.roles-filled: each assigned role passes") {
  auto findings = run_check("org.roles-filled",
                            roles("ops_lead: li.wei, comms_lead: zhao.liu, scribe: sun.qi"), kAsOf);
  REQUIRE(findings.size() == 3);
  CHECK(with_status(findings, Status::Pass).size() == 3);
  CHECK(findings[0].subject == "organization.roles.ops_lead");
  CHECK(findings[0].message == "ops_lead: li.wei");
  CHECK(where(findings[0]) == "plan.yaml:18:21");
  CHECK(findings[1].message == "comms_lead: zhao.liu");
  CHECK(findings[2].message == "scribe: sun.qi");
}

TEST_CASE("org.roles-filled: a missing role fails naming the key") {
  SUBCASE("no scribe") {
    auto findings =
        run_check("org.roles-filled", roles("ops_lead: li.wei, comms_lead: zhao.liu"), kAsOf);
    REQUIRE(findings.size() == 3);
    const Finding& f = findings[2];
    CHECK(f.status == Status::Fail);
    CHECK(f.subject == "organization.roles.scribe");
    CHECK(f.message == "no scribe assigned (organization.roles.scribe)");
    CHECK(where(f) == "plan.yaml:18:10");
    CHECK(f.remediation == "Assign a contact id to organization.roles.scribe");
  }
  SUBCASE("no roles at all") {
    auto findings =
        run_check("org.roles-filled", org_plan("organization:\n  commander: zhang.san\n"), kAsOf);
    REQUIRE(findings.size() == 3);
    CHECK(with_status(findings, Status::Fail).size() == 3);
    CHECK(findings[0].message == "no ops_lead assigned (organization.roles.ops_lead)");
    CHECK(where(findings[0]) == "plan.yaml:17:3");
  }
  SUBCASE("no organization") {
    auto findings = run_check("org.roles-filled", org_plan(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message ==
          "no organization section, so ops_lead, comms_lead and scribe are not assigned");
  }
}

TEST_CASE("org.roles-filled: the commander is not also the ops_lead") {
  auto findings =
      run_check("org.roles-filled",
                roles("ops_lead: zhang.san, comms_lead: zhao.liu, scribe: sun.qi"), kAsOf);
  REQUIRE(findings.size() == 3);
  const Finding& f = findings[0];
  CHECK(f.status == Status::Fail);
  CHECK(f.message ==
        "the commander zhang.san is also the ops_lead: whoever decides should not also run the "
        "technical response");
  CHECK(where(f) == "plan.yaml:18:21");
  CHECK(findings[1].status == Status::Pass);
  CHECK(findings[2].status == Status::Pass);
}

TEST_CASE("org.roles-filled: the commander may hold another role") {
  auto findings = run_check(
      "org.roles-filled", roles("ops_lead: li.wei, comms_lead: zhang.san, scribe: sun.qi"), kAsOf);
  CHECK(with_status(findings, Status::Pass).size() == 3);
}

TEST_CASE("org.roles-filled: a warning without parameters") {
  const CheckInfo* info = find_check("org.roles-filled");
  REQUIRE(info != nullptr);
  Params p;
  info->make(p);
  CHECK(p.requested().empty());
  CHECK(info->severity == Severity::Warn);
}

TEST_CASE("org.roles-filled: in Chinese") {
  Speaking zh("zh-CN");
  auto findings = run_check("org.roles-filled", roles("ops_lead: zhang.san, comms_lead: wang.wu"), kAsOf);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].message == "指挥长 zhang.san 同时担任运维负责人（ops_lead）：做决策的人不应同时负责技术处置");
  CHECK(findings[0].remediation == "把 organization.roles.ops_lead 交给指挥长以外的人");
  CHECK(findings[1].message == "通报负责人：wang.wu");
  CHECK(findings[2].message == "未指定记录员（organization.roles.scribe）");
  CHECK(findings[2].remediation == "为 organization.roles.scribe 指定一个联系人 id");
}
