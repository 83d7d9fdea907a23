#pragma once
/// Shared by the end-to-end tests of the `golive` binary.

#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "checks/engine/check.h"
#include "tests/support/process.h"

namespace golive::test {

/// The as-of instant every end-to-end test uses: no test depends on today's date.
inline constexpr const char* kAsOf = "2026-12-04T12:00:00+08:00";
/// Pins `generated_at`, the one field that differs between two identical runs.
inline constexpr const char* kGeneratedAt = "2026-12-04T04:00:00Z";

/// A CLI fixture plan, relative to the source tree (the default working directory).
inline std::string fixture(const std::string& name) { return "tests/fixtures/cli/" + name; }

/// `golive check --as-of kAsOf --offline ARGS...`
inline ProcessResult check(std::vector<std::string> args, ProcessOptions options = {}) {
  args.insert(args.begin(), {"check", "--as-of", kAsOf, "--offline"});
  if (!options.env.count("GOLIVE_GENERATED_AT")) options.env["GOLIVE_GENERATED_AT"] = kGeneratedAt;
  return run_golive(args, options);
}

/// The checks the `golive` binary has: every registered check except those the test
/// binary registers for itself (from files under tests/).
inline std::vector<const CheckInfo*> product_checks() {
  std::vector<const CheckInfo*> out;
  for (const CheckInfo* c : all_checks())
    if (c->source_file.find("/tests/") == std::string::npos && c->source_file.rfind("tests/", 0) != 0)
      out.push_back(c);
  return out;
}

/// `golive check --as-of kAsOf --offline --no-auto-rulesets -r foundation.yaml ARGS...`:
/// the CLI fixture plans under the rules they were written for.
inline ProcessResult check_fixture(std::vector<std::string> args, ProcessOptions options = {}) {
  std::string rules = options.cwd.empty() ? fixture("foundation.yaml")
                                          : source_dir() + "/" + fixture("foundation.yaml");
  args.insert(args.begin(), {"--no-auto-rulesets", "-r", rules});
  return check(std::move(args), std::move(options));
}

/// Parses a JSON report; an empty object when it is not JSON (the test then fails on it).
inline nlohmann::json json_of(const std::string& text) {
  auto j = nlohmann::json::parse(text, nullptr, false);
  return j.is_discarded() ? nlohmann::json::object() : j;
}

/// Every `check` id among a JSON report's findings, in order.
inline std::vector<std::string> checks_in(const nlohmann::json& report) {
  std::vector<std::string> ids;
  for (const auto& plan : report["plans"])
    for (const auto& f : plan["findings"]) ids.push_back(f["check"].get<std::string>());
  return ids;
}

}  // namespace golive::test
