// The engine side of probes: secrets, HTTP dates, file:// stats, the queue.

#include "checks/engine/probe.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

#include "checks/engine/check.h"
#include "tests/support/speaking.h"
#include "tests/support/fixtures.h"
#include "tests/support/servers.h"

namespace golive::test {
namespace {

TEST_CASE("percent_encode: unreserved characters stay, every other byte is %XX") {
  CHECK(percent_encode("node_up-1.2_~") == "node_up-1.2_~");
  CHECK(percent_encode("sum(rate(x{job=\"edge\"}[5m])) * 8 / 1e6 + 1") ==
        "sum%28rate%28x%7Bjob%3D%22edge%22%7D%5B5m%5D%29%29%20%2A%208%20%2F%201e6%20%2B%201");
  CHECK(percent_encode("张") == "%E5%BC%A0");
  CHECK(percent_encode("") == "");
}

TEST_CASE("is_http_url: http and https with a host part, in any case") {
  CHECK(is_http_url("http://127.0.0.1:8080/healthz"));
  CHECK(is_http_url("HTTPS://grafana.example.com/d/payments"));
  CHECK_FALSE(is_http_url("https://"));
  CHECK_FALSE(is_http_url("ftp://example.com/x"));
  CHECK_FALSE(is_http_url("grafana.example.com/d/payments"));
  CHECK_FALSE(is_http_url("httpx://example.com"));
  CHECK_FALSE(is_http_url(""));
}

TEST_CASE("resolve_secret: ${env:NAME} is read from the environment") {
  ScopedEnv env("GOLIVE_TEST_SECRET", "s-123");
  CHECK(resolve_secret("${env:GOLIVE_TEST_SECRET}") == "s-123");
  CHECK(resolve_secret("plain") == "plain");
  ScopedEnv unset("GOLIVE_TEST_SECRET", "");
  CHECK_FALSE(resolve_secret("${env:GOLIVE_TEST_SECRET}"));
}

TEST_CASE("parse_http_date: the three forms of RFC 9110 and the +0000 variant") {
  const std::string expected = "1994-11-06T08:49:37Z";
  CHECK(format_instant(*parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT")) == expected);     // IMF-fixdate
  CHECK(format_instant(*parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT")) == expected);    // RFC 850
  CHECK(format_instant(*parse_http_date("Sun Nov  6 08:49:37 1994")) == expected);          // asctime
  CHECK(format_instant(*parse_http_date("Sun, 06 Nov 1994 08:49:37 +0000")) == expected);   // numeric zone
  CHECK(format_instant(*parse_http_date("Sunday, 06-Nov-94 08:49:37 +0000")) == expected);
  CHECK(format_instant(*parse_http_date("  Sun, 06 Nov 1994 08:49:37 GMT ")) == expected);
  // RFC 850's two-digit year: more than 50 years ahead means the past century.
  CHECK(format_instant(*parse_http_date("Friday, 04-Dec-26 02:30:00 GMT")) == "2026-12-04T02:30:00Z");
  CHECK(format_instant(*parse_http_date("Fri Dec 04 02:30:00 2026")) == "2026-12-04T02:30:00Z");
  CHECK(format_instant(*parse_http_date("Wed, 31 Dec 2025 23:59:60 GMT")) == "2026-01-01T00:00:00Z");
}

TEST_CASE("parse_http_date: malformed or impossible dates are not dates") {
  for (const char* bad : {"", "yesterday", "2026-12-04T02:30:00Z", "Sun, 31 Feb 2026 08:49:37 GMT",
                          "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 06 Nov 1994 08:49:37 +0800",
                          "Sun, 06 Nov 1994 24:00:00 GMT", "Sun, 6 Nov 1994 08:49:37 GMT", "sun, 06 Nov 1994 08:49:37 GMT",
                          "Sun, 06 nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 08:49:37 GMT x", "Sun, 06 Nov 1994 08:49:37",
                          "Sund, 06-Nov-94 08:49:37 GMT", "Sunday, 06-Nov-1994 08:49:37 GMT", "Sun Nov 6 08:49:37 1994",
                          "Sun Nov  6 08:49:37 94", "Xyz, 06 Nov 1994 08:49:37 GMT"}) {
    INFO(bad);
    CHECK_FALSE(parse_http_date(bad));
  }
}

TEST_CASE("s3_key_path: every byte outside A-Za-z0-9-._~ encoded once, slashes kept") {
  CHECK(s3_key_path("payments-db/latest.dump") == "payments-db/latest.dump");
  CHECK(s3_key_path("dt=2026-12-04/daily.dump") == "dt%3D2026-12-04/daily.dump");
  CHECK(s3_key_path("2026-12-04T03:15:00Z.snap") == "2026-12-04T03%3A15%3A00Z.snap");
  CHECK(s3_key_path("settlement db/备份 latest.dump") ==
        "settlement%20db/%E5%A4%87%E4%BB%BD%20latest.dump");
  CHECK(s3_key_path("a@b+c,d~e%20f") == "a%40b%2Bc%2Cd~e%2520f");
  CHECK(s3_key_path("a//b/") == "a//b/");
}

TEST_CASE("file:// probes stat the file without the network") {
  char path[] = "/tmp/golive-probe-XXXXXX";
  int fd = mkstemp(path);
  REQUIRE(fd >= 0);
  REQUIRE(write(fd, "backup", 6) == 6);
  close(fd);
  timeval times[2] = {{1796396400, 0}, {1796396400, 0}};  // 2026-12-04T15:00:00Z
  REQUIRE(utimes(path, times) == 0);

  HttpRequest req;
  req.url = std::string("file://") + path;
  auto r = execute_probes({req}, {}).at(0);
  REQUIRE(r.transport_ok());
  CHECK(r.content_length() == 6);
  CHECK(format_instant(*r.last_modified()) == "2026-12-04T15:00:00Z");
  std::remove(path);

  auto missing = execute_probes({req}, {}).at(0);
  CHECK(missing.error == ProbeError::NotFound);
  CHECK(missing.reason == std::string(path) + ": No such file or directory");

  req.url = "file:///tmp";
  CHECK(execute_probes({req}, {}).at(0).reason == "/tmp: not a regular file");
  req.url = "file://backup-host/var/a.dump";
  CHECK(execute_probes({req}, {}).at(0).reason == "only local files can be checked (file:///path)");
}

TEST_CASE("Context::probe: queued in order, nothing when offline, throwing callbacks become errors") {
  Plan plan = plan_from("");
  Context offline(plan, at("2026-12-04T00:00:00Z"), true);
  offline.probe({.url = "file:///nonexistent"}, [](const HttpResponse&) {});
  CHECK(offline.take_probes().empty());

  Context ctx(plan, at("2026-12-04T00:00:00Z"), false);
  std::vector<std::string> order;
  ctx.probe({.url = "file:///nonexistent-a"}, [&](const HttpResponse&) { order.push_back("a"); });
  ctx.probe({.url = "file:///nonexistent-b"}, [&](const HttpResponse& r) {
    order.push_back("b");
    throw std::runtime_error(r.reason);
  });
  run_probes(ctx.take_probes(), {});
  CHECK(order == std::vector<std::string>{"a", "b"});
  auto findings = ctx.take();
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Error);
  CHECK(findings[0].message ==
        "live probe could not be evaluated: /nonexistent-b: No such file or directory");
}

TEST_CASE("probe, zh-CN: what golive itself says about a URL it cannot probe is in Chinese") {
  Speaking zh("zh-CN");
  HttpRequest req;
  req.url = "ftp://backups.example.com/db.dump";
  CHECK(execute_probes({req}, {}).at(0).reason == "无法探测 ftp 协议（请使用 http、https、s3 或 file）");
  req.url = "file:///tmp";
  CHECK(execute_probes({req}, {}).at(0).reason == "/tmp：不是普通文件");
}

}  // namespace
}  // namespace golive::test
