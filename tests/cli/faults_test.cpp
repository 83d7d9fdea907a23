// Faults around a run: interrupts, and report files that cannot be written. golive exits
// with a code, never by a signal, and leaves no partial report file behind.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "tests/cli/cli_support.h"

namespace golive::test {

namespace {

const std::string kHangRules =
    "ruleset: hang\nversion: 1.0.0\ndescription: A plugin that never answers\nrules:\n"
    "  - {id: custom.hang, exec: [bash, -c, 'sleep 60 & echo $! > child.pid; sleep 60'], "
    "timeout: 1h, severity: gate}\n";

std::string plan() { return source_dir() + "/" + fixture("ready.yaml"); }

// golive check in the background, interrupted with `sig` once its plugin has started.
std::string interrupted(const std::string& sig) {
  return fmt::format(
      "\"$0\" check --offline --as-of {} --no-auto-rulesets -r hang.yaml --report json:out/r.json {} "
      ">/dev/null & pid=$!\n"
      "for i in $(seq 200); do [ -s child.pid ] && break; sleep 0.05; done\n"
      "kill -{} $pid; wait $pid; echo \"exit $?\"",
      kAsOf, plan(), sig);
}

bool gone(const std::string& pid_file) {
  auto text = slurp(pid_file);
  if (!text) return false;
  for (int i = 0; i < 100; ++i) {
    auto stat = slurp(fmt::format("/proc/{}/stat", std::stol(*text)));
    if (!stat || stat->find(") Z ") != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

bool empty_dir(const std::string& path) { return std::filesystem::is_empty(path); }

// A report written to the fixture plan's run, to `path`: `check` exits 2 when it cannot.
ProcessResult report_to(const std::string& script_prefix, const std::string& path, ProcessOptions options = {}) {
  return run_golive_shell(
      fmt::format("{}\"$0\" check --offline --as-of {} -q --only 'backup.*' --report json:{} {}",
                  script_prefix, kAsOf, path, plan()),
      options);
}

}  // namespace

TEST_CASE("faults: SIGINT and SIGTERM exit 130 and 143, kill the plugins, leave no report") {
  for (const auto& [sig, code] : {std::pair{"INT", 130}, {"TERM", 143}}) {
    CAPTURE(sig);
    TempDir dir;
    dir.write("hang.yaml", kHangRules);
    std::filesystem::create_directory(dir.file("out"));
    ProcessOptions options;
    options.cwd = dir.path();
    ProcessResult r = run_golive_shell(interrupted(sig), options);
    CHECK(r.out == fmt::format("exit {}\n", code));
    CHECK(empty_dir(dir.file("out")));
    CHECK(gone(dir.file("child.pid")));
  }
}

TEST_CASE("faults: a report that cannot be written is an error, and no partial file is left") {
  TempDir dir;
  ProcessResult r = report_to("", dir.file("missing/r.json"));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "golive: error: cannot write report " + dir.file("missing/r.json") +
                     ": No such file or directory\n");

  // A full disk, as a file-size limit makes it: the write fails with EFBIG instead of
  // golive dying of SIGXFSZ.
  r = report_to("ulimit -f 1; ", dir.file("r.json"));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "golive: error: cannot write report " + dir.file("r.json") + ": File too large\n");
  CHECK(empty_dir(dir.path()));
}

TEST_CASE("faults: a full file system and a read-only one") {
  // A private mount namespace gives a small tmpfs and a read-only one without touching the
  // machine; where namespaces are not allowed, the cases cannot be set up.
  if (run_golive_shell("unshare -m true").exit_code != 0) {
    MESSAGE("unshare -m is not permitted here: full and read-only file systems not tested");
    return;
  }
  TempDir dir;
  const std::string mnt = dir.file("mnt");
  std::filesystem::create_directory(mnt);
  auto in_mount = [&](const std::string& mount_options) {
    return fmt::format("exec unshare -m bash -c 'mount -t tmpfs -o {} none {} && \"$0\" check --offline "
                       "--as-of {} -q --only backup.* --report json:{}/r.json {}; rc=$?; ls -A {}; exit $rc' \"$0\"",
                       mount_options, mnt, kAsOf, mnt, plan(), mnt);
  };
  ProcessResult r = run_golive_shell(in_mount("size=4k"));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "golive: error: cannot write report " + mnt + "/r.json: No space left on device\n");
  CHECK(r.out.find(".r.json.tmp") == std::string::npos);
  r = run_golive_shell(in_mount("ro"));
  CHECK(r.exit_code == 2);
  CHECK(r.err == "golive: error: cannot write report " + mnt + "/r.json: Read-only file system\n");
}

}  // namespace golive::test
