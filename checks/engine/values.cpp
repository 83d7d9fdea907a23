#include "checks/engine/values.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>

#include <date/date.h>
#include <fmt/format.h>

#include "checks/engine/civil_time.h"
#include "checks/engine/i18n.h"
#include "checks/engine/zone.h"

namespace golive {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads a run of at most kMaxAmountDigits digits at `pos`; false if there is none or more.
// Six digits keep every duration (and an instant plus a duration) far inside the range of
// microsecond clocks, and the JSON Schema's pattern can say the same.
constexpr size_t kMaxAmountDigits = 6;
bool read_number(std::string_view s, size_t& pos, int64_t& out) {
  size_t start = pos;
  while (pos < s.size() && is_digit(s[pos])) ++pos;
  if (pos == start || pos - start > kMaxAmountDigits) return false;
  auto res = std::from_chars(s.data() + start, s.data() + pos, out);
  return res.ec == std::errc();
}

std::optional<Duration> parse_iso_duration(std::string_view s) {
  // P[nW] | P[nD][T[nH][nM][nS]]
  size_t pos = 1;
  int64_t total = 0;
  bool in_time = false, any = false;
  char last_unit = 0;
  while (pos < s.size()) {
    if (s[pos] == 'T') {
      if (in_time) return std::nullopt;
      in_time = true;
      ++pos;
      last_unit = 0;
      continue;
    }
    int64_t n = 0;
    if (!read_number(s, pos, n) || pos >= s.size()) return std::nullopt;
    char unit = s[pos++];
    int64_t mult = 0;
    // Units must appear in descending order, each at most once.
    static constexpr std::string_view date_units = "WD", time_units = "HMS";
    std::string_view order = in_time ? time_units : date_units;
    auto idx = order.find(unit);
    if (idx == std::string_view::npos) return std::nullopt;
    if (last_unit && order.find(last_unit) >= idx) return std::nullopt;
    last_unit = unit;
    switch (unit) {
      case 'W': mult = 7 * 86400; break;
      case 'D': mult = 86400; break;
      case 'H': mult = 3600; break;
      case 'M': mult = 60; break;
      case 'S': mult = 1; break;
    }
    total += n * mult;
    any = true;
  }
  if (!any) return std::nullopt;
  if (in_time && last_unit == 0) return std::nullopt;  // "P1DT" has an empty time part
  return Duration(total);
}

}  // namespace

std::string duration_problem(std::string_view s) {
  size_t run = 0;
  for (char c : s) {
    run = is_digit(c) ? run + 1 : 0;
    if (run > kMaxAmountDigits) return message_text("errors.duration.too_many_digits");
  }
  if (s.find_first_of(".,") != std::string_view::npos)
    return message_text("errors.duration.fraction");
  if (!s.empty() && s[0] == 'P') {
    std::string_view date_part = s.substr(0, s.find('T'));
    if (date_part.find_first_of("YM") != std::string_view::npos)
      return message_text("errors.duration.months_years");
  }
  return "";
}

std::optional<Duration> parse_duration(std::string_view s) {
  if (s.empty()) return std::nullopt;
  if (s[0] == 'P') return parse_iso_duration(s);
  size_t pos = 0;
  int64_t total = 0;
  std::string_view units = "wdhms";
  size_t last = std::string_view::npos;
  while (pos < s.size()) {
    int64_t n = 0;
    if (!read_number(s, pos, n) || pos >= s.size()) return std::nullopt;
    char unit = s[pos++];
    auto idx = units.find(unit);
    // Each unit at most once, largest first: "1h30m", never "30m1h" or "1h1h".
    if (idx == std::string_view::npos) return std::nullopt;
    if (last != std::string_view::npos && idx <= last) return std::nullopt;
    last = idx;
    static constexpr int64_t mult[] = {7 * 86400, 86400, 3600, 60, 1};
    total += n * mult[idx];
  }
  return Duration(total);
}

std::string format_duration(std::chrono::microseconds d) {
  int64_t us = d.count();
  if (us == 0) return "0s";
  std::string out;
  if (us < 0) {
    out = "-";
    us = -us;
  }
  int64_t s = us / 1'000'000;
  us %= 1'000'000;
  static constexpr std::pair<int64_t, char> parts[] = {{86400, 'd'}, {3600, 'h'}, {60, 'm'}};
  for (auto [size, unit] : parts) {
    if (s >= size) {
      out += fmt::format("{}{}", s / size, unit);
      s %= size;
    }
  }
  if (us != 0) {
    std::string frac = fmt::format("{:06}", us);
    frac.erase(frac.find_last_not_of('0') + 1);
    out += fmt::format("{}.{}s", s, frac);
  } else if (s != 0) {
    out += fmt::format("{}s", s);
  }
  return out;
}

bool has_unknown_offset(std::string_view t) {
  constexpr std::string_view kUnknown = "-00:00";
  if (t.size() <= kUnknown.size() || t.substr(t.size() - kUnknown.size()) != kUnknown) return false;
  std::string utc(t.substr(0, t.size() - kUnknown.size()));
  return parse_instant(utc + "Z", nullptr).has_value();
}

bool is_bare_date(std::string_view t) {
  return t.size() == 10 && is_digit(t[0]) && is_digit(t[1]) && is_digit(t[2]) && is_digit(t[3]) &&
         t[4] == '-' && is_digit(t[5]) && is_digit(t[6]) && t[7] == '-' && is_digit(t[8]) &&
         is_digit(t[9]);
}

std::optional<Instant> parse_instant(std::string_view t, const Zone* zone) {
  auto num = [&](size_t at, size_t len) -> int {
    int v = 0;
    for (size_t i = at; i < at + len; ++i) v = v * 10 + (t[i] - '0');
    return v;
  };
  auto digits = [&](size_t at, size_t len) {
    if (at + len > t.size()) return false;
    for (size_t i = at; i < at + len; ++i)
      if (!is_digit(t[i])) return false;
    return true;
  };
  if (t.size() < 10 || !digits(0, 4) || t[4] != '-' || !digits(5, 2) || t[7] != '-' ||
      !digits(8, 2))
    return std::nullopt;
  date::year_month_day ymd{date::year{num(0, 4)}, date::month(unsigned(num(5, 2))),
                           date::day(unsigned(num(8, 2)))};
  if (!ymd.ok()) return std::nullopt;
  date::local_days local_day{ymd};
  if (t.size() == 10) {
    if (!zone) return Instant{date::sys_days{ymd}};
    try {
      // Midnight that does not exist (a DST jump at 00:00) resolves to the first valid instant.
      auto zt = zone->to_sys(date::local_seconds{local_day}, date::choose::earliest);
      return Instant{zt};
    } catch (const std::exception&) {
      auto info = zone->get_info(date::local_seconds{local_day});
      return Instant{date::sys_days{ymd}} - info.second.offset + std::chrono::hours(1);
    }
  }
  char sep = t[10];
  if (sep != 'T' && sep != 't' && sep != ' ') return std::nullopt;
  if (!digits(11, 2) || t.size() < 19 || t[13] != ':' || !digits(14, 2) || t[16] != ':' ||
      !digits(17, 2))
    return std::nullopt;
  int hh = num(11, 2), mm = num(14, 2), ss = num(17, 2);
  if (hh > 23 || mm > 59 || ss > 59) return std::nullopt;
  size_t pos = 19;
  int64_t micros = 0;
  if (pos < t.size() && t[pos] == '.') {
    ++pos;
    size_t start = pos;
    while (pos < t.size() && is_digit(t[pos])) ++pos;
    if (pos == start) return std::nullopt;
    // Kept to the microsecond; a seventh non-zero digit would be lost, so it is refused
    // rather than truncated (a truncated instant only ever moves a result towards pass).
    for (size_t i = start; i < pos; ++i) {
      if (i - start < 6)
        micros = micros * 10 + (t[i] - '0');
      else if (t[i] != '0')
        return std::nullopt;
    }
    for (size_t i = pos - start; i < 6; ++i) micros *= 10;
  }
  if (pos >= t.size()) return std::nullopt;  // RFC 3339 requires an offset
  int offset_minutes = 0;
  if (t[pos] == 'Z' || t[pos] == 'z') {
    ++pos;
  } else if (t[pos] == '+' || t[pos] == '-') {
    if (!digits(pos + 1, 2) || pos + 3 >= t.size() || t[pos + 3] != ':' || !digits(pos + 4, 2))
      return std::nullopt;
    int oh = num(pos + 1, 2), om = num(pos + 4, 2);
    if (oh > 23 || om > 59) return std::nullopt;
    // RFC 3339 4.3: -00:00 says the local offset is unknown. A gate cannot judge a time it
    // cannot place, so it is refused rather than read as UTC.
    if (t[pos] == '-' && oh == 0 && om == 0) return std::nullopt;
    offset_minutes = (oh * 60 + om) * (t[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != t.size()) return std::nullopt;
  return Instant{date::sys_days{ymd}} + std::chrono::hours(hh) + std::chrono::minutes(mm) +
         std::chrono::seconds(ss) + std::chrono::microseconds(micros) -
         std::chrono::minutes(offset_minutes);
}

namespace {
// date::format prints every digit of the clock's precision; golive prints a fraction only
// when there is one, so whole-second instants read as they were written.
std::string seconds_and_fraction(std::chrono::microseconds since_midnight_part) {
  int64_t us = since_midnight_part.count() % 1'000'000;
  if (us < 0) us += 1'000'000;
  if (us == 0) return "";
  std::string frac = fmt::format("{:06}", us);
  frac.erase(frac.find_last_not_of('0') + 1);
  return "." + frac;
}

// "YYYY-MM-DDTHH:MM:SS", as date::format("%Y-%m-%dT%H:%M:%S", t) writes it.
std::string format_seconds(date::sys_seconds t) {
  const CivilTime c = civil_time(t);
  return fmt::format("{}T{:02}:{:02}:{:02}", c.date, c.hours, c.minutes, c.seconds);
}

}  // namespace

CivilTime civil_time(date::sys_seconds t) {
  const auto day = date::floor<date::days>(t);
  const date::year_month_day ymd(day);
  const date::hh_mm_ss<std::chrono::seconds> time(t - day);
  const int year = static_cast<int>(ymd.year());
  CivilTime c;
  c.date = year >= 0 && year <= 9999
               ? fmt::format("{:04}-{:02}-{:02}", year, static_cast<unsigned>(ymd.month()),
                             static_cast<unsigned>(ymd.day()))
               : date::format("%Y-%m-%d", t);
  c.hours = static_cast<int>(time.hours().count());
  c.minutes = static_cast<int>(time.minutes().count());
  c.seconds = static_cast<int>(time.seconds().count());
  return c;
}

std::string format_instant(Instant t) {
  auto whole = std::chrono::floor<std::chrono::seconds>(t);
  return format_seconds(whole) + seconds_and_fraction(t - whole) + "Z";
}

std::string format_instant_in(Instant t, const Zone* zone) {
  if (!zone) return format_instant(t);
  auto info = zone->get_info(t);
  auto whole = std::chrono::floor<std::chrono::seconds>(t);
  auto local = whole + info.offset;
  auto minutes = std::chrono::duration_cast<std::chrono::minutes>(info.offset).count();
  char sign = minutes < 0 ? '-' : '+';
  if (minutes < 0) minutes = -minutes;
  return fmt::format("{}{}{}{:02}:{:02}", format_seconds(local),
                     seconds_and_fraction(t - whole), sign, minutes / 60, minutes % 60);
}

namespace {

// Where cctz reads zone files from: $TZDIR, else the system's directory.
std::string zone_dir() {
  const char* dir = std::getenv("TZDIR");
  return dir && *dir ? dir : "/usr/share/zoneinfo";
}

// A name the date library's whole database lists: path components of letters, digits and
// `_+-.`, none hidden, outside the `posix/` and `right/` copies, the `Factory` zone and
// the host's `localtime`, naming a TZif file. Anything else is no zone, as it was when the whole database was read.
bool is_zone_file(std::string_view name) {
  if (name.empty() || name.size() > 255) return false;
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find('/', start);
    if (end == std::string_view::npos) end = name.size();
    std::string_view part = name.substr(start, end - start);
    if (part.empty() || part[0] == '.') return false;
    for (char c : part)
      if (!(is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
            c == '+' || c == '-' || c == '.'))
        return false;
    if (start == 0 && (part.starts_with("posix") || part == "right" || part == "Factory"))
      return false;
    // `localtime` is the host's own zone (a link to /etc/localtime), not an IANA name: a
    // plan's bare dates would mean other instants on another machine. The date library
    // lists it; golive does not.
    if (name == "localtime") return false;
    start = end + 1;
  }
  std::string path = fmt::format("{}/{}", zone_dir(), name);
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return false;
  char magic[4] = {};
  bool tzif = std::fread(magic, 1, 4, f) == 4 && std::string_view(magic, 4) == "TZif";
  std::fclose(f);
  return tzif;
}

}  // namespace

const Zone* find_zone(std::string_view name) {
  // Only the zones a plan names are read, each from its own file, once per process.
  // date::locate_zone would first build the date library's whole database, a stat of every
  // file under the zoneinfo directory (over 600: most of a run's start-up), and its zones,
  // even built one by one, build that database on first use (see bench/README.md).
  // Each thread first asks its own table, without the lock: with `check -j` the threads
  // look zones up all the time, and one lock kept them waiting on each other. Zones are
  // never dropped, so the pointers a thread keeps stay valid.
  thread_local std::map<std::string, const Zone*, std::less<>> seen;
  if (auto it = seen.find(name); it != seen.end()) return it->second;
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<Zone>, std::less<>> zones;
  const Zone* found = nullptr;
  {
    std::lock_guard lock(mutex);
    auto it = zones.find(name);
    if (it == zones.end()) {
      std::unique_ptr<Zone> zone;
      if (is_zone_file(name)) {
        try {
          zone = std::make_unique<Zone>(std::string(name));
        } catch (const std::exception&) {
          // A file cctz cannot read is no zone, like a name that is none.
        }
      }
      it = zones.emplace(std::string(name), std::move(zone)).first;
    }
    found = it->second.get();
  }
  seen.emplace(std::string(name), found);
  return found;
}

std::vector<std::string> zone_names() {
  std::vector<std::string> names;
  const std::filesystem::path root = zone_dir();
  std::error_code ec;
  std::filesystem::recursive_directory_iterator it(root, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().lexically_relative(root).generic_string();
    // The `posix/` and `right/` copies hold a thousand names that are none (is_zone_file).
    if (it->is_directory(ec) && (name.starts_with("posix") || name == "right")) {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && is_zone_file(name)) names.push_back(std::move(name));
  }
  std::sort(names.begin(), names.end());
  return names;
}

bool is_e164(std::string_view p) {
  if (p.size() < 3 || p.size() > 16 || p[0] != '+' || p[1] == '0') return false;
  for (size_t i = 1; i < p.size(); ++i)
    if (!is_digit(p[i])) return false;
  return true;
}

int HoursRange::length_minutes() const {
  return wraps_midnight() ? 24 * 60 - start_minute + end_minute : end_minute - start_minute;
}

std::optional<HoursRange> parse_hours(std::string_view t) {
  // HH:MM-HH:MM
  if (t.size() != 11 || t[2] != ':' || t[5] != '-' || t[8] != ':') return std::nullopt;
  for (size_t i : {0, 1, 3, 4, 6, 7, 9, 10})
    if (!is_digit(t[i])) return std::nullopt;
  auto minute = [&](size_t at) { return ((t[at] - '0') * 10 + (t[at + 1] - '0')) * 60 +
                                        (t[at + 3] - '0') * 10 + (t[at + 4] - '0'); };
  int sh = (t[0] - '0') * 10 + (t[1] - '0'), sm = (t[3] - '0') * 10 + (t[4] - '0');
  int eh = (t[6] - '0') * 10 + (t[7] - '0'), em = (t[9] - '0') * 10 + (t[10] - '0');
  if (sh > 23 || sm > 59 || em > 59 || eh > 24 || (eh == 24 && em != 0)) return std::nullopt;
  HoursRange h{minute(0), minute(6)};
  if (h.start_minute == h.end_minute) return std::nullopt;
  if (h.end_minute == 24 * 60 && h.start_minute == 0) return h;
  if (h.end_minute == 24 * 60) h.end_minute = 24 * 60;
  return h;
}

std::string format_hours(const HoursRange& h) {
  return fmt::format("{:02}:{:02}-{:02}:{:02}", h.start_minute / 60, h.start_minute % 60,
                     h.end_minute / 60, h.end_minute % 60);
}

}  // namespace golive
