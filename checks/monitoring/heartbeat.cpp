// checks/monitoring/heartbeat.cpp
#include <string>

#include "checks/engine/check.h"
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
    const char* fix =
        "Add monitoring.heartbeat with alert (an always-firing alert such as Watchdog) and "
        "receiver (the dead-man's-switch service that pages when it stops arriving)";
    if (!plan.monitoring || !plan.monitoring->heartbeat) {
      ctx.fail(kSubject, plan.monitoring ? plan.monitoring->loc : plan.loc,
               "no dead-man's-switch declared (monitoring.heartbeat)")
          .remediation = fix;
      return;
    }
    const Heartbeat& h = *plan.monitoring->heartbeat;
    if (!h.alert || h.alert->empty() || !h.receiver || h.receiver->empty()) {
      const bool no_alert = !h.alert || h.alert->empty();
      ctx.fail(kSubject, no_alert ? h.alert.loc : h.receiver.loc,
               "the dead-man's-switch has no {} (monitoring.heartbeat.{})",
               no_alert ? "alert" : "receiver", no_alert ? "alert" : "receiver")
          .remediation = fix;
      return;
    }
    Finding& f = ctx.pass(kSubject, h.loc, "dead-man's-switch alert {} goes to receiver {}", *h.alert,
                          quote_value(*h.receiver));
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
