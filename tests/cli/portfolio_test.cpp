// End-to-end: `golive check` over several plans — the same bytes whatever --jobs is, the
// portfolio summary, the progress line on stderr only.
#include <doctest/doctest.h>

#include "tests/cli/cli_support.h"
#include "tests/support/examples.h"

namespace golive::test {

namespace {
// `golive check --as-of kAsOf --offline ARGS... PLANS...` over the example plans.
ProcessResult check_examples(std::vector<std::string> args) {
  for (const std::string& plan : example_plans()) args.push_back(plan);
  return check(std::move(args));
}
}  // namespace

TEST_CASE("cli.check portfolio: every format is the same bytes with --jobs 1 and --jobs 4") {
  for (const char* format : {"text", "json", "junit", "sarif", "markdown", "html", "github"}) {
    CAPTURE(format);
    ProcessResult one = check_examples({"-f", format, "-j", "1"});
    ProcessResult four = check_examples({"-f", format, "--jobs", "4"});
    CHECK(one.exit_code == 1);
    CHECK(four.exit_code == one.exit_code);
    CHECK(four.err == one.err);
    CHECK(four.out == one.out);
  }
}

// From 1 MiB of plans each thread is given its share of the heap before its first plan
// (cli/commands/heap.h): the reports must not change.
TEST_CASE("cli.check portfolio: over 1 MiB of plans, the same bytes with --jobs 1 and --jobs 2") {
  TempDir dir;
  std::vector<std::string> texts;
  for (const std::string& plan : example_plans()) texts.push_back(*slurp(source_dir() + "/" + plan));
  REQUIRE_FALSE(texts.empty());
  size_t bytes = 0;
  for (int i = 0; bytes < 1024 * 1024 + 1; ++i) {
    std::string text = texts[static_cast<size_t>(i) % texts.size()];
    // Each copy its own plan id (the first `  id:` is the plan's own).
    const size_t id = text.find("\n  id: ");
    REQUIRE(id != std::string::npos);
    text.insert(text.find('\n', id + 1), "-" + std::to_string(i));
    const std::string name = "plan-" + std::string(4 - std::to_string(i).size(), '0') + std::to_string(i) + ".yaml";
    dir.write(name, text);
    bytes += text.size();
  }
  for (const char* format : {"text", "json"}) {
    CAPTURE(format);
    ProcessResult one = check({"-f", format, "-j", "1", dir.path()});
    ProcessResult two = check({"-f", format, "-j", "2", dir.path()});
    CHECK(one.exit_code == 1);
    CHECK(two.exit_code == one.exit_code);
    CHECK(two.err == one.err);
    CHECK(two.out == one.out);
  }
}

TEST_CASE("cli.check portfolio: one line per plan, in run order, in text, json and html") {
  const std::vector<std::string> plans = example_plans();
  ProcessResult json = check_examples({"-f", "json"});
  auto j = json_of(json.out);
  REQUIRE(j["portfolio"].size() == plans.size());
  REQUIRE(j["plans"].size() == plans.size());
  for (size_t i = 0; i < plans.size(); ++i) {
    const auto& row = j["portfolio"][i];
    CHECK(row["file"] == plans[i]);
    CHECK(row["id"] == j["plans"][i]["id"]);
    CHECK(row["verdict"] == j["plans"][i]["verdict"]);
    CHECK(row["score"] == j["plans"][i]["summary"]["score"]);
    CHECK(row["warnings"] == j["plans"][i]["summary"]["warnings"]);
  }

  ProcessResult text = check({fixture("ready.yaml"), fixture("not-ready.yaml"), "--no-auto-rulesets",
                              "-r", fixture("foundation.yaml")});
  CHECK(text.out.find("\n\nportfolio: 2 plans: 1 ready, 0 ready with warnings, 1 not ready\n"
                      "  READY                100.0%  0 blocking   0 warnings   tests/fixtures/cli/ready.yaml (cli-ready)\n"
                      "  NOT READY             77.8%  2 blocking   0 warnings   tests/fixtures/cli/not-ready.yaml (cli-not-ready)\n"
                      "\ntests/fixtures/cli/ready.yaml: ") != std::string::npos);

  ProcessResult html = check_examples({"-f", "html"});
  CHECK(html.out.find("<th>Blocking</th><th>Warnings</th>") != std::string::npos);
  // The portfolio's cover says the run was offline, as each plan's cover does.
  CHECK(html.out.find("</h1>\n<div class=\"headline\"><div class=\"verdict\">NOT READY (OFFLINE)</div>") !=
        std::string::npos);

  // One plan: no summary of one line.
  CHECK(check({fixture("ready.yaml")}).out.find("portfolio:") == std::string::npos);
  CHECK_FALSE(json_of(check({"-f", "json", fixture("ready.yaml")}).out).contains("portfolio"));
}

TEST_CASE("cli.check --progress: a line on stderr, erased at the end, never on stdout") {
  ProcessResult quiet = check_examples({"-q"});
  ProcessResult shown = check_examples({"-q", "--progress", "always"});
  CHECK(shown.exit_code == quiet.exit_code);
  CHECK(shown.out == quiet.out);
  CHECK(shown.err.rfind("\rgolive: plans 0/", 0) == 0);
  const std::string done = fmt::format("\rgolive: plans {0}/{0} · probes 0 · ", example_plans().size());
  CHECK(shown.err.find(done) != std::string::npos);
  CHECK(shown.err.size() >= 4);
  CHECK(shown.err.substr(shown.err.size() - 4) == "\r\x1b[K");
  // auto: stderr is not a terminal here; never: never.
  CHECK(quiet.err == "");
  CHECK(check_examples({"-q", "--progress", "never"}).err == "");
  // Erased before an error is printed.
  ProcessResult bad = check_examples({"--progress", "always", "--only", "nothing.such"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("\r\x1b[Kgolive: error: --only: no check matches 'nothing.such'") != std::string::npos);
}

TEST_CASE("cli.check --jobs and --progress: values checked like every option") {
  ProcessResult zero = check({"-j", "0", fixture("ready.yaml")});
  CHECK(zero.exit_code == 2);
  CHECK(zero.err == "golive: error: --jobs: '0' is not auto or a whole number from 1 to 256\n");
  ProcessOptions sometimes;
  sometimes.env["GOLIVE_PROGRESS"] = "sometimes";
  ProcessResult env = check({fixture("ready.yaml")}, sometimes);
  CHECK(env.exit_code == 2);
  CHECK(env.err == "golive: error: GOLIVE_PROGRESS: 'sometimes' is not one of auto, always or never\n");
  // Neither can change a report, so reports do not record them.
  auto j = json_of(check({"-f", "json", "-j", "3", fixture("ready.yaml")}).out);
  for (const auto& o : j["settings"]["options"]) {
    CHECK(o["name"] != "jobs");
    CHECK(o["name"] != "progress");
  }
}

}  // namespace golive::test
