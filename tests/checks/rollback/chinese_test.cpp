// The rollback checks' findings in Chinese (docs/i18n.md): the same facts, the catalogue's words.
#include <doctest/doctest.h>

#include "tests/checks/findings_support.h"
#include "tests/support/speaking.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

Plan rollback_plan(const std::string& tested_at, const std::string& result) {
  return plan_from(R"(rollback:
  strategy: blue_green
  runbook: https://wiki.example.com/payments/rollback
  duration: 30m
  verification: 15m
  tested:
    at: )" + tested_at + R"(
    version: 3.0.0-rc2
    environment: staging
    result: )" + result + R"(
    duration: 22m
)");
}

}  // namespace

TEST_CASE("rollback, zh-CN: a recent rehearsal passes, a failed one fails, in Chinese") {
  Speaking zh("zh-CN");
  auto passed = run_check("rollback.tested", rollback_plan("2026-11-28", "pass"), kAsOf);
  REQUIRE(passed.size() == 1);
  CHECK(passed[0].status == Status::Pass);
  CHECK(passed[0].message == "3.0.0-rc2 在「staging」的回滚演练于 6天12小时前通过，上限 30天（max_age）");

  auto failed = run_check("rollback.tested", rollback_plan("2026-11-28", "fail"), kAsOf);
  REQUIRE(failed.size() == 1);
  CHECK(failed[0].status == Status::Fail);
  CHECK(failed[0].message == "3.0.0-rc2 在「staging」的回滚演练未通过（result: fail）");
  CHECK(failed[0].remediation == "解决导致回滚演练失败的问题，重新演练，并在 rollback.tested 下登记通过的结果");
}

TEST_CASE("rollback, zh-CN: the window computation reads in Chinese instants and durations") {
  Speaking zh("zh-CN");
  auto findings = run_check("rollback.fits-window", rollback_plan("2026-11-28", "pass"), kAsOf);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].message ==
        "从上线窗口开始（2026-12-05 02:00 (UTC+08:00)）开始回滚：30分钟 + 验证 15分钟，于 2026-12-05 02:45 (UTC+08:00) "
        "完成，比上线窗口结束时刻 2026-12-05 06:00 (UTC+08:00) 早 3小时15分钟");
  CHECK(findings[1].message == "回滚演练用时 22分钟，未超过计划的 30分钟");
  // Where the rollback starts is a phrase for people: the evidence says it in Chinese too.
  CHECK(text_evidence(findings[0], "start_from") == "上线窗口开始");
  Plan unnamed = rollback_plan("2026-11-28", "pass");
  unnamed.go_live.checkpoints.push_back(Checkpoint{});
  unnamed.go_live.checkpoints.back().at = Field<Instant>(at("2026-12-05T03:00:00+08:00"), SourceLoc{});
  auto from_unnamed = run_check("rollback.fits-window", unnamed, kAsOf);
  REQUIRE(!from_unnamed.empty());
  CHECK(text_evidence(from_unnamed[0], "start_from") == "最后一个检查点（未命名）");

  auto manual = run_check("rollback.automated", plan_from("rollback:\n  automated: false\n"), kAsOf);
  REQUIRE(manual.size() == 1);
  CHECK(manual[0].message == "回滚为手工操作（rollback.automated: false）");
}
