// Evidence read live instead of typed: `backups[].last_success: live` (the object's
// Last-Modified or mtime) and `{prometheus: 'QUERY'}` for backups[].last_success,
// backups[].restore_test.at and drills[].at, against a real Prometheus scraping an exporter
// (tests/fixtures/http_server.py /metrics) whose values and sample timestamps the test sets.

#include <doctest/doctest.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

#include "checks/engine/live_evidence.h"
#include "tests/support/speaking.h"
#include "tests/support/fixtures.h"
#include "tests/support/monitoring_servers.h"
#include "tests/support/servers.h"

namespace golive::test {
namespace {

using namespace std::chrono_literals;

/// An exporter the test controls and a Prometheus scraping it every second.
class Exporter {
 public:
  Exporter()
      : prom_("global: {scrape_interval: 1s, evaluation_interval: 1s}\n"
              "scrape_configs:\n"
              "  - job_name: backups\n"
              "    static_configs: [{targets: ['127.0.0.1:" + std::to_string(http_.port()) + "']}]\n",
              "") {}

  std::string url() const { return prom_.url(); }

  /// Publishes `lines` (`name{labels} value`) with every sample stamped at `at`, and waits
  /// until Prometheus answers them at that instant (`marker` is a metric among them).
  void publish(const std::vector<std::string>& lines, Instant at, const std::string& marker) {
    const int64_t ms = std::chrono::duration_cast<std::chrono::milliseconds>(at.time_since_epoch()).count();
    std::string text;
    for (const auto& l : lines) text += l + " " + std::to_string(ms) + "\n";
    HttpRequest set;
    set.url = http_.url("/metrics/set?text=" + percent_encode(text));
    REQUIRE(probe_one(set).status == 200);
    prom_.wait_for("/api/v1/query?query=" + percent_encode(marker) + "&time=" + std::to_string(ms / 1000),
                   "\"result\":[{", 30s);
  }

 private:
  HttpTestServer http_;
  PrometheusTestServer prom_;
};

/// Now, to the second: Prometheus stores samples to the millisecond, the tests compare
/// whole seconds.
Instant now_seconds() {
  return Instant{std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now())};
}

std::string seconds(Instant t) {
  return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count());
}

std::string shanghai(Instant t) { return format_instant_in(t, find_zone("Asia/Shanghai")); }

std::string prometheus_section(const std::string& url) {
  return "monitoring:\n  prometheus: {url: \"" + url + "\"}\n";
}

std::string backup_plan(const std::string& last_success, const std::string& url) {
  return "backups:\n"
         "  - id: db-hourly\n"
         "    datastore: db\n"
         "    schedule: 1h\n"
         "    last_success: " + last_success + "\n" +
         prometheus_section(url);
}

const Finding& only(const std::vector<Finding>& findings) {
  REQUIRE(findings.size() == 1);
  return findings[0];
}

const std::string* text_evidence(const Finding& f, const std::string& key) {
  for (const auto& [k, v] : f.evidence)
    if (k == key && std::holds_alternative<std::string>(v.get())) return &std::get<std::string>(v.get());
  return nullptr;
}

/// A query for one case of the exporter, as a plan writes it.
std::string query(const std::string& metric, const std::string& which) {
  return metric + "{case=\"" + which + "\"}";
}

struct Case {
  std::string name;
  std::string query;  // the PromQL expression
  Status status;
  std::string message;
};

}  // namespace

TEST_CASE("live evidence: backups[].last_success from Prometheus, pass, fail, boundaries and every unusable answer") {
  Exporter exporter;
  const Instant as_of = now_seconds();
  const std::string m = "backup_last_success_timestamp_seconds";
  exporter.publish({m + "{case=\"pass\"} " + seconds(as_of - 1h),
                    m + "{case=\"limit\"} " + seconds(as_of - 2h),
                    m + "{case=\"over\"} " + seconds(as_of - 2h - 1s),
                    m + "{case=\"fraction\"} " + seconds(as_of - 1h) + ".25",
                    m + "{case=\"never\"} 0",
                    m + "{case=\"nan\"} NaN",
                    m + "{case=\"inf\"} +Inf",
                    m + "{case=\"negative\"} -5",
                    m + "{case=\"future\"} " + seconds(as_of + 1min)},
                   as_of, m);
  const std::string k = "backups[].last_success: ";
  const std::vector<Case> cases = {
      {"pass", query(m, "pass"), Status::Pass,
       "last success " + shanghai(as_of - 1h) + " (from Prometheus: " + query(m, "pass") +
           "), 1h ago, limit 2h (2 × schedule 1h)"},
      {"at the limit", query(m, "limit"), Status::Pass,
       "last success " + shanghai(as_of - 2h) + " (from Prometheus: " + query(m, "limit") +
           "), 2h ago, limit 2h (2 × schedule 1h)"},
      {"a second over", query(m, "over"), Status::Fail,
       "last success " + shanghai(as_of - 2h - 1s) + " (from Prometheus: " + query(m, "over") +
           "), 2h1s ago, limit 2h (2 × schedule 1h)"},
      {"fractional seconds", query(m, "fraction"), Status::Pass,
       "last success " + shanghai(as_of - 1h + 250ms) + " (from Prometheus: " + query(m, "fraction") +
           "), 59m59.75s ago, limit 2h (2 × schedule 1h)"},
      {"never succeeded (0)", query(m, "never"), Status::Fail,
       "last success 1970-01-01T08:00:00+08:00 (from Prometheus: " + query(m, "never") + "), " +
           format_duration(as_of - Instant{}) + " ago, limit 2h (2 × schedule 1h)"},
      {"no series", query(m, "absent"), Status::Error,
       k + "the query returned no series: Prometheus has no value for it at " + shanghai(as_of) +
           " (nothing matches, or the exporter was not scraped in the 5 minutes before)"},
      {"several series", m + "{case=~\"pass|limit\"}", Status::Error,
       k + "the query returned 2 series (" + m + "{case=\"limit\", instance=\"127.0.0.1:PORT\", job=\"backups\"}, …"},
      {"NaN", query(m, "nan"), Status::Error, k + "the query returned NaN, not a Unix timestamp in seconds"},
      {"+Inf", query(m, "inf"), Status::Error, k + "the query returned +Inf, not a Unix timestamp in seconds"},
      {"negative", query(m, "negative"), Status::Error,
       k + "the query returned -5, a negative number, not a Unix timestamp in seconds"},
      {"in the future", query(m, "future"), Status::Error,
       "backups[].last_success read from Prometheus: " + query(m, "future") + " is " +
           shanghai(as_of + 1min) + ", 1m after the as-of instant " + shanghai(as_of) +
           ": a time in the future is no evidence"},
      {"not a number", "\"yesterday\"", Status::Error,
       k + "the query returned a string result, not one number (a scalar or an instant vector of one series)"},
      {"a range", query(m, "pass") + "[5m]", Status::Error,
       k + "the query returned a matrix result, not one number (a scalar or an instant vector of one series)"},
      {"refused by Prometheus", "sum(", Status::Error,
       k + "could not ask Prometheus: GET " + exporter.url() +
           "/api/v1/query: answered 400: invalid parameter \"query\": 1:5: parse error: unclosed left parenthesis"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    REQUIRE(c.query.find('\'') == std::string::npos);  // written in single quotes as it is
    const Plan plan = plan_from(backup_plan("{prometheus: '" + c.query + "'}", exporter.url()));
    const Finding f = only(run_check_live("backup.fresh", plan, as_of));
    CHECK(f.status == c.status);
    if (c.name == "several series") {
      // The instance label carries the exporter's port.
      CHECK(f.message.rfind(k + "the query returned 2 series (", 0) == 0);
      CHECK(f.message.find("), not one: it must select the one series of this evidence") != std::string::npos);
    } else {
      CHECK(f.message == c.message);
    }
    CHECK(f.location.line == 16);  // the query, as written
    if (c.status == Status::Pass) {
      if (c.name == "pass") CHECK(f.expires_at == as_of + 1h);
      REQUIRE(text_evidence(f, "source"));
      CHECK(*text_evidence(f, "source") == "prometheus");
      CHECK(*text_evidence(f, "query") == c.query);
      CHECK(*text_evidence(f, "prometheus") == exporter.url());
    }
    if (c.status == Status::Error) {
      CHECK_FALSE(f.expires_at.has_value());
      CHECK(f.remediation.find("Fix the query of backups[].last_success") == 0);
    }
  }

  {
    // Not Prometheus's fault: nobody answers, or something else answers non-2xx.
    const std::string down = "http://127.0.0.1:" + std::to_string(closed_port());
    const Finding refused = only(run_check_live(
        "backup.fresh", plan_from(backup_plan("{prometheus: '" + query(m, "pass") + "'}", down)), as_of));
    CHECK(refused.status == Status::Error);
    CHECK(refused.message == k + "could not ask Prometheus: GET " + down + "/api/v1/query: connection refused (3 tries)");
    CHECK(refused.remediation == "Make Prometheus reachable from where golive runs, then run again");

    HttpTestServer server;
    const std::string unavailable = server.url("/x?status=503#");
    const Finding busy = only(run_check_live(
        "backup.fresh", plan_from(backup_plan("{prometheus: '" + query(m, "pass") + "'}", unavailable)), as_of,
        ProbeSettings{.concurrency = 4, .timeout = 2000ms}));
    CHECK(busy.status == Status::Error);
    CHECK(busy.message == k + "could not ask Prometheus: GET " + unavailable + "/api/v1/query: answered 503");
  }

  // Offline nothing is asked: a skip that says the evidence is live-only.
  const Plan plan = plan_from(backup_plan("{prometheus: '" + query(m, "pass") + "'}", exporter.url()));
  const Finding off = only(run_check("backup.fresh", plan, as_of));
  CHECK(off.status == Status::Skip);
  CHECK(off.message == "live only: backups[].last_success is read from Prometheus (" + query(m, "pass") +
                           "), not offline");
  CHECK(off.location.line == 16);
}

TEST_CASE("live evidence: backups[].restore_test.at from Prometheus") {
  Exporter exporter;
  const Instant as_of = now_seconds();
  const std::string m = "restore_test_last_success_timestamp_seconds";
  exporter.publish({m + "{case=\"pass\"} " + seconds(as_of - 240h),
                    m + "{case=\"limit\"} " + seconds(as_of - 90 * 24h),
                    m + "{case=\"over\"} " + seconds(as_of - 90 * 24h - 1s)},
                   as_of, m);
  auto plan_for = [&](const std::string& which, const std::string& result) {
    return plan_from("backups:\n"
                     "  - id: db-hourly\n"
                     "    restore_test: {at: {prometheus: '" + query(m, which) + "'}, result: " + result +
                     ", duration: 40m}\n" + prometheus_section(exporter.url()));
  };
  const std::vector<Case> cases = {
      {"pass", "pass", Status::Pass,
       "restore test passed " + shanghai(as_of - 240h) + " (from Prometheus: " + query(m, "pass") +
           "), 10d ago, limit 90d (max_age)"},
      {"at the limit", "limit", Status::Pass,
       "restore test passed " + shanghai(as_of - 90 * 24h) + " (from Prometheus: " + query(m, "limit") +
           "), 90d ago, limit 90d (max_age)"},
      {"a second over", "over", Status::Fail,
       "restore test passed " + shanghai(as_of - 90 * 24h - 1s) + " (from Prometheus: " + query(m, "over") +
           "), 90d1s ago, limit 90d (max_age)"},
      {"no series", "absent", Status::Error,
       "backups[].restore_test.at: the query returned no series: Prometheus has no value for it at " +
           shanghai(as_of) + " (nothing matches, or the exporter was not scraped in the 5 minutes before)"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const Finding f = only(run_check_live("backup.restore-tested", plan_for(c.query, "pass"), as_of));
    CHECK(f.status == c.status);
    CHECK(f.message == c.message);
    CHECK(f.location.line == 14);
  }
  // A result written as fail needs no date: nothing is asked.
  const Finding failed = only(run_check_live("backup.restore-tested", plan_for("pass", "fail"), as_of));
  CHECK(failed.status == Status::Fail);
  CHECK(failed.message == "restore test did not pass (result: fail)");
  const Finding off = only(run_check("backup.restore-tested", plan_for("pass", "pass"), as_of));
  CHECK(off.status == Status::Skip);
  CHECK(off.message == "live only: backups[].restore_test.at is read from Prometheus (" + query(m, "pass") +
                           "), not offline");
}

TEST_CASE("live evidence: drills[].at from Prometheus, alone and beside typed drills") {
  Exporter exporter;
  const Instant as_of = now_seconds();
  const std::string m = "drill_last_success_timestamp_seconds";
  exporter.publish({m + "{case=\"pass\"} " + seconds(as_of - 30 * 24h),
                    m + "{case=\"limit\"} " + seconds(as_of - 365 * 24h),
                    m + "{case=\"over\"} " + seconds(as_of - 365 * 24h - 1s)},
                   as_of, m);
  auto plan_for = [&](const std::string& which, const std::string& typed = "") {
    return plan_from("drills:\n"
                     "  - {type: restore, at: {prometheus: '" + query(m, which) + "'}, result: pass}\n" + typed +
                     prometheus_section(exporter.url()));
  };
  auto restore = [&](const Plan& plan, bool live = true) {
    auto findings = live ? run_check_live("drills.recent", plan, as_of) : run_check("drills.recent", plan, as_of);
    REQUIRE(findings.size() == 2);  // rollback (none recorded here), then restore
    CHECK(findings[1].subject == "drills[restore]");
    return findings[1];
  };
  const std::vector<Case> cases = {
      {"pass", "pass", Status::Pass,
       "restore drill passed " + shanghai(as_of - 30 * 24h) + " (from Prometheus: " + query(m, "pass") +
           "), 30d ago, limit 365d (max_age)"},
      {"at the limit", "limit", Status::Pass,
       "restore drill passed " + shanghai(as_of - 365 * 24h) + " (from Prometheus: " + query(m, "limit") +
           "), 365d ago, limit 365d (max_age)"},
      {"a second over", "over", Status::Fail,
       "last passed restore drill was " + shanghai(as_of - 365 * 24h - 1s) + " (from Prometheus: " +
           query(m, "over") + "), 365d1s ago, limit 365d (max_age)"},
      {"no series", "absent", Status::Error,
       "drills[].at: the query returned no series: Prometheus has no value for it at " + shanghai(as_of) +
           " (nothing matches, or the exporter was not scraped in the 5 minutes before)"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    const Finding f = restore(plan_for(c.query));
    CHECK(f.status == c.status);
    CHECK(f.message == c.message);
    CHECK(f.location.line == 13);
  }
  // The latest passed drill counts, whichever way it is dated.
  const std::string older = "  - {type: restore, at: 2020-01-01, result: pass}\n";
  CHECK(restore(plan_for("pass", older)).status == Status::Pass);
  const std::string newer = "  - {type: restore, at: " + format_instant(as_of - 1h) + ", result: pass}\n";
  const Finding typed_wins = restore(plan_for("over", newer));
  CHECK(typed_wins.status == Status::Pass);
  CHECK(typed_wins.message == "restore drill passed 1h ago, limit 365d (max_age)");
  // A date that cannot be read leaves the type undecided, even beside a typed drill.
  const Finding unread = restore(plan_for("absent", newer));
  CHECK(unread.status == Status::Error);
  // Offline the live date is not read, so the type is not judged.
  const Finding off = restore(plan_for("pass", newer), false);
  CHECK(off.status == Status::Skip);
  CHECK(off.message == "live only: drills[].at is read from Prometheus (" + query(m, "pass") + "), not offline");
}

TEST_CASE("live evidence: last_success: live reads a file's mtime, an HTTP Last-Modified and an S3 object's date") {
  const Instant as_of = at("2026-12-04T12:00:00+08:00");
  auto plan_at = [](const std::string& location) {
    return plan_from("backups:\n"
                     "  - id: db-hourly\n"
                     "    schedule: 1h\n"
                     "    location: \"" + location + "\"\n"
                     "    last_success: live\n");
  };
  SUBCASE("file") {
    char path[] = "/tmp/golive-live-XXXXXX";
    int fd = mkstemp(path);
    REQUIRE(fd >= 0);
    REQUIRE(write(fd, "dump", 4) == 4);
    close(fd);
    const std::string url = std::string("file://") + path;
    timeval fresh[2] = {{1796353200, 0}, {1796353200, 0}};  // 2026-12-04T11:00:00+08:00
    REQUIRE(utimes(path, fresh) == 0);
    const Finding ok = only(run_check_live("backup.fresh", plan_at(url), as_of));
    CHECK(ok.status == Status::Pass);
    CHECK(ok.message == "last success 2026-12-04T11:00:00+08:00 (from mtime of " + url +
                            "), 1h ago, limit 2h (2 × schedule 1h)");
    CHECK(ok.location.line == 16);
    CHECK(*text_evidence(ok, "source") == "mtime");
    timeval stale[2] = {{1796345999, 0}, {1796345999, 0}};  // 2026-12-04T08:59:59+08:00
    REQUIRE(utimes(path, stale) == 0);
    const Finding old = only(run_check_live("backup.fresh", plan_at(url), as_of));
    CHECK(old.status == Status::Fail);
    CHECK(old.message == "last success 2026-12-04T08:59:59+08:00 (from mtime of " + url +
                             "), 3h1s ago, limit 2h (2 × schedule 1h)");
    CHECK(old.remediation == "Run the backup job for db-hourly and check its schedule: its last success is "
                             "read live, from mtime of " + url);
    unlink(path);
    const Finding gone = only(run_check_live("backup.fresh", plan_at(url), as_of));
    CHECK(gone.status == Status::Error);
    CHECK(gone.message.rfind("backups[].last_success: could not read the date of " + url + ": ", 0) == 0);
  }
  SUBCASE("HTTP") {
    HttpTestServer server;
    const std::string url =
        server.url("/latest.dump?last_modified=" + percent_encode("Fri, 04 Dec 2026 02:30:00 GMT"));
    const Finding ok = only(run_check_live("backup.fresh", plan_at(url), as_of));
    CHECK(ok.status == Status::Pass);
    CHECK(ok.message == "last success 2026-12-04T10:30:00+08:00 (from Last-Modified of " + url +
                            "), 1h30m ago, limit 2h (2 × schedule 1h)");
    CHECK(*text_evidence(ok, "source") == "last-modified");
    const std::string plain = server.url("/latest.dump");
    const Finding undated = only(run_check_live("backup.fresh", plan_at(plain), as_of));
    CHECK(undated.status == Status::Error);
    CHECK(undated.message == "backups[].last_success: " + plain +
                                 " reports no Last-Modified, so the date of the last success is unknown");
    const std::string missing = server.url("/latest.dump?status=404");
    const Finding absent = only(run_check_live("backup.fresh", plan_at(missing), as_of));
    CHECK(absent.status == Status::Error);
    CHECK(absent.message == "backups[].last_success: " + missing + " answered HTTP 404, so the object's date is unknown");
    const std::string future =
        server.url("/latest.dump?last_modified=" + percent_encode("Fri, 04 Dec 2026 05:00:00 GMT"));
    const Finding ahead = only(run_check_live("backup.fresh", plan_at(future), as_of));
    CHECK(ahead.status == Status::Error);
    CHECK(ahead.message == "backups[].last_success read from Last-Modified of " + future +
                               " is 2026-12-04T13:00:00+08:00, 1h after the as-of instant "
                               "2026-12-04T12:00:00+08:00: a time in the future is no evidence");
    const std::string down = "http://127.0.0.1:" + std::to_string(closed_port()) + "/latest.dump";
    const Finding refused = only(run_check_live("backup.fresh", plan_at(down), as_of));
    CHECK(refused.status == Status::Error);
    CHECK(refused.message == "backups[].last_success: could not read the date of " + down +
                                 ": connection refused (3 tries)");
    const Finding off = only(run_check("backup.fresh", plan_at(url), as_of));
    CHECK(off.status == Status::Skip);
    CHECK(off.message == "live only: backups[].last_success is the Last-Modified of " + url + ", not read offline");
  }
  SUBCASE("S3") {
    S3TestServer s3("GOLIVEBACKUPKEY", "backup-secret-7c1d");
    s3.create_bucket("backups");
    s3.put_object("backups", "db/latest.dump", "0123456789");
    ScopedEnv endpoint("GOLIVE_S3_ENDPOINT", s3.endpoint());
    ScopedEnv ak("AWS_ACCESS_KEY_ID", "GOLIVEBACKUPKEY");
    ScopedEnv sk("AWS_SECRET_ACCESS_KEY", "backup-secret-7c1d");
    // The object is dated by the S3 server when it is written: now.
    const Instant written = now_seconds();
    const std::string url = "s3://backups/db/latest.dump";
    const Finding ok = only(run_check_live("backup.fresh", plan_at(url), written + 30min));
    CHECK(ok.status == Status::Pass);
    CHECK(ok.message.find(" (from Last-Modified of " + url + "), ") != std::string::npos);
    const Finding old = only(run_check_live("backup.fresh", plan_at(url), written + 3h));
    CHECK(old.status == Status::Fail);
    const Finding none = only(run_check_live("backup.fresh", plan_at("s3://backups/db/none.dump"), written + 30min));
    CHECK(none.status == Status::Error);
    CHECK(none.message == "backups[].last_success: s3://backups/db/none.dump answered HTTP 404, so the object's date is unknown");
  }
}

TEST_CASE("live evidence: the loader refuses malformed live forms where they are written") {
  const std::string prom = prometheus_section("http://127.0.0.1:9");
  auto errors = [&](const std::string& section, bool with_prometheus = true) {
    return diagnostics_of(std::string(kMinimalPlan) + section + (with_prometheus ? prom : ""));
  };
  CHECK(errors("drills:\n  - {type: restore, at: live, result: pass}\n") ==
        "plan.yaml:13:25: error: drills[0].at: 'live' reads a backup object's date and is only for "
        "backups[].last_success (expected a date or {prometheus: 'QUERY'})\n");
  CHECK(errors("drills:\n  - {type: restore, at: {prometheus: '  '}, result: pass}\n") ==
        "plan.yaml:13:38: error: drills[0].at.prometheus: the query is empty (expected a PromQL "
        "expression returning a Unix timestamp in seconds)\n");
  CHECK(errors("drills:\n  - {type: restore, at: {prometheus: [up]}, result: pass}\n") ==
        "plan.yaml:13:38: error: drills[0].at.prometheus: expected a PromQL expression, got a list\n");
  CHECK(errors("drills:\n  - {type: restore, at: {prometheus: true}, result: pass}\n") ==
        "plan.yaml:13:38: error: drills[0].at.prometheus: true is a boolean in YAML, not a PromQL "
        "expression (write the query as text, e.g. 'backup_last_success_timestamp_seconds{job=\"db\"}')\n");
  CHECK(errors("drills:\n  - {type: restore, at: {}, result: pass}\n") ==
        "plan.yaml:13:25: error: drills[0].at: missing required key 'prometheus'\n");
  CHECK(errors("drills:\n  - {type: restore, at: {prometheus: up}, result: pass}\n", false) ==
        "plan.yaml:13:25: error: drills[0].at: {prometheus: …} is asked of monitoring.prometheus.url, "
        "which is not set\n");
  // What is accepted: the query as written, `x-` notes beside it, and typed dates as before.
  const Plan plan = plan_from("backups:\n"
                              "  - id: db\n"
                              "    location: \"file:///var/backups/db.dump\"\n"
                              "    last_success: live\n"
                              "    restore_test: {at: {prometheus: 'restore_ts{db=\"x\"}', x-note: exporter}, result: pass}\n"
                              "drills:\n  - {type: restore, at: 2026-11-28, result: pass}\n" + prom);
  CHECK(plan.backups[0].last_success_source.kind == InstantSource::Kind::Object);
  CHECK_FALSE(plan.backups[0].last_success.has_value());
  CHECK(plan.backups[0].restore_test->at_source.kind == InstantSource::Kind::Prometheus);
  CHECK(*plan.backups[0].restore_test->at_source.query == "restore_ts{db=\"x\"}");
  CHECK(plan.backups[0].restore_test->at_source.query.loc.line == 16);
  CHECK_FALSE(plan.drills[0].at_source.live());
  CHECK(plan.drills[0].at.has_value());
}

}  // namespace golive::test

namespace golive::test {

TEST_CASE("live evidence, zh-CN: an object's date golive cannot use is explained in Chinese") {
  Speaking zh("zh-CN");
  const Plan plan = plan_from(
      "backups:\n"
      "  - {id: db-hourly, datastore: db, schedule: 1h, location: \"https://backups.example.com/db.dump\", "
      "last_success: live}\n");
  const Backup& b = plan.backups.at(0);
  const Instant as_of = at("2026-12-04T12:00:00+08:00");

  HttpResponse gone;
  gone.status = 404;
  ReadInstant r = read_live_instant(plan, b.last_success_source, b.location, "backups[].last_success", as_of, gone);
  CHECK(r.status == Status::Error);
  CHECK(r.problem == "backups[].last_success：https://backups.example.com/db.dump 返回 HTTP 404，对象的日期未知");
  CHECK(r.remediation == "检查备份任务是否把备份文件写到 backups[].location");

  HttpResponse ahead;
  ahead.status = 200;
  ahead.headers = {{"last-modified", "Sat, 05 Dec 2026 04:00:00 GMT"}};
  r = read_live_instant(plan, b.last_success_source, b.location, "backups[].last_success", as_of, ahead);
  CHECK(r.problem ==
        "从 https://backups.example.com/db.dump 的 Last-Modified 读取的 backups[].last_success 为 "
        "2026-12-05 12:00 (UTC+08:00)，比评估时刻 2026-12-04 12:00 (UTC+08:00) 晚 1天：未来的时刻不能作为证据");
}

}  // namespace golive::test
