#include "cli/brief/common.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/report/support.h"

namespace golive::brief {

namespace {

std::string local(const Brief& b, Instant t) { return short_local(t, b.zone); }
std::string utc(Instant t) { return short_local(t, nullptr); }

std::string name_phone(const Person& p) { return p.phone.empty() ? p.name : p.name + " " + p.phone; }

}  // namespace

std::string role_title(std::string_view role) {
  std::string out(role);
  for (char& c : out)
    if (c == '_') c = ' ';
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string banner(const Brief& b) {
  if (b.verdict != Verdict::NotReady) return std::string(verdict_title(b.verdict));
  return fmt::format("NOT READY: blocked by {} finding{} (golive check)", b.blocking.size(),
                     b.blocking.size() == 1 ? "" : "s");
}

std::vector<std::string> blocking_lines(const Brief& b) {
  std::vector<std::string> out;
  for (const Finding* f : b.blocking)
    out.push_back(fmt::format("{} {}: {}{}", f->check, f->subject, f->message,
                              f->location.file.empty() ? "" : " (" + file_line(f->location) + ")"));
  return out;
}

std::string time_note(const Brief& b) {
  return b.zone ? fmt::format("times in {} (MM-DD HH:MM), UTC alongside", b.zone_name)
                : std::string("times in UTC (MM-DD HH:MM)");
}

Table timeline_table(const Brief& b) {
  Table t{{"Local", "UTC", "Event", "Owner"}, {}};
  for (const Event& e : b.events) {
    std::string what = e.label;
    switch (e.kind) {
      case Event::PhaseStart: what = "phase " + e.label + " starts"; break;
      case Event::PhaseEnd: what = "phase " + e.label + " ends"; break;
      case Event::Checkpoint: what = "checkpoint: " + e.label; break;
      case Event::RollbackDeadline: what = "ROLLBACK DEADLINE (latest start)"; break;
      case Event::PointOfNoReturn: what = "POINT OF NO RETURN"; break;
      default: break;
    }
    t.rows.push_back({local(b, e.at), utc(e.at), what, e.owner});
  }
  return t;
}

std::string rollback_sentence(const Brief& b) {
  if (!b.rollback_timing) return "";
  const RollbackTiming& r = *b.rollback_timing;
  std::string relation = r.margin > Duration::zero()   ? format_duration(r.margin) + " before"
                         : r.margin == Duration::zero() ? std::string("exactly at")
                                                        : format_duration(-r.margin) + " after";
  return fmt::format(
      "Rollback deadline {} ({} UTC): a rollback ({} + {} verification) started later ends after "
      "the window. Decided at {} {}, it ends {}, {} window end.",
      local(b, r.latest_start), utc(r.latest_start), format_duration(r.duration),
      format_duration(r.verification), r.from, local(b, r.start), local(b, r.finish), relation);
}

Table coverage_table(const Brief& b) {
  Table t{{"Band", "From", "To", "Who"}, {}};
  for (const Band& band : b.bands) {
    struct Row {
      TimeInterval span;
      std::string who;
    };
    std::vector<Row> rows;
    for (const Segment& s : band.covered) rows.push_back({s.span, s.who.empty() ? "support" : s.who});
    for (const TimeInterval& g : band.gaps) rows.push_back({g, "GAP: nobody"});
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row& x, const Row& y) { return x.span.start < y.span.start; });
    if (rows.empty()) t.rows.push_back({band.label, "", "", "none in the period"});
    bool first = true;
    for (const Row& r : rows) {
      t.rows.push_back({first ? band.label : "", local(b, r.span.start), local(b, r.span.end), r.who});
      first = false;
    }
  }
  return t;
}

Table command_table(const Brief& b) {
  Table t{{"Role", "Name", "Phone", "Email"}, {}};
  for (const Person& p : b.command) t.rows.push_back({role_title(p.role), p.name, p.phone, p.email});
  return t;
}

Table escalation_table(const Brief& b) {
  Table t{{"When", "Who", "Phone"}, {}};
  for (const Person& p : b.escalation) t.rows.push_back({p.role, p.name, p.phone});
  return t;
}

Table departments_table(const Brief& b) {
  Table t{{"Department", "Lead", "Phone"}, {}};
  for (const auto& [name, p] : b.departments) t.rows.push_back({name, p.name, p.phone});
  return t;
}

Table regions_table(const Brief& b) {
  Table t{{"Region", "Responsible", "Phone", "Local time at window start", "In working hours"}, {}};
  for (const RegionCall& r : b.regions) {
    std::string in = !r.in_hours ? "unknown" : *r.in_hours ? "yes (" + r.hours + ")" : "no (" + r.hours + ")";
    t.rows.push_back({r.code + (r.timezone.empty() ? "" : " " + r.timezone),
                      r.responsible ? r.responsible->name : "nobody",
                      r.responsible ? r.responsible->phone : "", r.local_at_start, in});
  }
  return t;
}

Table vendors_table(const Brief& b) {
  Table t{{"Vendor", "Contract", "Support hours", "SLA", "Restore", "Call"}, {}};
  for (const VendorDesk& v : b.vendors) {
    std::vector<std::string> sla, call;
    for (const auto& [level, d] : v.sla) sla.push_back(level + " " + d);
    for (const Person& p : v.contacts)
      call.push_back(name_phone(p) + (p.role.empty() ? "" : " (" + p.role + ")"));
    t.rows.push_back({v.name, v.contract, v.hours, fmt::format("{}", fmt::join(sla, ", ")), v.restore,
                      fmt::format("{}", fmt::join(call, "; "))});
  }
  return t;
}

Table comms_table(const Brief& b) {
  Table t{{"Comms", "Where"}, {}};
  if (!b.channel.empty()) t.rows.push_back({"Channel", b.channel});
  if (!b.bridge.empty()) t.rows.push_back({"Bridge", b.bridge});
  if (!b.status_page.empty()) t.rows.push_back({"Status page", b.status_page});
  return t;
}

Table checkpoints_table(const Brief& b) {
  Table t{{"Local", "Checkpoint", "Owner", "Go when"}, {}};
  for (const Event& e : b.events)
    if (e.kind == Event::Checkpoint)
      t.rows.push_back({local(b, e.at), e.label, e.owner, fmt::format("{}", fmt::join(e.criteria, "; "))});
  return t;
}

std::vector<std::pair<std::string, Table>> call_sections(const Brief& b) {
  std::vector<std::pair<std::string, Table>> out = {
      {"Escalation (each level has its time to acknowledge before the next is called)", escalation_table(b)},
      {"Department leads", departments_table(b)},
      {"Regions", regions_table(b)},
      {"Vendor support", vendors_table(b)},
      {"Comms", comms_table(b)}};
  std::erase_if(out, [](const auto& s) { return s.second.rows.empty(); });
  return out;
}

std::string rollback_owner_sentence(const Brief& b) {
  if (!b.rollback) return "";
  const RollbackCall& r = *b.rollback;
  std::string out = "Rollback decided by " +
                    (r.decision_owner ? name_phone(*r.decision_owner) : std::string("nobody named"));
  if (!r.strategy.empty()) out += "; strategy " + r.strategy;
  if (!r.runbook.empty()) out += "; runbook " + r.runbook;
  return out;
}

}  // namespace golive::brief
