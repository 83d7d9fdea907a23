#include "cli/report/support.h"

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "checks/engine/i18n.h"
#include "checks/engine/probe.h"
#include "checks/engine/values.h"
#include "cli/report/report.h"

namespace golive {


std::string terminal_text(std::string_view text) {
  std::string out = make_visible(redact(text), "\t\n\r");
  std::string flat;
  flat.reserve(out.size());
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '\r' && i + 1 < out.size() && out[i + 1] == '\n') continue;
    flat += (out[i] == '\t' || out[i] == '\n' || out[i] == '\r') ? ' ' : out[i];
  }
  return flat;
}

std::string xml_escape(std::string_view text, bool attribute) {
  std::string out;
  const std::string clean = make_visible(redact(text), "\t\n\r");
  out.reserve(clean.size() + 16);
  for (char c : clean) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\r': out += "&#13;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string markdown_cell(std::string_view text) {
  std::string out;
  const std::string clean = make_visible(redact(text), "\t\n\r");
  for (size_t i = 0; i < clean.size(); ++i) {
    char c = clean[i];
    switch (c) {
      case '|': out += "\\|"; break;
      case '\\':
        // A visible escape (`\x1B`) stays one backslash, so it reads the same in every format.
        out += (i + 1 < clean.size() && (clean[i + 1] == 'x' || clean[i + 1] == 'u' || clean[i + 1] == 'U'))
                   ? "\\"
                   : "\\\\";
        break;
      case '`': out += "\\`"; break;
      case '*': out += "\\*"; break;
      case '[': out += "\\["; break;
      case ']': out += "\\]"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '\r':
        if (i + 1 < clean.size() && clean[i + 1] == '\n') break;
        out += "<br>";
        break;
      case '\n': out += "<br>"; break;
      case '\t': out += ' '; break;
      default: out += c;
    }
  }
  return out;
}

std::string github_message(std::string_view text) {
  std::string out;
  for (char c : make_visible(redact(text), "\r\n")) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

std::string github_property(std::string_view text) {
  std::string out;
  for (char c : github_message(text)) {
    switch (c) {
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

void redact_strings(nlohmann::ordered_json& j) {
  if (j.is_string()) {
    j = redact(j.get_ref<const std::string&>());
  } else if (j.is_structured()) {
    for (auto& item : j) redact_strings(item);
  }
}

}  // namespace

std::string json_text(const nlohmann::ordered_json& doc) {
  nlohmann::ordered_json copy = doc;
  redact_strings(copy);
  // The dump escapes C0 controls, quotes and backslashes itself; hostile characters outside
  // ASCII can only be inside strings, where a \u escape means the same character.
  const std::string dumped = copy.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::string out;
  out.reserve(dumped.size());
  each_char(dumped, [&](int32_t cp, std::string_view bytes) {
    auto c = static_cast<char32_t>(cp);
    if (c >= 0x7f && hostile_char(c)) {
      if (c < 0x10000) {
        out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
      } else {  // a surrogate pair, as JSON spells characters beyond the BMP
        unsigned v = static_cast<unsigned>(c) - 0x10000;
        out += fmt::format("\\u{:04x}\\u{:04x}", 0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
      }
    } else {
      out.append(bytes);
    }
  });
  return out;
}

Standing standing_of(const Finding& f) {
  if (f.blocking) return Standing::Blocking;
  switch (f.status) {
    case Status::Fail:
    case Status::Error: return f.severity == Severity::Info ? Standing::Notice : Standing::Warning;
    case Status::Waived: return Standing::Waived;
    case Status::Skip: return Standing::Skipped;
    case Status::Pass: return Standing::Passed;
  }
  return Standing::Passed;
}

StandingCounts count_standings(const PlanResult& p) {
  StandingCounts c;
  for (const Finding& f : p.findings) {
    switch (standing_of(f)) {
      case Standing::Blocking: ++c.blocking; break;
      case Standing::Warning: ++c.warnings; break;
      case Standing::Notice: ++c.notices; break;
      case Standing::Waived: ++c.waived; break;
      case Standing::Skipped: ++c.skipped; break;
      case Standing::Passed: ++c.passed; break;
    }
  }
  return c;
}

StandingCounts count_standings(const RunResult& result) {
  StandingCounts all;
  for (const PlanResult& p : result.plans) {
    const StandingCounts c = count_standings(p);
    all.blocking += c.blocking;
    all.warnings += c.warnings;
    all.notices += c.notices;
    all.waived += c.waived;
    all.skipped += c.skipped;
    all.passed += c.passed;
  }
  return all;
}

bool fails_run(const Finding& f, const RunResult& result) {
  Standing s = standing_of(f);
  // A notice (info rule) never fails the run, not even with --fail-on warn.
  return s == Standing::Blocking || (result.fail_on_warn && s == Standing::Warning);
}

std::string plural(int n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string counted(int n, std::string_view noun) {
  return message(fmt::format("report.count.{}.{}", noun, n == 1 ? "one" : "many"), fmt::arg("n", n));
}

std::string counts_text(const RunResult& result) {
  const StandingCounts c = count_standings(result);
  return message("report.counts", fmt::arg("blocking", c.blocking), fmt::arg("warnings", counted(c.warnings, "warnings")),
                 fmt::arg("info", c.notices), fmt::arg("errors", counted(result.summary.errors, "errors")),
                 fmt::arg("waived", c.waived), fmt::arg("skipped", c.skipped), fmt::arg("passed", c.passed));
}

std::string verdict_title(Verdict v) {
  switch (v) {
    case Verdict::Ready: return message_text("report.verdict.ready");
    case Verdict::ReadyWithWarnings: return message_text("report.verdict.ready_with_warnings");
    case Verdict::NotReady: break;
  }
  return message_text("report.verdict.not_ready");
}

bool warnings_fail(const RunResult& result, Verdict v) {
  return result.fail_on_warn && v == Verdict::ReadyWithWarnings;
}

bool verdict_fails(const RunResult& result, Verdict v) {
  return v == Verdict::NotReady || warnings_fail(result, v);
}

std::string headline_verdict(const RunResult& result, Verdict v) {
  if (!warnings_fail(result, v)) return verdict_title(v);
  return message("report.verdict.fails_on_warn", fmt::arg("verdict", verdict_title(v)));
}

std::string check_title(const Finding& f) {
  const CheckInfo* info = find_check(f.check);
  return info && !info->title.empty() ? check_text(*info, "title") : f.check;
}

std::string file_line(const SourceLoc& loc) {
  if (loc.file.empty()) return "";
  if (!loc.known()) return loc.file;
  return fmt::format("{}:{}", loc.file, loc.line);
}

std::string evidence_text(const EvidenceValue& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          return v;
        } else if constexpr (std::is_same_v<T, bool>) {
          return v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          return fmt::format("{}", fmt::join(v, ", "));
        } else {
          return fmt::format("{}", v);
        }
      },
      value.get());
}

std::vector<CategoryCount> count_by_category(const std::vector<Finding>& findings) {
  std::vector<CategoryCount> out;
  for (const Finding& f : findings) {
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const CategoryCount& c) { return c.category == f.category; });
    if (it == out.end()) {
      out.push_back(CategoryCount{f.category});
      it = out.end() - 1;
    }
    if (f.status == Status::Error) {
      ++it->errors;
      continue;
    }
    switch (standing_of(f)) {
      case Standing::Blocking: ++it->failed; break;
      case Standing::Warning:
      case Standing::Notice: ++it->warnings; break;
      case Standing::Waived: ++it->waived; break;
      case Standing::Skipped: ++it->skipped; break;
      case Standing::Passed: ++it->passed; break;
    }
  }
  return out;
}

std::string_view language_fonts(std::string_view lang) {
  if (lang == "zh-CN") return R"("Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif)";
  return "";
}

std::string language_font_rule(std::string_view lang) {
  const std::string_view fonts = language_fonts(lang);
  return fonts.empty() ? std::string() : fmt::format(":root {{ --sans: {}; }}\n", fonts);
}

std::string plan_title(const Plan& plan) {
  const std::string id = plan.plan.id.value_or("");
  const std::string name = plan.plan.name.value_or("");
  if (!name.empty() && !id.empty()) return message("report.plan_name_id", fmt::arg("name", name), fmt::arg("id", id));
  if (!name.empty()) return name;
  if (!id.empty()) return id;
  return plan.file;
}

namespace {

const SettingRecord* setting(const RunResult& r, std::string_view name) {
  for (const SettingRecord& s : r.settings.settings)
    if (s.name == name) return &s;
  return nullptr;
}

// Where a setting came from, for the record: `--skip`, `GOLIVE_SKIP`, `.golive.yaml:3:7`,
// or "default" in the current language.
std::string origin_of(const RunResult& r, std::string_view name) {
  const SettingRecord* s = setting(r, name);
  return s && s->origin != "default" ? s->origin : message_text("report.record.default");
}

}  // namespace

std::vector<RecordLine> run_record(const RunResult& r) {
  std::vector<RecordLine> out;
  auto listed = [&](const std::vector<std::string>& items, std::string_view name) {
    return message("report.record.listed", fmt::arg("items", fmt::format("{}", fmt::join(items, ", "))),
                   fmt::arg("origin", origin_of(r, name)));
  };
  out.push_back({"offline", r.offline ? message("report.record.offline_yes", fmt::arg("origin", origin_of(r, "offline")),
                                                fmt::arg("probes", counted(r.probes_not_made, "live_probes")))
                                      : message_text("report.record.offline_no")});
  out.push_back({"only", r.settings.only.empty() ? message_text("report.record.all_checks") : listed(r.settings.only, "only")});
  out.push_back({"skip", r.settings.skip.empty() ? message_text("report.record.none") : listed(r.settings.skip, "skip")});
  // `gate` and `warn` are the option's own values, the same in every language.
  out.push_back({"fail-on", message("report.record.listed", fmt::arg("items", r.fail_on_warn ? "warn" : "gate"),
                                    fmt::arg("origin", origin_of(r, "fail-on")))});
  if (r.settings.waivers_off) {
    out.push_back({"waivers", message("report.record.waivers_off", fmt::arg("origin", origin_of(r, "no-waivers")))});
  } else if (r.settings.waiver_files.empty()) {
    out.push_back({"waivers", message_text("report.record.none")});
  } else {
    for (const WaiverFileRecord& w : r.settings.waiver_files)
      out.push_back({"waivers", message("report.record.waiver_file", fmt::arg("path", w.path),
                                        fmt::arg("waivers", counted(w.waivers, "waivers")),
                                        fmt::arg("sha256", w.sha256), fmt::arg("origin", origin_of(r, "waivers")))});
  }
  for (const PlanResult& p : r.plans)
    for (const RuleChange& c : p.rule_changes)
      out.push_back({"rule changed",
                     message("report.record.rule_changed", fmt::arg("plan", p.plan->plan.id.value_or(p.plan->file)),
                             fmt::arg("check", c.check),
                             fmt::arg("change", c.change == "disabled" ? message_text("report.record.disabled")
                                                                       : c.change),
                             fmt::arg("where", c.loc.str()))});
  return out;
}

std::string record_label(std::string_view label) {
  std::string key(label);
  std::replace(key.begin(), key.end(), ' ', '_');
  std::replace(key.begin(), key.end(), '-', '_');
  return message_text("report.record.label." + key);
}

std::string settings_text(const RunResult& r) {
  std::vector<std::string> set = non_default_settings(r);
  return set.empty() ? message_text("report.record.all_defaults")
                     : fmt::format("{}", fmt::join(set, message_text("report.record.setting_separator")));
}

std::vector<std::string> non_default_settings(const RunResult& r) {
  std::vector<std::string> out;
  for (const SettingRecord& s : r.settings.settings)
    if (s.origin != "default")
      out.push_back(message("report.record.setting", fmt::arg("name", s.name),
                            fmt::arg("value", setting_value_said(r, s)), fmt::arg("origin", s.origin)));
  return out;
}

std::string setting_value_said(const RunResult& r, const SettingRecord& s) {
  // A fixed --as-of is the run's as-of instant (every plan is measured at it); `now` and
  // `window` are the option's own words.
  if (s.name == "as-of" && s.value != "now" && s.value != "window") return say_instant(r.as_of, run_zone(r));
  return s.value;
}

std::string offline_warning(const RunResult& r) {
  if (!r.offline) return "";
  return message("report.offline_warning", fmt::arg("probes", counted(r.probes_not_made, "live_probes")));
}

std::string severity_said(Severity s) { return message_text(fmt::format("report.severity_word.{}", to_string(s))); }
std::string status_said(Status s) { return message_text(fmt::format("report.status_word.{}", to_string(s))); }

const Zone* run_zone(const RunResult& result) {
  if (result.plans.empty()) return nullptr;
  const Zone* zone = result.plans.front().plan->zone();
  for (const PlanResult& p : result.plans)
    if (p.plan->zone() != zone) return nullptr;
  return zone;
}

std::string say_as_of(const RunResult& result, const PlanResult& p) {
  return say_instant(plan_as_of(result, p), p.plan->zone());
}

std::string valid_until_text(const PlanResult& p) {
  if (!p.valid_until) return "";
  return message("report.valid_until", fmt::arg("at", say_instant(p.valid_until->at, p.plan->zone())),
                 fmt::arg("subject", p.valid_until->subject), fmt::arg("check", p.valid_until->check));
}

std::vector<ValidUntil> breaks_before_window(const PlanResult& p, Instant as_of) {
  const auto& start = p.plan->go_live.window_start;
  if (!start || as_of >= *start) return {};
  return p.expiring_before_window;
}

std::string window_holds_text(const RunResult& result, const PlanResult& p) {
  const auto& start = p.plan->go_live.window_start;
  if (!start || plan_as_of(result, p) >= *start) return "";
  const std::string at = say_instant(*start, p.plan->zone());
  const std::vector<ValidUntil> breaking = breaks_before_window(p, plan_as_of(result, p));
  if (breaking.empty()) return message("report.window.holds", fmt::arg("at", at));
  std::vector<std::string> items;
  for (const ValidUntil& v : breaking)
    items.push_back(message("report.window.item", fmt::arg("subject", v.subject), fmt::arg("check", v.check),
                            fmt::arg("at", say_instant(v.at, p.plan->zone()))));
  return message("report.window.breaks", fmt::arg("at", at),
                 fmt::arg("expiring", counted(static_cast<int>(items.size()), "evidence_expiring")),
                 fmt::arg("items", fmt::format("{}", fmt::join(items, message_text("report.list_separator")))));
}

std::string score_text(double score) { return message("report.score", fmt::arg("score", fmt::format("{:.1f}", score))); }

}  // namespace golive
