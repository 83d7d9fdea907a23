// checks/vendor/sla_defined.cpp
#include <chrono>
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

using namespace std::chrono_literals;

/// An interval for a message, in the run's language and the plan's time zone (evidence keeps
/// format_interval(), in UTC).
std::string say_interval(const TimeInterval& i, const Zone* zone) {
  return message("findings.vendor.sla-defined.interval", fmt::arg("from", say_instant(i.start, zone)),
                 fmt::arg("to", say_instant(i.end, zone)));
}

bool same_level(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

/// Fails when a vendor's SEV1 response time is missing or above max_sev1_response, or when
/// its support hours (24x7, or a daily range in the support time zone) leave part of the
/// go-live window without support.
class VendorSlaDefined final : public Check {
 public:
  explicit VendorSlaDefined(const Params& p) : max_sev1_(p.duration("max_sev1_response", 30min)) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (plan.vendors.empty()) {
      if (plan.tagged("third-party")) {
        Finding& f = ctx.add(Status::Fail, "vendors", plan.loc, message("findings.vendor.sla-defined.undeclared"));
        f.remediation = message("fixes.vendor.sla-defined.undeclared");
      } else {
        ctx.add(Status::Skip, "vendors", plan.loc, message("findings.vendor.sla-defined.no_vendors"));
      }
      return;
    }
    for (size_t i = 0; i < plan.vendors.size(); ++i) check(plan, plan.vendors[i], i, ctx);
  }

 private:
  void check(const Plan& plan, const Vendor& v, size_t index, Context& ctx) const {
    const std::string subject = subject_of("vendors", v.id, index);
    const std::string name = v.id.value_or(std::to_string(index));
    if (!v.support) {
      Finding& f = ctx.add(Status::Fail, subject, v.loc, message("findings.vendor.sla-defined.none", fmt::arg("vendor", name)));
      f.remediation = message("fixes.vendor.sla-defined.none", fmt::arg("vendor", name), fmt::arg("limit", say_duration(max_sev1_)));
      return;
    }
    const Support& s = *v.support;
    std::vector<std::string> problems, good;
    SourceLoc where;
    auto problem = [&](std::string text, const SourceLoc& loc) {
      if (problems.empty()) where = loc;
      problems.push_back(std::move(text));
    };
    Evidence evidence;

    // SEV1 response.
    const Field<Duration>* sev1 = nullptr;
    for (const auto& [level, d] : s.response)
      if (same_level(level, "SEV1")) sev1 = &d;
    evidence.emplace_back("limit", format_duration(max_sev1_));
    evidence.emplace_back("limit_seconds", int64_t{max_sev1_.count()});
    if (!sev1 || !*sev1) {
      problem(message("findings.vendor.sla-defined.no_sev1"), sev1 ? sev1->loc : s.response_loc);
    } else {
      evidence.emplace_back("sev1_response", format_duration(**sev1));
      evidence.emplace_back("sev1_response_seconds", int64_t{(*sev1)->count()});
      std::string said = message("findings.vendor.sla-defined.sev1", fmt::arg("response", say_duration(**sev1)),
                                 fmt::arg("limit", say_duration(max_sev1_)));
      if (**sev1 > max_sev1_)
        problem(std::move(said), sev1->loc);
      else
        good.push_back(std::move(said));
    }

    // Support hours against the go-live window.
    const GoLive& g = plan.go_live;
    if (!s.hours) {
      problem(message("findings.vendor.sla-defined.no_hours"), s.hours.loc);
    } else if (*s.hours == "24x7") {
      evidence.emplace_back("hours", *s.hours);
      good.push_back(message("findings.vendor.sla-defined.always"));
    } else {
      evidence.emplace_back("hours", *s.hours);
      const auto range = parse_hours(*s.hours);
      const Zone* zone = s.timezone ? find_zone(*s.timezone) : nullptr;
      if (!range) {
        problem(message("findings.vendor.sla-defined.bad_hours", fmt::arg("hours", *s.hours)), s.hours.loc);
      } else if (!zone) {
        problem(message("findings.vendor.sla-defined.no_zone", fmt::arg("hours", *s.hours)), s.timezone.loc);
      } else if (!g.window_start || !g.window_end) {
        problem(message("findings.vendor.sla-defined.no_window"), g.window_loc);
      } else {
        evidence.emplace_back("timezone", zone->name());
        const TimeInterval window{*g.window_start, *g.window_end};
        evidence.emplace_back("window", format_interval(window));
        // vendor_support_hours() is what `golive brief` draws as the vendor's band.
        const IntervalSet gaps = subtract({window}, *vendor_support_hours(s, window));
        std::vector<std::string> listed, said;
        for (const TimeInterval& gap : gaps) {
          listed.push_back(format_interval(gap));
          said.push_back(say_interval(gap, plan.zone()));
        }
        evidence.emplace_back("gaps", listed);
        if (gaps.empty())
          good.push_back(message("findings.vendor.sla-defined.covers", fmt::arg("hours", *s.hours),
                                 fmt::arg("zone", zone->name()), fmt::arg("window", say_interval(window, plan.zone()))));
        else
          problem(message("findings.vendor.sla-defined.gaps", fmt::arg("hours", *s.hours), fmt::arg("zone", zone->name()),
                          fmt::arg("uncovered", say_duration(total_length(gaps))),
                          fmt::arg("gaps", fmt::join(said, message_text("findings.engine.join.list")))),
                  s.hours.loc);
      }
    }

    Finding& f = problems.empty()
                     ? ctx.add(Status::Pass, subject, s.loc, fmt::to_string(fmt::join(good, message_text("findings.engine.join.clauses"))))
                     : ctx.add(Status::Fail, subject, where,
                               message("findings.vendor.sla-defined.problems", fmt::arg("vendor", name),
                                       fmt::arg("problems", fmt::join(problems, message_text("findings.engine.join.clauses")))));
    f.evidence = std::move(evidence);
    if (!problems.empty())
      f.remediation = message("fixes.vendor.sla-defined.agree", fmt::arg("vendor", v.name.value_or(name)),
                              fmt::arg("limit", say_duration(max_sev1_)));
  }

  Duration max_sev1_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    VendorSlaDefined, .id = "vendor.sla-defined", .severity = Severity::Gate,
    .title = "Vendors answer SEV1 fast enough and are on duty during the window",
    .why = "When a vendor's component breaks during the go-live, recovery waits for the "
           "vendor. Its SEV1 response time must be at most max_sev1_response, and its support "
           "hours must be 24x7 or a daily range that, placed in the support time zone day by "
           "day (DST-aware, wrapping midnight), covers the whole go-live window; any uncovered "
           "span is reported in the plan's time zone.",
    .fix = "Agree a faster SEV1 response or on-duty support for the window, and record it in "
           "vendors[].support.",
    .reads = {"vendors[].support.response", "vendors[].support.hours",
              "vendors[].support.timezone", "go_live.window", "plan.scenarios"});

}  // namespace golive
