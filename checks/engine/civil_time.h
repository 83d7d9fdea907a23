#pragma once
/// The calendar date and time of day of a time point, for formatting instants.

#include <string>

#include <date/date.h>

namespace golive {

/// A whole-second time point as a calendar date and a time of day.
struct CivilTime {
  std::string date;  ///< "YYYY-MM-DD", as date::format("%Y-%m-%d") writes it
  int hours = 0;     ///< 0-23
  int minutes = 0;   ///< 0-59
  int seconds = 0;   ///< 0-59
};

/// What date::format writes for the date and the time of `t`, without the stream and
/// locale it sets up on every call (a large plan's findings format tens of thousands of
/// instants). Years outside 0000-9999 are left to date::format, whose spelling of them is
/// the reference.
CivilTime civil_time(date::sys_seconds t);

}  // namespace golive
