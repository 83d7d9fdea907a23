// The response checks' findings in Chinese (docs/i18n.md): the same facts, the catalogue's words.
#include <doctest/doctest.h>

#include "tests/support/speaking.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {
const Instant kAsOf = at("2026-12-04T12:00:00+08:00");
}  // namespace

TEST_CASE("response, zh-CN: comms pass, missing keys and stages fail, in Chinese") {
  Speaking zh("zh-CN");
  auto comms = run_check("response.comms",
                         plan_from("response:\n  comms: {channel: \"#golive\", owner: li.wei, update_every: 30m}\n"), kAsOf);
  REQUIRE(comms.size() == 1);
  CHECK(comms[0].status == Status::Pass);
  CHECK(comms[0].message == "渠道「#golive」，负责人 li.wei，每 30分钟更新一次");

  auto partial = run_check("response.comms", plan_from("response:\n  comms: {channel: \"#golive\"}\n"), kAsOf);
  REQUIRE(partial.size() == 1);
  CHECK(partial[0].message == "response.comms 缺少 owner、update_every");
  CHECK(partial[0].remediation == "在 response.comms 中设置 owner、update_every");

  auto stages = run_check("response.stages", plan_from("response:\n  stages: [report, assess, activate, handle]\n"), kAsOf);
  REQUIRE(stages.size() == 1);
  CHECK(stages[0].status == Status::Fail);
  // Each stage in the standard's words, the plan's value after it; the fix names what to write.
  CHECK(stages[0].message == "缺少阶段：信息通报（notify）、总结改进（review）");
  CHECK(stages[0].remediation == "在预案中说明应急响应流程缺少的各阶段，并在 response.stages 中列出 notify、review");
  auto all = run_check("response.stages",
                       plan_from("response:\n  stages: [report, assess, activate, handle, notify, review]\n"), kAsOf);
  REQUIRE(all.size() == 1);
  CHECK(all[0].message ==
        "六个阶段齐全：问题发现（report）、问题评估（assess）、应急启动（activate）、应急处理（handle）、"
        "信息通报（notify）、总结改进（review）");
}

TEST_CASE("response, zh-CN: the escalation to the commander in Chinese") {
  Speaking zh("zh-CN");
  auto findings = run_check("response.escalation", plan_from(R"(organization:
  commander: li.wei
response:
  escalation:
    - {level: 1, target: li.wei, after: 5m}
)"),
                            kAsOf);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].message == "1 级：li.wei，至少需要 2 级");
  CHECK(findings[1].status == Status::Pass);
  CHECK(findings[1].message == "在第 1 级到达指挥长 li.wei，用时 0秒，上限 30分钟");
}
