#include <fmt/format.h>

#include "checks/engine/plan_loader.h"
#include "cli/commands/commands.h"

namespace golive {

int run_validate(const ValidateOptions& options, const Io& io) {
  Diagnostics diags;
  std::vector<std::string> files = find_plan_files(options.paths, diags);
  std::vector<std::string> valid;
  for (const std::string& file : files) {
    int errors_before = diags.error_count();
    auto plan = load_plan(file, diags);
    if (plan && diags.error_count() == errors_before)
      valid.push_back(fmt::format("{}: ok ({})", file, plan->plan.id.value_or("?")));
  }
  if (files.empty() && !diags.has_errors())
    diags.error({"golive", 0, 0}, fmt::format("no plan found in {}", fmt::join(options.paths, ", ")));
  io.print(diags, options.quiet);
  if (!options.quiet)
    for (const auto& line : valid) io.out << line << '\n';
  return diags.has_errors() ? kExitUsage : kExitReady;
}

}  // namespace golive
