#pragma once
/// Half-open spans of UTC time, the set operations coverage checks need (union,
/// difference), and the expansion of daily working hours in an IANA zone into such spans.

#include <string>
#include <vector>

#include "checks/engine/values.h"

namespace golive {

/// The instants from `start` (included) to `end` (excluded).
struct TimeInterval {
  Instant start;
  Instant end;
  Elapsed length() const { return end - start; }
  bool empty() const { return end <= start; }
  friend bool operator==(const TimeInterval&, const TimeInterval&) = default;
};

/// A set of instants: sorted, disjoint, non-adjacent, non-empty intervals.
using IntervalSet = std::vector<TimeInterval>;

/// The union of any intervals, as a normalized set (touching intervals merge).
IntervalSet unite(std::vector<TimeInterval> intervals);

/// The instants of `a` that are not in `b`; both must be normalized sets.
IntervalSet subtract(const IntervalSet& a, const IntervalSet& b);

/// The instants of `set` that fall within `bounds`.
IntervalSet clip(const IntervalSet& set, const TimeInterval& bounds);

/// Total length of a normalized set.
Elapsed total_length(const IntervalSet& set);

/// Every instant within `bounds` whose wall-clock reading in `zone` falls inside the daily
/// range `hours`, expanded one local day after another so daylight-saving changes are
/// honoured. A range wrapping midnight (22:00-06:00) runs into the next local day. The
/// result is exact at transitions: a boundary the clock skips (spring forward) becomes
/// the instant of the jump, and an hour the clock shows twice (fall back) is covered each
/// time the reading is inside the range.
IntervalSet daily_hours(const HoursRange& hours, const Zone& zone,
                        const TimeInterval& bounds);

/// `2026-12-05T01:00:00Z/2026-12-05T02:00:00Z` (ISO 8601 interval, UTC).
std::string format_interval(const TimeInterval& i);

}  // namespace golive
