// The hostile-input suite: every file in tests/hostile/ is checked by the golive binary as
// a user would run it, and must end with the exit code and the exact messages written for
// it in tests/hostile/expected.txt, never by a signal. A sample of them is checked again with
// --lang zh-CN against tests/hostile/expected-zh-CN.txt: the same positions, the messages in
// Chinese. After an intended change, regenerate the expectations with GOLIVE_UPDATE_GOLDEN=1
// and review the diff line by line. The cases at the size limits are made at test time
// (hostile_limits_test.cpp), not committed.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "tests/cli/cli_support.h"
#include "tests/support/golden.h"

namespace golive::test {

namespace {

constexpr const char* kExpected = "expected.txt";
constexpr const char* kExpectedChinese = "expected-zh-CN.txt";

// One file per kind of message about the input: encodings, YAML, limits, keys, types,
// values, the format version.
const std::vector<std::string> kChineseSample = {
    "alias-bomb.yaml", "alias-cycle.yaml", "binary-png.bin.yaml", "bom-inside.yaml", "break-nel-in-comment.yaml",
    "comments-only.yaml", "cr-only.yaml", "date-no-offset.yaml",
    "dup-id-backups.yaml", "dup-key-root.yaml", "key-unknown.yaml",
    "multi-document.yaml", "type-bad-enum.yaml", "type-bad-phone.yaml",
    "type-map-for-list.yaml", "type-month-duration.yaml", "type-null-value.yaml",
    "type-quoted-boolean.yaml", "type-yes-for-boolean.yaml", "utf16le-no-bom.yaml",
    "version-2.yaml", "window-end-before-start.yaml", "zone-unknown.yaml",
};

struct Expectation {
  int exit_code = -1;
  std::string err;
};

std::string dir() { return source_dir() + "/tests/hostile"; }

// "name: 2" then the expected stderr, each line indented by two spaces.
std::map<std::string, Expectation> read_expectations(const std::string& file, std::string& header) {
  std::map<std::string, Expectation> out;
  std::ifstream in(dir() + "/" + file);
  std::string line;
  Expectation* current = nullptr;
  while (std::getline(in, line)) {
    if (line.rfind("#", 0) == 0) {
      header += line + "\n";
    } else if (line.rfind("  ", 0) == 0 && current) {
      current->err += line.substr(2) + "\n";
    } else if (auto colon = line.rfind(": "); colon != std::string::npos) {
      current = &out[line.substr(0, colon)];
      current->exit_code = std::stoi(line.substr(colon + 2));
    }
  }
  return out;
}

std::vector<std::string> case_files() {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir())) {
    std::string name = e.path().filename().string();
    if (name != kExpected && name != kExpectedChinese && name != "README.md") names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

// The arguments every hostile case is checked with: offline, at a fixed instant, and with
// only the checks the base plan (tests/fixtures/cli/ready.yaml) passes, so that a file
// read as meant is READY (exit 0) and every other outcome shows.
std::vector<std::string> hostile_args(const std::string& file) {
  return {"check",  "--offline", "--as-of", "2026-12-04T12:00:00+08:00", "-q", "--only",
          "backup.*,rollback.*,resources.*,plan.references-valid,plan.revision-current", file};
}

// Checks each of `files` with `extra` arguments against the expectations in `expected_file`
// (or rewrites that file, with GOLIVE_UPDATE_GOLDEN=1).
void check_files(const std::vector<std::string>& files, const std::vector<std::string>& extra,
                 const std::string& expected_file) {
  std::string header;
  const auto expected = read_expectations(expected_file, header);
  std::ostringstream rewritten;
  rewritten << header;
  ProcessOptions options;
  options.cwd = dir();
  for (const std::string& name : files) {
    CAPTURE(name);
    std::vector<std::string> args = hostile_args(name);
    args.insert(args.begin() + 1, extra.begin(), extra.end());
    ProcessResult r = run_golive(args, options);
    CHECK(r.signal == 0);
    CHECK(r.exit_code >= 0);
    CHECK(r.exit_code <= 2);
    rewritten << name << ": " << r.exit_code << "\n";
    std::istringstream err(r.err);
    for (std::string line; std::getline(err, line);) rewritten << "  " << line << "\n";
    if (updating_golden()) continue;
    auto it = expected.find(name);
    REQUIRE_MESSAGE(it != expected.end(), "no expectation for " << name << " (run with GOLIVE_UPDATE_GOLDEN=1)");
    CHECK(r.exit_code == it->second.exit_code);
    CHECK(r.err == it->second.err);
  }
  if (updating_golden()) {
    std::ofstream(dir() + "/" + expected_file, std::ios::binary) << rewritten.str();
    MESSAGE("updated " << dir() << "/" << expected_file);
    return;
  }
  for (const auto& [name, e] : expected)
    CHECK_MESSAGE(std::find(files.begin(), files.end(), name) != files.end(),
                  expected_file << " names a file not checked: " << name);
}

}  // namespace

TEST_CASE("hostile: every file ends with its exit code and exact messages, never a signal") {
  const auto files = case_files();
  CHECK(files.size() >= 60);
  check_files(files, {}, kExpected);
}

TEST_CASE("hostile: in Chinese, the same positions and exit codes with the messages in Chinese") {
  const auto files = case_files();
  for (const std::string& name : kChineseSample)
    CHECK_MESSAGE(std::find(files.begin(), files.end(), name) != files.end(), "no such hostile file: " << name);
  check_files(kChineseSample, {"--lang", "zh-CN"}, kExpectedChinese);
}

}  // namespace golive::test
