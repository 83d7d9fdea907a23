// The resources checks' findings in Chinese (docs/i18n.md): the same facts, the catalogue's words.
#include <doctest/doctest.h>

#include "tests/checks/findings_support.h"
#include "tests/support/speaking.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {
const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

Plan load_plan(const std::string& result) {
  return plan_from("resources:\n  load_test: {at: 2026-11-25, multiple_of_peak: 2.5, result: " + result + "}\n");
}
}  // namespace

TEST_CASE("resources, zh-CN: a load test passes or fails in Chinese") {
  Speaking zh("zh-CN");
  auto passed = run_check("resources.load-tested", load_plan("pass"), kAsOf);
  REQUIRE(passed.size() == 1);
  CHECK(passed[0].status == Status::Pass);
  CHECK(passed[0].message == "预计峰值 2.5 倍（最低 2 倍）的压力测试于 9天12小时前通过（上限 90天）");

  auto failed = run_check("resources.load-tested", load_plan("fail"), kAsOf);
  REQUIRE(failed.size() == 1);
  CHECK(failed[0].status == Status::Fail);
  CHECK(failed[0].message == "压力测试未通过（result: fail）");
}

TEST_CASE("resources, zh-CN: spares on hand pass, a lead time above the RTO fails") {
  Speaking zh("zh-CN");
  auto findings = run_check("resources.spare-hardware", plan_from(R"(systems:
  - {id: payments-api, tier: 1, rto: 15m}
  - {id: ledger, tier: 1, rto: 1h}
resources:
  spares:
    - {component: app-server, covers: [payments-api], on_hand: 2, location: DC-A rack 12}
    - {component: core-switch, covers: [ledger], on_hand: 0, lead_time: 4h}
)"),
                            kAsOf);
  CHECK(about(findings, "systems[payments-api]").message == "由「app-server」覆盖：「DC-A rack 12」有现货 2 件");
  const Finding& ledger = about(findings, "systems[ledger]");
  CHECK(ledger.status == Status::Fail);
  CHECK(ledger.message == "ledger 的备件没有现货，最短到货时间为 4小时（「core-switch」），超过其 RTO 1小时");
  CHECK(ledger.remediation == "为 ledger 备一件「core-switch」现货：超过 1小时才到货的替换件会突破其 rto");
}
