// The network module against a real HTTP(S) server on 127.0.0.1.

#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include <nlohmann/json.hpp>

#include "checks/engine/probe.h"
#include "tests/support/servers.h"
#include "tests/support/speaking.h"

namespace golive::test {
namespace {

using std::chrono::milliseconds;

HttpRequest get(const std::string& url) {
  HttpRequest r;
  r.url = url;
  r.backoff = milliseconds(20);
  return r;
}

HttpRequest head(const std::string& url) {
  HttpRequest r = get(url);
  r.method = HttpMethod::Head;
  return r;
}

TEST_CASE("probe: GET returns status, headers, body and Last-Modified") {
  HttpTestServer server;
  auto r = probe_one(get(server.url("/?size=12&last_modified=Fri,%2004%20Dec%202026%2015:00:00%20GMT")));
  REQUIRE(r.transport_ok());
  CHECK(r.status == 200);
  CHECK(r.body == std::string(12, 'x'));
  CHECK(r.content_length() == 12);
  REQUIRE(r.last_modified());
  CHECK(format_instant(*r.last_modified()) == "2026-12-04T15:00:00Z");
  CHECK(r.tries == 1);
  CHECK(*r.header("Content-Length") == "12");
  CHECK(r.effective_url == server.url("/?size=12&last_modified=Fri,%2004%20Dec%202026%2015:00:00%20GMT"));
}

TEST_CASE("probe: HEAD of a large object reads Content-Length without a body or a cap") {
  HttpTestServer server;
  auto r = probe_one(head(server.url("/?length=10737418240")));
  REQUIRE(r.transport_ok());
  CHECK(r.status == 200);
  CHECK(r.body.empty());
  CHECK(r.content_length() == int64_t{10737418240});
}

TEST_CASE("probe: a 5xx is retried three times, then reported with its status") {
  HttpTestServer server;
  auto r = probe_one(get(server.url("/?status=503")));
  CHECK(r.transport_ok());
  CHECK(r.status == 503);
  CHECK(r.tries == 3);
  auto stats = probe_one(get(server.url("/stats")));
  CHECK(stats.body.find("\"requests\": 3,") != std::string::npos);
}

TEST_CASE("probe: a flaky server answers on a later try, after a growing backoff") {
  HttpTestServer server;
  HttpRequest req = get(server.url("/flaky/a?fail=2"));
  req.backoff = milliseconds(150);
  auto r = probe_one(req);
  CHECK(r.status == 200);
  CHECK(r.tries == 3);
  CHECK(r.elapsed >= milliseconds(150 + 300));
}

TEST_CASE("probe: a 404 is an answer and is not retried") {
  HttpTestServer server;
  auto r = probe_one(get(server.url("/?status=404")));
  CHECK(r.status == 404);
  CHECK(r.tries == 1);
}

TEST_CASE("probe: a slow server times out per try, within bounds") {
  HttpTestServer server;
  HttpRequest req = get(server.url("/?delay_ms=3000"));
  req.timeout = milliseconds(200);
  req.tries = 2;
  auto start = std::chrono::steady_clock::now();
  auto r = probe_one(req);
  auto took = std::chrono::steady_clock::now() - start;
  CHECK(r.error == ProbeError::Timeout);
  CHECK(r.reason == "no answer within 200ms (2 tries)");
  CHECK(r.status == 0);
  CHECK(took < std::chrono::seconds(2));
}

TEST_CASE("probe: the run's --timeout applies when the request sets none") {
  HttpTestServer server;
  ProbeSettings settings;
  settings.timeout = milliseconds(1000);
  HttpRequest req = get(server.url("/?delay_ms=3000"));
  req.tries = 1;
  auto r = probe_one(req, settings);
  CHECK(r.error == ProbeError::Timeout);
  CHECK(r.reason == "no answer within 1s");
}

TEST_CASE("probe: a refused connection is an error after three tries") {
  auto r = probe_one(get("http://127.0.0.1:" + std::to_string(closed_port()) + "/healthz"));
  CHECK(r.error == ProbeError::Refused);
  CHECK(r.reason == "connection refused (3 tries)");
  CHECK(r.tries == 3);
}

TEST_CASE("probe: an unresolvable host is a DNS error") {
  HttpRequest req = get("http://golive-test.invalid/healthz");
  req.tries = 1;
  req.timeout = milliseconds(3000);
  auto r = probe_one(req);
  CHECK(r.error == ProbeError::Dns);
  CHECK(r.reason.rfind("host name not resolved: ", 0) == 0);
}

TEST_CASE("probe: up to five redirects are followed, a sixth is an error") {
  HttpTestServer server;
  auto ok = probe_one(get(server.url("/redirect/5")));
  CHECK(ok.status == 200);
  CHECK(ok.effective_url == server.url("/redirect/0"));
  auto r = probe_one(get(server.url("/redirect/6")));
  CHECK(r.error == ProbeError::Redirect);
  CHECK(r.reason == "more than 5 redirects");
  CHECK(r.tries == 1);
}

TEST_CASE("probe: a redirect to another scheme is refused") {
  HttpTestServer server;
  HttpTestServer tls({.tls = true});
  auto to_https = probe_one(get(server.url("/?status=302&location=" + tls.url("/"))));
  CHECK(to_https.error == ProbeError::Redirect);
  CHECK(to_https.reason == "redirect to another scheme refused (only http is followed)");
  auto to_file = probe_one(get(server.url("/?status=302&location=file:///etc/passwd")));
  CHECK(to_file.error == ProbeError::Redirect);
  CHECK(to_file.body.empty());
}

TEST_CASE("probe: a body above the cap is refused") {
  HttpTestServer server;
  HttpRequest req = get(server.url("/?size=2048"));
  req.max_body = 1024;
  auto r = probe_one(req);
  CHECK(r.error == ProbeError::TooLarge);
  CHECK(r.reason == "body larger than 1024 bytes");
  CHECK(r.tries == 1);
  HttpRequest fits = get(server.url("/?size=1024"));
  fits.max_body = 1024;
  CHECK(probe_one(fits).body.size() == 1024);
  // The default cap is 8 MiB.
  auto big = probe_one(get(server.url("/?size=" + std::to_string(8 * 1024 * 1024 + 1))));
  CHECK(big.error == ProbeError::TooLarge);
}

TEST_CASE("probe, zh-CN: the network module's reasons are in Chinese, libcurl's own words as it wrote them") {
  Speaking zh("zh-CN");
  HttpTestServer server;
  auto refused = probe_one(get("http://127.0.0.1:" + std::to_string(closed_port()) + "/healthz"));
  CHECK(refused.reason == "连接被拒绝（尝试 3 次）");
  HttpRequest slow = get(server.url("/?delay_ms=3000"));
  slow.timeout = milliseconds(200);
  slow.tries = 2;
  CHECK(probe_one(slow).reason == "200ms 内没有应答（尝试 2 次）");
  CHECK(probe_one(get(server.url("/redirect/6"))).reason == "重定向超过 5 次");
  HttpTestServer tls({.tls = true});
  CHECK(probe_one(get(server.url("/?status=302&location=" + tls.url("/")))).reason ==
        "拒绝重定向到其他协议（只跟随 http）");
  HttpRequest big = get(server.url("/?size=2048"));
  big.max_body = 1024;
  CHECK(probe_one(big).reason == "应答正文超过 1024 字节");
  HttpRequest untrusted = get(tls.url("/healthz"));
  untrusted.tries = 1;
  CHECK(probe_one(untrusted).reason.rfind("TLS 验证失败：", 0) == 0);
  HttpRequest nowhere = get("http://golive-test.invalid/healthz");
  nowhere.tries = 1;
  nowhere.timeout = milliseconds(3000);
  const std::string dns = probe_one(nowhere).reason;
  CHECK(dns.rfind("无法解析主机名：", 0) == 0);
  CHECK(dns.find("golive-test.invalid") != std::string::npos);  // libcurl's words, which name the host
}

TEST_CASE("probe: TLS is verified, and a CA bundle makes a private CA trusted") {
  HttpTestServer server({.tls = true});
  HttpRequest req = get(server.url("/healthz"));
  req.tries = 1;
  auto untrusted = probe_one(req);
  CHECK(untrusted.error == ProbeError::Tls);
  CHECK(untrusted.reason.rfind("TLS verification failed: ", 0) == 0);

  req.ca_bundle = source_path("tests/fixtures/tls/localhost.crt");
  CHECK(probe_one(req).status == 200);

  req.ca_bundle.clear();
  ProbeSettings settings;
  settings.ca_bundle = source_path("tests/fixtures/tls/localhost.crt");
  CHECK(probe_one(req, settings).status == 200);

  ScopedEnv env("GOLIVE_CA_BUNDLE", source_path("tests/fixtures/tls/localhost.crt"));
  CHECK(probe_one(req).status == 200);
}

TEST_CASE("probe: a bearer token comes from ${env:NAME} and never shows") {
  HttpTestServer server({.token = "tok-3f9a1c77"});
  HttpRequest req = get(server.url("/auth"));
  req.bearer_token = "${env:GOLIVE_TEST_TOKEN}";
  {
    ScopedEnv env("GOLIVE_TEST_TOKEN", "tok-3f9a1c77");
    CHECK(probe_one(req).status == 200);
  }
  {
    ScopedEnv env("GOLIVE_TEST_TOKEN", "wrong-token-value");
    auto r = probe_one(req);
    CHECK(r.status == 401);
  }
  ScopedEnv unset("GOLIVE_TEST_TOKEN", "");
  auto r = probe_one(req);
  CHECK(r.error == ProbeError::Credentials);
  CHECK(r.reason == "bearer token ${env:GOLIVE_TEST_TOKEN} is not set");
}

TEST_CASE("probe: userinfo in a URL never reaches the response") {
  std::string url = "http://admin:pa55-w0rd@127.0.0.1:" + std::to_string(closed_port()) + "/x?token=abc123";
  auto r = probe_one(get(url));
  CHECK(r.error == ProbeError::Refused);
  CHECK(r.effective_url.find("pa55-w0rd") == std::string::npos);
  CHECK(r.effective_url.find("abc123") == std::string::npos);
  CHECK(r.reason.find("pa55-w0rd") == std::string::npos);
}

TEST_CASE("probe: probes run together up to the concurrency limit") {
  HttpTestServer server;
  std::vector<HttpRequest> requests(24, get(server.url("/?delay_ms=300")));

  ProbeSettings wide;
  wide.concurrency = 24;
  probe_one(get(server.url("/reset")));  // also loads the module before timing
  auto start = std::chrono::steady_clock::now();
  auto answers = execute_probes(requests, wide);
  auto together = std::chrono::steady_clock::now() - start;
  for (const auto& a : answers) CHECK(a.status == 200);
  // 24 × 300 ms one after the other would take 7.2 s.
  CHECK(together < std::chrono::milliseconds(2500));
  auto stats = nlohmann::json::parse(probe_one(get(server.url("/stats"))).body);
  CHECK(stats["requests"] == 24);
  CHECK(stats["max_in_flight"] >= 12);

  ProbeSettings narrow;
  narrow.concurrency = 4;
  probe_one(get(server.url("/reset")));
  std::vector<HttpRequest> few(8, get(server.url("/?delay_ms=100")));
  for (const auto& a : execute_probes(few, narrow)) CHECK(a.status == 200);
  stats = nlohmann::json::parse(probe_one(get(server.url("/stats"))).body);
  CHECK(stats["max_in_flight"] == 4);  // never more than the limit
}

TEST_CASE("probe: unsupported schemes and malformed URLs are errors, not crashes") {
  auto ftp = probe_one(get("ftp://example.com/backup.dump"));
  CHECK(ftp.error == ProbeError::Unsupported);
  CHECK(ftp.reason == "scheme ftp cannot be probed (use http, https, s3 or file)");
  auto bare = probe_one(get("backup.dump"));
  CHECK(bare.error == ProbeError::Unsupported);
  CHECK(bare.reason == "not a URL (expected http://, https://, s3:// or file://)");
}

TEST_CASE("probe: an http probe loads libcurl into the process") {
  HttpTestServer server;
  CHECK(probe_one(get(server.url("/"))).status == 200);
  CHECK(probe_module_loaded());
  CHECK(maps_library("self", "libcurl"));
  CHECK(maps_library("self", "golive-net.so"));
}

}  // namespace
}  // namespace golive::test
