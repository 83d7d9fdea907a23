// checks/critical/rpo_achievable.cpp
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"

namespace golive {
namespace {

/// Fails for each system recovered from backups (backup_restore, pilot_light) when a
/// datastore's most frequent backup runs less often than the system's RPO.
class CriticalRpoAchievable final : public Check {
 public:
  explicit CriticalRpoAchievable(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    for (size_t i = 0; i < plan.systems.size(); ++i) check(plan, plan.systems[i], i, ctx);
    if (plan.systems.empty()) ctx.skip("systems", plan.loc, "no systems declared (systems)");
  }

 private:
  static void check(const Plan& plan, const System& s, size_t index, Context& ctx) {
    const std::string subject = subject_of("systems", s.id, index);
    const std::string name = s.id.value_or(subject);
    if (!s.dr_strategy) {
      ctx.fail(subject, s.dr_strategy.loc,
               "system {} has no dr_strategy (systems[].dr_strategy), so whether backups bound its "
               "data loss is unknown",
               name)
          .remediation = fmt::format(
              "Set dr_strategy of {}: backup_restore, pilot_light, warm_standby or active_active", name);
      return;
    }
    const std::string& strategy = *s.dr_strategy;
    if (strategy != "backup_restore" && strategy != "pilot_light") {
      ctx.skip(subject, s.dr_strategy.loc,
               "{} system: data is replicated to the standby, its RPO does not rest on backups", strategy);
      return;
    }
    if (!s.rpo) {
      ctx.fail(subject, s.rpo.loc, "{} system {} has no rpo (systems[].rpo) to compare backups with", strategy, name)
          .remediation = fmt::format("Set the rpo of {}", name);
      return;
    }
    const Duration rpo = *s.rpo;

    // Each datastore is bounded by its most frequent backup; a backup of the system as a
    // whole (datastore: <system id>) covers all of them. The worst datastore decides.
    std::vector<std::string> stores;
    for (const Ref& d : s.datastores)
      if (d) stores.push_back(*d);
    if (stores.empty() && s.id) stores.push_back(*s.id);

    std::vector<std::string> parts, missing;
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
        if (!loc.known()) loc = s.rpo.loc;
        continue;
      }
      const std::string backup = best->id.value_or("unnamed backup");
      const bool fits = *best->schedule <= rpo;
      parts.push_back(fmt::format("{} every {} ({})", store, format_duration(*best->schedule), backup));
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

    Finding& f = ok ? ctx.pass(subject, s.rpo.loc, "rpo {} met by the most frequent backups: {}",
                               format_duration(rpo), fmt::join(parts, ", "))
                    : ctx.fail(subject, loc, "rpo {} not met by the most frequent backups: {}",
                               format_duration(rpo), fmt::join(parts, ", "));
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
        f.remediation = fmt::format("Back up {} at least every {} (backups[].datastore, schedule)",
                                    fmt::join(missing, " and "), format_duration(rpo));
      else
        f.remediation = fmt::format(
            "Run the backup of {} at least every {} (now {} by {}), or agree a longer rpo for {}",
            worst_store, format_duration(rpo), format_duration(worst), worst_backup, name);
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
              "backups[].id", "backups[].datastore", "backups[].schedule"},
    .live = false);

}  // namespace golive
