// Every input limit at its value and one past it, with small values set for the test: the
// value itself is accepted, one more is refused at the position where it was crossed, with
// a message naming the limit and how to raise it. The limits on YAML structure are tested
// with parse_yaml in yaml_reader_test.cpp.
#include <doctest/doctest.h>

#include <fstream>

#include "checks/engine/limits.h"
#include "checks/engine/plan_loader.h"
#include "checks/engine/yaml_reader.h"
#include "tests/support/process.h"
#include "tests/engine/with_limit.h"

namespace golive {

TEST_CASE("limits: a file over the size limit is refused before it is read") {
  test::TempDir dir;
  dir.write("plan.yaml", std::string(100, '#'));
  {
    test::WithLimit with(Limit::FileSize, 100);
    CHECK(read_file(dir.file("plan.yaml")).size() == 100);
  }
  test::WithLimit with(Limit::FileSize, 99);
  try {
    read_file(dir.file("plan.yaml"));
    FAIL("not refused");
  } catch (const InputError& e) {
    CHECK(e.formatted() == dir.file("plan.yaml") +
                               ":1:1: error: file of 100 bytes: over the file-size limit of 99; raise "
                               "it with --limit file-size=N");
  }
}

TEST_CASE("limits: a stream with no size is read up to the limit and no further") {
  test::WithLimit with(Limit::FileSize, 1024);
  try {
    read_file("/dev/zero");
    FAIL("not refused");
  } catch (const InputError& e) {
    CHECK(e.formatted() ==
          "/dev/zero:1:1: error: file of more than 1024 bytes: over the file-size limit of 1KiB; "
          "raise it with --limit file-size=N");
  }
}

TEST_CASE("limits: the number of plans in one run") {
  test::TempDir dir;
  dir.write("a.yaml", "golive: 1\n");
  dir.write("b.yaml", "golive: 1\n");
  {
    test::WithLimit with(Limit::Plans, 2);
    Diagnostics d;
    CHECK(find_plan_files({dir.path()}, d).size() == 2);
    CHECK_FALSE(d.has_errors());
  }
  test::WithLimit with(Limit::Plans, 1);
  Diagnostics d;
  CHECK(find_plan_files({dir.path()}, d).empty());
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].formatted() == dir.path() +
                                      ": error: more than 1 plan files: over the plans limit of 1; "
                                      "raise it with --limit plans=N");
  // Files named one by one count the same.
  Diagnostics named;
  CHECK(find_plan_files({dir.file("a.yaml"), dir.file("b.yaml")}, named).empty());
  REQUIRE(named.all().size() == 1);
  CHECK(named.all()[0].formatted() == dir.file("b.yaml") +
                                          ": error: more than 1 plan files: over the plans limit of "
                                          "1; raise it with --limit plans=N");
}

TEST_CASE("limits: a file in a directory too large to look into is taken for a plan, and refused") {
  test::TempDir dir;
  dir.write("notes.yaml", "notes: " + std::string(200, 'x') + "\n");
  test::WithLimit with(Limit::FileSize, 100);
  Diagnostics d;
  CHECK(find_plan_files({dir.path()}, d) == std::vector<std::string>{dir.file("notes.yaml")});
  CHECK_FALSE(load_plan(dir.file("notes.yaml"), d));
  REQUIRE(d.all().size() == 1);
  CHECK(d.all()[0].formatted() == dir.file("notes.yaml") +
                                      ":1:1: error: file of 208 bytes: over the file-size limit of 100; "
                                      "raise it with --limit file-size=N");
}

TEST_CASE("limits: --limit values") {
  LimitSetting l{};
  CHECK(parse_limit_setting("file-size=16MiB", l) == "");
  CHECK(l.limit == Limit::FileSize);
  CHECK(l.value == 16u << 20);
  CHECK(parse_limit_setting("plugin-output=512KiB", l) == "");
  CHECK(l.value == 512u << 10);
  CHECK(parse_limit_setting("depth=100", l) == "");
  CHECK(l.value == 100);
  CHECK(parse_limit_setting("depth=1MiB", l) ==
        "depth: '1MiB' is not a whole number from 1 to 68719476736");
  CHECK(parse_limit_setting("nodes=0", l) == "nodes: '0' is not a whole number from 1 to 68719476736");
  CHECK(parse_limit_setting("file-size=-1", l) ==
        "file-size: '-1' is not a size in bytes (or KiB, MiB, GiB) from 1 to 64GiB");
  CHECK(parse_limit_setting("size=1", l) ==
        "'size=1' is not NAME=N with NAME one of file-size, nodes, depth, scalar-length, "
        "list-length, aliases, plans, plugin-output (e.g. file-size=16MiB)");
  CHECK(format_limit(Limit::FileSize, 8u << 20) == "8MiB");
  CHECK(format_limit(Limit::FileSize, 1000) == "1000");
}

TEST_CASE("limits: docs/limits.md shows the table of limits as the code has it") {
  auto doc = test::slurp(test::source_dir() + "/docs/limits.md");
  REQUIRE(doc);
  CHECK_MESSAGE(doc->find(limits_markdown_table()) != std::string::npos,
                "docs/limits.md must contain, verbatim:\n" << limits_markdown_table());
}

}  // namespace golive
