// Secrets never printed: a unique token planted in every place a credential can hide (URL
// userinfo with raw `/`, `#`, `@`, `:`; percent-encoded userinfo; query and fragment
// parameters; Authorization headers and Bearer/Basic credentials in a plugin's message and
// evidence; a `${env:…}` bearer token sent to a live probe; a URL in a value the loader
// refuses) must appear in no report format, online or offline, on no stderr, and not in the
// plan an exec plugin reads.
#include <doctest/doctest.h>

#include <map>

#include "tests/cli/cli_support.h"
#include "tests/support/process.h"

namespace golive::test {

namespace {

const std::vector<std::string> kTokens = {
    "ZZslashpassZZ", "ZZpctpassZZ",  "ZZtokenZZ",   "ZZamzcredZZ", "ZZamzsigZZ",  "ZZsigZZ",
    "ZZfragZZ",      "ZZapikeyZZ",   "ZZpromuserZZ", "ZZprompassZZ", "ZZenvZZ",    "ZZpwdZZ",
    "ZZbearerZZ",    "ZZbasicZZ",    "ZZheaderZZ",  "ZZevidenceZZ", "ZZrefusedZZ", "ZZatpassZZ"};

std::string secrets_plan(const std::string& health_url, const std::string& prometheus_url) {
  return R"(golive: 1
plan:
  id: secrets-1
  name: Secrets
  owner: li.wei
  revised_at: 2026-11-01
go_live:
  window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}
  timezone: Asia/Shanghai
contacts:
  - {id: li.wei, name: Li Wei, phone: "+8613800000003", email: li.wei@example.com, timezone: Asia/Shanghai}
organization:
  commander: li.wei
  roles: {ops_lead: li.wei}
response:
  comms: {channel: "#x", bridge: "https://meet.example.com/x?pwd=ZZpwdZZ", owner: li.wei, update_every: 30m}
systems:
  - id: shop-api
    tier: 1
    rto: 1h
    rpo: 15m
    dr_strategy: backup_restore
    datastores: [shop-db]
    health_check: {url: ")" + health_url + R"(", expect_status: 200, timeout: 1s}
backups:
  - id: shop-db-hourly
    datastore: shop-db
    schedule: 1h
    copies: 2
    offsite: true
    location: "https://svc-backup:ZZslashpassZZ/kP#m2@backup.internal.example.com/db/latest.dump"
    last_success: 2026-12-01T11:00:00+08:00
    restore_test: {at: 2026-11-20, duration: 40m, result: pass,
                   evidence: "https://u%40corp:ZZpctpassZZ%2Fx@wiki.example.com/restore"}
rollback:
  strategy: blue_green
  runbook: "https://wiki.example.com/rb?token=ZZtokenZZ&page=2"
  decision_owner: li.wei
monitoring:
  prometheus: {url: ")" + prometheus_url + R"(", job: shop, required_alerts: [ShopDown],
               bearer_token: "${env:PROM_TOKEN_SECRET}"}
  alerts:
    - {name: ShopDown, severity: critical,
       runbook: "https://s3.example.com/rb?X-Amz-Credential=ZZamzcredZZ&X-Amz-Signature=ZZamzsigZZ"}
  dashboards:
    - {name: Shop, url: "https://grafana.example.com/d/x?sig=ZZsigZZ#access_token=ZZfragZZ"}
    - {name: Shop 2, url: "https://admin:p@ss:ZZatpassZZ@grafana.example.com/d/y"}
)";
}

// Writes `text` to `dir/name` and returns the path.
std::string write_file_in(const TempDir& dir, const std::string& name, const std::string& text) {
  dir.write(name, text);
  return dir.file(name);
}

}  // namespace

TEST_CASE("secrets planted in every position are printed by no format, no stderr and no plugin input") {
  TempDir dir;
  const std::string offline_plan =
      write_file_in(dir, "offline.yaml",
                    secrets_plan("https://shop.example.com/healthz?api_key=ZZapikeyZZ",
                                 "http://ZZpromuserZZ:ZZprompassZZ@prometheus.example.com:9090"));
  // Live: every probe goes to a port where nothing listens, so each fails with a message.
  const std::string live_plan =
      write_file_in(dir, "live.yaml",
                    secrets_plan("http://127.0.0.1:9/healthz?api_key=ZZapikeyZZ",
                                 "http://ZZpromuserZZ:ZZprompassZZ@127.0.0.1:9"));
  dir.write("plugin.sh",
            "env > \"$(dirname \"$0\")/env.txt\"\n"
            "cat > \"$(dirname \"$0\")/stdin.json\"\n"
            "printf '%s\\n' '{\"status\": \"fail\", \"message\": \"GET failed; request had "
            "Authorization: Bearer ZZbearerZZ0123456789\\nX-Auth-Token: ZZheaderZZ\\nand Basic "
            "ZZbasicZZ0123456789=\", \"evidence\": {\"url\": \"https://a:ZZevidenceZZ@h.example/x\"}}'\n");
  const std::string rules = write_file_in(
      dir, "rules.yaml",
      "ruleset: leak\nversion: 1.0.0\nrules:\n  - {id: custom.leak, exec: [\"/bin/sh\", \"" +
          dir.file("plugin.sh") + "\"], timeout: 10s, severity: gate}\n");
  ProcessOptions options;
  options.env["PROM_TOKEN_SECRET"] = "ZZenvZZ";

  std::map<std::string, std::string> seen;  // what a user or a plugin saw, by where
  for (const std::string format : {"text", "json", "junit", "sarif", "markdown", "html", "github"}) {
    ProcessResult off = check({"-f", format, "-r", rules, offline_plan}, options);
    CAPTURE(off.err);
    CHECK(off.exit_code == 1);
    seen["offline " + format] = off.out;
    seen["offline stderr " + format] = off.err;
    ProcessResult live = run_golive({"check", "--as-of", kAsOf, "--timeout", "1s", "-f", format, "-r", rules, live_plan},
                                    options);
    CAPTURE(live.err);
    CHECK(live.exit_code == 1);
    seen["live " + format] = live.out;
    seen["live stderr " + format] = live.err;
  }
  seen["plugin stdin"] = slurp(dir.file("stdin.json")).value_or("");
  CHECK(seen["plugin stdin"].find("\"golive\"") != std::string::npos);
  // The plugin inherits golive's environment, where the user put PROM_TOKEN_SECRET: only
  // that variable may hold a token, and golive adds none.
  std::string env = slurp(dir.file("env.txt")).value_or("");
  CHECK(env.find("PROM_TOKEN_SECRET=ZZenvZZ") != std::string::npos);
  seen["plugin environment"] = env.replace(env.find("PROM_TOKEN_SECRET=ZZenvZZ"), 25, "");

  // A URL in a value the loader refuses, quoted in the error message.
  const std::string broken = write_file_in(
      dir, "broken.yaml",
      secrets_plan("https://h.example/", "https://p.example/") + "x-note: ok\nresources:\n  load_test: "
      "{at: \"https://u:ZZrefusedZZ/x#y@h.example/\", multiple_of_peak: 2.0, result: pass}\n");
  ProcessResult refused = check({broken});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("https://***@h.example/") != std::string::npos);
  seen["refused stderr"] = refused.err;

  for (const auto& [where, text] : seen)
    for (const std::string& token : kTokens) {
      CAPTURE(where);
      CAPTURE(token);
      CHECK(text.find(token) == std::string::npos);
    }
  // The places themselves are printed, with the secret gone.
  CHECK(seen["offline json"].find("https://***@backup.internal.example.com/db/latest.dump") != std::string::npos);
  CHECK(seen["live text"].find("Authorization: ***") != std::string::npos);
}

}  // namespace golive::test
