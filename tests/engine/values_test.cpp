#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <date/tz.h>

#include "checks/engine/values.h"
#include "checks/engine/zone.h"

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

TEST_CASE("durations: every unit, ISO 8601 and what is refused") {
  CHECK(parse_duration("0s") == 0s);
  CHECK(parse_duration("15m") == 15min);
  CHECK(parse_duration("4h") == 4h);
  CHECK(parse_duration("7d") == 7 * 24h);
  CHECK(parse_duration("1w2d3h4m5s") == 9 * 24h + 3h + 4min + 5s);
  CHECK(parse_duration("P7D") == 7 * 24h);
  CHECK(parse_duration("P2W") == 14 * 24h);
  CHECK(parse_duration("PT1H30M") == 90min);
  CHECK(parse_duration("PT45S") == 45s);
  CHECK_FALSE(parse_duration(""));
  CHECK_FALSE(parse_duration("15"));       // no unit
  CHECK_FALSE(parse_duration("m"));        // no number
  CHECK_FALSE(parse_duration("1h1h"));     // unit twice
  CHECK_FALSE(parse_duration("-5m"));      // negative
  CHECK_FALSE(parse_duration("1.5h"));     // fractions
  CHECK_FALSE(parse_duration("1y"));       // years have no fixed length
  CHECK_FALSE(parse_duration("P"));
  CHECK_FALSE(parse_duration("P1DT"));     // empty time part
  CHECK_FALSE(parse_duration("PT1D"));     // days are not a time unit
  CHECK_FALSE(parse_duration("P1H"));      // hours need the T
  CHECK_FALSE(parse_duration("PT30M1H"));  // descending order only
  CHECK_FALSE(parse_duration("9999999999999999999999h"));  // too many digits, no overflow
  CHECK(format_duration(0s) == "0s");
  CHECK(format_duration(90min) == "1h30m");
  CHECK(format_duration(-15min) == "-15m");
  CHECK(format_duration(7 * 24h + 1s) == "7d1s");
}

TEST_CASE("instants: RFC 3339 with an offset") {
  auto utc = [](std::string_view s) { return parse_instant(s, nullptr); };
  const Instant base = *utc("2026-12-04T18:00:00Z");
  CHECK(utc("2026-12-05T02:00:00+08:00") == base);
  CHECK(utc("2026-12-04T13:00:00-05:00") == base);
  CHECK(utc("2026-12-04t18:00:00z") == base);
  CHECK(utc("2026-12-04 18:00:00Z") == base);
  CHECK(utc("2026-12-04T18:00:00.999Z") == base + std::chrono::milliseconds(999));  // kept
  CHECK(utc("2026-12-04T18:00:00.1234560Z") == base + std::chrono::microseconds(123456));
  CHECK_FALSE(utc("2026-12-04T18:00:00.1234567Z"));  // a 7th digit would be lost: refused
  CHECK(format_instant(base) == "2026-12-04T18:00:00Z");
  CHECK_FALSE(utc("2026-12-04T18:00:00"));         // no offset
  CHECK_FALSE(utc("2026-12-04T18:00Z"));           // no seconds
  CHECK_FALSE(utc("2026-12-04T24:00:00Z"));
  CHECK_FALSE(utc("2026-12-04T18:00:00+0800"));    // offset without colon
  // -00:00 is RFC 3339's "local offset unknown": refused, not read as UTC; +00:00 is UTC.
  CHECK_FALSE(utc("2026-12-04T18:00:00-00:00"));
  CHECK_FALSE(utc("2026-12-04T18:00:00.5-00:00"));
  CHECK(utc("2026-12-04T18:00:00+00:00") == base);
  CHECK(utc("2026-12-04T17:59:00-00:01") == base);
  CHECK(has_unknown_offset("2026-12-04T18:00:00-00:00"));
  CHECK_FALSE(has_unknown_offset("2026-12-04T18:00:00+00:00"));
  CHECK_FALSE(has_unknown_offset("2026-12-04T18:00:00-00:01"));
  CHECK_FALSE(has_unknown_offset("2026-12-04-00:00"));
  CHECK_FALSE(has_unknown_offset("-00:00"));
  CHECK_FALSE(utc("2026-12-04T18:00:00Zjunk"));
  CHECK_FALSE(utc("2026-02-30T00:00:00Z"));        // no such day
  CHECK_FALSE(utc("2026-02-30"));
  CHECK_FALSE(utc("2026-13-01"));
  CHECK_FALSE(utc("2026-11-1"));
  CHECK(utc("2028-02-29"));                        // leap year
  CHECK_FALSE(utc("2027-02-29"));
  CHECK(is_bare_date("2026-11-20"));
  CHECK_FALSE(is_bare_date("2026-11-20T00:00:00Z"));
}

TEST_CASE("instants: a bare date is midnight in the zone, DST-aware") {
  CHECK(parse_instant("2026-11-20", nullptr) == parse_instant("2026-11-20T00:00:00Z", nullptr));
  CHECK(parse_instant("2026-11-20", find_zone("Asia/Shanghai")) ==
        parse_instant("2026-11-19T16:00:00Z", nullptr));
  const auto* berlin = find_zone("Europe/Berlin");
  REQUIRE(berlin);
  // 2026-03-29: clocks go from 02:00 CET to 03:00 CEST; midnight is still CET.
  CHECK(parse_instant("2026-03-29", berlin) == parse_instant("2026-03-28T23:00:00Z", nullptr));
  CHECK(parse_instant("2026-03-30", berlin) == parse_instant("2026-03-29T22:00:00Z", nullptr));
  // In Santiago the 2026-09-06 change happens at midnight: that midnight does not exist and
  // the day starts at 01:00 local, the first valid instant.
  const auto* santiago = find_zone("America/Santiago");
  REQUIRE(santiago);
  CHECK(parse_instant("2026-09-06", santiago) == parse_instant("2026-09-06T04:00:00Z", nullptr));
  CHECK(format_instant_in(*parse_instant("2026-09-06", santiago), santiago) ==
        "2026-09-06T01:00:00-03:00");
}

TEST_CASE("instants: printed in a zone with its offset at that instant") {
  const auto* berlin = find_zone("Europe/Berlin");
  CHECK(format_instant_in(*parse_instant("2026-07-01T10:00:00Z", nullptr), berlin) ==
        "2026-07-01T12:00:00+02:00");
  CHECK(format_instant_in(*parse_instant("2026-12-01T10:00:00Z", nullptr), berlin) ==
        "2026-12-01T11:00:00+01:00");
  CHECK(format_instant_in(*parse_instant("2026-12-01T10:00:00Z", nullptr), find_zone("America/St_Johns")) ==
        "2026-12-01T06:30:00-03:30");
  CHECK(format_instant_in(*parse_instant("2026-12-01T10:00:00Z", nullptr), nullptr) ==
        "2026-12-01T10:00:00Z");
}

TEST_CASE("time zones: IANA names only") {
  CHECK(find_zone("Asia/Shanghai"));
  CHECK(find_zone("UTC"));
  CHECK_FALSE(find_zone(""));
  CHECK_FALSE(find_zone("Asia/Shangai"));
  CHECK_FALSE(find_zone("GMT+8 "));
  CHECK_FALSE(find_zone("zone.tab"));
  CHECK_FALSE(find_zone("../zoneinfo/UTC"));
  CHECK_FALSE(find_zone("/usr/share/zoneinfo/UTC"));
  CHECK_FALSE(find_zone("posix/Asia/Shanghai"));
  CHECK_FALSE(find_zone("right/UTC"));
  CHECK_FALSE(find_zone("posixrules"));
  CHECK_FALSE(find_zone("Factory"));
  // The host's own zone: a plan's bare dates would be other instants on another machine.
  CHECK_FALSE(find_zone("localtime"));
  CHECK(find_zone("Asia/Shanghai") == find_zone("Asia/Shanghai"));
}

// Zones are built one by one, on demand (find_zone): the names accepted and the offsets
// given must be exactly those of the date library's whole database.
TEST_CASE("time zones: threads looking zones up at once get the same zone, and the same answer for none") {
  // Each thread keeps its own table in front of the shared one (check -j).
  const Zone* here = find_zone("Europe/Berlin");
  std::vector<const Zone*> berlin(4), tokyo(4), none(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 2; ++round) {  // the second round from the thread's own table
        berlin[t] = find_zone("Europe/Berlin");
        tokyo[t] = find_zone("Asia/Tokyo");
        none[t] = find_zone("Asia/Shangai");
      }
    });
  for (std::thread& t : threads) t.join();
  REQUIRE(here != nullptr);
  for (size_t t = 0; t < 4; ++t) {
    CHECK(berlin[t] == here);
    CHECK(tokyo[t] == find_zone("Asia/Tokyo"));
    CHECK(tokyo[t] != nullptr);
    CHECK(none[t] == nullptr);
  }
}

TEST_CASE("time zones: one at a time, the same as the whole database") {
  std::set<std::string> listed;
  for (const auto& z : date::get_tzdb().zones) listed.insert(z.name());
  REQUIRE(listed.size() > 300);
  // The one name golive refuses although the date library lists it: the host's own zone.
  listed.erase("localtime");
  CHECK(find_zone("localtime") == nullptr);
  const std::filesystem::path dir = "/usr/share/zoneinfo";
  std::set<std::string> accepted;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    if (std::filesystem::is_directory(e.path())) continue;
    auto name = e.path().lexically_relative(dir).string();
    if (find_zone(name)) accepted.insert(name);
  }
  CHECK(accepted == listed);
  // The names a "did you mean" chooses from: the same list, sorted.
  const std::vector<std::string> names = zone_names();
  CHECK(std::is_sorted(names.begin(), names.end()));
  CHECK(std::set<std::string>(names.begin(), names.end()) == listed);
  CHECK(names.size() == listed.size());
  const auto a = *parse_instant("2026-03-29T00:30:00Z", nullptr);
  const auto b = *parse_instant("2026-10-25T01:30:00Z", nullptr);
  for (const auto& name : listed) {
    const auto* ours = find_zone(name);
    REQUIRE(ours);
    const auto* theirs = date::locate_zone(name);
    for (auto t : {a, b}) {
      CHECK(ours->get_info(t).offset == theirs->get_info(t).offset);
      CHECK(ours->get_info(t).abbrev == theirs->get_info(t).abbrev);
    }
    // Wall-clock readings around the zone's next transitions: skipped, repeated or unique
    // alike, and the same instants for them.
    date::sys_seconds t = date::floor<std::chrono::seconds>(a);
    for (int k = 0; k < 3; ++k) {
      const date::sys_info period = theirs->get_info(t);
      if (period.end > date::sys_days{date::year{2100} / 1 / 1}) break;
      for (auto shift : {-90min, -30min, 0min, 30min, 90min}) {
        const date::local_seconds l{(period.end + period.offset + shift).time_since_epoch()};
        const date::local_info mine = ours->get_info(l), ref = theirs->get_info(l);
        CAPTURE(name);
        CHECK(mine.result == ref.result);
        CHECK(mine.first.offset == ref.first.offset);
        if (ref.result != date::local_info::unique) CHECK(mine.second.offset == ref.second.offset);
        CHECK(ours->to_sys(l, date::choose::earliest) == theirs->to_sys(l, date::choose::earliest));
        CHECK(ours->to_sys(l, date::choose::latest) == theirs->to_sys(l, date::choose::latest));
      }
      t = period.end;
    }
  }
}

TEST_CASE("phones: E.164") {
  CHECK(is_e164("+8613800000001"));
  CHECK(is_e164("+6560000000"));
  CHECK(is_e164("+123456789012345"));      // 15 digits
  CHECK_FALSE(is_e164("+1234567890123456"));  // 16 digits
  CHECK_FALSE(is_e164("8613800000001"));   // no +
  CHECK_FALSE(is_e164("+0613800000001"));  // country codes do not start with 0
  CHECK_FALSE(is_e164("+86 138 0000 0001"));
  CHECK_FALSE(is_e164("+86-13800000001"));
  CHECK_FALSE(is_e164("+"));
}

TEST_CASE("working hours") {
  auto day = parse_hours("09:00-18:00");
  REQUIRE(day);
  CHECK(day->start_minute == 540);
  CHECK(day->end_minute == 1080);
  CHECK(day->length_minutes() == 540);
  CHECK_FALSE(day->wraps_midnight());
  auto night = parse_hours("22:00-06:00");
  REQUIRE(night);
  CHECK(night->wraps_midnight());
  CHECK(night->length_minutes() == 480);
  auto all = parse_hours("00:00-24:00");
  REQUIRE(all);
  CHECK(all->length_minutes() == 1440);
  CHECK(format_hours(*night) == "22:00-06:00");
  CHECK(format_hours(*all) == "00:00-24:00");
  CHECK_FALSE(parse_hours("9:00-18:00"));
  CHECK_FALSE(parse_hours("09:00-18:60"));
  CHECK_FALSE(parse_hours("24:00-06:00"));
  CHECK_FALSE(parse_hours("09:00-24:01"));
  CHECK_FALSE(parse_hours("09:00-09:00"));
  CHECK_FALSE(parse_hours("09:00 - 18:00"));
  CHECK_FALSE(parse_hours("24x7"));
}


TEST_CASE("instants: format_instant writes what date::format writes, from year 0 to 9999 and past") {
  using namespace std::chrono;
  // Every 9,973,457 seconds (about 115 days, so times of day and leap days vary) from
  // 0000-01-01 to 9999-12-31, then instants outside four-digit years.
  const auto first = date::sys_days(date::year(0) / 1 / 1);
  const auto last = date::sys_days(date::year(9999) / 12 / 31) + hours(23) + minutes(59) + seconds(59);
  std::vector<date::sys_seconds> instants{first, last};
  for (auto t = date::sys_seconds(first); t < last; t += seconds(9'973'457)) instants.push_back(t);
  for (int y : {-1, -10000, 10000, 12345})
    instants.push_back(date::sys_days(date::year(y) / 2 / 29) + hours(7) + minutes(8) + seconds(9));
  for (date::sys_seconds t : instants) {
    const std::string expected = date::format("%Y-%m-%dT%H:%M:%S", t);
    INFO(expected);
    CHECK(format_instant(Instant(t)) == expected + "Z");
    CHECK(format_instant(Instant(t) + microseconds(250)) == expected + ".00025Z");
  }
}
