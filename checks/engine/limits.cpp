#include "checks/engine/limits.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>

#include <fmt/format.h>

#include "checks/engine/input_messages.h"

namespace golive {

namespace {

constexpr uint64_t kKiB = 1024, kMiB = kKiB * 1024, kGiB = kMiB * 1024;
// No limit may be raised past this: beyond it a size is a typo, not a plan.
constexpr uint64_t kMaxValue = 64 * kGiB;

std::array<std::atomic<uint64_t>, 8>& values() {
  static std::array<std::atomic<uint64_t>, 8> v;
  static const bool initialised = [] {
    for (const LimitSpec& s : limit_specs()) v[static_cast<size_t>(s.limit)] = s.default_value;
    return true;
  }();
  (void)initialised;
  return v;
}

}  // namespace

const std::vector<LimitSpec>& limit_specs() {
  // Defaults: far above any real plan (the full example plans are 9 to 14 kB, at most 1,220
  // nodes, 6 levels deep), and low enough that input at the limits is answered within 2 s
  // of CPU and 256 MB (measured in docs/limits.md).
  static const std::vector<LimitSpec> specs = {
      {Limit::FileSize, "file-size", LimitUnit::Bytes, 4 * kMiB,
       "bytes of one input file (plan, ruleset, waiver register, `.golive.yaml`), checked before reading"},
      {Limit::Nodes, "nodes", LimitUnit::Count, 100'000,
       "YAML nodes written in one file: every scalar, list and mapping"},
      {Limit::Depth, "depth", LimitUnit::Count, 64, "levels of lists and mappings nested in each other"},
      {Limit::ScalarLength, "scalar-length", LimitUnit::Bytes, 1 * kMiB, "bytes of one scalar (a key or a value)"},
      {Limit::ListLength, "list-length", LimitUnit::Count, 10'000, "items of one list, or keys of one mapping"},
      {Limit::Aliases, "aliases", LimitUnit::Count, 100'000,
       "nodes reached through aliases (`*name`) in one file, counted as if each alias were copied out"},
      {Limit::Plans, "plans", LimitUnit::Count, 1'000, "plan files in one run"},
      {Limit::PluginOutput, "plugin-output", LimitUnit::Bytes, 1 * kMiB,
       "bytes an exec plugin may print on stdout before it is killed"},
  };
  return specs;
}

const LimitSpec& limit_spec(Limit limit) {
  return *std::find_if(limit_specs().begin(), limit_specs().end(),
                       [&](const LimitSpec& s) { return s.limit == limit; });
}

uint64_t limit_value(Limit limit) { return values()[static_cast<size_t>(limit)].load(); }

void set_limit(Limit limit, uint64_t value) { values()[static_cast<size_t>(limit)] = value; }

void reset_limits() {
  for (const LimitSpec& s : limit_specs()) set_limit(s.limit, s.default_value);
}

std::string format_limit(Limit limit, uint64_t value) {
  if (limit_spec(limit).unit == LimitUnit::Count) return std::to_string(value);
  for (auto [unit, name] : {std::pair{kGiB, "GiB"}, {kMiB, "MiB"}, {kKiB, "KiB"}})
    if (value >= unit && value % unit == 0) return fmt::format("{}{}", value / unit, name);
  return std::to_string(value);
}

std::string parse_limit_setting(const std::string& text, LimitSetting& out) {
  std::vector<std::string> names;
  for (const LimitSpec& s : limit_specs()) names.push_back(s.name);
  const size_t eq = text.find('=');
  const std::string name = text.substr(0, eq);
  auto spec = std::find_if(limit_specs().begin(), limit_specs().end(),
                           [&](const LimitSpec& s) { return s.name == name; });
  if (eq == std::string::npos || spec == limit_specs().end())
    return message("errors.limits.not_setting", fmt::arg("text", text), fmt::arg("names", say_list(names)));
  std::string_view value = std::string_view(text).substr(eq + 1);
  uint64_t unit = 1;
  if (spec->unit == LimitUnit::Bytes) {
    for (auto [u, suffix] : {std::pair{kKiB, "KiB"}, {kMiB, "MiB"}, {kGiB, "GiB"}})
      if (value.size() > 3 && value.substr(value.size() - 3) == suffix) {
        unit = u;
        value.remove_suffix(3);
      }
  }
  uint64_t n = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
  const bool whole = ec == std::errc() && end == value.data() + value.size() && !value.empty();
  if (!whole || n == 0 || n > kMaxValue / unit)
    return message(spec->unit == LimitUnit::Bytes ? "errors.limits.not_size" : "errors.limits.not_count",
                   fmt::arg("name", name), fmt::arg("value", text.substr(eq + 1)),
                   fmt::arg("max", spec->unit == LimitUnit::Bytes ? format_limit(spec->limit, kMaxValue)
                                                                  : std::to_string(kMaxValue)));
  out = {spec->limit, n * unit};
  return "";
}

std::string over_limit(Limit limit, std::string_view what) {
  const LimitSpec& s = limit_spec(limit);
  return message("errors.limits.over", fmt::arg("what", what), fmt::arg("name", s.name),
                 fmt::arg("value", format_limit(limit, limit_value(limit))));
}

std::string limits_markdown_table() {
  std::string out = "| limit | default | bounds |\n|---|---|---|\n";
  for (const LimitSpec& s : limit_specs())
    out += fmt::format("| `{}` | {} | {} |\n", s.name, format_limit(s.limit, s.default_value), s.what);
  return out;
}

}  // namespace golive
