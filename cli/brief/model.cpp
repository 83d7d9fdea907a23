// The brief's model: every instant and gap comes from checks/engine/go_live_times.h, the
// code the checks themselves use, so the brief can never contradict the verdict.
#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "checks/engine/i18n.h"
#include "checks/engine/zone.h"
#include "cli/brief/brief.h"
#include "cli/report/support.h"

namespace golive::brief {

namespace {

Person person(const Plan& plan, const std::string& id, std::string role) {
  Person p{std::move(role), id, id, "", ""};
  if (const Contact* c = plan.contact(id)) {
    if (c->name) p.name = *c->name;
    if (c->phone) p.phone = *c->phone;
    if (c->email) p.email = *c->email;
  }
  return p;
}

std::string display(const Plan& plan, const std::string& id) {
  const Contact* c = plan.contact(id);
  return c && c->name ? *c->name : id;
}

std::string with_unit(double v) { return fmt::format("{}", v); }

// Segments of a band: each usable shift of `level`, clipped to the period, named.
Band oncall_band(const Plan& plan, const std::string& level, const TimeInterval& period) {
  const std::string label = message_text(level == "primary" ? "brief.band.primary" : "brief.band.backup");
  Band b{level == "primary" ? Band::Primary : Band::Backup, label, label, {}, {period}, {}};
  std::vector<TimeInterval> spans;
  for (const Shift& s : plan.shifts) {
    if (!usable_shift(s) || *s.level != level) continue;
    spans.push_back({*s.from, *s.to});
    for (const TimeInterval& i : clip(IntervalSet{TimeInterval{*s.from, *s.to}}, period))
      b.covered.push_back({i, display(plan, *s.who)});
  }
  std::sort(b.covered.begin(), b.covered.end(),
            [](const Segment& x, const Segment& y) { return x.span.start < y.span.start; });
  b.gaps = subtract({period}, unite(std::move(spans)));
  return b;
}

}  // namespace

std::string short_local(Instant t, const Zone* zone) {
  if (!zone) return date::format("%m-%d %H:%M", t);
  return date::format("%m-%d %H:%M", zone->to_local(t));
}

Brief build(const Plan& plan, const HoursRange& business_hours, const PlanResult* result,
            std::optional<Instant> as_of) {
  Brief b;
  b.plan = &plan;
  b.title = plan_title(plan);
  b.zone = plan.zone();
  b.zone_name = b.zone ? std::string(b.zone->name()) : "UTC";
  if (result) {
    b.verdict = result->verdict;
    for (const Finding& f : result->findings)
      if (standing_of(f) == Standing::Blocking) b.blocking.push_back(&f);
    // A NOT READY brief already fails the plan in its banner and lists what blocks it.
    if (as_of && b.verdict != Verdict::NotReady) b.expiring_before_window = breaks_before_window(*result, *as_of);
  }

  const GoLive& g = plan.go_live;
  if (g.window_start && g.window_end) b.window = TimeInterval{*g.window_start, *g.window_end};
  b.period = coverage_period(g);

  // Timeline events.
  if (g.window_start)
    b.events.push_back({*g.window_start, Event::WindowStart, message_text("brief.event.window_start"), "", {}});
  if (plan.scenarios.large_upgrade)
    for (const Phase& ph : plan.scenarios.large_upgrade->phases) {
      std::string name = ph.name.value_or(message_text("brief.unnamed.phase"));
      if (ph.scope_pct)
        name = message("brief.phase_scope", fmt::arg("name", name), fmt::arg("scope", with_unit(*ph.scope_pct)));
      if (ph.start) b.events.push_back({*ph.start, Event::PhaseStart, name, "", {}});
      if (ph.end) b.events.push_back({*ph.end, Event::PhaseEnd, name, "", {}});
    }
  for (const Checkpoint& c : g.checkpoints) {
    if (!c.at) continue;
    Event e{*c.at, Event::Checkpoint, c.name.value_or(message_text("brief.unnamed.checkpoint")),
            c.owner ? display(plan, *c.owner) : "", {}};
    for (const Text& t : c.criteria)
      if (t) e.criteria.push_back(*t);
    b.events.push_back(std::move(e));
  }
  if (plan.rollback) b.rollback_timing = rollback_timing(g, *plan.rollback);
  if (b.rollback_timing)
    b.events.push_back({b.rollback_timing->latest_start, Event::RollbackDeadline,
                        message_text("brief.svg.rollback_deadline"),
                        plan.rollback->decision_owner ? display(plan, *plan.rollback->decision_owner) : "",
                        {}});
  if (plan.scenarios.large_upgrade && plan.scenarios.large_upgrade->data_migration &&
      plan.scenarios.large_upgrade->data_migration->point_of_no_return)
    b.point_of_no_return = *plan.scenarios.large_upgrade->data_migration->point_of_no_return;
  if (b.point_of_no_return)
    b.events.push_back({*b.point_of_no_return, Event::PointOfNoReturn, message_text("brief.svg.point_of_no_return"),
                        "", {}});
  if (g.window_end)
    b.events.push_back({*g.window_end, Event::WindowEnd, message_text("brief.event.window_end"), "", {}});
  if (b.period && g.hypercare && *g.hypercare > Duration::zero())
    b.events.push_back({b.period->end, Event::HypercareEnd, message_text("brief.event.hypercare_end"), "", {}});
  std::stable_sort(b.events.begin(), b.events.end(),
                   [](const Event& x, const Event& y) { return x.at < y.at; });

  // Bands over window + hypercare.
  if (b.period && !b.period->empty()) {
    if (!plan.shifts.empty())
      for (const char* level : {"primary", "backup"}) b.bands.push_back(oncall_band(plan, level, *b.period));
    if (plan.scenarios.cross_border)
      for (const Region& r : plan.scenarios.cross_border->regions) {
        const Zone* zone = r.timezone ? find_zone(*r.timezone) : nullptr;
        if (!zone) continue;
        RegionCoverage cover = region_coverage(plan, r, *zone, business_hours, *b.period);
        const std::string code = r.code.value_or(message_text("brief.unnamed.region"));
        Band band{Band::Region,
                  message("brief.band.region", fmt::arg("region", code),
                          fmt::arg("hours", format_hours(business_hours)), fmt::arg("zone", zone->name())),
                  message("brief.band.region_short", fmt::arg("region", code)), {}, cover.required, cover.gaps};
        std::vector<std::string> names;
        for (const Contact* c : cover.counted) names.push_back(c->name.value_or(*c->id));
        std::string who = fmt::format("{}", fmt::join(names, message_text("findings.join.list")));
        for (const TimeInterval& i : subtract(cover.required, cover.gaps)) band.covered.push_back({i, who});
        b.bands.push_back(std::move(band));
      }
    for (const Vendor& v : plan.vendors) {
      if (!v.support) continue;
      auto hours = vendor_support_hours(*v.support, *b.period);
      if (!hours) continue;
      const std::string name = v.name.value_or(v.id.value_or(message_text("brief.unnamed.vendor")));
      Band band{Band::Vendor,
                message("brief.band.vendor", fmt::arg("vendor", name), fmt::arg("hours", v.support->hours.value_or("")),
                        fmt::arg("zone", v.support->timezone.value_or(""))),
                name, {}, {}, {}};
      for (const TimeInterval& i : *hours) band.covered.push_back({i, ""});
      b.bands.push_back(std::move(band));
    }
  }

  // Who to call.
  if (const auto& o = plan.organization) {
    if (o->commander) b.command.push_back(person(plan, *o->commander, "commander"));
    if (o->deputy) b.command.push_back(person(plan, *o->deputy, "deputy"));
    for (const auto& [role, id] : o->roles)
      if (id) b.command.push_back(person(plan, *id, role));
    for (const Department& d : o->departments)
      if (d.lead) b.departments.emplace_back(d.name.value_or(""), person(plan, *d.lead, "lead"));
  }
  if (plan.response) {
    std::vector<const EscalationLevel*> levels;
    for (const EscalationLevel& e : plan.response->escalation)
      if (e.target) levels.push_back(&e);
    std::stable_sort(levels.begin(), levels.end(), [](const EscalationLevel* x, const EscalationLevel* y) {
      return x->level.value_or(0) < y->level.value_or(0);
    });
    Duration elapsed{0};
    for (const EscalationLevel* e : levels) {
      std::string when = elapsed == Duration::zero()
                             ? message_text("brief.escalation.first")
                             : message("brief.escalation.next", fmt::arg("after", say_duration(elapsed)));
      b.escalation.push_back(person(plan, *e->target, when));
      elapsed += e->after.value_or(Duration::zero());
    }
    if (const auto& c = plan.response->comms) {
      b.channel = c->channel.value_or("");
      b.bridge = c->bridge.value_or("");
      b.status_page = c->status_page.value_or("");
    }
  }
  if (plan.scenarios.cross_border)
    for (const Region& r : plan.scenarios.cross_border->regions) {
      RegionCall rc{r.code.value_or(""), r.timezone.value_or(""), std::nullopt, "", std::nullopt, ""};
      if (r.responsible) {
        rc.responsible = person(plan, *r.responsible, "responsible");
        const Contact* c = plan.contact(*r.responsible);
        const Zone* own = c && c->timezone ? find_zone(*c->timezone)
                                     : r.timezone   ? find_zone(*r.timezone)
                                                    : nullptr;
        if (own && g.window_start) {
          rc.local_at_start = fmt::format("{} {}", date::format("%H:%M", own->to_local(*g.window_start)),
                                          own->name());
          if (c && c->hours) {
            rc.hours = format_hours(*c->hours);
            rc.in_hours = !daily_hours(*c->hours, *own, {*g.window_start, *g.window_start + Duration{1}}).empty();
          }
        }
      }
      b.regions.push_back(std::move(rc));
    }
  for (const Vendor& v : plan.vendors) {
    VendorDesk d;
    d.name = v.name.value_or(v.id.value_or(message_text("brief.unnamed.vendor")));
    if (v.contract && v.contract->ref) d.contract = *v.contract->ref;
    if (v.support) {
      if (v.support->hours)
        d.hours = *v.support->hours + (v.support->timezone ? " " + *v.support->timezone : "");
      for (const auto& [level, t] : v.support->response)
        if (t) d.sla.emplace_back(level, say_duration(*t));
      if (v.support->restore) d.restore = say_duration(*v.support->restore);
    }
    for (const VendorContact& c : v.contacts)
      d.contacts.push_back({c.escalation ? message("brief.vendor_escalation", fmt::arg("level", *c.escalation)) : "",
                            "", c.name.value_or(""), c.phone.value_or(""), c.email.value_or("")});
    b.vendors.push_back(std::move(d));
  }

  // Decision points.
  if (const auto& rb = plan.rollback) {
    RollbackCall call;
    if (rb->decision_owner) call.decision_owner = person(plan, *rb->decision_owner, "decides");
    call.strategy = rb->strategy.value_or("");
    call.runbook = rb->runbook.value_or("");
    for (const Trigger& t : rb->triggers)
      call.triggers.push_back(fmt::format("{} {} {}{}", t.metric.value_or("?"), t.op.value_or("?"),
                                          t.value ? with_unit(*t.value) : "?",
                                          t.for_ ? message("brief.rollback.trigger_for",
                                                           fmt::arg("duration", say_duration(*t.for_)))
                                                 : ""));
    b.rollback = std::move(call);
  }
  return b;
}

}  // namespace golive::brief
