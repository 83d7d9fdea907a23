// checks/drills/recent.cpp
#include <chrono>
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"
#include "checks/engine/dated_evidence.h"

namespace golive {
namespace {

using namespace std::chrono_literals;

/// Fails for each required drill type without a passed drill within max_age.
class DrillsRecent final : public Check {
 public:
  explicit DrillsRecent(const Params& p)
      : types_(p.list("types", {"rollback", "restore"})), max_age_(p.duration("max_age", 365 * 24h)) {}

  void run(const Plan& plan, Context& ctx) const override {
    for (const std::string& type : types_) check(plan, type, ctx);
  }

 private:
  void check(const Plan& plan, const std::string& type, Context& ctx) const {
    const std::string subject = fmt::format("drills[{}]", type);
    const std::string redo = fmt::format(
        "Run a {} drill with the go-live team, fix what it finds, and record it under drills "
        "with type {}, at, result and report",
        type, type);

    // The latest passed drill of this type dated at or before the as-of instant counts;
    // later-dated ones are only scheduled.
    const Drill* best = nullptr;
    const Drill* latest_any = nullptr;  // for saying why nothing counts
    std::vector<std::string> failed, scheduled;
    for (const Drill& d : plan.drills) {
      if (!d.type || *d.type != type) continue;
      if (!latest_any || (d.at && (!latest_any->at || *d.at > *latest_any->at))) latest_any = &d;
      const std::string when = d.at ? format_instant_in(*d.at, plan.zone()) : "undated";
      if (!d.at) continue;
      if (*d.at > ctx.as_of()) {
        scheduled.push_back(when);
        continue;
      }
      if (!d.result || *d.result != "pass") {
        failed.push_back(fmt::format("{} ({})", when, d.result.value_or("no result")));
        continue;
      }
      if (!best || *d.at > *best->at) best = &d;
    }

    if (!best) {
      std::string message = fmt::format("no passed {} drill", type);
      if (!latest_any) {
        message += fmt::format(" recorded (drills[].type: {})", type);
      } else {
        std::vector<std::string> why;
        if (!failed.empty()) why.push_back(fmt::format("not passed: {}", fmt::join(failed, ", ")));
        if (!scheduled.empty())
          why.push_back(fmt::format("dated after the as-of instant: {}", fmt::join(scheduled, ", ")));
        if (why.empty()) why.push_back("the recorded ones have no date (drills[].at)");
        message += fmt::format(" ({})", fmt::join(why, "; "));
      }
      Finding& f = ctx.fail(subject, latest_any ? latest_any->loc : plan.loc, "{}", message);
      f.evidence.emplace_back("type", type);
      f.evidence.emplace_back("limit", format_duration(max_age_));
      f.evidence.emplace_back("limit_seconds", int64_t{max_age_.count()});
      f.remediation = redo;
      return;
    }

    const Elapsed age = ctx.age(*best->at);
    const bool ok = age <= max_age_;
    Finding& f = ok ? ctx.pass(subject, best->at.loc, "{} drill passed {} ago, limit {} (max_age)", type,
                               format_duration(age), format_duration(max_age_))
                    : ctx.fail(subject, best->at.loc, "last passed {} drill was {} ago, limit {} (max_age)",
                               type, format_duration(age), format_duration(max_age_));
    f.evidence.emplace_back("type", type);
    add_age_evidence(f, plan, *best->at, age, max_age_);
    if (best->report) f.evidence.emplace_back("report", *best->report);
    if (ok)
      f.expires_at = *best->at + max_age_;
    else
      f.remediation = redo;
  }

  std::vector<std::string> types_;
  Duration max_age_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    DrillsRecent, .id = "drills.recent", .severity = Severity::Gate,
    .title = "A drill of each required type passed within max_age",
    .why = "A plan the team has never practised fails on the first unexpected step: drills "
           "show that the runbooks work and that people know their part. For each type in "
           "`types` the latest drill dated at or before the as-of instant with result pass must "
           "be no older than max_age; drills dated later are only scheduled and do not count. "
           "One finding per type; the pass expires max_age after the drill.",
    .fix = "Run the missing drills with the go-live team and record them under drills.",
    .reads = {"drills[].type", "drills[].at", "drills[].result", "drills[].report"},
    .live = false);

}  // namespace golive
