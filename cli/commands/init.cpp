// golive init: a plan template that is valid as written and NOT READY until filled in, so
// that `golive check` on it is the to-do list. Evidence (dates of tests, drills, backups)
// is left out on purpose: golive must never call a plan ready on made-up evidence.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "cli/commands/commands.h"

namespace golive {

const std::vector<std::string>& init_scenarios() {
  static const std::vector<std::string> names = {"critical", "large-upgrade", "cross-border",
                                                 "new-technology", "third-party"};
  return names;
}

namespace {

bool has(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

std::string plan_template(const std::vector<std::string>& chosen) {
  std::vector<std::string> scenarios;  // plan.scenarios order, each once
  for (const std::string& s : init_scenarios())
    if (has(chosen, s)) scenarios.push_back(s);
  const bool critical = has(scenarios, "critical");
  std::ostringstream t;
  t << R"(# Go-live emergency plan (系统上线应急预案), written by `golive init`.
# Replace every placeholder (example.com, +1555…, 2099 dates) with the real plan, and
# record evidence (tests, drills, backups) as it happens. Until then `golive check` says
# NOT READY and lists what is missing:
#   golive check THIS-FILE
# Plan format: docs/plan-format.md. Keys beginning with x- are yours and ignored.
golive: 1

# 七、预案的修订 / 八、附则 — identity, ownership and revision of this plan.
plan:
  id: my-system-1.0                  # [a-z0-9._-]+
  name: My System 1.0 go-live
  owner: ops.lead                    # a contact id below
  revised_at: 2099-01-01             # the date of this revision
  review_every: 365d
)";
  if (scenarios.empty()) {
    t << "  scenarios: []\n";
  } else {
    t << "  scenarios: [" << fmt::format("{}", fmt::join(scenarios, ", ")) << "]\n";
  }
  t << R"(  approvals: []                     # e.g. {role: commander, by: commander.name, at: 2099-01-01}

go_live:
  window: {start: 2099-01-02T02:00:00Z, end: 2099-01-02T06:00:00Z}   # the go-live window
  timezone: UTC                      # IANA name, e.g. Asia/Shanghai
  hypercare: 3d                      # heightened monitoring after go-live
  checkpoints: []                    # e.g. {name: final go/no-go, at: …, owner: commander.name, criteria: ["5xx < 1%"]}

# People referred to by id everywhere else (placeholders: replace them).
contacts:
  - {id: commander.name, name: Commander, phone: "+15550000001", email: commander@example.com,
     timezone: UTC, hours: "09:00-18:00"}
  - {id: deputy.name, name: Deputy, phone: "+15550000002", email: deputy@example.com,
     timezone: UTC, hours: "09:00-18:00"}
  - {id: ops.lead, name: Ops lead, phone: "+15550000003", email: ops.lead@example.com,
     timezone: UTC, hours: "09:00-18:00"}
  - {id: comms.lead, name: Comms lead, phone: "+15550000004", email: comms.lead@example.com,
     timezone: UTC, hours: "09:00-18:00"}

# 三、组织架构 — command centre (应急指挥部), working group (应急工作小组), departments (各部门).
organization:
  commander: commander.name          # 指挥长
  deputy: deputy.name
  roles: {ops_lead: ops.lead, comms_lead: comms.lead}
  working_group: [ops.lead, comms.lead]
  departments: []                    # e.g. {name: DBA, lead: ops.lead, responsibilities: [database restore]}

# 四、应急响应流程 — report, assess, activate, handle, notify, review.
response:
  severities: []                     # e.g. {level: SEV1, criteria: "...", ack: 5m, page: [commander, ops_lead], update_every: 30m}
  escalation: []                     # e.g. {level: 1, target: ops.lead, after: 5m}
  stages: [report, assess, activate, handle, notify, review]
  comms: {owner: comms.lead, time_reference: UTC}   # add channel, bridge, status_page, update_every
  review: {due: 5d, owner: ops.lead} # 总结改进

# The systems going live and their recovery targets.
systems:
  - id: my-system
)";
  t << (critical ? "    tier: 1                          # 1 (business critical) .. 3\n"
                 : "    tier: 2                          # 1 (business critical) .. 3\n");
  t << R"(    rto: 1h
    rpo: 15m
    dr_strategy: backup_restore      # backup_restore | pilot_light | warm_standby | active_active
    datastores: [my-db]
)";
  if (critical)
    t << R"(    # 关键业务系统: record the failover test, e.g.
    # standby: {site: dc-b, failover_test: {at: 2099-01-01, duration: 9m, result: pass}}
)";
  t << R"(
# 五.1(1) 备份 — every datastore needs a backup; record its last success and restore test.
backups:
  - id: my-db-daily
    datastore: my-db
    schedule: 24h
    copies: 1
    location: "s3://my-backups/my-db/latest.dump"    # file:// | http(s):// | s3://
    # last_success: 2099-01-01T00:00:00Z
    # restore_test: {at: 2099-01-01, duration: 40m, result: pass, evidence: "https://wiki.example.com/restore"}

# 五.1(2) 回滚 — how to go back, who decides, and proof it was rehearsed.
rollback:
  strategy: blue_green
  automated: false
  decision_owner: commander.name
  # runbook: "https://wiki.example.com/rollback"
  # duration: 25m
  # tested: {at: 2099-01-01, version: 1.0.0-rc1, environment: staging, result: pass, duration: 20m}

# 五.1(3) 监控 — alerts with runbooks, routing, dashboards.
monitoring:
  alerts: []                         # e.g. {name: MySystemDown, severity: critical, runbook: "https://..."}
  dashboards: []                     # e.g. {name: Overview, url: "https://grafana.example.com/d/my-system"}

# 五.2(2) 人员调度 — primary and backup on call from window start to the end of hypercare.
oncall:
  shifts: []                         # e.g. {who: ops.lead, level: primary, from: …, to: …}

# 五.2(1) 培训, 六.1 — who was trained on this plan.
training: []                         # e.g. {topic: go-live emergency plan, at: 2099-01-01, attendees: [ops.lead]}

# 五.3 资源保障 — (1) spare equipment, (2) network headroom, load test.
resources:
  spares: []                         # e.g. {component: app-server, covers: [my-system], on_hand: 1}
  # load_test: {at: 2099-01-01, multiple_of_peak: 2.0, result: pass}

# 六.2 演练 — drills and their findings.
drills: []                           # e.g. {type: rollback, at: 2099-01-01, result: pass, report: "https://..."}
)";
  const bool upgrade = has(scenarios, "large-upgrade"), border = has(scenarios, "cross-border"),
             newtech = has(scenarios, "new-technology");
  if (upgrade || border || newtech) {
    t << "\n# 特殊应用场合 — the special scenarios this go-live is.\nscenarios:\n";
    if (upgrade)
      t << R"(  # 大规模升级: phases, data migration, compatibility.
  large_upgrade:
    pm_group: [ops.lead]
    phases: []                       # e.g. {name: canary, scope_pct: 5, start: …, end: …, goals: [...], risks: [...], entry: [...], exit: [...]}
    # data_migration: {rehearsed: {at: …, duration: 50m, result: pass}, pre_backup: my-db-daily, ...}
    # compatibility: {tested: {at: …, result: pass}, matrix: "https://..."}
)";
    if (border)
      t << R"(  # 跨境上线: regions, their people, laws and sign-offs; personal-data transfers.
  cross_border:
    regions:
      - {code: XX, timezone: UTC, responsible: ops.lead, regulations: []}   # add legal_signoff: {by: "...", at: …}
    data_transfers: []               # e.g. {from: CN, to: SG, data: personal, mechanism: standard_contract, assessment: "https://..."}
    # comms_platform: "Slack #golive-global"
    # language: en
)";
    if (newtech)
      t << R"(  # 新技术: each new component validated, risk-assessed, with trained people.
  new_technology:
    - component: New component 1.0
      trained: []
      # validation: {kind: poc, at: …, result: pass, report: "https://..."}
      # risk_assessment: {at: …, owner: ops.lead, residual: medium}
)";
  }
  if (has(scenarios, "third-party"))
    t << R"(
# 第三方供应商 — support terms, contract, contacts and the split of responsibilities.
vendors:
  - id: my-vendor
    name: My Vendor Support
    covers: [my-db]
    contract: {ref: C-0000, end: 2099-01-01, notice: 90d}
    # support: {hours: 24x7, timezone: UTC, response: {SEV1: 15m}, restore: 4h}
    contacts: []                     # e.g. {name: Support desk, phone: "+15550000099", email: support@vendor.example, escalation: 1}
    # responsibilities: {diagnose: vendor, restore: us}
)";
  return t.str();
}

}  // namespace

int run_init(const InitOptions& options, const Io& io) {
  const std::string text = plan_template(options.scenarios);
  if (options.output.empty()) {
    io.out << text;
    io.out.flush();
    return kExitReady;
  }
  std::error_code ec;
  if (!options.force && std::filesystem::exists(options.output, ec)) {
    io.err << "golive: error: " << options.output
           << " already exists; golive init never overwrites a plan (use --force to replace it)\n";
    return kExitUsage;
  }
  std::ofstream out(options.output, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) {
    io.err << "golive: error: cannot write " << options.output << '\n';
    return kExitUsage;
  }
  return kExitReady;
}

}  // namespace golive
