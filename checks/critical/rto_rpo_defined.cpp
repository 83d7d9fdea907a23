// checks/critical/rto_rpo_defined.cpp
#include <array>
#include <cctype>
#include <chrono>
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"

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
    const bool contradicted = critical_tag_without_tier1(plan, ctx);
    for (size_t i = 0; i < plan.systems.size(); ++i) check(plan.systems[i], i, ctx);
    if (plan.systems.empty() && !contradicted)
      ctx.add(Status::Skip, "systems", plan.loc, message("findings.critical.no_systems"));
  }

 private:
  void check(const System& s, size_t index, Context& ctx) const {
    const std::string subject = subject_of("systems", s.id, index);
    const std::string name = s.id.value_or(subject);
    if (!s.tier) {
      ctx.add(Status::Fail, subject, s.tier.loc,
              message("findings.critical.rto-rpo-defined.no_tier", fmt::arg("system", name)))
          .remediation = message("fixes.critical.set_tier", fmt::arg("system", name));
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
        parts.push_back(message("findings.critical.rto-rpo-defined.missing", fmt::arg("key", key)));
        fixes.push_back(message("fixes.critical.rto-rpo-defined.set", fmt::arg("key", key), fmt::arg("system", name),
                                fmt::arg("limit", say_duration(limit))));
        if (!loc.known()) loc = value.loc;
        return;
      }
      if (*value <= limit) {
        parts.push_back(message("findings.critical.rto-rpo-defined.within", fmt::arg("key", key),
                                fmt::arg("value", say_duration(*value)), fmt::arg("limit", say_duration(limit)),
                                fmt::arg("param", param)));
        return;
      }
      ok = false;
      parts.push_back(message("findings.critical.rto-rpo-defined.over", fmt::arg("key", key),
                              fmt::arg("value", say_duration(*value)), fmt::arg("limit", say_duration(limit)),
                              fmt::arg("param", param)));
      fixes.push_back(message("fixes.critical.rto-rpo-defined.lower", fmt::arg("key", key), fmt::arg("system", name),
                              fmt::arg("limit", say_duration(limit))));
      if (!loc.known()) loc = value.loc;
    };
    judge("rto", s.rto, lim.rto);
    judge("rpo", s.rpo, lim.rpo);

    Finding& f = ctx.add(ok ? Status::Pass : Status::Fail, subject, ok ? s.loc : loc,
                         message("findings.critical.rto-rpo-defined.summary", fmt::arg("tier", tier),
                                 fmt::arg("parts", fmt::join(parts, message_text("findings.join.parts")))));
    f.evidence.emplace_back("tier", tier);
    if (s.rto) f.evidence.emplace_back("rto", format_duration(*s.rto));
    f.evidence.emplace_back("max_rto", format_duration(lim.rto));
    if (s.rpo) f.evidence.emplace_back("rpo", format_duration(*s.rpo));
    f.evidence.emplace_back("max_rpo", format_duration(lim.rpo));
    if (!ok) {
      std::string text = fmt::format("{}", fmt::join(fixes, message_text("findings.join.clauses")));
      // A sentence of English starts with a capital; Chinese has no case (and its first byte
      // is not a letter, so it must not be shifted like one).
      text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
      f.remediation = message("fixes.critical.rto-rpo-defined.agree", fmt::arg("fixes", text));
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
    .reads = {"systems[].id", "systems[].tier", "systems[].rto", "systems[].rpo", "plan.scenarios"},
    .live = false);

}  // namespace golive
