// The JSON report (SPEC §6). Credentials are redacted like in every format. Field order follows the SPEC; fields may be added, never
// renamed. Deterministic for the same input and as-of instant, except `generated_at`.
#include <nlohmann/json.hpp>

#include "checks/engine/values.h"
#include "cli/report/report.h"
#include "cli/report/support.h"

namespace golive {
namespace {

using Json = nlohmann::ordered_json;

Json summary_json(const Summary& s) {
  return Json{{"rules", s.rules},     {"passed", s.passed},   {"failed", s.failed},
              {"warnings", s.warnings}, {"errors", s.errors}, {"skipped", s.skipped},
              {"waived", s.waived},   {"score", s.score}};
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
              {"rulesets", std::move(rulesets)},
              {"findings", std::move(findings)}};
}

void write_json(const RunResult& result, std::ostream& out, const ReportOptions&) {
  Json plans = Json::array();
  for (const auto& p : result.plans) plans.push_back(plan_json(result, p));
  Json doc{{"tool", {{"name", "golive"}, {"version", result.tool_version}}},
           {"generated_at", format_instant(result.generated_at)},
           {"as_of", format_instant(result.as_of)},
           {"as_of_mode", result.as_of_mode},
           {"offline", result.offline},
           {"fail_on", result.fail_on_warn ? "warn" : "gate"},
           {"verdict", to_string(result.verdict)},
           {"exit_code", result.exit_code},
           {"summary", summary_json(result.summary)},
           {"plans", std::move(plans)}};
  // Plans are valid UTF-8, but probe messages may quote bytes that are not.
  out << doc.dump(2, ' ', false, Json::error_handler_t::replace) << '\n';
}

}  // namespace

GOLIVE_REGISTER_REPORT(json, "Machine-readable result (SPEC §6 shape)", write_json);

}  // namespace golive
