// End-to-end: `--concurrency`, `--timeout` and `--ca-bundle` reach the probes of a live
// `golive check`, against the controllable HTTP(S) server on 127.0.0.1.
#include <doctest/doctest.h>

#include "tests/cli/cli_support.h"
#include "tests/support/servers.h"

namespace golive::test {

namespace {

// A plan of `systems` tier-2 systems whose health checks GET `base`/healthz/<i>`query`,
// and a ruleset with only monitoring.health-checks, written into `dir`.
void write_live_plan(TempDir& dir, const std::string& base, const std::string& query, int systems) {
  std::string plan =
      "golive: 1\n"
      "plan: {id: probe-options, name: Probe options, owner: li.wei, revised_at: 2026-11-01}\n"
      "go_live:\n"
      "  window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}\n"
      "  timezone: Asia/Shanghai\n"
      "contacts:\n"
      "  - {id: li.wei, name: Li Wei, phone: \"+8613800000003\", email: li.wei@example.com}\n"
      "systems:\n";
  for (int i = 0; i < systems; ++i)
    plan += fmt::format("  - {{id: svc-{}, tier: 2, health_check: {{url: \"{}/healthz/{}{}\"}}}}\n", i,
                        base, i, query);
  dir.write("plan.yaml", plan);
  dir.write("live.yaml",
            "ruleset: live\nversion: 1.0.0\nrules:\n  - {check: monitoring.health-checks, severity: gate}\n");
}

// `golive check` live (no --offline), JSON on stdout, with the plan and ruleset of `dir`.
ProcessResult check_live(TempDir& dir, const std::vector<std::string>& more) {
  std::vector<std::string> args = {"check", "--as-of", kAsOf, "-f", "json", "--no-auto-rulesets",
                                   "-r", dir.file("live.yaml")};
  args.insert(args.end(), more.begin(), more.end());
  args.push_back(dir.file("plan.yaml"));
  ProcessOptions options;
  options.env["GOLIVE_GENERATED_AT"] = kGeneratedAt;
  options.env["no_proxy"] = "127.0.0.1";
  return run_golive(args, options);
}

std::vector<nlohmann::json> findings_of(const ProcessResult& r) {
  std::vector<nlohmann::json> out;
  nlohmann::json report = json_of(r.out);  // a temporary would die before the loop
  for (const auto& f : report["plans"][0]["findings"]) out.push_back(f);
  return out;
}

nlohmann::json stats(const HttpTestServer& server) {
  ProcessResult r = run_golive_shell("curl -s " + server.url("/stats"));
  return json_of(r.out);
}

}  // namespace

TEST_CASE("cli.check --concurrency bounds the probes in flight") {
  HttpTestServer server;
  TempDir dir;
  write_live_plan(dir, server.url(""), "?delay_ms=300", 12);

  ProcessResult three = check_live(dir, {"--concurrency", "3"});
  CAPTURE(three.err);
  CHECK(three.exit_code == 0);
  auto findings = findings_of(three);
  REQUIRE(findings.size() == 12);
  for (const auto& f : findings) CHECK(f["status"] == "pass");
  auto counted = stats(server);
  CHECK(counted["requests"] == 12);
  CHECK(counted["max_in_flight"] == 3);

  run_golive_shell("curl -s " + server.url("/reset"));
  ProcessResult wide = check_live(dir, {});  // the default, 64, lets all twelve go at once
  CHECK(wide.exit_code == 0);
  CHECK(stats(server)["max_in_flight"] == 12);
}

TEST_CASE("cli.check --timeout limits each try of a probe") {
  HttpTestServer server;
  TempDir dir;
  write_live_plan(dir, server.url(""), "?delay_ms=2500", 1);

  ProcessResult slow = check_live(dir, {"--timeout", "1s"});
  CHECK(slow.exit_code == 1);
  auto findings = findings_of(slow);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]["status"] == "fail");
  CHECK(findings[0]["evidence"]["error"] == "timeout");
  CHECK(findings[0]["evidence"]["tries"] == 3);
  CHECK(findings[0]["message"] ==
        "GET " + server.url("/healthz/0?delay_ms=2500") + ": no answer within 1s (3 tries)");

  ProcessResult patient = check_live(dir, {"--timeout", "10s"});
  CHECK(patient.exit_code == 0);
  CHECK(findings_of(patient)[0]["status"] == "pass");
}

TEST_CASE("cli.check --ca-bundle and GOLIVE_CA_BUNDLE make a private CA trusted") {
  HttpTestServer server({.tls = true});
  TempDir dir;
  write_live_plan(dir, server.url(""), "", 1);
  const std::string ca = source_path("tests/fixtures/tls/localhost.crt");

  ProcessResult untrusted = check_live(dir, {});
  CHECK(untrusted.exit_code == 1);
  auto findings = findings_of(untrusted);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0]["status"] == "error");
  CHECK(findings[0]["evidence"]["error"] == "tls");

  ProcessResult trusted = check_live(dir, {"--ca-bundle", ca});
  CAPTURE(trusted.out);
  CHECK(trusted.exit_code == 0);
  CHECK(findings_of(trusted)[0]["status"] == "pass");

  std::vector<std::string> args = {"check", "--as-of", kAsOf, "--no-auto-rulesets", "-r",
                                   dir.file("live.yaml"), dir.file("plan.yaml")};
  ProcessOptions from_env;
  from_env.env["GOLIVE_CA_BUNDLE"] = ca;
  from_env.env["no_proxy"] = "127.0.0.1";
  CHECK(run_golive(args, from_env).exit_code == 0);
}

TEST_CASE("cli.check probe options are validated before any probe runs") {
  const std::string plan = fixture("ready.yaml");
  auto usage = [&](const std::vector<std::string>& args, const std::string& message) {
    std::vector<std::string> all = {"check"};
    all.insert(all.end(), args.begin(), args.end());
    all.push_back(plan);
    ProcessResult r = run_golive(all);
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK(r.err == message + "\n");
  };
  usage({"--concurrency", "0"}, "golive: error: --concurrency: '0' is not a whole number from 1 to 1000");
  usage({"--concurrency", "1001"}, "golive: error: --concurrency: '1001' is not a whole number from 1 to 1000");
  usage({"--concurrency", "-4"}, "golive: error: --concurrency: '-4' is not a whole number from 1 to 1000");
  usage({"--concurrency", "8x"}, "golive: error: --concurrency: '8x' is not a whole number from 1 to 1000");
  usage({"--timeout", "5"}, "golive: error: --timeout: '5' is not a duration (expected e.g. 5s, 30s or 2m)");
  usage({"--timeout", "0s"}, "golive: error: --timeout: 0s is out of range (1s to 1h)");
  usage({"--timeout", "2h"}, "golive: error: --timeout: 2h is out of range (1s to 1h)");
  usage({"--ca-bundle", "no/such/ca.pem"}, "golive: error: --ca-bundle: cannot read CA bundle 'no/such/ca.pem'");
  usage({"--ca-bundle", "tests"}, "golive: error: --ca-bundle: cannot read CA bundle 'tests'");

  ProcessOptions env;
  env.env["GOLIVE_CONCURRENCY"] = "many";
  ProcessResult r = run_golive({"check", plan}, env);
  CHECK(r.exit_code == 2);
  CHECK(r.err == "golive: error: GOLIVE_CONCURRENCY: 'many' is not a whole number from 1 to 1000\n");

  // The bounds themselves are accepted.
  CHECK(check_fixture({"--concurrency", "1", "--timeout", "1s", plan}).exit_code == 0);
  CHECK(check_fixture({"--concurrency", "1000", "--timeout", "1h", plan}).exit_code == 0);
}

}  // namespace golive::test
