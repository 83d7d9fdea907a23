// checks/monitoring/alerts_routed.cpp
#include <string>
#include <utility>
#include <vector>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
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
      ctx.add(Status::Fail, kSubject, plan.monitoring ? plan.monitoring->loc : plan.loc,
              message("findings.monitoring.alerts-routed.no_alertmanager"))
          .remediation = message("fixes.monitoring.alerts-routed.declare");
      return;
    }
    if (!am->receiver || am->receiver->empty()) {
      ctx.add(Status::Fail, kSubject, am->receiver.loc, message("findings.monitoring.alerts-routed.no_receiver"))
          .remediation = message("fixes.monitoring.alerts-routed.receiver");
      return;
    }
    std::vector<std::pair<std::string, std::string>> labels;
    for (const auto& [k, v] : am->page_labels)
      if (v) labels.emplace_back(k, *v);
    if (labels.empty()) {
      ctx.add(Status::Fail, kSubject, am->page_labels_loc, message("findings.monitoring.alerts-routed.no_labels"))
          .remediation = message("fixes.monitoring.alerts-routed.labels");
      return;
    }
    const std::string receiver = *am->receiver;
    const std::string shown_labels = label_set_text(labels);
    const std::string shown_receiver = say_receiver(receiver);
    if (ctx.offline()) {
      Finding& f = ctx.add(Status::Pass, kSubject, am->loc,
                           message("findings.monitoring.alerts-routed.offline", fmt::arg("labels", shown_labels),
                                   fmt::arg("receiver", shown_receiver)));
      f.evidence.emplace_back("receiver", receiver);
      f.evidence.emplace_back("probed", false);
      return;
    }
    if (!am->url || am->url->empty()) {
      ctx.add(Status::Fail, kSubject, am->url.loc, message("findings.monitoring.alerts-routed.no_url"))
          .remediation = message("fixes.monitoring.alerts-routed.url");
      return;
    }
    const std::string shown = redact(*am->url);
    ctx.probe(api_request(*am->url, "/api/v2/status", am->bearer_token.value_or("")),
              [&ctx, shown, receiver, shown_receiver, labels, shown_labels, loc = am->loc,
               receiver_loc = am->receiver.loc](const HttpResponse& r) {
                std::string why;
                auto status = api_json(r, false, why);
                if (!status) {
                  ctx.add(Status::Error, kSubject, loc,
                          message("findings.monitoring.alerts-routed.unreachable", fmt::arg("url", shown),
                                  fmt::arg("why", why)))
                      .remediation = message("fixes.monitoring.alerts-routed.reachable");
                  return;
                }
                const auto config = status->value("config", nlohmann::json::object());
                if (!config.contains("original") || !config["original"].is_string()) {
                  ctx.add(Status::Error, kSubject, loc,
                          message("findings.monitoring.alerts-routed.no_config", fmt::arg("url", shown)));
                  return;
                }
                RoutingResult routed = route_alert(config["original"].get<std::string>(), labels);
                if (!routed.error.empty()) {
                  ctx.add(Status::Error, kSubject, loc,
                          message("findings.monitoring.alerts-routed.unreadable", fmt::arg("url", shown),
                                  fmt::arg("error", routed.error)));
                  return;
                }
                bool reached = false;
                for (const auto& rcv : routed.receivers) reached = reached || rcv == receiver;
                const std::string got = receivers_text(routed.receivers);
                if (!reached) {
                  Finding& f = ctx.add(Status::Fail, kSubject, receiver_loc,
                                       message("findings.monitoring.alerts-routed.elsewhere",
                                               fmt::arg("labels", shown_labels), fmt::arg("routed", got),
                                               fmt::arg("receiver", shown_receiver)));
                  f.evidence.emplace_back("routed_to", routed.receivers);
                  f.remediation = message("fixes.monitoring.alerts-routed.route", fmt::arg("labels", shown_labels),
                                          fmt::arg("receiver", shown_receiver));
                  return;
                }
                const AlertmanagerReceiver* declared = nullptr;
                for (const auto& d : routed.declared)
                  if (d.name == receiver) declared = &d;
                if (!declared || declared->integrations.empty()) {
                  Finding& f = ctx.add(Status::Fail, kSubject, receiver_loc,
                                       message(declared ? "findings.monitoring.alerts-routed.no_integration"
                                                        : "findings.monitoring.alerts-routed.undefined",
                                               fmt::arg("receiver", shown_receiver), fmt::arg("labels", shown_labels)));
                  f.evidence.emplace_back("routed_to", routed.receivers);
                  f.remediation = message("fixes.monitoring.alerts-routed.integration", fmt::arg("receiver", shown_receiver));
                  return;
                }
                Finding& f = ctx.add(Status::Pass, kSubject, loc,
                                     message("findings.monitoring.alerts-routed.reached", fmt::arg("labels", shown_labels),
                                             fmt::arg("receiver", shown_receiver),
                                             fmt::arg("integrations", fmt::join(declared->integrations,
                                                                                message_text("findings.join.list"))),
                                             fmt::arg("url", shown)));
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
