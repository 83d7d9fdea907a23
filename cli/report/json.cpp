// The JSON report (SPEC §6). Credentials are redacted like in every format. Field order follows the SPEC; fields may be added, never
// renamed. Deterministic for the same input and as-of instant, except `generated_at`.
#include <algorithm>
#include <stdexcept>
#include <string_view>

#include <nlohmann/json.hpp>

#include "checks/engine/values.h"
#include "cli/report/report.h"
#include "cli/report/support.h"

namespace golive {
namespace {

using Json = nlohmann::ordered_json;

Json summary_json(const Summary& s) {
  return Json{{"rules", s.rules},     {"passed", s.passed},   {"failed", s.failed},
              {"warnings", s.warnings}, {"info", s.info},     {"errors", s.errors},
              {"skipped", s.skipped}, {"waived", s.waived},   {"score", s.score}};
}

Json location_json(const SourceLoc& loc) {
  if (!loc.known()) return nullptr;
  return Json{{"file", loc.file}, {"line", loc.line}, {"column", loc.column}};
}

Json evidence_json(const Evidence& evidence) {
  Json out = Json::object();
  for (const auto& [key, value] : evidence)
    std::visit(
        [&, &key = key](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::string>) {
            out[key] = redact(v);
          } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            auto& list = out[key] = Json::array();
            for (const auto& item : v) list.push_back(redact(item));
          } else {
            out[key] = v;
          }
        },
        value.get());
  return out;
}

Json waiver_json(const std::optional<AppliedWaiver>& w) {
  if (!w) return nullptr;
  return Json{{"reason", redact(w->reason)},
              {"approved_by", w->approved_by},
              {"ticket", w->ticket.empty() ? Json(nullptr) : Json(w->ticket)},
              {"expires", format_instant(w->expires)},
              {"location", location_json(w->loc)}};
}

Json finding_json(const Finding& f) {
  return Json{{"check", f.check},
              {"category", f.category},
              {"severity", to_string(f.severity)},
              {"status", to_string(f.status)},
              {"blocking", f.blocking},
              {"subject", redact(f.subject)},
              {"message", redact(f.message)},
              {"location", location_json(f.location)},
              {"evidence", evidence_json(f.evidence)},
              {"remediation", redact(remediation_of(f))},
              {"expires_at", f.expires_at ? Json(format_instant(*f.expires_at)) : Json(nullptr)},
              {"waiver", waiver_json(f.waiver)}};
}

Json until_json(const std::optional<ValidUntil>& v, const std::string& plan = "") {
  if (!v) return nullptr;
  Json out{{"at", format_instant(v->at)}, {"check", v->check}, {"subject", redact(v->subject)}};
  if (!plan.empty()) out["plan"] = plan;
  return out;
}

// What narrowed or relaxed the run, so that a consumer never mistakes it for a full run.
Json settings_json(const RunResult& r) {
  Json waivers = Json::array();
  for (const WaiverFileRecord& w : r.settings.waiver_files)
    waivers.push_back(Json{{"file", w.path}, {"sha256", w.sha256}, {"waivers", w.waivers}});
  Json changes = Json::array();
  for (const PlanResult& p : r.plans)
    for (const RuleChange& c : p.rule_changes)
      changes.push_back(Json{{"plan", p.plan->plan.id.value_or("")},
                             {"check", c.check},
                             {"change", c.change},
                             {"location", location_json(c.loc)}});
  Json options = Json::array();
  for (const SettingRecord& s : r.settings.settings)
    options.push_back(Json{{"name", s.name}, {"value", redact(s.value)}, {"origin", s.origin}});
  return Json{{"only", r.settings.only},
              {"skip", r.settings.skip},
              {"offline", r.offline},
              {"probes_not_made", r.probes_not_made},
              {"fail_on", r.fail_on_warn ? "warn" : "gate"},
              {"waivers_off", r.settings.waivers_off},
              {"waiver_files", std::move(waivers)},
              {"rule_changes", std::move(changes)},
              {"options", std::move(options)}};
}

// A diagnostic about a whole file (a YAML file a directory search did not check) names the
// file, with no line or column: `null` would leave the reader guessing which file.
Json diagnostic_location_json(const SourceLoc& loc) {
  if (loc.known() || loc.file.empty()) return location_json(loc);
  return Json{{"file", loc.file}, {"line", nullptr}, {"column", nullptr}};
}

Json diagnostics_json(const RunResult& r) {
  Json out = Json::array();
  for (const InputDiagnostic& d : r.diagnostics)
    out.push_back(Json{{"location", diagnostic_location_json(d.loc)}, {"severity", d.severity}, {"message", redact(d.message)}});
  return out;
}

Json window_json(const RunResult& result, const PlanResult& p) {
  const auto& start = p.plan->go_live.window_start;
  if (!start) return nullptr;
  Json expiring = Json::array();
  for (const ValidUntil& v : p.expiring_before_window) expiring.push_back(until_json(v));
  return Json{{"start", format_instant(*start)},
              {"holds", breaks_before_window(p, plan_as_of(result, p)).empty()},
              {"expiring_before", std::move(expiring)}};
}

// The id of the plan whose evidence bounds the whole run's verdict.
std::string valid_until_plan(const RunResult& r) {
  for (const PlanResult& p : r.plans)
    if (p.valid_until && r.valid_until && p.valid_until->at == r.valid_until->at)
      return p.plan->plan.id.value_or(p.plan->file);
  return "";
}

Json plan_json(const RunResult& result, const PlanResult& p) {
  Json rulesets = Json::array();
  for (const auto& r : p.rulesets)
    rulesets.push_back(Json{{"name", r.name},
                            {"version", r.version},
                            {"sha256", r.sha256},
                            {"reason", r.reason},
                            {"source", r.source}});
  Json findings = Json::array();
  for (const auto& f : p.findings) findings.push_back(finding_json(f));
  return Json{{"file", p.plan->file},
              {"sha256", p.plan->sha256},
              {"id", p.plan->plan.id.value_or("")},
              {"name", p.plan->plan.name.value_or("")},
              {"verdict", to_string(p.verdict)},
              {"as_of", format_instant(plan_as_of(result, p))},
              {"summary", summary_json(p.summary)},
              {"valid_until", until_json(p.valid_until)},
              {"window", window_json(result, p)},
              {"probes_not_made", p.probes_not_made},
              {"rulesets", std::move(rulesets)},
              {"findings", std::move(findings)}};
}

// One line per plan, in the order of the run: what a portfolio dashboard lists. Only for
// runs of several plans; the same facts are in `plans`, in detail.
Json portfolio_json(const RunResult& result) {
  Json rows = Json::array();
  for (const auto& p : result.plans)
    rows.push_back({{"file", p.plan->file},
                    {"id", p.plan->plan.id ? Json(*p.plan->plan.id) : Json()},
                    {"verdict", to_string(p.verdict)},
                    {"score", p.summary.score},
                    {"blocking", std::count_if(p.findings.begin(), p.findings.end(),
                                               [](const Finding& f) { return f.blocking; })},
                    {"warnings", p.summary.warnings}});
  return rows;
}

// The document is written a plan at a time: a portfolio's report is tens of megabytes, and
// its tree, copied for redaction and dumped whole, took four times the memory and twice the
// time of checking the plans. The bytes are those of dumping the whole tree (json_text()
// with an indent of 2): each plan is dumped alone and indented to its depth in `plans`.
void write_json(const RunResult& result, std::ostream& out, const ReportOptions& options) {
  Json doc{{"tool", {{"name", "golive"}, {"version", result.tool_version}}},
           {"generated_at", format_instant(result.generated_at)},
           {"lang", options.lang},
           {"as_of", format_instant(result.as_of)},
           {"as_of_mode", result.as_of_mode},
           {"offline", result.offline},
           {"fail_on", result.fail_on_warn ? "warn" : "gate"},
           {"verdict", to_string(result.verdict)},
           {"exit_code", result.exit_code},
           {"summary", summary_json(result.summary)},
           {"settings", settings_json(result)},
           {"diagnostics", diagnostics_json(result)},
           {"valid_until", until_json(result.valid_until, valid_until_plan(result))},
           {"plans", Json::array()}};
  if (result.plans.size() > 1) doc["portfolio"] = portfolio_json(result);
  // Redacted, valid UTF-8, hostile characters as \u escapes (json_text()).
  const std::string outline = json_text(doc);
  // A line break outside a string is the dump's own (one inside is escaped), so the key at
  // the top level's indent is the only match.
  constexpr std::string_view kPlans = "\n  \"plans\": []";
  if (result.plans.empty()) {
    out << outline << '\n';
    return;
  }
  const size_t at = outline.find(kPlans);
  // Never a report without its plans: an internal error (exit 3) instead.
  if (at == std::string::npos) throw std::logic_error("report.json: no top-level plans key in the outline");
  out << std::string_view(outline).substr(0, at + kPlans.size() - 1) << '\n';
  for (size_t i = 0; i < result.plans.size(); ++i) {
    const std::string plan = json_text(plan_json(result, result.plans[i]));
    const std::string_view text(plan);
    out << "    ";
    size_t from = 0;
    for (size_t nl; (nl = text.find('\n', from)) != std::string_view::npos; from = nl + 1)
      out << text.substr(from, nl + 1 - from) << "    ";
    out << text.substr(from);
    out << (i + 1 < result.plans.size() ? ",\n" : "\n  ]");
  }
  out << std::string_view(outline).substr(at + kPlans.size()) << '\n';
}

}  // namespace

GOLIVE_REGISTER_REPORT(json, "Machine-readable result (SPEC §6 shape)", write_json);

}  // namespace golive
