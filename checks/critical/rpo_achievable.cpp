// checks/critical/rpo_achievable.cpp
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/engine/plan_values.h"

namespace golive {
namespace {

/// Fails for each system recovered from backups (backup_restore, pilot_light) when a
/// datastore's most frequent backup runs less often than the system's RPO.
class CriticalRpoAchievable final : public Check {
 public:
  explicit CriticalRpoAchievable(const Params&) {}

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
    if (!s.dr_strategy) {
      ctx.add(Status::Fail, subject, s.dr_strategy.loc,
              message("findings.critical.rpo-achievable.no_strategy", fmt::arg("system", name)))
          .remediation = message("fixes.critical.set_strategy", fmt::arg("system", name));
      return;
    }
    const std::string& strategy = *s.dr_strategy;
    if (strategy != "backup_restore" && strategy != "pilot_light") {
      ctx.add(Status::Skip, subject, s.dr_strategy.loc,
              message("findings.critical.rpo-achievable.replicated", fmt::arg("strategy", say_value("dr", strategy))));
      return;
    }
    if (!s.rpo) {
      ctx.add(Status::Fail, subject, s.rpo.loc,
              message("findings.critical.rpo-achievable.no_rpo", fmt::arg("strategy", say_value("dr", strategy)),
                      fmt::arg("system", name)))
          .remediation = message("fixes.critical.rpo-achievable.set_rpo", fmt::arg("system", name));
      return;
    }
    const Duration rpo = *s.rpo;

    // Each datastore is bounded by its most frequent backup; a backup of the system as a
    // whole (datastore: <system id>) covers all of them. The worst datastore decides.
    std::vector<std::string> stores;
    for (const Ref& d : s.datastores)
      if (d) stores.push_back(*d);
    if (stores.empty() && s.id) stores.push_back(*s.id);

    std::vector<std::string> parts, said, missing;  // parts: the evidence; said: the message
    bool ok = true;
    SourceLoc loc;
    Duration worst{0};
    std::string worst_store, worst_backup;
    for (const std::string& store : stores) {
      const Backup* best = nullptr;
      bool any = false;
      for (const Backup* b : plan.backups_of(store, s.id)) {
        any = true;
        if (b->schedule && (!best || *b->schedule < *best->schedule)) best = b;
      }
      if (!best) {
        ok = false;
        missing.push_back(store);
        parts.push_back(any ? fmt::format("the backups of {} have no schedule", store)
                            : fmt::format("no backup of {}", store));
        said.push_back(any ? message("findings.critical.rpo-achievable.unscheduled", fmt::arg("datastore", store))
                           : message("findings.critical.rpo-achievable.no_backup", fmt::arg("datastore", store)));
        if (!loc.known()) loc = s.rpo.loc;
        continue;
      }
      const std::string backup = best->id.value_or("unnamed backup");
      const bool fits = *best->schedule <= rpo;
      parts.push_back(fmt::format("{} every {} ({})", store, format_duration(*best->schedule), backup));
      said.push_back(message("findings.critical.rpo-achievable.every", fmt::arg("datastore", store),
                             fmt::arg("schedule", say_duration(*best->schedule)),
                             fmt::arg("backup", best->id.value_or(message("findings.critical.unnamed_backup")))));
      if (!fits) {
        ok = false;
        if (!loc.known()) loc = best->schedule.loc;
      }
      if (*best->schedule >= worst) {
        worst = *best->schedule;
        worst_store = store;
        worst_backup = backup;
      }
    }

    Finding& f = ctx.add(ok ? Status::Pass : Status::Fail, subject, ok ? s.rpo.loc : loc,
                         message(ok ? "findings.critical.rpo-achievable.met" : "findings.critical.rpo-achievable.not_met",
                                 fmt::arg("rpo", say_duration(rpo)),
                                 fmt::arg("backups", fmt::join(said, message_text("findings.join.parts")))));
    f.evidence.emplace_back("dr_strategy", strategy);
    f.evidence.emplace_back("rpo", format_duration(rpo));
    f.evidence.emplace_back("rpo_seconds", int64_t{rpo.count()});
    f.evidence.emplace_back("backups", parts);
    if (!worst_store.empty()) {
      f.evidence.emplace_back("longest_schedule", format_duration(worst));
      f.evidence.emplace_back("longest_schedule_seconds", int64_t{worst.count()});
    }
    if (!ok) {
      if (!missing.empty())
        f.remediation = message("fixes.critical.rpo-achievable.back_up",
                                fmt::arg("datastores", fmt::join(missing, message_text("findings.join.and"))),
                                fmt::arg("rpo", say_duration(rpo)));
      else
        f.remediation = message("fixes.critical.rpo-achievable.more_often", fmt::arg("datastore", worst_store),
                                fmt::arg("rpo", say_duration(rpo)), fmt::arg("schedule", say_duration(worst)),
                                fmt::arg("backup", worst_backup), fmt::arg("system", name));
    }
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    CriticalRpoAchievable, .id = "critical.rpo-achievable", .severity = Severity::Gate,
    .title = "Backups run often enough to meet the RPO of systems restored from them",
    .why = "For a system recovered from backups (backup_restore, or pilot_light whose data "
           "comes back from backups), the data lost in a disaster is up to one backup interval: "
           "an hourly RPO with a daily backup is a promise nobody can keep. For each datastore "
           "of such a system (or the system itself when it lists none) the most frequent backup "
           "(datastore: the store, or the system id) must run at least every rpo. Systems with a "
           "replicated standby (warm_standby, active_active) are skipped.",
    .fix = "Schedule a backup of each datastore at least every rpo, or agree a longer rpo.",
    .reads = {"systems[].id", "systems[].dr_strategy", "systems[].rpo", "systems[].datastores",
              "backups[].id", "backups[].datastore", "backups[].schedule", "plan.scenarios"},
    .live = false);

}  // namespace golive
