// Temporary: replaced by the real loader.
#include "checks/engine/plan_loader.h"

namespace golive {
std::optional<Plan> load_plan(const std::string& path, Diagnostics& diags) {
  diags.error({path, 0, 0}, "plan loading not implemented yet");
  return std::nullopt;
}
std::optional<Plan> load_plan_text(const std::string&, const std::string& file, Diagnostics& diags) {
  diags.error({file, 0, 0}, "plan loading not implemented yet");
  return std::nullopt;
}
std::vector<std::string> find_plan_files(const std::vector<std::string>& paths, Diagnostics&) {
  return paths;
}
}  // namespace golive
