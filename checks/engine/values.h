#pragma once
/// Parsing and printing of the value types of SPEC §2: durations, instants, time zones,
/// phone numbers and working hours. Parsers return std::nullopt on bad input; the plan
/// loader turns that into a located error with an example of the expected form.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace golive {

class Zone;

/// A span of time, to the second.
using Duration = std::chrono::seconds;
/// A point in time, UTC, to the microsecond: RFC 3339 fractions are kept, never truncated.
using Instant = std::chrono::sys_time<std::chrono::microseconds>;

/// The exact difference of two instants (an age, a margin): never rounded to the second,
/// so that a comparison with a Duration limit is exact.
using Elapsed = std::chrono::microseconds;

/// Whole seconds of a span, rounded down: for `*_seconds` evidence.
inline int64_t whole_seconds(Elapsed s) {
  return std::chrono::floor<std::chrono::seconds>(s).count();
}

/// Parses `30s`, `15m`, `4h`, `7d`, `2w`, combinations such as `1h30m`, or ISO 8601
/// (`PT15M`, `P7D`, `P1DT2H`, `P2W`). Months and years are refused: they have no fixed length;
/// so are fractions (`PT1.5H`): golive counts whole units. See duration_problem for why.
std::optional<Duration> parse_duration(std::string_view text);

/// Why `text` is not a duration, for messages: "months and years have no fixed length
/// (write days, e.g. P30D)", "fractions are not supported (write smaller units, e.g. 1h30m)",
/// or "" when there is nothing more specific to say than the expected forms.
std::string duration_problem(std::string_view text);

/// Prints a duration in the compact form parse_duration reads: `1d6h`, `15m`, `0s`; a
/// sub-second rest (the difference of two instants) as a decimal fraction: `1m0.5s`.
/// Negative durations get a leading `-`.
std::string format_duration(std::chrono::microseconds d);

/// Parses an RFC 3339 instant with offset (`2026-12-05T02:00:00+08:00`, `...Z`, up to six
/// fractional digits `02:00:00.5Z`, more only when the extra digits are zeros) or a bare date (`2026-11-20`), which is midnight in `zone` (UTC when null).
/// Impossible calendar dates (2026-02-30) are refused, and so is the offset -00:00, which
/// RFC 3339 reserves for an unknown local offset (has_unknown_offset()).
std::optional<Instant> parse_instant(std::string_view text, const Zone* zone);

/// True when `text` would be an instant but for its offset -00:00 ("the local offset is
/// unknown", RFC 3339 4.3), which parse_instant() refuses: `2026-12-05T02:00:00-00:00`.
bool has_unknown_offset(std::string_view text);

/// True when `text` is a bare date (`2026-11-20`) rather than a full timestamp.
bool is_bare_date(std::string_view text);

/// RFC 3339 in UTC: `2026-12-04T15:00:00Z`; a fraction only when there is one (`...00.5Z`).
std::string format_instant(Instant t);

/// RFC 3339 with the zone's offset at that instant: `2026-12-05T02:00:00+08:00`.
std::string format_instant_in(Instant t, const Zone* zone);

/// The IANA zone of that name (`Asia/Shanghai`), or nullptr when unknown.
const Zone* find_zone(std::string_view name);

/// Every name find_zone() accepts (zones and their links, `Asia/Shanghai`, `PRC`), sorted:
/// the files of the zone directory (`$TZDIR`, else /usr/share/zoneinfo) that it would read.
/// Opens each of them, so it is for messages (a "did you mean"), not for the way of a run.
/// Empty when the directory cannot be read.
std::vector<std::string> zone_names();

/// True for an E.164 number: `+`, a non-zero digit, at most 15 digits in all.
bool is_e164(std::string_view phone);

/// Daily working hours, minutes after local midnight. `end` may be ≤ `start`: the range
/// wraps midnight (`22:00-06:00`). `00:00-24:00` is the whole day.
struct HoursRange {
  int start_minute = 0;
  int end_minute = 0;
  bool wraps_midnight() const { return end_minute <= start_minute; }
  /// Length of one day's range in minutes.
  int length_minutes() const;
};

/// Parses `"09:00-18:00"` (24-hour clock; `24:00` allowed as an end). Equal ends are refused:
/// the range would be empty (the whole day is `00:00-24:00`).
std::optional<HoursRange> parse_hours(std::string_view text);

/// Prints `09:00-18:00`.
std::string format_hours(const HoursRange& h);

}  // namespace golive
