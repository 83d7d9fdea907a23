// backup.exists, live part: the object at each location exists and is non-empty.

#include <doctest/doctest.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "tests/support/fixtures.h"
#include "tests/support/servers.h"

namespace golive::test {
namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

std::string plan_with(const std::string& location, const std::string& second = "") {
  std::string yaml =
      "systems:\n"
      "  - {id: payments-api, tier: 1, datastores: [payments-db]}\n"
      "backups:\n"
      "  - id: payments-db-hourly\n"
      "    datastore: payments-db\n"
      "    location: \"" + location + "\"\n";
  if (!second.empty())
    yaml += "  - id: payments-db-daily\n"
            "    datastore: payments-db\n"
            "    location: \"" + second + "\"\n";
  return yaml;
}

/// A temporary file with the given content, removed with the object.
struct TempFile {
  std::string path;
  explicit TempFile(const std::string& content) {
    char tmpl[] = "/tmp/golive-backup-XXXXXX";
    int fd = mkstemp(tmpl);
    REQUIRE(fd >= 0);
    REQUIRE(write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()));
    close(fd);
    path = tmpl;
  }
  ~TempFile() { unlink(path.c_str()); }
  std::string url() const { return "file://" + path; }
};

Finding only(const std::vector<Finding>& findings) {
  REQUIRE(findings.size() == 1);
  return findings[0];
}

TEST_CASE("backup.exists live: a non-empty file passes with its size") {
  TempFile dump("pg-dump-bytes");
  auto f = only(run_check_live("backup.exists", plan_from(plan_with(dump.url())), kAsOf));
  CHECK(f.status == Status::Pass);
  CHECK(f.subject == "datastores[payments-db]");
  CHECK(f.message == "backed up by payments-db-hourly at " + dump.url() +
                         "; found payments-db-hourly: 13 bytes");
}

TEST_CASE("backup.exists live: a missing or empty file fails at the backup's location") {
  TempFile empty("");
  auto f = only(run_check_live("backup.exists", plan_from(plan_with(empty.url())), kAsOf));
  CHECK(f.status == Status::Fail);
  CHECK(f.message == "backup payments-db-hourly: " + empty.url() + " is empty (0 bytes)");
  CHECK(f.location.line == 17);

  auto missing = only(run_check_live("backup.exists",
                                     plan_from(plan_with("file:///nonexistent/golive/latest.dump")), kAsOf));
  CHECK(missing.status == Status::Fail);
  CHECK(missing.message ==
        "backup payments-db-hourly: file:///nonexistent/golive/latest.dump does not exist "
        "(/nonexistent/golive/latest.dump: No such file or directory)");
}

TEST_CASE("backup.exists live: HTTP HEAD reads the size, 404 fails, 5xx and refusals are errors") {
  HttpTestServer server;
  auto ok = only(run_check_live("backup.exists", plan_from(plan_with(server.url("/latest.dump?length=52428800"))), kAsOf));
  CHECK(ok.status == Status::Pass);
  CHECK(ok.message.ends_with("; found payments-db-hourly: 52428800 bytes"));

  auto gone = only(run_check_live("backup.exists", plan_from(plan_with(server.url("/latest.dump?status=404"))), kAsOf));
  CHECK(gone.status == Status::Fail);
  CHECK(gone.message == "backup payments-db-hourly: " + server.url("/latest.dump?status=404") +
                            " does not exist (HTTP 404)");

  auto broken = only(run_check_live("backup.exists", plan_from(plan_with(server.url("/latest.dump?status=500"))), kAsOf));
  CHECK(broken.status == Status::Error);
  CHECK(broken.message == "backup payments-db-hourly: " + server.url("/latest.dump?status=500") +
                              " answered HTTP 500");

  std::string down = "http://127.0.0.1:" + std::to_string(closed_port()) + "/latest.dump";
  auto refused = only(run_check_live("backup.exists", plan_from(plan_with(down)), kAsOf));
  CHECK(refused.status == Status::Error);
  CHECK(refused.message == "backup payments-db-hourly: could not probe " + down +
                               ": connection refused (3 tries)");
}

TEST_CASE("backup.exists live: every backup of a datastore is probed, one finding in all") {
  HttpTestServer server;
  TempFile dump("dump");
  auto f = only(run_check_live(
      "backup.exists", plan_from(plan_with(dump.url(), server.url("/daily.dump?status=404"))), kAsOf));
  CHECK(f.status == Status::Fail);
  CHECK(f.message == "backup payments-db-daily: " + server.url("/daily.dump?status=404") +
                         " does not exist (HTTP 404)");
  CHECK(f.location.line == 20);
}

TEST_CASE("backup.exists live: S3 objects are checked with a signed HEAD") {
  S3TestServer s3("GOLIVEBACKUPKEY", "backup-secret-7c1d");
  s3.create_bucket("backups");
  s3.put_object("backups", "payments-db/latest.dump", "0123456789");
  s3.put_object("backups", "payments-db/empty.dump", "");
  ScopedEnv endpoint("GOLIVE_S3_ENDPOINT", s3.endpoint());
  ScopedEnv ak("AWS_ACCESS_KEY_ID", "GOLIVEBACKUPKEY");
  ScopedEnv sk("AWS_SECRET_ACCESS_KEY", "backup-secret-7c1d");

  auto ok = only(run_check_live("backup.exists", plan_from(plan_with("s3://backups/payments-db/latest.dump")), kAsOf));
  CHECK(ok.status == Status::Pass);
  CHECK(ok.message == "backed up by payments-db-hourly at s3://backups/payments-db/latest.dump; "
                      "found payments-db-hourly: 10 bytes");

  auto empty = only(run_check_live("backup.exists", plan_from(plan_with("s3://backups/payments-db/empty.dump")), kAsOf));
  CHECK(empty.status == Status::Fail);
  CHECK(empty.message == "backup payments-db-hourly: s3://backups/payments-db/empty.dump is empty (0 bytes)");

  auto missing = only(run_check_live("backup.exists", plan_from(plan_with("s3://backups/payments-db/none.dump")), kAsOf));
  CHECK(missing.status == Status::Fail);
  CHECK(missing.message == "backup payments-db-hourly: s3://backups/payments-db/none.dump does not exist (HTTP 404)");

  ScopedEnv wrong("AWS_SECRET_ACCESS_KEY", "not-the-secret-99");
  auto denied = only(run_check_live("backup.exists", plan_from(plan_with("s3://backups/payments-db/latest.dump")), kAsOf));
  CHECK(denied.status == Status::Error);
  CHECK(denied.message == "backup payments-db-hourly: s3://backups/payments-db/latest.dump answered HTTP 403");
  CHECK(denied.message.find("not-the-secret-99") == std::string::npos);
  CHECK(denied.remediation.find("not-the-secret-99") == std::string::npos);
}

TEST_CASE("backup.exists live: S3 keys with = : @ + , space, Chinese, ~ and % are signed as S3 signs them") {
  S3TestServer s3("GOLIVEBACKUPKEY", "backup-secret-7c1d");
  s3.create_bucket("backups");
  ScopedEnv endpoint("GOLIVE_S3_ENDPOINT", s3.endpoint());
  ScopedEnv ak("AWS_ACCESS_KEY_ID", "GOLIVEBACKUPKEY");
  ScopedEnv sk("AWS_SECRET_ACCESS_KEY", "backup-secret-7c1d");
  for (const std::string key : {"dt=2026-12-04/daily.dump", "2026-12-04T03:15:00Z.snap",
                                "settlement db/备份 latest.dump", "team@ops/a+b,c~d/100%.dump"}) {
    INFO(key);
    s3.put_object("backups", key, "0123456789");
    auto f = only(run_check_live("backup.exists", plan_from(plan_with("s3://backups/" + key)), kAsOf));
    CHECK(f.status == Status::Pass);
    // Fail closed, an '@' after a '/' may end a password written raw: what precedes it is hidden.
    const std::string shown = key.find('@') == std::string::npos ? "s3://backups/" + key : "s3://***@ops/a+b,c~d/100%.dump";
    CHECK(f.message == "backed up by payments-db-hourly at " + shown + "; found payments-db-hourly: 10 bytes");
  }
  // The same key signed over its raw path (what libcurl 7.88 does when given it) is refused,
  // as S3 refuses it: the fixture checks the canonical URI.
  HttpRequest raw;
  raw.method = HttpMethod::Head;
  raw.url = s3.endpoint() + "/backups/dt=2026-12-04/daily.dump";
  raw.sigv4 = AwsSigV4{.access_key = "GOLIVEBACKUPKEY", .secret_key = "backup-secret-7c1d"};
  raw.headers.emplace_back("x-amz-content-sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  raw.tries = 1;
  CHECK(probe_one(raw).status == 403);
}

TEST_CASE("backup.exists live: offline runs queue no probe") {
  Plan plan = plan_from(plan_with("file:///nonexistent/golive/latest.dump"));
  Context ctx(plan, kAsOf, true);
  find_check("backup.exists")->make(Params())->run(plan, ctx);
  CHECK(ctx.take_probes().empty());
  auto findings = ctx.take();
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
}

}  // namespace
}  // namespace golive::test
