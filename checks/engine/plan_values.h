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

}  // namespace golive
