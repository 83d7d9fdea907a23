// checks/rollback/fits_window.cpp
#include <string>

#include "checks/engine/check.h"
#include "checks/engine/dated_evidence.h"
#include "checks/engine/i18n.h"
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
      ctx.add(Status::Fail, kSubject, plan.loc, message("findings.rollback.fits-window.no_section"))
          .remediation = message("fixes.rollback.fits-window.no_section");
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
      ctx.add(Status::Fail, kSubject, g.window_end.loc, message("findings.rollback.fits-window.no_window_end"))
          .remediation = message("fixes.rollback.fits-window.no_window_end");
      return;
    }
    if (!cp && !g.window_start) {
      ctx.add(Status::Fail, kSubject, g.window_start.loc,
              message("findings.rollback.fits-window.no_start"))
          .remediation = message("fixes.rollback.fits-window.no_start");
      return;
    }
    if (!rb.duration) {
      ctx.add(Status::Fail, kSubject, rb.duration.loc, message("findings.rollback.fits-window.no_duration"))
          .remediation = message("fixes.rollback.fits-window.no_duration");
      return;
    }
    if (!rb.verification) {
      ctx.add(Status::Fail, kSubject, rb.verification.loc,
              message("findings.rollback.fits-window.no_verification"))
          .remediation = message("fixes.rollback.fits-window.no_verification");
      return;
    }

    // rollback_timing() is the computation `golive brief` shows as the rollback deadline.
    const RollbackTiming t = *rollback_timing(g, rb);
    const Instant start = t.start;
    const std::string& from = t.from;
    const Instant finish = t.finish;
    const Instant end = t.window_end;
    const Elapsed margin = t.margin;

    const std::string relation =
        margin > Duration::zero()
            ? message("findings.rollback.fits-window.before", fmt::arg("margin", say_duration(margin)),
                      fmt::arg("end", say_instant(end, plan.zone())))
        : margin == Duration::zero()
            ? message("findings.rollback.fits-window.exactly_at", fmt::arg("end", say_instant(end, plan.zone())))
            : message("findings.rollback.fits-window.after", fmt::arg("margin", say_duration(-margin)),
                      fmt::arg("end", say_instant(end, plan.zone())));
    Finding& f = ctx.add(margin >= Duration::zero() ? Status::Pass : Status::Fail, kSubject, rb.duration.loc,
                         message("findings.rollback.fits-window.timing", fmt::arg("from", from),
                                 fmt::arg("start", say_instant(start, plan.zone())),
                                 fmt::arg("duration", say_duration(*rb.duration)),
                                 fmt::arg("verification", say_duration(*rb.verification)),
                                 fmt::arg("finish", say_instant(finish, plan.zone())),
                                 fmt::arg("relation", relation)));
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
      f.remediation = message("fixes.rollback.fits-window.overrun", fmt::arg("margin", say_duration(-margin)),
                              fmt::arg("latest", say_instant(latest, plan.zone())));
    }
  }

  static void measured(const Rollback& rb, Context& ctx) {
    if (!rb.tested || !rb.tested->duration) {
      ctx.add(Status::Fail, kTestedSubject, rb.tested ? rb.tested->duration.loc : rb.loc,
              rb.duration ? message("findings.rollback.fits-window.unmeasured",
                                    fmt::arg("planned", say_duration(*rb.duration)))
                          : message("findings.rollback.fits-window.unmeasured_unplanned"))
          .remediation = message("fixes.rollback.fits-window.unmeasured");
      return;
    }
    const Duration took = *rb.tested->duration;
    if (!rb.duration) {
      ctx.add(Status::Fail, kTestedSubject, rb.duration.loc,
              message("findings.rollback.fits-window.unplanned", fmt::arg("measured", say_duration(took))))
          .remediation = message("fixes.rollback.fits-window.unplanned", fmt::arg("measured", say_duration(took)));
      return;
    }
    const Duration planned = *rb.duration;
    Finding& f = took <= planned
                     ? ctx.add(Status::Pass, kTestedSubject, rb.tested->duration.loc,
                               message("findings.rollback.fits-window.measured_within",
                                       fmt::arg("measured", say_duration(took)),
                                       fmt::arg("planned", say_duration(planned))))
                     : ctx.add(Status::Fail, kTestedSubject, rb.tested->duration.loc,
                               message("findings.rollback.fits-window.measured_longer",
                                       fmt::arg("measured", say_duration(took)),
                                       fmt::arg("planned", say_duration(planned))));
    f.evidence.emplace_back("measured", format_duration(took));
    f.evidence.emplace_back("measured_seconds", int64_t{took.count()});
    f.evidence.emplace_back("planned", format_duration(planned));
    f.evidence.emplace_back("planned_seconds", int64_t{planned.count()});
    if (f.status == Status::Fail)
      f.remediation = message("fixes.rollback.fits-window.measured_longer", fmt::arg("measured", say_duration(took)));
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
           "rollback.duration. Instants are computed exactly and shown in the plan's time zone "
           "(the evidence also gives them in UTC).",
    .fix = "Shorten the rollback, move the last checkpoint earlier or extend the window; keep "
           "rollback.duration at least the rehearsed duration.",
    .reads = {"go_live.window.start", "go_live.window.end", "go_live.checkpoints[].at",
              "go_live.checkpoints[].name", "rollback.duration", "rollback.verification",
              "rollback.tested.duration"},
    .live = false);

}  // namespace golive
