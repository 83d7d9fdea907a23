// The SARIF 2.1.0 report, for code-scanning consumers (GitHub code scanning, Azure DevOps,
// SARIF viewers): one run for the whole invocation, one rule per check that ran, one
// result per finding, located in the plan file. Checked in tests with Microsoft's
// `sarif-multitool validate` (schema and authoring rules).
//
// Status mapping: fail → kind `fail` at the level of the rule's severity in this run
// (gate → error, warn → warning, info → note); error (could not be evaluated) → kind
// `fail` at that level too, with `properties.status = "error"` (fail-closed, as the gate
// treats it); waived → kind `fail` with an accepted external suppression carrying the
// waiver; pass → `pass`; skip → `notApplicable` (level `none` for both, as SARIF requires).
//
// Passes and skips are left out unless asked for (--sarif-passes): GitHub code scanning
// does not document `kind` in the subset it reads, and a consumer that ignores it would
// turn every pass into an alert. The run's properties count what was left out.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>

#include "checks/engine/digest.h"
#include "checks/engine/i18n.h"
#include "checks/engine/ruleset.h"
#include "checks/engine/values.h"
#include "cli/report/report.h"
#include "cli/report/support.h"

namespace golive {
namespace {

using Json = nlohmann::ordered_json;

std::string text(std::string_view s) { return valid_utf8(redact(s)); }

std::string_view level_of(Severity s) {
  switch (s) {
    case Severity::Gate: return "error";
    case Severity::Warn: return "warning";
    case Severity::Info: return "note";
  }
  return "error";
}

// SARIF messages are sentences (authoring rule SARIF2001), ended in the language's own
// full stop: a Chinese text already ending in 。！？ gets no second one.
std::string sentence(std::string_view s) {
  std::string out = text(s);
  while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
  if (out.empty()) out = message_text("report.sarif.no_message");
  for (std::string_view end : {".", "!", "?", "\u3002", "\uff01", "\uff1f"})
    if (out.ends_with(end)) return out;
  return out + message_text("report.sarif.full_stop");
}

// `backup.fresh` → `BackupFresh`: SARIF rule names are identifiers.
std::string rule_name(std::string_view id) {
  std::string out;
  bool upper = true;
  for (char c : id) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!alnum) {
      upper = true;
      continue;
    }
    out += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return out;
}

// A plan path as a URI reference: relative paths stay relative to %SRCROOT% (the
// checkout), absolute ones become file:// URIs.
std::string uri_of(std::string_view path) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  while (path.starts_with("./")) path.remove_prefix(2);
  std::string out = path.starts_with("/") ? "file://" : "";
  for (unsigned char c : path) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                std::string_view("-._~/").find(static_cast<char>(c)) != std::string_view::npos;
    if (keep) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Json artifact_location(const std::string& file) {
  Json loc{{"uri", uri_of(text(file))}};
  if (!file.starts_with("/")) loc["uriBaseId"] = "%SRCROOT%";
  return loc;
}

Json evidence_json(const Evidence& evidence) {
  Json out = Json::object();
  for (const auto& [key, value] : evidence)
    std::visit(
        [&, &key = key](const auto& v) {
          using T = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<T, std::string>) {
            out[key] = text(v);
          } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            Json list = Json::array();
            for (const auto& item : v) list.push_back(text(item));
            out[key] = std::move(list);
          } else {
            out[key] = v;
          }
        },
        value.get());
  return out;
}

// Rules in check-id order, each once; the index of each id.
struct Rules {
  Json json = Json::array();
  std::map<std::string, int> index;
};

// Whether a finding becomes a result: what a reader must act on (fail, error, waived as
// suppressed), and passes and skips only when asked for.
bool listed(const Finding& f, const ReportOptions& options) {
  return options.sarif_passes || (f.status != Status::Pass && f.status != Status::Skip);
}

Rules rules_of(const RunResult& result, const ReportOptions& options) {
  std::map<std::string, const Finding*> first;
  for (const auto& p : result.plans)
    for (const Finding& f : p.findings)
      if (listed(f, options)) first.emplace(f.check, &f);
  Rules rules;
  for (const auto& [id, f] : first) {
    const CheckInfo* info = find_check(id);
    Json rule{{"id", text(id)}, {"name", rule_name(id)}};
    // Titles, reasons and fixes in the run's language (check_text()); an exec rule's own.
    std::string title = info && !info->title.empty() ? check_text(*info, "title") : id;
    rule["shortDescription"] = {{"text", sentence(title)}};
    rule["fullDescription"] = {{"text", sentence(info && !info->why.empty() ? check_text(*info, "why") : title)}};
    if (std::string fix = info ? (info->fix.empty() ? "" : check_text(*info, "fix")) : f->remediation; !fix.empty())
      rule["help"] = {{"text", sentence(fix)}};
    if (!options.docs_url.empty()) rule["helpUri"] = fmt::format("{}#{}", text(options.docs_url), text(id));
    Severity severity = info ? info->severity : f->severity;
    rule["defaultConfiguration"] = {{"level", level_of(severity)}};
    // Tags for filtering in code scanning: golive, the category, the default severity, and
    // `live` for checks that probe the running system. No `security` tag and no
    // security-severity: readiness findings are not vulnerabilities.
    Json tags = Json::array({"golive", text(f->category), std::string(to_string(severity))});
    if (info && info->live) tags.push_back("live");
    rule["properties"] = {{"category", text(f->category)}, {"tags", std::move(tags)}};
    rules.index[id] = static_cast<int>(rules.json.size());
    rules.json.push_back(std::move(rule));
  }
  return rules;
}

// Stable across runs: the same check, plan and subject give the same fingerprint,
// whatever the message (ages change every run) or the line (the plan is edited).
std::string fingerprint(const Plan& plan, const Finding& f) {
  return sha256_hex(fmt::format("{}\n{}\n{}", f.check, plan.plan.id.value_or(plan.file), f.subject));
}

Json result_json(const Plan& plan, const Finding& f, const Rules& rules) {
  Json r{{"ruleId", text(f.check)}, {"ruleIndex", rules.index.at(f.check)}};
  switch (f.status) {
    case Status::Pass:
      r["kind"] = "pass";
      r["level"] = "none";
      break;
    case Status::Skip:
      r["kind"] = "notApplicable";
      r["level"] = "none";
      break;
    case Status::Fail:
    case Status::Error:
    case Status::Waived:
      r["kind"] = "fail";
      r["level"] = level_of(f.severity);
      break;
  }
  r["message"] = {{"text", sentence(f.message)}};
  // Findings about a waiver point into the waiver file, not the plan.
  const std::string& file = f.location.known() && !f.location.file.empty() ? f.location.file : plan.file;
  Json location{{"physicalLocation", {{"artifactLocation", artifact_location(file)}}}};
  if (f.location.known()) {
    Json region{{"startLine", f.location.line}};
    if (f.location.column > 0) region["startColumn"] = f.location.column;
    location["physicalLocation"]["region"] = std::move(region);
  } else {
    // A finding about the plan as a whole (an exec rule's verdict): the whole file.
    int lines = static_cast<int>(std::count(plan.source_text.begin(), plan.source_text.end(), '\n'));
    if (!plan.source_text.empty() && plan.source_text.back() != '\n') ++lines;
    location["physicalLocation"]["region"] = {{"startLine", 1}, {"endLine", std::max(lines, 1)}};
  }
  location["logicalLocations"] = Json::array({{{"name", text(f.subject)}, {"kind", "object"}}});
  r["locations"] = Json::array({std::move(location)});
  r["partialFingerprints"] = {{"goliveFinding/v1", fingerprint(plan, f)}};
  if (f.waiver) {
    Json s{{"kind", "external"},
           {"status", "accepted"},
           {"justification", text(f.waiver->reason)},
           {"properties",
            {{"approved_by", text(f.waiver->approved_by)},
             {"ticket", text(f.waiver->ticket)},
             {"expires", format_instant(f.waiver->expires)}}}};
    if (f.waiver->loc.known()) {
      s["location"] = {{"physicalLocation",
                        {{"artifactLocation", artifact_location(f.waiver->loc.file)},
                         {"region", {{"startLine", f.waiver->loc.line}}}}}};
    }
    r["suppressions"] = Json::array({std::move(s)});
  }
  Json props{{"status", to_string(f.status)},
             {"severity", to_string(f.severity)},
             {"blocking", f.blocking},
             {"category", text(f.category)},
             {"subject", text(f.subject)},
             {"plan", text(plan.plan.id.value_or(""))}};
  if (!f.evidence.empty()) props["evidence"] = evidence_json(f.evidence);
  if (std::string fix = remediation_of(f);
      !fix.empty() && f.status != Status::Pass && f.status != Status::Skip)
    props["remediation"] = text(fix);
  if (f.expires_at) props["expires_at"] = format_instant(*f.expires_at);
  r["properties"] = std::move(props);
  return r;
}

// The run's record (what was not checked or relaxed, every setting with its origin, until
// when the verdict holds) as invocation properties, and the input diagnostics as
// toolExecutionNotifications (SARIF 2.1.0 §3.20.21).
void add_record(Json& invocation, const RunResult& result) {
  Json& props = invocation["properties"];
  props["probes_not_made"] = result.probes_not_made;
  Json record = Json::array();
  for (const RecordLine& line : run_record(result))
    record.push_back({{"label", line.label}, {"value", text(line.value)}});
  props["record"] = std::move(record);
  Json settings = Json::array();
  for (const SettingRecord& s : result.settings.settings)
    settings.push_back({{"name", s.name}, {"value", text(s.value)}, {"origin", text(s.origin)}});
  props["settings"] = std::move(settings);
  Json until = nullptr;
  for (const PlanResult& p : result.plans)
    if (p.valid_until && result.valid_until && p.valid_until->at == result.valid_until->at) {
      until = {{"at", format_instant(p.valid_until->at)},
               {"check", p.valid_until->check},
               {"subject", text(p.valid_until->subject)},
               {"plan", text(p.plan->plan.id.value_or(""))}};
      break;
    }
  props["valid_until"] = std::move(until);
  Json notes = Json::array();
  for (const InputDiagnostic& d : result.diagnostics) {
    Json n{{"level", d.severity == "error" ? "error" : "warning"}, {"message", {{"text", sentence(d.message)}}}};
    if (d.loc.known()) {
      Json region{{"startLine", d.loc.line}};
      if (d.loc.column > 0) region["startColumn"] = d.loc.column;
      n["locations"] = Json::array(
          {{{"physicalLocation", {{"artifactLocation", artifact_location(d.loc.file)}, {"region", std::move(region)}}}}});
    } else if (!d.loc.file.empty()) {
      // About a whole file (one a directory search did not check): the file, no region.
      n["locations"] = Json::array({{{"physicalLocation", {{"artifactLocation", artifact_location(d.loc.file)}}}}});
    }
    notes.push_back(std::move(n));
  }
  if (!notes.empty()) invocation["toolExecutionNotifications"] = std::move(notes);
}

void write_sarif(const RunResult& result, std::ostream& out, const ReportOptions& options) {
  Rules rules = rules_of(result, options);
  int omitted_passes = 0, omitted_skips = 0;
  Json artifacts = Json::array();
  Json results = Json::array();
  Json plans = Json::array();
  std::string ids;
  for (const auto& p : result.plans) {
    const Plan& plan = *p.plan;
    artifacts.push_back({{"location", artifact_location(plan.file)},
                         {"roles", Json::array({"analysisTarget"})},
                         {"mimeType", "application/yaml"},
                         {"hashes", {{"sha-256", plan.sha256}}}});
    for (const Finding& f : p.findings) {
      if (listed(f, options)) results.push_back(result_json(plan, f, rules));
      else ++(f.status == Status::Pass ? omitted_passes : omitted_skips);
    }
    Json rulesets = Json::array();
    for (const AppliedRuleset& r : p.rulesets)
      rulesets.push_back({{"name", text(r.name)},
                          {"version", text(r.version)},
                          {"sha256", r.sha256},
                          {"reason", text(r.reason)}});
    plans.push_back({{"file", text(plan.file)},
                     {"id", text(plan.plan.id.value_or(""))},
                     {"verdict", to_string(p.verdict)},
                     {"score", p.summary.score},
                     {"as_of", format_instant(plan_as_of(result, p))},
                     {"rulesets", std::move(rulesets)}});
    if (!ids.empty()) ids += '+';
    ids += text(plan.plan.id.value_or("plan"));
  }
  Json driver{{"name", "golive"},
              {"fullName", message("report.sarif.full_name", fmt::arg("version", result.tool_version))},
              {"version", result.tool_version},
              {"semanticVersion", result.tool_version},
              {"rules", std::move(rules.json)}};
  Json invocation{{"executionSuccessful", true},
                  {"exitCode", result.exit_code},
                  {"endTimeUtc", format_instant(result.generated_at)},
                  {"properties",
                   {{"as_of", format_instant(result.as_of)},
                    {"as_of_mode", result.as_of_mode},
                    {"offline", result.offline},
                    {"fail_on", result.fail_on_warn ? "warn" : "gate"}}}};
  add_record(invocation, result);
  Json run{{"tool", {{"driver", std::move(driver)}}},
           {"invocations", Json::array({std::move(invocation)})},
           {"automationDetails",
            {{"description", {{"text", message_text("report.sarif.description")}}},
             {"id", fmt::format("golive/{}/{}", ids, format_instant(result.generated_at))}}},
           {"artifacts", std::move(artifacts)},
           {"results", std::move(results)},
           {"columnKind", "unicodeCodePoints"},
           {"properties",
            {{"verdict", to_string(result.verdict)},
             {"score", result.summary.score},
             {"passes_listed", options.sarif_passes},
             {"omitted", {{"pass", omitted_passes}, {"skip", omitted_skips}}},
             {"plans", std::move(plans)}}}};
  Json doc{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
           {"version", "2.1.0"},
           {"runs", Json::array({std::move(run)})}};
  out << json_text(doc) << '\n';
}

}  // namespace

GOLIVE_REGISTER_REPORT(sarif, "SARIF 2.1.0 for code scanning, located in the plan files", write_sarif);

}  // namespace golive
