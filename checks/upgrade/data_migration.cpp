// checks/upgrade/data_migration.cpp
#include <chrono>
#include <string>

#include "checks/engine/check.h"
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
std::string relation(Elapsed margin) {
  if (margin > Duration::zero()) return format_duration(margin) + " before";
  if (margin == Duration::zero()) return "exactly at";
  return format_duration(-margin) + " after";
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
    const SourceLoc top = plan.scenarios.loc.known() ? plan.scenarios.loc : plan.loc;
    if (!plan.scenarios.large_upgrade) {
      ctx.skip("data_migration", top, "no large upgrade declared (scenarios.large_upgrade)");
      return;
    }
    const LargeUpgrade& u = *plan.scenarios.large_upgrade;
    if (!u.data_migration) {
      ctx.skip("data_migration", u.loc,
               "the upgrade migrates no data (no scenarios.large_upgrade.data_migration)");
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
    const std::string rehearse =
        "Rehearse the migration on a production-sized copy, time it, and record "
        "scenarios.large_upgrade.data_migration.rehearsed with at, duration and result";
    if (!d.rehearsed) {
      ctx.fail(kRehearsal, d.loc, "the data migration was never rehearsed (data_migration.rehearsed)")
          .remediation = rehearse;
      return;
    }
    const TestRecord& t = *d.rehearsed;
    if (!passed_record_age(plan, ctx, kRehearsal, t, "migration rehearsal",
                           "scenarios.large_upgrade.data_migration.rehearsed", rehearse))
      return;
    if (!t.duration) {
      ctx.fail(kRehearsal, t.duration.loc, "the migration rehearsal has no duration (data_migration.rehearsed.duration)")
          .remediation = rehearse;
      return;
    }
    const GoLive& g = plan.go_live;
    if (!g.window_start || !g.window_end) {
      ctx.fail(kRehearsal, g.window_start ? g.window_end.loc : g.window_start.loc,
               "no go-live window (go_live.window.start and end) to fit the migration in")
          .remediation = "Set go_live.window.start and end";
      return;
    }
    const Instant start = *g.window_start;
    Instant deadline = *g.window_end;
    std::string deadline_kind = "window end";
    if (d.point_of_no_return && *d.point_of_no_return < deadline) {
      deadline = *d.point_of_no_return;
      deadline_kind = "the point of no return";
    }
    const Duration took = *t.duration;
    const Instant finish = start + took;
    const Elapsed margin = deadline - finish;
    const std::string message = fmt::format(
        "rehearsed migration took {}: from window start {} it is done at {}, {} {} {}",
        format_duration(took), format_instant_in(start, plan.zone()), format_instant_in(finish, plan.zone()),
        relation(margin), deadline_kind, format_instant_in(deadline, plan.zone()));
    Finding& f = margin >= Duration::zero() ? ctx.pass(kRehearsal, t.duration.loc, "{}", message)
                                            : ctx.fail(kRehearsal, t.duration.loc, "{}", message);
    f.evidence.emplace_back("duration", format_duration(took));
    f.evidence.emplace_back("duration_seconds", int64_t{took.count()});
    f.evidence.emplace_back("window", format_duration(*g.window_end - start));
    f.evidence.emplace_back("available", format_duration(deadline - start));
    f.evidence.emplace_back("available_seconds", whole_seconds((deadline - start)));
    f.evidence.emplace_back("finish_at", local_and_utc(finish, plan));
    f.evidence.emplace_back("deadline", deadline_kind);
    f.evidence.emplace_back("deadline_at", local_and_utc(deadline, plan));
    if (f.status == Status::Fail)
      f.remediation = fmt::format(
          "Make the migration at least {} faster and rehearse it again, or move {} later "
          "(the window or point_of_no_return)",
          format_duration(-margin), deadline_kind);
  }

  void reconciliation(const DataMigration& d, Context& ctx) const {
    const char* fix =
        "Declare how migrated data is reconciled: scenarios.large_upgrade.data_migration."
        "reconciliation with method (e.g. rowcount+checksum) and tolerance_pct";
    if (!d.reconciliation_tolerance_pct || !d.reconciliation_method) {
      const bool no_tolerance = !d.reconciliation_tolerance_pct;
      ctx.fail(kReconciliation,
               no_tolerance ? d.reconciliation_tolerance_pct.loc : d.reconciliation_method.loc,
               "no reconciliation {} (data_migration.reconciliation.{})",
               no_tolerance ? "tolerance" : "method", no_tolerance ? "tolerance_pct" : "method")
          .remediation = fix;
      return;
    }
    const double tol = *d.reconciliation_tolerance_pct;
    const bool ok = tol <= max_tolerance_pct_ + kTolerance;
    Finding& f = ok ? ctx.pass(kReconciliation, d.reconciliation_tolerance_pct.loc,
                               "reconciliation by {} with tolerance {}%, limit {}% (max_tolerance_pct)",
                               *d.reconciliation_method, tol, max_tolerance_pct_)
                    : ctx.fail(kReconciliation, d.reconciliation_tolerance_pct.loc,
                               "reconciliation by {} with tolerance {}%, limit {}% (max_tolerance_pct)",
                               *d.reconciliation_method, tol, max_tolerance_pct_);
    f.evidence.emplace_back("method", *d.reconciliation_method);
    f.evidence.emplace_back("tolerance_pct", tol);
    f.evidence.emplace_back("max_tolerance_pct", max_tolerance_pct_);
    if (!ok)
      f.remediation = fmt::format(
          "Reconcile to at most {}% difference: find and fix why records differ rather than "
          "accepting a loss",
          max_tolerance_pct_);
  }

  /// The same freshness rule as backup.fresh, measured at window start: the migration
  /// starts from that backup.
  void pre_backup(const Plan& plan, const DataMigration& d, Context& ctx) const {
    if (!d.pre_backup || d.pre_backup->empty()) {
      ctx.fail(kPreBackup, d.pre_backup.loc, "no pre-migration backup named (data_migration.pre_backup)")
          .remediation = "Name in data_migration.pre_backup the backup (its id) taken before the "
                         "migration starts";
      return;
    }
    const std::string id = *d.pre_backup;
    const Backup* b = plan.backup(id);
    if (!b) {
      ctx.fail(kPreBackup, d.pre_backup.loc, "pre_backup {} names no declared backup", id).remediation =
          fmt::format("Declare backup {} under backups, or name an existing backup id", id);
      return;
    }
    const GoLive& g = plan.go_live;
    if (!g.window_start) {
      ctx.fail(kPreBackup, g.window_start.loc, "no window start (go_live.window.start) to measure backup {} at", id)
          .remediation = "Set go_live.window.start";
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
                           fmt::format("pre-migration backup {}: {}", id, read.problem));
      f.evidence = std::move(read.evidence);
      f.evidence.emplace_back("backup", id);
      f.remediation = read.remediation;
      return;
    }
    if (!read.at) {
      ctx.fail(kPreBackup, read.loc, "pre-migration backup {} has no last_success", id).remediation =
          fmt::format("Run backup {} and record backups[].last_success", id);
      return;
    }
    const Instant last = *read.at;
    if (last > ctx.as_of()) {
      ctx.fail(kPreBackup, read.loc,
               "last success {} of pre-migration backup {} is dated after the as-of instant {}",
               format_instant_in(last, plan.zone()), id, format_instant_in(ctx.as_of(), plan.zone()))
          .remediation = fmt::format("Correct backups[].last_success of {} from the backup job's log", id);
      return;
    }
    Duration limit = pre_backup_max_age;
    std::string limited_by = "pre_backup_max_age";
    if (b->schedule && *b->schedule > Duration::zero() && 2 * *b->schedule < limit) {
      limit = 2 * *b->schedule;
      limited_by = fmt::format("2 × schedule {}", format_duration(*b->schedule));
    }
    const Instant start = *g.window_start;
    const Elapsed age = start - last;
    const bool ok = age >= Duration::zero() && age <= limit;
    Finding& f = ok ? ctx.pass(kPreBackup, read.loc,
                               "pre-migration backup {} will be {} old at window start {}, limit {} ({})", id,
                               format_duration(age), format_instant_in(start, plan.zone()),
                               format_duration(limit), limited_by)
                    : ctx.fail(kPreBackup, read.loc,
                               "pre-migration backup {} will be {} old at window start {}, limit {} ({})", id,
                               format_duration(age), format_instant_in(start, plan.zone()),
                               format_duration(limit), limited_by);
    f.evidence.emplace_back("backup", id);
    f.evidence.emplace_back("last_success", format_instant_in(last, plan.zone()) + read.from_note());
    f.evidence.emplace_back("age_at_window_start", format_duration(age));
    f.evidence.emplace_back("age_seconds", whole_seconds(age));
    f.evidence.emplace_back("limit", format_duration(limit));
    f.evidence.emplace_back("limit_seconds", int64_t{limit.count()});
    if (!ok)
      f.remediation = fmt::format(
          "Run backup {} no earlier than {} so it is fresh when the migration starts, and update "
          "backups[].last_success",
          id, format_instant_in(start - limit, plan.zone()));
  }

  static void point_of_no_return(const Plan& plan, const DataMigration& d, Context& ctx) {
    if (!d.point_of_no_return) {
      ctx.fail(kNoReturn, d.point_of_no_return.loc,
               "no point of no return (data_migration.point_of_no_return): nobody knows until when "
               "the old data can be restored")
          .remediation = "Set data_migration.point_of_no_return: the instant after which a rollback "
                         "can no longer restore the old data";
      return;
    }
    const Instant ponr = *d.point_of_no_return;
    const Checkpoint* cp = last_checkpoint(plan.go_live);
    if (!cp) {
      ctx.fail(kNoReturn, d.point_of_no_return.loc,
               "no go/no-go checkpoint (go_live.checkpoints) before the point of no return {}",
               format_instant_in(ponr, plan.zone()))
          .remediation = "Add a go/no-go checkpoint with an owner and criteria before the point of no return";
      return;
    }
    const std::string cp_name = cp->name.value_or("unnamed");
    const Elapsed margin = ponr - *cp->at;
    const bool ok = margin > Duration::zero();
    const std::string message = fmt::format(
        "point of no return {} is {} after the last checkpoint '{}' at {}",
        format_instant_in(ponr, plan.zone()),
        ok ? format_duration(margin) : margin == Duration::zero() ? "not" : format_duration(-margin) + " before, not",
        cp_name, format_instant_in(*cp->at, plan.zone()));
    Finding& f = ok ? ctx.pass(kNoReturn, d.point_of_no_return.loc, "{}", message)
                    : ctx.fail(kNoReturn, d.point_of_no_return.loc, "{}", message);
    f.evidence.emplace_back("point_of_no_return", format_instant_in(ponr, plan.zone()));
    f.evidence.emplace_back("last_checkpoint", cp_name);
    f.evidence.emplace_back("last_checkpoint_at", format_instant_in(*cp->at, plan.zone()));
    f.evidence.emplace_back("margin_seconds", whole_seconds(margin));
    if (!ok)
      f.remediation = fmt::format(
          "Hold the last go/no-go ('{}') before the point of no return, or move the point of no "
          "return after it: past that point the decision can no longer undo the migration",
          cp_name);
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
              "backups[].schedule"},
    .live = true);

}  // namespace golive
