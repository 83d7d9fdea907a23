// s3:// probes: a SigV4-signed HEAD against a real S3-compatible server (s3rver).

#include <doctest/doctest.h>

#include <string>

#include "checks/engine/probe.h"
#include "tests/support/servers.h"

namespace golive::test {
namespace {

constexpr const char* kAccessKey = "GOLIVETESTKEY";
constexpr const char* kSecretKey = "sEcReT/9f8e7d6c5b4a";

/// An S3 server with bucket `backups` holding `db/latest.dump` (7 bytes) and `db/empty`.
struct S3World {
  S3TestServer s3{kAccessKey, kSecretKey};
  S3World() {
    s3.create_bucket("backups");
    s3.put_object("backups", "db/latest.dump", "pg-dump");
    s3.put_object("backups", "db/empty", "");
  }
};

HttpRequest s3_head(const std::string& url) {
  HttpRequest r;
  r.url = url;
  r.backoff = std::chrono::milliseconds(20);
  return r;
}

TEST_CASE("s3 probe: a signed HEAD finds the object, its size and Last-Modified") {
  S3World world;
  ScopedEnv endpoint("GOLIVE_S3_ENDPOINT", world.s3.endpoint());
  ScopedEnv ak("AWS_ACCESS_KEY_ID", kAccessKey);
  ScopedEnv sk("AWS_SECRET_ACCESS_KEY", kSecretKey);
  ScopedEnv region("AWS_REGION", "");
  auto r = probe_one(s3_head("s3://backups/db/latest.dump"));
  REQUIRE(r.transport_ok());
  CHECK(r.status == 200);
  CHECK(r.content_length() == 7);
  CHECK(r.last_modified().has_value());
  CHECK(r.effective_url == world.s3.endpoint() + "/backups/db/latest.dump");

  auto empty = probe_one(s3_head("s3://backups/db/empty"));
  CHECK(empty.status == 200);
  CHECK(empty.content_length() == 0);

  auto missing = probe_one(s3_head("s3://backups/db/nothing-here"));
  CHECK(missing.status == 404);
  CHECK(missing.tries == 1);
}

TEST_CASE("s3 probe: AWS_ENDPOINT_URL is used when GOLIVE_S3_ENDPOINT is unset") {
  S3World world;
  ScopedEnv endpoint("GOLIVE_S3_ENDPOINT", "");
  ScopedEnv aws("AWS_ENDPOINT_URL", world.s3.endpoint() + "/");
  ScopedEnv ak("AWS_ACCESS_KEY_ID", kAccessKey);
  ScopedEnv sk("AWS_SECRET_ACCESS_KEY", kSecretKey);
  CHECK(probe_one(s3_head("s3://backups/db/latest.dump")).status == 200);
}

TEST_CASE("s3 probe: a wrong secret key is refused and never appears in the answer") {
  S3World world;
  ScopedEnv endpoint("GOLIVE_S3_ENDPOINT", world.s3.endpoint());
  ScopedEnv ak("AWS_ACCESS_KEY_ID", kAccessKey);
  ScopedEnv sk("AWS_SECRET_ACCESS_KEY", "wrong-secret-5e5e5e");
  auto r = probe_one(s3_head("s3://backups/db/latest.dump"));
  CHECK(r.status == 403);
  for (const std::string& text : {r.reason, r.effective_url, r.body}) {
    CHECK(text.find("wrong-secret-5e5e5e") == std::string::npos);
    CHECK(text.find(kSecretKey) == std::string::npos);
  }
  for (const auto& [k, v] : r.headers) CHECK(v.find("wrong-secret-5e5e5e") == std::string::npos);
}

TEST_CASE("s3 probe: an unknown access key is refused") {
  S3World world;
  ScopedEnv endpoint("GOLIVE_S3_ENDPOINT", world.s3.endpoint());
  ScopedEnv ak("AWS_ACCESS_KEY_ID", "NOSUCHKEY");
  ScopedEnv sk("AWS_SECRET_ACCESS_KEY", kSecretKey);
  CHECK(probe_one(s3_head("s3://backups/db/latest.dump")).status == 403);
}

TEST_CASE("s3 probe: without keys nothing is sent and the reason says which variables") {
  ScopedEnv endpoint("GOLIVE_S3_ENDPOINT", "http://127.0.0.1:" + std::to_string(closed_port()));
  ScopedEnv ak("AWS_ACCESS_KEY_ID", "");
  ScopedEnv sk("AWS_SECRET_ACCESS_KEY", "");
  auto r = probe_one(s3_head("s3://backups/db/latest.dump"));
  CHECK(r.error == ProbeError::Credentials);
  CHECK(r.reason == "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set to probe S3");
  auto bad = probe_one(s3_head("s3://backups"));
  CHECK(bad.error == ProbeError::Unsupported);
  CHECK(bad.reason == "expected s3://bucket/key");
}

}  // namespace
}  // namespace golive::test
