#include <doctest/doctest.h>
#include <fmt/format.h>

#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

std::string where(const Finding& f) {
  return fmt::format("{}:{}:{}", f.location.file, f.location.line, f.location.column);
}

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
  SUBCASE("a plan value of zero is refused, not taken as the stricter ceiling") {
    auto findings = run_check("resources.bandwidth-headroom",
                              links_plan("1000", "1000", "    max_utilization: 0\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "resources.network.max_utilization 0 is not a fraction above 0 and at most 1");
  }
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
