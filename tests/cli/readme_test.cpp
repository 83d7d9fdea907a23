// The README's check table is generated: it must equal `golive list-checks --format
// markdown`. GOLIVE_UPDATE_GOLDEN=1 rewrites it in place.
#include <doctest/doctest.h>

#include "tests/cli/cli_support.h"
#include "tests/support/golden.h"

namespace golive::test {

TEST_CASE("cli.README check table equals list-checks --format markdown") {
  ProcessResult r = run_golive({"list-checks", "--format", "markdown"});
  REQUIRE(r.exit_code == 0);
  compare_with_golden_section(source_dir() + "/README.md", "<!-- checks:begin -->\n",
                              "<!-- checks:end -->", r.out);
}

}  // namespace golive::test
