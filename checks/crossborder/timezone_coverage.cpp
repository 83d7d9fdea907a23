// checks/crossborder/timezone_coverage.cpp
#include <set>
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/engine/go_live_times.h"
#include "checks/engine/time_intervals.h"
#include "checks/engine/zone.h"

namespace golive {
namespace {

/// Gaps named in a message; the evidence lists all of them.
constexpr size_t kGapsInMessage = 3;

/// A period for people: its start and end as say_instant() prints them in UTC (the
/// evidence keeps format_interval()). UTC rather than the plan's zone, unlike every other
/// instant in a report: SPEC §5 reports these gaps in UTC, the time reference the regions
/// of a cross-border plan share (docs/reports.md).
std::string say_interval(const TimeInterval& i) {
  return message("findings.crossborder.timezone-coverage.interval", fmt::arg("start", say_instant(i.start, nullptr)),
                 fmt::arg("end", say_instant(i.end, nullptr)));
}

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
        Finding& f = ctx.add(Status::Fail, "scenarios.cross_border", plan.scenarios.loc,
                             message("findings.crossborder.missing"));
        f.remediation = message("fixes.crossborder.timezone-coverage.add");
      } else {
        ctx.add(Status::Skip, "scenarios.cross_border", plan.scenarios.loc,
                message("findings.crossborder.not_cross_border"));
      }
      return;
    }
    if (cb->regions.empty()) {
      Finding& f = ctx.add(Status::Fail, "scenarios.cross_border", cb->loc,
                           message("findings.crossborder.no_regions"));
      f.remediation = message("fixes.crossborder.timezone-coverage.regions");
      return;
    }
    const GoLive& g = plan.go_live;
    if (!g.window_start || !g.window_end) {
      for (size_t i = 0; i < cb->regions.size(); ++i) {
        Finding& f = ctx.add(Status::Fail, subject_of("regions", cb->regions[i].code, i), g.window_loc,
                             message("findings.crossborder.timezone-coverage.no_window"));
        f.remediation = message("fixes.crossborder.timezone-coverage.window");
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
                       ? ctx.add(Status::Fail, subject, r.timezone.loc,
                                 message("findings.crossborder.timezone-coverage.unknown_zone",
                                         fmt::arg("region", region), fmt::arg("zone", *r.timezone)))
                       : ctx.add(Status::Fail, subject, r.timezone.loc,
                                 message("findings.crossborder.timezone-coverage.no_zone", fmt::arg("region", region)));
      f.remediation = message("fixes.crossborder.timezone-coverage.zone", fmt::arg("region", region));
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
      f = &ctx.add(Status::Pass, subject, r.loc,
                   message("findings.crossborder.timezone-coverage.none_required", fmt::arg("hours", hours_text),
                           fmt::arg("region", region), fmt::arg("zone", zone_name),
                           fmt::arg("period", say_interval(period))));
    } else if (gaps.empty()) {
      f = &ctx.add(Status::Pass, subject, r.loc,
                   message(counted.size() == 1 ? "findings.crossborder.timezone-coverage.covered_one"
                                               : "findings.crossborder.timezone-coverage.covered",
                           fmt::arg("hours", hours_text), fmt::arg("region", region), fmt::arg("zone", zone_name),
                           fmt::arg("start", say_instant(period.start, nullptr)),
                           fmt::arg("end", say_instant(period.end, nullptr)), fmt::arg("count", counted.size())));
    } else {
      std::vector<std::string> shown;
      for (size_t i = 0; i < gaps.size() && i < kGapsInMessage; ++i)
        shown.push_back(say_interval(gaps[i]));
      std::string more = gaps.size() > kGapsInMessage
                             ? message("findings.crossborder.timezone-coverage.more",
                                       fmt::arg("count", gaps.size() - kGapsInMessage))
                             : "";
      f = &ctx.add(Status::Fail, subject, r.loc,
                   message(gaps.size() == 1 ? "findings.crossborder.timezone-coverage.gap"
                                            : "findings.crossborder.timezone-coverage.gaps",
                           fmt::arg("uncovered", say_duration(uncovered)), fmt::arg("hours", hours_text),
                           fmt::arg("region", region), fmt::arg("zone", zone_name), fmt::arg("count", gaps.size()),
                           fmt::arg("gaps", fmt::join(shown, message_text("findings.join.parts"))),
                           fmt::arg("more", more)));
      const std::string_view list = message_text("findings.join.list");
      std::string who = counted.empty() ? message("fixes.crossborder.timezone-coverage.no_one")
                                        : fmt::format("{}", fmt::join(counted, list));
      f->remediation =
          without_hours.empty()
              ? message("fixes.crossborder.timezone-coverage.staff", fmt::arg("region", region), fmt::arg("who", who))
              : message("fixes.crossborder.timezone-coverage.staff_and_hours", fmt::arg("region", region),
                        fmt::arg("who", who), fmt::arg("without_hours", fmt::join(without_hours, list)));
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
