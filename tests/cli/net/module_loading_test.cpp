// libcurl is loaded only by runs that probe (as git keeps curl in git-remote-https):
// proven on the real `golive` binary with the dynamic loader's own log (LD_DEBUG=libs).

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "tests/support/process.h"
#include "tests/support/servers.h"

namespace golive::test {
namespace {

/// A plan with one tier-2 system whose health check is at `url`, and a ruleset that runs
/// monitoring.health-checks, in a temporary directory.
struct LivePlan {
  std::string dir;
  std::string plan, ruleset;
  explicit LivePlan(const std::string& url) {
    char tmpl[] = "/tmp/golive-live-XXXXXX";
    REQUIRE(mkdtemp(tmpl) != nullptr);
    dir = tmpl;
    plan = dir + "/plan.yaml";
    ruleset = dir + "/live.yaml";
    // tests/fixtures/live/: the plan (with the URL filled in) and its ruleset, shared with
    // the package test.
    std::string text = slurp(source_dir() + "/tests/fixtures/live/health-plan.yaml.in").value();
    text.replace(text.find("@URL@"), 5, url);
    std::ofstream(plan) << text;
    std::ofstream(ruleset) << slurp(source_dir() + "/tests/fixtures/live/live.yaml").value();
  }
  ~LivePlan() {
    std::remove(plan.c_str());
    std::remove(ruleset.c_str());
    rmdir(dir.c_str());
  }
  std::vector<std::string> check(const std::vector<std::string>& extra = {}) const {
    std::vector<std::string> argv = {golive::test::golive_binary(), "check", "--as-of", "2026-12-04T12:00:00+08:00",
                                     "-r", ruleset, "--only", "monitoring.health-checks",
                                     "--format", "json"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    argv.push_back(plan);
    return argv;
  }
};

const std::vector<std::pair<std::string, std::string>> kLoaderLog = {{"LD_DEBUG", "libs"}};

bool loads_curl(const ChildResult& r) { return r.err.find("libcurl") != std::string::npos; }

TEST_CASE("libcurl: validate, list-checks and --offline runs never load it") {
  LivePlan live("http://127.0.0.1:9/healthz");
  auto validate = run_child({golive::test::golive_binary(), "validate", live.plan}, kLoaderLog);
  CHECK(validate.exit_code == 0);
  CHECK(validate.err.find("calling init:") != std::string::npos);  // the log is on
  CHECK_FALSE(loads_curl(validate));

  auto list = run_child({golive::test::golive_binary(), "list-checks"}, kLoaderLog);
  CHECK(list.exit_code == 0);
  CHECK_FALSE(loads_curl(list));

  auto offline = run_child(live.check({"--offline"}), kLoaderLog);
  CHECK(offline.exit_code == 0);
  CHECK(offline.out.find("not probed: offline") != std::string::npos);
  CHECK_FALSE(loads_curl(offline));
  CHECK(offline.err.find("golive-net.so") == std::string::npos);
}

TEST_CASE("libcurl: a run with a live probe loads it, through the network module") {
  HttpTestServer server;
  LivePlan live(server.url("/healthz"));
  auto r = run_child(live.check(), kLoaderLog);
  CHECK(r.exit_code == 0);
  CHECK(loads_curl(r));
  CHECK(r.err.find("golive-net.so") != std::string::npos);
  CHECK(r.out.find("GET " + server.url("/healthz") + " answered 200") != std::string::npos);
}

TEST_CASE("libcurl: a missing network module is a blocking error finding, not a crash") {
  LivePlan live("http://127.0.0.1:9/healthz");
  auto r = run_child(live.check(), {{"GOLIVE_NET_MODULE", "/nonexistent/golive-net.so"}});
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("\"status\": \"error\"") != std::string::npos);
  CHECK(r.out.find("network module /nonexistent/golive-net.so could not be loaded: "
                   "/nonexistent/golive-net.so: cannot open shared object file: No such file or "
                   "directory; reinstall golive (the module belongs in PREFIX/lib/golive/ beside "
                   "PREFIX/bin/golive), or set GOLIVE_NET_MODULE to the golive-net.so built with "
                   "this golive; --offline runs without it") != std::string::npos);
  // The fix is about golive's installation, not the network.
  CHECK(r.out.find("\"remediation\": \"Install golive with its network module (or set "
                   "GOLIVE_NET_MODULE), or run with --offline; see the message\"") != std::string::npos);
  CHECK(r.out.find("proxy") == std::string::npos);
}

TEST_CASE("libcurl: a golive copied without its module says where it looked and how to fix it") {
  LivePlan live("http://127.0.0.1:9/healthz");
  TempDir bin;
  std::string copy = bin.file("golive");
  REQUIRE(run_child({"cp", golive::test::golive_binary(), copy}).exit_code == 0);
  std::vector<std::string> argv = live.check();
  argv[0] = copy;
  auto r = run_child(argv);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("network module golive-net.so not found (looked for " + bin.path() + "/golive-net.so and " +
                   bin.path() + "/../lib/golive/golive-net.so): reinstall golive") != std::string::npos);
}

}  // namespace
}  // namespace golive::test
