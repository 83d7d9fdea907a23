// The two ways golive could find a plan's time zones, timed by bench/tz.sh as whole
// processes: the date library's database (what golive used before) and cctz (what it uses).
// Each run converts one instant in the three zones of the example plans.
//
//   tz_startup date    date::locate_zone: builds the date library's whole database first
//   tz_startup date-one  one date::time_zone built alone (the constructor its database
//                      uses): its first conversion still builds the whole database, for
//                      the leap seconds
//   tz_startup cctz    cctz::load_time_zone: reads the one file of each zone
#include <chrono>
#include <cstdio>
#include <cstring>

#include <cctz/time_zone.h>
#include <date/tz.h>
#include <date/tz_private.h>

int main(int argc, char** argv) {
  const char* zones[] = {"Asia/Shanghai", "Europe/Berlin", "Asia/Singapore"};
  const auto t = std::chrono::sys_seconds{std::chrono::seconds{1796000000}};
  long total = 0;
  if (argc == 2 && std::strcmp(argv[1], "date") == 0) {
    for (const char* z : zones) total += date::locate_zone(z)->get_info(t).offset.count();
  } else if (argc == 2 && std::strcmp(argv[1], "date-one") == 0) {
    for (const char* z : zones) {
      const date::time_zone zone(z, date::detail::undocumented{});
      total += zone.get_info(t).offset.count();
    }
  } else if (argc == 2 && std::strcmp(argv[1], "cctz") == 0) {
    for (const char* z : zones) {
      cctz::time_zone tz;
      if (!cctz::load_time_zone(z, &tz)) return 1;
      total += tz.lookup(t).offset;
    }
  } else {
    std::fprintf(stderr, "usage: tz_startup date|date-one|cctz\n");
    return 2;
  }
  return total == 8 * 3600 + 3600 + 8 * 3600 ? 0 : 1;
}
