#include "checks/engine/check.h"
#include "checks/engine/i18n.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "checks/engine/i18n.h"

namespace golive {

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::Gate: return "gate";
    case Severity::Warn: return "warn";
    case Severity::Info: return "info";
  }
  return "gate";
}

std::string_view to_string(Status s) {
  switch (s) {
    case Status::Pass: return "pass";
    case Status::Fail: return "fail";
    case Status::Error: return "error";
    case Status::Skip: return "skip";
    case Status::Waived: return "waived";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "gate") return Severity::Gate;
  if (s == "warn") return Severity::Warn;
  if (s == "info") return Severity::Info;
  return std::nullopt;
}

// ---- Params ---------------------------------------------------------------------------

const ParamValue* Params::find(std::string_view name, std::string kind, std::string def) const {
  auto seen = std::find_if(requested_.begin(), requested_.end(),
                           [&](const ParamDoc& d) { return d.name == name; });
  if (seen == requested_.end()) requested_.push_back({std::string(name), std::move(kind), std::move(def)});
  for (const auto& [k, v] : values_)
    if (k == name) return &v;
  return nullptr;
}

namespace {
// `expected` names a key of the catalogue's errors.expected ("duration").
const std::string& scalar_param(std::string_view name, const ParamValue& v, const char* expected) {
  if (v.is_list || v.items.size() != 1)
    throw InputError(v.loc, message("errors.yaml.expected.at", fmt::arg("path", fmt::format("params.{}", name)),
                                    fmt::arg("expected", message_text(std::string("errors.expected.") + expected)),
                                    fmt::arg("got", message_text("errors.node.list"))));
  return v.items[0];
}
// "params.max_age: '1 hour' is not a duration …", from the same texts as the plan's.
InputError param_error(const char* key, const ParamValue& v, std::string_view name, const std::string& value) {
  return InputError(v.loc, message(key, fmt::arg("path", fmt::format("params.{}", name)), fmt::arg("value", value)));
}
std::string join(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const auto& i : items) out += (out.size() > 1 ? ", " : "") + i;
  return out + "]";
}
}  // namespace

Duration Params::duration(std::string_view name, Duration def) const {
  const ParamValue* v = find(name, "duration", format_duration(def));
  if (!v) return def;
  const auto& s = scalar_param(name, *v, "duration");
  if (auto d = parse_duration(s)) return *d;
  throw param_error("errors.yaml.not_duration", *v, name, s);
}

double Params::number(std::string_view name, double def) const {
  const ParamValue* v = find(name, "number", fmt::format("{}", def));
  if (!v) return def;
  const auto& s = scalar_param(name, *v, "number");
  double d = 0;
  auto res = std::from_chars(s.data(), s.data() + s.size(), d);
  if (res.ec != std::errc() || res.ptr != s.data() + s.size() || !std::isfinite(d))
    throw param_error("errors.yaml.not_number", *v, name, s);
  return d;
}

int64_t Params::integer(std::string_view name, int64_t def) const {
  const ParamValue* v = find(name, "integer", std::to_string(def));
  if (!v) return def;
  const auto& s = scalar_param(name, *v, "whole_number");
  int64_t i = 0;
  auto res = std::from_chars(s.data(), s.data() + s.size(), i);
  if (res.ec != std::errc() || res.ptr != s.data() + s.size())
    throw param_error("errors.yaml.not_whole_number", *v, name, s);
  return i;
}

std::string Params::text(std::string_view name, std::string def) const {
  const ParamValue* v = find(name, "text", def);
  if (!v) return def;
  return scalar_param(name, *v, "string");
}

std::vector<std::string> Params::list(std::string_view name, std::vector<std::string> def) const {
  const ParamValue* v = find(name, "list", join(def));
  if (!v) return def;
  return v->items;
}

HoursRange Params::hours(std::string_view name, HoursRange def) const {
  const ParamValue* v = find(name, "hours", format_hours(def));
  if (!v) return def;
  const auto& s = scalar_param(name, *v, "hours");
  if (auto h = parse_hours(s)) return *h;
  throw param_error("errors.yaml.not_hours", *v, name, s);
}

// ---- Context --------------------------------------------------------------------------

Finding& Context::add(Status status, std::string subject, SourceLoc loc, std::string message) {
  Finding& f = findings_.emplace_back();
  f.status = status;
  f.subject = std::move(subject);
  f.location = std::move(loc);
  f.message = std::move(message);
  return f;
}

void Context::probe(HttpRequest request, ProbeCallback done) {
  if (offline_) return;
  // Wrapped so that a throwing callback is reported as this check's error, like a
  // throwing run().
  probes_.push_back({std::move(request), [this, done = std::move(done)](const HttpResponse& r) {
                       size_t before = findings_.size();
                       try {
                         done(r);
                       } catch (const std::exception& e) {
                         add(Status::Error, "plan", plan_.loc,
                             message("findings.engine.probe.callback_failed", fmt::arg("why", e.what())));
                       }
                       // A missing network module is golive's own installation problem:
                       // the check's advice about DNS, proxies or credentials would mislead.
                       if (r.error == ProbeError::Module)
                         for (size_t i = before; i < findings_.size(); ++i)
                           findings_[i].remediation = message("fixes.engine.probe.install_module");
                     }});
}

std::vector<PendingProbe> Context::take_probes() {
  std::vector<PendingProbe> out = std::move(probes_);
  probes_.clear();
  return out;
}

std::vector<Finding> Context::take() {
  std::vector<Finding> out(std::make_move_iterator(findings_.begin()),
                           std::make_move_iterator(findings_.end()));
  findings_.clear();
  return out;
}

std::string subject_of(std::string_view list, const Text& id, size_t index) {
  if (id) return fmt::format("{}[{}]", list, *id);
  return fmt::format("{}[{}]", list, index);
}

bool critical_tag_without_tier1(const Plan& plan, Context& ctx) {
  if (!plan.tagged("critical") || plan.has_tier1_system()) return false;
  ctx.add(Status::Fail, "systems", plan.tag_loc("critical"), message("findings.critical.no_tier1"))
      .remediation = message("fixes.critical.no_tier1");
  return true;
}

// ---- Registry -------------------------------------------------------------------------

namespace {
// Function-local static: registration runs during static initialisation of other files.
std::map<std::string, CheckInfo, std::less<>>& registry() {
  static std::map<std::string, CheckInfo, std::less<>> r;
  return r;
}

std::vector<RegistrationConflict>& conflicts() {
  static std::vector<RegistrationConflict> c;
  return c;
}
}  // namespace

bool register_check(CheckInfo info) {
  auto dot = info.id.find('.');
  info.category = dot == std::string::npos ? info.id : info.id.substr(0, dot);
  std::string id = info.id;
  std::string file = info.source_file;
  auto [it, inserted] = registry().emplace(std::move(id), std::move(info));
  if (!inserted) conflicts().push_back({it->first, it->second.source_file, std::move(file)});
  return inserted;
}

const std::vector<RegistrationConflict>& registration_conflicts() { return conflicts(); }

std::vector<const CheckInfo*> all_checks() {
  std::vector<const CheckInfo*> out;
  for (const auto& [id, info] : registry()) out.push_back(&info);
  return out;
}

std::vector<std::string> all_check_ids() {
  std::vector<std::string> ids;
  for (const auto& [id, info] : registry()) ids.push_back(id);
  return ids;
}

const CheckInfo* find_check(std::string_view id) {
  auto it = registry().find(id);
  return it == registry().end() ? nullptr : &it->second;
}

}  // namespace golive
