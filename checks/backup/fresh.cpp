// checks/backup/fresh.cpp
#include <chrono>
#include <string>

#include "checks/engine/check.h"

namespace golive {
namespace {

using namespace std::chrono_literals;

/// Fails when a backup's last success is older than max_age or twice its schedule, is
/// missing, or is dated after the as-of instant.
class BackupFresh final : public Check {
 public:
  explicit BackupFresh(const Params& p) : max_age_(p.duration("max_age", 24h)) {}

  void run(const Plan& plan, Context& ctx) const override {
    for (size_t i = 0; i < plan.backups.size(); ++i) check(plan, plan.backups[i], i, ctx);
    if (plan.backups.empty()) ctx.skip("backups", plan.loc, "no backups declared (backups)");
    // The live part (Last-Modified or mtime, when known, must agree) is added by the probe
    // layer; offline runs stop here.
  }

 private:
  void check(const Plan& plan, const Backup& b, size_t index, Context& ctx) const {
    const std::string subject = subject_of("backups", b.id, index);
    const std::string name = b.id.value_or(subject);

    // The limit is the tighter of max_age and two scheduled runs: one missed run is
    // tolerated, two are not.
    Duration limit = max_age_;
    std::string limited_by = "max_age";
    if (b.schedule && *b.schedule > Duration::zero() && 2 * *b.schedule < limit) {
      limit = 2 * *b.schedule;
      limited_by = fmt::format("2 × schedule {}", format_duration(*b.schedule));
    }

    if (!b.last_success) {
      Finding& f = ctx.fail(subject, b.last_success.loc,
                            "no last_success recorded, so its age cannot be known");
      f.evidence.emplace_back("limit", format_duration(limit));
      f.evidence.emplace_back("limit_seconds", int64_t{limit.count()});
      f.remediation = fmt::format(
          "Run the backup job for {} and record its last successful run in "
          "backups[].last_success",
          name);
      return;
    }

    const Instant last = *b.last_success;
    const Duration age = ctx.age(last);
    const std::string last_text = format_instant_in(last, plan.zone());
    if (age < Duration::zero()) {
      Finding& f = ctx.fail(subject, b.last_success.loc,
                            "last success {} is dated in the future: {} after the as-of instant {}",
                            last_text, format_duration(-age),
                            format_instant_in(ctx.as_of(), plan.zone()));
      f.evidence.emplace_back("last_success", last_text);
      f.evidence.emplace_back("age", format_duration(age));
      f.evidence.emplace_back("age_seconds", int64_t{age.count()});
      f.remediation = fmt::format(
          "Correct backups[].last_success of {}: take it from the backup job's log, with its UTC "
          "offset",
          name);
      return;
    }

    Finding& f = age <= limit
                     ? ctx.pass(subject, b.last_success.loc, "last success {} ago, limit {} ({})",
                                format_duration(age), format_duration(limit), limited_by)
                     : ctx.fail(subject, b.last_success.loc, "last success {} ago, limit {} ({})",
                                format_duration(age), format_duration(limit), limited_by);
    f.evidence.emplace_back("last_success", last_text);
    f.evidence.emplace_back("age", format_duration(age));
    f.evidence.emplace_back("age_seconds", int64_t{age.count()});
    f.evidence.emplace_back("limit", format_duration(limit));
    f.evidence.emplace_back("limit_seconds", int64_t{limit.count()});
    f.evidence.emplace_back("limited_by", limited_by);
    if (f.status == Status::Pass) {
      f.expires_at = last + limit;
    } else {
      f.remediation = fmt::format(
          "Run the backup job for {} and check its schedule, then update backups[].last_success",
          b.datastore.value_or(name));
    }
  }

  Duration max_age_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    BackupFresh, .id = "backup.fresh", .severity = Severity::Gate,
    .title = "Backups are recent enough to restore from",
    .why = "A restore can only bring back what the last successful backup holds: an old "
           "backup means lost transactions if the go-live has to be undone. The age of "
           "last_success at the as-of instant must stay within max_age and within two "
           "scheduled runs (one missed run is tolerated); a date after the as-of instant is a "
           "recording error and fails. The pass expires when the backup goes stale. Live, the "
           "object's Last-Modified or mtime, when known, must agree.",
    .fix = "Run the backup job, check its schedule and record backups[].last_success.",
    .reads = {"backups[].id", "backups[].datastore", "backups[].schedule",
              "backups[].last_success", "backups[].location"},
    .live = true);

}  // namespace golive
