// The README's check table is generated: it must equal `golive list-checks --format
// markdown`. GOLIVE_UPDATE_GOLDEN=1 rewrites it in place.
#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>

#include "tests/cli/cli_support.h"

namespace golive::test {

TEST_CASE("cli.README check table equals list-checks --format markdown") {
  const std::string begin = "<!-- checks:begin -->\n";
  const std::string end = "<!-- checks:end -->";
  std::string path = source_dir() + "/README.md";
  auto readme = slurp(path);
  REQUIRE(readme);
  size_t from = readme->find(begin);
  size_t to = readme->find(end);
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  from += begin.size();
  REQUIRE(from <= to);

  ProcessResult r = run_golive({"list-checks", "--format", "markdown"});
  REQUIRE(r.exit_code == 0);
  const char* update = std::getenv("GOLIVE_UPDATE_GOLDEN");
  if (update && *update && std::string(update) != "0") {
    std::ofstream(path, std::ios::binary) << readme->substr(0, from) << r.out << readme->substr(to);
    MESSAGE("updated the check table in " << path);
    return;
  }
  CHECK(readme->substr(from, to - from) == r.out);
}

}  // namespace golive::test
