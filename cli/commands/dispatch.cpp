#include <type_traits>

#include "cli/commands/commands.h"
#include "checks/engine/i18n.h"

namespace golive {

int dispatch(const Invocation& command, const Io& io) {
  return std::visit(
      [&](const auto& options) -> int {
        using T = std::decay_t<decltype(options)>;
        if constexpr (requires { options.lang; }) set_language(options.lang);
        if constexpr (std::is_same_v<T, CheckOptions>) return run_check(options, io);
        if constexpr (std::is_same_v<T, ValidateOptions>) return run_validate(options, io);
        if constexpr (std::is_same_v<T, ListChecksOptions>) return run_list_checks(options, io);
        if constexpr (std::is_same_v<T, ExplainOptions>) return run_explain(options, io);
        if constexpr (std::is_same_v<T, RulesetsOptions>) return run_rulesets(options, io);
        if constexpr (std::is_same_v<T, SchemaOptions>) return run_schema(options, io);
        if constexpr (std::is_same_v<T, InitOptions>) return run_init(options, io);
        if constexpr (std::is_same_v<T, BriefOptions>) return run_brief(options, io);
      },
      command);
}

}  // namespace golive
