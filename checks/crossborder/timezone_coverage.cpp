// checks/crossborder/timezone_coverage.cpp
#include <set>
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"
#include "checks/engine/go_live_times.h"
#include "checks/engine/time_intervals.h"
#include "checks/engine/zone.h"

namespace golive {
namespace {

/// Gaps named in a message; the evidence lists all of them.
constexpr size_t kGapsInMessage = 3;

/// Fails when the business hours of a region, from window start to the end of hypercare,
/// are not fully covered by the working hours of that region's people.
class TimezoneCoverage final : public Check {
 public:
  explicit TimezoneCoverage(const Params& p)
      : business_hours_(p.hours("business_hours", kDefaultBusinessHours)) {}

  void run(const Plan& plan, Context& ctx) const override {
    const auto& cb = plan.scenarios.cross_border;
    if (!cb) {
      if (plan.tagged("cross-border")) {
        Finding& f = ctx.fail("scenarios.cross_border", plan.scenarios.loc,
                              "plan.scenarios lists cross-border but scenarios.cross_border is missing");
        f.remediation = "Add scenarios.cross_border.regions, each with its timezone and responsible";
      } else {
        ctx.skip("scenarios.cross_border", plan.scenarios.loc,
                 "not a cross-border launch (no scenarios.cross_border)");
      }
      return;
    }
    if (cb->regions.empty()) {
      Finding& f = ctx.fail("scenarios.cross_border", cb->loc,
                            "no regions declared (scenarios.cross_border.regions)");
      f.remediation = "List every region of the launch under scenarios.cross_border.regions";
      return;
    }
    const GoLive& g = plan.go_live;
    if (!g.window_start || !g.window_end) {
      for (size_t i = 0; i < cb->regions.size(); ++i) {
        Finding& f = ctx.fail(subject_of("regions", cb->regions[i].code, i), g.window_loc,
                              "go_live.window has no start or end, so there is no period to cover");
        f.remediation = "Set go_live.window.start and go_live.window.end";
      }
      return;
    }
    const Duration hypercare = g.hypercare.value_or(Duration{0});
    const TimeInterval period{*g.window_start, *g.window_end + hypercare};
    for (size_t i = 0; i < cb->regions.size(); ++i)
      check(plan, cb->regions[i], i, period, hypercare, ctx);
  }

 private:
  void check(const Plan& plan, const Region& r, size_t index, const TimeInterval& period,
             Duration hypercare, Context& ctx) const {
    const std::string subject = subject_of("regions", r.code, index);
    const std::string region = r.code.value_or(std::to_string(index));
    const Zone* zone = r.timezone ? find_zone(*r.timezone) : nullptr;
    if (!zone) {
      Finding& f = r.timezone
                       ? ctx.fail(subject, r.timezone.loc, "region {} has an unknown time zone '{}'",
                                  region, *r.timezone)
                       : ctx.fail(subject, r.timezone.loc,
                                  "region {} has no timezone (regions[].timezone), so its business "
                                  "hours cannot be placed",
                                  region);
      f.remediation = fmt::format("Set regions[].timezone of {} to its IANA zone (e.g. Asia/Singapore)",
                                  region);
      return;
    }

    // region_coverage() is shared with `golive brief`, which draws the same gaps.
    const RegionCoverage cover = region_coverage(plan, r, *zone, business_hours_, period);
    std::vector<std::string> counted;
    for (const Contact* c : cover.counted)
      counted.push_back(fmt::format("{} {} {}", *c->id, format_hours(*c->hours), find_zone(*c->timezone)->name()));
    const std::vector<std::string>& without_hours = cover.without_hours;
    const IntervalSet& required = cover.required;
    const IntervalSet& gaps = cover.gaps;
    const Elapsed uncovered = total_length(gaps);
    const std::string hours_text = format_hours(business_hours_);
    const std::string zone_name = zone->name();
    const std::string period_text = format_interval(period);

    Finding* f = nullptr;
    if (required.empty()) {
      f = &ctx.pass(subject, r.loc, "no {} business hours of {} ({}) fall within {}", hours_text,
                    region, zone_name, period_text);
    } else if (gaps.empty()) {
      f = &ctx.pass(subject, r.loc,
                    "{} business hours of {} ({}) covered from {} to {} by {} {}", hours_text,
                    region, zone_name, format_instant(period.start), format_instant(period.end),
                    counted.size(), counted.size() == 1 ? "person" : "people");
    } else {
      std::vector<std::string> shown;
      for (size_t i = 0; i < gaps.size() && i < kGapsInMessage; ++i)
        shown.push_back(format_interval(gaps[i]));
      std::string more =
          gaps.size() > kGapsInMessage ? fmt::format(" and {} more", gaps.size() - kGapsInMessage) : "";
      f = &ctx.fail(subject, r.loc, "{} of {} business hours of {} ({}) uncovered in {} {}: {}{}",
                    format_duration(uncovered), hours_text, region, zone_name, gaps.size(),
                    gaps.size() == 1 ? "gap" : "gaps", fmt::join(shown, ", "), more);
      std::string who = counted.empty() ? std::string("no one with working hours")
                                        : fmt::format("{}", fmt::join(counted, ", "));
      f->remediation = fmt::format(
          "Add contacts with region: {} (or extend the hours of its people: {}) so that every "
          "gap is worked{}",
          region, who,
          without_hours.empty()
              ? std::string()
              : fmt::format("; give {} a timezone and hours", fmt::join(without_hours, ", ")));
    }

    f->evidence.emplace_back("region", region);
    f->evidence.emplace_back("timezone", zone_name);
    f->evidence.emplace_back("business_hours", hours_text);
    f->evidence.emplace_back("period", period_text);
    f->evidence.emplace_back("hypercare", format_duration(hypercare));
    f->evidence.emplace_back("people", counted);
    if (!without_hours.empty()) f->evidence.emplace_back("people_without_hours", without_hours);
    f->evidence.emplace_back("required", format_duration(total_length(required)));
    f->evidence.emplace_back("required_seconds", whole_seconds(total_length(required)));
    f->evidence.emplace_back("uncovered", format_duration(uncovered));
    f->evidence.emplace_back("uncovered_seconds", whole_seconds(uncovered));
    std::vector<std::string> all_gaps;
    for (const TimeInterval& gap : gaps) all_gaps.push_back(format_interval(gap));
    f->evidence.emplace_back("gaps", all_gaps);
  }

  HoursRange business_hours_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    TimezoneCoverage, .id = "crossborder.timezone-coverage", .severity = Severity::Gate,
    .title = "Each region's business hours are staffed from go-live to the end of hypercare",
    .why = "Users of a cross-border launch call when it is daytime for them, not for the "
           "command centre. For each region, its business hours (business_hours, every day, in "
           "the region's zone) from window start to window end + hypercare must be covered by "
           "the working hours of its people: its responsible and every contact whose region is "
           "that code, each in their own time zone. Days are expanded one by one in each zone, "
           "so daylight-saving changes and hours wrapping midnight count exactly; every "
           "uncovered span is reported in UTC.",
    .fix = "Add contacts with that region, or extend working hours, until no gap remains.",
    .reads = {"scenarios.cross_border.regions[].code", "scenarios.cross_border.regions[].timezone",
              "scenarios.cross_border.regions[].responsible", "contacts[].region",
              "contacts[].timezone", "contacts[].hours", "go_live.window", "go_live.hypercare"});

}  // namespace golive
