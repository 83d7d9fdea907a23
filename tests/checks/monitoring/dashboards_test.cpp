#include <doctest/doctest.h>

#include <string>

#include "tests/support/speaking.h"
#include "tests/support/fixtures.h"
#include "tests/support/servers.h"

namespace golive::test {
namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

TEST_CASE("monitoring.dashboards: no dashboard is a warning") {
  auto none = run_check("monitoring.dashboards", plan_from(""), kAsOf);
  REQUIRE(none.size() == 1);
  CHECK(none[0].status == Status::Fail);
  CHECK(none[0].subject == "monitoring.dashboards");
  CHECK(none[0].message == "0 dashboards declared, at least 1 expected");

  const CheckInfo* info = find_check("monitoring.dashboards");
  REQUIRE(info);
  CHECK(info->severity == Severity::Warn);
  CHECK(info->live);
}

TEST_CASE("monitoring.dashboards: offline, each declared dashboard passes without a probe") {
  Plan plan = plan_from(R"(monitoring:
  dashboards:
    - {name: Payments overview, url: "https://grafana.example.com/d/payments"}
    - {name: Ledger, url: "https://grafana.example.com/d/ledger"}
)");
  // The loader refuses such a URL; a plan built another way is still checked.
  plan.monitoring->dashboards[1].url.value = "grafana/d/ledger";
  auto findings = run_check("monitoring.dashboards", plan, kAsOf);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].subject == "dashboards[Payments overview]");
  CHECK(findings[0].message ==
        "dashboard Payments overview at https://grafana.example.com/d/payments (not probed: offline)");
  CHECK(findings[1].status == Status::Fail);
  CHECK(findings[1].message == "dashboard Ledger url 'grafana/d/ledger' is not an http:// or https:// URL");
}

TEST_CASE("monitoring.dashboards: live, each URL must answer 2xx") {
  HttpTestServer server;
  std::string down = "http://127.0.0.1:" + std::to_string(closed_port()) + "/d/x";
  Plan plan = plan_from("monitoring:\n  dashboards:\n"
                        "    - {name: Overview, url: \"" + server.url("/redirect/2") + "\"}\n"
                        "    - {name: Gone, url: \"" + server.url("/d/gone?status=404") + "\"}\n"
                        "    - {name: Down, url: \"" + down + "\"}\n");
  auto findings = run_check_live("monitoring.dashboards", plan, kAsOf);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].message == "dashboard Overview: GET " + server.url("/redirect/2") + " answered 200");
  CHECK(findings[1].status == Status::Fail);
  CHECK(findings[1].message == "dashboard Gone: GET " + server.url("/d/gone?status=404") + " answered 404");
  CHECK(findings[1].location.line == 15);
  CHECK(findings[2].status == Status::Error);
  CHECK(findings[2].message == "dashboard Down: GET " + down + ": connection refused (3 tries)");
}

TEST_CASE("monitoring.dashboards: min_dashboards comes from the rule's parameters") {
  Plan plan = plan_from(R"(monitoring:
  dashboards:
    - {name: Overview, url: "https://grafana.example.com/d/overview"}
)");
  auto findings = run_check("monitoring.dashboards", plan, kAsOf, {{"min_dashboards", "2"}});
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].message == "1 dashboard declared, at least 2 expected");
  CHECK(findings[1].status == Status::Pass);
}

}  // namespace
TEST_CASE("monitoring.dashboards: in Chinese") {
  Speaking zh("zh-CN");
  auto none = run_check("monitoring.dashboards", plan_from(""), kAsOf);
  REQUIRE(none.size() == 1);
  CHECK(none[0].message == "声明了 0 个监控大盘，至少需要 1 个");
  CHECK(none[0].remediation == "在 monitoring.dashboards: [{name, url}] 下列出应急指挥部在上线窗口期间关注的监控大盘");
  auto offline = run_check("monitoring.dashboards", plan_from(R"(monitoring:
  dashboards:
    - {name: Payments overview, url: "https://grafana.example.com/d/payments"}
)"), kAsOf);
  REQUIRE(offline.size() == 1);
  CHECK(offline[0].message == "监控大盘「Payments overview」位于 https://grafana.example.com/d/payments（离线模式，未探测）");
}

}  // namespace golive::test
