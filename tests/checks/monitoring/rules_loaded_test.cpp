#include <doctest/doctest.h>

#include <string>

#include "tests/support/speaking.h"
#include "tests/checks/findings_support.h"
#include "tests/support/fixtures.h"
#include "tests/support/monitoring_servers.h"
#include "tests/support/servers.h"

namespace golive::test {
namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

// PaymentsDown evaluates; LedgerBroken is a many-to-many match over the two `up` series,
// which Prometheus loads but cannot evaluate (health "err").
const char* const kRules = R"(groups:
  - name: payments
    interval: 1s
    rules:
      - alert: PaymentsDown
        expr: up{job="prometheus"} == 0
      - alert: LedgerBroken
        expr: up * on() up
)";

std::string prometheus_config(const std::string& alerting) {
  return "global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
         "rule_files: [rules.yml]\n" + alerting +
         "scrape_configs:\n"
         "  - job_name: prometheus\n"
         "    static_configs: [{targets: ['127.0.0.1:{{PORT}}']}]\n"
         "  - job_name: ledger\n"
         "    static_configs: [{targets: ['127.0.0.1:{{PORT}}']}]\n";
}

// `monitoring:` is line 12, `prometheus:` 13, `required_alerts` 16.
std::string plan_for(const std::string& url, const std::string& alerts, const std::string& token = "") {
  return "monitoring:\n"
         "  prometheus:\n"
         "    url: \"" + url + "\"\n"
         "    job: prometheus\n"
         "    required_alerts: [" + alerts + "]\n" +
         (token.empty() ? "" : "    bearer_token: \"" + token + "\"\n");
}

}  // namespace

TEST_CASE("monitoring.rules-loaded: without a Prometheus url it fails, offline it skips") {
  auto none = run_check("monitoring.rules-loaded", plan_from("monitoring:\n  alerts: []\n"), kAsOf);
  REQUIRE(none.size() == 1);
  CHECK(none[0].status == Status::Fail);
  CHECK(none[0].subject == "prometheus");
  CHECK(none[0].message == "no Prometheus to ask (monitoring.prometheus.url)");

  auto offline = run_check("monitoring.rules-loaded", plan_from(plan_for("http://127.0.0.1:9090", "PaymentsDown")), kAsOf);
  REQUIRE(offline.size() == 1);
  CHECK(offline[0].status == Status::Skip);
  CHECK(offline[0].message == "live only: loaded rules not probed (offline)");
  CHECK(where(offline[0]) == "plan.yaml:14:5");
}

TEST_CASE("monitoring.rules-loaded: live, against a real Prometheus") {
  const int alertmanager_port = free_port();  // listed as active as soon as it is configured
  PrometheusTestServer prom(
      prometheus_config("alerting:\n  alertmanagers:\n    - static_configs: [{targets: ['127.0.0.1:" +
                        std::to_string(alertmanager_port) + "']}]\n"),
      kRules);
  prom.wait_for("/api/v1/rules", "\"health\":\"err\"");
  prom.wait_for("/api/v1/alertmanagers", "\"activeAlertmanagers\":[{");

  SUBCASE("every required rule loaded and healthy, with an Alertmanager: pass") {
    ScopedEnv token("GOLIVE_TEST_PROM_TOKEN", "tok-7f3a9c-secret");
    auto findings = run_check_live("monitoring.rules-loaded",
                                   plan_from(plan_for(prom.url(), "PaymentsDown", "${env:GOLIVE_TEST_PROM_TOKEN}")),
                                   kAsOf);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].subject == "rules[PaymentsDown]");
    CHECK(findings[0].message == "alert rule PaymentsDown loaded (group payments), health ok");
    CHECK(where(findings[0]) == "plan.yaml:16:23");
    CHECK(findings[1].status == Status::Pass);
    CHECK(findings[1].subject == "alertmanagers");
    CHECK(findings[1].message == "Prometheus " + prom.url() + " sends alerts to 1 Alertmanager(s)");
    CHECK(list_evidence(findings[1], "alertmanagers") ==
          std::vector<std::string>{"http://127.0.0.1:" + std::to_string(alertmanager_port) + "/api/v2/alerts"});
    for (const auto& f : findings) CHECK(f.message.find("tok-7f3a9c-secret") == std::string::npos);
  }
  SUBCASE("a missing rule and a rule that does not evaluate fail, each on its own") {
    auto findings = run_check_live("monitoring.rules-loaded",
                                   plan_from(plan_for(prom.url(), "PaymentsDown, LedgerBroken, LedgerLag")), kAsOf);
    REQUIRE(findings.size() == 4);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[1].status == Status::Fail);
    CHECK(findings[1].subject == "rules[LedgerBroken]");
    CHECK(findings[1].message.rfind("alert rule LedgerBroken (group payments) has health err: ", 0) == 0);
    CHECK(findings[1].message.find("many-to-many matching not allowed") != std::string::npos);
    CHECK(findings[2].status == Status::Fail);
    CHECK(findings[2].subject == "rules[LedgerLag]");
    CHECK(findings[2].message == "alert rule LedgerLag is not loaded in Prometheus " + prom.url());
    CHECK(findings[3].status == Status::Pass);
  }
  SUBCASE("an unset bearer token variable is an error naming the variable") {
    ScopedEnv token("GOLIVE_TEST_PROM_TOKEN", "");
    auto findings = run_check_live("monitoring.rules-loaded",
                                   plan_from(plan_for(prom.url(), "PaymentsDown", "${env:GOLIVE_TEST_PROM_TOKEN}")),
                                   kAsOf);
    REQUIRE(findings.size() == 2);
    CHECK(findings[0].status == Status::Error);
    // The URL once: the message names it, the probe's reason does not repeat it.
    CHECK(findings[0].message ==
          "GET " + prom.url() + "/api/v1/rules: bearer token ${env:GOLIVE_TEST_PROM_TOKEN} is not set");
    CHECK(findings[1].status == Status::Error);
  }
}

TEST_CASE("monitoring.rules-loaded: live, a Prometheus without Alertmanager fails") {
  PrometheusTestServer prom(prometheus_config(""), kRules);
  prom.wait_for("/api/v1/rules", "PaymentsDown");
  auto findings = run_check_live("monitoring.rules-loaded", plan_from(plan_for(prom.url(), "PaymentsDown")), kAsOf);
  REQUIRE(findings.size() == 2);
  CHECK(findings[1].status == Status::Fail);
  CHECK(findings[1].subject == "alertmanagers");
  CHECK(findings[1].message == "Prometheus " + prom.url() + " has no active Alertmanager: its alerts reach no one");
}

TEST_CASE("monitoring.rules-loaded: live, a rule a fresh Prometheus has not evaluated yet is an error, not a broken rule") {
  // A group evaluated once a day: loaded at start, first evaluated up to a day later.
  PrometheusTestServer prom("global: {evaluation_interval: 1d}\nrule_files: [rules.yml]\n",
                            "groups:\n  - name: daily\n    rules:\n      - alert: PaymentsDown\n        expr: vector(1) == 0\n");
  prom.wait_for("/api/v1/rules", "\"health\":\"unknown\"");
  ProbeSettings settings;
  settings.timeout = std::chrono::milliseconds(1500);  // golive asks again for 1.5 s, then reports
  auto findings = run_check_live("monitoring.rules-loaded", plan_from(plan_for(prom.url(), "PaymentsDown")), kAsOf,
                                 settings);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].status == Status::Error);
  CHECK(findings[0].subject == "rules[PaymentsDown]");
  CHECK(findings[0].message == "alert rule PaymentsDown (group daily) not evaluated yet: Prometheus " + prom.url() +
                                   " loaded it but has not evaluated it (health unknown); run again in 86400 s");
  CHECK(findings[0].remediation ==
        "Run golive again once Prometheus has evaluated group daily (or give a --timeout longer than its "
        "evaluation interval, and golive waits)");
}

TEST_CASE("monitoring.rules-loaded: live, golive waits within --timeout for the first evaluation") {
  PrometheusTestServer prom("global: {evaluation_interval: 4s}\nrule_files: [rules.yml]\n",
                            "groups:\n  - name: quick\n    rules:\n      - alert: PaymentsDown\n        expr: vector(1) == 0\n");
  prom.wait_for("/api/v1/rules", "PaymentsDown");
  ProbeSettings settings;
  settings.timeout = std::chrono::milliseconds(10000);
  auto findings = run_check_live("monitoring.rules-loaded", plan_from(plan_for(prom.url(), "PaymentsDown")), kAsOf,
                                 settings);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].message == "alert rule PaymentsDown loaded (group quick), health ok");
}

TEST_CASE("monitoring.rules-loaded: live, unreachable or non-Prometheus answers are errors") {
  std::string down = "http://127.0.0.1:" + std::to_string(closed_port());
  auto refused = run_check_live("monitoring.rules-loaded", plan_from(plan_for(down, "PaymentsDown")), kAsOf);
  REQUIRE(refused.size() == 2);
  CHECK(refused[0].status == Status::Error);
  CHECK(refused[0].subject == "rules");
  CHECK(refused[0].message == "GET " + down + "/api/v1/rules: connection refused (3 tries)");
  CHECK(refused[1].message == "GET " + down + "/api/v1/alertmanagers: connection refused (3 tries)");

  HttpTestServer server;
  auto not_json = run_check_live("monitoring.rules-loaded", plan_from(plan_for(server.url(""), "PaymentsDown")), kAsOf);
  REQUIRE(not_json.size() == 2);
  CHECK(not_json[0].status == Status::Error);
  CHECK(not_json[0].message == "GET " + server.url("") + "/api/v1/rules: answered 200 with a body that is not JSON");
}

TEST_CASE("monitoring.rules-loaded: in Chinese, live against a real Prometheus") {
  Speaking zh("zh-CN");
  auto offline = run_check("monitoring.rules-loaded", plan_from(plan_for("http://127.0.0.1:9090", "PaymentsDown")), kAsOf);
  REQUIRE(offline.size() == 1);
  CHECK(offline[0].message == "仅在线探测：未探测已加载的规则（离线模式）");
  PrometheusTestServer prom(prometheus_config(""), kRules);
  prom.wait_for("/api/v1/rules", "PaymentsDown");
  auto findings = run_check_live("monitoring.rules-loaded", plan_from(plan_for(prom.url(), "PaymentsDown")), kAsOf);
  REQUIRE(findings.size() == 2);
  CHECK(findings[1].message == "Prometheus " + prom.url() + " 没有活动的 Alertmanager：其告警送不到任何人");
  CHECK(findings[1].remediation == "在 prometheus.yml 的 alerting.alertmanagers 中配置一个可访问的 Alertmanager");
}

}  // namespace golive::test
