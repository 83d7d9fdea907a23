// Evidence read live, end to end: `golive validate` refuses a malformed live form with
// file:line:col and exit 2; offline, every report records the live evidence as skipped
// and counts its probes among those not made.
#include "tests/cli/report/report_support.h"

namespace golive::test {

namespace {

const std::string kPlan = fixture("live-evidence.yaml");

std::string edited(const std::string& from, const std::string& to) {
  std::string out = *slurp(source_dir() + "/" + kPlan);
  size_t at = out.find(from);
  REQUIRE(at != std::string::npos);
  return out.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("cli.live evidence: validate accepts the live forms and refuses malformed ones where they are written") {
  ProcessResult ok = run_golive({"validate", kPlan});
  CHECK(ok.exit_code == 0);
  CHECK(ok.err == "");

  TempDir dir;
  struct Bad {
    std::string from, to, error;
  };
  const std::vector<Bad> cases = {
      {"{prometheus: 'backup_last_success_timestamp_seconds{job=\"shop-db-nightly\"}'}", "{prometheus: ''}",
       ":20:32: error: backups[1].last_success.prometheus: the query is empty (expected a PromQL "
       "expression returning a Unix timestamp in seconds)"},
      {"{prometheus: 'backup_last_success_timestamp_seconds{job=\"shop-db-nightly\"}'}", "{prometheus: 1}",
       ":20:32: error: backups[1].last_success.prometheus: 1 is a number in YAML, not a PromQL expression "
       "(write the query as text, e.g. 'backup_last_success_timestamp_seconds{job=\"db\"}')"},
      {"{prometheus: 'backup_last_success_timestamp_seconds{job=\"shop-db-nightly\"}'}", "{promql: 'up'}",
       ":20:20: error: backups[1].last_success: unknown key 'promql' (expected a date, live or "
       "{prometheus: 'QUERY'})"},
      {"    location: \"s3://backups/shop-db/wal/latest\"\n", "",
       ":14:19: error: backups[0].last_success: live reads the date of the backup object at "
       "backups[].location, which is not set"},
      {"      at: {prometheus: 'restore_test_last_success_timestamp_seconds{job=\"shop-db-nightly\"}'}",
       "      at: live",
       ":22:11: error: backups[1].restore_test.at: 'live' reads a backup object's date and is only for "
       "backups[].last_success (expected a date or {prometheus: 'QUERY'})"},
      {"  prometheus: {url: \"http://127.0.0.1:9\", job: shop-api}", "  prometheus: {job: shop-api}",
       ":20:19: error: backups[1].last_success: {prometheus: …} is asked of monitoring.prometheus.url, "
       "which is not set"},
  };
  for (const Bad& c : cases) {
    CAPTURE(c.to);
    const std::string path = write_file(dir, "plan.yaml", edited(c.from, c.to));
    ProcessResult r = run_golive({"validate", path});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(path + c.error + "\n") != std::string::npos);
    CAPTURE(r.err);
  }
}

TEST_CASE("cli.live evidence: offline, every report shows the live evidence skipped and counts its probes") {
  const std::vector<std::string> skips = {
      "live only: backups[].last_success is the Last-Modified of s3://backups/shop-db/wal/latest, not read offline",
      "live only: backups[].last_success is read from Prometheus "
      "(backup_last_success_timestamp_seconds{job=\"shop-db-nightly\"}), not offline",
      "live only: backups[].restore_test.at is read from Prometheus "
      "(restore_test_last_success_timestamp_seconds{job=\"shop-db-nightly\"}), not offline",
      "live only: drills[].at is read from Prometheus (drill_last_success_timestamp_seconds{type=\"restore\"}), "
      "not offline"};
  ProcessResult json = check({"-f", "json", kPlan});
  CHECK(json.exit_code == 1);  // nothing passes the live gates offline; other checks fail
  const nlohmann::json j = json_of(json.out);
  std::vector<std::string> found;
  for (const auto& f : j["plans"][0]["findings"])
    if (f["status"] == "skip" && f["message"].get<std::string>().rfind("live only: ", 0) == 0 &&
        f["message"].get<std::string>().find("[]") != std::string::npos)
      found.push_back(f["check"].get<std::string>() + " " + f["message"].get<std::string>());
  CHECK(found == std::vector<std::string>{
                     "backup.fresh " + skips[0], "backup.fresh " + skips[1],
                     "backup.restore-tested " + skips[2], "drills.recent " + skips[3]});
  // Each is a probe not made: two last_success, one restore test and one drill date,
  // beside the existence probes of backup.exists and the live monitoring checks.
  CHECK(j["settings"]["probes_not_made"].get<int>() >= 4);

  // Formats that list skipped findings show each; text and GitHub annotations list what to
  // act on, and record the skips in their offline line with the probes not made.
  const std::string offline = fmt::format("OFFLINE: live evidence was not verified ({} live probes not made)",
                                          j["settings"]["probes_not_made"].get<int>());
  for (const std::string format : {"text", "github", "markdown", "html", "junit", "sarif"}) {
    CAPTURE(format);
    std::vector<std::string> args = {"-f", format};
    if (format == "sarif") args.push_back("--sarif-passes");
    args.push_back(kPlan);
    ProcessResult r = check(args);
    CHECK(r.exit_code == 1);
    if (format == "text" || format == "github") {
      CHECK(r.out.find(offline) != std::string::npos);
      continue;
    }
    for (const std::string& s : skips) {
      // Every format escapes in its own way: look for the part before the parenthesis.
      std::string plain = s.substr(0, s.find(" ("));
      if (format == "markdown")  // brackets are escaped there
        for (size_t at = 0; (at = plain.find_first_of("[]", at)) != std::string::npos; at += 2)
          plain.insert(at, 1, '\\');
      CAPTURE(plain);
      CHECK(r.out.find(plain) != std::string::npos);
    }
  }
}

}  // namespace golive::test
