// checks/upgrade/data_migration.cpp
#include <chrono>
#include <string>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/upgrade/absent.h"
#include "checks/engine/live_evidence.h"
#include "checks/engine/dated_evidence.h"

namespace golive {
namespace {

using namespace std::chrono_literals;

// Percentages are decimals written in the plan: 0.0 must equal a limit of 0 exactly.
constexpr double kTolerance = 1e-9;

constexpr const char* kRehearsal = "data_migration.rehearsal";
constexpr const char* kReconciliation = "data_migration.reconciliation";
constexpr const char* kPreBackup = "data_migration.pre_backup";
constexpr const char* kNoReturn = "data_migration.point_of_no_return";

/// "1h10m before", "exactly at", "5m after".
/// "1h before the point of no return 2026-…": when a migration ends against its deadline.
std::string relation(Elapsed margin, const std::string& deadline, const std::string& at) {
  if (margin > Duration::zero())
    return message("findings.upgrade.data-migration.before", fmt::arg("margin", say_duration(margin)),
                   fmt::arg("deadline", deadline), fmt::arg("at", at));
  if (margin == Duration::zero())
    return message("findings.upgrade.data-migration.exactly_at", fmt::arg("deadline", deadline), fmt::arg("at", at));
  return message("findings.upgrade.data-migration.after", fmt::arg("margin", say_duration(-margin)),
                 fmt::arg("deadline", deadline), fmt::arg("at", at));
}

/// The latest go/no-go checkpoint with a time, or nullptr.
const Checkpoint* last_checkpoint(const GoLive& g) {
  const Checkpoint* last = nullptr;
  for (const Checkpoint& c : g.checkpoints)
    if (c.at && (!last || *c.at > *last->at)) last = &c;
  return last;
}

/// Fails unless the data migration was rehearsed and fits before the point of no return,
/// reconciles within tolerance, has a fresh pre-migration backup, and is stoppable at a
/// checkpoint before the point of no return.
class UpgradeDataMigration final : public Check {
 public:
  explicit UpgradeDataMigration(const Params& p)
      : max_tolerance_pct_(p.number("max_tolerance_pct", 0)),
        pre_backup_max_age_(p.duration("pre_backup_max_age", 24h)) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (!plan.scenarios.large_upgrade) {
      large_upgrade_absent(plan, ctx, "data_migration", "findings.upgrade.data-migration.no_upgrade");
      return;
    }
    const LargeUpgrade& u = *plan.scenarios.large_upgrade;
    if (!u.data_migration) {
      ctx.add(Status::Skip, "data_migration", u.loc, message("findings.upgrade.data-migration.no_migration"));
      return;
    }
    const DataMigration& d = *u.data_migration;
    rehearsal(plan, d, ctx);
    reconciliation(d, ctx);
    pre_backup(plan, d, ctx);
    point_of_no_return(plan, d, ctx);
  }

 private:
  /// The migration starts at window start and must be done by the point of no return
  /// (when it falls before the window end) or else the window end.
  static void rehearsal(const Plan& plan, const DataMigration& d, Context& ctx) {
    const std::string rehearse = message("fixes.upgrade.data-migration.rehearse");
    if (!d.rehearsed) {
      ctx.add(Status::Fail, kRehearsal, d.loc, message("findings.upgrade.data-migration.never_rehearsed"))
          .remediation = rehearse;
      return;
    }
    const TestRecord& t = *d.rehearsed;
    if (!passed_record_age(plan, ctx, kRehearsal, t, message("findings.upgrade.data-migration.rehearsal"),
                           "scenarios.large_upgrade.data_migration.rehearsed", rehearse))
      return;
    if (!t.duration) {
      ctx.add(Status::Fail, kRehearsal, t.duration.loc, message("findings.upgrade.data-migration.no_duration"))
          .remediation = rehearse;
      return;
    }
    const GoLive& g = plan.go_live;
    if (!g.window_start || !g.window_end) {
      ctx.add(Status::Fail, kRehearsal, g.window_start ? g.window_end.loc : g.window_start.loc,
              message("findings.upgrade.data-migration.no_window"))
          .remediation = message("fixes.upgrade.data-migration.no_window");
      return;
    }
    const Instant start = *g.window_start;
    Instant deadline = *g.window_end;
    // Said in the run's language, in the message and in the evidence alike.
    std::string deadline_said = message("findings.upgrade.data-migration.window_end");
    if (d.point_of_no_return && *d.point_of_no_return < deadline) {
      deadline = *d.point_of_no_return;
      deadline_said = message("findings.upgrade.data-migration.point_of_no_return");
    }
    const Duration took = *t.duration;
    const Instant finish = start + took;
    const Elapsed margin = deadline - finish;
    Finding& f = ctx.add(
        margin >= Duration::zero() ? Status::Pass : Status::Fail, kRehearsal, t.duration.loc,
        message("findings.upgrade.data-migration.rehearsed", fmt::arg("took", say_duration(took)),
                fmt::arg("start", say_instant(start, plan.zone())), fmt::arg("finish", say_instant(finish, plan.zone())),
                fmt::arg("relation", relation(margin, deadline_said, say_instant(deadline, plan.zone())))));
    f.evidence.emplace_back("duration", format_duration(took));
    f.evidence.emplace_back("duration_seconds", int64_t{took.count()});
    f.evidence.emplace_back("window", format_duration(*g.window_end - start));
    f.evidence.emplace_back("available", format_duration(deadline - start));
    f.evidence.emplace_back("available_seconds", whole_seconds((deadline - start)));
    f.evidence.emplace_back("finish_at", local_and_utc(finish, plan));
    f.evidence.emplace_back("deadline", deadline_said);
    f.evidence.emplace_back("deadline_at", local_and_utc(deadline, plan));
    if (f.status == Status::Fail)
      f.remediation = message("fixes.upgrade.data-migration.too_slow", fmt::arg("margin", say_duration(-margin)),
                              fmt::arg("deadline", deadline_said));
  }

  void reconciliation(const DataMigration& d, Context& ctx) const {
    if (!d.reconciliation_tolerance_pct) {
      ctx.add(Status::Fail, kReconciliation, d.reconciliation_tolerance_pct.loc,
              message("findings.upgrade.data-migration.no_tolerance"))
          .remediation = message("fixes.upgrade.data-migration.reconciliation");
      return;
    }
    if (!d.reconciliation_method) {
      ctx.add(Status::Fail, kReconciliation, d.reconciliation_method.loc, message("findings.upgrade.data-migration.no_method"))
          .remediation = message("fixes.upgrade.data-migration.reconciliation");
      return;
    }
    const double tol = *d.reconciliation_tolerance_pct;
    const bool ok = tol <= max_tolerance_pct_ + kTolerance;
    Finding& f = ctx.add(ok ? Status::Pass : Status::Fail, kReconciliation, d.reconciliation_tolerance_pct.loc,
                         message("findings.upgrade.data-migration.reconciled", fmt::arg("method", *d.reconciliation_method),
                                 fmt::arg("tolerance", tol), fmt::arg("limit", max_tolerance_pct_)));
    f.evidence.emplace_back("method", *d.reconciliation_method);
    f.evidence.emplace_back("tolerance_pct", tol);
    f.evidence.emplace_back("max_tolerance_pct", max_tolerance_pct_);
    if (!ok)
      f.remediation = message("fixes.upgrade.data-migration.tolerance", fmt::arg("limit", max_tolerance_pct_));
  }

  /// The same freshness rule as backup.fresh, measured at window start: the migration
  /// starts from that backup.
  void pre_backup(const Plan& plan, const DataMigration& d, Context& ctx) const {
    if (!d.pre_backup || d.pre_backup->empty()) {
      ctx.add(Status::Fail, kPreBackup, d.pre_backup.loc, message("findings.upgrade.data-migration.no_pre_backup"))
          .remediation = message("fixes.upgrade.data-migration.no_pre_backup");
      return;
    }
    const std::string id = *d.pre_backup;
    const Backup* b = plan.backup(id);
    if (!b) {
      ctx.add(Status::Fail, kPreBackup, d.pre_backup.loc, message("findings.upgrade.data-migration.unknown_backup", fmt::arg("id", id)))
          .remediation = message("fixes.upgrade.data-migration.unknown_backup", fmt::arg("id", id));
      return;
    }
    const GoLive& g = plan.go_live;
    if (!g.window_start) {
      ctx.add(Status::Fail, kPreBackup, g.window_start.loc,
              message("findings.upgrade.data-migration.no_window_start", fmt::arg("id", id)))
          .remediation = message("fixes.upgrade.data-migration.no_window_start");
      return;
    }
    // A last_success read live is judged when its probe answers (offline: a skip).
    read_instant(ctx, plan, b->last_success, b->last_success_source, b->location,
                 "backups[].last_success",
                 [&plan, b, id, &ctx, max_age = pre_backup_max_age_](ReadInstant read) {
                   judge_pre_backup(plan, *b, id, max_age, std::move(read), ctx);
                 });
  }

  static void judge_pre_backup(const Plan& plan, const Backup& backup, const std::string& id,
                               Duration pre_backup_max_age, ReadInstant read, Context& ctx) {
    const Backup* b = &backup;
    const GoLive& g = plan.go_live;
    if (!read.at && !read.problem.empty()) {
      Finding& f = ctx.add(read.status, kPreBackup, read.loc,
                           message("findings.upgrade.data-migration.read_problem", fmt::arg("id", id),
                                   fmt::arg("problem", read.problem)));
      f.evidence = std::move(read.evidence);
      f.evidence.emplace_back("backup", id);
      f.remediation = read.remediation;
      return;
    }
    if (!read.at) {
      ctx.add(Status::Fail, kPreBackup, read.loc, message("findings.upgrade.data-migration.no_last_success", fmt::arg("id", id)))
          .remediation = message("fixes.upgrade.data-migration.no_last_success", fmt::arg("id", id));
      return;
    }
    const Instant last = *read.at;
    if (last > ctx.as_of()) {
      ctx.add(Status::Fail, kPreBackup, read.loc,
              message("findings.upgrade.data-migration.future", fmt::arg("at", say_instant(last, plan.zone())),
                      fmt::arg("id", id), fmt::arg("as_of", say_instant(ctx.as_of(), plan.zone()))))
          .remediation = message("fixes.upgrade.data-migration.future", fmt::arg("id", id));
      return;
    }
    Duration limit = pre_backup_max_age;
    std::string limited_by = "pre_backup_max_age";
    if (b->schedule && *b->schedule > Duration::zero() && 2 * *b->schedule < limit) {
      limit = 2 * *b->schedule;
      limited_by = message("findings.upgrade.data-migration.two_schedules", fmt::arg("schedule", say_duration(*b->schedule)));
    }
    const Instant start = *g.window_start;
    const Elapsed age = start - last;
    const bool ok = age >= Duration::zero() && age <= limit;
    Finding& f = ctx.add(ok ? Status::Pass : Status::Fail, kPreBackup, read.loc,
                         message("findings.upgrade.data-migration.pre_backup_age", fmt::arg("id", id),
                                 fmt::arg("age", say_duration(age)), fmt::arg("start", say_instant(start, plan.zone())),
                                 fmt::arg("limit", say_duration(limit)), fmt::arg("by", limited_by)));
    f.evidence.emplace_back("backup", id);
    f.evidence.emplace_back("last_success", format_instant_in(last, plan.zone()) + read.from_note());
    f.evidence.emplace_back("age_at_window_start", format_duration(age));
    f.evidence.emplace_back("age_seconds", whole_seconds(age));
    f.evidence.emplace_back("limit", format_duration(limit));
    f.evidence.emplace_back("limit_seconds", int64_t{limit.count()});
    if (!ok)
      f.remediation = message("fixes.upgrade.data-migration.pre_backup_age", fmt::arg("id", id),
                              fmt::arg("earliest", say_instant(start - limit, plan.zone())));
  }

  static void point_of_no_return(const Plan& plan, const DataMigration& d, Context& ctx) {
    if (!d.point_of_no_return) {
      ctx.add(Status::Fail, kNoReturn, d.point_of_no_return.loc, message("findings.upgrade.data-migration.no_ponr"))
          .remediation = message("fixes.upgrade.data-migration.no_ponr");
      return;
    }
    const Instant ponr = *d.point_of_no_return;
    const Checkpoint* cp = last_checkpoint(plan.go_live);
    if (!cp) {
      ctx.add(Status::Fail, kNoReturn, d.point_of_no_return.loc,
              message("findings.upgrade.data-migration.no_checkpoint", fmt::arg("ponr", say_instant(ponr, plan.zone()))))
          .remediation = message("fixes.upgrade.data-migration.no_checkpoint");
      return;
    }
    const std::string cp_name = cp->name.value_or("unnamed");
    const Elapsed margin = ponr - *cp->at;
    const bool ok = margin > Duration::zero();
    const std::string ponr_said = say_instant(ponr, plan.zone()), cp_said = say_instant(*cp->at, plan.zone());
    Finding& f =
        ok ? ctx.add(Status::Pass, kNoReturn, d.point_of_no_return.loc,
                     message("findings.upgrade.data-migration.ponr_after", fmt::arg("ponr", ponr_said),
                             fmt::arg("margin", say_duration(margin)), fmt::arg("checkpoint", cp_name), fmt::arg("at", cp_said)))
        : margin == Duration::zero()
            ? ctx.add(Status::Fail, kNoReturn, d.point_of_no_return.loc,
                      message("findings.upgrade.data-migration.ponr_at", fmt::arg("ponr", ponr_said),
                              fmt::arg("checkpoint", cp_name), fmt::arg("at", cp_said)))
            : ctx.add(Status::Fail, kNoReturn, d.point_of_no_return.loc,
                      message("findings.upgrade.data-migration.ponr_before", fmt::arg("ponr", ponr_said),
                              fmt::arg("margin", say_duration(-margin)), fmt::arg("checkpoint", cp_name),
                              fmt::arg("at", cp_said)));
    f.evidence.emplace_back("point_of_no_return", format_instant_in(ponr, plan.zone()));
    f.evidence.emplace_back("last_checkpoint", cp_name);
    f.evidence.emplace_back("last_checkpoint_at", format_instant_in(*cp->at, plan.zone()));
    f.evidence.emplace_back("margin_seconds", whole_seconds(margin));
    if (!ok)
      f.remediation = message("fixes.upgrade.data-migration.ponr", fmt::arg("checkpoint", cp_name));
  }

  double max_tolerance_pct_;
  Duration pre_backup_max_age_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    UpgradeDataMigration, .id = "upgrade.data-migration", .severity = Severity::Gate,
    .title = "The data migration is rehearsed, fits the window, reconciles and can be stopped",
    .why = "A data migration is the part of an upgrade that cannot simply be redeployed. Four "
           "findings: (1) the rehearsal passed, and a migration starting at window start and "
           "taking the rehearsed duration is done by the point of no return, or by the window "
           "end when that comes first (past the point of no return the old data can no longer "
           "be restored, so a migration still running then can be neither verified nor undone); "
           "(2) reconciliation has a method and a tolerance no larger than max_tolerance_pct; "
           "(3) pre_backup names a declared backup whose last success is, at window start, no "
           "older than pre_backup_max_age and two scheduled runs (backup.fresh's rule; a "
           "last_success read live is read as backup.fresh reads it, a skip offline); "
           "(4) the point of no return comes after the last go/no-go checkpoint, so the "
           "decision to stop is still possible.",
    .fix = "Rehearse and time the migration, reconcile to zero difference, take the pre-backup "
           "shortly before the window, and hold the last go/no-go before the point of no return.",
    .reads = {"scenarios.large_upgrade.data_migration.rehearsed",
              "scenarios.large_upgrade.data_migration.reconciliation",
              "scenarios.large_upgrade.data_migration.pre_backup",
              "scenarios.large_upgrade.data_migration.point_of_no_return", "go_live.window.start",
              "go_live.window.end", "go_live.checkpoints[].at", "backups[].last_success",
              "backups[].schedule", "plan.scenarios"},
    .live = true);

}  // namespace golive
