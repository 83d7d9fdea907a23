// checks/resources/bandwidth_headroom.cpp
#include <cmath>
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"

namespace golive {
namespace {

// Utilisations are ratios of decimal numbers written in the plan: 7000 / 10000 must equal
// a limit of 0.7 even though neither is exact in binary.
constexpr double kTolerance = 1e-9;

/// "70%", "75.3%", "70.01%": a ratio as a percentage with at most two decimals, enough to
/// tell a failing 70.01% from the 70% limit.
std::string pct(double ratio) {
  std::string s = fmt::format("{:.2f}", ratio * 100);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s + "%";
}

/// "10000 Mbit/s".
std::string mbps(double v) { return fmt::format("{} Mbit/s", v); }

/// Fails when a link, all links together, or the links left after losing the largest one
/// would run above the allowed utilisation at the expected peak.
class BandwidthHeadroom final : public Check {
 public:
  explicit BandwidthHeadroom(const Params& p) : max_utilization_(p.number("max_utilization", 0.7)) {}

  void run(const Plan& plan, Context& ctx) const override {
    const Network* net =
        plan.resources && plan.resources->network ? &*plan.resources->network : nullptr;
    if (!net || net->links.empty()) {
      SourceLoc loc = net ? net->loc : plan.resources ? plan.resources->loc : plan.loc;
      ctx.fail("network", loc, "no network links declared (resources.network.links)").remediation =
          "List each network link under resources.network.links with id, capacity_mbps and "
          "expected_peak_mbps";
      return;
    }

    // The plan's own max_utilization may tighten the ruleset's ceiling, never loosen it:
    // the stricter of the two applies (the plan's when they are equal, since it says where
    // the value was written).
    double limit = max_utilization_;
    std::string limit_source = "max_utilization";
    if (net->max_utilization) {
      const double own = *net->max_utilization;
      if (!(own > 0 && own <= 1)) {
        ctx.fail("network", net->max_utilization.loc,
                 "resources.network.max_utilization {} is not a fraction above 0 and at most 1",
                 own)
            .remediation = "Write max_utilization as a fraction, e.g. 0.7 for 70%";
        return;
      }
      if (own <= limit) {
        limit = own;
        limit_source = "resources.network.max_utilization";
      }
    }
    const std::string limit_text = fmt::format("limit {} ({})", pct(limit), limit_source);

    double total_capacity = 0, total_peak = 0, largest = 0;
    std::string largest_id;
    std::vector<std::string> incomplete;
    for (size_t i = 0; i < net->links.size(); ++i) {
      const Link& l = net->links[i];
      const std::string subject = subject_of("links", l.id, i);
      const std::string name = l.id.value_or(subject);
      if (!l.capacity_mbps || *l.capacity_mbps <= 0) {
        incomplete.push_back(subject);
        ctx.fail(subject, l.capacity_mbps.loc, "link {} has no positive capacity_mbps", name)
            .remediation = fmt::format("Set capacity_mbps of link {} to its contracted bandwidth", name);
        continue;
      }
      if (!l.expected_peak_mbps || *l.expected_peak_mbps < 0) {
        incomplete.push_back(subject);
        ctx.fail(subject, l.expected_peak_mbps.loc, "link {} has no expected_peak_mbps", name)
            .remediation = fmt::format(
                "Set expected_peak_mbps of link {} from the busiest hour of the last weeks, "
                "scaled by the launch forecast",
                name);
        continue;
      }
      const double cap = *l.capacity_mbps, peak = *l.expected_peak_mbps, u = peak / cap;
      total_capacity += cap;
      total_peak += peak;
      if (cap > largest) {
        largest = cap;
        largest_id = name;
      }
      Finding& f = u <= limit + kTolerance
                       ? ctx.pass(subject, l.expected_peak_mbps.loc, "peak {} of {} = {}, {}",
                                  mbps(peak), mbps(cap), pct(u), limit_text)
                       : ctx.fail(subject, l.expected_peak_mbps.loc, "peak {} of {} = {}, {}",
                                  mbps(peak), mbps(cap), pct(u), limit_text);
      f.evidence.emplace_back("expected_peak_mbps", peak);
      f.evidence.emplace_back("capacity_mbps", cap);
      f.evidence.emplace_back("utilization", u);
      f.evidence.emplace_back("max_utilization", limit);
      if (f.status == Status::Fail)
        f.remediation = fmt::format(
            "Upgrade link {} to at least {} or move traffic to another link", name,
            mbps(std::ceil(peak / limit)));
    }

    if (!incomplete.empty()) {
      const std::string which = fmt::format("{}", fmt::join(incomplete, ", "));
      ctx.fail("network.total", net->loc, "total utilisation cannot be computed: {} incomplete", which)
          .remediation = "Complete capacity_mbps and expected_peak_mbps of every link";
      if (net->links.size() >= 2)
        ctx.fail("network.n-1", net->loc, "N-1 headroom cannot be computed: {} incomplete", which)
            .remediation = "Complete capacity_mbps and expected_peak_mbps of every link";
      return;
    }

    const double total_u = total_peak / total_capacity;
    Finding& t = total_u <= limit + kTolerance
                     ? ctx.pass("network.total", net->loc, "total peak {} of {} = {}, {}",
                                mbps(total_peak), mbps(total_capacity), pct(total_u), limit_text)
                     : ctx.fail("network.total", net->loc, "total peak {} of {} = {}, {}",
                                mbps(total_peak), mbps(total_capacity), pct(total_u), limit_text);
    t.evidence.emplace_back("expected_peak_mbps", total_peak);
    t.evidence.emplace_back("capacity_mbps", total_capacity);
    t.evidence.emplace_back("utilization", total_u);
    t.evidence.emplace_back("max_utilization", limit);
    if (t.status == Status::Fail)
      t.remediation = fmt::format("Add at least {} of capacity, or lower the expected peak",
                                  mbps(std::ceil(total_peak / limit - total_capacity)));

    if (net->links.size() < 2) {
      ctx.skip("network.n-1", net->loc, "only one link: no redundancy to lose");
      return;
    }
    const double left = total_capacity - largest;
    const bool fits = total_peak <= left * (1 + kTolerance);
    const std::string share = left > 0 ? pct(total_peak / left) : "no capacity";
    Finding& n = fits ? ctx.pass("network.n-1", net->loc,
                                 "without the largest link ({}, {}) the total peak {} fits in the "
                                 "{} left ({})",
                                 largest_id, mbps(largest), mbps(total_peak), mbps(left), share)
                      : ctx.fail("network.n-1", net->loc,
                                 "without the largest link ({}, {}) the total peak {} exceeds the "
                                 "{} left ({})",
                                 largest_id, mbps(largest), mbps(total_peak), mbps(left), share);
    n.evidence.emplace_back("lost_link", largest_id);
    n.evidence.emplace_back("capacity_left_mbps", left);
    n.evidence.emplace_back("expected_peak_mbps", total_peak);
    if (!fits)
      n.remediation = fmt::format(
          "Add {} of capacity on the other links so that losing {} does not cut the launch off",
          mbps(std::ceil(total_peak - left)), largest_id);
    // When peak_query is set, the live part (the observed peak from Prometheus, used when
    // higher) is added by the probe layer.
  }

 private:
  double max_utilization_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    BandwidthHeadroom, .id = "resources.bandwidth-headroom", .severity = Severity::Gate,
    .title = "Network links have headroom at the expected peak, even after losing one",
    .why = "Launch traffic arrives all at once; a link run near capacity drops packets and "
           "turns a go-live into an outage. Each link and all links together must stay at or "
           "below max_utilization of capacity at the expected peak, and with two or more links "
           "the total peak must still fit when the largest link fails (N-1). The parameter "
           "max_utilization is the ruleset's ceiling; a plan may state a stricter "
           "resources.network.max_utilization (the ceiling its network team engineered for), "
           "and the lower of the two applies, so a plan can tighten the ruleset but never "
           "loosen it. Live, "
           "when peak_query is set, the observed peak from Prometheus is used when higher.",
    .fix = "Add capacity or spread traffic so that every link, the total and the N-1 case stay "
           "within the limit.",
    .reads = {"resources.network.max_utilization", "resources.network.links[].id",
              "resources.network.links[].capacity_mbps",
              "resources.network.links[].expected_peak_mbps", "resources.network.peak_query"},
    .live = true);

}  // namespace golive
