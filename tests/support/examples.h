// The bundled example plans, for tests that run over all of them.
#pragma once

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "tests/support/process.h"

namespace golive::test {

/// The plans among examples/*.yaml, relative to the source tree and sorted. Like
/// `golive check DIR`, a YAML file is a plan when a line starts with `golive:`, so the waiver
/// register beside them (examples/waivers.yaml) is left out.
inline std::vector<std::string> example_plans() {
  std::vector<std::string> plans;
  for (const auto& entry : std::filesystem::directory_iterator(source_dir() + "/examples")) {
    if (entry.path().extension() != ".yaml") continue;
    const std::string text = slurp(entry.path().string()).value_or("");
    if (text.rfind("golive:", 0) == 0 || text.find("\ngolive:") != std::string::npos)
      plans.push_back("examples/" + entry.path().filename().string());
  }
  std::sort(plans.begin(), plans.end());
  return plans;
}

}  // namespace golive::test
