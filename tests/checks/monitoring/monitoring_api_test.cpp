// What the monitoring checks say about a Prometheus or Alertmanager answer they cannot use
// (checks/monitoring/monitoring_api.h), in English and in Chinese.
#include <doctest/doctest.h>

#include "checks/monitoring/monitoring_api.h"
#include "tests/support/speaking.h"

namespace golive::test {

namespace {

HttpResponse answer(long status, std::string body) {
  HttpResponse r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

// The `why` api_json() gives for `r`, "" when it returns the JSON.
std::string why(const HttpResponse& r, bool prometheus) {
  std::string out;
  if (api_json(r, prometheus, out)) return "";
  return out;
}

}  // namespace

TEST_CASE("monitoring_api: an unusable answer, in English and in Chinese") {
  const HttpResponse refused_query = answer(400, R"({"status":"error","error":"parse error"})");
  const HttpResponse unavailable = answer(503, "down");
  const HttpResponse html = answer(200, "<html>");
  const HttpResponse status_error = answer(200, R"({"status":"error","error":"bad query"})");
  const HttpResponse not_prometheus = answer(200, R"({"ok":true})");
  const HttpResponse good = answer(200, R"({"status":"success","data":[]})");

  CHECK(why(refused_query, true) == "answered 400: parse error");
  CHECK(why(unavailable, true) == "answered 503");
  CHECK(why(html, false) == "answered 200 with a body that is not JSON");
  CHECK(why(status_error, true) == "answered status error: bad query");
  CHECK(why(not_prometheus, true) == "the answer is not a Prometheus API response (no status success and data)");
  CHECK(why(not_prometheus, false) == "");
  CHECK(why(good, true) == "");

  Speaking zh("zh-CN");
  CHECK(why(refused_query, true) == "返回 400：parse error");
  CHECK(why(unavailable, true) == "返回 503");
  CHECK(why(html, false) == "返回 200，但应答正文不是 JSON");
  CHECK(why(status_error, true) == "返回 status error：bad query");
  CHECK(why(not_prometheus, true) == "应答不是 Prometheus API 的响应（没有 status: success 和 data）");
  HttpResponse transport;
  transport.error = ProbeError::Refused;
  transport.reason = "connection refused (3 tries)";
  CHECK(why(transport, true) == "connection refused (3 tries)");  // the network module's words
}

}  // namespace golive::test
