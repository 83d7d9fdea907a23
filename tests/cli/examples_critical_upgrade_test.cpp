// End-to-end: the critical-system and large-upgrade example plans through the `golive`
// binary — verdict, exit code, which scenario ruleset applied and why, and exactly which
// checks block.
#include <doctest/doctest.h>

#include <set>
#include <utility>

#include "tests/cli/cli_support.h"

namespace golive::test {

namespace {

/// `golive check --format json --as-of kAsOf --offline PLAN`, parsed.
nlohmann::json report_of(const std::string& plan, int expected_exit) {
  ProcessResult r = check({"--format", "json", plan});
  CAPTURE(r.err);
  CHECK(r.exit_code == expected_exit);
  CHECK(r.err == "");
  auto j = json_of(r.out);
  REQUIRE(j["plans"].size() == 1);
  return j;
}

/// (name, reason) of every applied ruleset, in order.
std::vector<std::pair<std::string, std::string>> rulesets_of(const nlohmann::json& j) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& r : j["plans"][0]["rulesets"]) out.emplace_back(r["name"], r["reason"]);
  return out;
}

/// The ids of the checks with a finding of this status.
std::set<std::string> checks_with(const nlohmann::json& j, const std::string& status) {
  std::set<std::string> out;
  for (const auto& f : j["plans"][0]["findings"])
    if (f["status"] == status) out.insert(f["check"].get<std::string>());
  return out;
}

/// The ids of the checks with a blocking finding.
std::set<std::string> blocking(const nlohmann::json& j) {
  std::set<std::string> out;
  for (const auto& f : j["plans"][0]["findings"])
    if (f["blocking"] == true) out.insert(f["check"].get<std::string>());
  return out;
}

/// The finding of `check` about `subject`; null when there is none.
nlohmann::json finding(const nlohmann::json& j, const std::string& check, const std::string& subject) {
  for (const auto& f : j["plans"][0]["findings"])
    if (f["check"] == check && f["subject"] == subject) return f;
  return nullptr;
}

using Rulesets = std::vector<std::pair<std::string, std::string>>;

}  // namespace

TEST_CASE("examples.critical-ready is ready under the critical ruleset it tags") {
  auto j = report_of("examples/critical-ready.yaml", 0);
  CHECK(j["verdict"] == "ready");
  CHECK(j["exit_code"] == 0);
  CHECK(rulesets_of(j) == Rulesets{{"baseline", "always"}, {"critical", "plan.scenarios lists critical"}});
  CHECK(checks_with(j, "fail").empty());
  CHECK(checks_with(j, "error").empty());
  // The critical gates ran and passed, the failover drill is required.
  for (const char* id : {"critical.rto-rpo-defined", "critical.rpo-achievable", "critical.rto-achievable",
                         "critical.failover-tested", "drills.recent", "resources.load-tested"})
    CHECK_MESSAGE(checks_with(j, "pass").count(id) == 1, id);
  auto failover = finding(j, "drills.recent", "drills[failover]");
  REQUIRE(failover.is_object());
  CHECK(failover["status"] == "pass");
  CHECK(finding(j, "resources.load-tested", "load_test")["severity"] == "gate");
}

TEST_CASE("examples.critical-not-ready: its tier-1 systems apply the critical gates it does not tag") {
  auto j = report_of("examples/critical-not-ready.yaml", 1);
  CHECK(j["verdict"] == "not_ready");
  CHECK(j["exit_code"] == 1);
  CHECK(rulesets_of(j) == Rulesets{{"baseline", "always"}, {"critical", "tier-1 system order-router"}});
  CHECK(blocking(j) == std::set<std::string>{"critical.failover-tested", "critical.rpo-achievable",
                                             "critical.rto-achievable", "critical.rto-rpo-defined",
                                             "drills.recent", "resources.load-tested"});
  CHECK(checks_with(j, "fail") == blocking(j));

  auto rto = finding(j, "critical.rto-rpo-defined", "systems[order-router]");
  CHECK(rto["status"] == "fail");
  CHECK(rto["message"] == "tier 1: rto 2h over the limit 1h (tier1_max_rto), rpo 1m within 15m (tier1_max_rpo)");
  CHECK(finding(j, "critical.rpo-achievable", "systems[statements]")["message"] ==
        "rpo 4h not met by the most frequent backups: statements-db every 1d (statements-db-daily)");
  CHECK(finding(j, "critical.rto-achievable", "systems[market-data]")["message"] ==
        "measured failover 25m on 2025-10-18 over rto 15m");
  CHECK(finding(j, "critical.failover-tested", "systems[market-data]")["message"] ==
        "failover test passed 412d12h ago, limit 365d (max_age)");
  CHECK(finding(j, "drills.recent", "drills[failover]")["status"] == "fail");
  CHECK(finding(j, "drills.recent", "drills[rollback]")["status"] == "pass");
  auto load = finding(j, "resources.load-tested", "load_test");
  CHECK(load["severity"] == "gate");
  CHECK(load["message"] == "load test at 1.5× the expected peak (minimum 2×) passed 8d12h ago (limit 90d)");
}

TEST_CASE("examples.large-upgrade-ready is ready under the large-upgrade ruleset it tags") {
  auto j = report_of("examples/large-upgrade-ready.yaml", 0);
  CHECK(j["verdict"] == "ready");
  CHECK(j["exit_code"] == 0);
  // No tier-1 system: the critical ruleset does not apply.
  CHECK(rulesets_of(j) == Rulesets{{"baseline", "always"}, {"large-upgrade", "plan.scenarios lists large-upgrade"}});
  CHECK(checks_with(j, "fail").empty());
  CHECK(checks_with(j, "error").empty());
  for (const char* id : {"upgrade.pm-group", "upgrade.phased", "upgrade.data-migration", "upgrade.compatibility"})
    CHECK_MESSAGE(checks_with(j, "pass").count(id) == 1, id);
  CHECK(finding(j, "upgrade.data-migration", "data_migration.pre_backup")["message"] ==
        "pre-migration backup wms-db-pre will be 18h old at window start 2026-12-04T20:00:00+01:00, limit 1d "
        "(pre_backup_max_age)");
}

TEST_CASE("examples.large-upgrade-not-ready: scenarios.large_upgrade applies the upgrade gates") {
  auto j = report_of("examples/large-upgrade-not-ready.yaml", 1);
  CHECK(j["verdict"] == "not_ready");
  CHECK(j["exit_code"] == 1);
  CHECK(rulesets_of(j) == Rulesets{{"baseline", "always"}, {"large-upgrade", "scenarios.large_upgrade is present"}});
  CHECK(blocking(j) == std::set<std::string>{"upgrade.data-migration", "upgrade.phased"});
  CHECK(checks_with(j, "fail") == std::set<std::string>{"upgrade.compatibility", "upgrade.data-migration", "upgrade.phased"});
  CHECK(finding(j, "upgrade.compatibility", "compatibility")["blocking"] == false);

  CHECK(finding(j, "upgrade.phased", "phases.first")["message"] ==
        "first phase pilot (Kassel and Leipzig) reaches 25%, limit 10% (max_first_scope_pct)");
  auto overlap = finding(j, "upgrade.phased", "phases[wave 2 (four centres)]/phases[wave 3 (remaining seven)]");
  REQUIRE(overlap.is_object());
  CHECK(overlap["message"] ==
        "phases wave 2 (four centres) and wave 3 (remaining seven) overlap for 2h, from "
        "2026-12-07T04:00:00+01:00 to 2026-12-07T06:00:00+01:00");
  CHECK(finding(j, "upgrade.data-migration", "data_migration.pre_backup")["message"] ==
        "pre-migration backup wms-db-6h will be 20h old at window start 2026-12-04T20:00:00+01:00, limit 12h "
        "(2 × schedule 6h)");
  CHECK(finding(j, "upgrade.data-migration", "data_migration.point_of_no_return")["message"] ==
        "point of no return 2026-12-05T05:00:00+01:00 is 30m before, not after the last checkpoint 'pilot "
        "go/no-go' at 2026-12-05T05:30:00+01:00");
  CHECK(finding(j, "upgrade.data-migration", "data_migration.rehearsal")["status"] == "pass");
}

}  // namespace golive::test
