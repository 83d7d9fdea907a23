#include <fmt/format.h>

#include "checks/engine/ruleset.h"
#include "cli/commands/commands.h"

namespace golive {

int run_rulesets(const RulesetsOptions&, const Io& io) {
  bool first = true;
  for (const std::string& name : builtin_ruleset_names()) {
    const Ruleset* r = builtin_ruleset(name);
    if (!first) io.out << '\n';
    first = false;
    io.out << name;
    if (r && !r->version.empty()) io.out << ' ' << r->version;
    if (r && !r->description.empty()) io.out << ": " << r->description;
    io.out << '\n';

    std::string when = "always";
    for (const RulesetTrigger& t : ruleset_triggers())
      if (t.name == name)
        when = fmt::format("plan.scenarios lists {}, or {}", t.tag, t.trigger);
    io.out << "  applies: " << when << '\n';
    if (r) {
      if (!r->extends.empty()) io.out << "  extends: " << fmt::format("{}", fmt::join(r->extends, ", ")) << '\n';
      io.out << "  rules:   " << r->rules.size() << '\n';
    }
  }
  io.out << "\nBuilt-in rulesets apply automatically (baseline first, then scenarios); "
            "-r NAME|FILE adds more after them,\nand --no-auto-rulesets turns the automatic "
            "selection off.\n";
  return kExitReady;
}

}  // namespace golive
