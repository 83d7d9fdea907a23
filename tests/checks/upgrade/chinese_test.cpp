// The upgrade checks' findings in Chinese (docs/i18n.md): the same facts, the catalogue's words.
#include <doctest/doctest.h>

#include "tests/checks/findings_support.h"
#include "tests/support/speaking.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {
const Instant kAsOf = at("2026-12-04T12:00:00+08:00");
}  // namespace

TEST_CASE("upgrade, zh-CN: the project management group passes or fails in Chinese") {
  Speaking zh("zh-CN");
  auto partly = run_check("upgrade.pm-group", plan_from("scenarios:\n  large_upgrade:\n    pm_group: [li.wei, ghost]\n"), kAsOf);
  REQUIRE(partly.size() == 1);
  CHECK(partly[0].status == Status::Pass);
  CHECK(partly[0].message == "项目管理组：li.wei（ghost 未在 contacts 中登记，见 plan.references-valid）");

  auto none = run_check("upgrade.pm-group", plan_from("scenarios:\n  large_upgrade:\n    pm_group: [ghost]\n"), kAsOf);
  REQUIRE(none.size() == 1);
  CHECK(none[0].status == Status::Fail);
  CHECK(none[0].message == "项目管理组中没有一位是已登记的联系人：ghost");

  auto skipped = run_check("upgrade.compatibility", plan_from(""), kAsOf);
  REQUIRE(skipped.size() == 1);
  CHECK(skipped[0].message == "未声明大规模系统升级（scenarios.large_upgrade）");
}

TEST_CASE("upgrade, zh-CN: phases in Chinese, with instants in the plan's zone") {
  Speaking zh("zh-CN");
  auto findings = run_check("upgrade.phased", plan_from(R"(scenarios:
  large_upgrade:
    phases:
      - {name: canary, scope_pct: 20, start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T03:00:00+08:00,
         goals: [g], risks: [r1, r2], entry: [e], exit: [x]}
)"),
                            kAsOf);
  CHECK(about(findings, "phases").message == "1 个阶段，至少 2 个（min_phases）");
  CHECK(about(findings, "phases[canary]").message ==
        "阶段「canary」从 2026-12-05 02:00 (UTC+08:00) 到 2026-12-05 03:00 (UTC+08:00)：1 个目标，2 项风险，1 条准入标准，1 条准出标准");
  auto lacking = run_check("upgrade.phased", plan_from(R"(scenarios:
  large_upgrade:
    phases:
      - {name: 灰度, scope_pct: 5, start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T03:00:00+08:00,
         goals: [g], risks: [r1]}
)"),
                           kAsOf);
  CHECK(about(lacking, "phases[灰度]").message == "阶段「灰度」缺少准入标准（entry）、准出标准（exit）");
  CHECK(about(lacking, "phases[灰度]").remediation.find("填写 entry、exit（") != std::string::npos);
  const Finding& first = about(findings, "phases.first");
  CHECK(first.status == Status::Fail);
  CHECK(first.message == "第一个阶段「canary」覆盖 20%，上限 10%（max_first_scope_pct）");
}
