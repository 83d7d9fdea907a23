// checks/critical/rto_achievable.cpp
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/engine/plan_values.h"

namespace golive {
namespace {

/// Fails for each system whose measured recovery (restore test for backup_restore,
/// failover test otherwise) is missing or longer than its RTO.
class CriticalRtoAchievable final : public Check {
 public:
  explicit CriticalRtoAchievable(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    const bool contradicted = critical_tag_without_tier1(plan, ctx);
    for (size_t i = 0; i < plan.systems.size(); ++i) check(plan, plan.systems[i], i, ctx);
    if (plan.systems.empty() && !contradicted)
      ctx.add(Status::Skip, "systems", plan.loc, message("findings.critical.no_systems"));
  }

 private:
  static void check(const Plan& plan, const System& s, size_t index, Context& ctx) {
    const std::string subject = subject_of("systems", s.id, index);
    const std::string name = s.id.value_or(subject);
    if (!s.rto) {
      ctx.add(Status::Fail, subject, s.rto.loc,
              message("findings.critical.rto-achievable.no_rto", fmt::arg("system", name)))
          .remediation = message("fixes.critical.rto-achievable.set_rto", fmt::arg("system", name));
      return;
    }
    if (!s.dr_strategy) {
      ctx.add(Status::Fail, subject, s.dr_strategy.loc,
              message("findings.critical.rto-achievable.no_strategy", fmt::arg("system", name)))
          .remediation = message("fixes.critical.set_strategy", fmt::arg("system", name));
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

    std::vector<std::string> parts, said, unmeasured;  // parts: the evidence; said: the message
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
      said.push_back(message("findings.critical.rto-achievable.restored", fmt::arg("datastore", store),
                             fmt::arg("took", say_duration(took)),
                             fmt::arg("backup", best->id.value_or(message("findings.critical.unnamed_backup")))));
      if (!slowest_backup || took > slowest) {
        slowest = took;
        slowest_backup = best;
      }
    }
    if (!unmeasured.empty()) {
      Finding& f = ctx.add(Status::Fail, subject, s.rto.loc,
                           message("findings.critical.rto-achievable.unmeasured", fmt::arg("system", name),
                                   fmt::arg("datastores", fmt::join(unmeasured, message_text("findings.join.list")))));
      f.evidence.emplace_back("rto", format_duration(rto));
      f.evidence.emplace_back("unmeasured", unmeasured);
      f.remediation = message("fixes.critical.rto-achievable.time_restore",
                              fmt::arg("datastores", fmt::join(unmeasured, message_text("findings.join.and"))));
      return;
    }
    const bool ok = slowest <= rto;
    const SourceLoc loc = ok ? s.rto.loc : slowest_backup->restore_test->duration.loc;
    Finding& f = ctx.add(ok ? Status::Pass : Status::Fail, subject, loc,
                         message(ok ? "findings.critical.rto-achievable.restore_within"
                                    : "findings.critical.rto-achievable.restore_over",
                                 fmt::arg("measured", say_duration(slowest)), fmt::arg("rto", say_duration(rto)),
                                 fmt::arg("restores", fmt::join(said, message_text("findings.join.parts")))));
    f.evidence.emplace_back("dr_strategy", "backup_restore");
    f.evidence.emplace_back("rto", format_duration(rto));
    f.evidence.emplace_back("rto_seconds", int64_t{rto.count()});
    f.evidence.emplace_back("measured", format_duration(slowest));
    f.evidence.emplace_back("measured_seconds", int64_t{slowest.count()});
    f.evidence.emplace_back("restores", parts);
    if (!ok)
      f.remediation = message("fixes.critical.rto-achievable.faster_restore",
                              fmt::arg("datastore", slowest_backup->datastore.value_or(name)),
                              fmt::arg("rto", say_duration(rto)), fmt::arg("system", name));
  }

  static void failover(const Plan& plan, const System& s, const std::string& subject, const std::string& name,
                       Context& ctx) {
    const Duration rto = *s.rto;
    const std::string& strategy = *s.dr_strategy;
    const std::string retest = message("fixes.critical.rto-achievable.time_failover", fmt::arg("system", name));
    const TestRecord* t = s.standby && s.standby->failover_test ? &*s.standby->failover_test : nullptr;
    if (!t) {
      ctx.add(Status::Fail, subject, s.standby ? s.standby->loc : s.loc,
              message("findings.critical.rto-achievable.no_failover", fmt::arg("strategy", say_value("dr", strategy)),
                      fmt::arg("system", name)))
          .remediation = retest;
      return;
    }
    if (!t->passed()) {
      Finding& f = ctx.add(Status::Fail, subject, t->result.loc,
                           t->result ? message("findings.critical.rto-achievable.failover_failed",
                                               fmt::arg("system", name), fmt::arg("result", *t->result))
                                     : message("findings.critical.rto-achievable.failover_no_result",
                                               fmt::arg("system", name)));
      f.remediation = retest;
      return;
    }
    if (!t->duration) {
      ctx.add(Status::Fail, subject, t->duration.loc,
              message("findings.critical.rto-achievable.no_duration", fmt::arg("system", name)))
          .remediation = retest;
      return;
    }
    const Duration took = *t->duration;
    const bool ok = took <= rto;
    // The day of the test, in the plan's zone: the date part of the instant.
    const std::string day = t->at ? format_instant_in(*t->at, plan.zone()).substr(0, 10) : "";
    const std::string key = std::string("findings.critical.rto-achievable.failover_") +
                            (ok ? "within" : "over") + (t->at ? "_on" : "");
    Finding& f = ctx.add(ok ? Status::Pass : Status::Fail, subject, t->duration.loc,
                         message(key, fmt::arg("measured", say_duration(took)), fmt::arg("day", day),
                                 fmt::arg("rto", say_duration(rto))));
    f.evidence.emplace_back("dr_strategy", strategy);
    f.evidence.emplace_back("rto", format_duration(rto));
    f.evidence.emplace_back("rto_seconds", int64_t{rto.count()});
    f.evidence.emplace_back("measured", format_duration(took));
    f.evidence.emplace_back("measured_seconds", int64_t{took.count()});
    if (!ok)
      f.remediation = message("fixes.critical.rto-achievable.faster_failover", fmt::arg("system", name),
                              fmt::arg("rto", say_duration(rto)));
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
              "backups[].restore_test.duration", "backups[].restore_test.result", "plan.scenarios"},
    .live = false);

}  // namespace golive
