// checks/monitoring/alerts_defined.cpp
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"

namespace golive {
namespace {

bool equals_ignoring_case(const std::string& a, const std::string& b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

/// Problems gathered per subject, in the order first seen, so that each subject yields
/// exactly one finding.
struct Problems {
  struct Entry {
    std::string subject;
    SourceLoc loc;
    std::vector<std::string> messages;
    std::vector<std::string> remediations;
  };
  std::vector<Entry> entries;

  void add(const std::string& subject, const SourceLoc& loc, std::string message,
           std::string remediation) {
    auto it = std::find_if(entries.begin(), entries.end(),
                           [&](const Entry& e) { return e.subject == subject; });
    if (it == entries.end()) it = entries.insert(entries.end(), Entry{subject, loc, {}, {}});
    it->messages.push_back(std::move(message));
    it->remediations.push_back(std::move(remediation));
  }
};

/// Fails when no alert pages at critical severity, an alert has no runbook, or a
/// required alert is not declared.
class AlertsDefined final : public Check {
 public:
  explicit AlertsDefined(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (!plan.monitoring) {
      ctx.fail("monitoring", plan.loc, "no monitoring section, so no alert is defined")
          .remediation =
          "Add a monitoring: section listing the alerts (name, severity, runbook) that page the "
          "on-call team";
      return;
    }
    const Monitoring& m = *plan.monitoring;
    const SourceLoc alerts_loc = m.alerts_loc.known() ? m.alerts_loc : m.loc;
    Problems problems;

    if (m.alerts.empty()) {
      problems.add("monitoring", alerts_loc, "no alerts defined (monitoring.alerts)",
                   "List the alerts that page the on-call team under monitoring.alerts, at least "
                   "one with severity critical, each with a runbook");
    } else {
      size_t critical = std::count_if(m.alerts.begin(), m.alerts.end(), [](const Alert& a) {
        return a.severity && equals_ignoring_case(*a.severity, "critical");
      });
      if (critical == 0)
        problems.add("monitoring", alerts_loc,
                     fmt::format("none of the {} alerts has severity critical", m.alerts.size()),
                     "Give the alert that fires when the service is down severity: critical so "
                     "that it pages");
    }

    for (size_t i = 0; i < m.alerts.size(); ++i) {
      const Alert& a = m.alerts[i];
      if (a.runbook && !a.runbook->empty()) continue;
      const std::string subject = subject_of("alerts", a.name, i);
      const std::string name = a.name.value_or(subject);
      problems.add(subject, a.runbook.loc,
                   fmt::format("alert {} has no runbook", name),
                   fmt::format("Write the runbook for {} (what to check, how to mitigate, whom to "
                               "escalate to) and link it as its runbook",
                               name));
    }

    std::vector<std::string> required;
    if (m.prometheus) {
      for (const Text& r : m.prometheus->required_alerts) {
        if (!r) continue;
        required.push_back(*r);
        bool declared = std::any_of(m.alerts.begin(), m.alerts.end(),
                                    [&](const Alert& a) { return a.name && *a.name == *r; });
        if (!declared)
          problems.add(fmt::format("alerts[{}]", *r), r.loc,
                       fmt::format("required alert {} (monitoring.prometheus.required_alerts) is "
                                   "not among monitoring.alerts",
                                   *r),
                       fmt::format("Declare {} under monitoring.alerts with its severity and "
                                   "runbook, or remove it from required_alerts",
                                   *r));
      }
    }

    for (auto& e : problems.entries) {
      Finding& f = ctx.fail(e.subject, e.loc, "{}", fmt::join(e.messages, "; "));
      f.remediation = fmt::format("{}", fmt::join(e.remediations, "; "));
    }
    if (!problems.entries.empty()) return;

    std::vector<std::string> names, critical;
    for (const Alert& a : m.alerts) {
      names.push_back(a.name.value_or("?"));
      if (a.severity && equals_ignoring_case(*a.severity, "critical")) critical.push_back(names.back());
    }
    std::string message = fmt::format("{} alert(s), {} critical ({}), all with runbooks",
                                      names.size(), critical.size(), fmt::join(critical, ", "));
    if (!required.empty())
      message += fmt::format("; required alerts declared: {}", fmt::join(required, ", "));
    Finding& f = ctx.pass("monitoring", alerts_loc, "{}", message);
    f.evidence.emplace_back("alerts", names);
    f.evidence.emplace_back("critical", critical);
    f.evidence.emplace_back("required_alerts", required);
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    AlertsDefined, .id = "monitoring.alerts-defined", .severity = Severity::Gate,
    .title = "Critical alerts are defined, each with a runbook",
    .why = "During hypercare the first sign of trouble is an alert. Without a critical alert "
           "nobody is paged; without a runbook the person paged at 3 a.m. improvises. Every "
           "name in monitoring.prometheus.required_alerts must be declared in monitoring.alerts "
           "so that its severity and runbook are known.",
    .fix = "Declare the alerts under monitoring.alerts, one critical, each with a runbook.",
    .reads = {"monitoring.alerts[].name", "monitoring.alerts[].severity",
              "monitoring.alerts[].runbook", "monitoring.prometheus.required_alerts"},
    .live = false);

}  // namespace golive
