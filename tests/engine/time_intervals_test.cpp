#include <doctest/doctest.h>


#include "checks/engine/time_intervals.h"
#include "checks/engine/zone.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

TimeInterval span(const std::string& from, const std::string& to) { return {at(from), at(to)}; }

std::vector<std::string> texts(const IntervalSet& set) {
  std::vector<std::string> out;
  for (const TimeInterval& i : set) out.push_back(format_interval(i));
  return out;
}

const Zone& zone(const char* name) { return *find_zone(name); }

}  // namespace

TEST_CASE("intervals: union merges overlapping and touching spans, drops empty ones") {
  IntervalSet u = unite({span("2026-12-05T03:00:00Z", "2026-12-05T04:00:00Z"),
                         span("2026-12-05T01:00:00Z", "2026-12-05T02:00:00Z"),
                         span("2026-12-05T02:00:00Z", "2026-12-05T02:30:00Z"),
                         span("2026-12-05T03:30:00Z", "2026-12-05T03:45:00Z"),
                         span("2026-12-05T05:00:00Z", "2026-12-05T05:00:00Z")});
  CHECK(texts(u) == std::vector<std::string>{"2026-12-05T01:00:00Z/2026-12-05T02:30:00Z",
                                             "2026-12-05T03:00:00Z/2026-12-05T04:00:00Z"});
  CHECK(total_length(u) == std::chrono::minutes(150));
}

TEST_CASE("intervals: difference keeps exact boundaries") {
  IntervalSet a = unite({span("2026-12-05T00:00:00Z", "2026-12-05T10:00:00Z"),
                         span("2026-12-06T00:00:00Z", "2026-12-06T10:00:00Z")});
  IntervalSet b = unite({span("2026-12-04T20:00:00Z", "2026-12-05T01:00:00Z"),
                         span("2026-12-05T02:00:00Z", "2026-12-05T09:59:59Z"),
                         span("2026-12-06T00:00:00Z", "2026-12-06T10:00:00Z")});
  CHECK(texts(subtract(a, b)) ==
        std::vector<std::string>{"2026-12-05T01:00:00Z/2026-12-05T02:00:00Z",
                                 "2026-12-05T09:59:59Z/2026-12-05T10:00:00Z"});
  CHECK(subtract(a, a).empty());
  CHECK(subtract(a, {}) == a);
}

TEST_CASE("intervals: daily hours in a zone without DST") {
  IntervalSet h = daily_hours({9 * 60, 18 * 60}, zone("Asia/Singapore"),
                              span("2026-12-05T05:00:00Z", "2026-12-06T02:00:00Z"));
  CHECK(texts(h) == std::vector<std::string>{"2026-12-05T05:00:00Z/2026-12-05T10:00:00Z",
                                             "2026-12-06T01:00:00Z/2026-12-06T02:00:00Z"});
}

TEST_CASE("intervals: a range wrapping midnight starts on the local day before the bounds") {
  IntervalSet h = daily_hours({22 * 60, 6 * 60}, zone("Europe/London"),
                              span("2026-12-05T00:00:00Z", "2026-12-06T00:00:00Z"));
  CHECK(texts(h) == std::vector<std::string>{"2026-12-05T00:00:00Z/2026-12-05T06:00:00Z",
                                             "2026-12-05T22:00:00Z/2026-12-06T00:00:00Z"});
}

TEST_CASE("intervals: a whole-day range is continuous across days") {
  IntervalSet h = daily_hours({0, 24 * 60}, zone("Europe/Berlin"),
                              span("2026-10-24T00:00:00Z", "2026-10-27T00:00:00Z"));
  CHECK(texts(h) == std::vector<std::string>{"2026-10-24T00:00:00Z/2026-10-27T00:00:00Z"});
}

TEST_CASE("intervals: the hour Berlin shows twice on 2026-10-25 is covered both times") {
  // 02:00-02:30 is read first in summer time (00:00Z) and again in winter time (01:00Z).
  IntervalSet h = daily_hours({2 * 60, 2 * 60 + 30}, zone("Europe/Berlin"),
                              span("2026-10-24T12:00:00Z", "2026-10-25T12:00:00Z"));
  CHECK(texts(h) == std::vector<std::string>{"2026-10-25T00:00:00Z/2026-10-25T00:30:00Z",
                                             "2026-10-25T01:00:00Z/2026-10-25T01:30:00Z"});
}

TEST_CASE("intervals: a range the clock skips on 2026-03-29 holds nothing that day") {
  // Berlin jumps from 02:00 to 03:00 at 01:00Z: 02:15-02:45 never happens; 02:30-03:30
  // starts at the jump.
  auto bounds = span("2026-03-28T12:00:00Z", "2026-03-29T12:00:00Z");
  CHECK(daily_hours({2 * 60 + 15, 2 * 60 + 45}, zone("Europe/Berlin"), bounds).empty());
  CHECK(texts(daily_hours({2 * 60 + 30, 3 * 60 + 30}, zone("Europe/Berlin"), bounds)) ==
        std::vector<std::string>{"2026-03-29T01:00:00Z/2026-03-29T01:30:00Z"});
}
