// checks/backup/restore_tested.cpp
#include <chrono>
#include <string>

#include "checks/engine/check.h"
#include "checks/engine/dated_evidence.h"

namespace golive {
namespace {

using namespace std::chrono_literals;

/// Fails for each backup whose restore was never tested, did not pass, or was tested
/// longer than max_age ago.
class BackupRestoreTested final : public Check {
 public:
  explicit BackupRestoreTested(const Params& p) : max_age_(p.duration("max_age", 90 * 24h)) {}

  void run(const Plan& plan, Context& ctx) const override {
    for (size_t i = 0; i < plan.backups.size(); ++i) check(plan, plan.backups[i], i, ctx);
    if (plan.backups.empty()) ctx.skip("backups", plan.loc, "no backups declared (backups)");
  }

 private:
  void check(const Plan& plan, const Backup& b, size_t index, Context& ctx) const {
    const std::string subject = subject_of("backups", b.id, index);
    const std::string name = b.id.value_or(subject);
    const std::string retest = fmt::format(
        "Restore {} into a scratch environment, verify the data, and record the run under "
        "backups[].restore_test with at, duration and result",
        name);
    if (!b.restore_test) {
      ctx.fail(subject, b.loc, "no restore test recorded (backups[].restore_test)").remediation = retest;
      return;
    }
    const TestRecord& t = *b.restore_test;
    auto age = passed_record_age(plan, ctx, subject, t, "restore test", "backups[].restore_test", retest);
    if (!age) return;

    const bool ok = *age <= max_age_;
    Finding& f = ok ? ctx.pass(subject, t.at.loc, "restore test passed {} ago, limit {} (max_age)",
                               format_duration(*age), format_duration(max_age_))
                    : ctx.fail(subject, t.at.loc, "restore test passed {} ago, limit {} (max_age)",
                               format_duration(*age), format_duration(max_age_));
    add_age_evidence(f, plan, *t.at, *age, max_age_);
    if (t.duration) f.evidence.emplace_back("restore_duration", format_duration(*t.duration));
    if (t.evidence) f.evidence.emplace_back("record", *t.evidence);
    if (ok)
      f.expires_at = *t.at + max_age_;
    else
      f.remediation = retest;
  }

  Duration max_age_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    BackupRestoreTested, .id = "backup.restore-tested", .severity = Severity::Gate,
    .title = "Every backup was restored successfully within max_age",
    .why = "A backup that was never restored is only a file: corrupt dumps, missing "
           "permissions or a restore that takes ten times longer than planned are found in a "
           "test or in the middle of an incident. Each backup's restore_test must have passed, "
           "no longer than max_age before the as-of instant; a date after it is a recording "
           "error and fails. The pass expires max_age after the test.",
    .fix = "Restore each backup into a scratch environment, verify it, and record the run "
           "under backups[].restore_test.",
    .reads = {"backups[].id", "backups[].restore_test.at", "backups[].restore_test.result",
              "backups[].restore_test.duration", "backups[].restore_test.evidence"},
    .live = false);

}  // namespace golive
