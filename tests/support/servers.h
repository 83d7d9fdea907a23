#pragma once
/// Real servers on 127.0.0.1 for the live-probe tests, and running child processes with a
/// deadline. Every wait is bounded: a broken fixture fails the test, it never hangs it.

#include <sys/types.h>

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "checks/engine/check.h"
#include "checks/engine/plan.h"
#include "checks/engine/probe.h"

namespace golive::test {

/// What a finished child process left behind.
struct ChildResult {
  int exit_code = -1;  ///< -1 when killed at the deadline or by a signal
  bool timed_out = false;
  std::string out;
  std::string err;
};

/// Runs argv (argv[0] looked up in PATH) with extra environment variables, killing it at
/// `timeout`.
ChildResult run_child(const std::vector<std::string>& argv,
                          const std::vector<std::pair<std::string, std::string>>& env = {},
                          std::chrono::milliseconds timeout = std::chrono::seconds(30),
                          const std::string& stdin_text = "");

/// A server process that prints its port as the first line of stdout. Stopped (stdin
/// closed, then SIGTERM, then SIGKILL, each wait bounded) when destroyed.
class ServerProcess {
 public:
  ServerProcess(const std::vector<std::string>& argv,
                const std::vector<std::pair<std::string, std::string>>& env = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }

 private:
  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  int port_ = 0;
};

/// tests/fixtures/http_server.py: status, latency, body size, Last-Modified and redirects
/// steered by the query string (see the script).
class HttpTestServer {
 public:
  struct Options {
    bool tls = false;   ///< serve https with tests/fixtures/tls/localhost.crt
    std::string token{};  ///< bearer token /auth accepts
  };
  HttpTestServer() : HttpTestServer(Options{}) {}
  explicit HttpTestServer(const Options& options);

  int port() const { return process_.port(); }
  /// `http://127.0.0.1:PORT` + path (https with tls).
  std::string url(const std::string& path = "/") const;

 private:
  std::string scheme_;
  ServerProcess process_;
};

/// tests/fixtures/s3/server.js: s3rver with SigV4 verification, objects in a temporary
/// directory removed on destruction.
class S3TestServer {
 public:
  S3TestServer(std::string access_key, std::string secret_key);
  ~S3TestServer();

  int port() const { return process_->port(); }
  std::string endpoint() const;
  /// Creates a bucket through the S3 API (signed PUT with the curl command).
  void create_bucket(const std::string& bucket);
  /// Uploads `content` as bucket/key (any characters; encoded with s3_key_path()) through
  /// the S3 API.
  void put_object(const std::string& bucket, const std::string& key, const std::string& content);

 private:
  std::string dir_;
  std::string access_key_, secret_key_;
  std::unique_ptr<ServerProcess> process_;
};

/// Path of a file in the source tree (`tests/fixtures/tls/localhost.crt`).
std::string source_path(const std::string& relative);

/// A port on 127.0.0.1 where nothing listens (bound, then released).
int closed_port();

/// Sets an environment variable for the scope; restores the previous value after.
class ScopedEnv {
 public:
  ScopedEnv(std::string name, const std::string& value);  ///< empty value = unset
  ~ScopedEnv();
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  std::string name_;
  bool had_ = false;
  std::string old_;
};

/// Runs one check as the runner does with live probes on (offline false): run(), then
/// every queued probe together, then the callbacks. Returns the findings.
std::vector<Finding> run_check_live(const std::string& id, const Plan& plan, Instant as_of,
                                    const ProbeSettings& settings = {},
                                    const std::vector<std::pair<std::string, std::string>>& params = {});

/// Runs execute_probes() on one request with the build tree's network module.
HttpResponse probe_one(const HttpRequest& request, const ProbeSettings& settings = {});

/// True when the shared object `name` (e.g. "libcurl") is mapped in process `pid`
/// ("self" for this one), from /proc/PID/maps.
bool maps_library(const std::string& pid, const std::string& name);

}  // namespace golive::test
