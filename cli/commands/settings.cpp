#include "cli/commands/settings.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "checks/engine/limits.h"
#include "checks/engine/probe.h"
#include "checks/engine/yaml_reader.h"
#include "checks/engine/i18n.h"
#include "checks/engine/input_messages.h"
#include "cli/report/report.h"

namespace golive {

namespace {

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    if (comma == std::string::npos) comma = text.size();
    std::string item = text.substr(start, comma - start);
    auto first = item.find_first_not_of(" \t");
    auto last = item.find_last_not_of(" \t");
    if (first != std::string::npos) out.push_back(item.substr(first, last - first + 1));
    start = comma + 1;
  }
  return out;
}

// Bounds of the probe settings. A thousand connections in flight stay below the usual
// limit of open files; the time per try is bounded in probe.h, for plans too.
constexpr int64_t kMinConcurrency = 1, kMaxConcurrency = 1000;
constexpr Duration kMinTimeout = kMinProbeTimeout, kMaxTimeout = kMaxProbeTimeout;
// More threads than this only add memory: each holds a whole plan and its findings.
constexpr int64_t kMaxJobs = 256;

/// A whole number written with digits only ("64"), or nullopt.
std::optional<int64_t> parse_whole(const std::string& text) {
  if (text.empty() || text.size() > 9 ||
      !std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); }))
    return std::nullopt;
  return std::stoll(text);
}

// --only and --skip split each value on commas when they are resolved.
bool splits_itself(const OptionSpec& spec) { return spec.name == "only" || spec.name == "skip"; }

std::optional<bool> parse_bool(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  if (text == "1" || text == "true" || text == "yes" || text == "on") return true;
  if (text == "0" || text == "false" || text == "no" || text == "off") return false;
  return std::nullopt;
}

std::string one_of_problem(const std::string& value, const std::vector<std::string>& allowed) {
  std::string list;
  for (size_t i = 0; i < allowed.size(); ++i)
    list += (i == 0 ? "" : i + 1 == allowed.size() ? message_text("errors.list.or") : message_text("errors.list.comma")) +
            allowed[i];
  return message(allowed.size() > 1 ? "errors.settings.not_one_of" : "errors.settings.not_the_one",
                 fmt::arg("value", value), fmt::arg("allowed", list),
                 fmt::arg("hint", did_you_mean_hint(did_you_mean(value, allowed))));
}

}  // namespace

std::string OptionSpec::env_name() const {
  std::string out = "GOLIVE_";
  for (char c : name) out += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

const std::vector<OptionSpec>& check_option_specs() {
  // Descriptions for --help are the catalogues' `help.check.<name>`.
  static const std::vector<OptionSpec> specs = {
      {"ruleset", "r", OptionSpec::List, "NAME|FILE", "-r critical -r ops/extra-rules.yaml"},
      {"no-auto-rulesets", "", OptionSpec::Flag, "", "--no-auto-rulesets -r ops/only-these.yaml"},
      {"format", "f", OptionSpec::Value, "FORMAT", "-f json"},
      {"report", "", OptionSpec::List, "FORMAT:PATH", "--report html:out/report.html"},
      {"waivers", "", OptionSpec::List, "FILE", "--waivers ops/waivers.yaml"},
      {"no-waivers", "", OptionSpec::Flag, "", "--no-waivers"},
      {"as-of", "", OptionSpec::Value, "TIME|now|window", "--as-of 2026-12-04T12:00:00+08:00"},
      {"offline", "", OptionSpec::Flag, "", "--offline"},
      {"only", "", OptionSpec::List, "ID,...", "--only 'backup.*,rollback.tested'"},
      {"skip", "", OptionSpec::List, "ID,...", "--skip monitoring.dashboards"},
      {"concurrency", "", OptionSpec::Value, "N", "--concurrency 16"},
      {"timeout", "", OptionSpec::Value, "DURATION", "--timeout 10s"},
      {"ca-bundle", "", OptionSpec::Value, "FILE", "--ca-bundle /etc/ssl/private-ca.pem"},
      {"fail-on", "", OptionSpec::Value, "gate|warn", "--fail-on warn"},
      {"color", "", OptionSpec::Value, "auto|always|never", "--color never"},
      {"quiet", "q", OptionSpec::Flag, "", "-q"},
      {"sarif-passes", "", OptionSpec::Flag, "", "--sarif-passes"},
      {"limit", "", OptionSpec::List, "NAME=N", "--limit file-size=16MiB"},
      {"lang", "", OptionSpec::Value, "en|zh-CN", "--lang zh-CN"},
      {"jobs", "j", OptionSpec::Value, "N|auto", "-j 4", false},
      {"progress", "", OptionSpec::Value, "auto|always|never", "--progress never", false},
  };
  return specs;
}

const std::vector<std::string>& other_golive_variables() {
  // GOLIVE_GENERATED_AT pins the report time; GOLIVE_NET_MODULE locates the probe module;
  // GOLIVE_CHECK_ID and GOLIVE_PLAN_FILE are what golive gives exec plugins, so a plugin
  // that runs golive itself does not fail.
  static const std::vector<std::string> names = {"GOLIVE_GENERATED_AT", "GOLIVE_NET_MODULE",
                                                 "GOLIVE_CHECK_ID", "GOLIVE_PLAN_FILE"};
  return names;
}

RawSettings settings_from_env(const Io& io, Diagnostics& diags) {
  RawSettings out;
  std::vector<std::string> known = other_golive_variables();
  for (const OptionSpec& spec : check_option_specs()) known.push_back(spec.env_name());
  for (const std::string& name : io.env_names()) {
    if (name.rfind("GOLIVE_", 0) != 0 || !io.env(name)) continue;
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    std::string hint = did_you_mean(name, known);
    diags.error({"golive", 0, 0},
                message("errors.settings.unknown_variable", fmt::arg("name", name),
                        fmt::arg("hint", hint.empty() ? message_text("errors.settings.variables_are_ours")
                                                      : did_you_mean_hint(hint))));
  }
  for (const OptionSpec& spec : check_option_specs()) {
    auto value = io.env(spec.env_name());
    if (!value) continue;
    RawSetting s{{}, spec.env_name(), {"golive", 0, 0}};
    // --only/--skip split their ids themselves, so that an empty one is seen and refused.
    if (spec.kind == OptionSpec::List && !splits_itself(spec))
      s.values = split_commas(*value);
    else
      s.values = {*value};
    out.emplace(spec.name, std::move(s));
  }
  return out;
}

RawSettings settings_from_file(const std::string& path, Diagnostics& diags) {
  RawSettings out;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return out;
  try {
    YamlNode root = parse_yaml(read_file(path), path);
    ReadContext ctx{path, diags, nullptr};
    MapReader reader(ctx, root, "");
    // A misspelt key would switch an option off in silence: unknown keys are errors.
    std::vector<std::string> names;
    for (const OptionSpec& spec : check_option_specs()) names.push_back(spec.name);
    if (root.IsMap()) {
      for (const auto& kv : root) {
        const std::string key = kv.first.Scalar();
        reader.has(key);  // reported here, not again as the reader's warning
        if (key.rfind("x-", 0) == 0 || std::find(names.begin(), names.end(), key) != names.end())
          continue;
        std::string hint = did_you_mean(key, names);
        diags.error(loc_of(kv.first, path),
                    message("errors.yaml.unknown_key.top", fmt::arg("key", preview(key)),
                            fmt::arg("hint", hint.empty() ? message_text("errors.settings.keys_are_options")
                                                          : did_you_mean_hint(hint))));
      }
    }
    for (const OptionSpec& spec : check_option_specs()) {
      if (!reader.has(spec.name)) continue;
      YamlNode node = reader.node(spec.name);
      RawSetting s{{}, spec.name, loc_of(node, path)};
      if (spec.kind == OptionSpec::Flag) {
        // A flag in the file is a YAML 1.2 boolean, as in plans: `yes`, `on` and "true" (quoted
        // text) are refused with why, at their position.
        Field<bool> b = reader.boolean(spec.name);
        if (!b) continue;
        s.values = {*b ? "true" : "false"};
      } else if (node.IsScalar()) {
        s.values = spec.kind == OptionSpec::List && !splits_itself(spec) ? split_commas(node.Scalar())
                                                 : std::vector<std::string>{node.Scalar()};
      } else if (node.IsSequence() && spec.kind == OptionSpec::List) {
        for (const auto& item : node) {
          if (!item.IsScalar()) {
            diags.error(loc_of(item, path),
                        message("errors.yaml.expected.at", fmt::arg("path", spec.name),
                                fmt::arg("expected", message_text("errors.expected.string")),
                                fmt::arg("got", describe_node(item))));
            continue;
          }
          s.values.push_back(item.Scalar());
        }
      } else {
        diags.error(s.loc, message("errors.yaml.expected.at", fmt::arg("path", spec.name),
                                   fmt::arg("expected", message_text(spec.kind == OptionSpec::List ? "errors.expected.string_or_list"
                                                                     : spec.kind == OptionSpec::Flag ? "errors.expected.boolean"
                                                                                                     : "errors.expected.string")),
                                   fmt::arg("got", describe_node(node))));
        continue;
      }
      out.emplace(spec.name, std::move(s));
    }
    reader.finish();
  } catch (const InputError& e) {
    diags.add(e);
  }
  return out;
}

RawSettings settings_from_locale(const Io& io) {
  // POSIX precedence: the first of these that is set and not empty decides. A locale that
  // asks for English sets nothing: English is the default, and every report would otherwise
  // record `lang=en (LANG)` for nearly every user.
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    auto value = io.env(name);
    if (!value || value->empty()) continue;
    std::string lang = language_of_locale(*value);
    if (lang == "en") return {};
    return {{"lang", RawSetting{{lang}, name, {"golive", 0, 0}}}};
  }
  return {};
}

std::string resolve_language(const std::vector<std::string>& from_command_line, const Io& io,
                             const std::string& config_path, Diagnostics& diags) {
  RawSettings args;
  if (!from_command_line.empty())
    args.emplace("lang", RawSetting{from_command_line, "--lang", {"golive", 0, 0}});
  // Only `lang` is taken from each source, but each source is read whole, so that a
  // misspelt variable or key is an error here too.
  std::vector<RawSettings> sources = {args, settings_from_env(io, diags),
                                      settings_from_file(config_path, diags), settings_from_locale(io)};
  for (RawSettings& source : sources) std::erase_if(source, [](const auto& kv) { return kv.first != "lang"; });
  CheckOptions options;
  resolve_check_options({&sources[0], &sources[1], &sources[2], &sources[3]}, options, diags);
  return options.lang;
}

std::string preliminary_language(const std::optional<std::string>& from_args, const Io& io,
                                 const std::string& config_path) {
  auto known = [](const std::string& v) {
    return std::find(languages().begin(), languages().end(), v) != languages().end();
  };
  if (from_args && known(*from_args)) return *from_args;
  if (auto v = io.env("GOLIVE_LANG"); v && known(*v)) return *v;
  std::error_code ec;
  if (std::filesystem::exists(config_path, ec)) {
    // Read quietly: whatever is wrong with the file is reported when it is read for real.
    try {
      YamlNode root = parse_yaml(read_file(config_path), config_path);
      if (root.IsMap() && root["lang"].IsScalar() && known(root["lang"].Scalar())) return root["lang"].Scalar();
    } catch (const std::exception&) {
    }
  }
  RawSettings locale = settings_from_locale(io);
  if (auto it = locale.find("lang"); it != locale.end() && !it->second.values.empty()) return it->second.values[0];
  return "en";
}

std::string parse_as_of(const std::string& text, CheckOptions& options) {
  if (text == "now" || text == "window") {
    options.as_of_mode = text;
    options.as_of.reset();
    return "";
  }
  std::optional<Instant> t;
  if (!is_bare_date(text)) t = parse_instant(text, nullptr);
  if (!t)
    return message(has_unknown_offset(text) ? "errors.unknown_offset" : "errors.settings.not_as_of",
                   fmt::arg("value", text));
  options.as_of_mode = "fixed";
  options.as_of = t;
  return "";
}

namespace {

// An option's value after resolution, as a user would write it.
std::string value_text(const OptionSpec& spec, const CheckOptions& o) {
  auto list = [](const std::vector<std::string>& v) { return fmt::format("{}", fmt::join(v, ",")); };
  auto flag = [](bool b) { return std::string(b ? "true" : "false"); };
  const std::string& n = spec.name;
  if (n == "ruleset") return list(o.rulesets);
  if (n == "no-auto-rulesets") return flag(!o.auto_rulesets);
  if (n == "format") return o.format;
  if (n == "report") {
    std::vector<std::string> items;
    for (const auto& r : o.reports) items.push_back(r.format + ":" + r.path);
    return list(items);
  }
  if (n == "waivers") return list(o.waivers);
  if (n == "no-waivers") return flag(o.no_waivers);
  if (n == "as-of") return o.as_of_mode == "fixed" && o.as_of ? format_instant(*o.as_of) : o.as_of_mode;
  if (n == "offline") return flag(o.offline);
  if (n == "only") return list(o.only);
  if (n == "skip") return list(o.skip);
  if (n == "concurrency") return std::to_string(o.concurrency);
  if (n == "timeout") return format_duration(o.timeout);
  if (n == "ca-bundle") return o.ca_bundle;
  if (n == "fail-on") return o.fail_on_warn ? "warn" : "gate";
  if (n == "color") return o.color == ColorMode::Always ? "always" : o.color == ColorMode::Never ? "never" : "auto";
  if (n == "quiet") return flag(o.quiet);
  if (n == "sarif-passes") return flag(o.sarif_passes);
  if (n == "limit") {
    std::vector<std::string> items;
    for (const LimitSetting& l : o.limits)
      items.push_back(limit_spec(l.limit).name + "=" + format_limit(l.limit, l.value));
    return list(items);
  }
  if (n == "lang") return o.lang;
  return "";
}

std::string origin_text(const RawSetting& s) {
  if (s.loc.known()) return fmt::format("{}:{}:{}", s.loc.file, s.loc.line, s.loc.column);
  return s.label;
}

}  // namespace

void resolve_check_options(const std::vector<const RawSettings*>& sources, CheckOptions& options,
                           Diagnostics& diags) {
  options.origins.clear();
  for (const OptionSpec& spec : check_option_specs()) {
    const RawSetting* s = nullptr;
    for (const RawSettings* source : sources) {
      auto it = source->find(spec.name);
      if (it != source->end()) {
        s = &it->second;
        break;
      }
    }
    if (spec.recorded) options.origins.push_back({spec.name, "", s ? origin_text(*s) : "default"});
    if (!s) continue;
    auto problem = [&](const std::string& text) {
      diags.error(s->loc, message("errors.settings.problem", fmt::arg("label", s->label),
                                  fmt::arg("problem", text)));
    };
    const std::string& value = s->values.empty() ? std::string() : s->values.back();

    if (spec.kind == OptionSpec::Flag) {
      auto b = parse_bool(value);
      if (!b) {
        problem(message("errors.settings.not_boolean", fmt::arg("value", value)));
        continue;
      }
      if (spec.name == "offline") options.offline = *b;
      if (spec.name == "no-waivers") options.no_waivers = *b;
      if (spec.name == "quiet") options.quiet = *b;
      if (spec.name == "sarif-passes") options.sarif_passes = *b;
      if (spec.name == "no-auto-rulesets") options.auto_rulesets = !*b;
    } else if (spec.name == "format") {
      if (auto p = report_format_problem(value); !p.empty())
        problem(p);
      else
        options.format = value;
    } else if (spec.name == "as-of") {
      if (auto p = parse_as_of(value, options); !p.empty()) problem(p);
    } else if (spec.name == "concurrency") {
      if (auto n = parse_whole(value); n && *n >= kMinConcurrency && *n <= kMaxConcurrency)
        options.concurrency = static_cast<int>(*n);
      else
        problem(message("errors.settings.not_whole_number", fmt::arg("value", value),
                        fmt::arg("min", kMinConcurrency), fmt::arg("max", kMaxConcurrency)));
    } else if (spec.name == "jobs") {
      if (value == "auto")
        options.jobs = 0;
      else if (auto n = parse_whole(value); n && *n >= 1 && *n <= kMaxJobs)
        options.jobs = static_cast<int>(*n);
      else
        problem(message("errors.settings.not_jobs", fmt::arg("value", value), fmt::arg("max", kMaxJobs)));
    } else if (spec.name == "progress") {
      if (value == "auto") options.progress = ProgressMode::Auto;
      else if (value == "always") options.progress = ProgressMode::Always;
      else if (value == "never") options.progress = ProgressMode::Never;
      else problem(one_of_problem(value, {"auto", "always", "never"}));
    } else if (spec.name == "timeout") {
      auto d = parse_duration(value);
      if (!d)
        problem(message("errors.settings.not_timeout", fmt::arg("value", value)));
      else if (*d < kMinTimeout || *d > kMaxTimeout)
        problem(message("errors.settings.timeout_range", fmt::arg("value", value),
                        fmt::arg("min", say_duration(kMinTimeout)), fmt::arg("max", say_duration(kMaxTimeout))));
      else
        options.timeout = *d;
    } else if (spec.name == "ca-bundle") {
      // Checked now rather than at the first https probe: a typo in the path would
      // otherwise turn every probe into a TLS error.
      std::ifstream file(value, std::ios::binary);
      std::error_code ec;
      if (value.empty() || !file || std::filesystem::is_directory(value, ec))
        problem(message("errors.settings.ca_bundle", fmt::arg("file", value)));
      else
        options.ca_bundle = value;
    } else if (spec.name == "lang") {
      if (std::find(languages().begin(), languages().end(), value) != languages().end())
        options.lang = value;
      else
        problem(one_of_problem(value, languages()));
    } else if (spec.name == "fail-on") {
      if (value == "gate" || value == "warn")
        options.fail_on_warn = value == "warn";
      else
        problem(one_of_problem(value, {"gate", "warn"}));
    } else if (spec.name == "color") {
      if (value == "auto") options.color = ColorMode::Auto;
      else if (value == "always") options.color = ColorMode::Always;
      else if (value == "never") options.color = ColorMode::Never;
      else problem(one_of_problem(value, {"auto", "always", "never"}));
    } else if (spec.name == "ruleset") {
      options.rulesets.clear();
      for (const auto& v : s->values) {
        if (v.empty()) problem(message_text("errors.settings.empty_ruleset"));
        else options.rulesets.push_back(v);
      }
    } else if (spec.name == "waivers") {
      options.waivers.clear();
      for (const auto& v : s->values) {
        if (v.empty()) problem(message_text("errors.settings.empty_waivers"));
        else options.waivers.push_back(v);
      }
    } else if (spec.name == "report") {
      options.reports.clear();
      options.reports_loc = s->loc;
      options.reports_label = s->label;
      for (const auto& v : s->values) {
        auto colon = v.find(':');
        if (colon == std::string::npos || colon == 0 || colon + 1 == v.size()) {
          problem(message("errors.settings.not_report", fmt::arg("value", v)));
          continue;
        }
        std::string format = v.substr(0, colon);
        if (auto p = report_format_problem(format); !p.empty()) {
          problem(p);
          continue;
        }
        options.reports.push_back({format, v.substr(colon + 1)});
      }
      // Refused before anything runs: two reports to one file would leave only the last
      // (its exit code telling of the other), and a directory fails only once every check ran.
      namespace fs = std::filesystem;
      std::map<std::string, std::string> taken;  // normalised path -> FORMAT:PATH that has it
      for (const ReportRequest& r : options.reports) {
        const std::string given = r.format + ":" + r.path;
        // `-` is no file here: stdout takes the report --format chose, and a second report
        // there would be mixed into it. Written as a file, `-` would surprise whoever meant stdout.
        if (r.path == "-") {
          problem(message("errors.settings.report_stdout", fmt::arg("value", given), fmt::arg("format", r.format)));
          continue;
        }
        std::error_code ec;
        const fs::file_status st = fs::status(r.path, ec);
        const fs::path name = fs::path(r.path).filename();
        if (fs::is_directory(st) || name.empty() || name == "." || name == "..") {
          problem(message("errors.settings.report_directory", fmt::arg("value", given), fmt::arg("path", r.path)));
          continue;
        }
        // A device or pipe (`/dev/stdout`) is written in place, one report after another.
        if (fs::exists(st) && !fs::is_regular_file(st)) continue;
        auto [at, fresh] = taken.emplace(normalized_path(r.path), given);
        if (!fresh)
          problem(message("errors.settings.report_same_path", fmt::arg("value", given),
                          fmt::arg("first", at->second)));
      }
    } else if (spec.name == "limit") {
      options.limits.clear();
      for (const auto& v : s->values) {
        LimitSetting l{};
        if (auto p = parse_limit_setting(v, l); !p.empty())
          problem(p);
        else
          options.limits.push_back(l);
      }
    } else if (spec.name == "only" || spec.name == "skip") {
      // An empty id (`--only ''`, `--only ,`, `a,,b`) selects nothing a user could mean:
      // read as "no --only", it would run every check in silence.
      std::vector<std::string> ids;
      bool empty = s->values.empty();
      for (const auto& v : s->values) {
        std::vector<std::string> items = split_commas(v);
        if (items.size() != static_cast<size_t>(std::count(v.begin(), v.end(), ',')) + 1) empty = true;
        for (auto& id : items) ids.push_back(std::move(id));
      }
      if (empty) {
        problem(message_text("errors.settings.empty_check_id"));
        continue;
      }
      if (spec.name == "only") {
        options.only = std::move(ids);
        options.only_loc = s->loc;
        options.only_label = s->label;
      } else {
        options.skip = std::move(ids);
        options.skip_loc = s->loc;
        options.skip_label = s->label;
      }
    }
  }
  size_t i = 0;
  for (const OptionSpec& spec : check_option_specs())
    if (spec.recorded) options.origins[i++].value = value_text(spec, options);
}

}  // namespace golive
