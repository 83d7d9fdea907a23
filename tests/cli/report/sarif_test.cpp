// The SARIF report: golden files, Microsoft's `sarif-multitool validate` (the 2.1.0
// schema and its authoring rules), and the result mapping.
#include <set>

#include "tests/cli/report/consumers.h"
#include "tests/cli/report/report_support.h"
#include "tests/support/outside_consumer.h"

namespace golive::test {

TEST_CASE("report.sarif golden files") {
  for (const ReportInput& input : report_inputs()) compare_golden(input, "sarif", render(input, "sarif"));
  compare_golden(kSynthetic, "sarif", render_synthetic("sarif"));
}

TEST_CASE("report.sarif golden files pass sarif-multitool validate" * outside_consumer()) {
  for (const ReportInput& input : report_inputs())
    expect_clean(validate_sarif(render(input, "sarif"), input.name));
  expect_clean(validate_sarif(render_synthetic("sarif"), kSynthetic.name));
}

TEST_CASE("report.sarif validation catches a broken log") {
  // The validator is really consulted: a result without a message is a schema error.
  auto log = json_of(render_synthetic("sarif"));
  log["runs"][0]["results"][0].erase("message");
  auto found = sarif_problems(validate_sarif(log.dump(), "broken"));
  CHECK(std::any_of(found.begin(), found.end(), [](const std::string& p) { return p.rfind("error ", 0) == 0; }));
}

TEST_CASE("report.sarif holds by default only what to act on, --sarif-passes adds the rest") {
  auto log = json_of(render_synthetic("sarif"));
  const auto& run = log["runs"][0];
  // fail, error, warn fail, warn error, info fail, waived (suppressed); no pass, no skip.
  std::vector<std::string> statuses;
  for (const auto& r : run["results"]) statuses.push_back(r["properties"]["status"]);
  CHECK(statuses == std::vector<std::string>{"fail", "error", "fail", "error", "fail", "waived"});
  for (const auto& r : run["results"]) CHECK(r["kind"] == "fail");
  CHECK(run["results"][5]["suppressions"][0]["status"] == "accepted");
  CHECK(run["properties"]["omitted"] == nlohmann::json{{"pass", 2}, {"skip", 1}});
  CHECK(run["properties"]["passes_listed"] == false);
  // Rules only for checks with a result: custom.replication-lag only passed.
  std::vector<std::string> ids;
  for (const auto& r : run["tool"]["driver"]["rules"]) ids.push_back(r["id"]);
  CHECK(ids == std::vector<std::string>{"backup.exists", "backup.fresh", "monitoring.alerts-defined",
                                        "resources.bandwidth-headroom", "resources.spare-hardware",
                                        "rollback.tested"});
  // Tags for filtering; no security severity; no helpUri without a documentation URL.
  const auto& fresh = run["tool"]["driver"]["rules"][1];
  CHECK(fresh["properties"]["tags"] == nlohmann::json::array({"golive", "backup", "gate", "live"}));
  CHECK(run["tool"]["driver"]["rules"][5]["properties"]["tags"] ==
        nlohmann::json::array({"golive", "rollback", "gate"}));
  CHECK(log.dump().find("security-severity") == std::string::npos);
  CHECK(!fresh.contains("helpUri"));
  ReportOptions documented;
  documented.docs_url = "https://docs.example.com/golive/checks";
  auto linked = json_of(render_synthetic("sarif", documented));
  CHECK(linked["runs"][0]["tool"]["driver"]["rules"][1]["helpUri"] ==
        "https://docs.example.com/golive/checks#backup.fresh");

  // On the command line: the same plan with --sarif-passes lists every finding, still valid.
  ReportInput input{"payments-not-ready", "examples/payments-not-ready.yaml", 1};
  auto acted = json_of(render(input, "sarif"));
  std::string all_text = render(input, "sarif", {"--sarif-passes"});
  auto all = json_of(all_text);
  const auto& omitted = acted["runs"][0]["properties"]["omitted"];
  CHECK(omitted["pass"].get<int>() > 100);
  CHECK(all["runs"][0]["results"].size() ==
        acted["runs"][0]["results"].size() + omitted["pass"].get<size_t>() + omitted["skip"].get<size_t>());
  CHECK(all["runs"][0]["properties"]["omitted"] == nlohmann::json{{"pass", 0}, {"skip", 0}});
  expect_clean(validate_sarif(all_text, "with-passes"));
}

TEST_CASE("report.sarif maps findings to rules, levels, kinds and locations") {
  ReportOptions with_passes;
  with_passes.sarif_passes = true;
  auto log = json_of(render_synthetic("sarif", with_passes));
  REQUIRE(log["version"] == "2.1.0");
  const auto& run = log["runs"][0];
  const auto& rules = run["tool"]["driver"]["rules"];
  const auto& results = run["results"];
  REQUIRE(results.size() == 9);
  // One rule per check that ran, sorted by id; ruleIndex points at it.
  std::vector<std::string> ids;
  for (const auto& r : rules) ids.push_back(r["id"]);
  CHECK(ids == std::vector<std::string>{"backup.exists", "backup.fresh", "custom.replication-lag",
                                        "monitoring.alerts-defined", "resources.bandwidth-headroom",
                                        "resources.spare-hardware", "rollback.tested"});
  for (const auto& r : results) CHECK(rules[r["ruleIndex"].get<size_t>()]["id"] == r["ruleId"]);
  const auto& fresh = rules[1];
  CHECK(fresh["name"] == "BackupFresh");
  CHECK(fresh["defaultConfiguration"]["level"] == "error");
  CHECK(fresh["shortDescription"]["text"].get<std::string>().back() == '.');
  CHECK(fresh["help"]["text"].is_string());

  auto kind_level = [&](size_t i) {
    return results[i]["kind"].get<std::string>() + "/" + results[i]["level"].get<std::string>();
  };
  CHECK(kind_level(0) == "fail/error");       // gate fail
  CHECK(kind_level(1) == "fail/error");       // gate error
  CHECK(kind_level(2) == "fail/warning");     // warn fail
  CHECK(kind_level(3) == "fail/warning");     // warn error
  CHECK(kind_level(4) == "fail/note");        // info fail
  CHECK(kind_level(5) == "fail/error");       // waived: suppressed
  CHECK(kind_level(6) == "notApplicable/none");
  CHECK(kind_level(7) == "pass/none");
  CHECK(results[1]["properties"]["status"] == "error");
  CHECK(results[5]["suppressions"][0]["kind"] == "external");
  CHECK(results[5]["suppressions"][0]["status"] == "accepted");
  CHECK(results[5]["suppressions"][0]["properties"]["ticket"] == "CHG-1234");

  const auto& loc = results[0]["locations"][0]["physicalLocation"];
  CHECK(loc["artifactLocation"]["uri"] == "plan.yaml");
  CHECK(loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
  CHECK(loc["region"]["startLine"] == 12);
  CHECK(loc["region"]["startColumn"] == 3);
  CHECK(results[0]["message"]["text"] == "last success 3d ago, limit 2h (100% over) | see <runbook>.");
  CHECK(run["invocations"][0]["executionSuccessful"] == true);
  CHECK(run["invocations"][0]["exitCode"] == 1);
  CHECK(run["automationDetails"]["id"] == "golive/test-plan/2026-12-04T04:00:00Z");
  CHECK(log.dump().find("hunter2") == std::string::npos);
  CHECK(log.dump().find("s3cr3t") == std::string::npos);
}

TEST_CASE("report.sarif fingerprints are stable across runs and distinct per finding") {
  auto fingerprints = [](const std::string& as_of) {
    ProcessResult r = run_golive({"check", "--offline", "--as-of", as_of, "-f", "sarif",
                                  "tests/fixtures/cli/not-ready.yaml"});
    std::vector<std::string> out;
    auto log = json_of(r.out);
    for (const auto& res : log["runs"][0]["results"])
      out.push_back(res["partialFingerprints"]["goliveFinding/v1"]);
    return out;
  };
  auto today = fingerprints(kAsOf);
  auto later = fingerprints("2026-12-05T01:00:00+08:00");  // ages and messages differ
  REQUIRE(!today.empty());
  CHECK(today == later);
  CHECK(std::set<std::string>(today.begin(), today.end()).size() == today.size());
}

TEST_CASE("report.sarif locates absolute plan paths with file URIs") {
  TempDir dir;
  auto text = slurp(source_dir() + "/tests/fixtures/cli/ready.yaml");
  REQUIRE(text);
  dir.write("my plan.yaml", *text);
  ProcessResult r = check({"-f", "sarif", dir.file("my plan.yaml")});
  auto log = json_of(r.out);
  const auto& art = log["runs"][0]["artifacts"][0]["location"];
  CHECK(art["uri"] == "file://" + dir.path() + "/my%20plan.yaml");
  CHECK(!art.contains("uriBaseId"));
}

}  // namespace golive::test
