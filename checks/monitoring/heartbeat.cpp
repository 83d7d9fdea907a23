// checks/monitoring/heartbeat.cpp
#include <string>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/monitoring/alertmanager_routing.h"

namespace golive {
namespace {

constexpr const char* kSubject = "heartbeat";

/// Fails unless a dead-man's-switch alert and the receiver that notices its silence are
/// declared.
class MonitoringHeartbeat final : public Check {
 public:
  explicit MonitoringHeartbeat(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    const std::string fix = message("fixes.monitoring.heartbeat.add");
    if (!plan.monitoring || !plan.monitoring->heartbeat) {
      ctx.add(Status::Fail, kSubject, plan.monitoring ? plan.monitoring->loc : plan.loc,
              message("findings.monitoring.heartbeat.none"))
          .remediation = fix;
      return;
    }
    const Heartbeat& h = *plan.monitoring->heartbeat;
    if (!h.alert || h.alert->empty() || !h.receiver || h.receiver->empty()) {
      const bool no_alert = !h.alert || h.alert->empty();
      ctx.add(Status::Fail, kSubject, no_alert ? h.alert.loc : h.receiver.loc,
              message(no_alert ? "findings.monitoring.heartbeat.no_alert" : "findings.monitoring.heartbeat.no_receiver"))
          .remediation = fix;
      return;
    }
    Finding& f = ctx.add(Status::Pass, kSubject, h.loc,
                         message("findings.monitoring.heartbeat.declared", fmt::arg("alert", *h.alert),
                                 fmt::arg("receiver", say_receiver(*h.receiver))));
    f.evidence.emplace_back("alert", *h.alert);
    f.evidence.emplace_back("receiver", *h.receiver);
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    MonitoringHeartbeat, .id = "monitoring.heartbeat", .severity = Severity::Warn,
    .title = "A dead-man's-switch watches the monitoring itself",
    .why = "Alerts only help while the monitoring pipeline works: a crashed Prometheus or a "
           "broken Alertmanager route is silent, which looks exactly like a healthy launch. An "
           "always-firing heartbeat alert sent to a dead-man's-switch receiver pages someone "
           "when the heartbeat stops arriving.",
    .fix = "Declare monitoring.heartbeat with the always-firing alert and its receiver.",
    .reads = {"monitoring.heartbeat.alert", "monitoring.heartbeat.receiver"},
    .live = false);

}  // namespace golive
