#include <algorithm>

#include <fmt/format.h>

#include "checks/engine/check.h"
#include "checks/engine/ruleset.h"
#include "cli/commands/commands.h"
#include "checks/engine/i18n.h"
#include "cli/report/width.h"

namespace golive {

namespace {

// The built-in rulesets that name this check, with the severity each gives it.
std::vector<std::string> rulesets_naming(const std::string& id) {
  std::vector<std::string> out;
  for (const std::string& name : builtin_ruleset_names()) {
    const Ruleset* r = builtin_ruleset(name);
    if (!r) continue;
    for (const Rule& rule : r->rules) {
      if (rule.check != id) continue;
      std::string what = name;
      if (rule.enabled && !*rule.enabled) what += fmt::format(" ({})", message("explain.disabled"));
      else if (rule.severity) what += fmt::format(" ({})", to_string(*rule.severity));
      out.push_back(what);
      break;
    }
  }
  return out;
}

void section(const Io& io, std::string_view title, const std::string& body) {
  if (body.empty()) return;
  io.out << '\n' << title << "\n  " << body << '\n';
}

}  // namespace

int run_explain(const ExplainOptions& options, const Io& io) {
  const CheckInfo* info = find_check(options.check_id);
  if (!info) {
    std::string near = did_you_mean(options.check_id, all_check_ids());
    io.err << "golive: error: "
           << message("cli.unknown_check", fmt::arg("id", options.check_id),
                      fmt::arg("hint", near.empty() ? message_text("cli.see_list_checks")
                                                    : message("errors.did_you_mean", fmt::arg("name", near))))
           << '\n';
    return kExitUsage;
  }

  Params params;
  (void)info->make(params);  // the constructor reads each parameter with its default

  io.out << message("explain.heading", fmt::arg("id", info->id), fmt::arg("title", check_text(*info, "title")))
         << '\n';
  io.out << message("explain.facts", fmt::arg("category", info->category),
                    fmt::arg("severity", to_string(info->severity)),
                    fmt::arg("live", message(info->live ? "explain.live_yes" : "explain.live_no")))
         << '\n';
  section(io, message("explain.why"), check_text(*info, "why"));

  io.out << '\n' << message("explain.parameters") << '\n';
  if (params.requested().empty()) {
    io.out << "  " << message("explain.none") << '\n';
  } else {
    int name_w = 0, kind_w = 0;
    for (const ParamDoc& p : params.requested()) {
      name_w = std::max(name_w, display_width(p.name));
      kind_w = std::max(kind_w, display_width(p.kind));
    }
    for (const ParamDoc& p : params.requested())
      io.out << "  " << pad_right(p.name, name_w) << "  " << pad_right(p.kind, kind_w)
             << "  " << message("explain.parameter_default", fmt::arg("value", p.default_value)) << '\n';
  }

  io.out << '\n' << message("explain.reads") << '\n';
  if (info->reads.empty()) io.out << "  " << message("explain.none") << '\n';
  for (const std::string& key : info->reads) io.out << "  " << key << '\n';

  section(io, message("explain.fix"), check_text(*info, "fix"));
  auto rulesets = rulesets_naming(info->id);
  if (!rulesets.empty())
    io.out << '\n' << message("explain.rulesets") << "\n  " << fmt::format("{}", fmt::join(rulesets, ", ")) << '\n';
  return kExitReady;
}

}  // namespace golive
