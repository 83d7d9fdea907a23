// Exec plugins that misbehave: each is stopped with everything it started and reported as an
// error finding, and golive itself never waits past the rule's timeout.
#include <doctest/doctest.h>

#include <signal.h>

#include <chrono>
#include <fstream>
#include <thread>

#include <fmt/format.h>

#include "checks/engine/limits.h"
#include "checks/engine/plugin.h"
#include "tests/support/process.h"

namespace golive {

using namespace std::chrono_literals;

namespace {

PluginOutcome run_script(const std::string& script, Duration timeout = Duration{2}) {
  PluginCall call;
  call.argv = {"bash", "-c", script};
  call.timeout = timeout;
  return run_plugin(call);
}

// Whether a process is gone (or a zombie nobody has reaped yet: dead all the same).
bool gone(pid_t pid) {
  for (int i = 0; i < 100; ++i) {
    auto stat = test::slurp(fmt::format("/proc/{}/stat", pid));
    if (!stat || stat->find(") Z ") != std::string::npos) return true;
    std::this_thread::sleep_for(20ms);
  }
  return false;
}

pid_t read_pid(const std::string& path) {
  auto text = test::slurp(path);
  return text ? static_cast<pid_t>(std::stol(*text)) : 0;
}

}  // namespace

TEST_CASE("exec faults: a plugin whose child holds stdout open is answered, the child killed") {
  test::TempDir dir;
  auto start = std::chrono::steady_clock::now();
  auto o = run_script(fmt::format(
      "sleep 60 & echo $! > {}; echo '{{\"status\": \"pass\", \"message\": \"ok\"}}'", dir.file("child")));
  CHECK(std::chrono::steady_clock::now() - start < 1500ms);
  CHECK(o.status == Status::Pass);
  CHECK(o.message == "ok");
  pid_t child = read_pid(dir.file("child"));
  REQUIRE(child > 0);
  CHECK(gone(child));
}

TEST_CASE("exec faults: a plugin that hangs with children is killed with them at the timeout") {
  test::TempDir dir;
  auto start = std::chrono::steady_clock::now();
  // 3 s, not 1: on a loaded machine (or under the sanitizers) bash may not have started the
  // child and written its pid within 1 s, and then there is nothing to check.
  auto o = run_script(fmt::format("sleep 60 & echo $! > {}; sleep 60", dir.file("child")), Duration{3});
  CHECK(std::chrono::steady_clock::now() - start < 6s);
  CHECK(o.status == Status::Error);
  CHECK(o.message.find("did not finish within 3s and was killed") != std::string::npos);
  pid_t child = read_pid(dir.file("child"));
  REQUIRE(child > 0);
  CHECK(gone(child));
}

TEST_CASE("exec faults: a plugin printing more than plugin-output is killed, at the limit it is read") {
  set_limit(Limit::PluginOutput, 1000);
  auto o = run_script("head -c 1000 /dev/zero | tr '\\0' x; exit 2");
  CHECK(o.status == Status::Fail);
  CHECK(o.message == std::string(1000, 'x'));
  o = run_script("head -c 1001 /dev/zero | tr '\\0' x; exit 0");
  CHECK(o.status == Status::Error);
  CHECK(o.message ==
        "plugin 'bash -c head -c 1001 /dev/zero | tr '\\0' x; exit 0' printed more than 1000 bytes on "
        "stdout and was killed: over the plugin-output limit of 1000; raise it with --limit "
        "plugin-output=N");
  reset_limits();
  // Endless output: stopped at the default limit, long before the timeout.
  auto start = std::chrono::steady_clock::now();
  o = run_script("yes 'megabytes of nothing'", Duration{30});
  CHECK(std::chrono::steady_clock::now() - start < 10s);
  CHECK(o.status == Status::Error);
  CHECK(o.message ==
        "plugin 'bash -c yes 'megabytes of nothing'' printed more than 1048576 bytes on stdout and "
        "was killed: over the plugin-output limit of 1MiB; raise it with --limit plugin-output=N");
}

TEST_CASE("exec faults: a plugin killed by a signal is an error saying which") {
  auto o = run_script("kill -SEGV $$");
  CHECK(o.status == Status::Error);
  CHECK(o.message == "plugin 'bash -c kill -SEGV $$' was killed by signal 11 (Segmentation fault)");
  o = run_script("kill -KILL $$");
  CHECK(o.message == "plugin 'bash -c kill -KILL $$' was killed by signal 9 (Killed)");
}

}  // namespace golive
