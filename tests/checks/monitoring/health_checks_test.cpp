#include <doctest/doctest.h>

#include <string>

#include "tests/checks/findings_support.h"
#include "tests/support/speaking.h"
#include "tests/support/fixtures.h"
#include "tests/support/servers.h"

namespace golive::test {
namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

std::string systems_with(const std::string& url, const std::string& extra = "") {
  return "systems:\n"
         "  - id: payments-api\n"
         "    tier: 1\n"
         "    health_check: {url: \"" + url + "\", expect_status: 200, timeout: 2s}\n"
         "  - id: reports\n"
         "    tier: 3\n" + extra;
}

TEST_CASE("monitoring.health-checks: a tier 1-2 system without a health check fails") {
  Plan plan = plan_from(R"(systems:
  - id: payments-api
    tier: 2
  - id: reports
    tier: 3
)");
  auto findings = run_check("monitoring.health-checks", plan, kAsOf);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].subject == "systems[payments-api]");
  CHECK(findings[0].message == "tier-2 system payments-api has no health_check");
  CHECK(findings[0].location.line == 13);
  CHECK(findings[1].status == Status::Skip);
  CHECK(findings[1].message == "tier-3 system reports needs no health check");
}

TEST_CASE("monitoring.health-checks: offline, a declared health check passes without a probe") {
  Plan plan = plan_from(systems_with("https://payments.internal/healthz"));
  auto findings = run_check("monitoring.health-checks", plan, kAsOf);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].message ==
        "health check https://payments.internal/healthz declared, expecting 200 (not probed: offline)");
}

TEST_CASE("monitoring.health-checks: no systems is a skip, at the empty list when there is one") {
  auto findings = run_check("monitoring.health-checks", plan_from(""), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Skip);
  CHECK(findings[0].subject == "systems");
  CHECK(where(findings[0]) == "plan.yaml:1:1");
  findings = run_check("monitoring.health-checks", plan_from("systems: []\n"), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Skip);
  CHECK(where(findings[0]) == "plan.yaml:12:10");
}

TEST_CASE("monitoring.health-checks: a health check must be an http(s) URL") {
  // The loader refuses such a plan; a plan built another way is still checked.
  Plan plan = plan_from(systems_with("https://payments.internal/healthz"));
  plan.systems[0].health_check->url.value = "tcp://payments.internal:8080";
  auto f = run_check("monitoring.health-checks", plan, kAsOf).at(0);
  CHECK(f.status == Status::Fail);
  CHECK(f.message ==
        "health_check.url 'tcp://payments.internal:8080' of payments-api is not an http:// or https:// URL");
}

TEST_CASE("monitoring.health-checks: live, the expected status passes") {
  HttpTestServer server;
  Plan plan = plan_from(systems_with(server.url("/healthz")));
  auto findings = run_check_live("monitoring.health-checks", plan, kAsOf);
  REQUIRE(findings.size() == 2);
  const Finding& f = findings[1];  // live findings follow the declarative ones
  CHECK(f.subject == "systems[payments-api]");
  CHECK(f.status == Status::Pass);
  CHECK(f.message.rfind("GET " + server.url("/healthz") + " answered 200 in ", 0) == 0);
}

TEST_CASE("monitoring.health-checks: live, another status fails after 3 tries") {
  HttpTestServer server;
  Plan plan = plan_from(systems_with(server.url("/healthz?status=503")));
  auto f = run_check_live("monitoring.health-checks", plan, kAsOf).at(1);
  CHECK(f.status == Status::Fail);
  CHECK(f.message == "GET " + server.url("/healthz?status=503") + " answered 503, expected 200 (3 tries)");
  CHECK(f.location.line == 15);
}

TEST_CASE("monitoring.health-checks: live, the health check's own timeout applies") {
  HttpTestServer server;
  Plan plan = plan_from("systems:\n  - id: payments-api\n    tier: 1\n"
                        "    health_check: {url: \"" + server.url("/healthz?delay_ms=3000") +
                        "\", timeout: 1s}\n");
  auto start = std::chrono::steady_clock::now();
  ProbeSettings settings;
  settings.timeout = std::chrono::seconds(30);  // the plan's 1s wins
  auto findings = run_check_live("monitoring.health-checks", plan, kAsOf, settings);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(6));
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].message == "GET " + server.url("/healthz?delay_ms=3000") +
                                   ": no answer within 1s (3 tries)");
}

TEST_CASE("monitoring.health-checks: live, a refused connection fails, a TLS failure is an error") {
  std::string down = "http://127.0.0.1:" + std::to_string(closed_port()) + "/healthz";
  auto refused = run_check_live("monitoring.health-checks", plan_from(systems_with(down)), kAsOf).at(1);
  CHECK(refused.status == Status::Fail);
  CHECK(refused.message == "GET " + down + ": connection refused (3 tries)");

  HttpTestServer tls({.tls = true});
  auto untrusted =
      run_check_live("monitoring.health-checks", plan_from(systems_with(tls.url("/healthz"))), kAsOf).at(1);
  CHECK(untrusted.status == Status::Error);
  CHECK(untrusted.message.rfind("GET " + tls.url("/healthz") + ": TLS verification failed: ", 0) == 0);

  ProbeSettings trusted;
  trusted.ca_bundle = source_path("tests/fixtures/tls/localhost.crt");
  auto ok = run_check_live("monitoring.health-checks", plan_from(systems_with(tls.url("/healthz"))),
                           kAsOf, trusted).at(1);
  CHECK(ok.status == Status::Pass);
}

TEST_CASE("monitoring.health-checks: credentials in a health check URL never reach a finding") {
  std::string url = "http://monitor:hunter2-secret@127.0.0.1:" + std::to_string(closed_port()) + "/healthz";
  auto f = run_check_live("monitoring.health-checks", plan_from(systems_with(url)), kAsOf).at(1);
  CHECK(f.message.find("hunter2-secret") == std::string::npos);
  CHECK(f.message.find("http://***@127.0.0.1:") != std::string::npos);
  for (const auto& [k, v] : f.evidence)
    if (auto* s = std::get_if<std::string>(&v.get())) CHECK(s->find("hunter2-secret") == std::string::npos);
}

TEST_CASE("monitoring.health-checks: registered as a live gate") {
  const CheckInfo* info = find_check("monitoring.health-checks");
  REQUIRE(info);
  CHECK(info->severity == Severity::Gate);
  CHECK(info->live);
  CHECK(info->category == "monitoring");
}

}  // namespace
TEST_CASE("monitoring.health-checks: in Chinese") {
  Speaking zh("zh-CN");
  auto missing = run_check("monitoring.health-checks", plan_from("systems:\n  - {id: payments-api, tier: 2}\n  - {id: reports, tier: 3}\n"), kAsOf);
  REQUIRE(missing.size() == 2);
  CHECK(missing[0].message == "2 级系统 payments-api 没有 health_check");
  CHECK(missing[0].remediation == "为系统 payments-api 添加 health_check: {url: ..., expect_status: 200, timeout: 2s}");
  CHECK(missing[1].message == "3 级系统 reports 无需健康检查");
  auto offline = run_check("monitoring.health-checks", plan_from(systems_with("https://payments.internal/healthz")), kAsOf);
  REQUIRE(offline.size() == 2);
  CHECK(offline[0].message == "已声明健康检查 https://payments.internal/healthz，期望返回 200（离线模式，未探测）");
}

}  // namespace golive::test
