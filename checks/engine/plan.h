#pragma once
/// The typed launch plan (SPEC §3). Every value is a Field<T> that keeps its position in
/// the plan file; every list item keeps the position of its mapping in `loc`. Enumerated
/// words (result, strategy, level…) are Text already validated by the loader.

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "checks/engine/evidence_source.h"
#include "checks/engine/field.h"
#include "checks/engine/values.h"

namespace golive {

/// Named scalar values in file order (`roles`, `page_labels`, `responsibilities`).
using TextMap = std::vector<std::pair<std::string, Text>>;

/// A dated piece of evidence: a restore test, failover test, rollback test, rehearsal,
/// load test or validation. Which keys are allowed depends on where it appears.
struct TestRecord {
  SourceLoc loc;
  Field<Instant> at;
  InstantSource at_source;  ///< restore_test.at may be read from Prometheus
  Field<Duration> duration;
  Text result;            ///< pass | fail
  Text evidence;          ///< link to the record (restore_test)
  Text report;            ///< link to the report (validation)
  Text version;           ///< version tested (rollback.tested)
  Text environment;       ///< where (rollback.tested)
  Text kind;              ///< poc | pilot | benchmark… (new_technology validation)
  Field<double> multiple_of_peak;  ///< load_test
  bool passed() const { return result && *result == "pass"; }
};

struct Approval {
  SourceLoc loc;
  Text role;
  Ref by;
  Field<Instant> at;
};

/// `plan:` — identity, ownership and revision of the plan itself.
struct PlanMeta {
  SourceLoc loc;
  Text id;
  Text name;
  Ref owner;
  Field<Instant> revised_at;
  Field<Duration> review_every;
  Text supersedes;
  std::vector<Text> scenarios;  ///< critical, large-upgrade, cross-border, new-technology, third-party
  std::vector<Approval> approvals;
};

struct Checkpoint {
  SourceLoc loc;
  Text name;
  Field<Instant> at;
  Ref owner;
  std::vector<Text> criteria;
};

struct GoLive {
  SourceLoc loc;
  SourceLoc window_loc;
  Field<Instant> window_start;
  Field<Instant> window_end;
  Text timezone;  ///< IANA name; bare dates in the plan are midnight here
  Field<Duration> hypercare;
  std::vector<Checkpoint> checkpoints;
};

struct Contact {
  SourceLoc loc;
  Text id;
  Text name;
  Text phone;     ///< E.164
  Text email;
  Text timezone;  ///< IANA name
  Field<HoursRange> hours;
  Text region;
};

struct Department {
  SourceLoc loc;
  Text name;
  Ref lead;
  std::vector<Text> responsibilities;
};

/// 三、组织架构: command centre, working group, departments.
struct Organization {
  SourceLoc loc;
  Ref commander;
  Ref deputy;
  TextMap roles;  ///< ops_lead, comms_lead, scribe, …: contact ids
  SourceLoc roles_loc;
  std::vector<Ref> working_group;
  SourceLoc working_group_loc;
  std::vector<Department> departments;
  /// The contact id holding a role, if any.
  const Text* role(const std::string& name) const {
    for (const auto& [k, v] : roles)
      if (k == name) return &v;
    return nullptr;
  }
};

struct SeverityLevel {
  SourceLoc loc;
  Text level;
  Text criteria;
  Field<Duration> ack;
  std::vector<Text> page;  ///< role names or contact ids
  Field<Duration> update_every;
};

struct EscalationLevel {
  SourceLoc loc;
  Field<int64_t> level;
  Ref target;
  Field<Duration> after;
};

struct Comms {
  SourceLoc loc;
  Text channel;
  Text bridge;
  Text status_page;
  Ref owner;
  Field<Duration> update_every;
  Text time_reference;
};

struct Review {
  SourceLoc loc;
  Field<Duration> due;
  Ref owner;
};

/// 四、应急响应流程.
struct Response {
  SourceLoc loc;
  std::vector<SeverityLevel> severities;
  SourceLoc severities_loc;
  std::vector<EscalationLevel> escalation;
  SourceLoc escalation_loc;
  std::vector<Text> stages;
  SourceLoc stages_loc;
  std::optional<Comms> comms;
  std::optional<Review> review;
};

struct HealthCheck {
  SourceLoc loc;
  Text url;
  Field<int64_t> expect_status;
  Field<Duration> timeout;
};

struct Standby {
  SourceLoc loc;
  Text site;
  std::optional<TestRecord> failover_test;
};

struct System {
  SourceLoc loc;
  Text id;
  Field<int64_t> tier;  ///< 1 (business critical) .. 3
  Field<Duration> rto;
  Field<Duration> rpo;
  Text dr_strategy;     ///< backup_restore | pilot_light | warm_standby | active_active
  std::vector<Ref> datastores;
  std::optional<HealthCheck> health_check;
  std::optional<Standby> standby;
};

/// 五.1(1) 备份.
struct Backup {
  SourceLoc loc;
  Text id;
  Ref datastore;  ///< a datastore of a system, or a system id
  Field<Duration> schedule;
  Field<int64_t> copies;
  Field<bool> offsite;
  Field<bool> immutable;
  Text location;  ///< file:// | http(s):// | s3://
  Field<Instant> last_success;  ///< empty when last_success_source is live
  InstantSource last_success_source;
  std::optional<TestRecord> restore_test;
};

struct Trigger {
  SourceLoc loc;
  Text metric;
  Text op;  ///< > >= < <= == !=
  Field<double> value;
  Field<Duration> for_;
};

/// 五.1(2) 回滚.
struct Rollback {
  SourceLoc loc;
  Text strategy;  ///< blue_green | canary | redeploy | feature_flag | restore | other
  Field<bool> automated;
  Ref decision_owner;
  Text runbook;
  Field<Duration> duration;
  Field<Duration> verification;
  std::vector<Trigger> triggers;
  SourceLoc triggers_loc;
  std::optional<TestRecord> tested;
};

struct PrometheusRef {
  SourceLoc loc;
  Text url;
  Text job;
  std::vector<Text> required_alerts;
  Text bearer_token;  ///< `${env:NAME}`: a secret, never printed
};

struct AlertmanagerRef {
  SourceLoc loc;
  Text url;
  Text receiver;
  TextMap page_labels;
  SourceLoc page_labels_loc;
  Text bearer_token;  ///< `${env:NAME}`: a secret, never printed
};

struct Alert {
  SourceLoc loc;
  Text name;
  Text severity;
  Text runbook;
};

struct Dashboard {
  SourceLoc loc;
  Text name;
  Text url;
};

struct Heartbeat {
  SourceLoc loc;
  Text alert;
  Text receiver;
};

/// 五.1(3) 监控.
struct Monitoring {
  SourceLoc loc;
  std::optional<PrometheusRef> prometheus;
  std::optional<AlertmanagerRef> alertmanager;
  std::vector<Alert> alerts;
  SourceLoc alerts_loc;
  std::vector<Dashboard> dashboards;
  std::optional<Heartbeat> heartbeat;
};

struct Shift {
  SourceLoc loc;
  Ref who;
  Text level;  ///< primary | backup
  Field<Instant> from;
  Field<Instant> to;
};

struct Training {
  SourceLoc loc;
  Text topic;
  Field<Instant> at;
  std::vector<Ref> attendees;
};

struct Spare {
  SourceLoc loc;
  Text component;
  std::vector<Ref> covers;  ///< system ids
  Field<int64_t> on_hand;
  Field<Duration> lead_time;
  Text location;
};

struct Link {
  SourceLoc loc;
  Text id;
  Field<double> capacity_mbps;
  Field<double> expected_peak_mbps;
};

struct Network {
  SourceLoc loc;
  Field<double> max_utilization;
  std::vector<Link> links;
  Text peak_query;  ///< PromQL giving the observed peak in Mbit/s
};

/// 五.3 资源保障.
struct Resources {
  SourceLoc loc;
  std::vector<Spare> spares;
  SourceLoc spares_loc;
  std::optional<Network> network;
  std::optional<TestRecord> load_test;
};

struct DrillFinding {
  SourceLoc loc;
  Text severity;  ///< low | medium | high | critical
  Text title;
  Field<bool> closed;
};

/// 六.2 演练.
struct Drill {
  SourceLoc loc;
  Text type;  ///< rollback | restore | failover | tabletop | full | …
  Field<Instant> at;  ///< empty when at_source is live
  InstantSource at_source;
  Text result;
  Text report;
  std::vector<DrillFinding> findings;
};

struct Phase {
  SourceLoc loc;
  Text name;
  Field<double> scope_pct;
  Field<Instant> start;
  Field<Instant> end;
  std::vector<Text> goals, risks, entry, exit;
};

struct DataMigration {
  SourceLoc loc;
  std::optional<TestRecord> rehearsed;
  SourceLoc reconciliation_loc;
  Text reconciliation_method;
  Field<double> reconciliation_tolerance_pct;
  Ref pre_backup;  ///< a backup id
  Field<Instant> point_of_no_return;
  Text forward_fix_plan;
};

struct Compatibility {
  SourceLoc loc;
  std::optional<TestRecord> tested;
  Text matrix;
};

/// 大规模升级.
struct LargeUpgrade {
  SourceLoc loc;
  std::vector<Ref> pm_group;
  std::vector<Phase> phases;
  SourceLoc phases_loc;
  std::optional<DataMigration> data_migration;
  std::optional<Compatibility> compatibility;
};

struct LegalSignoff {
  SourceLoc loc;
  Text by;  ///< free text
  Field<Instant> at;
};

struct Region {
  SourceLoc loc;
  Text code;
  Text timezone;
  Ref responsible;
  std::vector<Text> regulations;
  std::optional<LegalSignoff> legal_signoff;
};

struct DataTransfer {
  SourceLoc loc;
  Text from, to, data, mechanism, assessment;
  /// `false` states that the transfer carries no personal data; absent means it may
  /// (`data` is free text golive cannot judge), so it needs a mechanism and an assessment.
  Field<bool> personal;
};

/// 跨境上线.
struct CrossBorder {
  SourceLoc loc;
  std::vector<Region> regions;
  std::vector<DataTransfer> data_transfers;
  Text comms_platform;
  Text language;
};

struct RiskAssessment {
  SourceLoc loc;
  Field<Instant> at;
  Ref owner;
  Text residual;  ///< low | medium | high | critical
};

/// 新技术应用: one component.
struct NewTechnology {
  SourceLoc loc;
  Text component;
  std::optional<TestRecord> validation;
  std::optional<RiskAssessment> risk_assessment;
  std::vector<Ref> trained;
};

struct Scenarios {
  SourceLoc loc;
  std::optional<LargeUpgrade> large_upgrade;
  std::optional<CrossBorder> cross_border;
  std::vector<NewTechnology> new_technology;
  bool has_new_technology = false;  ///< the key is present, even if empty
};

struct Contract {
  SourceLoc loc;
  Text ref;
  Field<Instant> end;
  Field<Duration> notice;
};

struct Support {
  SourceLoc loc;
  Text hours;  ///< `24x7` or a working-hours range such as `09:00-18:00`
  Text timezone;
  std::vector<std::pair<std::string, Field<Duration>>> response;  ///< per severity level
  SourceLoc response_loc;
  Field<Duration> restore;
};

struct VendorContact {
  SourceLoc loc;
  Text name;
  Text phone;
  Text email;
  Field<int64_t> escalation;
};

/// 第三方供应商.
struct Vendor {
  SourceLoc loc;
  Text id;
  Text name;
  std::vector<Ref> covers;  ///< datastores or systems
  std::optional<Contract> contract;
  std::optional<Support> support;
  std::vector<VendorContact> contacts;
  SourceLoc contacts_loc;
  TextMap responsibilities;
  SourceLoc responsibilities_loc;
};

struct Plan;

/// Lookups by id over a plan's contacts, systems, datastores and backups, built on the
/// first lookup in O(n) and then answering in O(1), so checks that resolve a reference per
/// subject stay linear in the plan's size. Rebuilt when one of those lists changes size or
/// storage; a plan is not edited in place once looked up in. A copy starts empty.
/// Thread-safe: a plan may be looked up in from several threads.
class PlanIndex {
 public:
  PlanIndex();
  ~PlanIndex();
  PlanIndex(const PlanIndex&);
  PlanIndex& operator=(const PlanIndex&);

 private:
  friend struct Plan;
  struct Tables;
  /// The tables for `plan` as it is now.
  const Tables& tables(const Plan& plan) const;
  mutable std::mutex mutex_;
  mutable std::unique_ptr<Tables> tables_;
};

/// A whole launch plan, as loaded from one file.
struct Plan {
  std::string file;    ///< path as given by the user
  std::string sha256;  ///< of the file's bytes, lowercase hex
  /// The file's text as loaded. Exec plugins (SPEC §4) receive it as JSON on stdin; when
  /// empty (a plan built in code) the runner reads `file` again.
  std::string source_text;
  SourceLoc loc;       ///< the top of the file, for findings about absent sections
  /// The `systems:` and `drills:` lists themselves (their `[]` when empty), or `loc` when
  /// the key is absent: where a finding about an empty list points.
  SourceLoc systems_list_loc, drills_list_loc;
  int64_t format_version = 1;

  PlanMeta plan;
  GoLive go_live;
  std::vector<Contact> contacts;
  std::optional<Organization> organization;
  std::optional<Response> response;
  std::vector<System> systems;
  std::vector<Backup> backups;
  std::optional<Rollback> rollback;
  std::optional<Monitoring> monitoring;
  std::vector<Shift> shifts;  ///< oncall.shifts
  SourceLoc oncall_loc;
  std::vector<Training> training;
  std::optional<Resources> resources;
  std::vector<Drill> drills;
  Scenarios scenarios;
  std::vector<Vendor> vendors;

  /// The go-live time zone, or nullptr for UTC.
  const Zone* zone() const;
  /// The first contact, system or backup with that id, or nullptr. O(1) (PlanIndex).
  const Contact* contact(const std::string& id) const;
  const System* system(const std::string& id) const;
  const Backup* backup(const std::string& id) const;
  /// True when `id` is a datastore listed by some system. O(1).
  bool has_datastore(const std::string& id) const;
  /// The backups of datastore `store` and, when `system` is set, of that system as a whole
  /// (`datastore: <system id>`), each once, in plan order. O(number returned).
  std::vector<const Backup*> backups_of(const std::string& store, const Text& system) const;
  /// Whether plan.scenarios lists this tag.
  bool tagged(const std::string& scenario) const;
  /// Where plan.scenarios lists this tag; where plan.scenarios is, when it does not.
  SourceLoc tag_loc(const std::string& scenario) const;
  /// Whether some system is tier 1 (the trigger of the critical ruleset).
  bool has_tier1_system() const;

  PlanIndex index;  ///< behind the lookups above
};

}  // namespace golive
