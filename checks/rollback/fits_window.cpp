// checks/rollback/fits_window.cpp
#include <string>

#include "checks/engine/check.h"
#include "checks/engine/dated_evidence.h"
#include "checks/engine/go_live_times.h"

namespace golive {
namespace {

constexpr const char* kSubject = "rollback";
constexpr const char* kTestedSubject = "rollback.tested";

/// Fails when a rollback decided at the last checkpoint (or at window start) would not be
/// finished and verified by the window end, or when the rehearsal took longer than the
/// planned duration.
class RollbackFitsWindow final : public Check {
 public:
  explicit RollbackFitsWindow(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (!plan.rollback) {
      ctx.fail(kSubject, plan.loc, "no rollback section, so its duration is unknown (rollback)")
          .remediation = "Add a rollback: section with duration and verification";
      return;
    }
    fits(plan, *plan.rollback, ctx);
    measured(*plan.rollback, ctx);
  }

 private:
  static void fits(const Plan& plan, const Rollback& rb, Context& ctx) {
    const GoLive& g = plan.go_live;
    const Checkpoint* cp = last_checkpoint(g);
    if (!g.window_end) {
      ctx.fail(kSubject, g.window_end.loc, "no window end (go_live.window.end) to fit the rollback in")
          .remediation = "Set go_live.window.end";
      return;
    }
    if (!cp && !g.window_start) {
      ctx.fail(kSubject, g.window_start.loc,
               "no window start (go_live.window.start) and no checkpoint: the rollback has no start")
          .remediation = "Set go_live.window.start";
      return;
    }
    if (!rb.duration || !rb.verification) {
      const bool no_duration = !rb.duration;
      ctx.fail(kSubject, no_duration ? rb.duration.loc : rb.verification.loc,
               "no {} (rollback.{}), so the end of a rollback cannot be computed",
               no_duration ? "rollback duration" : "verification time",
               no_duration ? "duration" : "verification")
          .remediation = no_duration
                             ? "Set rollback.duration from the rehearsal (rollback.tested.duration)"
                             : "Set rollback.verification: how long the checks after a rollback take";
      return;
    }

    // rollback_timing() is the computation `golive brief` shows as the rollback deadline.
    const RollbackTiming t = *rollback_timing(g, rb);
    const Instant start = t.start;
    const std::string& from = t.from;
    const Instant finish = t.finish;
    const Instant end = t.window_end;
    const Elapsed margin = t.margin;

    std::string relation = margin > Duration::zero()
                               ? fmt::format("{} before", format_duration(margin))
                               : margin == Duration::zero()
                                     ? "exactly at"
                                     : fmt::format("{} after", format_duration(-margin));
    const std::string message = fmt::format(
        "rollback from {} at {}: {} + {} verification, done at {}, {} window end {}", from,
        format_instant_in(start, plan.zone()), format_duration(*rb.duration),
        format_duration(*rb.verification), local_and_utc(finish, plan),
        relation, local_and_utc(end, plan));
    Finding& f = margin >= Duration::zero() ? ctx.pass(kSubject, rb.duration.loc, "{}", message)
                                            : ctx.fail(kSubject, rb.duration.loc, "{}", message);
    f.evidence.emplace_back("start_from", from);
    f.evidence.emplace_back("start_at", format_instant_in(start, plan.zone()));
    f.evidence.emplace_back("start_at_utc", format_instant(start));
    f.evidence.emplace_back("duration", format_duration(*rb.duration));
    f.evidence.emplace_back("verification", format_duration(*rb.verification));
    f.evidence.emplace_back("finish_at", format_instant_in(finish, plan.zone()));
    f.evidence.emplace_back("finish_at_utc", format_instant(finish));
    f.evidence.emplace_back("window_end", format_instant_in(end, plan.zone()));
    f.evidence.emplace_back("window_end_utc", format_instant(end));
    f.evidence.emplace_back("margin", format_duration(margin));
    f.evidence.emplace_back("margin_seconds", whole_seconds(margin));
    if (margin < Duration::zero()) {
      const Instant latest = t.latest_start;
      f.remediation = fmt::format(
          "Make the rollback {} shorter, hold the last go/no-go by {} at the latest, or extend "
          "go_live.window.end",
          format_duration(-margin), format_instant_in(latest, plan.zone()));
    }
  }

  static void measured(const Rollback& rb, Context& ctx) {
    if (!rb.tested || !rb.tested->duration) {
      ctx.fail(kTestedSubject, rb.tested ? rb.tested->duration.loc : rb.loc,
               "no measured rollback duration (rollback.tested.duration) to confirm the planned {}",
               rb.duration ? format_duration(*rb.duration) : "duration")
          .remediation = "Time the rollback rehearsal and record it in rollback.tested.duration";
      return;
    }
    const Duration took = *rb.tested->duration;
    if (!rb.duration) {
      ctx.fail(kTestedSubject, rb.duration.loc,
               "no planned rollback.duration to compare the measured {} with", format_duration(took))
          .remediation = fmt::format("Set rollback.duration to at least the measured {}", format_duration(took));
      return;
    }
    const Duration planned = *rb.duration;
    Finding& f = took <= planned
                     ? ctx.pass(kTestedSubject, rb.tested->duration.loc,
                                "rehearsed rollback took {}, within the planned {}", format_duration(took),
                                format_duration(planned))
                     : ctx.fail(kTestedSubject, rb.tested->duration.loc,
                                "rehearsed rollback took {}, longer than the planned {}: the window "
                                "computation is optimistic",
                                format_duration(took), format_duration(planned));
    f.evidence.emplace_back("measured", format_duration(took));
    f.evidence.emplace_back("measured_seconds", int64_t{took.count()});
    f.evidence.emplace_back("planned", format_duration(planned));
    f.evidence.emplace_back("planned_seconds", int64_t{planned.count()});
    if (f.status == Status::Fail)
      f.remediation = fmt::format(
          "Set rollback.duration to at least the measured {} and check that it still fits the "
          "window, or speed the rollback up and rehearse it again",
          format_duration(took));
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    RollbackFitsWindow, .id = "rollback.fits-window", .severity = Severity::Gate,
    .title = "A rollback decided at the last checkpoint still ends inside the window",
    .why = "The go-live window is what the business agreed to lose; a rollback that overruns "
           "it turns a failed release into an outage. The rollback is decided at the last "
           "go/no-go checkpoint at the latest (at window start when there is none; a checkpoint "
           "before the window counts as the window start): that instant + rollback.duration + "
           "rollback.verification must be at or before the window end. The duration must also "
           "be honest: the rehearsal (rollback.tested.duration) must not have taken longer than "
           "rollback.duration. Instants are computed exactly and shown in the plan's zone and "
           "in UTC.",
    .fix = "Shorten the rollback, move the last checkpoint earlier or extend the window; keep "
           "rollback.duration at least the rehearsed duration.",
    .reads = {"go_live.window.start", "go_live.window.end", "go_live.checkpoints[].at",
              "go_live.checkpoints[].name", "rollback.duration", "rollback.verification",
              "rollback.tested.duration"},
    .live = false);

}  // namespace golive
