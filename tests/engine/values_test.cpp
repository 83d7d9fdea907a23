#include <doctest/doctest.h>

#include "checks/engine/values.h"

using namespace golive;
using namespace std::chrono_literals;

TEST_CASE("durations: compact form") {
  CHECK(parse_duration("30s") == 30s);
  CHECK(parse_duration("1h30m") == 90min);
  CHECK(parse_duration("2w") == std::chrono::hours(24 * 14));
  CHECK(parse_duration("PT15M") == 15min);
  CHECK(parse_duration("P1DT2H") == 26h);
  CHECK_FALSE(parse_duration("1 hour"));
  CHECK_FALSE(parse_duration("30m1h"));
  CHECK_FALSE(parse_duration("P1M"));
  CHECK(format_duration(30h) == "1d6h");
}
