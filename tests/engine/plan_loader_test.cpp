#include <doctest/doctest.h>

#include <fmt/format.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "tests/support/process.h"
#include "checks/engine/plan_loader.h"
#include "checks/engine/yaml_reader.h"
#include "tests/support/fixtures.h"
#include "tests/support/speaking.h"

using namespace golive;
using namespace std::chrono_literals;
using golive::test::at;
using golive::test::diagnostics_of;
using golive::test::plan_from;
using golive::test::Speaking;

namespace {

// A valid plan of nine lines: sections added after it start at line 10.
const std::string kBase = R"(golive: 1
plan:
  id: test-plan
  name: Test plan
  owner: li.wei
  revised_at: 2026-11-01
go_live:
  window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}
  timezone: Asia/Shanghai
)";

std::string with_base(const std::string& sections) { return kBase + sections; }

/// The base plan with one large-upgrade phase whose scope_pct is `pct` as written.
std::string scope(const std::string& pct) {
  return with_base("scenarios: {large_upgrade: {phases: [{name: a, scope_pct: " + pct + "}]}}\n");
}

std::string fixture_path(const std::string& name) {
  return golive::test::source_dir() + "/tests/fixtures/plans/" + name;
}

// The full fixture, loaded under a short name so positions read "full.yaml:L:C".
Plan full_plan() {
  Diagnostics diags;
  auto plan = load_plan_text(read_file(fixture_path("full.yaml")), "full.yaml", diags);
  std::string messages;
  for (const auto& d : diags.all()) messages += d.formatted() + "\n";
  REQUIRE_MESSAGE(plan, messages);
  CHECK(messages == "");
  return std::move(*plan);
}

/// A scratch directory removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("golive-loader-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string write(const std::string& relative, const std::string& text) const {
    auto p = path_ / relative;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string path(const std::string& relative = "") const {
    return relative.empty() ? path_.string() : (path_ / relative).string();
  }

 private:
  std::filesystem::path path_;
};

std::string formatted(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.all()) out += d.formatted() + "\n";
  return out;
}

}  // namespace

TEST_CASE("loader: the base plan loads without a message") {
  CHECK(diagnostics_of(kBase) == "");
  Plan plan = plan_from(kBase);
  CHECK(plan.format_version == 1);
  CHECK(*plan.plan.id == "test-plan");
  CHECK(*plan.go_live.window_start == at("2026-12-05T02:00:00+08:00"));
  CHECK(*plan.go_live.window_end == at("2026-12-05T06:00:00+08:00"));
  CHECK(plan.contacts.empty());
  CHECK_FALSE(plan.organization);
  CHECK_FALSE(plan.scenarios.has_new_technology);
  // Absent sections point at the top of the file.
  CHECK(plan.oncall_loc.str() == "plan.yaml:1:1");
  CHECK(plan.scenarios.loc.str() == "plan.yaml:1:1");
}

TEST_CASE("loader: hostile files are refused with a position, never a crash") {
  CHECK(diagnostics_of("") == "plan.yaml:1:1: error: empty document\n");
  CHECK(diagnostics_of("# only\n# comments\n") == "plan.yaml:1:1: error: empty document\n");
  CHECK(diagnostics_of(kBase + "---\ngolive: 1\n") ==
        "plan.yaml:11:1: error: more than one YAML document in the file (put each plan in its "
        "own file)\n");
  CHECK(diagnostics_of("golive: 1\na: &a [1, *a]\n") ==
        "plan.yaml:2:11: error: alias refers to itself (cycle in anchors)\n");
  CHECK(diagnostics_of(std::string("golive: 1\nplan: \"a\0b\"\n", 22)) ==
        "plan.yaml:2:9: error: NUL byte in input (not a text file?)\n");
  CHECK(diagnostics_of("golive: 1\nplan: \"caf\xc3\x28\"\n") ==
        "plan.yaml:2:11: error: invalid UTF-8\n");
  CHECK(diagnostics_of("- golive: 1\n") == "plan.yaml:1:1: error: expected a mapping, got a list\n");
  CHECK(diagnostics_of("golive\n") == "plan.yaml:1:1: error: expected a mapping, got 'golive'\n");
  CHECK(diagnostics_of("golive: 1\nplan: {id: x\n") ==
        "plan.yaml:3:1: error: invalid YAML: did not find expected ',' or '}' (while parsing a "
        "flow mapping at line 2, column 7)\n");

  SUBCASE("duplicate keys: the second is an error, not silently ignored") {
    CHECK(diagnostics_of("golive: 1\ngolive: 1\n") ==
          "plan.yaml:2:1: error: duplicate key 'golive' (first at line 1)\n");
    CHECK(diagnostics_of(with_base("contacts:\n  - {id: a, name: A, name: B}\n")) ==
          "plan.yaml:11:22: error: duplicate key 'name' (first at line 11)\n");
  }

  SUBCASE("nesting 500 levels deep") {
    auto nested = [](int levels) {
      std::string block = "golive: 1\nx:\n";
      for (int i = 1; i <= levels; ++i) block += std::string(2 * i, ' ') + "-\n";
      return block;
    };
    // Reported at the first list too deep, before yaml-cpp builds (or recurses) further.
    const std::string too_deep =
        "more than 64 levels of nesting: over the depth limit of 64; raise it with --limit depth=N\n";
    CHECK(diagnostics_of(nested(70)) == "plan.yaml:66:129: error: " + too_deep);
    CHECK(diagnostics_of(nested(500)) == "plan.yaml:66:129: error: " + too_deep);
    std::string flow = "golive: 1\nx: " + std::string(500, '[') + std::string(500, ']') + "\n";
    CHECK(diagnostics_of(flow) == "plan.yaml:2:67: error: " + too_deep);
    // Far beyond yaml-cpp's own recursion limit.
    std::string deep = "golive: 1\nx: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
    CHECK(diagnostics_of(deep) == "plan.yaml:2:67: error: " + too_deep);
  }

  SUBCASE("an alias bomb is cut short") {
    std::string bomb = "golive: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    // fmt rather than "…" + std::string: g++ 12 at -O3 reports a false -Wrestrict on that.
    for (int i = 1; i <= 9; ++i)
      bomb += fmt::format("a{0}: &a{0} [*a{1}, *a{1}, *a{1}, *a{1}, *a{1}, *a{1}, *a{1}, *a{1}, *a{1}, *a{1}]\n",
                          i, i - 1);
    CHECK(diagnostics_of(bomb) ==
          "plan.yaml:6:45: error: aliases expanding to more than 100000 nodes: over the aliases limit "
          "of 100000; raise it with --limit aliases=N\n");
  }
}

TEST_CASE("loader: format version and required keys") {
  CHECK(diagnostics_of("golive: 2\n") ==
        "plan.yaml:1:9: error: unsupported format version 2 (this golive reads 1)\n");
  CHECK(diagnostics_of("golive: 99999999999999999999999\n") ==
        "plan.yaml:1:9: error: unsupported format version 99999999999999999999999 (this golive "
        "reads 1)\n");
  CHECK(diagnostics_of("golive: one\n") ==
        "plan.yaml:1:9: error: golive: 'one' is not a format version (expected 1)\n");
  CHECK(diagnostics_of("plan: {}\n") ==
        "plan.yaml:1:1: error: missing required key 'golive'\n");
  CHECK(diagnostics_of("golive: 1\n") ==
        "plan.yaml:1:1: error: missing required key 'plan'\n"
        "plan.yaml:1:1: error: missing required key 'go_live'\n");
  CHECK(diagnostics_of("golive: 1\nplan: {name: x}\ngo_live: {timezone: UTC}\n") ==
        "plan.yaml:2:7: error: plan: missing required key 'id'\n"
        "plan.yaml:2:7: error: plan: missing required key 'owner'\n"
        "plan.yaml:2:7: error: plan: missing required key 'revised_at'\n"
        "plan.yaml:3:10: error: go_live: missing required key 'window'\n");
  CHECK(diagnostics_of("golive: 1\nplan: {id: x, name: x, owner: x, revised_at: 2026-11-01}\n"
                       "go_live: {window: {start: 2026-12-05}}\n") ==
        "plan.yaml:3:19: error: go_live.window: missing required key 'end'\n");
  CHECK(diagnostics_of(with_base("contacts: [{name: A}]\nsystems: [{tier: 1}]\nbackups: [{}]\n"
                                 "vendors: [{name: V}]\n"
                                 "resources: {network: {links: [{capacity_mbps: 1}]}}\n")) ==
        "plan.yaml:10:12: error: contacts[0]: missing required key 'id'\n"
        "plan.yaml:11:11: error: systems[0]: missing required key 'id'\n"
        "plan.yaml:12:11: error: backups[0]: missing required key 'id'\n"
        "plan.yaml:13:11: error: vendors[0]: missing required key 'id'\n"
        "plan.yaml:14:31: error: resources.network.links[0]: missing required key 'id'\n");
}

TEST_CASE("loader: plan id and window") {
  auto plan_with = [](const std::string& id, const std::string& window) {
    return "golive: 1\nplan: {id: " + id + ", name: x, owner: x, revised_at: 2026-11-01}\n" +
           "go_live: {window: " + window + "}\n";
  };
  const std::string window = "{start: 2026-12-05T02:00:00Z, end: 2026-12-05T06:00:00Z}";
  CHECK(diagnostics_of(plan_with("payments-core_3.0", window)) == "");
  CHECK(diagnostics_of(plan_with("Payments Core", window)) ==
        "plan.yaml:2:12: error: plan.id: 'Payments Core' is not a valid plan id (use a-z, 0-9, "
        "'.', '_' and '-')\n");
  CHECK(diagnostics_of(plan_with("x", "{start: 2026-12-05T06:00:00Z, end: 2026-12-05T06:00:00Z}")) ==
        "plan.yaml:3:54: error: go_live.window.end: the window must end after it starts\n");
  CHECK(diagnostics_of(plan_with("x", "{start: 2026-12-05T06:00:00+08:00, end: 2026-12-05T00:00:00Z}")) ==
        "");
  CHECK(diagnostics_of(plan_with("x", "[2026-12-05]")) ==
        "plan.yaml:3:19: error: go_live.window: expected a mapping, got a list\n");
}

TEST_CASE("loader: wrong shapes are errors with the expected kind") {
  CHECK(diagnostics_of(with_base("contacts: {id: a}\n")) ==
        "plan.yaml:10:11: error: contacts: expected a list, got a mapping\n");
  CHECK(diagnostics_of(with_base("organization: [zhang.san]\n")) ==
        "plan.yaml:10:15: error: organization: expected a mapping, got a list\n");
  CHECK(diagnostics_of(with_base("contacts: [li.wei]\n")) ==
        "plan.yaml:10:12: error: contacts[0]: expected a mapping, got 'li.wei'\n");
  CHECK(diagnostics_of(with_base("organization: {commander: {id: a}}\n")) ==
        "plan.yaml:10:27: error: organization.commander: expected a string, got a mapping\n");
  CHECK(diagnostics_of(with_base("organization: {working_group: li.wei}\n")) ==
        "plan.yaml:10:31: error: organization.working_group: expected a list, got 'li.wei'\n");
  CHECK(diagnostics_of(with_base("organization: {working_group: [a, [b]]}\n")) ==
        "plan.yaml:10:35: error: organization.working_group[1]: expected a string, got a list\n");
  CHECK(diagnostics_of(with_base("organization: {roles: {ops_lead: [a]}}\n")) ==
        "plan.yaml:10:34: error: organization.roles.ops_lead: expected a string, got a list\n");
}

TEST_CASE("loader: value types are checked with an example of the expected form") {
  SUBCASE("durations") {
    CHECK(diagnostics_of(with_base("backups: [{id: b, schedule: 1 hour}]\n")) ==
          "plan.yaml:10:29: error: backups[0].schedule: '1 hour' is not a duration (expected e.g. "
          "30m, 24h, 7d or PT1H)\n");
    CHECK(diagnostics_of(with_base("backups: [{id: b, schedule: P1M}]\n")) ==
          "plan.yaml:10:29: error: backups[0].schedule: 'P1M' is not a duration: months and years "
          "have no fixed length (write days, e.g. P30D or P365D)\n");
    Plan plan = plan_from(with_base("backups: [{id: b, schedule: 1h30m}, {id: c, schedule: PT15M}]\n"));
    CHECK(*plan.backups[0].schedule == 90min);
    CHECK(*plan.backups[1].schedule == 15min);
  }
  SUBCASE("instants") {
    CHECK(diagnostics_of(with_base("backups: [{id: b, last_success: 2026-12-04T23:00:00}]\n")) ==
          "plan.yaml:10:33: error: backups[0].last_success: '2026-12-04T23:00:00' has no UTC "
          "offset (add Z or an offset such as +08:00)\n");
    CHECK(diagnostics_of(with_base("backups: [{id: b, last_success: 2026-12-04T23:00:00-00:00}]\n")) ==
          "plan.yaml:10:33: error: backups[0].last_success: '2026-12-04T23:00:00-00:00' has the offset "
          "-00:00, which RFC 3339 reserves for an unknown local offset, so golive cannot tell when it is "
          "(write Z or +00:00 for UTC, or the real offset such as +08:00)\n");
    CHECK(*plan_from(with_base("backups: [{id: b, last_success: 2026-12-04T23:00:00+00:00}]\n")).backups[0].last_success ==
          at("2026-12-04T23:00:00Z"));
    CHECK(diagnostics_of(with_base("backups: [{id: b, last_success: 2026-02-30}]\n")) ==
          "plan.yaml:10:33: error: backups[0].last_success: '2026-02-30' is not a valid calendar "
          "date\n");
    CHECK(diagnostics_of(with_base("backups: [{id: b, last_success: 2026-02-30T01:00:00Z}]\n")) ==
          "plan.yaml:10:33: error: backups[0].last_success: '2026-02-30T01:00:00Z' is not a valid "
          "calendar date\n");
    CHECK(diagnostics_of(with_base("backups: [{id: b, last_success: yesterday}]\n")) ==
          "plan.yaml:10:33: error: backups[0].last_success: 'yesterday' is not a date or time "
          "(expected e.g. 2026-11-20 or 2026-12-05T02:00:00+08:00)\n");
    CHECK(diagnostics_of(with_base("backups: [{id: b, last_success: 2026-12-04T25:00:00Z}]\n")) ==
          "plan.yaml:10:33: error: backups[0].last_success: '2026-12-04T25:00:00Z' is not a date "
          "or time (expected e.g. 2026-11-20 or 2026-12-05T02:00:00+08:00)\n");
  }
  SUBCASE("time zones, with a suggestion") {
    CHECK(diagnostics_of(with_base("contacts: [{id: a, timezone: Asia/Shangai}]\n")) ==
          "plan.yaml:10:30: error: contacts[0].timezone: 'Asia/Shangai' is not an IANA time zone "
          "(e.g. Asia/Shanghai, UTC); did you mean 'Asia/Shanghai'?\n");
    CHECK(diagnostics_of(with_base("contacts: [{id: a, timezone: CST+8}]\n")) ==
          "plan.yaml:10:30: error: contacts[0].timezone: 'CST+8' is not an IANA time zone "
          "(e.g. Asia/Shanghai, UTC)\n");
  }
  SUBCASE("E.164 phones") {
    CHECK(diagnostics_of(with_base("contacts: [{id: a, phone: '13800000001'}]\n")) ==
          "plan.yaml:10:27: error: contacts[0].phone: '13800000001' is not an E.164 phone number "
          "(expected e.g. +8613800000001)\n");
    CHECK(diagnostics_of(with_base("contacts: [{id: a, phone: '+86 138 0000 0001'}]\n")) ==
          "plan.yaml:10:27: error: contacts[0].phone: '+86 138 0000 0001' is not an E.164 phone "
          "number (expected e.g. +8613800000001)\n");
    // Unquoted, YAML 1.2 reads +8613800000001 as a number, as editors and the schema do.
    CHECK(diagnostics_of(with_base("contacts: [{id: a, phone: +8613800000001}]\n")) ==
          "plan.yaml:10:27: error: contacts[0].phone: +8613800000001 is a number in YAML; write the "
          "phone number in quotes (\"+8613800000001\")\n");
  }
  SUBCASE("working hours") {
    CHECK(diagnostics_of(with_base("contacts: [{id: a, hours: 9-18}]\n")) ==
          "plan.yaml:10:27: error: contacts[0].hours: '9-18' is not a range of working hours "
          "(expected e.g. 09:00-18:00)\n");
    CHECK(diagnostics_of(with_base("contacts: [{id: a, hours: '09:00-24:30'}]\n")) ==
          "plan.yaml:10:27: error: contacts[0].hours: '09:00-24:30' is not a range of working "
          "hours (expected e.g. 09:00-18:00)\n");
    auto night = *plan_from(with_base("contacts: [{id: a, hours: '22:00-06:00'}]\n")).contacts[0].hours;
    CHECK(night.start_minute == 22 * 60);
    CHECK(night.end_minute == 6 * 60);
    CHECK(night.wraps_midnight());
  }
  SUBCASE("integers and numbers out of range") {
    CHECK(diagnostics_of(with_base("systems: [{id: s, tier: 4}]\n")) ==
          "plan.yaml:10:25: error: systems[0].tier: 4 is out of range (1 to 3)\n");
    CHECK(diagnostics_of(with_base("systems: [{id: s, tier: 0}]\n")) ==
          "plan.yaml:10:25: error: systems[0].tier: 0 is out of range (1 to 3)\n");
    CHECK(diagnostics_of(with_base("systems: [{id: s, tier: one}]\n")) ==
          "plan.yaml:10:25: error: systems[0].tier: 'one' is not a whole number\n");
    CHECK(diagnostics_of(with_base("systems: [{id: s, tier: 1.5}]\n")) ==
          "plan.yaml:10:25: error: systems[0].tier: '1.5' is not a whole number\n");
    CHECK(diagnostics_of(with_base("backups: [{id: b, copies: 99999999999999999999999}]\n")) ==
          "plan.yaml:10:27: error: backups[0].copies: 99999999999999999999999 is out of range (1 "
          "to 1000)\n");
    CHECK(diagnostics_of(with_base("resources: {network: {max_utilization: 70}}\n")) ==
          "plan.yaml:10:40: error: resources.network.max_utilization: 70 is out of range (more than 0, "
          "at most 1)\n");
    CHECK(diagnostics_of(with_base("resources: {network: {max_utilization: .nan}}\n")) ==
          "plan.yaml:10:40: error: resources.network.max_utilization: '.nan' is not a number\n");
    CHECK(*plan_from(with_base("systems: [{id: s, tier: +2}]\n")).systems[0].tier == 2);
  }
  SUBCASE("a phase's scope_pct is more than 0 and at most 100") {
    CHECK(diagnostics_of(scope("0")) ==
          "plan.yaml:10:59: error: scenarios.large_upgrade.phases[0].scope_pct: 0 is out of range (more "
          "than 0, at most 100)\n");
    CHECK(diagnostics_of(scope("0.0")) ==
          "plan.yaml:10:59: error: scenarios.large_upgrade.phases[0].scope_pct: 0.0 is out of range "
          "(more than 0, at most 100)\n");
    CHECK(diagnostics_of(scope("100.1")) ==
          "plan.yaml:10:59: error: scenarios.large_upgrade.phases[0].scope_pct: 100.1 is out of range "
          "(more than 0, at most 100)\n");
    CHECK(diagnostics_of(scope("-5")) ==
          "plan.yaml:10:59: error: scenarios.large_upgrade.phases[0].scope_pct: -5 is out of range (more "
          "than 0, at most 100)\n");
    CHECK(*plan_from(scope("0.001")).scenarios.large_upgrade->phases[0].scope_pct == 0.001);
    CHECK(*plan_from(scope("100")).scenarios.large_upgrade->phases[0].scope_pct == 100);
  }
  SUBCASE("a number too large to read is out of the key's range, in the same words as any other") {
    const auto utilization = [](const std::string& v) {
      return with_base("resources: {network: {max_utilization: " + v + "}}\n");
    };
    // Whose minimum is excluded: "more than 0", overflowing or not.
    CHECK(diagnostics_of(utilization("1e999")) ==
          "plan.yaml:10:40: error: resources.network.max_utilization: 1e999 is out of range (more than 0, "
          "at most 1)\n");
    CHECK(diagnostics_of(utilization("-1e999")) ==
          "plan.yaml:10:40: error: resources.network.max_utilization: -1e999 is out of range (more than 0, "
          "at most 1)\n");
    CHECK(diagnostics_of(utilization("0")) ==
          "plan.yaml:10:40: error: resources.network.max_utilization: 0 is out of range (more than 0, "
          "at most 1)\n");
    CHECK(diagnostics_of(scope("1e999")) ==
          "plan.yaml:10:59: error: scenarios.large_upgrade.phases[0].scope_pct: 1e999 is out of range "
          "(more than 0, at most 100)\n");
    CHECK(diagnostics_of(scope("-1e999")) ==
          "plan.yaml:10:59: error: scenarios.large_upgrade.phases[0].scope_pct: -1e999 is out of range "
          "(more than 0, at most 100)\n");
    // The largest finite numbers are read, and refused as any value above the maximum.
    CHECK(diagnostics_of(utilization("1e308")) ==
          "plan.yaml:10:40: error: resources.network.max_utilization: 1e308 is out of range (more than 0, "
          "at most 1)\n");
    CHECK(*plan_from(utilization("1")).resources->network->max_utilization == 1);
    // Whose minimum is included: "0 to 100", overflowing or not.
    const auto tolerance = [](const std::string& v) {
      return with_base("scenarios: {large_upgrade: {data_migration: {reconciliation: {tolerance_pct: " + v +
                       "}}}}\n");
    };
    CHECK(diagnostics_of(tolerance("1e999")) ==
          "plan.yaml:10:78: error: scenarios.large_upgrade.data_migration.reconciliation.tolerance_pct: "
          "1e999 is out of range (0 to 100)\n");
    CHECK(diagnostics_of(tolerance("101")) ==
          "plan.yaml:10:78: error: scenarios.large_upgrade.data_migration.reconciliation.tolerance_pct: "
          "101 is out of range (0 to 100)\n");
    SUBCASE("in Chinese") {
      Speaking zh("zh-CN");
      CHECK(diagnostics_of(scope("-1e999")) ==
            "plan.yaml:10:59: error: scenarios.large_upgrade.phases[0].scope_pct：-1e999 超出范围（须大于 0，且不超过 100）\n");
    }
  }
  SUBCASE("booleans") {
    CHECK(diagnostics_of(with_base("backups: [{id: b, offsite: yes}]\n")) ==
          "plan.yaml:10:28: error: backups[0].offsite: 'yes' is not a boolean in YAML 1.2, which "
          "golive, editors and plugins read (write true or false)\n");
    CHECK(diagnostics_of(with_base("backups: [{id: b, offsite: maybe}]\n")) ==
          "plan.yaml:10:28: error: backups[0].offsite: 'maybe' is not true or false\n");
    Plan plan = plan_from(with_base("backups: [{id: b, offsite: true, immutable: false}]\n"));
    CHECK(*plan.backups[0].offsite);
    CHECK_FALSE(*plan.backups[0].immutable);
  }
}

TEST_CASE("loader: enumerated values, with a suggestion") {
  CHECK(diagnostics_of(with_base("systems: [{id: s, dr_strategy: warm-standby}]\n")) ==
        "plan.yaml:10:32: error: systems[0].dr_strategy: 'warm-standby' is not one of "
        "backup_restore, pilot_light, warm_standby, active_active (did you mean 'warm_standby'?)\n");
  CHECK(diagnostics_of(with_base("drills: [{type: restore, result: passed}]\n")) ==
        "plan.yaml:10:34: error: drills[0].result: 'passed' is not one of pass, fail (did you mean "
        "'pass'?)\n");
  CHECK(diagnostics_of(with_base("oncall: {shifts: [{who: li.wei, level: primry}]}\n")) ==
        "plan.yaml:10:40: error: oncall.shifts[0].level: 'primry' is not one of primary, backup "
        "(did you mean 'primary'?)\n");
  CHECK(diagnostics_of(with_base("rollback: {strategy: bluegreen}\n")) ==
        "plan.yaml:10:22: error: rollback.strategy: 'bluegreen' is not one of blue_green, canary, "
        "rolling, redeploy, feature_flag, restore, other (did you mean 'blue_green'?)\n");
  CHECK(diagnostics_of(with_base("drills: [{findings: [{severity: severe}]}]\n")) ==
        "plan.yaml:10:33: error: drills[0].findings[0].severity: 'severe' is not one of low, "
        "medium, high, critical\n");
  CHECK(diagnostics_of(with_base(
            "scenarios: {new_technology: [{component: X, risk_assessment: {residual: hi}}]}\n")) ==
        "plan.yaml:10:73: error: scenarios.new_technology[0].risk_assessment.residual: 'hi' is "
        "not one of low, medium, high, critical\n");
  CHECK(diagnostics_of("golive: 1\nplan: {id: x, name: x, owner: x, revised_at: 2026-11-01,\n"
                       "  scenarios: [critical, cross_border, [x]]}\n"
                       "go_live: {window: {start: 2026-12-05T02:00:00Z, end: 2026-12-05T06:00:00Z}}\n") ==
        "plan.yaml:3:25: error: plan.scenarios[1]: 'cross_border' is not one of critical, "
        "large-upgrade, cross-border, new-technology, third-party (did you mean 'cross-border'?)\n"
        "plan.yaml:3:39: error: plan.scenarios[2]: expected a string, got a list\n");
  CHECK(diagnostics_of(with_base("response: {stages: [report, asess]}\n")) ==
        "plan.yaml:10:29: error: response.stages[1]: 'asess' is not one of report, assess, "
        "activate, handle, notify, review (did you mean 'assess'?)\n");
  CHECK(diagnostics_of(with_base("rollback: {triggers: [{metric: m, op: '=>', value: 1}]}\n")) ==
        "plan.yaml:10:39: error: rollback.triggers[0].op: '=>' is not one of >, >=, <, <=, ==, != "
        "(did you mean '>'?)\n");
  Plan plan = plan_from(with_base("rollback: {strategy: rolling, triggers: [{metric: m, op: '<=', "
                                  "value: -1.5, for: 2m}]}\n"));
  CHECK(*plan.rollback->strategy == "rolling");
  CHECK(*plan.rollback->triggers[0].op == "<=");
  CHECK(*plan.rollback->triggers[0].value == -1.5);
  CHECK(*plan.rollback->triggers[0].for_ == 2min);
}

TEST_CASE("loader: unknown keys are errors with a suggestion") {
  std::string yaml = with_base("contacts: [{id: a, emial: a@example.com}]\nbackup: []\nzzz: 1\n");
  CHECK(diagnostics_of(yaml) ==
        "plan.yaml:10:20: error: contacts[0]: unknown key 'emial' (did you mean 'email'?)\n"
        "plan.yaml:11:1: error: unknown key 'backup' (did you mean 'backups'?)\n"
        "plan.yaml:12:1: error: unknown key 'zzz'\n");
  // A misspelt key must never switch a check off: the plan does not load.
  Diagnostics diags;
  CHECK_FALSE(load_plan_text(yaml, "plan.yaml", diags));
  // Keys that only some test records take are unknown elsewhere.
  CHECK(diagnostics_of(with_base("backups: [{id: b, restore_test: {at: 2026-11-20, kind: poc}}]\n")) ==
        "plan.yaml:10:50: error: backups[0].restore_test: unknown key 'kind'\n");
}

TEST_CASE("loader: duplicate ids name both positions") {
  CHECK(diagnostics_of(with_base("contacts:\n  - {id: a}\n  - {id: a}\n")) ==
        "plan.yaml:12:10: error: contacts[1].id: duplicate id 'a' (first at line 11)\n");
  CHECK(diagnostics_of(with_base("systems: [{id: s}, {id: s}]\n")) ==
        "plan.yaml:10:25: error: systems[1].id: duplicate id 's' (first at line 10)\n");
  CHECK(diagnostics_of(with_base("backups:\n  - id: x\n    schedule: 1h\n  - id: x\n")) ==
        "plan.yaml:13:9: error: backups[1].id: duplicate id 'x' (first at line 11)\n");
  CHECK(diagnostics_of(with_base("vendors: [{id: v}, {id: v}]\n")) ==
        "plan.yaml:10:25: error: vendors[1].id: duplicate id 'v' (first at line 10)\n");
  CHECK(diagnostics_of(with_base("resources: {network: {links: [{id: l}, {id: l}]}}\n")) ==
        "plan.yaml:10:45: error: resources.network.links[1].id: duplicate id 'l' (first at line 10)\n");
  CHECK(diagnostics_of(with_base("monitoring: {alerts: [{name: Down}, {name: Down}]}\n")) ==
        "plan.yaml:10:44: error: monitoring.alerts[1].name: duplicate name 'Down' (first at line "
        "10)\n");
  CHECK(diagnostics_of(with_base("response: {severities: [{level: SEV1}, {level: SEV1}]}\n")) ==
        "plan.yaml:10:48: error: response.severities[1].level: duplicate level 'SEV1' (first at "
        "line 10)\n");
  CHECK(diagnostics_of(with_base("scenarios: {cross_border: {regions: [{code: SG}, {code: SG}]}}\n")) ==
        "plan.yaml:10:57: error: scenarios.cross_border.regions[1].code: duplicate code 'SG' (first "
        "at line 10)\n");
  CHECK(diagnostics_of(with_base("scenarios: {new_technology: [{component: X}, {component: X}]}\n")) ==
        "plan.yaml:10:58: error: scenarios.new_technology[1].component: duplicate component 'X' "
        "(first at line 10)\n");

  SUBCASE("datastores: shared between systems, unique within one") {
    CHECK(diagnostics_of(with_base("systems: [{id: a, datastores: [db]}, {id: b, datastores: [db]}]\n")) ==
          "");
    CHECK(diagnostics_of(with_base("systems: [{id: a, datastores: [db, cache, db]}]\n")) ==
          "plan.yaml:10:43: error: systems[0].datastores[2]: duplicate datastore 'db' (first at "
          "line 10)\n");
  }
  SUBCASE("unresolved references are left to the checks") {
    Plan plan = plan_from(with_base("organization: {commander: nobody}\n"
                                    "backups: [{id: b, datastore: nowhere}]\n"));
    CHECK(*plan.organization->commander == "nobody");
    CHECK(plan.contact("nobody") == nullptr);
  }
}

TEST_CASE("loader: secrets are references to the environment, never inline") {
  Plan plan = plan_from(with_base(
      "monitoring:\n"
      "  prometheus: {url: 'http://127.0.0.1:9090', bearer_token: '${env:PROM_TOKEN}'}\n"
      "  alertmanager: {url: 'http://127.0.0.1:9093', bearer_token: '${env:AM_TOKEN}'}\n"));
  CHECK(*plan.monitoring->prometheus->bearer_token == "${env:PROM_TOKEN}");
  CHECK(*plan.monitoring->alertmanager->bearer_token == "${env:AM_TOKEN}");

  std::string inline_secrets = diagnostics_of(with_base(
      "monitoring:\n"
      "  prometheus: {url: 'http://127.0.0.1:9090', bearer_token: s3cr3t-t0ken}\n"
      "  alertmanager: {bearer_token: '${env:}'}\n"));
  CHECK(inline_secrets ==
        "plan.yaml:11:60: error: monitoring.prometheus.bearer_token: a secret must be written as "
        "${env:NAME}, not inline\n"
        "plan.yaml:12:32: error: monitoring.alertmanager.bearer_token: a secret must be written as "
        "${env:NAME}, not inline\n");
  CHECK(inline_secrets.find("s3cr3t") == std::string::npos);
}

TEST_CASE("loader: URL userinfo is kept for probes but never printed") {
  Plan plan = plan_from(with_base("backups: [{id: b, location: 'https://user:pa55@host/b.dump'}]\n"));
  CHECK(*plan.backups[0].location == "https://user:pa55@host/b.dump");

  std::string messages = diagnostics_of(with_base(
      "backups: [{id: b, location: 'ftp://user:pa55@host/b.dump'}]\n"
      "systems: [{id: s, health_check: {url: 'ftp://user:pa55@host/h', expect_status: "
      "'https://user:pa55@host/'}}]\n"
      "monitoring: {dashboards: [{url: 'grafana://user:pa55@host/'}], prometheus: {url: "
      "{x: 1}}}\n"));
  CHECK(messages ==
        "plan.yaml:10:29: error: backups[0].location: 'ftp://***@host/b.dump' is not a supported "
        "location (expected file://, http://, https:// or s3://)\n"
        "plan.yaml:11:39: error: systems[0].health_check.url: 'ftp://***@host/h' is not an http:// "
        "or https:// URL\n"
        "plan.yaml:11:80: error: systems[0].health_check.expect_status: 'https://***@host/' is not "
        "a whole number\n"
        "plan.yaml:12:33: error: monitoring.dashboards[0].url: 'grafana://***@host/' is not an "
        "http:// or https:// URL\n"
        "plan.yaml:12:82: error: monitoring.prometheus.url: expected a string, got a mapping\n");
  CHECK(messages.find("pa55") == std::string::npos);

  // Keys are text from the file too.
  CHECK(diagnostics_of(with_base("contacts: [{id: a, 'https://user:pa55@host/': 1}]\n"
                                 "vendors: [{id: v, support: {response: {'http://u:pa55@h': 1x}}}]\n")) ==
        "plan.yaml:10:20: error: contacts[0]: unknown key 'https://***@host/'\n"
        "plan.yaml:11:59: error: vendors[0].support.response.http://***@h: '1x' is not a duration "
        "(expected e.g. 30m, 24h, 7d or PT1H)\n");
}

TEST_CASE("loader: a health check's own timeout keeps to the bounds of --timeout") {
  // It overrides --timeout for its probe: `timeout: 52w` held a live run for as long.
  auto with_timeout = [](const std::string& t) {
    return with_base("systems: [{id: s, health_check: {url: 'https://h/', timeout: " + t + "}}]\n");
  };
  CHECK(diagnostics_of(with_timeout("1s")) == "");
  CHECK(diagnostics_of(with_timeout("1h")) == "");
  CHECK(*plan_from(with_timeout("PT1H")).systems[0].health_check->timeout == std::chrono::hours(1));
  CHECK(diagnostics_of(with_timeout("3601s")) ==
        "plan.yaml:10:62: error: systems[0].health_check.timeout: 3601s is out of range (1s to 1h, "
        "as for --timeout): a probe that long would hold the pipeline\n");
  CHECK(diagnostics_of(with_timeout("52w")) ==
        "plan.yaml:10:62: error: systems[0].health_check.timeout: 52w is out of range (1s to 1h, "
        "as for --timeout): a probe that long would hold the pipeline\n");
  CHECK(diagnostics_of(with_timeout("0s")) ==
        "plan.yaml:10:62: error: systems[0].health_check.timeout: must be longer than 0s (a period of "
        "zero never comes round)\n");
}

TEST_CASE("loader: bare dates are midnight in go_live.timezone") {
  const std::string rest =
      "plan: {id: x, name: x, owner: x, revised_at: 2026-11-01}\n"
      "training: [{topic: t, at: 2026-03-29}, {topic: t, at: 2026-03-30}]\n"
      "go_live:\n  window: {start: 2026-12-05, end: 2026-12-06}\n";
  SUBCASE("Asia/Shanghai, even when the zone is written after the dates") {
    Plan plan = plan_from("golive: 1\n" + rest + "  timezone: Asia/Shanghai\n");
    CHECK(*plan.plan.revised_at == at("2026-10-31T16:00:00Z"));
    CHECK(*plan.go_live.window_start == at("2026-12-04T16:00:00Z"));
  }
  SUBCASE("UTC when unset") {
    Plan plan = plan_from("golive: 1\n" + rest);
    CHECK(*plan.plan.revised_at == at("2026-11-01T00:00:00Z"));
    CHECK(*plan.go_live.window_start == at("2026-12-05T00:00:00Z"));
  }
  SUBCASE("DST: Europe/Berlin moves to summer time on 2026-03-29 at 02:00") {
    Plan plan = plan_from("golive: 1\n" + rest + "  timezone: Europe/Berlin\n");
    CHECK(*plan.training[0].at == at("2026-03-28T23:00:00Z"));  // still +01:00 at midnight
    CHECK(*plan.training[1].at == at("2026-03-29T22:00:00Z"));  // +02:00
    CHECK(*plan.plan.revised_at == at("2026-10-31T23:00:00Z"));  // back to +01:00
  }
  SUBCASE("a bad zone is reported once, and dates are read as UTC meanwhile") {
    CHECK(diagnostics_of("golive: 1\n" + rest + "  timezone: Europe/Berln\n") ==
          "plan.yaml:6:13: error: go_live.timezone: 'Europe/Berln' is not an IANA time zone (e.g. "
          "Asia/Shanghai, UTC); did you mean 'Europe/Berlin'?\n");
  }
  SUBCASE("timestamps with an offset are not moved") {
    Plan plan = plan_from(kBase);
    CHECK(*plan.go_live.window_start == at("2026-12-04T18:00:00Z"));
  }
}

TEST_CASE("loader: the full example plan loads every section") {
  Plan p = full_plan();
  CHECK(p.file == "full.yaml");
  CHECK(p.loc.str() == "full.yaml:1:1");
  CHECK(p.sha256.size() == 64);

  SUBCASE("plan and go_live") {
    CHECK(*p.plan.id == "payments-core-3.0");
    CHECK(p.plan.id.loc.str() == "full.yaml:4:7");
    CHECK(*p.plan.name == "Payments Core 3.0 go-live");
    CHECK(*p.plan.owner == "li.wei");
    CHECK(*p.plan.revised_at == at("2026-10-31T16:00:00Z"));
    CHECK(p.plan.revised_at.loc.str() == "full.yaml:7:15");
    CHECK(*p.plan.review_every == 365 * 24h);
    CHECK(*p.plan.supersedes == "payments-core-2.4");
    REQUIRE(p.plan.scenarios.size() == 5);
    CHECK(p.tagged("third-party"));
    REQUIRE(p.plan.approvals.size() == 1);
    CHECK(*p.plan.approvals[0].by == "zhang.san");
    CHECK(*p.plan.approvals[0].at == at("2026-11-19T16:00:00Z"));
    CHECK(p.go_live.window_loc.str() == "full.yaml:14:11");
    CHECK(*p.go_live.window_start == at("2026-12-04T18:00:00Z"));
    CHECK(p.go_live.window_start.loc.str() == "full.yaml:14:19");
    CHECK(*p.go_live.window_end == at("2026-12-04T22:00:00Z"));
    CHECK(*p.go_live.timezone == "Asia/Shanghai");
    CHECK(p.zone() != nullptr);
    CHECK(*p.go_live.hypercare == 72h);
    REQUIRE(p.go_live.checkpoints.size() == 1);
    CHECK(*p.go_live.checkpoints[0].owner == "zhang.san");
    CHECK(*p.go_live.checkpoints[0].criteria.at(0) == "5xx < 1%");
  }
  SUBCASE("contacts and organization") {
    REQUIRE(p.contacts.size() == 7);
    const Contact* zhang = p.contact("zhang.san");
    REQUIRE(zhang);
    CHECK(*zhang->name == "张三");
    CHECK(*zhang->phone == "+8613800000001");
    CHECK(*zhang->email == "zhang.san@example.com");
    CHECK(*zhang->region == "CN");
    CHECK(zhang->hours->start_minute == 9 * 60);
    const Contact* li = p.contact("li.wei");
    REQUIRE(li);
    CHECK(li->loc.str() == "full.yaml:24:5");
    CHECK(li->hours->wraps_midnight());
    REQUIRE(p.organization);
    CHECK(p.organization->loc.str() == "full.yaml:35:3");
    CHECK(*p.organization->commander == "zhang.san");
    CHECK(*p.organization->deputy == "wang.wu");
    REQUIRE(p.organization->role("scribe"));
    CHECK(**p.organization->role("scribe") == "sun.qi");
    CHECK(p.organization->roles_loc.str() == "full.yaml:37:10");
    CHECK(p.organization->working_group.size() == 4);
    CHECK(*p.organization->departments.at(0).lead == "chen.ba");
  }
  SUBCASE("response") {
    REQUIRE(p.response);
    const Response& r = *p.response;
    REQUIRE(r.severities.size() == 3);
    CHECK(r.severities_loc.str() == "full.yaml:43:5");
    CHECK(*r.severities[0].ack == 5min);
    CHECK(*r.severities[0].page.at(1) == "ops_lead");
    CHECK(*r.severities[1].update_every == 1h);
    REQUIRE(r.escalation.size() == 2);
    CHECK(*r.escalation[1].level == 2);
    CHECK(*r.escalation[1].after == 10min);
    CHECK(r.stages.size() == 6);
    CHECK(r.stages_loc.str() == "full.yaml:49:11");
    REQUIRE(r.comms);
    CHECK(*r.comms->channel == "#golive-payments");
    CHECK(*r.comms->time_reference == "UTC");
    CHECK(*r.comms->update_every == 30min);
    REQUIRE(r.review);
    CHECK(*r.review->due == 5 * 24h);
  }
  SUBCASE("systems and backups") {
    REQUIRE(p.systems.size() == 1);
    const System& s = p.systems[0];
    CHECK(s.loc.str() == "full.yaml:54:5");
    CHECK(*s.tier == 1);
    CHECK(*s.rto == 15min);
    CHECK(*s.rpo == 5min);
    CHECK(*s.dr_strategy == "warm_standby");
    CHECK(p.has_datastore("payments-db"));
    REQUIRE(s.health_check);
    CHECK(*s.health_check->expect_status == 200);
    CHECK(*s.health_check->timeout == 2s);
    REQUIRE(s.standby);
    REQUIRE(s.standby->failover_test);
    CHECK(s.standby->failover_test->passed());
    CHECK(*s.standby->failover_test->duration == 9min);
    REQUIRE(p.backups.size() == 1);
    const Backup& b = p.backups[0];
    CHECK(b.id.loc.str() == "full.yaml:63:9");
    CHECK(*b.datastore == "payments-db");
    CHECK(*b.schedule == 1h);
    CHECK(*b.copies == 3);
    CHECK(*b.offsite);
    CHECK(*b.immutable);
    CHECK(*b.location == "s3://backups/payments-db/latest.dump");
    CHECK(*b.last_success == at("2026-12-04T15:00:00Z"));
    REQUIRE(b.restore_test);
    CHECK(b.restore_test->loc.str() == "full.yaml:71:19");
    CHECK(*b.restore_test->evidence == "https://wiki.example.com/restore-1120");
    CHECK(*b.restore_test->duration == 40min);
  }
  SUBCASE("rollback and monitoring") {
    REQUIRE(p.rollback);
    const Rollback& r = *p.rollback;
    CHECK(*r.strategy == "blue_green");
    CHECK_FALSE(*r.automated);
    CHECK(*r.decision_owner == "zhang.san");
    CHECK(*r.duration == 25min);
    CHECK(*r.verification == 10min);
    CHECK(r.triggers_loc.str() == "full.yaml:79:13");
    REQUIRE(r.triggers.size() == 1);
    CHECK(*r.triggers[0].value == 0.02);
    REQUIRE(r.tested);
    CHECK(*r.tested->version == "3.0.0-rc2");
    CHECK(*r.tested->environment == "staging");
    REQUIRE(p.monitoring);
    const Monitoring& m = *p.monitoring;
    REQUIRE(m.prometheus);
    CHECK(*m.prometheus->job == "payments-api");
    CHECK(*m.prometheus->bearer_token == "${env:PROM_TOKEN}");
    CHECK(m.prometheus->bearer_token.loc.str() == "full.yaml:83:30");
    REQUIRE(m.alertmanager);
    CHECK(m.alertmanager->page_labels.size() == 2);
    CHECK(m.alertmanager->page_labels[1].first == "team");
    CHECK(*m.alertmanager->page_labels[1].second == "payments");
    CHECK_FALSE(m.alertmanager->bearer_token);
    CHECK(m.alerts_loc.str() == "full.yaml:87:5");
    CHECK(*m.alerts.at(0).severity == "critical");
    CHECK(*m.dashboards.at(0).url == "https://grafana.example.com/d/payments");
    REQUIRE(m.heartbeat);
    CHECK(*m.heartbeat->receiver == "deadmans-switch");
  }
  SUBCASE("staffing, training, resources and drills") {
    CHECK(p.oncall_loc.str() == "full.yaml:91:3");
    REQUIRE(p.shifts.size() == 2);
    CHECK(*p.shifts[1].level == "backup");
    CHECK(*p.shifts[1].to == at("2026-12-08T00:00:00Z"));
    REQUIRE(p.training.size() == 1);
    CHECK(p.training[0].attendees.size() == 4);
    REQUIRE(p.resources);
    CHECK(p.resources->spares.size() == 2);
    CHECK(*p.resources->spares[1].lead_time == 4h);
    CHECK(*p.resources->spares[1].on_hand == 0);
    REQUIRE(p.resources->network);
    CHECK(*p.resources->network->max_utilization == 0.7);
    REQUIRE(p.resources->network->links.size() == 2);
    CHECK(p.resources->network->links[1].loc.str() == "full.yaml:104:9");
    CHECK(*p.resources->network->links[1].expected_peak_mbps == 3000);
    CHECK(p.resources->network->peak_query->find("node_network_transmit_bytes_total") !=
          std::string::npos);
    REQUIRE(p.resources->load_test);
    CHECK(*p.resources->load_test->multiple_of_peak == 2.0);
    REQUIRE(p.drills.size() == 2);
    REQUIRE(p.drills[0].findings.size() == 1);
    CHECK(p.drills[0].findings[0].loc.str() == "full.yaml:109:17");
    CHECK(*p.drills[0].findings[0].closed);
  }
  SUBCASE("scenarios") {
    REQUIRE(p.scenarios.large_upgrade);
    const LargeUpgrade& u = *p.scenarios.large_upgrade;
    REQUIRE(u.phases.size() == 2);
    CHECK(*u.phases[0].scope_pct == 5);
    CHECK(*u.phases[0].goals.at(0) == "3.0 serves 5% of payments");
    CHECK(u.phases[1].exit.size() == 1);
    CHECK(u.phases[1].scope_pct.loc.str() == "full.yaml:118:33");
    REQUIRE(u.data_migration);
    CHECK(*u.data_migration->reconciliation_method == "rowcount+checksum");
    CHECK(*u.data_migration->reconciliation_tolerance_pct == 0);
    CHECK(*u.data_migration->pre_backup == "payments-db-hourly");
    CHECK(*u.data_migration->rehearsed->duration == 50min);
    CHECK(*u.data_migration->point_of_no_return == at("2026-12-04T20:00:00Z"));
    REQUIRE(u.compatibility);
    CHECK(u.compatibility->tested->passed());
    REQUIRE(p.scenarios.cross_border);
    const CrossBorder& cb = *p.scenarios.cross_border;
    REQUIRE(cb.regions.size() == 1);
    CHECK(cb.regions[0].loc.str() == "full.yaml:128:9");
    CHECK(*cb.regions[0].responsible == "tan.wei");
    CHECK(*cb.regions[0].legal_signoff->by == "Mei Lin, counsel SG");
    CHECK(*cb.data_transfers.at(0).mechanism == "standard_contract");
    CHECK(*cb.language == "en");
    CHECK(p.scenarios.has_new_technology);
    REQUIRE(p.scenarios.new_technology.size() == 1);
    const NewTechnology& n = p.scenarios.new_technology[0];
    CHECK(*n.component == "TiDB 7.5");
    CHECK(*n.validation->kind == "poc");
    CHECK(*n.risk_assessment->residual == "medium");
    CHECK(n.trained.size() == 2);
  }
  SUBCASE("vendors") {
    REQUIRE(p.vendors.size() == 1);
    const Vendor& v = p.vendors[0];
    CHECK(*v.contract->end == at("2027-06-29T16:00:00Z"));
    CHECK(*v.contract->notice == 90 * 24h);
    REQUIRE(v.support);
    CHECK(*v.support->hours == "24x7");
    REQUIRE(v.support->response.size() == 2);
    CHECK(v.support->response[0].first == "SEV1");
    CHECK(*v.support->response[0].second == 15min);
    CHECK(v.support->response[1].second.loc.str() == "full.yaml:142:71");
    CHECK(*v.support->restore == 4h);
    REQUIRE(v.contacts.size() == 1);
    CHECK(*v.contacts[0].escalation == 1);
    CHECK(v.responsibilities_loc.str() == "full.yaml:144:23");
    CHECK(*v.responsibilities[1].second == "us");
  }
}

TEST_CASE("loader: absent keys point at their mapping") {
  Plan plan = plan_from(with_base("response: {comms: {channel: x}}\n"
                                  "vendors:\n  - id: v\n"));
  CHECK(plan.response->severities_loc.str() == "plan.yaml:10:11");
  CHECK(plan.response->comms->owner.loc.str() == "plan.yaml:10:19");
  CHECK(plan.vendors[0].contacts_loc.str() == "plan.yaml:12:5");
  CHECK_FALSE(plan.vendors[0].contract);
}

TEST_CASE("loader: load_plan reads a file and hashes its bytes") {
  TempDir dir;
  auto path = dir.write("hash.yaml",
                        "golive: 1\nplan: {id: hash-test, name: Hash, owner: a, revised_at: "
                        "2026-11-01}\ngo_live:\n  window: {start: 2026-12-05T02:00:00Z, end: "
                        "2026-12-05T06:00:00Z}\n");
  Diagnostics diags;
  auto plan = load_plan(path, diags);
  REQUIRE(plan);
  CHECK(plan->file == path);
  CHECK(plan->sha256 == "fb471ce963429a3519a92849a324a71a7b34eec5d65cf0080ca573f3f97443b5");
  CHECK(plan->plan.id.loc.file == path);

  Diagnostics missing;
  CHECK_FALSE(load_plan(dir.path("nope.yaml"), missing));
  CHECK(formatted(missing) == dir.path("nope.yaml") + ": error: cannot read file\n");

  auto full = load_plan(fixture_path("full.yaml"), diags);
  CHECK(full);
  CHECK_FALSE(diags.has_errors());
}

// Root reads a file whatever its mode, so this runs only for other users (a developer's
// machine; CI's container runs as root).
TEST_CASE("loader: find_plan_files takes a YAML file it cannot read for a plan, so that loading it says why" *
          doctest::skip(::geteuid() == 0)) {
  TempDir dir;
  dir.write("plans/pay.yaml", "golive: 1\n");
  dir.write("plans/locked.yaml", "golive: 1\n");
  std::filesystem::permissions(dir.path("plans/locked.yaml"), std::filesystem::perms::none);
  Diagnostics diags;
  auto found = find_plan_files({dir.path("plans")}, diags);
  CHECK(formatted(diags) == "");
  CHECK(found == std::vector<std::string>{dir.path("plans/locked.yaml"), dir.path("plans/pay.yaml")});
  Diagnostics loading;
  CHECK_FALSE(load_plan(dir.path("plans/locked.yaml"), loading));
  CHECK(formatted(loading) == dir.path("plans/locked.yaml") + ": error: cannot read file\n");
}

TEST_CASE("loader: find_plan_files") {
  TempDir dir;
  dir.write("plans/pay.yaml", "# payments\ngolive: 1\n");
  dir.write("plans/b/other.yml", "golive: 1\n");
  dir.write("plans/ruleset.yaml", "ruleset: mine\n");
  dir.write("plans/nested.yaml", "x:\n  golive: 1\n");
  dir.write("plans/notes.txt", "golive: 1\n");
  dir.write("plans/.hidden.yaml", "golive: 1\n");
  dir.write("plans/.git/inside.yaml", "golive: 1\n");
  dir.write("plans/waivers.yaml", "# register\nwaivers:\n  - check: x\n");
  dir.write("plans/bom.yaml", "\xEF\xBB\xBFgolive: 1\n");
  dir.write("plans/quoted.yaml", "\"golive\" : 1\n");
  dir.write("plans/utf16.yaml", std::string("\xFF\xFEg\0o\0", 6));
  dir.write("plans/golive-like.yaml", "golive_version: 1\n");
  dir.write("plans/gitlab-ci.yml", "stages: [readiness]\ngolive:  # the job\n  script: [golive check plans/]\n");
  // Upper-case extensions are YAML files like the others (c.YAML was passed over in silence).
  dir.write("plans/sub/c.YAML", "golive: 1\n");
  dir.write("plans/sub/d.Yml", "golive: 1\n");
  // What the YAML reader reads as a `golive` key is one, however it is written.
  dir.write("plans/explicit.yaml", "? golive\n: 1\nplan: {id: x}\n");
  dir.write("plans/escaped.yaml", "\"\\x67olive\": 1\n");
  dir.write("plans/flow.yaml", "{golive: 1}\n");
  // Not YAML golive reads: one naming golive is the loader's to judge, any other is named.
  dir.write("plans/broken.yaml", "golive: 1\ngolive: 1\n");
  dir.write("plans/manifests.yaml", "kind: A\n---\nkind: B\n");
  dir.write("empty/ruleset.yaml", "ruleset: x\n");
  auto file = dir.write("single.txt", "anything\n");

  Diagnostics diags;
  auto found = find_plan_files({dir.path("plans"), file}, diags);
  // A YAML file that is not a plan, ruleset or waiver register is named, not skipped in silence.
  CHECK(formatted(diags) ==
        dir.path("plans/gitlab-ci.yml") +
            ": warning: not checked: no top-level 'golive' key with the format version, so not a plan (nor a ruleset or "
            "waiver register); name the file to check it anyway\n" +
            dir.path("plans/golive-like.yaml") +
            ": warning: not checked: no top-level 'golive' key with the format version, so not a plan (nor a ruleset or "
            "waiver register); name the file to check it anyway\n" +
            dir.path("plans/manifests.yaml") +
            ": warning: not checked: no top-level 'golive' key with the format version, so not a plan (nor a ruleset or "
            "waiver register); name the file to check it anyway\n" +
            dir.path("plans/nested.yaml") +
            ": warning: not checked: no top-level 'golive' key with the format version, so not a plan (nor a ruleset or "
            "waiver register); name the file to check it anyway\n");
  CHECK(found == std::vector<std::string>{dir.path("plans/b/other.yml"), dir.path("plans/bom.yaml"),
                                          dir.path("plans/broken.yaml"), dir.path("plans/escaped.yaml"),
                                          dir.path("plans/explicit.yaml"), dir.path("plans/flow.yaml"),
                                          dir.path("plans/pay.yaml"), dir.path("plans/quoted.yaml"),
                                          dir.path("plans/sub/c.YAML"), dir.path("plans/sub/d.Yml"),
                                          dir.path("plans/utf16.yaml"), file});

  Diagnostics errors;
  auto none = find_plan_files({dir.path("empty"), dir.path("missing.yaml"), file}, errors);
  CHECK(formatted(errors) == dir.path("empty") + ": error: no golive plans found\n" +
                                 dir.path("missing.yaml") + ": error: no such file or directory\n");
  CHECK(none == std::vector<std::string>{file});
}
