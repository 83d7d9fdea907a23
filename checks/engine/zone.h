#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <type_traits>

#include <date/tz.h>

namespace golive {

/// An IANA time zone (`Asia/Shanghai`), read from its one file under the system's zoneinfo
/// directory (`$TZDIR`, else /usr/share/zoneinfo) by Google's cctz when find_zone first
/// names it. It answers the questions of `date::time_zone` that golive asks, with the same
/// results, so date's calendar and formatting code works on what it returns.
class Zone {
 public:
  /// Use find_zone, which checks the name first. Throws std::runtime_error when the file
  /// cannot be read as a zone.
  explicit Zone(std::string name);
  ~Zone();
  Zone(const Zone&) = delete;
  Zone& operator=(const Zone&) = delete;

  /// The IANA name as written in the plan.
  const std::string& name() const { return name_; }

  /// The period of constant UTC offset containing `t`: [begin, end), offset (east of UTC),
  /// save (1 minute while daylight-saving time is in force, else 0, as date gives for system
  /// zone files) and abbreviation. Without any transition, begin and end are far past and
  /// far future.
  date::sys_info get_info(date::sys_seconds t) const;
  template <class D>
  date::sys_info get_info(date::sys_time<D> t) const {
    return get_info(date::floor<std::chrono::seconds>(t));
  }

  /// How a local wall-clock time maps to UTC: unique, nonexistent (skipped by a jump
  /// forward: `first` is the period before, `second` the period after) or ambiguous
  /// (repeated by a jump back: `first` earlier, `second` later).
  date::local_info get_info(date::local_seconds t) const;

  /// The wall-clock reading of `t` in this zone.
  template <class D>
  date::local_time<std::common_type_t<D, std::chrono::seconds>> to_local(date::sys_time<D> t) const {
    using R = std::common_type_t<D, std::chrono::seconds>;
    return date::local_time<R>{(t + get_info(t).offset).time_since_epoch()};
  }

  /// The instant of a wall-clock reading: a skipped reading is the instant of the jump;
  /// a repeated one the earlier or the later of its two instants, as `z` says.
  template <class D>
  date::sys_time<std::common_type_t<D, std::chrono::seconds>> to_sys(date::local_time<D> t,
                                                                    date::choose z) const {
    using R = std::common_type_t<D, std::chrono::seconds>;
    const date::local_info i = get_info(date::floor<std::chrono::seconds>(t));
    if (i.result == date::local_info::nonexistent) return date::sys_time<R>{i.first.end};
    const auto offset = i.result == date::local_info::ambiguous && z == date::choose::latest
                            ? i.second.offset
                            : i.first.offset;
    return date::sys_time<R>{t.time_since_epoch() - offset};
  }

 private:
  struct Impl;
  std::string name_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace golive
