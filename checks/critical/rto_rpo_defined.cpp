// checks/critical/rto_rpo_defined.cpp
#include <array>
#include <chrono>
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"

namespace golive {
namespace {

using namespace std::chrono_literals;

/// The most a system of one tier may take to recover (RTO) and may lose (RPO).
struct TierLimits {
  Duration rto;
  Duration rpo;
};

/// Fails for each system whose RTO or RPO is missing or above its tier's limit.
class CriticalRtoRpoDefined final : public Check {
 public:
  explicit CriticalRtoRpoDefined(const Params& p)
      : limits_{TierLimits{p.duration("tier1_max_rto", 1h), p.duration("tier1_max_rpo", 15min)},
                TierLimits{p.duration("tier2_max_rto", 4h), p.duration("tier2_max_rpo", 2h)},
                TierLimits{p.duration("tier3_max_rto", 24h), p.duration("tier3_max_rpo", 24h)}} {}

  void run(const Plan& plan, Context& ctx) const override {
    for (size_t i = 0; i < plan.systems.size(); ++i) check(plan.systems[i], i, ctx);
    if (plan.systems.empty()) ctx.skip("systems", plan.loc, "no systems declared (systems)");
  }

 private:
  void check(const System& s, size_t index, Context& ctx) const {
    const std::string subject = subject_of("systems", s.id, index);
    const std::string name = s.id.value_or(subject);
    if (!s.tier) {
      ctx.fail(subject, s.tier.loc, "system {} has no tier (systems[].tier), so its RTO and RPO limits are unknown",
               name)
          .remediation = fmt::format("Set the tier of {}: 1 business critical, 2 important, 3 other", name);
      return;
    }
    const int64_t tier = *s.tier;
    const TierLimits& lim = limits_[static_cast<size_t>(tier - 1)];

    std::vector<std::string> parts, fixes;
    SourceLoc loc;
    bool ok = true;
    auto judge = [&](const char* key, const Field<Duration>& value, Duration limit) {
      const std::string param = fmt::format("tier{}_max_{}", tier, key);
      if (!value) {
        ok = false;
        parts.push_back(fmt::format("no {} (systems[].{})", key, key));
        fixes.push_back(fmt::format("set {} of {} (at most {})", key, name, format_duration(limit)));
        if (!loc.known()) loc = value.loc;
        return;
      }
      if (*value <= limit) {
        parts.push_back(fmt::format("{} {} within {} ({})", key, format_duration(*value), format_duration(limit), param));
        return;
      }
      ok = false;
      parts.push_back(fmt::format("{} {} over the limit {} ({})", key, format_duration(*value), format_duration(limit), param));
      fixes.push_back(fmt::format("bring the {} of {} down to {} or less", key, name, format_duration(limit)));
      if (!loc.known()) loc = value.loc;
    };
    judge("rto", s.rto, lim.rto);
    judge("rpo", s.rpo, lim.rpo);

    Finding& f = ok ? ctx.pass(subject, s.loc, "tier {}: {}", tier, fmt::join(parts, ", "))
                    : ctx.fail(subject, loc, "tier {}: {}", tier, fmt::join(parts, ", "));
    f.evidence.emplace_back("tier", tier);
    if (s.rto) f.evidence.emplace_back("rto", format_duration(*s.rto));
    f.evidence.emplace_back("max_rto", format_duration(lim.rto));
    if (s.rpo) f.evidence.emplace_back("rpo", format_duration(*s.rpo));
    f.evidence.emplace_back("max_rpo", format_duration(lim.rpo));
    if (!ok) {
      std::string text = fmt::format("{}", fmt::join(fixes, "; "));
      text[0] = static_cast<char>(text[0] - 'a' + 'A');
      f.remediation = text + " (agree it with the business owner, then prove it in critical.rto-achievable "
                             "and critical.rpo-achievable)";
    }
  }

  std::array<TierLimits, 3> limits_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    CriticalRtoRpoDefined, .id = "critical.rto-rpo-defined", .severity = Severity::Gate,
    .title = "Every system has an RTO and RPO within its tier's limits",
    .why = "How long a system may be down (RTO) and how much data it may lose (RPO) decide "
           "the whole recovery design; a critical system without them has no target to test "
           "against. Each system's rto and rpo must be declared and no larger than its tier's "
           "limit (tier 1 business critical, tier 2 important, tier 3 other); the limits are "
           "parameters so an organisation can tighten them.",
    .fix = "Agree rto and rpo with the business owner for each system, within the tier limits.",
    .reads = {"systems[].id", "systems[].tier", "systems[].rto", "systems[].rpo"},
    .live = false);

}  // namespace golive
