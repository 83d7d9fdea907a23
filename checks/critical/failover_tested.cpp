// checks/critical/failover_tested.cpp
#include <chrono>
#include <string>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/engine/plan_values.h"
#include "checks/engine/dated_evidence.h"

namespace golive {
namespace {

using namespace std::chrono_literals;

bool has_standby(const std::string& strategy) {
  return strategy == "pilot_light" || strategy == "warm_standby" || strategy == "active_active";
}

/// Fails for each tier-1 system with a standby whose failover test is missing, failed or
/// older than max_age.
class CriticalFailoverTested final : public Check {
 public:
  explicit CriticalFailoverTested(const Params& p) : max_age_(p.duration("max_age", 365 * 24h)) {}

  void run(const Plan& plan, Context& ctx) const override {
    const bool contradicted = critical_tag_without_tier1(plan, ctx);
    for (size_t i = 0; i < plan.systems.size(); ++i) check(plan, plan.systems[i], i, ctx);
    if (plan.systems.empty() && !contradicted)
      ctx.add(Status::Skip, "systems", plan.loc, message("findings.critical.no_systems"));
  }

 private:
  void check(const Plan& plan, const System& s, size_t index, Context& ctx) const {
    const std::string subject = subject_of("systems", s.id, index);
    const std::string name = s.id.value_or(subject);
    if (!s.tier) {
      // Like critical.rto-rpo-defined: whether the test is required depends on the tier, so
      // a system that leaves it out fails rather than escaping the tier-1 gate.
      ctx.add(Status::Fail, subject, s.tier.loc,
              message("findings.critical.failover-tested.no_tier", fmt::arg("system", name)))
          .remediation = message("fixes.critical.set_tier", fmt::arg("system", name));
      return;
    }
    if (*s.tier != 1) {
      ctx.add(Status::Skip, subject, s.tier.loc,
              message("findings.critical.failover-tested.other_tier", fmt::arg("tier", *s.tier)));
      return;
    }
    if (!s.dr_strategy) {
      // Like critical.rpo-achievable: whether the test is required depends on the strategy,
      // so a tier-1 system that leaves it out fails rather than passing as "no standby".
      ctx.add(Status::Fail, subject, s.dr_strategy.loc,
              message("findings.critical.failover-tested.no_strategy", fmt::arg("system", name)))
          .remediation = message("fixes.critical.set_strategy", fmt::arg("system", name));
      return;
    }
    if (!has_standby(*s.dr_strategy)) {
      ctx.add(Status::Skip, subject, s.dr_strategy.loc,
              message("findings.critical.failover-tested.no_standby", fmt::arg("strategy", say_value("dr", *s.dr_strategy))));
      return;
    }
    const std::string retest = message("fixes.critical.failover-tested.retest", fmt::arg("system", name));
    if (!s.standby || !s.standby->failover_test) {
      ctx.add(Status::Fail, subject, s.standby ? s.standby->loc : s.loc,
              message("findings.critical.failover-tested.untested", fmt::arg("strategy", say_value("dr", *s.dr_strategy)),
                      fmt::arg("system", name)))
          .remediation = retest;
      return;
    }
    const TestRecord& t = *s.standby->failover_test;
    auto age = passed_record_age(plan, ctx, subject, t, "failover test of " + name,
                                 "systems[].standby.failover_test", retest);
    if (!age) return;
    const bool ok = *age <= max_age_;
    Finding& f = ctx.add(ok ? Status::Pass : Status::Fail, subject, t.at.loc,
                         message("findings.critical.failover-tested.passed", fmt::arg("age", say_duration(*age)),
                                 fmt::arg("limit", say_duration(max_age_))));
    f.evidence.emplace_back("dr_strategy", *s.dr_strategy);
    if (s.standby->site) f.evidence.emplace_back("site", *s.standby->site);
    add_age_evidence(f, plan, *t.at, *age, max_age_);
    if (ok)
      f.expires_at = *t.at + max_age_;
    else
      f.remediation = retest;
  }

  Duration max_age_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    CriticalFailoverTested, .id = "critical.failover-tested", .severity = Severity::Gate,
    .title = "Tier-1 systems with a standby passed a failover test within max_age",
    .why = "A standby that has never taken traffic is a guess: configuration drift, expired "
           "certificates and missing firewall rules are found only by failing over. Every tier-1 "
           "system with a standby strategy (pilot_light, warm_standby, active_active) must have "
           "a passed systems[].standby.failover_test no older than max_age. Tiers 2 and 3 and "
           "strategies without a standby are skipped; a system without a tier, or a tier-1 "
           "system without a dr_strategy, fails, since whether it needs the test is unknown. The "
           "pass expires max_age after the test.",
    .fix = "Fail each tier-1 system over to its standby and record the passed test.",
    .reads = {"systems[].id", "systems[].tier", "systems[].dr_strategy", "systems[].standby.site",
              "systems[].standby.failover_test", "plan.scenarios"},
    .live = false);

}  // namespace golive
