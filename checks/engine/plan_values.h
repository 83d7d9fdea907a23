#pragma once
/// Plan values from a fixed list (a response stage, a risk level, a rollback or DR
/// strategy) said inside a message for people.

#include <string>
#include <string_view>

#include <fmt/format.h>

#include "checks/engine/i18n.h"

namespace golive {

/// `value` of the list `list` (`stage`, `risk`, `rollback`, `dr`) in the current language:
/// the catalogue's `values.<list>.<value>`, which English writes as the plan does
/// (`assess`) and Chinese as the standard's term with the plan's value after it, so the
/// line can still be found (`问题评估（assess）`). A value the list does not hold (a
/// ruleset parameter the loader does not check) is printed as written. Machine fields
/// (evidence) keep the value itself.
inline std::string say_value(std::string_view list, std::string_view value) {
  const auto said = find_message(language(), fmt::format("values.{}.{}", list, value));
  return said ? std::string(*said) : std::string(value);
}

/// A name a person wrote in the plan (a spare's component, a place, a channel, a training
/// topic, an environment…) inside a message for people: `values.name`, which English
/// writes as it is and Chinese in 「」 (`由「应用服务器」覆盖`). Evidence keeps the name.
inline std::string say_name(std::string_view name) { return message("values.name", fmt::arg("name", name)); }

/// A drill of `type` (drills[].type) said whole: `values.drill.<type>` (`rollback drill`,
/// `回滚（rollback）演练`), else `values.drill_other` with the type as written.
inline std::string say_drill(std::string_view type) {
  const auto said = find_message(language(), fmt::format("values.drill.{}", type));
  return said ? std::string(*said) : message("values.drill_other", fmt::arg("type", type));
}

}  // namespace golive
