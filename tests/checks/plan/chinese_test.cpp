// The plan checks' findings in Chinese (docs/i18n.md): the same facts, the catalogue's words.
#include <doctest/doctest.h>

#include "tests/checks/findings_support.h"
#include "tests/support/speaking.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {
const Instant kAsOf = at("2026-12-04T12:00:00+08:00");
}  // namespace

TEST_CASE("plan, zh-CN: a current revision passes and an overdue one fails, in Chinese") {
  Speaking zh("zh-CN");
  auto current = run_check("plan.revision-current", plan_from(""), kAsOf);
  REQUIRE(current.size() == 1);
  CHECK(current[0].status == Status::Pass);
  CHECK(current[0].message == "33天12小时前修订，复审周期 365天（规则参数 review_every）");

  auto overdue = run_check("plan.revision-current", plan_from(""), kAsOf, {{"review_every", "30d"}});
  REQUIRE(overdue.size() == 1);
  CHECK(overdue[0].status == Status::Fail);
  CHECK(overdue[0].message == "33天12小时前修订，复审周期 30天（规则参数 review_every）：复审已逾期 3天12小时");
  CHECK(overdue[0].remediation ==
        "与应急指挥部一起复审预案，然后更新 plan.revised_at，并请指挥长重新审批（上次修订为 2026-11-01 00:00 (UTC+08:00)）");
}

TEST_CASE("plan, zh-CN: approvals and references in Chinese") {
  Speaking zh("zh-CN");
  auto approved = run_check("plan.approved", plan_from(""), kAsOf);
  REQUIRE(approved.size() == 1);
  CHECK(approved[0].message == "未设置 organization.commander，无法确认哪条审批出自指挥长");

  auto refs = run_check("plan.references-valid", plan_from("organization:\n  commander: li.wie\n"), kAsOf);
  const Finding& f = about(refs, "organization.commander");
  CHECK(f.message == "organization.commander：「li.wie」不是已声明的联系人 id（是不是要写「li.wei」？）");
  CHECK(f.remediation == "把 organization.commander 改为 li.wei，或在 contacts 中添加 id 为 li.wie 的联系人");
}
