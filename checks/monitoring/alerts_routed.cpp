// checks/monitoring/alerts_routed.cpp
#include <string>
#include <utility>
#include <vector>

#include "checks/engine/check.h"
#include "checks/engine/probe.h"
#include "checks/monitoring/alertmanager_routing.h"
#include "checks/monitoring/monitoring_api.h"

namespace golive {
namespace {

constexpr const char* kSubject = "alertmanager";

/// Fails unless the page receiver and labels are declared; live, unless Alertmanager's
/// loaded config routes those labels to that receiver and the receiver notifies someone.
class AlertsRouted final : public Check {
 public:
  explicit AlertsRouted(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    const AlertmanagerRef* am =
        plan.monitoring && plan.monitoring->alertmanager ? &*plan.monitoring->alertmanager : nullptr;
    if (!am) {
      ctx.fail(kSubject, plan.monitoring ? plan.monitoring->loc : plan.loc,
               "no Alertmanager declared (monitoring.alertmanager)")
          .remediation = "Declare monitoring.alertmanager with url, receiver and page_labels";
      return;
    }
    if (!am->receiver || am->receiver->empty()) {
      ctx.fail(kSubject, am->receiver.loc, "no receiver declared (monitoring.alertmanager.receiver)").remediation =
          "Name the Alertmanager receiver that pages the on-call team";
      return;
    }
    std::vector<std::pair<std::string, std::string>> labels;
    for (const auto& [k, v] : am->page_labels)
      if (v) labels.emplace_back(k, *v);
    if (labels.empty()) {
      ctx.fail(kSubject, am->page_labels_loc, "no page_labels declared (monitoring.alertmanager.page_labels)")
          .remediation = "Declare the labels a paging alert carries, e.g. {severity: critical, team: payments}";
      return;
    }
    const std::string receiver = *am->receiver;
    const std::string shown_labels = label_set_text(labels);
    const std::string shown_receiver = quote_value(receiver);
    if (ctx.offline()) {
      Finding& f = ctx.pass(kSubject, am->loc, "alerts labelled {} should reach receiver {} (not probed: offline)",
                            shown_labels, shown_receiver);
      f.evidence.emplace_back("receiver", receiver);
      f.evidence.emplace_back("probed", false);
      return;
    }
    if (!am->url || am->url->empty()) {
      ctx.fail(kSubject, am->url.loc, "no Alertmanager to ask (monitoring.alertmanager.url)").remediation =
          "Declare monitoring.alertmanager.url so that the routing can be verified";
      return;
    }
    const std::string shown = redact(*am->url);
    ctx.probe(api_request(*am->url, "/api/v2/status", am->bearer_token.value_or("")),
              [&ctx, shown, receiver, shown_receiver, labels, shown_labels, loc = am->loc,
               receiver_loc = am->receiver.loc](const HttpResponse& r) {
                std::string why;
                auto status = api_json(r, false, why);
                if (!status) {
                  ctx.error(kSubject, loc, "GET {}/api/v2/status: {}", shown, why).remediation =
                      "Make Alertmanager reachable from where golive runs, then run again";
                  return;
                }
                const auto config = status->value("config", nlohmann::json::object());
                if (!config.contains("original") || !config["original"].is_string()) {
                  ctx.error(kSubject, loc, "GET {}/api/v2/status: no config.original in the answer", shown);
                  return;
                }
                RoutingResult routed = route_alert(config["original"].get<std::string>(), labels);
                if (!routed.error.empty()) {
                  ctx.error(kSubject, loc, "the configuration Alertmanager {} loaded cannot be read: {}", shown,
                            routed.error);
                  return;
                }
                bool reached = false;
                for (const auto& rcv : routed.receivers) reached = reached || rcv == receiver;
                const std::string got = receivers_text(routed.receivers);
                if (!reached) {
                  Finding& f = ctx.fail(kSubject, receiver_loc, "alerts labelled {} are routed to {}, not to {}",
                                        shown_labels, got, shown_receiver);
                  f.evidence.emplace_back("routed_to", routed.receivers);
                  f.remediation = "Add a route matching " + shown_labels + " to receiver " + shown_receiver +
                                  " ahead of the routes that catch it, or correct page_labels";
                  return;
                }
                const AlertmanagerReceiver* declared = nullptr;
                for (const auto& d : routed.declared)
                  if (d.name == receiver) declared = &d;
                if (!declared || declared->integrations.empty()) {
                  Finding& f = ctx.fail(kSubject, receiver_loc, "receiver {} {}: alerts labelled {} notify no one",
                                        shown_receiver, declared ? "has no integration" : "is not defined", shown_labels);
                  f.evidence.emplace_back("routed_to", routed.receivers);
                  f.remediation = "Give receiver " + shown_receiver + " a notification integration "
                                  "(pagerduty_configs, webhook_configs, email_configs…)";
                  return;
                }
                Finding& f = ctx.pass(kSubject, loc, "alerts labelled {} reach receiver {} ({}) on {}", shown_labels,
                                      shown_receiver, fmt::join(declared->integrations, ", "), shown);
                f.evidence.emplace_back("routed_to", routed.receivers);
                f.evidence.emplace_back("integrations", declared->integrations);
              });
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    AlertsRouted, .id = "monitoring.alerts-routed", .severity = Severity::Gate,
    .title = "Paging alerts are routed to the on-call receiver",
    .why = "An alert that fires but is routed to a catch-all receiver, or to a receiver without "
           "any integration, pages no one. monitoring.alertmanager.receiver and page_labels must "
           "be declared. Live: the configuration Alertmanager loaded (GET /api/v2/status) is "
           "evaluated for page_labels exactly as Alertmanager routes (the same result as "
           "`amtool config routes test`): the receiver must be among the matched ones and have "
           "at least one integration.",
    .fix = "Route alerts carrying page_labels to the on-call receiver and give that receiver a "
           "notification integration.",
    .reads = {"monitoring.alertmanager.url", "monitoring.alertmanager.receiver",
              "monitoring.alertmanager.page_labels", "monitoring.alertmanager.bearer_token"},
    .live = true);

}  // namespace golive
