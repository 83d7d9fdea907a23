#pragma once
/// `golive brief`: the go-live night on one page. A Brief is built once from a plan and
/// the verdict of its offline checks, then written as text, Markdown or HTML; the HTML
/// timeline is an inline SVG shared with the HTML readiness report.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "checks/engine/go_live_times.h"
#include "checks/engine/plan.h"
#include "checks/engine/result.h"

namespace golive::brief {

/// A person to call, as the plan names them.
struct Person {
  std::string role;   ///< "Commander", "ops_lead", "level 2"…; may be empty
  std::string id;     ///< contact id as written in the plan
  std::string name;   ///< contacts[].name, else the id
  std::string phone;  ///< E.164, or empty
  std::string email;
};

/// One instant on the timeline, in time order.
struct Event {
  enum Kind { WindowStart, PhaseStart, PhaseEnd, Checkpoint, RollbackDeadline, PointOfNoReturn,
              WindowEnd, HypercareEnd };
  Instant at;
  Kind kind;
  std::string label;  ///< "window start", the checkpoint or phase name…
  std::string owner;  ///< display name of the owner, for checkpoints
  std::vector<std::string> criteria;
};

/// A stretch of a band held by someone (an on-call person, a region's people, a vendor).
struct Segment {
  TimeInterval span;
  std::string who;  ///< display names; empty for a vendor's support hours
};

/// One horizontal band of the timeline over the coverage period (window start to the end
/// of hypercare): on-call primary and backup, each region's business hours, each vendor's
/// support hours.
struct Band {
  enum Kind { Primary, Backup, Region, Vendor };
  Kind kind;
  std::string label;      ///< "primary on-call", "SG business hours 09:00-18:00 Asia/Singapore"…
  std::string short_label;  ///< for the SVG: "primary on-call", "SG business hours", the vendor
  std::vector<Segment> covered;
  IntervalSet required;   ///< regions: the business hours; others: the whole period
  IntervalSet gaps;       ///< required but uncovered (never set for vendors)
};

/// A region and who answers there.
struct RegionCall {
  std::string code;
  std::string timezone;
  std::optional<Person> responsible;
  std::string local_at_start;  ///< wall clock of the responsible at window start, `HH:MM (Zone)`
  std::optional<bool> in_hours;  ///< whether that falls in their working hours; unknown when unset
  std::string hours;  ///< the responsible's working hours, or empty
};

/// A vendor's support desk.
struct VendorDesk {
  std::string name;
  std::string contract;  ///< contract reference, or empty
  std::string hours;     ///< `24x7` or `09:00-18:00`, with its zone
  std::vector<std::pair<std::string, std::string>> sla;  ///< severity → response time
  std::string restore;   ///< restore time, or empty
  std::vector<Person> contacts;  ///< role is "escalation N" when set
};

/// The rollback decision.
struct RollbackCall {
  std::optional<Person> decision_owner;
  std::string strategy;
  std::string runbook;  ///< redacted when written
  std::vector<std::string> triggers;  ///< `http_5xx_ratio > 0.02 for 5m`
};

/// Everything the brief shows, in plan order unless said otherwise.
struct Brief {
  const Plan* plan = nullptr;
  std::string title;       ///< plan_title()
  const Zone* zone = nullptr;  ///< go_live.timezone, or nullptr for UTC
  std::string zone_name;   ///< `Asia/Shanghai` or `UTC`
  Verdict verdict = Verdict::Ready;
  std::vector<const Finding*> blocking;  ///< findings that make the plan NOT READY
  /// Evidence that expires before the window start, earliest first (breaks_before_window(),
  /// as every `golive check` report computes it): the verdict does not hold at go-live
  /// unless it is renewed. Empty when it holds there, when the verdict is NOT READY
  /// anyway, or without a result and its as-of instant.
  std::vector<ValidUntil> expiring_before_window;
  std::optional<TimeInterval> window;
  std::optional<TimeInterval> period;    ///< window start to the end of hypercare
  std::vector<Event> events;             ///< sorted by time, stable
  std::optional<RollbackTiming> rollback_timing;
  /// The data migration's point of no return (scenarios.large_upgrade), when the plan has one.
  std::optional<Instant> point_of_no_return;
  std::vector<Band> bands;
  std::vector<Person> command;           ///< commander, deputy, then roles in plan order
  std::vector<Person> escalation;        ///< role: `T+0`, then `not acknowledged by T+5m`…
  std::vector<std::pair<std::string, Person>> departments;  ///< department name → lead
  std::vector<RegionCall> regions;
  std::vector<VendorDesk> vendors;
  std::string channel, bridge, status_page;  ///< raw; redacted when written
  std::optional<RollbackCall> rollback;
};

/// Builds the brief of `plan`, its labels in the current language. `business_hours` is the crossborder.timezone-coverage
/// parameter in force; `result` (may be null) gives the verdict and blocking findings, and
/// with `as_of`, the instant it was checked at, what expires before the window start.
Brief build(const Plan& plan, const HoursRange& business_hours, const PlanResult* result,
            std::optional<Instant> as_of = std::nullopt);

/// `12-05 02:00` in `zone` (UTC when null).
std::string short_local(Instant t, const Zone* zone);

/// The inline SVG of the timeline: an upper panel for the window (phases, checkpoints,
/// rollback deadline, point of no return) and a lower panel for window + hypercare with a
/// band per on-call level, region and vendor, gaps hatched and labelled. Drawn in the
/// plan's zone with a UTC scale below each axis; readable in black and white. Empty when
/// the plan has no window.
std::string timeline_svg(const Brief& brief);

/// `<h2>Go-live timeline</h2>` and the timeline SVG of `plan` (default business hours), both
/// in the current language, or nothing when the plan has no window: what the HTML
/// readiness report shows.
void write_timeline_figure(std::ostream& out, const Plan& plan);

/// Writers, one file each (text.cpp, markdown.cpp, html.cpp).
void write_text(const Brief& brief, std::ostream& out);
void write_markdown(const Brief& brief, std::ostream& out);
void write_html(const Brief& brief, std::ostream& out);

}  // namespace golive::brief
