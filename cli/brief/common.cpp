#include "cli/brief/common.h"

#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "checks/engine/i18n.h"
#include "checks/engine/plan_values.h"
#include "cli/report/support.h"

namespace golive::brief {

namespace {

std::string local(const Brief& b, Instant t) { return short_local(t, b.zone); }
std::string utc(Instant t) { return short_local(t, nullptr); }

std::string name_phone(const Person& p) { return p.phone.empty() ? p.name : p.name + " " + p.phone; }

// Items of a list in a cell (`, ` / `、`) and clauses (`; ` / `；`), as check messages join them.
std::string list(const std::vector<std::string>& items) {
  return fmt::format("{}", fmt::join(items, message_text("findings.join.list")));
}
std::string clauses(const std::vector<std::string>& items) {
  return fmt::format("{}", fmt::join(items, message_text("findings.join.clauses")));
}

// A table's header row: the catalogue's `brief.<table>.<column>` texts.
std::vector<std::string> header(std::string_view table, std::initializer_list<std::string_view> columns) {
  std::vector<std::string> out;
  for (std::string_view c : columns) out.push_back(message_text(fmt::format("brief.{}.{}", table, c)));
  return out;
}

}  // namespace

std::string role_title(std::string_view role) {
  // The standard's roles have their words in the catalogue; roles beyond them are the
  // plan's own words, shown as written with a capital.
  const std::string key = fmt::format("brief.role.{}", role);
  if (auto text = find_message(language(), key)) return std::string(*text);
  std::string out(role);
  for (char& c : out)
    if (c == '_') c = ' ';
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string banner(const Brief& b) {
  // Evidence expires before the window start only when the plan has one.
  if (!b.expiring_before_window.empty())
    return message("brief.ready_until", fmt::arg("verdict", verdict_title(b.verdict)),
                   fmt::arg("until", local(b, b.expiring_before_window.front().at)),
                   fmt::arg("start", local(b, *b.plan->go_live.window_start)),
                   fmt::arg("expiring", counted(static_cast<int>(b.expiring_before_window.size()), "evidence_expiring")));
  if (b.verdict != Verdict::NotReady) return std::string(verdict_title(b.verdict));
  return message(b.blocking.size() == 1 ? "brief.not_ready.one" : "brief.not_ready.many",
                 fmt::arg("verdict", verdict_title(b.verdict)), fmt::arg("n", b.blocking.size()));
}

std::vector<std::string> blocking_lines(const Brief& b) {
  std::vector<std::string> out;
  for (const Finding* f : b.blocking)
    out.push_back(message("brief.blocking_line", fmt::arg("check", f->check), fmt::arg("subject", f->subject),
                          fmt::arg("message", f->message),
                          fmt::arg("where", f->location.file.empty()
                                                ? std::string()
                                                : message("brief.blocking_where",
                                                          fmt::arg("location", file_line(f->location))))));
  return out;
}

std::vector<std::string> expiring_lines(const Brief& b) {
  std::vector<std::string> out;
  for (const ValidUntil& v : b.expiring_before_window)
    out.push_back(message("brief.expiring_line", fmt::arg("check", v.check), fmt::arg("subject", v.subject),
                          fmt::arg("at", local(b, v.at)), fmt::arg("at_utc", utc(v.at))));
  return out;
}

std::string time_note(const Brief& b) {
  return b.zone ? message("brief.time_note.zone", fmt::arg("zone", b.zone_name))
                : message_text("brief.time_note.utc");
}

Table timeline_table(const Brief& b) {
  Table t{header("timeline_head", {"local", "utc", "event", "owner"}), {}};
  for (const Event& e : b.events) {
    std::string what = e.label;
    switch (e.kind) {
      case Event::PhaseStart: what = message("brief.event.phase_start", fmt::arg("name", e.label)); break;
      case Event::PhaseEnd: what = message("brief.event.phase_end", fmt::arg("name", e.label)); break;
      case Event::Checkpoint: what = message("brief.event.checkpoint", fmt::arg("name", e.label)); break;
      case Event::RollbackDeadline: what = message_text("brief.event.rollback_deadline"); break;
      case Event::PointOfNoReturn: what = message_text("brief.event.point_of_no_return"); break;
      default: break;
    }
    t.rows.push_back({local(b, e.at), utc(e.at), what, e.owner});
  }
  return t;
}

std::string rollback_sentence(const Brief& b) {
  if (!b.rollback_timing) return "";
  const RollbackTiming& r = *b.rollback_timing;
  const std::string relation =
      r.margin > Duration::zero()    ? message("brief.rollback.before", fmt::arg("margin", say_duration(r.margin)))
      : r.margin == Duration::zero() ? message_text("brief.rollback.exactly_at")
                                     : message("brief.rollback.after", fmt::arg("margin", say_duration(-r.margin)));
  std::string sentence =
      message("brief.rollback.deadline", fmt::arg("latest", local(b, r.latest_start)),
              fmt::arg("latest_utc", utc(r.latest_start)), fmt::arg("duration", say_duration(r.duration)),
              fmt::arg("verification", say_duration(r.verification)), fmt::arg("from", r.from),
              fmt::arg("start", local(b, r.start)), fmt::arg("finish", local(b, r.finish)),
              fmt::arg("relation", relation));
  // The window's arithmetic alone would let a reader plan a rollback after the migration can
  // no longer be undone: the earlier of the two instants is the real deadline.
  if (b.point_of_no_return && *b.point_of_no_return < r.latest_start)
    sentence += message("brief.rollback.point_of_no_return_first", fmt::arg("at", local(b, *b.point_of_no_return)),
                        fmt::arg("at_utc", utc(*b.point_of_no_return)));
  return sentence;
}

Table coverage_table(const Brief& b) {
  Table t{header("coverage_head", {"band", "from", "to", "who"}), {}};
  for (const Band& band : b.bands) {
    struct Row {
      TimeInterval span;
      std::string who;
    };
    std::vector<Row> rows;
    for (const Segment& s : band.covered)
      rows.push_back({s.span, s.who.empty() ? message_text("brief.support") : s.who});
    for (const TimeInterval& g : band.gaps) rows.push_back({g, message_text("brief.gap")});
    std::stable_sort(rows.begin(), rows.end(),
                     [](const Row& x, const Row& y) { return x.span.start < y.span.start; });
    if (rows.empty()) t.rows.push_back({band.label, "", "", message_text("brief.none_in_period")});
    bool first = true;
    for (const Row& r : rows) {
      t.rows.push_back({first ? band.label : "", local(b, r.span.start), local(b, r.span.end), r.who});
      first = false;
    }
  }
  return t;
}

Table command_table(const Brief& b) {
  Table t{header("command_head", {"role", "name", "phone", "email"}), {}};
  for (const Person& p : b.command) t.rows.push_back({role_title(p.role), p.name, p.phone, p.email});
  return t;
}

Table escalation_table(const Brief& b) {
  Table t{header("escalation_head", {"when", "who", "phone"}), {}};
  for (const Person& p : b.escalation) t.rows.push_back({p.role, p.name, p.phone});
  return t;
}

Table departments_table(const Brief& b) {
  Table t{header("departments_head", {"department", "lead", "phone"}), {}};
  for (const auto& [name, p] : b.departments) t.rows.push_back({name, p.name, p.phone});
  return t;
}

Table regions_table(const Brief& b) {
  Table t{header("regions_head", {"region", "responsible", "phone", "local_at_start", "in_hours"}), {}};
  for (const RegionCall& r : b.regions) {
    std::string in = !r.in_hours  ? message_text("brief.in_hours.unknown")
                     : *r.in_hours ? message("brief.in_hours.inside", fmt::arg("hours", r.hours))
                                   : message("brief.in_hours.outside", fmt::arg("hours", r.hours));
    t.rows.push_back({r.code + (r.timezone.empty() ? "" : " " + r.timezone),
                      r.responsible ? r.responsible->name : message_text("brief.nobody"),
                      r.responsible ? r.responsible->phone : "", r.local_at_start, in});
  }
  return t;
}

Table vendors_table(const Brief& b) {
  Table t{header("vendors_head", {"vendor", "contract", "hours", "sla", "restore", "call"}), {}};
  for (const VendorDesk& v : b.vendors) {
    std::vector<std::string> sla, call;
    for (const auto& [level, d] : v.sla) sla.push_back(level + " " + d);
    for (const Person& p : v.contacts)
      call.push_back(p.role.empty() ? name_phone(p)
                                    : message("brief.vendor_contact", fmt::arg("contact", name_phone(p)),
                                              fmt::arg("role", p.role)));
    t.rows.push_back({v.name, v.contract, v.hours, list(sla), v.restore, clauses(call)});
  }
  return t;
}

Table comms_table(const Brief& b) {
  Table t{header("comms_head", {"what", "where"}), {}};
  if (!b.channel.empty()) t.rows.push_back({message_text("brief.comms.channel"), b.channel});
  if (!b.bridge.empty()) t.rows.push_back({message_text("brief.comms.bridge"), b.bridge});
  if (!b.status_page.empty()) t.rows.push_back({message_text("brief.comms.status_page"), b.status_page});
  return t;
}

Table checkpoints_table(const Brief& b) {
  Table t{header("checkpoints_head", {"local", "checkpoint", "owner", "criteria"}), {}};
  for (const Event& e : b.events)
    if (e.kind == Event::Checkpoint) t.rows.push_back({local(b, e.at), e.label, e.owner, clauses(e.criteria)});
  return t;
}

std::vector<std::pair<std::string, Table>> call_sections(const Brief& b) {
  std::vector<std::pair<std::string, Table>> out = {
      {message_text("brief.section.escalation"), escalation_table(b)},
      {message_text("brief.section.departments"), departments_table(b)},
      {message_text("brief.section.regions"), regions_table(b)},
      {message_text("brief.section.vendors"), vendors_table(b)},
      {message_text("brief.section.comms"), comms_table(b)}};
  std::erase_if(out, [](const auto& s) { return s.second.rows.empty(); });
  return out;
}

std::string rollback_owner_sentence(const Brief& b) {
  if (!b.rollback) return "";
  const RollbackCall& r = *b.rollback;
  std::string out = r.decision_owner
                        ? message("brief.rollback.owner", fmt::arg("who", name_phone(*r.decision_owner)))
                        : message_text("brief.rollback.no_owner");
  if (!r.strategy.empty()) out += message("brief.rollback.strategy", fmt::arg("strategy", say_value("rollback", r.strategy)));
  if (!r.runbook.empty()) out += message("brief.rollback.runbook", fmt::arg("runbook", r.runbook));
  return out;
}

}  // namespace golive::brief
