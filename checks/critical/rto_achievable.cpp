// checks/critical/rto_achievable.cpp
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"

namespace golive {
namespace {

/// Fails for each system whose measured recovery (restore test for backup_restore,
/// failover test otherwise) is missing or longer than its RTO.
class CriticalRtoAchievable final : public Check {
 public:
  explicit CriticalRtoAchievable(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    for (size_t i = 0; i < plan.systems.size(); ++i) check(plan, plan.systems[i], i, ctx);
    if (plan.systems.empty()) ctx.skip("systems", plan.loc, "no systems declared (systems)");
  }

 private:
  static void check(const Plan& plan, const System& s, size_t index, Context& ctx) {
    const std::string subject = subject_of("systems", s.id, index);
    const std::string name = s.id.value_or(subject);
    if (!s.rto) {
      ctx.fail(subject, s.rto.loc, "system {} has no rto (systems[].rto) to compare its recovery with", name)
          .remediation = fmt::format("Set the rto of {}", name);
      return;
    }
    if (!s.dr_strategy) {
      ctx.fail(subject, s.dr_strategy.loc,
               "system {} has no dr_strategy (systems[].dr_strategy), so which recovery to measure "
               "is unknown",
               name)
          .remediation = fmt::format(
              "Set dr_strategy of {}: backup_restore, pilot_light, warm_standby or active_active", name);
      return;
    }
    if (*s.dr_strategy == "backup_restore")
      restore(plan, s, subject, name, ctx);
    else
      failover(plan, s, subject, name, ctx);
  }

  /// Datastores are restored side by side: the slowest one decides, each measured by the
  /// fastest passed restore test of a backup that holds it.
  static void restore(const Plan& plan, const System& s, const std::string& subject, const std::string& name,
                      Context& ctx) {
    const Duration rto = *s.rto;
    std::vector<std::string> stores;
    for (const Ref& d : s.datastores)
      if (d) stores.push_back(*d);
    if (stores.empty() && s.id) stores.push_back(*s.id);

    std::vector<std::string> parts, unmeasured;
    Duration slowest{0};
    const Backup* slowest_backup = nullptr;
    for (const std::string& store : stores) {
      const Backup* best = nullptr;
      for (const Backup* b : plan.backups_of(store, s.id)) {
        if (!b->restore_test || !b->restore_test->passed() || !b->restore_test->duration) continue;
        if (!best || *b->restore_test->duration < *best->restore_test->duration) best = b;
      }
      if (!best) {
        unmeasured.push_back(store);
        continue;
      }
      const Duration took = *best->restore_test->duration;
      parts.push_back(fmt::format("{} restored in {} ({})", store, format_duration(took),
                                  best->id.value_or("unnamed backup")));
      if (!slowest_backup || took > slowest) {
        slowest = took;
        slowest_backup = best;
      }
    }
    if (!unmeasured.empty()) {
      Finding& f = ctx.fail(subject, s.rto.loc,
                            "backup_restore system {}: no passed restore test with a duration for {}, "
                            "so its recovery time is unmeasured",
                            name, fmt::join(unmeasured, ", "));
      f.evidence.emplace_back("rto", format_duration(rto));
      f.evidence.emplace_back("unmeasured", unmeasured);
      f.remediation = fmt::format(
          "Restore {} from its backup, time it, and record backups[].restore_test with duration "
          "and result",
          fmt::join(unmeasured, " and "));
      return;
    }
    const bool ok = slowest <= rto;
    const SourceLoc loc = ok ? s.rto.loc : slowest_backup->restore_test->duration.loc;
    const std::string message = fmt::format("measured restore {} {} rto {}: {}", format_duration(slowest),
                                            ok ? "within" : "over", format_duration(rto), fmt::join(parts, ", "));
    Finding& f = ok ? ctx.pass(subject, loc, "{}", message) : ctx.fail(subject, loc, "{}", message);
    f.evidence.emplace_back("dr_strategy", "backup_restore");
    f.evidence.emplace_back("rto", format_duration(rto));
    f.evidence.emplace_back("rto_seconds", int64_t{rto.count()});
    f.evidence.emplace_back("measured", format_duration(slowest));
    f.evidence.emplace_back("measured_seconds", int64_t{slowest.count()});
    f.evidence.emplace_back("restores", parts);
    if (!ok)
      f.remediation = fmt::format(
          "Make the restore of {} faster than {} (smaller or incremental backups, faster "
          "storage, parallel restore) and test again, or agree a longer rto for {}",
          slowest_backup->datastore.value_or(name), format_duration(rto), name);
  }

  static void failover(const Plan& plan, const System& s, const std::string& subject, const std::string& name,
                       Context& ctx) {
    const Duration rto = *s.rto;
    const std::string& strategy = *s.dr_strategy;
    const std::string retest = fmt::format(
        "Fail {} over to its standby, time it from the decision to traffic served, and record "
        "systems[].standby.failover_test with at, duration and result",
        name);
    const TestRecord* t = s.standby && s.standby->failover_test ? &*s.standby->failover_test : nullptr;
    if (!t) {
      ctx.fail(subject, s.standby ? s.standby->loc : s.loc,
               "{} system {} has no failover test (systems[].standby.failover_test), so its recovery "
               "time is unmeasured",
               strategy, name)
          .remediation = retest;
      return;
    }
    if (!t->passed()) {
      Finding& f = ctx.fail(subject, t->result.loc,
                            "failover test of {} {}, so no recovery time is measured", name,
                            t->result ? fmt::format("did not pass (result: {})", *t->result) : "has no result");
      f.remediation = retest;
      return;
    }
    if (!t->duration) {
      ctx.fail(subject, t->duration.loc,
               "failover test of {} has no duration (systems[].standby.failover_test.duration)", name)
          .remediation = retest;
      return;
    }
    const Duration took = *t->duration;
    const bool ok = took <= rto;
    const std::string when = t->at ? " on " + format_instant_in(*t->at, plan.zone()).substr(0, 10) : "";
    const std::string message = fmt::format("measured failover {}{} {} rto {}", format_duration(took), when,
                                            ok ? "within" : "over", format_duration(rto));
    Finding& f = ok ? ctx.pass(subject, t->duration.loc, "{}", message)
                    : ctx.fail(subject, t->duration.loc, "{}", message);
    f.evidence.emplace_back("dr_strategy", strategy);
    f.evidence.emplace_back("rto", format_duration(rto));
    f.evidence.emplace_back("rto_seconds", int64_t{rto.count()});
    f.evidence.emplace_back("measured", format_duration(took));
    f.evidence.emplace_back("measured_seconds", int64_t{took.count()});
    if (!ok)
      f.remediation = fmt::format(
          "Make the failover of {} faster than {} (automate the switch, pre-warm the standby) and "
          "test again, or agree a longer rto",
          name, format_duration(rto));
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    CriticalRtoAchievable, .id = "critical.rto-achievable", .severity = Severity::Gate,
    .title = "Measured recovery time is within each system's RTO",
    .why = "An RTO is a promise; only a timed recovery shows it can be kept. For a "
           "backup_restore system the recovery is the restore: each datastore's fastest passed "
           "restore test counts, datastores restore side by side, so the slowest one is the "
           "system's recovery time. For the other strategies it is the passed failover test's "
           "duration. A system without a measurement fails: an untested recovery time is unknown.",
    .fix = "Time a real restore or failover and record it, then make it faster than the rto.",
    .reads = {"systems[].id", "systems[].rto", "systems[].dr_strategy", "systems[].datastores",
              "systems[].standby.failover_test", "backups[].datastore",
              "backups[].restore_test.duration", "backups[].restore_test.result"},
    .live = false);

}  // namespace golive
