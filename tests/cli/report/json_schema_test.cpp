// The published JSON Schema of the JSON report (docs/report.schema.json, draft 2020-12):
// every JSON report validates against it, with Debian's python3-jsonschema.
#include "tests/cli/report/report_support.h"
#include "tests/support/outside_consumer.h"

namespace golive::test {

namespace {

const std::string kSchema = source_dir() + "/docs/report.schema.json";
const std::string kValidator = source_dir() + "/tests/fixtures/validators/json_schema.py";

CommandResult validate(const std::vector<std::string>& documents) {
  require_tool("/usr/bin/python3");
  // Appends, not "…" + std::string: g++ 12 at -O3 reports a false -Wrestrict on that.
  std::string command = "/usr/bin/python3";
  for (const std::string& word : {kValidator, kSchema}) (command += ' ') += shell_quote(word);
  for (const auto& d : documents) (command += ' ') += shell_quote(d);
  return run_command(command);
}

}  // namespace

TEST_CASE("report.json validates against docs/report.schema.json" * outside_consumer()) {
  TempDir dir;
  std::vector<std::string> documents;
  for (const ReportInput& input : report_inputs())
    documents.push_back(write_file(dir, input.name + ".json", render(input, "json")));
  documents.push_back(write_file(dir, "synthetic.json", render_synthetic("json")));
  // --as-of window and --fail-on warn reach other values of the enums.
  ProcessResult window = run_golive({"check", "--offline", "--as-of", "window", "--fail-on", "warn", "-f",
                                     "json", "tests/fixtures/cli/warnings.yaml", "tests/fixtures/cli/zh.yaml"});
  documents.push_back(write_file(dir, "window.json", window.out));
  CommandResult r = validate(documents);
  CAPTURE(r.output);
  CHECK(r.exit_code == 0);
  CHECK(r.output == "");
}

TEST_CASE("report.json schema rejects what breaks the contract") {
  auto report = json_of(render_synthetic("json"));
  TempDir dir;
  auto broken = [&](const std::string& name, auto change) {
    auto copy = report;
    change(copy);
    return write_file(dir, name + ".json", copy.dump());
  };
  CommandResult r = validate({
      broken("verdict", [](auto& j) { j["verdict"] = "maybe"; }),
      broken("status", [](auto& j) { j["plans"][0]["findings"][0]["status"] = "ok"; }),
      broken("missing", [](auto& j) { j["plans"][0]["findings"][0].erase("subject"); }),
      broken("blocking", [](auto& j) { j["plans"][0]["findings"][7]["blocking"] = true; }),
      broken("instant", [](auto& j) { j["as_of"] = "2026-12-04 12:00"; }),
  });
  CHECK(r.exit_code == 1);
  CHECK(r.output.find("verdict.json: verdict: 'maybe' is not one of") != std::string::npos);
  CHECK(r.output.find("status.json: plans/0/findings/0/status: 'ok' is not one of") != std::string::npos);
  CHECK(r.output.find("missing.json: plans/0/findings/0: 'subject' is a required property") != std::string::npos);
  CHECK(r.output.find("blocking.json: plans/0/findings/7/status: 'pass' is not one of") != std::string::npos);
  CHECK(r.output.find("instant.json: as_of:") != std::string::npos);
}

}  // namespace golive::test
