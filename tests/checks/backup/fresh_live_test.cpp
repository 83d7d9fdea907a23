// backup.fresh, live part: the object's Last-Modified or mtime agrees with last_success.

#include <doctest/doctest.h>
#include <sys/time.h>
#include <unistd.h>

#include <string>

#include "tests/support/fixtures.h"
#include "tests/support/servers.h"

namespace golive::test {
namespace {

// last_success 11:00+08:00 = 03:00Z, schedule 1h: limit 2h, age 1h at the as-of instant.
const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

std::string plan_with(const std::string& location) {
  return "backups:\n"
         "  - id: payments-db-hourly\n"
         "    datastore: payments-db\n"
         "    schedule: 1h\n"
         "    location: \"" + location + "\"\n"
         "    last_success: 2026-12-04T11:00:00+08:00\n";
}

/// A Last-Modified value for the fixture's `last_modified=` parameter.
std::string http_date(const std::string& text) { return percent_encode(text); }

Finding only(const std::vector<Finding>& findings) {
  REQUIRE(findings.size() == 1);
  return findings[0];
}

TEST_CASE("backup.fresh live: a Last-Modified agreeing with last_success passes") {
  HttpTestServer server;
  std::string url = server.url("/latest.dump?last_modified=" + http_date("Fri, 04 Dec 2026 02:30:00 GMT"));
  auto f = only(run_check_live("backup.fresh", plan_from(plan_with(url)), kAsOf));
  CHECK(f.status == Status::Pass);
  CHECK(f.message == "last success 1h ago, limit 2h (2 × schedule 1h); object modified 1h30m ago");
  CHECK(f.expires_at.has_value());
}

TEST_CASE("backup.fresh live: an object older than last_success by more than the schedule fails") {
  HttpTestServer server;
  std::string url = server.url("/latest.dump?last_modified=" + http_date("Fri, 04 Dec 2026 01:30:00 GMT"));
  auto f = only(run_check_live("backup.fresh", plan_from(plan_with(url)), kAsOf));
  CHECK(f.status == Status::Fail);
  CHECK(f.message == url + " was last modified 2026-12-04T09:30:00+08:00, 1h30m before the recorded "
                           "last success 2026-12-04T11:00:00+08:00 (tolerance 1h): the recorded "
                           "success is not the object at the location");
  CHECK(f.location.line == 16);
  CHECK_FALSE(f.expires_at.has_value());
}

TEST_CASE("backup.fresh live: all three HTTP date forms and +0000 are read, so an old object fails") {
  // The object was written three days before the recorded success, in every form a server
  // may send it (RFC 9110 §5.6.7: recipients must accept all three).
  HttpTestServer server;
  for (const char* date : {"Tue, 01 Dec 2026 03:00:00 GMT", "Tuesday, 01-Dec-26 03:00:00 GMT",
                           "Tue Dec  1 03:00:00 2026", "Tue, 01 Dec 2026 03:00:00 +0000"}) {
    INFO(date);
    std::string url = server.url("/latest.dump?last_modified=" + http_date(date));
    auto f = only(run_check_live("backup.fresh", plan_from(plan_with(url)), kAsOf));
    CHECK(f.status == Status::Fail);
    CHECK(f.message == url + " was last modified 2026-12-01T11:00:00+08:00, 3d before the recorded "
                             "last success 2026-12-04T11:00:00+08:00 (tolerance 1h): the recorded "
                             "success is not the object at the location");
  }
}

TEST_CASE("backup.fresh live: a Last-Modified after the as-of instant is reported as in the future") {
  HttpTestServer server;
  std::string url = server.url("/latest.dump?last_modified=" + http_date("Thu, 10 Dec 2026 04:00:00 GMT"));
  auto f = only(run_check_live("backup.fresh", plan_from(plan_with(url)), kAsOf));
  CHECK(f.status == Status::Pass);
  CHECK(f.message == "last success 1h ago, limit 2h (2 × schedule 1h); object modified in the future: "
                     "2026-12-10T12:00:00+08:00, 6d after the as-of instant");
}

TEST_CASE("backup.fresh live: a Last-Modified that is not an HTTP date is an error, not an absent date") {
  HttpTestServer server;
  for (const char* date : {"yesterday", "2026-12-01T03:00:00Z", "Tue, 01 Dec 2026 03:00:00 +0800"}) {
    INFO(date);
    std::string url = server.url("/latest.dump?last_modified=" + http_date(date));
    auto f = only(run_check_live("backup.fresh", plan_from(plan_with(url)), kAsOf));
    CHECK(f.status == Status::Error);
    CHECK(f.message == url + " answered Last-Modified \"" + date + "\", which is not an HTTP date (RFC 9110 §5.6.7)");
    CHECK(f.location.line == 16);
    CHECK_FALSE(f.expires_at.has_value());
  }
}

TEST_CASE("backup.fresh live: a file's mtime is its date") {
  char path[] = "/tmp/golive-fresh-XXXXXX";
  int fd = mkstemp(path);
  REQUIRE(fd >= 0);
  close(fd);
  timeval old_times[2] = {{1796324400, 0}, {1796324400, 0}};  // 2026-12-04T03:00:00+08:00
  REQUIRE(utimes(path, old_times) == 0);
  auto stale = only(run_check_live("backup.fresh", plan_from(plan_with(std::string("file://") + path)), kAsOf));
  CHECK(stale.status == Status::Fail);
  CHECK(stale.message.find("was last modified 2026-12-04T03:00:00+08:00, 8h before") != std::string::npos);

  timeval new_times[2] = {{1796355000, 0}, {1796355000, 0}};  // 2026-12-04T11:30:00+08:00
  REQUIRE(utimes(path, new_times) == 0);
  auto fresh = only(run_check_live("backup.fresh", plan_from(plan_with(std::string("file://") + path)), kAsOf));
  CHECK(fresh.status == Status::Pass);
  unlink(path);
}

TEST_CASE("backup.fresh live: without a date the record stands, a failed probe is an error") {
  HttpTestServer server;
  auto undated = only(run_check_live("backup.fresh", plan_from(plan_with(server.url("/latest.dump"))), kAsOf));
  CHECK(undated.status == Status::Pass);
  CHECK(undated.message == "last success 1h ago, limit 2h (2 × schedule 1h); " +
                               server.url("/latest.dump") + " reports no Last-Modified");

  auto gone = only(run_check_live("backup.fresh", plan_from(plan_with(server.url("/x?status=404"))), kAsOf));
  CHECK(gone.status == Status::Pass);
  CHECK(gone.message.ends_with("; " + server.url("/x?status=404") + " answered HTTP 404, its date is unknown"));

  std::string down = "http://127.0.0.1:" + std::to_string(closed_port()) + "/latest.dump";
  auto refused = only(run_check_live("backup.fresh", plan_from(plan_with(down)), kAsOf));
  CHECK(refused.status == Status::Error);
  CHECK(refused.message == "could not read the date of " + down + ": connection refused (3 tries)");
}

TEST_CASE("backup.fresh live: a stale record is not probed") {
  Plan plan = plan_from(plan_with("file:///nonexistent/latest.dump"));
  Context ctx(plan, at("2026-12-06T12:00:00+08:00"), false);
  find_check("backup.fresh")->make(Params())->run(plan, ctx);
  CHECK(ctx.take_probes().empty());
  CHECK(ctx.take().at(0).status == Status::Fail);
}

}  // namespace
}  // namespace golive::test
