#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <variant>
#include <vector>

#include "tests/checks/findings_support.h"
#include "tests/support/fixtures.h"
#include "tests/support/monitoring_servers.h"
#include "tests/support/servers.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

/// Two 10 Gbit/s links; wan-a's expected peak is on line 17, column 29. `tail` is added
/// after the links (at `network:` indentation).
Plan links_plan(const std::string& peak_a, const std::string& peak_b, const std::string& tail = "") {
  return plan_from(R"(resources:
  network:
    links:
      - id: wan-a
        capacity_mbps: 10000
        expected_peak_mbps: )" + peak_a + R"(
      - id: wan-b
        capacity_mbps: 10000
        expected_peak_mbps: )" + peak_b + "\n" + tail);
}

const Finding& subject(const std::vector<Finding>& findings, const std::string& name) {
  for (const auto& f : findings)
    if (f.subject == name) return f;
  FAIL("no finding for " << name);
  return findings.front();
}

/// links_plan() (expected peaks 3100 + 3000 = 6100 Mbit/s of 2 × 10000) with `query` as
/// peak_query on line 21 (its value at column 17) and, unless `url` is empty, the
/// Prometheus to ask.
Plan peak_plan(const std::string& query, const std::string& url, const std::string& token = "") {
  std::string tail = "    peak_query: '" + query + "'\n";
  if (!url.empty())
    tail += "monitoring:\n  prometheus:\n    url: \"" + url + "\"\n" +
            (token.empty() ? "" : "    bearer_token: \"" + token + "\"\n");
  return links_plan("3100", "3000", tail);
}

/// A number evidence value; fails the test when absent or of another type.
double number_evidence(const Finding& f, const std::string& key) {
  const EvidenceValue* v = evidence_of(f, key);
  REQUIRE_MESSAGE(v != nullptr, "no evidence " << key);
  REQUIRE(std::holds_alternative<double>(v->get()));
  return std::get<double>(v->get());
}

/// Runs the check live against `url` with `query`; every finding but the observed peak is
/// there whatever Prometheus answers.
std::vector<Finding> run_live(const std::string& query, const std::string& url,
                              const std::string& token = "") {
  auto findings = run_check_live("resources.bandwidth-headroom", peak_plan(query, url, token), kAsOf);
  REQUIRE(findings.size() == 5);
  CHECK(findings[0].subject == "links[wan-a]");
  CHECK(findings[1].subject == "links[wan-b]");
  CHECK(findings[2].subject == "network.observed-peak");
  CHECK(where(findings[2]) == "plan.yaml:21:17");
  CHECK(text_evidence(findings[2], "query") == query);
  CHECK(findings[3].subject == "network.total");
  CHECK(findings[4].subject == "network.n-1");
  return findings;
}

// The totals of peak_plan() on the expected peaks alone.
const std::string kExpectedTotal =
    "total peak 6100 Mbit/s of 20000 Mbit/s = 30.5%, limit 70% (max_utilization)";
const std::string kExpectedN1 =
    "without the largest link (wan-a, 10000 Mbit/s) the total peak 6100 Mbit/s fits in the "
    "10000 Mbit/s left (61%)";

}  // namespace

TEST_CASE("resources.bandwidth-headroom: links, total and N-1 within limits pass") {
  auto findings = run_check("resources.bandwidth-headroom", links_plan("3100", "3000"), kAsOf);
  REQUIRE(findings.size() == 4);
  CHECK(findings[0].subject == "links[wan-a]");
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].message ==
        "peak 3100 Mbit/s of 10000 Mbit/s = 31%, limit 70% (max_utilization)");
  CHECK(findings[1].subject == "links[wan-b]");
  CHECK(findings[1].status == Status::Pass);
  CHECK(findings[2].subject == "network.total");
  CHECK(findings[2].status == Status::Pass);
  CHECK(findings[2].message ==
        "total peak 6100 Mbit/s of 20000 Mbit/s = 30.5%, limit 70% (max_utilization)");
  CHECK(findings[3].subject == "network.n-1");
  CHECK(findings[3].status == Status::Pass);
  CHECK(findings[3].message ==
        "without the largest link (wan-a, 10000 Mbit/s) the total peak 6100 Mbit/s fits in the "
        "10000 Mbit/s left (61%)");
}

TEST_CASE("resources.bandwidth-headroom: exactly 70% passes, 70.01% fails") {
  SUBCASE("at the limit") {
    auto findings = run_check("resources.bandwidth-headroom", links_plan("7000", "0"), kAsOf);
    CHECK(subject(findings, "links[wan-a]").status == Status::Pass);
    CHECK(subject(findings, "links[wan-a]").message ==
          "peak 7000 Mbit/s of 10000 Mbit/s = 70%, limit 70% (max_utilization)");
  }
  SUBCASE("just over") {
    auto findings = run_check("resources.bandwidth-headroom", links_plan("7001", "0"), kAsOf);
    const Finding& f = subject(findings, "links[wan-a]");
    CHECK(f.status == Status::Fail);
    CHECK(f.message == "peak 7001 Mbit/s of 10000 Mbit/s = 70.01%, limit 70% (max_utilization)");
    CHECK(where(f) == "plan.yaml:17:29");
    CHECK(f.remediation ==
          "Upgrade link wan-a to at least 10002 Mbit/s or move traffic to another link");
  }
  SUBCASE("the total exactly at the limit") {
    auto findings = run_check("resources.bandwidth-headroom", links_plan("6000", "8000"), kAsOf);
    CHECK(subject(findings, "links[wan-b]").status == Status::Fail);
    const Finding& total = subject(findings, "network.total");
    CHECK(total.status == Status::Pass);
    CHECK(total.message ==
          "total peak 14000 Mbit/s of 20000 Mbit/s = 70%, limit 70% (max_utilization)");
  }
}

TEST_CASE("resources.bandwidth-headroom: N-1 needs the total peak to fit without the largest link") {
  SUBCASE("two links each at 70% do not survive losing one") {
    auto findings = run_check("resources.bandwidth-headroom", links_plan("7000", "7000"), kAsOf);
    REQUIRE(findings.size() == 4);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[1].status == Status::Pass);
    CHECK(findings[2].status == Status::Pass);
    const Finding& n = findings[3];
    CHECK(n.subject == "network.n-1");
    CHECK(n.status == Status::Fail);
    CHECK(n.message ==
          "without the largest link (wan-a, 10000 Mbit/s) the total peak 14000 Mbit/s exceeds "
          "the 10000 Mbit/s left (140%)");
    CHECK(where(n) == "plan.yaml:14:5");
    CHECK(n.remediation ==
          "Add 4000 Mbit/s of capacity on the other links so that losing wan-a does not cut the "
          "launch off");
  }
  SUBCASE("exactly 100% of what is left passes, one Mbit/s more fails") {
    const std::string third = R"(      - {id: wan-c, capacity_mbps: 10000, expected_peak_mbps: 6000}
)";
    auto ok = run_check("resources.bandwidth-headroom",
                        plan_from(R"(resources:
  network:
    links:
      - {id: wan-a, capacity_mbps: 10000, expected_peak_mbps: 7000}
      - {id: wan-b, capacity_mbps: 10000, expected_peak_mbps: 7000}
)" + third),
                        kAsOf);
    CHECK(subject(ok, "network.n-1").status == Status::Pass);
    CHECK(subject(ok, "network.n-1").message ==
          "without the largest link (wan-a, 10000 Mbit/s) the total peak 20000 Mbit/s fits in the "
          "20000 Mbit/s left (100%)");
    auto over = run_check("resources.bandwidth-headroom",
                          plan_from(R"(resources:
  network:
    links:
      - {id: wan-a, capacity_mbps: 10000, expected_peak_mbps: 7000}
      - {id: wan-b, capacity_mbps: 10000, expected_peak_mbps: 7001}
)" + third),
                          kAsOf);
    CHECK(subject(over, "network.n-1").status == Status::Fail);
  }
  SUBCASE("a single link has nothing to lose") {
    Plan plan = plan_from(R"(resources:
  network:
    links:
      - {id: wan-a, capacity_mbps: 1000, expected_peak_mbps: 500}
)");
    auto findings = run_check("resources.bandwidth-headroom", plan, kAsOf);
    REQUIRE(findings.size() == 3);
    CHECK(findings[2].subject == "network.n-1");
    CHECK(findings[2].status == Status::Skip);
    CHECK(findings[2].message == "only one link: no redundancy to lose");
  }
}

TEST_CASE("resources.bandwidth-headroom: the stricter of the rule's and the plan's ceiling applies") {
  SUBCASE("parameter") {
    auto findings = run_check("resources.bandwidth-headroom", links_plan("7500", "1000"), kAsOf,
                              {{"max_utilization", "0.8"}});
    CHECK(subject(findings, "links[wan-a]").status == Status::Pass);
    CHECK(subject(findings, "links[wan-a]").message ==
          "peak 7500 Mbit/s of 10000 Mbit/s = 75%, limit 80% (max_utilization)");
  }
  SUBCASE("a lower plan value tightens the parameter") {
    auto findings = run_check("resources.bandwidth-headroom",
                              links_plan("6500", "1000", "    max_utilization: 0.6\n"), kAsOf,
                              {{"max_utilization", "0.9"}});
    const Finding& f = subject(findings, "links[wan-a]");
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "peak 6500 Mbit/s of 10000 Mbit/s = 65%, limit 60% (resources.network.max_utilization)");
    CHECK(where(f) == "plan.yaml:17:29");
  }
  SUBCASE("a higher plan value does not loosen the parameter") {
    auto findings = run_check("resources.bandwidth-headroom",
                              links_plan("7500", "1000", "    max_utilization: 0.9\n"), kAsOf);
    const Finding& f = subject(findings, "links[wan-a]");
    CHECK(f.status == Status::Fail);
    CHECK(f.message == "peak 7500 Mbit/s of 10000 Mbit/s = 75%, limit 70% (max_utilization)");
    CHECK(subject(findings, "network.total").message ==
          "total peak 8500 Mbit/s of 20000 Mbit/s = 42.5%, limit 70% (max_utilization)");
  }
  SUBCASE("equal values: the plan's, where it is written") {
    auto findings = run_check("resources.bandwidth-headroom",
                              links_plan("7000", "1000", "    max_utilization: 0.7\n"), kAsOf);
    const Finding& f = subject(findings, "links[wan-a]");
    CHECK(f.status == Status::Pass);
    CHECK(f.message ==
          "peak 7000 Mbit/s of 10000 Mbit/s = 70%, limit 70% (resources.network.max_utilization)");
  }
  // A plan value of zero never reaches the check: the loader refuses it (max_utilization is
  // more than 0), see tests/engine/plan_loader_test.cpp.
  SUBCASE("not a number") {
    CHECK_THROWS_WITH_AS(run_check("resources.bandwidth-headroom", links_plan("1", "1"), kAsOf,
                                   {{"max_utilization", "70%"}}),
                         "params.max_utilization: '70%' is not a number", InputError);
  }
}

TEST_CASE("resources.bandwidth-headroom: missing data fails") {
  SUBCASE("no network section") {
    auto findings = run_check("resources.bandwidth-headroom", plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].subject == "network");
    CHECK(findings[0].message == "no network links declared (resources.network.links)");
  }
  SUBCASE("a link without its expected peak") {
    Plan plan = plan_from(R"(resources:
  network:
    links:
      - {id: wan-a, capacity_mbps: 10000, expected_peak_mbps: 3000}
      - id: wan-b
        capacity_mbps: 10000
)");
    auto findings = run_check("resources.bandwidth-headroom", plan, kAsOf);
    REQUIRE(findings.size() == 4);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[1].status == Status::Fail);
    CHECK(findings[1].message == "link wan-b has no expected_peak_mbps");
    CHECK(where(findings[1]) == "plan.yaml:16:9");
    CHECK(findings[2].status == Status::Fail);
    CHECK(findings[2].message ==
          "total utilisation cannot be computed: links[wan-b] incomplete");
    CHECK(findings[3].status == Status::Fail);
    CHECK(findings[3].message == "N-1 headroom cannot be computed: links[wan-b] incomplete");
  }
}

TEST_CASE("resources.bandwidth-headroom: peak_query offline, without a Prometheus, or with incomplete links") {
  SUBCASE("offline: skipped, the totals stand on the expected peaks") {
    auto findings = run_check("resources.bandwidth-headroom",
                              peak_plan("vector(7000)", "http://127.0.0.1:9090"), kAsOf);
    REQUIRE(findings.size() == 5);
    const Finding& f = findings[2];
    CHECK(f.subject == "network.observed-peak");
    CHECK(f.status == Status::Skip);
    CHECK(f.message == "live only: peak_query not run (offline)");
    CHECK(where(f) == "plan.yaml:21:17");
    CHECK(findings[3].status == Status::Pass);
    CHECK(findings[3].message == kExpectedTotal);
    CHECK(findings[4].status == Status::Pass);
    CHECK(findings[4].message == kExpectedN1);
  }
  SUBCASE("no monitoring.prometheus.url: a plan defect, offline and live") {
    for (bool live : {false, true}) {
      CAPTURE(live);
      Plan plan = peak_plan("vector(7000)", "");
      auto findings = live ? run_check_live("resources.bandwidth-headroom", plan, kAsOf)
                           : run_check("resources.bandwidth-headroom", plan, kAsOf);
      REQUIRE(findings.size() == 5);
      const Finding& f = findings[2];
      CHECK(f.subject == "network.observed-peak");
      CHECK(f.status == Status::Fail);
      CHECK(f.message ==
            "peak_query is set but there is no Prometheus to ask (monitoring.prometheus.url)");
      CHECK(where(f) == "plan.yaml:21:17");
      CHECK(f.remediation ==
            "Declare monitoring.prometheus.url, the Prometheus that measures these links, or "
            "remove resources.network.peak_query");
      CHECK(findings[3].message == kExpectedTotal);
      CHECK(findings[4].message == kExpectedN1);
    }
  }
  SUBCASE("incomplete links: no total to compare with, so the query is not sent") {
    const std::string down = "http://127.0.0.1:" + std::to_string(closed_port());
    Plan plan = plan_from(R"(resources:
  network:
    links:
      - {id: wan-a, capacity_mbps: 10000, expected_peak_mbps: 3100}
      - {id: wan-b, capacity_mbps: 10000}
    peak_query: 'vector(7000)'
monitoring:
  prometheus:
    url: ")" + down + "\"\n");
    auto findings = run_check_live("resources.bandwidth-headroom", plan, kAsOf);
    REQUIRE(findings.size() == 4);  // an error about the refused connection would be a fifth
    CHECK(findings[2].message == "total utilisation cannot be computed: links[wan-b] incomplete");
    CHECK(findings[3].message == "N-1 headroom cannot be computed: links[wan-b] incomplete");
  }
}

TEST_CASE("resources.bandwidth-headroom: live, the observed peak from a real Prometheus") {
  // PromQL constants: no scraped data is needed.
  PrometheusTestServer prom("global: {scrape_interval: 1s}\n", "");

  SUBCASE("higher than expected: it replaces the expected total, which passed alone") {
    // `+` must reach Prometheus percent-encoded, not as a space.
    auto findings = run_live("vector(10000) + 5000", prom.url());
    const Finding& f = findings[2];
    CHECK(f.status == Status::Pass);
    CHECK(f.message ==
          "observed peak 15000 Mbit/s (peak_query) is above the expected total peak 6100 Mbit/s: "
          "used for the total and N-1");
    CHECK(number_evidence(f, "observed_peak_mbps") == 15000);
    CHECK(number_evidence(f, "expected_peak_mbps") == 6100);
    CHECK(integer_evidence(f, "series") == 1);
    // Links are still judged on their own expected peak: the query is a total.
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].message ==
          "peak 3100 Mbit/s of 10000 Mbit/s = 31%, limit 70% (max_utilization)");
    CHECK(findings[1].status == Status::Pass);

    const Finding& total = findings[3];
    CHECK(total.status == Status::Fail);
    CHECK(total.message ==
          "total peak 15000 Mbit/s (observed) of 20000 Mbit/s = 75%, limit 70% (max_utilization)");
    CHECK(total.remediation ==
          "Add at least 1429 Mbit/s of capacity, or move traffic elsewhere: the observed peak is "
          "already above the limit");
    CHECK(number_evidence(total, "expected_peak_mbps") == 6100);
    CHECK(number_evidence(total, "observed_peak_mbps") == 15000);
    CHECK(number_evidence(total, "utilization") == doctest::Approx(0.75));
    const Finding& n = findings[4];
    CHECK(n.status == Status::Fail);
    CHECK(n.message ==
          "without the largest link (wan-a, 10000 Mbit/s) the total peak 15000 Mbit/s (observed) "
          "exceeds the 10000 Mbit/s left (150%)");
    CHECK(n.remediation ==
          "Add 5000 Mbit/s of capacity on the other links so that losing wan-a does not cut the "
          "launch off");
    CHECK(number_evidence(n, "observed_peak_mbps") == 15000);

    // The same plan offline: the expected peaks alone pass.
    auto offline = run_check("resources.bandwidth-headroom",
                             peak_plan("vector(10000) + 5000", prom.url()), kAsOf);
    CHECK(subject(offline, "network.total").status == Status::Pass);
    CHECK(subject(offline, "network.n-1").status == Status::Pass);
  }
  SUBCASE("lower than expected (a scalar): the expected total stands") {
    auto findings = run_live("4200", prom.url());
    const Finding& f = findings[2];
    CHECK(f.status == Status::Pass);
    CHECK(f.message ==
          "observed peak 4200 Mbit/s (peak_query) is within the expected total peak 6100 Mbit/s");
    CHECK(integer_evidence(f, "series") == 1);
    CHECK(findings[3].status == Status::Pass);
    CHECK(findings[3].message == kExpectedTotal);
    CHECK(evidence_of(findings[3], "observed_peak_mbps") == nullptr);
    CHECK(findings[4].status == Status::Pass);
    CHECK(findings[4].message == kExpectedN1);
  }
  SUBCASE("exactly the expected total: within, the expected total stands") {
    auto findings = run_live("vector(6100)", prom.url());
    CHECK(findings[2].status == Status::Pass);
    CHECK(findings[2].message ==
          "observed peak 6100 Mbit/s (peak_query) is within the expected total peak 6100 Mbit/s");
    CHECK(findings[3].message == kExpectedTotal);
    CHECK(findings[4].message == kExpectedN1);
  }
  SUBCASE("several series: the highest is the observed peak") {
    auto findings = run_live(
        R"(label_replace(vector(3000), "l", "a", "", "") or label_replace(vector(12000), "l", "b", "", ""))",
        prom.url());
    const Finding& f = findings[2];
    CHECK(f.status == Status::Pass);
    CHECK(f.message ==
          "observed peak 12000 Mbit/s (peak_query) is above the expected total peak 6100 Mbit/s: "
          "used for the total and N-1");
    CHECK(integer_evidence(f, "series") == 2);
    CHECK(findings[3].status == Status::Pass);
    CHECK(findings[3].message ==
          "total peak 12000 Mbit/s (observed) of 20000 Mbit/s = 60%, limit 70% (max_utilization)");
    CHECK(findings[4].status == Status::Fail);
    CHECK(findings[4].message ==
          "without the largest link (wan-a, 10000 Mbit/s) the total peak 12000 Mbit/s (observed) "
          "exceeds the 10000 Mbit/s left (120%)");
  }
  SUBCASE("no usable number is an error; the totals stand on the expected peaks") {
    const std::string fix =
        "Fix resources.network.peak_query so that Prometheus returns the observed total peak "
        "across the links in Mbit/s";
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"no_such_metric_total", "peak_query returned no series: the observed peak is unknown"},
        {"vector(0/0)", "peak_query returned NaN, not a peak in Mbit/s (a finite number, 0 or more)"},
        {"vector(1/0)", "peak_query returned +Inf, not a peak in Mbit/s (a finite number, 0 or more)"},
        {"-5", "peak_query returned -5, not a peak in Mbit/s (a finite number, 0 or more)"},
        {R"(label_replace(vector(3000), "l", "a", "", "") or label_replace(vector(0/0), "l", "b", "", ""))",
         R"(peak_query returned NaN for {l="b"}, not a peak in Mbit/s (a finite number, 0 or more))"},
        {R"("foo")", "peak_query returned a string result, not a scalar or an instant vector"},
        {"sum(", "GET " + prom.url() +
                     R"(/api/v1/query: answered 400: invalid parameter "query": 1:5: parse error: )"
                     "unclosed left parenthesis"},
    };
    for (const auto& [query, message] : cases) {
      CAPTURE(query);
      auto findings = run_live(query, prom.url());
      CHECK(findings[2].status == Status::Error);
      CHECK(findings[2].message == message);
      CHECK(findings[2].remediation == fix);
      CHECK(findings[3].status == Status::Pass);
      CHECK(findings[3].message == kExpectedTotal);
      CHECK(findings[4].message == kExpectedN1);
    }
  }
  SUBCASE("a bearer token is never shown") {
    ScopedEnv token("GOLIVE_TEST_PROM_TOKEN", "tok-5c1e08-secret");
    auto findings = run_live("vector(4200)", prom.url(), "${env:GOLIVE_TEST_PROM_TOKEN}");
    CHECK(findings[2].status == Status::Pass);
    for (const auto& f : findings) {
      CHECK(f.message.find("tok-5c1e08-secret") == std::string::npos);
      CHECK(f.remediation.find("tok-5c1e08-secret") == std::string::npos);
      for (const auto& [key, value] : f.evidence)
        if (std::holds_alternative<std::string>(value.get()))
          CHECK(std::get<std::string>(value.get()).find("tok-5c1e08-secret") == std::string::npos);
    }
  }
}

TEST_CASE("resources.bandwidth-headroom: live, an unreachable Prometheus is an error, the token is sent") {
  SUBCASE("connection refused") {
    const std::string down = "http://127.0.0.1:" + std::to_string(closed_port());
    auto findings = run_live("vector(7000)", down);
    CHECK(findings[2].status == Status::Error);
    CHECK(findings[2].message == "GET " + down + "/api/v1/query: connection refused (3 tries)");
    CHECK(findings[2].remediation == "Make Prometheus reachable from where golive runs, then run again");
    CHECK(findings[3].message == kExpectedTotal);
    CHECK(findings[4].message == kExpectedN1);
  }
  SUBCASE("the bearer token reaches the server") {
    // /auth answers 200 (an empty body) only to the right token, 401 otherwise. The `#`
    // makes the query path a fragment, which is not sent, so the request goes to /auth.
    HttpTestServer server({.token = "tok-5c1e08-secret"});
    const std::string base = server.url("/auth#");
    {
      ScopedEnv token("GOLIVE_TEST_PROM_TOKEN", "tok-5c1e08-secret");
      auto findings = run_live("vector(7000)", base, "${env:GOLIVE_TEST_PROM_TOKEN}");
      CHECK(findings[2].status == Status::Error);
      CHECK(findings[2].message ==
            "GET " + base + "/api/v1/query: answered 200 with a body that is not JSON");
    }
    {
      ScopedEnv token("GOLIVE_TEST_PROM_TOKEN", "tok-wrong");
      auto findings = run_live("vector(7000)", base, "${env:GOLIVE_TEST_PROM_TOKEN}");
      CHECK(findings[2].message == "GET " + base + "/api/v1/query: answered 401");
    }
  }
}
