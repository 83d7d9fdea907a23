// The plan format is defined once (the loader's readers, recorded by plan_format(), with
// the prose of plan_format_docs.cpp). Generated from it: `golive schema` (kept in
// docs/plan.schema.json) and the key reference of docs/plan-format.md; both files are
// compared whole here, and GOLIVE_UPDATE_GOLDEN=1 rewrites them. The differential test
// holds `golive validate` and python3-jsonschema with `golive schema` to the same answers
// on a corpus generated from the definition.
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>

#include "checks/engine/plan_format.h"
#include "tests/cli/report/report_support.h"

namespace golive::test {

namespace {

}  // namespace

TEST_CASE("cli.plan format: every key has its prose, and every prose entry a key") {
  std::vector<std::string> keys, documented;
  for (const KeySpec& k : plan_format()) keys.push_back(k.path);
  for (const KeyDoc& d : plan_format_docs()) documented.emplace_back(d.path);
  CHECK(keys.size() > 150);
  CHECK(documented == keys);  // same keys, same order
  for (const KeyDoc& d : plan_format_docs()) {
    CAPTURE(d.path);
    CHECK(!d.description.empty());
    CHECK(!d.example.empty());
  }
}

TEST_CASE("cli.plan format: every key a check reads is a key of the format") {
  std::set<std::string> keys;
  for (const KeySpec& k : plan_format()) keys.insert(k.path);
  for (const CheckInfo* c : product_checks())
    for (const std::string& r : c->reads) {
      CAPTURE(c->id);
      CAPTURE(r);
      // "list[]" (every item) names the list.
      const bool item_of_list = r.size() > 2 && r.substr(r.size() - 2) == "[]";
      CHECK(keys.count(item_of_list ? r.substr(0, r.size() - 2) : r) == 1);
    }
}

TEST_CASE("cli.plan format: docs/plan.schema.json is what golive schema prints") {
  ProcessResult r = run_golive({"schema"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err == "");
  compare_with_golden(source_dir() + "/docs/plan.schema.json", r.out);
}

TEST_CASE("cli.plan format: the key reference in docs/plan-format.md is generated") {
  compare_with_golden_section(source_dir() + "/docs/plan-format.md", "<!-- keys:begin -->\n",
                              "<!-- keys:end -->", plan_format_markdown());
}

// At least 200 plans, each changing one key of a complete plan; expected.json says what
// each should get. golive and the schema must agree on accept/reject, except on the
// "golive-only" cases (what a schema cannot express), which golive alone rejects.
TEST_CASE("cli.plan format: golive validate and its JSON Schema agree on a generated corpus") {
  require_tool("/usr/bin/python3");
  TempDir dir;
  ProcessResult schema = run_golive({"schema"});
  REQUIRE(schema.exit_code == 0);
  dir.write("schema.json", schema.out);
  const std::string corpus = dir.file("corpus");
  CommandResult gen = run_command("/usr/bin/python3 " +
                                  shell_quote(source_dir() + "/tests/fixtures/validators/plan_corpus.py") +
                                  " " + shell_quote(dir.file("schema.json")) + " " + shell_quote(corpus));
  CAPTURE(gen.output);
  REQUIRE(gen.exit_code == 0);
  auto manifest = slurp(corpus + "/expected.json");
  REQUIRE(manifest);
  const auto expected = nlohmann::json::parse(*manifest);
  REQUIRE(expected.size() >= 200);

  std::vector<std::string> files;
  for (const auto& [name, _] : expected.items()) files.push_back(corpus + "/" + name);
  std::string args;
  for (const auto& f : files) {
    args += ' ';  // not `" " + …`: g++ 12 at -O3 reports a false -Wrestrict on it
    args += shell_quote(f);
  }

  // golive: "FILE: ok (id)" for each accepted plan.
  // The corpus grows with the format (over 1000 plans since data_transfers[].personal).
  CommandResult g = run_command(shell_quote(golive_binary()) + " validate --limit plans=10000" + args);
  // The schema: "FILE: path: message" for each problem.
  CommandResult v = run_command("/usr/bin/python3 " +
                                shell_quote(source_dir() + "/tests/fixtures/validators/json_schema.py") +
                                " " + shell_quote(dir.file("schema.json")) + args);
  size_t kinds[3] = {0, 0, 0};
  for (const auto& [name, expect] : expected.items()) {
    const std::string file = corpus + "/" + name;
    const bool golive_accepts = g.output.find(file + ": ok (") != std::string::npos;
    const bool schema_accepts = v.output.find(file + ": ") == std::string::npos;
    const std::string want = expect.get<std::string>();
    CAPTURE(name);
    CAPTURE(*slurp(file));
    if (want == "accept") {
      ++kinds[0];
      CHECK(golive_accepts);
      CHECK(schema_accepts);
    } else if (want == "reject") {
      ++kinds[1];
      CHECK(!golive_accepts);
      CHECK(!schema_accepts);
    } else {
      ++kinds[2];
      CHECK(want == "golive-only");
      CHECK(!golive_accepts);
      CHECK(schema_accepts);
    }
  }
  // Both sides of every type are in the corpus.
  CHECK(kinds[0] >= 100);
  CHECK(kinds[1] >= 100);
  CHECK(kinds[2] >= 10);
}

}  // namespace golive::test
