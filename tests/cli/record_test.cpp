// End-to-end: what every report records of a run — checks left out, rules a user ruleset
// relaxed, offline probes not made, where each setting came from — plus the verdict rules
// for info findings and until when a verdict holds.
#include <doctest/doctest.h>

#include <algorithm>

#include "tests/cli/cli_support.h"

namespace golive::test {

namespace {

const nlohmann::json* finding(const nlohmann::json& report, const std::string& check) {
  for (const auto& f : report["plans"][0]["findings"])
    if (f["check"] == check) return &f;
  return nullptr;
}

std::string origin(const nlohmann::json& report, const std::string& name) {
  for (const auto& o : report["settings"]["options"])
    if (o["name"] == name) return o["origin"].get<std::string>() + " " + o["value"].get<std::string>();
  return "";
}

}  // namespace

TEST_CASE("record: checks left out by --skip and --only are skip findings that say why") {
  ProcessResult r = check_fixture({"-f", "json", "--skip", "rollback.*", fixture("not-ready.yaml")});
  auto j = json_of(r.out);
  const auto* f = finding(j, "rollback.tested");
  REQUIRE(f);
  CHECK((*f)["status"] == "skip");
  CHECK((*f)["message"] == "not run: left out by --skip rollback.*");
  CHECK(j["settings"]["skip"] == nlohmann::json::array({"rollback.*"}));
  CHECK(origin(j, "skip") == "--skip rollback.*");
  CHECK(j["summary"]["rules"] == 5);

  ProcessOptions env;
  env.env["GOLIVE_ONLY"] = "backup.*";
  ProcessResult only = check_fixture({"-f", "json", fixture("not-ready.yaml")}, env);
  auto k = json_of(only.out);
  CHECK((*finding(k, "rollback.tested"))["message"] == "not run: GOLIVE_ONLY backup.* does not include it");
  CHECK(origin(k, "only") == "GOLIVE_ONLY backup.*");
  CHECK(origin(k, "format") == "--format json");
  CHECK(origin(k, "fail-on") == "default gate");
}

TEST_CASE("record: the text report lists what was switched off and where settings came from") {
  ProcessOptions env;
  env.env["GOLIVE_FAIL_ON"] = "warn";
  ProcessResult r = check_fixture({"--skip", "rollback.*", fixture("not-ready.yaml")}, env);
  CHECK(r.out.find("\nrecord:\n"
                   "  offline      yes (--offline): 1 live probe not made; live evidence was not verified\n"
                   "  only         all checks\n"
                   "  skip         rollback.* (--skip)\n"
                   "  fail-on      warn (GOLIVE_FAIL_ON)\n"
                   "  waivers      none\n") != std::string::npos);
  CHECK(r.out.find("OFFLINE: live evidence was not verified") != std::string::npos);
}

TEST_CASE("record: rules a user ruleset disabled or downgraded are named with file and rule") {
  ProcessResult r = check({"-f", "json", "-r", fixture("relax.yaml"), fixture("ready.yaml")});
  auto j = json_of(r.out);
  const auto& changes = j["settings"]["rule_changes"];
  REQUIRE(changes.size() == 2);
  CHECK(changes[0]["check"] == "backup.fresh");
  CHECK(changes[0]["change"] == "disabled");
  CHECK(changes[0]["location"]["file"] == fixture("relax.yaml"));
  CHECK(changes[0]["location"]["line"] == 7);
  CHECK(changes[1]["check"] == "rollback.tested");
  CHECK(changes[1]["change"] == "gate → warn");
  ProcessResult text = check({"-r", fixture("relax.yaml"), fixture("ready.yaml")});
  CHECK(text.out.find("  rule changed cli-ready: backup.fresh disabled by " + fixture("relax.yaml") + ":7:5\n") !=
        std::string::npos);
}

TEST_CASE("record: an offline run counts the live probes it did not make") {
  ProcessResult r = check({"-f", "json", "examples/payments-ready.yaml"});
  auto j = json_of(r.out);
  CHECK(j["settings"]["offline"] == true);
  CHECK(j["settings"]["probes_not_made"].get<int>() > 0);
  CHECK(j["settings"]["probes_not_made"] == j["plans"][0]["probes_not_made"]);
}

TEST_CASE("record: unknown GOLIVE_* variables and .golive.yaml keys are errors with a suggestion") {
  ProcessOptions env;
  env.env["GOLIVE_OFLINE"] = "1";
  ProcessResult r = check_fixture({fixture("ready.yaml")}, env);
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK(r.err == "golive: error: GOLIVE_OFLINE: unknown variable (did you mean 'GOLIVE_OFFLINE'?)\n");

  TempDir dir;
  dir.write(".golive.yaml", "fail-on: warn\nofline: true\nx-team: payments\n");
  ProcessOptions in_dir;
  in_dir.cwd = dir.path();
  ProcessResult c = check_fixture({source_dir() + "/" + fixture("ready.yaml")}, in_dir);
  CHECK(c.exit_code == 2);
  CHECK(c.err == ".golive.yaml:2:1: error: unknown key 'ofline' (did you mean 'offline'?)\n");
}

TEST_CASE("verdict: info findings never change the verdict or the exit code, and are counted apart") {
  ProcessResult r = check_fixture({"-f", "json", "-r", fixture("rollback-info.yaml"), fixture("warnings.yaml")});
  CHECK(r.exit_code == 0);
  auto j = json_of(r.out);
  CHECK(j["verdict"] == "ready");
  CHECK(j["summary"]["info"] == 1);
  CHECK(j["summary"]["warnings"] == 0);
  ProcessResult strict =
      check_fixture({"--fail-on", "warn", "-r", fixture("rollback-info.yaml"), fixture("warnings.yaml")});
  CHECK(strict.exit_code == 0);
  CHECK(strict.out.rfind("READY  score 100.0%  0 blocking items, 0 warnings, 1 info\n", 0) == 0);

  ProcessResult warn = check_fixture({"-f", "json", "-r", fixture("rollback-warn.yaml"), fixture("warnings.yaml")});
  CHECK(warn.exit_code == 0);
  auto k = json_of(warn.out);
  CHECK(k["verdict"] == "ready_with_warnings");
  CHECK(k["summary"]["warnings"] == 1);
  CHECK(k["summary"]["info"] == 0);
  CHECK(check_fixture({"--fail-on", "warn", "-r", fixture("rollback-warn.yaml"), fixture("warnings.yaml")}).exit_code == 1);
}

TEST_CASE("valid-until: the verdict holds until the first passing evidence goes stale") {
  // ready.yaml's hourly backup last succeeded at 11:00 (+08:00): stale after 2 × 1h.
  ProcessResult r = check_fixture({"-f", "json", fixture("ready.yaml")});
  CHECK(r.exit_code == 0);
  auto j = json_of(r.out);
  CHECK(j["valid_until"] == nlohmann::json{{"at", "2026-12-04T05:00:00Z"},
                                           {"check", "backup.fresh"},
                                           {"subject", "backups[shop-db-hourly]"},
                                           {"plan", "cli-ready"}});
  const auto& plan = j["plans"][0];
  CHECK(plan["valid_until"]["at"] == "2026-12-04T05:00:00Z");
  CHECK(plan["window"]["start"] == "2026-12-04T18:00:00Z");
  CHECK(plan["window"]["holds"] == false);
  REQUIRE(plan["window"]["expiring_before"].size() >= 1);
  CHECK(plan["window"]["expiring_before"][0]["subject"] == "backups[shop-db-hourly]");

  ProcessResult text = check_fixture({fixture("ready.yaml")});
  CHECK(text.out.find("  valid until 2026-12-04T13:00:00+08:00, when backups[shop-db-hourly] goes stale "
                      "(backup.fresh)\n") != std::string::npos);
  CHECK(text.out.find("  does not hold at window start 2026-12-05T02:00:00+08:00: ") != std::string::npos);
}

TEST_CASE("check --help shows every option with an example") {
  ProcessResult r = run_golive({"check", "--help"});
  CHECK(r.exit_code == 0);
  for (const char* option : {"--ruleset", "--no-auto-rulesets", "--format", "--report", "--waivers",
                             "--no-waivers", "--as-of", "--offline", "--only", "--skip", "--concurrency",
                             "--timeout", "--ca-bundle", "--fail-on", "--color", "--quiet", "--lang"}) {
    CAPTURE(option);
    CHECK(r.out.find(option) != std::string::npos);
  }
  size_t examples = 0;
  for (size_t at = r.out.find("e.g. "); at != std::string::npos; at = r.out.find("e.g. ", at + 1)) ++examples;
  CHECK(examples >= 17);
}

}  // namespace golive::test
