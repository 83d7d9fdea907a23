#include "checks/engine/plan_loader.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <regex>
#include <system_error>
#include <unordered_map>

#include <fmt/format.h>

#include "checks/engine/digest.h"
#include "checks/engine/i18n.h"
#include "checks/engine/limits.h"
#include "checks/engine/probe.h"
#include "checks/engine/yaml_reader.h"
#include "checks/engine/zone.h"

namespace golive {
namespace {

using Need = MapReader::Need;
constexpr Need Required = MapReader::Required;

constexpr int64_t kFormatVersion = 1;

const std::vector<std::string> kResults = {"pass", "fail"};
const std::vector<std::string> kDrStrategies = {"backup_restore", "pilot_light", "warm_standby",
                                                "active_active"};
const std::vector<std::string> kShiftLevels = {"primary", "backup"};
const std::vector<std::string> kRollbackStrategies = {
    "blue_green", "canary", "rolling", "redeploy", "feature_flag", "restore", "other"};
const std::vector<std::string> kRiskLevels = {"low", "medium", "high", "critical"};
const std::vector<std::string> kScenarioTags = {"critical", "large-upgrade", "cross-border",
                                                "new-technology", "third-party"};
const std::vector<std::string> kStages = {"report", "assess", "activate",
                                          "handle", "notify", "review"};
const std::vector<std::string> kOperators = {">", ">=", "<", "<=", "==", "!="};

/// Reports the second and later occurrences of a key value (an id, a name) in one list.
class UniqueValues {
 public:
  UniqueValues(ReadContext& ctx, std::string what) : ctx_(ctx), what_(std::move(what)) {}
  /// `path` names the value in messages: "backups[1].id".
  void add(const Text& t, const std::string& path) {
    if (!t) return;
    // A hash set, not a scan of what was seen: lists of thousands of ids stay linear.
    auto [it, added] = seen_.try_emplace(*t, t.loc.line);
    if (!added)
      ctx_.diags.error(t.loc, message("errors.plan.duplicate", fmt::arg("path", path),
                                      fmt::arg("what", what_), fmt::arg("value", preview(*t)),
                                      fmt::arg("line", it->second)));
  }

 private:
  ReadContext& ctx_;
  std::string what_;
  std::unordered_map<std::string, int> seen_;  ///< value → line of its first occurrence
};

// Text formats. Each pattern is used as written by the loader (std::regex, ECMAScript) and
// by the JSON Schema (`pattern`, ECMA 262), so both accept the same values.

// Secrets are referenced, never written: the text is kept and resolved only when probing.
const TextRule kSecret{R"(^\$\{env:[A-Za-z_][A-Za-z0-9_]*\}$)", "`${env:NAME}`",
                       "errors.plan.inline_secret"};
/// A URL that a live probe fetches over HTTP.
const TextRule kHttpUrl{"^https?://", "an http:// or https:// URL",
                        "errors.plan.not_http_url"};
const TextRule kBackupLocation{
    "^(file|https?|s3)://", "a file://, http://, https:// or s3:// URL",
    "errors.plan.not_backup_location"};
const TextRule kPlanId{"^[a-z0-9._-]+$", "a-z, 0-9, '.', '_' and '-'",
                       "errors.plan.not_plan_id"};
// `24x7`, or working hours whose ends differ (an equal pair would be an empty range).
const TextRule kSupportHours{
    "^(24x7|(?!([0-9]{2}:[0-9]{2})-\\2$)([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5]"
    "[0-9]|24:00))$",
    "`24x7` or working hours (`09:00-18:00`)",
    "errors.plan.not_support_hours"};

constexpr MapReader::Sign Positive = MapReader::Positive;

/// Which keys a TestRecord may have where it appears; `at` and `result` always.
enum TestKeys : unsigned {
  kDuration = 1,
  kEvidence = 2,
  kReport = 4,
  kVersion = 8,
  kEnvironment = 16,
  kKind = 32,
  kMultiple = 64,
  kLiveAt = 128,  ///< `at` may be `{prometheus: 'QUERY'}` (restore_test)
};

void read_test(MapReader& m, TestRecord& t, unsigned keys) {
  t.loc = m.loc();
  if (keys & kKind) t.kind = m.text("kind");
  t.at = keys & kLiveAt ? m.live_instant("at", t.at_source, false) : m.instant("at");
  if (keys & kVersion) t.version = m.text("version");
  if (keys & kEnvironment) t.environment = m.text("environment");
  if (keys & kDuration) t.duration = m.duration("duration");
  if (keys & kMultiple) t.multiple_of_peak = m.number("multiple_of_peak", 0, 1e6);
  t.result = m.one_of("result", kResults);
  if (keys & kEvidence) t.evidence = m.text("evidence");
  if (keys & kReport) t.report = m.text("report");
}

std::optional<TestRecord> test_under(MapReader& m, const std::string& key, unsigned keys) {
  std::optional<TestRecord> out;
  m.map(key, [&](MapReader& r) { read_test(r, out.emplace(), keys); });
  return out;
}

void read_plan_meta(MapReader& m, PlanMeta& p) {
  p.loc = m.loc();
  p.id = m.matching("id", kPlanId, Required);
  p.name = m.text("name", Required);
  p.owner = m.text("owner", Required);
  p.revised_at = m.instant("revised_at", Required);
  p.review_every = m.duration("review_every", MapReader::Optional, Positive);
  p.supersedes = m.text("supersedes");
  p.scenarios = m.one_of_list("scenarios", kScenarioTags);
  m.each("approvals", [&](MapReader& r, size_t) {
    Approval& a = p.approvals.emplace_back();
    a.loc = r.loc();
    a.role = r.text("role");
    a.by = r.text("by");
    a.at = r.instant("at");
  });
}

void read_go_live(MapReader& m, GoLive& g) {
  g.loc = m.loc();
  g.window_loc = m.loc_of_key("window");
  m.map(
      "window",
      [&](MapReader& w) {
        g.window_start = w.instant("start", Required);
        g.window_end = w.instant("end", Required);
        if (g.window_start && g.window_end && *g.window_end <= *g.window_start)
          m.context().diags.error(g.window_end.loc, message("errors.plan.window_backwards"));
      },
      Required);
  g.timezone = m.zone("timezone");
  g.hypercare = m.duration("hypercare");
  m.each("checkpoints", [&](MapReader& r, size_t) {
    Checkpoint& c = g.checkpoints.emplace_back();
    c.loc = r.loc();
    c.name = r.text("name");
    c.at = r.instant("at");
    c.owner = r.text("owner");
    c.criteria = r.text_list("criteria");
  });
}

void read_contacts(MapReader& root, Plan& plan) {
  UniqueValues ids(root.context(), "id");
  root.each("contacts", [&](MapReader& r, size_t) {
    Contact& c = plan.contacts.emplace_back();
    c.loc = r.loc();
    c.id = r.text("id", Required);
    ids.add(c.id, r.path_of("id"));
    c.name = r.text("name");
    c.phone = r.phone("phone");
    c.email = r.text("email");
    c.timezone = r.zone("timezone");
    c.hours = r.hours("hours");
    c.region = r.text("region");
  });
}

void read_organization(MapReader& m, Organization& o) {
  o.loc = m.loc();
  o.commander = m.text("commander");
  o.deputy = m.text("deputy");
  o.roles_loc = m.loc_of_key("roles");
  o.roles = m.text_map("roles");
  o.working_group_loc = m.loc_of_key("working_group");
  o.working_group = m.text_list("working_group");
  m.each("departments", [&](MapReader& r, size_t) {
    Department& d = o.departments.emplace_back();
    d.loc = r.loc();
    d.name = r.text("name");
    d.lead = r.text("lead");
    d.responsibilities = r.text_list("responsibilities");
  });
}

void read_response(MapReader& m, Response& resp) {
  resp.loc = m.loc();
  resp.severities_loc = m.loc_of_key("severities");
  UniqueValues levels(m.context(), "level");
  m.each("severities", [&](MapReader& r, size_t) {
    SeverityLevel& s = resp.severities.emplace_back();
    s.loc = r.loc();
    s.level = r.text("level");
    levels.add(s.level, r.path_of("level"));
    s.criteria = r.text("criteria");
    s.ack = r.duration("ack", MapReader::Optional, Positive);
    s.page = r.text_list("page");
    s.update_every = r.duration("update_every", MapReader::Optional, Positive);
  });
  resp.escalation_loc = m.loc_of_key("escalation");
  m.each("escalation", [&](MapReader& r, size_t) {
    EscalationLevel& e = resp.escalation.emplace_back();
    e.loc = r.loc();
    e.level = r.integer("level", 1, 100);
    e.target = r.text("target");
    e.after = r.duration("after", MapReader::Optional, Positive);
  });
  resp.stages_loc = m.loc_of_key("stages");
  resp.stages = m.one_of_list("stages", kStages);
  m.map("comms", [&](MapReader& r) {
    Comms& c = resp.comms.emplace();
    c.loc = r.loc();
    c.channel = r.text("channel");
    c.bridge = r.text("bridge");
    c.status_page = r.text("status_page");
    c.owner = r.text("owner");
    c.update_every = r.duration("update_every", MapReader::Optional, Positive);
    c.time_reference = r.zone("time_reference");
  });
  m.map("review", [&](MapReader& r) {
    Review& v = resp.review.emplace();
    v.loc = r.loc();
    v.due = r.duration("due", MapReader::Optional, Positive);
    v.owner = r.text("owner");
  });
}

void read_systems(MapReader& root, Plan& plan) {
  UniqueValues ids(root.context(), "id");
  root.each("systems", [&](MapReader& r, size_t) {
    System& s = plan.systems.emplace_back();
    s.loc = r.loc();
    s.id = r.text("id", Required);
    ids.add(s.id, r.path_of("id"));
    s.tier = r.integer("tier", 1, 3);
    s.rto = r.duration("rto");
    s.rpo = r.duration("rpo");
    s.dr_strategy = r.one_of("dr_strategy", kDrStrategies);
    // Systems may share a datastore; one system listing it twice is a mistake.
    UniqueValues stores(r.context(), "datastore");
    s.datastores = r.text_list("datastores");
    for (size_t i = 0; i < s.datastores.size(); ++i)
      stores.add(s.datastores[i], fmt::format("{}[{}]", r.path_of("datastores"), i));
    r.map("health_check", [&](MapReader& h) {
      HealthCheck& hc = s.health_check.emplace();
      hc.loc = h.loc();
      hc.url = h.matching("url", kHttpUrl);
      hc.expect_status = h.integer("expect_status", 100, 599);
      hc.timeout = h.duration("timeout", MapReader::Optional, Positive);
      // It overrides `--timeout` for this probe, so it keeps to the same bounds.
      if (hc.timeout && (*hc.timeout < kMinProbeTimeout || *hc.timeout > kMaxProbeTimeout)) {
        h.context().diags.error(hc.timeout.loc, message("errors.plan.probe_timeout_range",
                                                        fmt::arg("path", h.path_of("timeout")),
                                                        fmt::arg("value", h.node("timeout").Scalar()),
                                                        fmt::arg("min", say_duration(kMinProbeTimeout)),
                                                        fmt::arg("max", say_duration(kMaxProbeTimeout))));
        hc.timeout = {std::nullopt, hc.timeout.loc};
      }
    });
    r.map("standby", [&](MapReader& b) {
      Standby& sb = s.standby.emplace();
      sb.loc = b.loc();
      sb.site = b.text("site");
      sb.failover_test = test_under(b, "failover_test", kDuration | kEvidence);
    });
  });
}

void read_backups(MapReader& root, Plan& plan) {
  UniqueValues ids(root.context(), "id");
  root.each("backups", [&](MapReader& r, size_t) {
    Backup& b = plan.backups.emplace_back();
    b.loc = r.loc();
    b.id = r.text("id", Required);
    ids.add(b.id, r.path_of("id"));
    b.datastore = r.text("datastore");
    b.schedule = r.duration("schedule", MapReader::Optional, Positive);
    b.copies = r.integer("copies", 1, 1000);  // zero copies is no backup
    b.offsite = r.boolean("offsite");
    b.immutable = r.boolean("immutable");
    b.location = r.matching("location", kBackupLocation);
    b.last_success = r.live_instant("last_success", b.last_success_source, true);
    if (b.last_success_source.kind == InstantSource::Kind::Object && !r.has("location"))
      r.context().diags.error(b.last_success_source.loc,
                              message("errors.plan.live_without_location",
                                      fmt::arg("path", r.path_of("last_success"))));
    b.restore_test = test_under(r, "restore_test", kDuration | kEvidence | kLiveAt);
  });
}

void read_rollback(MapReader& m, Rollback& rb) {
  rb.loc = m.loc();
  rb.strategy = m.one_of("strategy", kRollbackStrategies);
  rb.automated = m.boolean("automated");
  rb.decision_owner = m.text("decision_owner");
  rb.runbook = m.text("runbook");
  rb.duration = m.duration("duration");
  rb.verification = m.duration("verification");
  rb.triggers_loc = m.loc_of_key("triggers");
  m.each("triggers", [&](MapReader& r, size_t) {
    Trigger& t = rb.triggers.emplace_back();
    t.loc = r.loc();
    t.metric = r.text("metric");
    t.op = r.one_of("op", kOperators);
    t.value = r.number("value", -1e15, 1e15);
    t.for_ = r.duration("for");
  });
  rb.tested = test_under(m, "tested", kDuration | kEvidence | kVersion | kEnvironment);
}

void read_monitoring(MapReader& m, Monitoring& mon) {
  mon.loc = m.loc();
  m.map("prometheus", [&](MapReader& r) {
    PrometheusRef& p = mon.prometheus.emplace();
    p.loc = r.loc();
    p.url = r.matching("url", kHttpUrl);
    p.job = r.text("job");
    p.required_alerts = r.text_list("required_alerts");
    p.bearer_token = r.matching("bearer_token", kSecret);
  });
  m.map("alertmanager", [&](MapReader& r) {
    AlertmanagerRef& a = mon.alertmanager.emplace();
    a.loc = r.loc();
    a.url = r.matching("url", kHttpUrl);
    a.receiver = r.text("receiver");
    a.page_labels_loc = r.loc_of_key("page_labels");
    a.page_labels = r.text_map("page_labels");
    a.bearer_token = r.matching("bearer_token", kSecret);
  });
  mon.alerts_loc = m.loc_of_key("alerts");
  UniqueValues names(m.context(), "name");
  m.each("alerts", [&](MapReader& r, size_t) {
    Alert& a = mon.alerts.emplace_back();
    a.loc = r.loc();
    a.name = r.text("name");
    names.add(a.name, r.path_of("name"));
    a.severity = r.text("severity");
    a.runbook = r.text("runbook");
  });
  m.each("dashboards", [&](MapReader& r, size_t) {
    Dashboard& d = mon.dashboards.emplace_back();
    d.loc = r.loc();
    d.name = r.text("name");
    d.url = r.matching("url", kHttpUrl);
  });
  m.map("heartbeat", [&](MapReader& r) {
    Heartbeat& h = mon.heartbeat.emplace();
    h.loc = r.loc();
    h.alert = r.text("alert");
    h.receiver = r.text("receiver");
  });
}

void read_oncall(MapReader& m, Plan& plan) {
  plan.oncall_loc = m.loc();
  m.each("shifts", [&](MapReader& r, size_t) {
    Shift& s = plan.shifts.emplace_back();
    s.loc = r.loc();
    s.who = r.text("who");
    s.level = r.one_of("level", kShiftLevels);
    s.from = r.instant("from");
    s.to = r.instant("to");
  });
}

void read_training(MapReader& root, Plan& plan) {
  root.each("training", [&](MapReader& r, size_t) {
    Training& t = plan.training.emplace_back();
    t.loc = r.loc();
    t.topic = r.text("topic");
    t.at = r.instant("at");
    t.attendees = r.text_list("attendees");
  });
}

void read_resources(MapReader& m, Resources& res) {
  res.loc = m.loc();
  res.spares_loc = m.loc_of_key("spares");
  m.each("spares", [&](MapReader& r, size_t) {
    Spare& s = res.spares.emplace_back();
    s.loc = r.loc();
    s.component = r.text("component");
    s.covers = r.text_list("covers");
    s.on_hand = r.integer("on_hand", 0, 1'000'000);
    s.lead_time = r.duration("lead_time");
    s.location = r.text("location");
  });
  m.map("network", [&](MapReader& n) {
    Network& net = res.network.emplace();
    net.loc = n.loc();
    // 0 would leave no headroom on any link: refused rather than read as "no ceiling".
    net.max_utilization = n.number_above("max_utilization", 0, 1);
    UniqueValues ids(n.context(), "id");
    n.each("links", [&](MapReader& r, size_t) {
      Link& l = net.links.emplace_back();
      l.loc = r.loc();
      l.id = r.text("id", Required);
      ids.add(l.id, r.path_of("id"));
      l.capacity_mbps = r.number("capacity_mbps", 0, 1e12);
      l.expected_peak_mbps = r.number("expected_peak_mbps", 0, 1e12);
    });
    net.peak_query = n.text("peak_query");
  });
  res.load_test = test_under(m, "load_test", kMultiple | kDuration | kEvidence | kReport);
}

void read_drills(MapReader& root, Plan& plan) {
  root.each("drills", [&](MapReader& r, size_t) {
    Drill& d = plan.drills.emplace_back();
    d.loc = r.loc();
    d.type = r.text("type");
    d.at = r.live_instant("at", d.at_source, false);
    d.result = r.one_of("result", kResults);
    d.report = r.text("report");
    r.each("findings", [&](MapReader& f, size_t) {
      DrillFinding& x = d.findings.emplace_back();
      x.loc = f.loc();
      x.severity = f.one_of("severity", kRiskLevels);
      x.title = f.text("title");
      x.closed = f.boolean("closed");
    });
  });
}

void read_large_upgrade(MapReader& m, LargeUpgrade& u) {
  u.loc = m.loc();
  u.pm_group = m.text_list("pm_group");
  u.phases_loc = m.loc_of_key("phases");
  m.each("phases", [&](MapReader& r, size_t) {
    Phase& p = u.phases.emplace_back();
    p.loc = r.loc();
    p.name = r.text("name");
    // A phase over 0 % of the traffic is no phase: the first phase would pass any limit.
    p.scope_pct = r.number_above("scope_pct", 0, 100);
    p.start = r.instant("start");
    p.end = r.instant("end");
    p.goals = r.text_list("goals");
    p.risks = r.text_list("risks");
    p.entry = r.text_list("entry");
    p.exit = r.text_list("exit");
  });
  m.map("data_migration", [&](MapReader& r) {
    DataMigration& d = u.data_migration.emplace();
    d.loc = r.loc();
    d.rehearsed = test_under(r, "rehearsed", kDuration | kEvidence);
    d.reconciliation_loc = r.loc_of_key("reconciliation");
    r.map("reconciliation", [&](MapReader& c) {
      d.reconciliation_method = c.text("method");
      d.reconciliation_tolerance_pct = c.number("tolerance_pct", 0, 100);
    });
    if (!d.reconciliation_method) d.reconciliation_method.loc = d.reconciliation_loc;
    if (!d.reconciliation_tolerance_pct) d.reconciliation_tolerance_pct.loc = d.reconciliation_loc;
    d.pre_backup = r.text("pre_backup");
    d.point_of_no_return = r.instant("point_of_no_return");
    d.forward_fix_plan = r.text("forward_fix_plan");
  });
  m.map("compatibility", [&](MapReader& r) {
    Compatibility& c = u.compatibility.emplace();
    c.loc = r.loc();
    c.tested = test_under(r, "tested", kDuration | kEvidence);
    c.matrix = r.text("matrix");
  });
}

void read_cross_border(MapReader& m, CrossBorder& cb) {
  cb.loc = m.loc();
  UniqueValues codes(m.context(), "code");
  m.each("regions", [&](MapReader& r, size_t) {
    Region& g = cb.regions.emplace_back();
    g.loc = r.loc();
    g.code = r.text("code");
    codes.add(g.code, r.path_of("code"));
    g.timezone = r.zone("timezone");
    g.responsible = r.text("responsible");
    g.regulations = r.text_list("regulations");
    r.map("legal_signoff", [&](MapReader& s) {
      LegalSignoff& l = g.legal_signoff.emplace();
      l.loc = s.loc();
      l.by = s.text("by");
      l.at = s.instant("at");
    });
  });
  m.each("data_transfers", [&](MapReader& r, size_t) {
    DataTransfer& t = cb.data_transfers.emplace_back();
    t.loc = r.loc();
    t.from = r.text("from");
    t.to = r.text("to");
    t.data = r.text("data");
    t.personal = r.boolean("personal");
    t.mechanism = r.text("mechanism");
    t.assessment = r.text("assessment");
  });
  cb.comms_platform = m.text("comms_platform");
  cb.language = m.text("language");
}

void read_scenarios(MapReader& m, Scenarios& sc) {
  sc.loc = m.loc();
  m.map("large_upgrade", [&](MapReader& r) { read_large_upgrade(r, sc.large_upgrade.emplace()); });
  m.map("cross_border", [&](MapReader& r) { read_cross_border(r, sc.cross_border.emplace()); });
  sc.has_new_technology = m.node("new_technology").IsDefined();
  UniqueValues components(m.context(), "component");
  m.each("new_technology", [&](MapReader& r, size_t) {
    NewTechnology& n = sc.new_technology.emplace_back();
    n.loc = r.loc();
    n.component = r.text("component");
    components.add(n.component, r.path_of("component"));
    n.validation = test_under(r, "validation", kKind | kDuration | kEvidence | kReport);
    r.map("risk_assessment", [&](MapReader& a) {
      RiskAssessment& ra = n.risk_assessment.emplace();
      ra.loc = a.loc();
      ra.at = a.instant("at");
      ra.owner = a.text("owner");
      ra.residual = a.one_of("residual", kRiskLevels);
    });
    n.trained = r.text_list("trained");
  });
}

void read_vendors(MapReader& root, Plan& plan) {
  UniqueValues ids(root.context(), "id");
  root.each("vendors", [&](MapReader& r, size_t) {
    Vendor& v = plan.vendors.emplace_back();
    v.loc = r.loc();
    v.id = r.text("id", Required);
    ids.add(v.id, r.path_of("id"));
    v.name = r.text("name");
    v.covers = r.text_list("covers");
    r.map("contract", [&](MapReader& c) {
      Contract& k = v.contract.emplace();
      k.loc = c.loc();
      k.ref = c.text("ref");
      k.end = c.instant("end");
      k.notice = c.duration("notice");
    });
    r.map("support", [&](MapReader& s) {
      Support& sup = v.support.emplace();
      sup.loc = s.loc();
      sup.hours = s.matching("hours", kSupportHours);
      sup.timezone = s.zone("timezone");
      sup.response_loc = s.loc_of_key("response");
      // Keys are severity levels of the plan's own naming; every value is a duration.
      sup.response = s.duration_map("response");
      sup.restore = s.duration("restore");
    });
    v.contacts_loc = r.loc_of_key("contacts");
    r.each("contacts", [&](MapReader& c, size_t) {
      VendorContact& vc = v.contacts.emplace_back();
      vc.loc = c.loc();
      vc.name = c.text("name");
      vc.phone = c.phone("phone");
      vc.email = c.text("email");
      vc.escalation = c.integer("escalation", 1, 100);
    });
    v.responsibilities_loc = r.loc_of_key("responsibilities");
    v.responsibilities = r.text_map("responsibilities");
  });
}

// Bare dates anywhere in the plan are midnight in go_live.timezone, so it is read before
// anything else. A bad zone is reported later, where go_live is read.
const Zone* plan_zone(const YamlNode& root) {
  if (!root.IsDefined() || !root.IsMap()) return nullptr;
  const YamlNode go_live = root["go_live"];
  if (!go_live.IsDefined() || !go_live.IsMap()) return nullptr;
  const YamlNode tz = go_live["timezone"];
  return tz.IsDefined() && tz.IsScalar() ? find_zone(tz.Scalar()) : nullptr;
}

void read_sections(MapReader& root, Plan& plan);

// `{prometheus: 'QUERY'}` is asked of monitoring.prometheus.url: without one the evidence
// could never be read, which is a defect of the plan, reported by validate too.
void require_prometheus_for_live_evidence(ReadContext& ctx, const Plan& plan) {
  const bool has_url = plan.monitoring && plan.monitoring->prometheus &&
                       plan.monitoring->prometheus->url;
  if (has_url) return;
  auto need = [&](const InstantSource& s, const std::string& path) {
    if (s.kind != InstantSource::Kind::Prometheus) return;
    ctx.diags.error(s.loc, message("errors.plan.query_without_prometheus", fmt::arg("path", path)));
  };
  for (size_t i = 0; i < plan.backups.size(); ++i) {
    const Backup& b = plan.backups[i];
    need(b.last_success_source, fmt::format("backups[{}].last_success", i));
    if (b.restore_test) need(b.restore_test->at_source, fmt::format("backups[{}].restore_test.at", i));
  }
  for (size_t i = 0; i < plan.drills.size(); ++i)
    need(plan.drills[i].at_source, fmt::format("drills[{}].at", i));
}

void read_plan(MapReader& root, const YamlNode& doc, Plan& plan) {
  if (root.describing()) {
    (void)root.integer("golive", kFormatVersion, kFormatVersion, Required);
    read_sections(root, plan);
    return;
  }
  Text version = root.text("golive", Required);
  if (version && *version == std::to_string(kFormatVersion) &&
      core_type(root.node("golive")) != CoreType::Int) {
    root.context().diags.error(version.loc, message("errors.plan.quoted_version",
                                                    fmt::arg("value", preview(*version)),
                                                    fmt::arg("version", kFormatVersion)));
    return;
  }
  if (!version || *version != std::to_string(kFormatVersion)) {
    // Without a format version we know, the other keys cannot be judged: mark them as
    // known so that the only message is about the version.
    for (const auto& kv : doc) (void)root.node(kv.first.Scalar());
  }
  if (!version) return;
  if (*version != std::to_string(kFormatVersion)) {
    // Another format version means other keys: reading on would only add noise.
    bool number = !version->empty() && std::all_of(version->begin(), version->end(),
                              [](char c) { return c >= '0' && c <= '9'; });
    root.context().diags.error(
        version.loc, message(number ? "errors.plan.unsupported_version" : "errors.plan.not_version",
                             fmt::arg("value", preview(*version)), fmt::arg("version", kFormatVersion)));
    return;
  }
  plan.format_version = kFormatVersion;
  read_sections(root, plan);
}

void read_sections(MapReader& root, Plan& plan) {
  root.map("plan", [&](MapReader& m) { read_plan_meta(m, plan.plan); }, Required);
  if (!plan.plan.loc.known()) plan.plan.loc = root.loc();
  root.map("go_live", [&](MapReader& m) { read_go_live(m, plan.go_live); }, Required);
  if (!plan.go_live.loc.known()) plan.go_live.loc = plan.go_live.window_loc = root.loc();
  auto list_loc = [&](const char* key) {
    const YamlNode n = root.node(key);
    return n.IsDefined() && !n.IsNull() ? loc_of(n, plan.file) : plan.loc;
  };
  plan.systems_list_loc = list_loc("systems");
  plan.drills_list_loc = list_loc("drills");
  read_contacts(root, plan);
  root.map("organization", [&](MapReader& m) { read_organization(m, plan.organization.emplace()); });
  root.map("response", [&](MapReader& m) { read_response(m, plan.response.emplace()); });
  read_systems(root, plan);
  read_backups(root, plan);
  root.map("rollback", [&](MapReader& m) { read_rollback(m, plan.rollback.emplace()); });
  root.map("monitoring", [&](MapReader& m) { read_monitoring(m, plan.monitoring.emplace()); });
  plan.oncall_loc = root.loc();
  root.map("oncall", [&](MapReader& m) { read_oncall(m, plan); });
  read_training(root, plan);
  root.map("resources", [&](MapReader& m) { read_resources(m, plan.resources.emplace()); });
  read_drills(root, plan);
  plan.scenarios.loc = root.loc();
  root.map("scenarios", [&](MapReader& m) { read_scenarios(m, plan.scenarios); });
  read_vendors(root, plan);
  require_prometheus_for_live_evidence(root.context(), plan);
}

// What a YAML file found in a plan directory is, from its top-level keys as the plan reader
// itself reads them (parse_yaml), so that the two cannot disagree: a file the loader would read
// as a mapping with a `golive` key is a plan, however the key is written (quoted, escaped,
// `? golive` explicit-key syntax, after a byte-order mark). A directory of plans also holds
// rulesets and waiver registers, and anything else is named in a warning rather than skipped
// in silence (a plan that is never checked is a gate left open).
enum class YamlKind { Plan, Ruleset, WaiverRegister, Other };

YamlKind classify_yaml(const std::filesystem::path& p) {
  // Past the file-size limit, taken for a plan: the loader refuses it with the limit.
  std::error_code size_ec;
  const auto size = std::filesystem::file_size(p, size_ec);
  if (!size_ec && size > limit_value(Limit::FileSize)) return YamlKind::Plan;
  std::string text;
  try {
    text = read_file(p.string());
  } catch (const InputError&) {
    // A file that cannot be read is taken for a plan, so that the loader says why (`cannot
    // read file`, exit 2): passed over as "not a plan", it would have been a gate left open.
    return YamlKind::Plan;
  }
  // UTF-16/32 with a byte-order mark: the loader reads or refuses it with a reason.
  if (text.rfind("\xFF\xFE", 0) == 0 || text.rfind("\xFE\xFF", 0) == 0 ||
      text.rfind(std::string("\0\0\xFE\xFF", 4), 0) == 0)
    return YamlKind::Plan;
  // A plan says `golive: 1` at the top, most often on its first line: known from the first
  // events, so that each plan of a large directory is not read twice (here and to load it).
  if (has_scalar_top_key(text, "golive") == true) return YamlKind::Plan;
  YamlNode root;
  try {
    root = parse_yaml(text, p.string());
  } catch (const InputError&) {
    // Not YAML golive reads (a syntax error, a second document, a duplicate key, a limit):
    // whether it is a plan cannot be known from its structure. One that names golive
    // anywhere is taken for a plan, so that the loader says what is wrong with it; any
    // other (a multi-document Kubernetes manifest) is named in the warning.
    return text.find("golive") != std::string::npos ? YamlKind::Plan : YamlKind::Other;
  }
  if (!root.IsMap()) return YamlKind::Other;
  // `golive:` opening a mapping or a list is a GitLab CI job named golive, not a format
  // version: not a plan (and named in the warning). Any scalar, null included, is a plan
  // for the loader to judge.
  const YamlNode version = root["golive"];
  if (version.IsDefined() && !version.IsMap() && !version.IsSequence()) return YamlKind::Plan;
  if (root["ruleset"].IsDefined()) return YamlKind::Ruleset;
  if (root["waivers"].IsDefined()) return YamlKind::WaiverRegister;
  return YamlKind::Other;
}

}  // namespace

bool is_waiver_register(const std::string& path) { return classify_yaml(path) == YamlKind::WaiverRegister; }

namespace {

// `.yaml` and `.yml` in any case (`c.YAML`, `d.Yml`): a plan saved by a tool that writes
// upper-case extensions is a plan all the same, and skipping it would leave a gate open.
bool is_yaml_name(const std::filesystem::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".yaml" || ext == ".yml";
}

bool is_hidden(const std::filesystem::path& p) {
  auto name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

}  // namespace

const std::vector<KeySpec>& plan_format() {
  static const std::vector<KeySpec> keys = [] {
    std::vector<KeySpec> out;
    Diagnostics ignored;
    ReadContext ctx{"", ignored, nullptr, &out};
    Plan plan;
    YamlNode doc = YamlNode::EmptyMap();
    MapReader root(ctx, doc, "");
    read_plan(root, doc, plan);
    return out;
  }();
  return keys;
}

std::optional<Plan> load_plan(const std::string& path, Diagnostics& diags) {
  std::string text;
  try {
    text = read_file(path);
  } catch (const InputError& e) {
    diags.add(e);
    return std::nullopt;
  }
  return load_plan_text(text, path, diags);
}

std::optional<Plan> load_plan_text(const std::string& text, const std::string& file,
                                   Diagnostics& diags) {
  // Sections are read in a fixed order; messages are printed in file order.
  Diagnostics found;
  Plan plan;
  plan.file = file;
  plan.sha256 = sha256_hex(text);
  plan.loc = {file, 1, 1};
  try {
    YamlNode root = parse_yaml(text, file);
    ReadContext ctx{file, found, plan_zone(root)};
    MapReader reader(ctx, root, "");
    // A document that is not a mapping has been reported; its missing keys would be noise.
    if (root.IsMap()) read_plan(reader, root, plan);
    reader.finish();
  } catch (const InputError& e) {
    found.add(e);
  }
  std::vector<Diagnostic> sorted = found.all();
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.loc.line, a.loc.column) < std::pair(b.loc.line, b.loc.column);
  });
  for (auto& d : sorted) {
    if (d.level == Diagnostic::Level::Error)
      diags.error(d.loc, std::move(d.message));
    else
      diags.warning(d.loc, std::move(d.message));
  }
  if (found.has_errors()) return std::nullopt;
  return plan;
}

std::vector<std::string> find_plan_files(const std::vector<std::string>& paths,
                                         Diagnostics& diags) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  // Checked after each path given, so that a tree of a million files is refused once the
  // limit is crossed rather than after the checks ran on all of them.
  auto too_many = [&](const std::string& path) {
    if (out.size() <= limit_value(Limit::Plans)) return false;
    diags.error({path, 0, 0}, over_limit(Limit::Plans, message("errors.limits.plans",
                                                               fmt::arg("count", limit_value(Limit::Plans)))));
    return true;
  };
  for (const auto& path : paths) {
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      diags.error({path, 0, 0}, message("errors.plan.no_such_file"));
      continue;
    }
    if (!fs::is_directory(status)) {
      out.push_back(path);
      if (too_many(path)) return {};
      continue;
    }
    std::vector<std::string> found;
    std::vector<std::string> not_plans;
    // No skip_permission_denied: a subdirectory golive cannot read may hold plans.
    fs::recursive_directory_iterator it(path, fs::directory_options::none, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      if (is_hidden(p)) {
        if (it->is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(ec) || !is_yaml_name(p)) continue;
      switch (classify_yaml(p)) {
        case YamlKind::Plan: found.push_back(p.string()); break;
        case YamlKind::Ruleset:
        case YamlKind::WaiverRegister: break;
        case YamlKind::Other: not_plans.push_back(p.string()); break;
      }
    }
    std::sort(not_plans.begin(), not_plans.end());
    for (const std::string& file : not_plans)
      diags.warning({file, 0, 0}, message("errors.plan.not_a_plan"));
    // The system's own reason (strerror) stays in the C library's language.
    if (ec) diags.error({path, 0, 0}, message("errors.plan.cannot_search", fmt::arg("reason", ec.message())));
    std::sort(found.begin(), found.end());
    if (found.empty() && !ec) diags.error({path, 0, 0}, message("errors.plan.no_plans"));
    out.insert(out.end(), found.begin(), found.end());
    if (too_many(path)) return {};
  }
  return out;
}

}  // namespace golive
