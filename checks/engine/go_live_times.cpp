#include "checks/engine/go_live_times.h"

#include <set>

#include <fmt/format.h>

#include "checks/engine/i18n.h"
#include "checks/engine/zone.h"

namespace golive {

const Checkpoint* last_checkpoint(const GoLive& g) {
  const Checkpoint* last = nullptr;
  for (const Checkpoint& c : g.checkpoints)
    if (c.at && (!last || *c.at > *last->at)) last = &c;
  return last;
}

std::optional<RollbackTiming> rollback_timing(const GoLive& g, const Rollback& rb) {
  const Checkpoint* cp = last_checkpoint(g);
  if (!g.window_end || (!cp && !g.window_start) || !rb.duration || !rb.verification)
    return std::nullopt;
  RollbackTiming t;
  // A rollback is decided at the last go/no-go checkpoint at the latest; a checkpoint
  // written before the window still cannot start a rollback before the deployment.
  t.start = g.window_start ? *g.window_start : *cp->at;
  t.from = message("findings.rollback.fits-window.from_window_start");
  if (cp && (!g.window_start || *cp->at >= *g.window_start)) {
    t.start = *cp->at;
    t.from = cp->name ? message("findings.rollback.fits-window.from_checkpoint", fmt::arg("name", *cp->name))
                      : message("findings.rollback.fits-window.from_unnamed_checkpoint");
    t.checkpoint = cp;
  }
  t.duration = *rb.duration;
  t.verification = *rb.verification;
  t.finish = t.start + t.duration + t.verification;
  t.window_end = *g.window_end;
  t.latest_start = t.window_end - t.duration - t.verification;
  t.margin = t.window_end - t.finish;
  return t;
}

std::optional<TimeInterval> coverage_period(const GoLive& g) {
  if (!g.window_start || !g.window_end) return std::nullopt;
  return TimeInterval{*g.window_start, *g.window_end + g.hypercare.value_or(Duration::zero())};
}

bool usable_shift(const Shift& s) { return s.who && s.level && s.from && s.to && *s.from < *s.to; }

RegionCoverage region_coverage(const Plan& plan, const Region& r, const Zone& zone,
                               const HoursRange& business_hours, const TimeInterval& period) {
  RegionCoverage out;
  std::set<std::string> seen;
  auto add = [&](const Contact* c) {
    if (c && c->id && seen.insert(*c->id).second) out.people.push_back(c);
  };
  if (r.responsible) add(plan.contact(*r.responsible));
  if (r.code)
    for (const Contact& c : plan.contacts)
      if (c.region && *c.region == *r.code) add(&c);

  std::vector<TimeInterval> worked;
  for (const Contact* c : out.people) {
    const Zone* own = c->timezone ? find_zone(*c->timezone) : nullptr;
    if (!own || !c->hours) {
      out.without_hours.push_back(*c->id);
      continue;
    }
    out.counted.push_back(c);
    for (const TimeInterval& i : daily_hours(*c->hours, *own, period)) worked.push_back(i);
  }
  out.required = daily_hours(business_hours, zone, period);
  out.worked = unite(std::move(worked));
  out.gaps = subtract(out.required, out.worked);
  return out;
}

std::optional<IntervalSet> vendor_support_hours(const Support& s, const TimeInterval& period) {
  if (!s.hours) return std::nullopt;
  if (*s.hours == "24x7") return period.empty() ? IntervalSet{} : IntervalSet{period};
  const auto range = parse_hours(*s.hours);
  const Zone* zone = s.timezone ? find_zone(*s.timezone) : nullptr;
  if (!range || !zone) return std::nullopt;
  return daily_hours(*range, *zone, period);
}

}  // namespace golive
