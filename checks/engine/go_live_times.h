#pragma once
/// The instants and spans of the go-live night that both the checks and `golive brief`
/// compute: the rollback deadline (rollback.fits-window), the period on-call and regions
/// must cover (staffing.oncall-coverage, crossborder.timezone-coverage), who covers a
/// region's business hours, and when a vendor answers (vendor.sla-defined). One
/// computation each, so the brief can never disagree with the verdict.

#include <optional>
#include <string>
#include <vector>

#include "checks/engine/plan.h"
#include "checks/engine/time_intervals.h"

namespace golive {

/// The go/no-go checkpoint with the latest time, or nullptr when none has a time.
const Checkpoint* last_checkpoint(const GoLive& g);

/// When a rollback decided at the last moment starts and ends, against the window end.
struct RollbackTiming {
  Instant start;            ///< the last checkpoint at or after window start, else window start
  /// Where it starts, in the run's language, for the message, the evidence and the brief:
  /// `window start` or `the last checkpoint 'NAME'` (`findings.rollback.fits-window.from_*`).
  std::string from;
  const Checkpoint* checkpoint = nullptr;  ///< the checkpoint it starts from; null: window start
  Duration duration{0};     ///< rollback.duration
  Duration verification{0}; ///< rollback.verification
  Instant finish;           ///< start + duration + verification
  Instant window_end;
  /// The rollback deadline: the latest instant a rollback can start and, with its
  /// duration and verification, still end at or before the window end.
  Instant latest_start;
  Elapsed margin{0};        ///< window_end - finish; negative when the rollback overruns
  bool fits() const { return margin >= Duration::zero(); }
};

/// The rollback timing of a plan, or std::nullopt when the window end, a start (window
/// start or a checkpoint), rollback.duration or rollback.verification is missing.
std::optional<RollbackTiming> rollback_timing(const GoLive& g, const Rollback& rb);

/// The period on-call and regions must cover: window start to window end + hypercare
/// (hypercare 0 when unset); std::nullopt without a window start and end.
std::optional<TimeInterval> coverage_period(const GoLive& g);

/// True when a shift has who, level, from and to, and ends after it starts.
bool usable_shift(const Shift& s);

/// The business hours crossborder.timezone-coverage requires when its `business_hours`
/// parameter is not set: 09:00-18:00 every day in the region's zone.
inline constexpr HoursRange kDefaultBusinessHours{9 * 60, 18 * 60};

/// A region's business hours within a period and the people covering them.
struct RegionCoverage {
  std::vector<const Contact*> people;      ///< the responsible, then contacts of the region
  std::vector<const Contact*> counted;     ///< those with a known zone and hours
  std::vector<std::string> without_hours;  ///< ids of people with no zone or hours
  IntervalSet required;                    ///< business hours in the region's zone
  IntervalSet worked;                      ///< union of the counted people's working hours
  IntervalSet gaps;                        ///< required minus worked
};

/// Who covers region `r` (in `zone`) during `period`: its responsible and every contact
/// whose region is its code, once each, each in their own zone and hours; days are
/// expanded one by one, so daylight-saving changes count exactly.
RegionCoverage region_coverage(const Plan& plan, const Region& r, const Zone& zone,
                               const HoursRange& business_hours, const TimeInterval& period);

/// The instants of `period` a vendor's support answers: all of it for `24x7`, else its
/// daily hours in support.timezone. std::nullopt when the hours are missing or are not
/// `24x7` or HH:MM-HH:MM, or a daily range has no known time zone.
std::optional<IntervalSet> vendor_support_hours(const Support& s, const TimeInterval& period);

}  // namespace golive
