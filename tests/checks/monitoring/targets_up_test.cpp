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

// `monitoring:` is line 12, `prometheus:` 13, `job:` 15.
std::string plan_for(const std::string& url, const std::string& job) {
  return "monitoring:\n"
         "  prometheus:\n"
         "    url: \"" + url + "\"\n"
         "    job: " + job + "\n";
}

}  // namespace

TEST_CASE("monitoring.targets-up: a job must be named, offline it skips") {
  auto no_job = run_check("monitoring.targets-up",
                          plan_from("monitoring:\n  prometheus:\n    url: http://127.0.0.1:9090\n"), kAsOf);
  REQUIRE(no_job.size() == 1);
  CHECK(no_job[0].status == Status::Fail);
  CHECK(no_job[0].message == "no scrape job named (monitoring.prometheus.job)");

  auto offline = run_check("monitoring.targets-up", plan_from(plan_for("http://127.0.0.1:9090", "payments-api")), kAsOf);
  REQUIRE(offline.size() == 1);
  CHECK(offline[0].status == Status::Skip);
  CHECK(offline[0].subject == "targets[payments-api]");
  CHECK(offline[0].message == "live only: targets of job payments-api not probed (offline)");
}

TEST_CASE("monitoring.targets-up: live, against a real Prometheus") {
  const int down_port = closed_port();
  PrometheusTestServer prom(
      "global: {scrape_interval: 1s}\n"
      "scrape_configs:\n"
      "  - job_name: payments-api\n"
      "    static_configs: [{targets: ['127.0.0.1:{{PORT}}']}]\n"
      "  - job_name: ledger\n"
      "    static_configs: [{targets: ['127.0.0.1:{{PORT}}', '127.0.0.1:" + std::to_string(down_port) + "']}]\n",
      "groups: []\n");
  // Until a target's first scrape its health is "unknown": wait for every target's `up`.
  prom.wait_for("/api/v1/query?query=count(up)==3", "\"result\":[{");

  SUBCASE("every target of the job up: pass") {
    auto findings = run_check_live("monitoring.targets-up", plan_from(plan_for(prom.url(), "payments-api")), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].subject == "targets[payments-api]");
    CHECK(findings[0].message == "1 target(s) of job payments-api up");
    CHECK(where(findings[0]) == "plan.yaml:15:10");
  }
  SUBCASE("a target down: fail, naming it and its last error") {
    auto findings = run_check_live("monitoring.targets-up", plan_from(plan_for(prom.url(), "ledger")), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    const std::string prefix = "1 of 2 target(s) of job ledger not up: http://127.0.0.1:" +
                               std::to_string(down_port) + "/metrics (down: ";
    CHECK(findings[0].message.rfind(prefix, 0) == 0);
    CHECK(findings[0].message.find("connection refused") != std::string::npos);
    CHECK(integer_evidence(findings[0], "targets") == 2);
  }
  SUBCASE("no target of the job: fail") {
    auto findings = run_check_live("monitoring.targets-up", plan_from(plan_for(prom.url(), "billing")), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "Prometheus " + prom.url() + " has no active target of job billing");
  }
}

TEST_CASE("monitoring.targets-up: live, errors are errors") {
  std::string down = "http://127.0.0.1:" + std::to_string(closed_port());
  auto refused = run_check_live("monitoring.targets-up", plan_from(plan_for(down, "payments-api")), kAsOf);
  REQUIRE(refused.size() == 1);
  CHECK(refused[0].status == Status::Error);
  CHECK(refused[0].message == "GET " + down + "/api/v1/targets: connection refused (3 tries)");

  HttpTestServer server;
  auto status = run_check_live("monitoring.targets-up",
                               plan_from(plan_for(server.url("/x?status=404&ignored="), "payments-api")), kAsOf);
  REQUIRE(status.size() == 1);
  CHECK(status[0].status == Status::Error);
  CHECK(status[0].message.find(": answered 404") != std::string::npos);
}

TEST_CASE("monitoring.targets-up: live, targets a fresh Prometheus has not scraped yet are an error saying when to run again") {
  // Scraped once a day: listed at start with health "unknown" until the first scrape.
  PrometheusTestServer prom(
      "scrape_configs:\n"
      "  - job_name: payments-api\n"
      "    scrape_interval: 1d\n"
      "    scrape_timeout: 10s\n"
      "    static_configs: [{targets: ['127.0.0.1:{{PORT}}']}]\n",
      "groups: []\n");
  prom.wait_for("/api/v1/targets?state=active", "\"health\":\"unknown\"");
  ProbeSettings settings;
  settings.timeout = std::chrono::milliseconds(1500);
  auto findings = run_check_live("monitoring.targets-up", plan_from(plan_for(prom.url(), "payments-api")), kAsOf, settings);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Error);
  CHECK(findings[0].message == "1 of 1 target(s) of job payments-api not scraped yet: http://127.0.0.1:" +
                                   std::to_string(prom.port()) + "/metrics (Prometheus " + prom.url() +
                                   " has not scraped them); run again in 86400 s");
  CHECK(list_evidence(findings[0], "not_scraped") ==
        std::vector<std::string>{"http://127.0.0.1:" + std::to_string(prom.port()) + "/metrics"});
}

TEST_CASE("monitoring.targets-up: live, golive waits within --timeout for the first scrape") {
  PrometheusTestServer prom(
      "scrape_configs:\n"
      "  - job_name: payments-api\n"
      "    scrape_interval: 4s\n"
      "    static_configs: [{targets: ['127.0.0.1:{{PORT}}']}]\n",
      "groups: []\n");
  prom.wait_for("/api/v1/targets?state=active", "payments-api");
  ProbeSettings settings;
  settings.timeout = std::chrono::milliseconds(10000);
  auto findings = run_check_live("monitoring.targets-up", plan_from(plan_for(prom.url(), "payments-api")), kAsOf, settings);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].message == "1 target(s) of job payments-api up");
}

TEST_CASE("monitoring.targets-up: in Chinese") {
  Speaking zh("zh-CN");
  auto offline = run_check("monitoring.targets-up", plan_from(plan_for("http://127.0.0.1:9090", "payments-api")), kAsOf);
  REQUIRE(offline.size() == 1);
  CHECK(offline[0].message == "仅在线探测：job payments-api 的目标未探测（离线模式）");
  auto no_job = run_check("monitoring.targets-up", plan_from("monitoring:\n  prometheus:\n    url: http://127.0.0.1:9090\n"), kAsOf);
  REQUIRE(no_job.size() == 1);
  CHECK(no_job[0].message == "未指定采集任务（monitoring.prometheus.job）");
  CHECK(no_job[0].remediation == "声明 monitoring.prometheus.job，即上线系统各目标的 job 标签");
}

}  // namespace golive::test
