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
#include "checks/engine/i18n.h"
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
  const std::string peak_text =
      use_observed ? message("findings.resources.bandwidth-headroom.observed", fmt::arg("peak", mbps(peak))) : mbps(peak);

  const double total_u = peak / t.capacity;
  Finding& total = ctx.add(total_u <= t.limit + kTolerance ? Status::Pass : Status::Fail, "network.total", t.loc,
                           message("findings.resources.bandwidth-headroom.total", fmt::arg("peak", peak_text),
                                   fmt::arg("capacity", mbps(t.capacity)), fmt::arg("utilization", pct(total_u)),
                                   fmt::arg("limit", t.limit_text)));
  total.evidence.emplace_back("expected_peak_mbps", t.expected_peak);
  if (use_observed) total.evidence.emplace_back("observed_peak_mbps", *observed);
  total.evidence.emplace_back("capacity_mbps", t.capacity);
  total.evidence.emplace_back("utilization", total_u);
  total.evidence.emplace_back("max_utilization", t.limit);
  if (total.status == Status::Fail)
    total.remediation =
        use_observed ? message("fixes.resources.bandwidth-headroom.total_observed",
                               fmt::arg("add", mbps(std::ceil(peak / t.limit - t.capacity))))
                     : message("fixes.resources.bandwidth-headroom.total",
                               fmt::arg("add", mbps(std::ceil(peak / t.limit - t.capacity))));

  if (t.links < 2) {
    ctx.add(Status::Skip, "network.n-1", t.loc, message("findings.resources.bandwidth-headroom.one_link"));
    return;
  }
  const double left = t.capacity - t.largest;
  const bool fits = peak <= left * (1 + kTolerance);
  const std::string share =
      left > 0 ? pct(peak / left) : message("findings.resources.bandwidth-headroom.no_capacity");
  Finding& n = fits ? ctx.add(Status::Pass, "network.n-1", t.loc,
                              message("findings.resources.bandwidth-headroom.n1_fits", fmt::arg("link", t.largest_id),
                                      fmt::arg("capacity", mbps(t.largest)), fmt::arg("peak", peak_text),
                                      fmt::arg("left", mbps(left)), fmt::arg("share", share)))
                    : ctx.add(Status::Fail, "network.n-1", t.loc,
                              message("findings.resources.bandwidth-headroom.n1_exceeds", fmt::arg("link", t.largest_id),
                                      fmt::arg("capacity", mbps(t.largest)), fmt::arg("peak", peak_text),
                                      fmt::arg("left", mbps(left)), fmt::arg("share", share)));
  n.evidence.emplace_back("lost_link", t.largest_id);
  n.evidence.emplace_back("capacity_left_mbps", left);
  n.evidence.emplace_back("expected_peak_mbps", t.expected_peak);
  if (use_observed) n.evidence.emplace_back("observed_peak_mbps", *observed);
  if (!fits)
    n.remediation = message("fixes.resources.bandwidth-headroom.n1", fmt::arg("add", mbps(std::ceil(peak - left))),
                            fmt::arg("link", t.largest_id));
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
    why = message("findings.resources.bandwidth-headroom.no_sample_value");
    return std::nullopt;
  }
  const std::string text = sample[1].get<std::string>();
  // from_chars takes no leading '+' ("+Inf"); it is locale-independent, unlike strtod.
  const size_t plus = text.size() > 1 && text[0] == '+' ? 1 : 0;
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data() + plus, text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(v) || v < 0) {
    why = message("findings.resources.bandwidth-headroom.not_a_peak", fmt::arg("value", text), fmt::arg("of", of));
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
    why = type.is_string() ? message("findings.resources.bandwidth-headroom.wrong_result_type",
                                     fmt::arg("type", type.get<std::string>()))
                           : message("findings.resources.bandwidth-headroom.no_result_type");
    return std::nullopt;
  }
  if (!result.is_array() || result.empty()) {
    why = message("findings.resources.bandwidth-headroom.no_series");
    return std::nullopt;
  }
  series = result.size();
  double peak = 0;
  for (const auto& s : result) {
    const std::string of =
        series > 1 ? message("findings.resources.bandwidth-headroom.for_series",
                             fmt::arg("series", series_name(member(s, "metric"))))
                   : "";
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
  const std::string fix_query = message("fixes.resources.bandwidth-headroom.peak_query");
  std::string why;
  const std::optional<nlohmann::json> data = api_json(r, true, why);
  if (!data) {
    // 400 and 422 are Prometheus refusing the expression; anything else is about reaching it.
    const bool bad_query = r.transport_ok() && (r.status == 400 || r.status == 422);
    Finding& f = ctx.add(Status::Error, kObserved, loc,
                         message("findings.resources.bandwidth-headroom.query_failed", fmt::arg("url", shown),
                                 fmt::arg("why", why)));
    f.evidence.emplace_back("query", expr);
    f.remediation = bad_query ? fix_query : message("fixes.resources.bandwidth-headroom.unreachable");
    return std::nullopt;
  }
  size_t series = 0;
  const std::optional<double> observed = peak_of(*data, series, why);
  if (!observed) {
    Finding& f = ctx.add(Status::Error, kObserved, loc, why);
    f.evidence.emplace_back("query", expr);
    f.remediation = fix_query;
    return std::nullopt;
  }
  const std::string seen = mbps(*observed), expected = mbps(t.expected_peak);
  Finding& f = ctx.add(
      Status::Pass, kObserved, loc,
      *observed <= t.expected_peak
          ? message("findings.resources.bandwidth-headroom.observed_within", fmt::arg("observed", seen),
                    fmt::arg("expected", expected))
      : t.links >= 2 ? message("findings.resources.bandwidth-headroom.observed_above_n1", fmt::arg("observed", seen),
                               fmt::arg("expected", expected))
                     : message("findings.resources.bandwidth-headroom.observed_above", fmt::arg("observed", seen),
                               fmt::arg("expected", expected)));
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
      ctx.add(Status::Fail, "network", loc, message("findings.resources.bandwidth-headroom.no_links"))
          .remediation = message("fixes.resources.bandwidth-headroom.no_links");
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
        ctx.add(Status::Fail, "network", net->max_utilization.loc,
                message("findings.resources.bandwidth-headroom.bad_fraction", fmt::arg("value", own)))
            .remediation = message("fixes.resources.bandwidth-headroom.bad_fraction");
        return;
      }
      if (own <= limit) {
        limit = own;
        limit_source = "resources.network.max_utilization";
      }
    }
    const std::string limit_text = message("findings.resources.bandwidth-headroom.limit", fmt::arg("limit", pct(limit)),
                                           fmt::arg("source", limit_source));

    double total_capacity = 0, total_peak = 0, largest = 0;
    std::string largest_id;
    std::vector<std::string> incomplete;
    for (size_t i = 0; i < net->links.size(); ++i) {
      const Link& l = net->links[i];
      const std::string subject = subject_of("links", l.id, i);
      const std::string name = l.id.value_or(subject);
      if (!l.capacity_mbps || *l.capacity_mbps <= 0) {
        incomplete.push_back(subject);
        ctx.add(Status::Fail, subject, l.capacity_mbps.loc,
                message("findings.resources.bandwidth-headroom.no_capacity_mbps", fmt::arg("link", name)))
            .remediation = message("fixes.resources.bandwidth-headroom.no_capacity_mbps", fmt::arg("link", name));
        continue;
      }
      if (!l.expected_peak_mbps || *l.expected_peak_mbps < 0) {
        incomplete.push_back(subject);
        ctx.add(Status::Fail, subject, l.expected_peak_mbps.loc,
                message("findings.resources.bandwidth-headroom.no_expected_peak", fmt::arg("link", name)))
            .remediation = message("fixes.resources.bandwidth-headroom.no_expected_peak", fmt::arg("link", name));
        continue;
      }
      const double cap = *l.capacity_mbps, peak = *l.expected_peak_mbps, u = peak / cap;
      total_capacity += cap;
      total_peak += peak;
      if (cap > largest) {
        largest = cap;
        largest_id = name;
      }
      Finding& f = ctx.add(u <= limit + kTolerance ? Status::Pass : Status::Fail, subject, l.expected_peak_mbps.loc,
                           message("findings.resources.bandwidth-headroom.link", fmt::arg("peak", mbps(peak)),
                                   fmt::arg("capacity", mbps(cap)), fmt::arg("utilization", pct(u)),
                                   fmt::arg("limit", limit_text)));
      f.evidence.emplace_back("expected_peak_mbps", peak);
      f.evidence.emplace_back("capacity_mbps", cap);
      f.evidence.emplace_back("utilization", u);
      f.evidence.emplace_back("max_utilization", limit);
      if (f.status == Status::Fail)
        f.remediation = message("fixes.resources.bandwidth-headroom.link", fmt::arg("link", name),
                                fmt::arg("capacity", mbps(std::ceil(peak / limit))));
    }

    if (!incomplete.empty()) {
      const std::string which = fmt::to_string(fmt::join(incomplete, message_text("findings.engine.join.list")));
      ctx.add(Status::Fail, "network.total", net->loc,
              message("findings.resources.bandwidth-headroom.total_incomplete", fmt::arg("links", which)))
          .remediation = message("fixes.resources.bandwidth-headroom.incomplete");
      if (net->links.size() >= 2)
        ctx.add(Status::Fail, "network.n-1", net->loc,
                message("findings.resources.bandwidth-headroom.n1_incomplete", fmt::arg("links", which)))
            .remediation = message("fixes.resources.bandwidth-headroom.incomplete");
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
      Finding& f = ctx.add(Status::Fail, kObserved, query.loc,
                           message("findings.resources.bandwidth-headroom.no_prometheus"));
      f.evidence.emplace_back("query", *query);
      f.remediation = message("fixes.resources.bandwidth-headroom.no_prometheus");
      report_totals(ctx, totals, std::nullopt);
      return;
    }
    if (ctx.offline()) {
      ctx.add(Status::Skip, kObserved, query.loc, message("findings.resources.bandwidth-headroom.offline"))
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
