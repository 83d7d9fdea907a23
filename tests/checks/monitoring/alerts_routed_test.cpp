#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "tests/support/speaking.h"
#include "tests/checks/findings_support.h"
#include "tests/support/fixtures.h"
#include "tests/support/monitoring_servers.h"
#include "tests/support/servers.h"

namespace golive::test {
namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

// `monitoring:` is line 12, `alertmanager:` 13, `receiver:` 15.
std::string plan_for(const std::string& url, const std::string& receiver,
                     const std::string& labels = "{severity: critical, team: payments}") {
  return "monitoring:\n"
         "  alertmanager:\n"
         "    url: \"" + url + "\"\n"
         "    receiver: " + receiver + "\n"
         "    page_labels: " + labels + "\n";
}

// The payments pages are caught by a chat route with continue, then by the pager route;
// a broader critical route further down must not steal them.
const char* const kConfig = R"(route:
  receiver: default
  group_by: [alertname]
  routes:
    - matchers: ['team="payments"']
      receiver: payments-chat
      continue: true
    - matchers: ['team=~"pay.*|支付."', 'severity="critical"']
      receiver: payments-oncall
      routes:
        - matchers: ['env="staging"']
          receiver: silent
    - matchers: ['severity="critical"']
      receiver: silent
receivers:
  - name: default
    webhook_configs: [{url: 'http://127.0.0.1:1/default'}]
  - name: payments-chat
    webhook_configs: [{url: 'http://127.0.0.1:1/chat'}]
  - name: payments-oncall
    webhook_configs: [{url: 'http://127.0.0.1:1/page'}]
  - name: silent
)";

}  // namespace

TEST_CASE("monitoring.alerts-routed: receiver and page_labels must be declared") {
  auto no_receiver = run_check("monitoring.alerts-routed",
                               plan_from("monitoring:\n  alertmanager:\n    url: http://127.0.0.1:9093\n"
                                         "    page_labels: {severity: critical}\n"),
                               kAsOf);
  REQUIRE(no_receiver.size() == 1);
  CHECK(no_receiver[0].status == Status::Fail);
  CHECK(no_receiver[0].message == "no receiver declared (monitoring.alertmanager.receiver)");

  auto no_labels = run_check("monitoring.alerts-routed",
                             plan_from("monitoring:\n  alertmanager:\n    receiver: payments-oncall\n"), kAsOf);
  REQUIRE(no_labels.size() == 1);
  CHECK(no_labels[0].status == Status::Fail);
  CHECK(no_labels[0].message == "no page_labels declared (monitoring.alertmanager.page_labels)");

  auto none = run_check("monitoring.alerts-routed", plan_from("monitoring:\n  alerts: []\n"), kAsOf);
  REQUIRE(none.size() == 1);
  CHECK(none[0].message == "no Alertmanager declared (monitoring.alertmanager)");

  auto offline = run_check("monitoring.alerts-routed", plan_from(plan_for("http://127.0.0.1:9093", "payments-oncall")),
                           kAsOf);
  REQUIRE(offline.size() == 1);
  CHECK(offline[0].status == Status::Pass);
  CHECK(offline[0].message ==
        R"(alerts labelled {severity="critical", team="payments"} should reach receiver "payments-oncall" (not probed: offline))");
}

TEST_CASE("monitoring.alerts-routed: live, against a real Alertmanager, agreeing with amtool") {
  AlertmanagerTestServer am(kConfig);

  SUBCASE("routed to the receiver, which has an integration: pass") {
    auto findings = run_check_live("monitoring.alerts-routed", plan_from(plan_for(am.url(), "payments-oncall")), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].subject == "alertmanager");
    CHECK(findings[0].message == R"(alerts labelled {severity="critical", team="payments"} reach receiver )"
                                 R"("payments-oncall" (webhook_configs) on )" + am.url());
    CHECK(list_evidence(findings[0], "routed_to") == std::vector<std::string>{"payments-chat", "payments-oncall"});
    CHECK(amtool_routes(kConfig, {{"severity", "critical"}, {"team", "payments"}}) ==
          std::vector<std::string>{"payments-chat", "payments-oncall"});
  }
  SUBCASE("routed elsewhere: fail, naming where") {
    auto findings = run_check_live(
        "monitoring.alerts-routed",
        plan_from(plan_for(am.url(), "payments-oncall", "{severity: critical, team: payments, env: staging}")), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == R"(alerts labelled {severity="critical", team="payments", env="staging"} are routed )"
                                 R"(to "payments-chat", "silent", not to "payments-oncall")");
    CHECK(where(findings[0]) == "plan.yaml:15:15");
    CHECK(amtool_routes(kConfig, {{"severity", "critical"}, {"team", "payments"}, {"env", "staging"}}) ==
          list_evidence(findings[0], "routed_to"));
  }
  SUBCASE("routed to a receiver without integration: fail") {
    auto findings = run_check_live("monitoring.alerts-routed",
                                   plan_from(plan_for(am.url(), "silent", "{severity: critical, team: ledger}")), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          R"(receiver "silent" has no integration: alerts labelled {severity="critical", team="ledger"} notify no one)");
  }
  SUBCASE("non-ASCII values and values with commas and quotes: routed by RE2 over characters, quoted in messages") {
    auto findings = run_check_live(
        "monitoring.alerts-routed",
        plan_from(plan_for(am.url(), "payments-oncall", R"({team: 支付组, severity: critical, cluster: "eu,west \"1\""})")),
        kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].message == R"(alerts labelled {team="支付组", severity="critical", cluster="eu,west \"1\""} )"
                                 R"(reach receiver "payments-oncall" (webhook_configs) on )" + am.url());
    CHECK(amtool_routes(kConfig, {{"team", "支付组"}, {"severity", "critical"}, {"cluster", "eu,west \"1\""}}) ==
          list_evidence(findings[0], "routed_to"));
  }
}

TEST_CASE("monitoring.alerts-routed: live, an unreachable Alertmanager is an error") {
  std::string down = "http://127.0.0.1:" + std::to_string(closed_port());
  auto findings = run_check_live("monitoring.alerts-routed", plan_from(plan_for(down, "payments-oncall")), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Error);
  CHECK(findings[0].message == "GET " + down + "/api/v2/status: connection refused (3 tries)");
}

TEST_CASE("monitoring.alerts-routed: in Chinese") {
  Speaking zh("zh-CN");
  auto offline = run_check("monitoring.alerts-routed", plan_from(plan_for("http://127.0.0.1:9093", "payments-oncall")),
                           kAsOf);
  REQUIRE(offline.size() == 1);
  CHECK(offline[0].message == "带 {severity=\"critical\", team=\"payments\"} 标签的告警应送达接收方「payments-oncall」（离线模式，未探测）");
  auto no_labels = run_check("monitoring.alerts-routed",
                             plan_from("monitoring:\n  alertmanager:\n    receiver: payments-oncall\n"), kAsOf);
  REQUIRE(no_labels.size() == 1);
  CHECK(no_labels[0].message == "未声明 page_labels（monitoring.alertmanager.page_labels）");
  CHECK(no_labels[0].remediation == "声明呼叫类告警携带的标签，例如 {severity: critical, team: payments}");
}

}  // namespace golive::test
