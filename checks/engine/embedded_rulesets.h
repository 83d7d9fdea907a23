#pragma once
/// The text of rulesets/*.yaml, compiled in at build time (see cmake/embed_files.cmake).

#include <string>
#include <vector>

namespace golive {

struct EmbeddedRuleset {
  const char* name;  ///< file name without extension
  const char* text;
};

/// Every built-in ruleset file, in file-name order.
const std::vector<EmbeddedRuleset>& embedded_rulesets();

}  // namespace golive
