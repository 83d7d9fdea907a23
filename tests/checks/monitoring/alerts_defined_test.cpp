#include <doctest/doctest.h>
#include <fmt/format.h>

#include "tests/support/speaking.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

std::string where(const Finding& f) {
  return fmt::format("{}:{}:{}", f.location.file, f.location.line, f.location.column);
}

// `monitoring:` is line 12; `required_alerts` line 16; the alerts start on line 18.
const char* const kHeader = R"(monitoring:
  prometheus:
    url: http://127.0.0.1:9090
    job: payments-api
    required_alerts: [PaymentsDown, LedgerLag]
  alerts:
    - name: PaymentsDown
      severity: critical
      runbook: https://wiki.example.com/rb/payments-down
)";

}  // namespace

TEST_CASE("monitoring.alerts-defined: one pass when every alert is complete") {
  Plan plan = plan_from(std::string(kHeader) + R"(    - name: LedgerLag
      severity: warning
      runbook: https://wiki.example.com/rb/ledger-lag
)");
  auto findings = run_check("monitoring.alerts-defined", plan, kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].subject == "monitoring");
  CHECK(findings[0].message ==
        "2 alert(s), 1 critical (PaymentsDown), all with runbooks; required alerts declared: "
        "PaymentsDown, LedgerLag");
}

TEST_CASE("monitoring.alerts-defined: each problem subject gets one finding") {
  Plan plan = plan_from(std::string(kHeader) + R"(    - name: HighLatency
      severity: warning
)");
  auto findings = run_check("monitoring.alerts-defined", plan, kAsOf);
  REQUIRE(findings.size() == 2);

  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].subject == "alerts[HighLatency]");
  CHECK(findings[0].message == "alert HighLatency has no runbook");
  CHECK(where(findings[0]) == "plan.yaml:21:7");
  CHECK(findings[0].remediation ==
        "Write the runbook for HighLatency (what to check, how to mitigate, whom to escalate to) "
        "and link it as its runbook");

  CHECK(findings[1].status == Status::Fail);
  CHECK(findings[1].subject == "alerts[LedgerLag]");
  CHECK(findings[1].message ==
        "required alert LedgerLag (monitoring.prometheus.required_alerts) is not among "
        "monitoring.alerts");
  CHECK(where(findings[1]) == "plan.yaml:16:37");
}

TEST_CASE("monitoring.alerts-defined: without a critical alert nobody is paged") {
  Plan plan = plan_from(R"(monitoring:
  alerts:
    - {name: HighLatency, severity: warning, runbook: "https://wiki.example.com/rb/latency"}
    - {name: DiskFilling, severity: Warning, runbook: "https://wiki.example.com/rb/disk"}
)");
  auto findings = run_check("monitoring.alerts-defined", plan, kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].subject == "monitoring");
  CHECK(findings[0].message == "none of the 2 alerts has severity critical");
  CHECK(findings[0].location.line == 14);
}

TEST_CASE("monitoring.alerts-defined: severity is compared without regard to case") {
  Plan plan = plan_from(R"(monitoring:
  alerts:
    - {name: PaymentsDown, severity: CRITICAL, runbook: "https://wiki.example.com/rb/down"}
)");
  auto findings = run_check("monitoring.alerts-defined", plan, kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].message == "1 alert(s), 1 critical (PaymentsDown), all with runbooks");
}

TEST_CASE("monitoring.alerts-defined: missing data fails") {
  SUBCASE("no monitoring section") {
    auto findings = run_check("monitoring.alerts-defined", plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].subject == "monitoring");
    CHECK(findings[0].message == "no monitoring section, so no alert is defined");
  }
  SUBCASE("no alerts, but required ones") {
    Plan plan = plan_from(R"(monitoring:
  prometheus: {url: "http://127.0.0.1:9090", job: payments-api, required_alerts: [PaymentsDown]}
)");
    auto findings = run_check("monitoring.alerts-defined", plan, kAsOf);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].subject == "monitoring");
    CHECK(findings[0].message == "no alerts defined (monitoring.alerts)");
    CHECK(findings[0].location.line == 13);
    CHECK(findings[1].subject == "alerts[PaymentsDown]");
    CHECK(findings[1].status == Status::Fail);
  }
  SUBCASE("an alert without a name is named by position") {
    Plan plan = plan_from(R"(monitoring:
  alerts:
    - {name: PaymentsDown, severity: critical, runbook: "https://wiki.example.com/rb/down"}
    - {severity: warning}
)");
    auto findings = run_check("monitoring.alerts-defined", plan, kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].subject == "alerts[1]");
    CHECK(findings[0].message == "alert alerts[1] has no runbook");
  }
}

TEST_CASE("monitoring.alerts-defined: a gate without parameters") {
  const CheckInfo* info = find_check("monitoring.alerts-defined");
  REQUIRE(info != nullptr);
  CHECK(info->severity == Severity::Gate);
  CHECK(info->category == "monitoring");
  Params p;
  (void)info->make(p);
  CHECK(p.requested().empty());
}

TEST_CASE("monitoring.alerts-defined: in Chinese") {
  Speaking zh("zh-CN");
  auto pass = run_check("monitoring.alerts-defined", plan_from(std::string(kHeader) + R"(    - name: LedgerLag
      severity: warning
      runbook: https://wiki.example.com/rb/ledger-lag
)"), kAsOf);
  REQUIRE(pass.size() == 1);
  CHECK(pass[0].message == "共 2 条告警，其中 1 条为 critical（PaymentsDown），均有处置手册；必需告警均已声明：PaymentsDown、LedgerLag");
  auto fail = run_check("monitoring.alerts-defined", plan_from(std::string(kHeader) + R"(    - name: HighLatency
      severity: warning
)"), kAsOf);
  REQUIRE(fail.size() == 2);
  CHECK(fail[0].message == "告警 HighLatency 没有处置手册");
  CHECK(fail[0].remediation == "为 HighLatency 编写处置手册（检查什么、如何缓解、向谁上报），并填写为其 runbook");
  CHECK(fail[1].message == "必需告警 LedgerLag（monitoring.prometheus.required_alerts）不在 monitoring.alerts 中");
}
