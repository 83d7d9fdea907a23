#include <fmt/format.h>

#include "checks/engine/ruleset.h"
#include "cli/commands/commands.h"
#include "checks/engine/i18n.h"

namespace golive {

int run_rulesets(const RulesetsOptions&, const Io& io) {
  bool first = true;
  for (const std::string& name : builtin_ruleset_names()) {
    const Ruleset* r = builtin_ruleset(name);
    if (!first) io.out << '\n';
    first = false;
    const std::string title = r && !r->version.empty() ? name + ' ' + r->version : name;
    if (r && !r->description.empty())
      io.out << message("rulesets.heading", fmt::arg("name", title),
                        fmt::arg("description", ruleset_text(name, "description", r->description)));
    else
      io.out << title;
    io.out << '\n';

    std::string when = message("rulesets.always");
    for (const RulesetTrigger& t : ruleset_triggers())
      if (t.name == name)
        when = message("rulesets.tag_or_trigger", fmt::arg("tag", t.tag),
                       fmt::arg("trigger", ruleset_text(name, "trigger", t.trigger)));
    io.out << message("rulesets.applies", fmt::arg("when", when)) << '\n';
    if (r) {
      if (!r->extends.empty())
        io.out << message("rulesets.extends", fmt::arg("names", fmt::format("{}", fmt::join(r->extends, ", "))))
               << '\n';
      io.out << message("rulesets.rules", fmt::arg("count", r->rules.size())) << '\n';
    }
  }
  io.out << '\n' << message("rulesets.footer") << '\n';
  return kExitReady;
}

}  // namespace golive
