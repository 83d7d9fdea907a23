// `golive schema`: the plan schema generated from the plan format's definition (kept in
// docs/plan.schema.json, see plan_format_test.cpp); with --report, docs/report.schema.json
// byte for byte. The plan schema is held to golive itself, with Debian's python3-jsonschema:
// it accepts the plans golive accepts and rejects, at the same place, what golive rejects.
#include <algorithm>
#include <filesystem>
#include <regex>
#include <set>

#include "tests/cli/report/report_support.h"
#include "tests/support/examples.h"

namespace golive::test {

namespace {

const std::string kPlanSchema = source_dir() + "/docs/plan.schema.json";
const std::string kReportSchema = source_dir() + "/docs/report.schema.json";
const std::string kValidator = source_dir() + "/tests/fixtures/validators/json_schema.py";

// The validator reads *.yaml as YAML 1.2, like editors do. It checks the schema itself
// first, so a run with no document tells whether the schema is valid draft 2020-12.
CommandResult validate(const std::string& schema, const std::vector<std::string>& documents) {
  require_tool("/usr/bin/python3");
  // Appends, not "…" + std::string: g++ 12 at -O3 reports a false -Wrestrict on that.
  std::string command = "/usr/bin/python3";
  for (const std::string& word : {kValidator, schema}) (command += ' ') += shell_quote(word);
  for (const auto& d : documents) (command += ' ') += shell_quote(d);
  return run_command(command);
}

// Every bundled example and the CLI fixtures that are valid plans, relative to the source tree.
std::vector<std::string> valid_plans() {
  std::vector<std::string> plans = example_plans();
  for (const char* name : {"ready.yaml", "not-ready.yaml", "warnings.yaml", "zh.yaml"})
    plans.push_back(fixture(name));
  plans.push_back("tests/fixtures/plans/full.yaml");
  return plans;
}

// A small valid plan; the rejection tests break one thing in it at a time.
const std::string kPlan = R"(golive: 1
plan: {id: shop-1, name: Shop, owner: ann, revised_at: 2026-11-01}
go_live:
  window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}
contacts:
  - {id: ann, phone: "+8613800000001", hours: "09:00-18:00"}
backups:
  - id: db-daily
    schedule: 1d
    copies: 3
    restore_test: {at: 2026-11-20, result: pass, duration: 40m}
drills:
  - {type: rollback, at: 2026-11-28, result: pass}
)";

std::string replaced(const std::string& from, const std::string& to) {
  size_t at = kPlan.find(from);
  REQUIRE(at != std::string::npos);
  return kPlan.substr(0, at) + to + kPlan.substr(at + from.size());
}

// Indexes i of the lines naming `backups[i].KEY` (golive) or `backups/i/KEY` (the validator).
std::set<int> flagged(const std::string& output, const std::string& pattern) {
  std::set<int> out;
  std::regex re(pattern);
  for (std::sregex_iterator it(output.begin(), output.end(), re), end; it != end; ++it)
    out.insert(std::stoi((*it)[1]));
  return out;
}

}  // namespace

TEST_CASE("cli.schema prints docs/plan.schema.json, a valid draft 2020-12 schema") {
  ProcessResult r = run_golive({"schema"});
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  auto file = slurp(kPlanSchema);
  REQUIRE(file);
  CHECK(r.out == *file);
  auto schema = nlohmann::json::parse(r.out);
  CHECK(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema");
  CHECK(schema["required"] == nlohmann::json({"golive", "plan", "go_live"}));
  CommandResult v = validate(kPlanSchema, {});
  CAPTURE(v.output);
  CHECK(v.exit_code == 0);
  CHECK(v.output == "");
}

TEST_CASE("cli.schema --report prints docs/report.schema.json") {
  ProcessResult r = run_golive({"schema", "--report"});
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  auto file = slurp(kReportSchema);
  REQUIRE(file);
  CHECK(r.out == *file);
}

TEST_CASE("cli.schema usage errors") {
  auto expect_usage_error = [](const std::vector<std::string>& args, const std::string& message) {
    ProcessResult r = run_golive(args);
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK(r.err == message + "\n");
  };
  expect_usage_error({"schema", "extra"}, "golive: error: schema: unexpected argument 'extra'");
  expect_usage_error({"schema", "--bogus"}, "golive: error: schema: unknown option '--bogus'");
  expect_usage_error({"schema", "--reprot"},
                     "golive: error: schema: unknown option '--reprot' (did you mean '--report'?)");
  expect_usage_error({"schema", "--report", "plan.yaml"},
                     "golive: error: schema: unexpected argument 'plan.yaml'");
}

TEST_CASE("cli.schema accepts every bundled example and valid fixture plan") {
  std::vector<std::string> plans = valid_plans();
  REQUIRE(plans.size() > 10);
  for (const std::string& plan : plans) {
    CAPTURE(plan);
    ProcessResult r = run_golive({"validate", "-q", plan});
    CHECK(r.exit_code == 0);  // golive agrees they are valid
  }
  std::vector<std::string> absolute;
  for (const std::string& plan : plans) absolute.push_back(source_dir() + "/" + plan);
  CommandResult v = validate(kPlanSchema, absolute);
  CAPTURE(v.output);
  CHECK(v.exit_code == 0);
  CHECK(v.output == "");
}

TEST_CASE("cli.schema rejects what golive rejects, at the same path") {
  TempDir dir;
  struct Broken {
    std::string name;
    std::string text;
    int golive_exit;            // `golive validate`: 2 for an error
    std::string golive_says;    // in golive's message
    std::string schema_says;    // a line of the validator's output, after "NAME.yaml: "
  };
  const std::vector<Broken> cases = {
      {"valid", kPlan, 0, "", ""},
      {"no-version", replaced("golive: 1\n", ""), 2, "missing required key 'golive'",
       "(root): 'golive' is a required property"},
      {"version-2", replaced("golive: 1", "golive: 2"), 2, "unsupported format version 2",
       "golive: 2 is greater than the maximum of 1"},
      {"drill-result", replaced("result: pass}\n", "result: passed}\n"), 2,
       "drills[0].result: 'passed' is not one of pass, fail",
       "drills/0/result: 'passed' is not one of ['pass', 'fail']"},
      {"duration", replaced("schedule: 1d", "schedule: 1 hour"), 2,
       "backups[0].schedule: '1 hour' is not a duration", "backups/0/schedule: '1 hour' does not match"},
      {"misspelt", replaced("copies: 3", "copeis: 3"), 2,
       "backups[0]: unknown key 'copeis' (did you mean 'copies'?)",
       "backups/0: 'copeis' does not match any of the regexes: '^x-'"},
      {"misspelt-test", replaced("duration: 40m", "duraton: 40m"), 2,
       "backups[0].restore_test: unknown key 'duraton' (did you mean 'duration'?)",
       "backups/0/restore_test: 'duraton' does not match any of the regexes: '^x-'"},
      {"misspelt-section", replaced("drills:", "drils:"), 2, "unknown key 'drils' (did you mean 'drills'?)",
       "(root): 'drils' does not match any of the regexes: '^x-'"},
      {"phone", replaced("+8613800000001", "13800000001"), 2, "contacts[0].phone: '13800000001' is not an E.164",
       "contacts/0/phone: '13800000001' does not match"},
      {"window", replaced("window: {start: 2026-12-05T02:00:00+08:00, ", "window: {"), 2,
       "go_live.window: missing required key 'start'", "go_live/window: 'start' is a required property"},
  };
  for (const Broken& c : cases) {
    CAPTURE(c.name);
    std::string path = write_file(dir, c.name + ".yaml", c.text);
    ProcessResult g = run_golive({"validate", path});
    CAPTURE(g.err);
    CHECK(g.exit_code == c.golive_exit);
    CHECK((g.out + g.err).find(c.golive_says) != std::string::npos);
    CommandResult v = validate(kPlanSchema, {path});
    CAPTURE(v.output);
    if (c.schema_says.empty()) {
      CHECK(v.exit_code == 0);
      CHECK(v.output == "");
    } else {
      CHECK(v.exit_code == 1);
      CHECK(v.output.find(path + ": " + c.schema_says) != std::string::npos);
    }
  }
}

TEST_CASE("cli.schema duration and instant patterns agree with golive") {
  const std::vector<std::string> durations = {
      "30s", "15m", "4h", "7d", "2w", "1h30m", "1d6h", "2w3d4h5m6s", "PT1H", "PT15M", "P7D",
      "P1DT12H", "P2W", "1 hour", "30m1h", "1h1h", "1H", "0", "", "m", "PT", "P", "P1DT",
      "P1M", "PT1D", "-5m", "1.5h", "1234567890123s"};
  // Calendar checks (2026-02-30) are golive's alone: patterns stop at 01-31.
  const std::vector<std::string> instants = {
      "2026-11-20", "2026-12-05T02:00:00+08:00", "2026-12-05T02:00:00Z", "2026-12-05t02:00:00z",
      "2026-12-05 02:00:00.250-03:30", "2026-12-05T02:00:00", "2026-13-01", "2026-00-10",
      "2026-12-05T24:00:00Z", "2026-12-05T02:60:00Z", "2026-12-05T02:00Z", "20261205",
      "2026-12-05T02:00:00+0800", "2026-12-05T02:00:00+24:00", "2026-12-5", "yesterday"};
  std::string plan = kPlan.substr(0, kPlan.find("backups:\n")) + "backups:\n";
  for (size_t i = 0; i < durations.size(); ++i)
    plan += fmt::format("  - {{id: d{}, schedule: \"{}\"}}\n", i, durations[i]);
  for (size_t i = 0; i < instants.size(); ++i)
    plan += fmt::format("  - {{id: i{}, last_success: \"{}\"}}\n", i, instants[i]);
  TempDir dir;
  std::string path = write_file(dir, "values.yaml", plan);
  ProcessResult g = run_golive({"validate", path});
  CommandResult v = validate(kPlanSchema, {path});
  CAPTURE(g.err);
  CAPTURE(v.output);
  std::set<int> golive_rejects = flagged(g.err, R"(backups\[(\d+)\]\.(?:schedule|last_success):)");
  std::set<int> schema_rejects = flagged(v.output, R"(backups/(\d+)/(?:schedule|last_success):)");
  CHECK(golive_rejects.size() > 20);  // the list holds many bad values, and golive sees them
  CHECK(golive_rejects == schema_rejects);
}

}  // namespace golive::test
