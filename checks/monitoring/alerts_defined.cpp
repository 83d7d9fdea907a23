// checks/monitoring/alerts_defined.cpp
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"

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
      ctx.add(Status::Fail, "monitoring", plan.loc, message("findings.monitoring.alerts-defined.no_monitoring"))
          .remediation = message("fixes.monitoring.alerts-defined.add");
      return;
    }
    const Monitoring& m = *plan.monitoring;
    const SourceLoc alerts_loc = m.alerts_loc.known() ? m.alerts_loc : m.loc;
    Problems problems;

    if (m.alerts.empty()) {
      problems.add("monitoring", alerts_loc, message("findings.monitoring.alerts-defined.no_alerts"),
                   message("fixes.monitoring.alerts-defined.list"));
    } else {
      size_t critical = std::count_if(m.alerts.begin(), m.alerts.end(), [](const Alert& a) {
        return a.severity && equals_ignoring_case(*a.severity, "critical");
      });
      if (critical == 0)
        problems.add("monitoring", alerts_loc,
                     message("findings.monitoring.alerts-defined.no_critical", fmt::arg("count", m.alerts.size())),
                     message("fixes.monitoring.alerts-defined.critical"));
    }

    for (size_t i = 0; i < m.alerts.size(); ++i) {
      const Alert& a = m.alerts[i];
      if (a.runbook && !a.runbook->empty()) continue;
      const std::string subject = subject_of("alerts", a.name, i);
      const std::string name = a.name.value_or(subject);
      problems.add(subject, a.runbook.loc, message("findings.monitoring.alerts-defined.no_runbook", fmt::arg("alert", name)),
                   message("fixes.monitoring.alerts-defined.runbook", fmt::arg("alert", name)));
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
                       message("findings.monitoring.alerts-defined.undeclared", fmt::arg("alert", *r)),
                       message("fixes.monitoring.alerts-defined.declare", fmt::arg("alert", *r)));
      }
    }

    for (auto& e : problems.entries) {
      const std::string_view clauses = message_text("findings.join.clauses");
      Finding& f = ctx.add(Status::Fail, e.subject, e.loc, fmt::format("{}", fmt::join(e.messages, clauses)));
      f.remediation = fmt::format("{}", fmt::join(e.remediations, clauses));
    }
    if (!problems.entries.empty()) return;

    std::vector<std::string> names, critical;
    for (const Alert& a : m.alerts) {
      names.push_back(a.name.value_or("?"));
      if (a.severity && equals_ignoring_case(*a.severity, "critical")) critical.push_back(names.back());
    }
    const std::string_view list = message_text("findings.join.list");
    std::string text = message("findings.monitoring.alerts-defined.defined", fmt::arg("count", names.size()),
                               fmt::arg("critical_count", critical.size()),
                               fmt::arg("critical", fmt::join(critical, list)));
    if (!required.empty())
      text += message("findings.monitoring.alerts-defined.required", fmt::arg("alerts", fmt::join(required, list)));
    Finding& f = ctx.add(Status::Pass, "monitoring", alerts_loc, text);
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
