// checks/resources/bandwidth_headroom.cpp
#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"
#include "checks/engine/probe.h"
#include "checks/monitoring/monitoring_api.h"

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

/// The subject of the live part.
constexpr const char* kObserved = "network.observed-peak";

/// What the total and N-1 evaluation needs, copied so that it can run in a probe callback.
struct Totals {
  SourceLoc loc;  ///< resources.network
  double capacity = 0;
  double expected_peak = 0;  ///< sum of the links' expected_peak_mbps
  double largest = 0;        ///< capacity of the largest link
  std::string largest_id;
  size_t links = 0;
  double limit = 0;
  std::string limit_text;  ///< "limit 70% (max_utilization)"
};

/// Adds `network.total` and `network.n-1` for the expected total peak, or for the observed
/// one when it is higher.
void report_totals(Context& ctx, const Totals& t, std::optional<double> observed) {
  const bool use_observed = observed && *observed > t.expected_peak;
  const double peak = use_observed ? *observed : t.expected_peak;
  const std::string peak_text = mbps(peak) + (use_observed ? " (observed)" : "");

  const double total_u = peak / t.capacity;
  Finding& total = total_u <= t.limit + kTolerance
                       ? ctx.pass("network.total", t.loc, "total peak {} of {} = {}, {}", peak_text,
                                  mbps(t.capacity), pct(total_u), t.limit_text)
                       : ctx.fail("network.total", t.loc, "total peak {} of {} = {}, {}", peak_text,
                                  mbps(t.capacity), pct(total_u), t.limit_text);
  total.evidence.emplace_back("expected_peak_mbps", t.expected_peak);
  if (use_observed) total.evidence.emplace_back("observed_peak_mbps", *observed);
  total.evidence.emplace_back("capacity_mbps", t.capacity);
  total.evidence.emplace_back("utilization", total_u);
  total.evidence.emplace_back("max_utilization", t.limit);
  if (total.status == Status::Fail)
    total.remediation = fmt::format(
        "Add at least {} of capacity, or {}", mbps(std::ceil(peak / t.limit - t.capacity)),
        use_observed ? "move traffic elsewhere: the observed peak is already above the limit"
                     : "lower the expected peak");

  if (t.links < 2) {
    ctx.skip("network.n-1", t.loc, "only one link: no redundancy to lose");
    return;
  }
  const double left = t.capacity - t.largest;
  const bool fits = peak <= left * (1 + kTolerance);
  const std::string share = left > 0 ? pct(peak / left) : "no capacity";
  Finding& n = fits ? ctx.pass("network.n-1", t.loc,
                               "without the largest link ({}, {}) the total peak {} fits in the "
                               "{} left ({})",
                               t.largest_id, mbps(t.largest), peak_text, mbps(left), share)
                    : ctx.fail("network.n-1", t.loc,
                               "without the largest link ({}, {}) the total peak {} exceeds the "
                               "{} left ({})",
                               t.largest_id, mbps(t.largest), peak_text, mbps(left), share);
  n.evidence.emplace_back("lost_link", t.largest_id);
  n.evidence.emplace_back("capacity_left_mbps", left);
  n.evidence.emplace_back("expected_peak_mbps", t.expected_peak);
  if (use_observed) n.evidence.emplace_back("observed_peak_mbps", *observed);
  if (!fits)
    n.remediation = fmt::format(
        "Add {} of capacity on the other links so that losing {} does not cut the launch off",
        mbps(std::ceil(peak - left)), t.largest_id);
}

/// `j[key]`, or null when `j` is not an object or has no such member.
nlohmann::json member(const nlohmann::json& j, const char* key) {
  return j.is_object() && j.contains(key) ? j[key] : nlohmann::json();
}

/// The number of a sample `[timestamp, "value"]`, or nullopt with `why` set. Prometheus
/// writes values as strings, NaN and ±Inf included; none of those, nor a negative number,
/// is a peak. `of` names the series (" for {link="wan-a"}") when there are several.
std::optional<double> sample_value(const nlohmann::json& sample, const std::string& of,
                                   std::string& why) {
  if (!sample.is_array() || sample.size() != 2 || !sample[1].is_string()) {
    why = "the answer to peak_query is not a Prometheus query result (a sample without a value)";
    return std::nullopt;
  }
  const std::string text = sample[1].get<std::string>();
  // from_chars takes no leading '+' ("+Inf"); it is locale-independent, unlike strtod.
  const size_t plus = text.size() > 1 && text[0] == '+' ? 1 : 0;
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data() + plus, text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v) || v < 0) {
    why = fmt::format("peak_query returned {}{}, not a peak in Mbit/s (a finite number, 0 or more)",
                      text, of);
    return std::nullopt;
  }
  return v;
}

/// The observed peak in a `/api/v1/query` answer's `data`: a scalar, or the highest sample
/// of an instant vector (`series` says how many values were read); nullopt with `why` set
/// for anything else. Fail-closed: one series without a usable value makes the whole
/// answer unusable, since the peak may be that one.
std::optional<double> peak_of(const nlohmann::json& data, size_t& series, std::string& why) {
  const nlohmann::json type = member(data, "resultType");
  const nlohmann::json result = member(data, "result");
  if (type == "scalar") {
    series = 1;
    return sample_value(result, "", why);
  }
  if (type != "vector") {
    why = type.is_string()
              ? fmt::format("peak_query returned a {} result, not a scalar or an instant vector",
                            type.get<std::string>())
              : "the answer to peak_query is not a Prometheus query result (no resultType)";
    return std::nullopt;
  }
  if (!result.is_array() || result.empty()) {
    why = "peak_query returned no series: the observed peak is unknown";
    return std::nullopt;
  }
  series = result.size();
  double peak = 0;
  for (const auto& s : result) {
    const std::string of = series > 1 ? " for " + series_name(member(s, "metric")) : "";
    const std::optional<double> v = sample_value(member(s, "value"), of, why);
    if (!v) return std::nullopt;
    peak = std::max(peak, *v);
  }
  return peak;
}

/// Reads Prometheus's answer to peak_query into the `network.observed-peak` finding and
/// returns the observed peak, or nullopt (after an `error` finding) when there is none.
std::optional<double> observe(Context& ctx, const HttpResponse& r, const Totals& t,
                              const std::string& shown, const std::string& expr,
                              const SourceLoc& loc) {
  const char* const fix_query =
      "Fix resources.network.peak_query so that Prometheus returns the observed total peak "
      "across the links in Mbit/s";
  std::string why;
  const std::optional<nlohmann::json> data = api_json(r, true, why);
  if (!data) {
    // 400 and 422 are Prometheus refusing the expression; anything else is about reaching it.
    const bool bad_query = r.transport_ok() && (r.status == 400 || r.status == 422);
    Finding& f = ctx.error(kObserved, loc, "GET {}/api/v1/query: {}", shown, why);
    f.evidence.emplace_back("query", expr);
    f.remediation =
        bad_query ? fix_query : "Make Prometheus reachable from where golive runs, then run again";
    return std::nullopt;
  }
  size_t series = 0;
  const std::optional<double> observed = peak_of(*data, series, why);
  if (!observed) {
    Finding& f = ctx.error(kObserved, loc, "{}", why);
    f.evidence.emplace_back("query", expr);
    f.remediation = fix_query;
    return std::nullopt;
  }
  const std::string seen = mbps(*observed), expected = mbps(t.expected_peak);
  Finding& f =
      *observed <= t.expected_peak
          ? ctx.pass(kObserved, loc,
                     "observed peak {} (peak_query) is within the expected total peak {}", seen,
                     expected)
          : ctx.pass(kObserved, loc,
                     "observed peak {} (peak_query) is above the expected total peak {}: used "
                     "for the total{}",
                     seen, expected, t.links >= 2 ? " and N-1" : "");
  f.evidence.emplace_back("observed_peak_mbps", *observed);
  f.evidence.emplace_back("expected_peak_mbps", t.expected_peak);
  f.evidence.emplace_back("series", series);
  f.evidence.emplace_back("query", expr);
  return observed;
}

/// Fails when a link, all links together, or the links left after losing the largest one
/// would run above the allowed utilisation at the expected peak. Live, with peak_query, the
/// total peak Prometheus observed replaces the expected total when it is higher.
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
      return;  // no total to compare an observed peak with: the query is not run
    }

    const Totals totals{net->loc,   total_capacity,    total_peak, largest,
                        largest_id, net->links.size(), limit,      limit_text};
    if (!net->peak_query) {
      report_totals(ctx, totals, std::nullopt);
      return;
    }

    // Live part: Prometheus's observed total peak replaces the expected total when higher.
    const Text& query = net->peak_query;
    const PrometheusRef* prom =
        plan.monitoring && plan.monitoring->prometheus ? &*plan.monitoring->prometheus : nullptr;
    if (!prom || !prom->url || prom->url->empty()) {
      // A plan defect whether or not golive probes, so reported offline too.
      Finding& f = ctx.fail(
          kObserved, query.loc,
          "peak_query is set but there is no Prometheus to ask (monitoring.prometheus.url)");
      f.evidence.emplace_back("query", *query);
      f.remediation =
          "Declare monitoring.prometheus.url, the Prometheus that measures these links, or remove "
          "resources.network.peak_query";
      report_totals(ctx, totals, std::nullopt);
      return;
    }
    if (ctx.offline()) {
      ctx.skip(kObserved, query.loc, "live only: peak_query not run (offline)")
          .evidence.emplace_back("query", *query);
      report_totals(ctx, totals, std::nullopt);
      return;
    }
    // No `time` parameter: the peak of the running world now; --as-of dates plan evidence.
    const std::string shown = redact(*prom->url);
    ctx.probe(api_request(*prom->url, "/api/v1/query?query=" + percent_encode(*query),
                          prom->bearer_token.value_or("")),
              [&ctx, totals, shown, expr = *query, loc = query.loc](const HttpResponse& r) {
                std::optional<double> observed = observe(ctx, r, totals, shown, expr, loc);
                report_totals(ctx, totals, observed);
              });
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
           "loosen it. Live, when resources.network.peak_query is set, the Prometheus of "
           "monitoring.prometheus.url is asked for the observed total peak across the links "
           "(in Mbit/s); when it is higher than the sum of the expected peaks it replaces that "
           "sum for the total and N-1 evaluation (links are still judged on their expected "
           "peak). A query that cannot be answered, or returns no usable number, is an error.",
    .fix = "Add capacity or spread traffic so that every link, the total and the N-1 case stay "
           "within the limit.",
    .reads = {"resources.network.max_utilization", "resources.network.links[].id",
              "resources.network.links[].capacity_mbps",
              "resources.network.links[].expected_peak_mbps", "resources.network.peak_query",
              "monitoring.prometheus.url", "monitoring.prometheus.bearer_token"},
    .live = true);

}  // namespace golive
