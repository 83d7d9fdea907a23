#pragma once
/// The consumers that read each report format, shared by the format tests and the
/// hostile-text test: xmllint with the project's JUnit schema and two JUnit readers,
/// Microsoft's sarif-multitool, and headless chromium.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "tests/cli/report/report_support.h"

namespace golive::test {

inline const std::string kValidators = source_dir() + "/tests/fixtures/validators";
inline const std::string kSchema = kValidators + "/junit.xsd";

// Validates with `xmllint --noout --schema`; returns xmllint's output when invalid.
inline void expect_valid_junit(const std::string& xml, const std::string& name) {
  require_tool("xmllint");
  TempDir dir;
  dir.write(name + ".xml", xml);
  CommandResult r = run_command("xmllint --noout --schema " + shell_quote(kSchema) + " " +
                                shell_quote(dir.file(name + ".xml")));
  CAPTURE(r.output);
  CHECK(r.exit_code == 0);
  CHECK(r.output.find("validates") != std::string::npos);
}

inline int occurrences(const std::string& text, const std::string& what) {
  int n = 0;
  for (size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

/// What a reader printed, as JSON; fails the test when it could not read the report.
inline nlohmann::json read_with(const std::string& command, const std::string& xml, const std::string& name) {
  TempDir dir;
  dir.write(name + ".xml", xml);
  CommandResult r = run_command(command + " " + shell_quote(dir.file(name + ".xml")));
  CAPTURE(command);
  CAPTURE(r.output);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.output);
}

/// Both readers see every testcase with its outcome, and the counts the report declares on
/// the root and on each plan's suite are the ones junitparser counts from the testcases.
/// test-results-parser reports `total` without the skipped tests, and counts a testcase
/// with <error> as failed.
inline void expect_readers_agree(const std::string& xml, const std::string& name) {
  CAPTURE(name);
  int tests = occurrences(xml, "<testcase "), failures = occurrences(xml, "<failure "),
      errors = occurrences(xml, "<error "), skipped = occurrences(xml, "<skipped ");
  require_tool("/usr/bin/python3");
  nlohmann::json py = read_with("/usr/bin/python3 " + shell_quote(kValidators + "/junit_readers.py"), xml, name);
  nlohmann::json expected = {{"tests", tests}, {"failures", failures}, {"errors", errors}, {"skipped", skipped}};
  CHECK(py["counted"] == expected);
  CHECK(py["declared"] == expected);
  CHECK(py["duplicates"].empty());
  CHECK(py["suites"].size() == static_cast<size_t>(occurrences(xml, "<testsuite ")));
  for (const auto& suite : py["suites"]) {
    CAPTURE(suite["name"].get<std::string>());
    CHECK(suite["declared"] == suite["counted"]);
  }

  require_tool("node");
  nlohmann::json js = read_with("node " + shell_quote(kValidators + "/junit_readers.js"), xml, name);
  CHECK(js["suites"] == occurrences(xml, "<testsuite "));
  CHECK(js["total"] == tests - skipped);
  CHECK(js["failed"] == failures);
  CHECK(js["errors"] == errors);
  CHECK(js["skipped"] == skipped);
  CHECK(js["passed"] == tests - skipped - failures - errors);
  CHECK(js["cases"] == nlohmann::json{{"PASS", tests - skipped - failures - errors},
                                      {"FAIL", failures + errors}, {"SKIP", skipped}});
}

inline const std::string kMultitool =
    source_dir() + "/tests/fixtures/validators/node_modules/.bin/sarif-multitool";

// Runs `sarif-multitool validate` and returns its own SARIF log of problems found.
inline nlohmann::json validate_sarif(const std::string& sarif, const std::string& name) {
  REQUIRE_MESSAGE(std::filesystem::exists(kMultitool),
                  kMultitool << " is missing: run .ci/install-deps");
  TempDir dir;
  std::string in = write_file(dir, name + ".sarif", sarif);
  std::string out = dir.file("validation.sarif");
  CommandResult r = run_command(shell_quote(kMultitool) + " validate " + shell_quote(in) + " -o " +
                                shell_quote(out));
  CAPTURE(r.output);
  CHECK(r.exit_code == 0);
  auto log = slurp(out);
  REQUIRE_MESSAGE(log, "sarif-multitool wrote no log");
  return json_of(*log);
}

// Every problem the validator reports, as "LEVEL RULE: message".
inline std::vector<std::string> sarif_problems(const nlohmann::json& log) {
  std::vector<std::string> out;
  for (const auto& run : log["runs"])
    for (const auto& r : run["results"]) {
      std::string args;
      for (const auto& a : r["message"].value("arguments", nlohmann::json::array()))
        (args += ' ') += a.get<std::string>();  // not " " + std::string: a false -Wrestrict at -O3
      out.push_back(r.value("level", "warning") + " " + r.value("ruleId", "?") + ":" + args);
    }
  return out;
}

// The one warning we accept: the tool has no public home page to give as informationUri.
inline void expect_clean(const nlohmann::json& log) {
  for (const std::string& p : sarif_problems(log)) {
    CAPTURE(p);
    CHECK(p == "warning SARIF2005: runs[0].tool.driver golive");
  }
}

/// Headless chromium with a fresh profile and every background fetch turned off.
class Browser {
 public:
  Browser() { require_tool("chromium"); }

  /// Runs chromium with `args` then `file`; output is chromium's log (stderr) and stdout.
  CommandResult run(const std::string& args, const std::string& file) const {
    TempDir profile;
    return run_command(
        "chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
        "--disable-background-networking --disable-component-update --disable-sync "
        "--enable-logging=stderr --v=0 --user-data-dir=" +
        shell_quote(profile.path()) + " " + args + " " + shell_quote("file://" + file));
  }
};

// Lines of chromium's log that come from the page: script errors, console output,
// blocked fetches.
inline std::vector<std::string> page_problems(const std::string& log) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start < log.size()) {
    size_t nl = log.find('\n', start);
    std::string line = log.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    if (line.find("Uncaught") != std::string::npos || line.find("CONSOLE") != std::string::npos ||
        line.find("Refused to") != std::string::npos)
      out.push_back(line);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return out;
}

}  // namespace golive::test
