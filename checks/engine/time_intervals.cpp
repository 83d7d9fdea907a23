#include "checks/engine/time_intervals.h"

#include <algorithm>

#include "checks/engine/zone.h"


namespace golive {

IntervalSet unite(std::vector<TimeInterval> intervals) {
  std::erase_if(intervals, [](const TimeInterval& i) { return i.empty(); });
  std::sort(intervals.begin(), intervals.end(),
            [](const TimeInterval& a, const TimeInterval& b) { return a.start < b.start; });
  IntervalSet out;
  for (const TimeInterval& i : intervals) {
    if (!out.empty() && i.start <= out.back().end)
      out.back().end = std::max(out.back().end, i.end);
    else
      out.push_back(i);
  }
  return out;
}

IntervalSet subtract(const IntervalSet& a, const IntervalSet& b) {
  IntervalSet out;
  size_t j = 0;
  for (const TimeInterval& i : a) {
    Instant from = i.start;
    // Intervals of b entirely before this one cannot touch later ones of a either.
    while (j < b.size() && b[j].end <= from) ++j;
    for (size_t k = j; k < b.size() && b[k].start < i.end; ++k) {
      if (b[k].start > from) out.push_back({from, b[k].start});
      from = std::max(from, b[k].end);
    }
    if (from < i.end) out.push_back({from, i.end});
  }
  return out;
}

IntervalSet clip(const IntervalSet& set, const TimeInterval& bounds) {
  IntervalSet out;
  for (const TimeInterval& i : set) {
    TimeInterval c{std::max(i.start, bounds.start), std::min(i.end, bounds.end)};
    if (!c.empty()) out.push_back(c);
  }
  return out;
}

Elapsed total_length(const IntervalSet& set) {
  Elapsed d{0};
  for (const TimeInterval& i : set) d += i.length();
  return d;
}

namespace {

// The instants whose local reading lies in [from, to): within each period of constant UTC
// offset, the local span maps back by that offset. UTC offsets stay within -12h..+14h, so
// the periods to visit start 14h before `from` and end 12h after `to`.
void local_span(const Zone& zone, date::local_seconds from, date::local_seconds to,
                std::vector<TimeInterval>& out) {
  using std::chrono::hours;
  const Instant lo{from.time_since_epoch() - hours(14)};
  const Instant hi{to.time_since_epoch() + hours(12)};
  date::sys_info info = zone.get_info(lo);
  for (;;) {
    const Instant start = std::max(Instant{from.time_since_epoch()} - info.offset,
                                   Instant{info.begin});
    const Instant end = std::min(Instant{to.time_since_epoch()} - info.offset,
                                 Instant{info.end});
    if (start < end) out.push_back({start, end});
    if (info.end >= hi) break;
    info = zone.get_info(info.end);
  }
}

}  // namespace

IntervalSet daily_hours(const HoursRange& hours, const Zone& zone,
                        const TimeInterval& bounds) {
  if (bounds.empty()) return {};
  using date::days;
  // The local day before the first one is included for ranges that wrap midnight into it.
  const auto first = date::floor<days>(zone.to_local(bounds.start)) - days(1);
  const auto last = date::floor<days>(zone.to_local(bounds.end));
  const std::chrono::minutes start_offset(hours.start_minute);
  const std::chrono::minutes end_offset(hours.end_minute);
  std::vector<TimeInterval> spans;
  for (date::local_days day = first; day <= last; day += days(1)) {
    const date::local_seconds from = day + start_offset;
    const date::local_seconds to = (hours.wraps_midnight() ? day + days(1) : day) + end_offset;
    local_span(zone, from, to, spans);
  }
  return clip(unite(std::move(spans)), bounds);
}

std::string format_interval(const TimeInterval& i) {
  return format_instant(i.start) + "/" + format_instant(i.end);
}

}  // namespace golive
