// End-to-end: the command line itself — version, help, commands, options and their
// errors, list-checks, explain, rulesets. Exact texts and exit codes, as a user sees them.
#include <doctest/doctest.h>

#include <set>

#include "checks/engine/check.h"
#include "checks/engine/ruleset.h"
#include "tests/cli/cli_support.h"

namespace golive::test {

namespace {
// A usage error: nothing on stdout, one exact line on stderr, exit 2.
void expect_usage_error(const std::vector<std::string>& args, const std::string& message,
                        const ProcessOptions& options = {}) {
  ProcessResult r = run_golive(args, options);
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK(r.err == message + "\n");
}
}  // namespace

TEST_CASE("cli.version") {
  ProcessResult r = run_golive({"--version"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "golive 0.1.0\n");
  CHECK(r.err == "");
}

TEST_CASE("cli.help lists the commands and exit codes") {
  ProcessResult r = run_golive({"--help"});
  CHECK(r.exit_code == 0);
  for (const char* command : {"check", "validate", "list-checks", "explain", "rulesets", "schema", "brief"})
    CHECK(r.out.find(command) != std::string::npos);
  CHECK(r.out.find("Exit codes: 0 ready, 1 not ready, 2 usage error or invalid input, 3 internal error.") !=
        std::string::npos);

  ProcessResult sub = run_golive({"check", "--help"});
  CHECK(sub.exit_code == 0);
  for (const char* option : {"--ruleset", "--no-auto-rulesets", "--format", "--report", "--as-of",
                             "--offline", "--only", "--skip", "--concurrency", "--timeout", "--ca-bundle",
                             "--fail-on", "--color", "--quiet"})
    CHECK(sub.out.find(option) != std::string::npos);
}

TEST_CASE("cli.unknown commands and options are usage errors with a suggestion") {
  expect_usage_error({}, "golive: error: no command given (expected one of check, validate, "
                         "list-checks, explain, rulesets, schema, init, brief; see golive --help)");
  expect_usage_error({"chek", "plan.yaml"}, "golive: error: unknown command 'chek' (did you mean 'check'?)");
  expect_usage_error({"deploy"}, "golive: error: unknown command 'deploy' (expected one of check, "
                                 "validate, list-checks, explain, rulesets, schema, init, brief)");
  expect_usage_error({"shema"}, "golive: error: unknown command 'shema' (did you mean 'schema'?)");
  expect_usage_error({"--verison"}, "golive: error: unknown option '--verison' (did you mean '--version'?)");
  expect_usage_error({"check", "--fial-on", "warn", fixture("ready.yaml")},
                     "golive: error: check: unknown option '--fial-on' (did you mean '--fail-on'?)");
  expect_usage_error({"check", "--fail-on=warn", "--colour=never", fixture("ready.yaml")},
                     "golive: error: check: unknown option '--colour' (did you mean '--color'?)");
  expect_usage_error({"check"}, "golive: error: PATH is required");
  expect_usage_error({"explain"}, "golive: error: CHECK_ID is required");
  expect_usage_error({"explain", "backup.fresh", "extra"}, "golive: error: explain: unexpected argument 'extra'");
}

TEST_CASE("cli.check option values are validated") {
  std::string plan = fixture("ready.yaml");
  expect_usage_error({"check", "-f", "jsn", plan},
                     "golive: error: --format: unknown format 'jsn' (did you mean 'json'?)");
  expect_usage_error({"check", "--as-of", "yesterday", plan},
                     "golive: error: --as-of: 'yesterday' is not an RFC 3339 time, 'now' or 'window' "
                     "(e.g. 2026-12-04T12:00:00+08:00)");
  expect_usage_error({"check", "--as-of", "2026-12-04T12:00:00-00:00", plan},
                     "golive: error: --as-of: '2026-12-04T12:00:00-00:00' has the offset -00:00, which RFC 3339 "
                     "reserves for an unknown local offset, so golive cannot tell when it is (write Z or +00:00 "
                     "for UTC, or the real offset such as +08:00)");
  expect_usage_error({"check", "--as-of", "2026-12-04", plan},
                     "golive: error: --as-of: '2026-12-04' is not an RFC 3339 time, 'now' or 'window' "
                     "(e.g. 2026-12-04T12:00:00+08:00)");
  expect_usage_error({"check", "--fail-on", "warm", plan},
                     "golive: error: --fail-on: 'warm' is not one of gate or warn (did you mean 'warn'?)");
  expect_usage_error({"check", "--fail-on", "error", plan},
                     "golive: error: --fail-on: 'error' is not one of gate or warn");
  expect_usage_error({"check", "--color", "yes", plan},
                     "golive: error: --color: 'yes' is not one of auto, always or never");
  expect_usage_error({"check", "--report", "json", plan},
                     "golive: error: --report: 'json' is not FORMAT:PATH (e.g. json:out/report.json)");
  expect_usage_error({"check", "--report", "jsn:out.json", plan},
                     "golive: error: --report: unknown format 'jsn' (did you mean 'json'?)");
  ProcessResult r = run_golive({"check", "-f", "xml", plan});
  CHECK(r.exit_code == 2);
  CHECK(r.err.rfind("golive: error: --format: unknown format 'xml' (expected one of ", 0) == 0);
}

TEST_CASE("cli.list-checks in every format names every registered check") {
  std::vector<std::string> ids;
  for (const CheckInfo* c : product_checks()) ids.push_back(c->id);
  REQUIRE(!ids.empty());

  ProcessResult json = run_golive({"list-checks", "--format", "json"});
  CHECK(json.exit_code == 0);
  std::vector<std::string> listed;
  for (const auto& c : json_of(json.out)) {
    listed.push_back(c["id"]);
    CHECK(c["severity"].is_string());
    CHECK(c["title"].is_string());
    CHECK(c["live"].is_boolean());
    CHECK(c["parameters"].is_array());
  }
  CHECK(listed == ids);

  ProcessResult md = run_golive({"list-checks", "--format", "markdown"});
  CHECK(md.exit_code == 0);
  CHECK(md.out.rfind("| id | category | default | live | passes when |\n|---|---|---|---|---|\n", 0) == 0);
  for (const CheckInfo* c : product_checks())
    CHECK(md.out.find(fmt::format("| `{}` | {} | {} |", c->id, c->category, to_string(c->severity))) !=
          std::string::npos);

  ProcessResult text = run_golive({"list-checks"});
  CHECK(text.exit_code == 0);
  CHECK(text.out.rfind("ID ", 0) == 0);
  for (const auto& id : ids) CHECK(text.out.find(id) != std::string::npos);

  expect_usage_error({"list-checks", "--format", "yaml"},
                     "golive: error: --format: 'yaml' is not one of text, markdown or json");
}

TEST_CASE("cli.explain documents every check, with its parameters' defaults") {
  for (const CheckInfo* c : product_checks()) {
    CAPTURE(c->id);
    ProcessResult r = run_golive({"explain", c->id});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out.rfind(c->id + ": " + c->title + "\n", 0) == 0);
    CHECK(r.out.find(fmt::format("default severity: {}", to_string(c->severity))) != std::string::npos);
    for (const char* section : {"\nWhy it matters\n", "\nParameters\n", "\nPlan keys read\n", "\nHow to fix\n"})
      CHECK(r.out.find(section) != std::string::npos);
    Params params;
    (void)c->make(params);
    for (const ParamDoc& p : params.requested())
      CHECK(r.out.find(p.name) != std::string::npos);
    for (const ParamDoc& p : params.requested())
      CHECK(r.out.find("default " + p.default_value + "\n") != std::string::npos);
    for (const std::string& key : c->reads) CHECK(r.out.find("  " + key + "\n") != std::string::npos);
  }
}

TEST_CASE("cli.explain of an unknown check suggests the closest id") {
  REQUIRE(find_check("backup.fresh") != nullptr);
  expect_usage_error({"explain", "backup.fersh"},
                     "golive: error: unknown check 'backup.fersh' (did you mean 'backup.fresh'?)");
  expect_usage_error({"explain", "nothing.like-it"},
                     "golive: error: unknown check 'nothing.like-it' (see golive list-checks)");
}

TEST_CASE("cli.rulesets shows every built-in ruleset and when it applies") {
  ProcessResult r = run_golive({"rulesets"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("baseline", 0) == 0);
  CHECK(r.out.find("  applies: always\n") != std::string::npos);
  for (const std::string& name : builtin_ruleset_names())
    if (name != "baseline") CHECK(r.out.find("\n" + name + " ") != std::string::npos);
  for (const RulesetTrigger& t : ruleset_triggers())
    CHECK(r.out.find(fmt::format("  applies: plan.scenarios lists {}, or {}\n", t.tag, t.trigger)) !=
          std::string::npos);
}

}  // namespace golive::test
