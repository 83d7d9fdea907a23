// The staffing checks' findings in Chinese (docs/i18n.md): the same facts, the catalogue's words.
#include <doctest/doctest.h>

#include "tests/checks/findings_support.h"
#include "tests/support/speaking.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {
const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

Plan trained_plan() {
  return plan_from(R"(organization:
  commander: li.wei
training:
  - {topic: 预案培训, at: 2026-11-15, attendees: [li.wei]}
)");
}
}  // namespace

TEST_CASE("staffing, zh-CN: training within max_age passes, older fails, in Chinese") {
  Speaking zh("zh-CN");
  auto recent = run_check("staffing.trained", trained_plan(), kAsOf);
  REQUIRE(recent.size() == 1);
  CHECK(recent[0].status == Status::Pass);
  CHECK(recent[0].message == "li.wei（指挥长）于 19天12小时前接受培训（「预案培训」），上限 365天");

  auto stale = run_check("staffing.trained", trained_plan(), kAsOf, {{"max_age", "10d"}});
  REQUIRE(stale.size() == 1);
  CHECK(stale[0].status == Status::Fail);
  CHECK(stale[0].message == "li.wei（指挥长）最近一次培训在 19天12小时前（「预案培训」），上限 10天");
  CHECK(stale[0].remediation == "为 li.wei 重新进行应急预案培训，并登记在 training[] 中");
}

TEST_CASE("staffing, zh-CN: on-call gaps are listed in the plan's zone, in Chinese") {
  Speaking zh("zh-CN");
  auto findings = run_check("staffing.oncall-coverage", plan_from(R"(oncall:
  shifts:
    - {who: li.wei, level: primary, from: 2026-12-05T02:00:00+08:00, to: 2026-12-05T05:00:00+08:00}
)"),
                            kAsOf);
  const Finding& primary = about(findings, "oncall[primary]");
  CHECK(primary.status == Status::Fail);
  CHECK(primary.message ==
        "主值班在 2026-12-05 02:00 (UTC+08:00) → 2026-12-05 06:00 (UTC+08:00)（上线窗口，无保障期）中有 1 "
        "个空档：2026-12-05 05:00 (UTC+08:00) → 2026-12-05 06:00 (UTC+08:00)（1小时）");
  CHECK(about(findings, "oncall[backup]").message ==
        "没有备值班班次：2026-12-05 02:00 (UTC+08:00) → 2026-12-05 06:00 (UTC+08:00)（上线窗口，无保障期）无人覆盖");
  CHECK(about(findings, "oncall[separation]").message == "没有人在同一时刻既是主值班又是备值班");
}
