// checks/monitoring/rules_loaded.cpp
#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>
#include <vector>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/engine/probe.h"
#include "checks/monitoring/monitoring_api.h"

namespace golive {
namespace {

struct LoadedRule {
  std::string health;
  std::string last_error;
  std::string group;
  double interval_s = 0;  ///< the group's evaluation interval, seconds; 0 when not given
};

/// The alerting rules of a /api/v1/rules answer, by name, in the order Prometheus lists them.
std::vector<std::pair<std::string, LoadedRule>> alerting_rules(const nlohmann::json& data) {
  std::vector<std::pair<std::string, LoadedRule>> loaded;
  for (const auto& g : data.value("groups", nlohmann::json::array())) {
    const double interval = g.contains("interval") && g["interval"].is_number() ? g["interval"].get<double>() : 0;
    for (const auto& rule : g.value("rules", nlohmann::json::array()))
      if (rule.value("type", "") == "alerting")
        loaded.emplace_back(rule.value("name", ""), LoadedRule{rule.value("health", ""), rule.value("lastError", ""),
                                                               g.value("name", ""), interval});
  }
  return loaded;
}

/// "unknown" is what Prometheus reports for a rule it has loaded but not evaluated yet
/// (just started or reloaded): the rule's health is not known, neither good nor bad.
bool any_unevaluated(const std::vector<std::pair<std::string, LoadedRule>>& loaded,
                     const std::vector<std::string>& required) {
  for (const auto& [name, rule] : loaded)
    if (rule.health == "unknown" && std::find(required.begin(), required.end(), name) != required.end()) return true;
  return false;
}

/// Live only: Prometheus has loaded every required alert rule, healthy, and sends its
/// alerts to at least one Alertmanager.
class RulesLoaded final : public Check {
 public:
  explicit RulesLoaded(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    const PrometheusRef* prom = plan.monitoring && plan.monitoring->prometheus ? &*plan.monitoring->prometheus : nullptr;
    if (!prom || !prom->url || prom->url->empty()) {
      ctx.add(Status::Fail, "prometheus", prom ? prom->url.loc : plan.monitoring ? plan.monitoring->loc : plan.loc,
              message("findings.monitoring.rules-loaded.no_url"))
          .remediation = message("fixes.monitoring.rules-loaded.url");
      return;
    }
    if (ctx.offline()) {
      ctx.add(Status::Skip, "prometheus", prom->loc, message("findings.monitoring.rules-loaded.offline"));
      return;
    }
    const std::string base = *prom->url;
    const std::string token = prom->bearer_token.value_or("");
    const std::string shown = redact(base);
    std::vector<std::string> required;
    for (const Text& a : prom->required_alerts)
      if (a) required.push_back(*a);

    HttpRequest rules = api_request(base, "/api/v1/rules?type=alert", token);
    // A required rule not evaluated yet: ask again every second, as long as --timeout allows.
    rules.ask_again = [required](const HttpResponse& r) {
      std::string ignored;
      auto data = api_json(r, true, ignored);
      return data && any_unevaluated(alerting_rules(*data), required) ? std::chrono::milliseconds(1000)
                                                                      : std::chrono::milliseconds(0);
    };
    ctx.probe(std::move(rules),
              [&ctx, required, shown, loc = prom->loc, alerts_loc = prom->required_alerts.empty()
                                                                       ? prom->loc
                                                                       : prom->required_alerts.front().loc](
                  const HttpResponse& r) {
                std::string why;
                auto data = api_json(r, true, why);
                if (!data) {
                  ctx.add(Status::Error, "rules", loc,
                          message("findings.monitoring.rules-loaded.rules_unreachable", fmt::arg("url", shown),
                                  fmt::arg("why", why)))
                      .remediation = message("fixes.monitoring.rules-loaded.reachable");
                  return;
                }
                const auto loaded = alerting_rules(*data);
                if (required.empty()) {
                  ctx.add(Status::Skip, "rules", loc,
                          message("findings.monitoring.rules-loaded.none_required", fmt::arg("count", loaded.size())));
                  return;
                }
                for (const auto& name : required) {
                  const std::string subject = "rules[" + name + "]";
                  const LoadedRule* found = nullptr;
                  for (const auto& [n, rule] : loaded)
                    if (n == name) { found = &rule; break; }
                  if (!found) {
                    ctx.add(Status::Fail, subject, alerts_loc,
                            message("findings.monitoring.rules-loaded.not_loaded", fmt::arg("alert", name),
                                    fmt::arg("url", shown)))
                        .remediation = message("fixes.monitoring.rules-loaded.load", fmt::arg("alert", name));
                    continue;
                  }
                  if (found->health == "unknown") {
                    // Not a broken rule: Prometheus has not evaluated it yet. Still not a pass
                    // (an expression that will fail is indistinguishable from a good one yet).
                    const auto wait = static_cast<int64_t>(std::ceil(found->interval_s));
                    Finding& f = ctx.add(
                        Status::Error, subject, alerts_loc,
                        message(wait > 0 ? "findings.monitoring.rules-loaded.unevaluated_in"
                                         : "findings.monitoring.rules-loaded.unevaluated",
                                fmt::arg("alert", name), fmt::arg("group", found->group), fmt::arg("url", shown),
                                fmt::arg("seconds", wait)));
                    f.evidence.emplace_back("health", found->health);
                    if (wait > 0) f.evidence.emplace_back("evaluation_interval_s", wait);
                    f.remediation = message("fixes.monitoring.rules-loaded.again", fmt::arg("group", found->group));
                    continue;
                  }
                  if (found->health != "ok") {
                    Finding& f = ctx.add(
                        Status::Fail, subject, alerts_loc,
                        message(found->last_error.empty() ? "findings.monitoring.rules-loaded.unhealthy"
                                                          : "findings.monitoring.rules-loaded.unhealthy_error",
                                fmt::arg("alert", name), fmt::arg("group", found->group),
                                fmt::arg("health", found->health.empty() ? "unknown" : found->health),
                                fmt::arg("error", found->last_error)));
                    f.evidence.emplace_back("health", found->health);
                    f.remediation = message("fixes.monitoring.rules-loaded.expression", fmt::arg("alert", name));
                    continue;
                  }
                  Finding& f = ctx.add(Status::Pass, subject, alerts_loc,
                                       message("findings.monitoring.rules-loaded.loaded", fmt::arg("alert", name),
                                               fmt::arg("group", found->group)));
                  f.evidence.emplace_back("group", found->group);
                  f.evidence.emplace_back("health", found->health);
                }
              });

    ctx.probe(api_request(base, "/api/v1/alertmanagers", token),
              [&ctx, shown, loc = prom->loc](const HttpResponse& r) {
                std::string why;
                auto data = api_json(r, true, why);
                if (!data) {
                  ctx.add(Status::Error, "alertmanagers", loc,
                          message("findings.monitoring.rules-loaded.alertmanagers_unreachable", fmt::arg("url", shown),
                                  fmt::arg("why", why)))
                      .remediation = message("fixes.monitoring.rules-loaded.reachable");
                  return;
                }
                std::vector<std::string> urls;
                for (const auto& am : data->value("activeAlertmanagers", nlohmann::json::array()))
                  urls.push_back(redact(am.value("url", "")));
                if (urls.empty()) {
                  ctx.add(Status::Fail, "alertmanagers", loc,
                          message("findings.monitoring.rules-loaded.no_alertmanager", fmt::arg("url", shown)))
                      .remediation = message("fixes.monitoring.rules-loaded.alertmanagers");
                  return;
                }
                Finding& f = ctx.add(Status::Pass, "alertmanagers", loc,
                                     message("findings.monitoring.rules-loaded.alertmanagers", fmt::arg("url", shown),
                                             fmt::arg("count", urls.size())));
                f.evidence.emplace_back("alertmanagers", urls);
              });
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    RulesLoaded, .id = "monitoring.rules-loaded", .severity = Severity::Gate,
    .title = "Prometheus has loaded every required alert rule and has an Alertmanager",
    .why = "An alert written in a file that Prometheus never loaded, or whose expression fails to "
           "evaluate, never fires. Live only: GET /api/v1/rules must list every "
           "monitoring.prometheus.required_alerts alert rule with health ok, and GET "
           "/api/v1/alertmanagers must show at least one active Alertmanager, without which "
           "firing alerts reach no one. A required rule Prometheus has not evaluated yet (health "
           "unknown, e.g. just after a restart) is asked for again every second up to --timeout, "
           "then is an error saying when to run again. A Prometheus that cannot be asked is an "
           "error.",
    .fix = "Load the rule files that define the required alerts, fix rules whose health is not "
           "ok, and configure alerting.alertmanagers in prometheus.yml.",
    .reads = {"monitoring.prometheus.url", "monitoring.prometheus.required_alerts",
              "monitoring.prometheus.bearer_token"},
    .live = true);

}  // namespace golive
