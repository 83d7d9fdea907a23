// checks/backup/restore_tested.cpp
#include <chrono>
#include <string>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/engine/dated_evidence.h"
#include "checks/engine/live_evidence.h"

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
    if (plan.backups.empty())
      ctx.add(Status::Skip, "backups", plan.loc, message("findings.backup.no_backups"));
  }

 private:
  void check(const Plan& plan, const Backup& b, size_t index, Context& ctx) const {
    const std::string subject = subject_of("backups", b.id, index);
    const std::string name = b.id.value_or(subject);
    const std::string retest = message("fixes.backup.restore-tested.retest", fmt::arg("backup", name));
    if (!b.restore_test) {
      ctx.add(Status::Fail, subject, b.loc, message("findings.backup.restore-tested.unrecorded")).remediation =
          retest;
      return;
    }
    const TestRecord& t = *b.restore_test;
    if (t.at_source.live()) {
      // The result is written in the plan; the date is read when the probe answers.
      if (!record_passed(ctx, subject, t, "restore test", retest)) return;
      read_instant(ctx, plan, t.at, t.at_source, b.location, "backups[].restore_test.at",
                   [&plan, &ctx, &t, subject, retest, max_age = max_age_](ReadInstant read) {
                     if (!read.at) {
                       Finding& f = ctx.add(read.status, subject, read.loc, read.problem);
                       f.evidence = std::move(read.evidence);
                       f.remediation = read.remediation;
                       return;
                     }
                     judge(plan, ctx, subject, t, read, ctx.age(*read.at), max_age, retest);
                   });
      return;
    }
    auto age = passed_record_age(plan, ctx, subject, t, "restore test", "backups[].restore_test", retest);
    if (!age) return;
    ReadInstant typed;
    typed.at = *t.at;
    typed.loc = t.at.loc;
    judge(plan, ctx, subject, t, typed, *age, max_age_, retest);
  }

  static void judge(const Plan& plan, Context& ctx, const std::string& subject, const TestRecord& t,
                    ReadInstant& read, Elapsed age, Duration max_age, const std::string& retest) {
    const bool ok = age <= max_age;
    // A live date says what it was and where it came from; a typed one is in the plan.
    Finding& f = ctx.add(ok ? Status::Pass : Status::Fail, subject, read.loc,
                         read.from.empty()
                             ? message("findings.backup.restore-tested.passed",
                                       fmt::arg("age", say_duration(age)),
                                       fmt::arg("limit", say_duration(max_age)))
                             : message("findings.backup.restore-tested.passed_read",
                                       fmt::arg("at", say_instant(*read.at, plan.zone())),
                                       fmt::arg("from", read.from), fmt::arg("age", say_duration(age)),
                                       fmt::arg("limit", say_duration(max_age))));
    add_age_evidence(f, plan, *read.at, age, max_age);
    if (t.duration) f.evidence.emplace_back("restore_duration", format_duration(*t.duration));
    if (t.evidence) f.evidence.emplace_back("record", *t.evidence);
    for (auto& e : read.evidence) f.evidence.push_back(std::move(e));
    if (ok)
      f.expires_at = *read.at + max_age;
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
           "error and fails. The pass expires max_age after the test. restore_test.at may be read "
           "live from Prometheus ({prometheus: 'QUERY'}, a Unix time in seconds); a value that "
           "cannot be read is an error, and offline a skip.",
    .fix = "Restore each backup into a scratch environment, verify it, and record the run "
           "under backups[].restore_test.",
    .reads = {"backups[].id", "backups[].restore_test.at", "backups[].restore_test.result",
              "backups[].restore_test.duration", "backups[].restore_test.evidence"},
    .live = true);

}  // namespace golive
