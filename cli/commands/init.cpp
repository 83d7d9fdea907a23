// golive init: a plan template that is valid as written and NOT READY until filled in, so
// that `golive check` on it is the to-do list. Evidence (dates of tests, drills, backups)
// is left out on purpose: golive must never call a plan ready on made-up evidence.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands/commands.h"
#include "checks/engine/i18n.h"

namespace golive {

const std::vector<std::string>& init_scenarios() {
  static const std::vector<std::string> names = {"critical", "large-upgrade", "cross-border",
                                                 "new-technology", "third-party"};
  return names;
}

namespace {

// Where a comment after a value starts, counted from the start of its line; a value too
// long for it is followed by three spaces instead.
constexpr size_t kCommentColumn = 37;

// Replaces each {{key}} of the template by the catalogue's init.key in the current language,
// so the YAML is written once and only its comments, placeholder names and the values a
// team replaces first (phones, the time zone) are translated. A comment after a value is
// aligned here, after the values are said, since their width depends on the language.
// A key whose text is empty (no comment in that language) leaves no trailing blanks.
std::string localise(const std::string& text) {
  std::string out;
  size_t at = 0;
  while (true) {
    size_t open = text.find("{{", at);
    if (open == std::string::npos) break;
    size_t close = text.find("}}", open + 2);
    out.append(text, at, open - at);
    const std::string& said = message_text("init." + text.substr(open + 2, close - open - 2));
    const size_t line_start = out.rfind('\n') + 1;  // 0 on the first line
    const size_t value_end = out.find_last_not_of(' ') + 1;
    if (said.starts_with('#') && value_end > line_start && value_end < out.size()) {
      out.resize(value_end);
      const size_t width = value_end - line_start;
      out.append(width + 2 <= kCommentColumn ? kCommentColumn - width : 3, ' ');
    }
    out += said;
    at = close + 2;
  }
  out.append(text, at, std::string::npos);
  std::string trimmed;
  size_t line = 0;
  while (line < out.size()) {
    size_t end = out.find('\n', line);
    if (end == std::string::npos) end = out.size();
    std::string_view l(out.data() + line, end - line);
    trimmed.append(l.substr(0, l.find_last_not_of(' ') + 1));
    if (end < out.size()) trimmed += '\n';
    line = end + 1;
  }
  return trimmed;
}

bool has(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

std::string plan_template(const std::vector<std::string>& chosen) {
  std::vector<std::string> scenarios;  // plan.scenarios order, each once
  for (const std::string& s : init_scenarios())
    if (has(chosen, s)) scenarios.push_back(s);
  const bool critical = has(scenarios, "critical");
  std::ostringstream t;
  t << R"({{header}}
golive: 1

{{plan}}
plan:
  id: my-system-1.0                  {{plan_id}}
  name: {{plan_name}}
  owner: ops.lead                    {{plan_owner}}
  revised_at: 2099-01-01             {{plan_revised_at}}
  review_every: 365d
)";
  if (scenarios.empty()) {
    t << "  scenarios: []\n";
  } else {
    t << "  scenarios: [" << fmt::format("{}", fmt::join(scenarios, ", ")) << "]\n";
  }
  t << R"(  approvals: []                     {{approvals}}

go_live:
  window: {start: 2099-01-02T02:00:00{{offset}}, end: 2099-01-02T06:00:00{{offset}}}   {{window}}
  timezone: {{zone}} {{timezone}}
  hypercare: 3d                      {{hypercare}}
  checkpoints: []                    {{checkpoints}}

{{contacts}}
contacts:
  - {id: commander.name, name: {{name_commander}}, phone: "{{phone_prefix}}01", email: commander@example.com,
     timezone: {{zone}}, hours: "09:00-18:00"}
  - {id: deputy.name, name: {{name_deputy}}, phone: "{{phone_prefix}}02", email: deputy@example.com,
     timezone: {{zone}}, hours: "09:00-18:00"}
  - {id: ops.lead, name: {{name_ops_lead}}, phone: "{{phone_prefix}}03", email: ops.lead@example.com,
     timezone: {{zone}}, hours: "09:00-18:00"}
  - {id: comms.lead, name: {{name_comms_lead}}, phone: "{{phone_prefix}}04", email: comms.lead@example.com,
     timezone: {{zone}}, hours: "09:00-18:00"}

{{organization}}
organization:
  commander: commander.name          {{commander}}
  deputy: deputy.name                {{deputy}}
  roles: {ops_lead: ops.lead, comms_lead: comms.lead}
  working_group: [ops.lead, comms.lead]
  departments: []                    {{departments}}

{{response}}
response:
  severities: []                     {{severities}}
  escalation: []                     {{escalation}}
  stages: [report, assess, activate, handle, notify, review]   {{stages}}
  comms: {owner: comms.lead, time_reference: )" << (has(scenarios, "cross-border") ? "UTC}   {{comms_utc}}" : "{{zone}}}   {{comms}}") << R"(
  review: {due: 5d, owner: ops.lead} {{review}}

{{systems}}
systems:
  - id: my-system
)";
  t << (critical ? "    tier: 1                          {{tier}}\n"
                 : "    tier: 2                          {{tier}}\n");
  t << R"(    rto: 1h
    rpo: 15m
    dr_strategy: backup_restore      {{dr_strategy}}
    datastores: [my-db]
)";
  if (critical)
    t << R"(    {{failover}}
    # standby: {site: dc-b, failover_test: {at: 2099-01-01, duration: 9m, result: pass}}
)";
  t << R"(
{{backups}}
backups:
  - id: my-db-daily
    datastore: my-db
    schedule: 24h
    copies: 1
    location: "s3://my-backups/my-db/latest.dump"    {{location}}
    # last_success: 2099-01-01T00:00:00{{offset}}
    # restore_test: {at: 2099-01-01, duration: 40m, result: pass, evidence: "https://wiki.example.com/restore"}

{{rollback}}
rollback:
  strategy: blue_green
  automated: false
  decision_owner: commander.name
  # runbook: "https://wiki.example.com/rollback"
  # triggers: [{metric: http_5xx_ratio, op: ">", value: 0.02, for: 5m}]
  # duration: 25m
  # verification: 10m
  # tested: {at: 2099-01-01, version: 1.0.0-rc1, environment: staging, result: pass, duration: 20m}

{{monitoring}}
monitoring:
  alerts: []                         {{alerts}}
  dashboards: []                     {{dashboards}}

{{oncall}}
oncall:
  shifts: []                         {{shifts}}

{{training}}
training: []                         {{training_example}}

{{resources}}
resources:
  spares: []                         {{spares}}
  # load_test: {at: 2099-01-01, multiple_of_peak: 2.0, result: pass}

{{drills}}
drills: []                           {{drills_example}}
)";
  const bool upgrade = has(scenarios, "large-upgrade"), border = has(scenarios, "cross-border"),
             newtech = has(scenarios, "new-technology");
  if (upgrade || border || newtech) {
    t << "\n{{scenarios}}\nscenarios:\n";
    if (upgrade)
      t << R"(  {{large_upgrade}}
  large_upgrade:
    pm_group: [ops.lead]
    phases: []                       {{phases}}
    # data_migration: {rehearsed: {at: …, duration: 50m, result: pass}, pre_backup: my-db-daily, ...}
    # compatibility: {tested: {at: …, result: pass}, matrix: "https://..."}
)";
    if (border)
      t << R"(  {{cross_border}}
  cross_border:
    regions:
      - {code: XX, timezone: {{zone}}, responsible: ops.lead, regulations: []}   {{regions}}
    data_transfers: []               {{data_transfers}}
    # comms_platform: "Slack #golive-global"
    # language: en
)";
    if (newtech)
      t << R"(  {{new_technology}}
  new_technology:
    - component: {{component}}
      trained: []
      # validation: {kind: poc, at: …, result: pass, report: "https://..."}
      # risk_assessment: {at: …, owner: ops.lead, residual: medium}
)";
  }
  if (has(scenarios, "third-party"))
    t << R"(
{{vendors}}
vendors:
  - id: my-vendor
    name: {{vendor_name}}
    covers: [my-db]
    contract: {ref: C-0000, end: 2099-01-01, notice: 90d}
    # support: {hours: 24x7, timezone: {{zone}}, response: {SEV1: 15m}, restore: 4h}
    contacts: []                     {{vendor_contacts}}
    # responsibilities: {diagnose: vendor, restore: us}
)";
  return localise(t.str());
}

}  // namespace

int run_init(const InitOptions& options, const Io& io) {
  const std::string text = plan_template(options.scenarios);
  if (output_is_stdout(options.output)) {
    io.out << text;
    io.out.flush();
    return kExitReady;
  }
  std::error_code ec;
  if (!options.force && std::filesystem::exists(options.output, ec)) {
    io.err << "golive: error: " << message("cli.init_exists", fmt::arg("file", options.output)) << '\n';
    return kExitUsage;
  }
  std::ofstream out(options.output, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    io.err << "golive: error: " << message("cli.cannot_write", fmt::arg("file", options.output)) << '\n';
    return kExitUsage;
  }
  return kExitReady;
}

}  // namespace golive
