#pragma once
/// Helpers shared by the YAML reader and tree tests.

#include <string>

#include "checks/engine/yaml_reader.h"

namespace golive::test {

/// The message parse_yaml throws for `text` (read as "in.yaml"), or "" when it parses.
inline std::string parse_error(const std::string& text) {
  try {
    parse_yaml(text, "in.yaml");
  } catch (const InputError& e) {
    return e.formatted();
  }
  return "";
}

}  // namespace golive::test
