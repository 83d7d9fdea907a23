// Input limits from the command line, the environment and .golive.yaml: refusals name the
// limit, and the report records the setting with its origin.
#include <doctest/doctest.h>

#include "tests/cli/cli_support.h"

namespace golive::test {

namespace {

std::string ready() { return source_dir() + "/" + fixture("ready.yaml"); }

}  // namespace

TEST_CASE("cli.limit: from .golive.yaml, the environment and the command line, in that order") {
  TempDir dir;
  dir.write(".golive.yaml", "limit: [file-size=1KiB, depth=10]\n");
  ProcessOptions options;
  options.cwd = dir.path();
  ProcessResult r = check({"-q", ready()}, options);
  CHECK(r.exit_code == 2);
  CHECK(r.err == ready() + ":1:1: error: file of 1547 bytes: over the file-size limit of 1KiB; raise it "
                           "with --limit file-size=N\n");

  // The command line replaces the file's list whole, and the report says where it came from.
  r = check({"-f", "json", "--only", "backup.*", "--limit", "file-size=2KiB", ready()}, options);
  CHECK(r.exit_code == 0);
  bool recorded = false;
  const nlohmann::json report = json_of(r.out);
  for (const auto& s : report["settings"]["options"])
    if (s["name"] == "limit") {
      CHECK(s["value"] == "file-size=2KiB");
      CHECK(s["origin"] == "--limit");
      recorded = true;
    }
  CHECK(recorded);

  options.env["GOLIVE_LIMIT"] = "file-size=1000,plans=5";
  r = check({"-q", ready()}, options);
  CHECK(r.err == ready() + ":1:1: error: file of 1547 bytes: over the file-size limit of 1000; raise it "
                           "with --limit file-size=N\n");
}

TEST_CASE("cli.limit: a bad value is a usage error naming its source") {
  ProcessResult r = check({"--limit", "depth=deep", fixture("ready.yaml")});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "golive: error: --limit: depth: 'deep' is not a whole number from 1 to 68719476736\n");
  TempDir dir;
  dir.write(".golive.yaml", "limit: size=1\n");
  ProcessOptions options;
  options.cwd = dir.path();
  r = check({ready()}, options);
  CHECK(r.exit_code == 2);
  CHECK(r.err == ".golive.yaml:1:8: error: limit: 'size=1' is not NAME=N with NAME one of file-size, "
                 "nodes, depth, scalar-length, list-length, aliases, plans, plugin-output (e.g. "
                 "file-size=16MiB)\n");
  r = run_golive({"validate", "--limit", "nodes=x", fixture("ready.yaml")});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "golive: error: validate: --limit: nodes: 'x' is not a whole number from 1 to 68719476736\n");
  r = run_golive({"validate", "--limit", "file-size=1000", fixture("ready.yaml")});
  CHECK(r.exit_code == 2);
  CHECK(r.err == fixture("ready.yaml") +
                     ":1:1: error: file of 1547 bytes: over the file-size limit of 1000; raise it with "
                     "--limit file-size=N\n");
}

TEST_CASE("cli.limit: a plan of 4 MiB is read, one byte more is refused before reading") {
  // Generated here: too large to commit. The padding is a comment, so the plan stays READY.
  TempDir dir;
  std::string text = *slurp(ready());
  const size_t limit = 4u << 20;
  std::string pad = "#" + std::string(limit - text.size() - 2, 'x') + "\n";
  dir.write("at.yaml", text + pad);
  dir.write("over.yaml", text + "#" + pad);
  ProcessResult r = check({"-q", "--only", "backup.*", dir.file("at.yaml")});
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  r = check({"-q", "--only", "backup.*", dir.file("over.yaml")});
  CHECK(r.exit_code == 2);
  CHECK(r.err == dir.file("over.yaml") +
                     ":1:1: error: file of 4194305 bytes: over the file-size limit of 4MiB; raise it "
                     "with --limit file-size=N\n");
}

}  // namespace golive::test
