// The plan format enforced strictly: unknown keys are errors, `x-` keys are the user's,
// merge keys are applied, and values mean what YAML 1.2 (editors, the schema, plugins)
// says they mean. Every message is asserted whole.
#include <doctest/doctest.h>

#include <string>

#include "checks/engine/plan_loader.h"
#include "checks/engine/plugin.h"
#include "checks/engine/yaml_reader.h"
#include "tests/support/fixtures.h"

using namespace golive;
using golive::test::at;
using golive::test::diagnostics_of;
using golive::test::kMinimalPlan;
using golive::test::plan_from;

namespace {

// kMinimalPlan has 11 lines: sections appended start at line 12.
std::string with(const std::string& sections) { return std::string(kMinimalPlan) + sections; }

}  // namespace

TEST_CASE("plan strict: an unknown key is an error with a suggestion, at any level") {
  CHECK(diagnostics_of(with("vendor:\n  - id: acme\n")) ==
        "plan.yaml:12:1: error: unknown key 'vendor' (did you mean 'vendors'?)\n");
  CHECK(diagnostics_of(with("systems:\n  - id: pay\n    teir: 1\n")) ==
        "plan.yaml:14:5: error: systems[0]: unknown key 'teir' (did you mean 'tier'?)\n");
  CHECK(diagnostics_of(with("backups:\n  - id: b\n    restore_test: {at: 2026-11-20, result: pass, "
                            "duraton: 40m}\n")) ==
        "plan.yaml:14:50: error: backups[0].restore_test: unknown key 'duraton' (did you mean "
        "'duration'?)\n");
}

TEST_CASE("plan strict: x- keys are the user's own, ignored at any level") {
  Plan plan = plan_from(with("x-team: {name: payments, slack: \"#pay\"}\n"
                             "organization:\n  x-note: reviewed by audit\n  commander: li.wei\n"
                             "  roles: {ops_lead: li.wei, x-since: 2026}\n"
                             "backups:\n  - id: b\n    x-ticket: OPS-12\n"));
  REQUIRE(plan.organization);
  REQUIRE(plan.organization->roles.size() == 1);
  CHECK(plan.organization->roles[0].first == "ops_lead");
  CHECK(plan.backups.size() == 1);
}

TEST_CASE("plan strict: merge keys as in YAML 1.1, explicit keys win, locations where written") {
  const std::string yaml = with(
      "x-hourly: &hourly {schedule: 1h, copies: 3, offsite: true, immutable: true}\n"  // 12
      "x-weekly: &weekly {schedule: 7d, copies: 9, location: \"s3://b/w\"}\n"          // 13
      "backups:\n"                                                                     // 14
      "  - <<: *hourly\n"                                                              // 15
      "    id: vault-hourly\n"                                                         // 16
      "    copies: 5\n"                                                                // 17
      "  - <<: [*hourly, *weekly]\n"                                                   // 18
      "    id: mixed\n");
  Plan plan = plan_from(yaml);
  REQUIRE(plan.backups.size() == 2);
  const Backup& b = plan.backups[0];
  REQUIRE(b.schedule);
  CHECK(*b.schedule == std::chrono::hours(1));
  CHECK(b.schedule.loc.line == 12);  // the anchor supplied it
  CHECK(*b.copies == 5);             // explicit wins
  CHECK(b.copies.loc.line == 17);
  CHECK(*b.offsite == true);
  const Backup& m = plan.backups[1];
  CHECK(*m.schedule == std::chrono::hours(1));  // the earlier merged mapping wins
  CHECK(*m.copies == 3);
  REQUIRE(m.location);
  CHECK(*m.location == "s3://b/w");
  CHECK(m.location.loc.line == 13);

  // A bad merged value is reported where it is written, under the path that uses it.
  CHECK(diagnostics_of(with("x-d: &d {schedule: 1 hour}\nbackups:\n  - <<: *d\n    id: b\n")) ==
        "plan.yaml:12:20: error: backups[0].schedule: '1 hour' is not a duration (expected e.g. "
        "30m, 24h, 7d or PT1H)\n");
  CHECK(diagnostics_of(with("backups:\n  - <<: 5\n    id: b\n")) ==
        "plan.yaml:13:9: error: a merge key (<<) takes a mapping or a list of mappings\n");
}

TEST_CASE("plan strict: booleans are YAML 1.2's, and the message says why others are not") {
  Plan plan = plan_from(with("backups:\n  - {id: a, offsite: True, immutable: FALSE}\n"));
  CHECK(*plan.backups[0].offsite == true);
  CHECK(*plan.backups[0].immutable == false);
  CHECK(diagnostics_of(with("backups:\n  - {id: a, offsite: yes}\n")) ==
        "plan.yaml:13:22: error: backups[0].offsite: 'yes' is not a boolean in YAML 1.2, which "
        "golive, editors and plugins read (write true or false)\n");
  CHECK(diagnostics_of(with("rollback: {automated: \"true\"}\n")) ==
        "plan.yaml:12:23: error: rollback.automated: 'true' is quoted text, not a boolean (write "
        "true without quotes)\n");
}

TEST_CASE("plan strict: null is never a value, and a null name must be quoted") {
  CHECK(diagnostics_of(with("monitoring:\n  alertmanager: {url: \"http://am:9093\", receiver: null}\n")) ==
        "plan.yaml:13:41: error: monitoring.alertmanager.receiver: expected a string, got null (YAML "
        "reads null, ~ and an empty value as nothing); remove the key, or write the value in "
        "quotes (\"null\") if you mean the text null\n");
  Plan plan = plan_from(with("monitoring:\n  alertmanager: {url: \"http://am:9093\", receiver: \"null\"}\n"));
  CHECK(*plan.monitoring->alertmanager->receiver == "null");
  CHECK(diagnostics_of(with("backups:\n  - id: b\n    schedule:\n")) ==
        "plan.yaml:14:5: error: backups[0].schedule: expected a duration, got null (YAML reads "
        "null, ~ and an empty value as nothing); remove the key, or write the value in quotes "
        "(\"null\") if you mean the text null\n");
}

TEST_CASE("plan strict: numbers are unquoted, phones quoted") {
  CHECK(diagnostics_of(with("backups:\n  - {id: a, copies: \"3\"}\n")) ==
        "plan.yaml:13:21: error: backups[0].copies: '3' is quoted text, not a number (write it "
        "without quotes)\n");
  CHECK(diagnostics_of("golive: 1\nplan: {id: p, name: P, owner: a, revised_at: 2026-11-01}\n"
                       "go_live: {window: {start: 2026-12-05, end: 2026-12-06}}\n"
                       "contacts:\n  - {id: a, phone: +8613800000001}\n") ==
        "plan.yaml:5:20: error: contacts[0].phone: +8613800000001 is a number in YAML; write the "
        "phone number in quotes (\"+8613800000001\")\n");
  CHECK(diagnostics_of(with("systems:\n  - {id: s, tier: 0x2}\n")) == "");
}

TEST_CASE("plan strict: instants keep their fraction, to the microsecond") {
  CHECK(at("2026-12-05T02:00:00.5Z") - at("2026-12-05T02:00:00Z") == std::chrono::milliseconds(500));
  CHECK(at("2026-12-05T02:00:00.000001Z") > at("2026-12-05T02:00:00Z"));
  CHECK(format_instant(at("2026-12-05T02:00:00.25Z")) == "2026-12-05T02:00:00.25Z");
  CHECK(format_instant(at("2026-12-05T02:00:00.1234560Z")) == "2026-12-05T02:00:00.123456Z");
  CHECK(format_duration(at("2026-12-05T02:01:00.5Z") - at("2026-12-05T02:00:00Z")) == "1m0.5s");
  CHECK(diagnostics_of(with("backups:\n  - {id: a, last_success: 2026-12-04T07:00:00.1234567Z}\n")) ==
        "plan.yaml:13:27: error: backups[0].last_success: '2026-12-04T07:00:00.1234567Z' has more "
        "than 6 fractional digits (golive keeps instants to the microsecond and never rounds)\n");
}

TEST_CASE("plan strict: durations refuse months, years, fractions and long amounts, saying why") {
  const std::pair<std::string, std::string> cases[] = {
      {"P1M", "months and years have no fixed length (write days, e.g. P30D or P365D)"},
      {"P1Y", "months and years have no fixed length (write days, e.g. P30D or P365D)"},
      {"PT1.5H", "fractions are not supported (write smaller units, e.g. 1h30m or PT90M)"},
      {"1000000s", "an amount has more than 6 digits (use a larger unit)"},
  };
  for (const auto& [value, why] : cases) {
    CAPTURE(value);
    CHECK(diagnostics_of(with("backups:\n  - {id: a, schedule: " + value + "}\n")) ==
          "plan.yaml:13:23: error: backups[0].schedule: '" + value + "' is not a duration: " + why +
              "\n");
  }
}

TEST_CASE("plan strict: degenerate values are refused with a reason") {
  CHECK(diagnostics_of(with("backups:\n  - {id: a, schedule: 0s}\n")) ==
        "plan.yaml:13:23: error: backups[0].schedule: must be longer than 0s (a period of zero "
        "never comes round)\n");
  CHECK(diagnostics_of(with("resources:\n  network: {max_utilization: 0}\n")) ==
        "plan.yaml:13:30: error: resources.network.max_utilization: 0 is out of range (more than "
        "0, at most 1)\n");
  CHECK(diagnostics_of("golive: 1\nplan: {id: p, name: P, owner: a, revised_at: 2026-11-01}\n"
                       "go_live: {window: {start: 2026-12-05, end: 2026-12-06}}\n"
                       "contacts:\n  - {id: a, hours: \"12:00-12:00\"}\n") ==
        "plan.yaml:5:20: error: contacts[0].hours: '12:00-12:00' is an empty range (start and end "
        "are equal; the whole day is 00:00-24:00)\n");
  CHECK(diagnostics_of(with("vendors:\n  - {id: v, support: {hours: \"12:00-12:00\"}}\n")) ==
        "plan.yaml:13:30: error: vendors[0].support.hours: '12:00-12:00' is not 24x7 or a range of "
        "working hours (expected e.g. 09:00-18:00)\n");
}

TEST_CASE("plan strict: a plugin receives the values as golive understood them") {
  const std::string json = yaml_to_json(
      with("x-d: &d {offsite: True}\n"
           "rollback: {automated: TRUE, tested: {at: 2026-11-25, result: pass, version: 3.10}}\n"
           "backups:\n  - {<<: *d, id: b, copies: 3}\n"),
      "plan.yaml");
  CHECK(json.find(R"("version":"3.10")") != std::string::npos);
  CHECK(json.find(R"("phone":"+8613800000003")") != std::string::npos);
  CHECK(json.find(R"("automated":true)") != std::string::npos);
  CHECK(json.find(R"({"id":"b","copies":3,"offsite":true})") != std::string::npos);
  CHECK(json.find(R"("revised_at":"2026-11-01")") != std::string::npos);
  CHECK(json.find(R"("golive":1)") != std::string::npos);
}
