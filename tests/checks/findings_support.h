#pragma once
/// Small helpers for the check tests: where a finding points, its evidence, and finding
/// the one about a subject.

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <string>
#include <variant>
#include <vector>

#include "checks/engine/check.h"

namespace golive::test {

/// "plan.yaml:18:19": the finding's location as a compiler prints it.
inline std::string where(const Finding& f) {
  return fmt::format("{}:{}:{}", f.location.file, f.location.line, f.location.column);
}

/// The evidence value under `key`, or nullptr.
inline const EvidenceValue* evidence_of(const Finding& f, const std::string& key) {
  for (const auto& [k, v] : f.evidence)
    if (k == key) return &v;
  return nullptr;
}

/// A text evidence value; fails the test when absent or of another type.
inline std::string text_evidence(const Finding& f, const std::string& key) {
  const EvidenceValue* v = evidence_of(f, key);
  REQUIRE_MESSAGE(v != nullptr, "no evidence " << key);
  REQUIRE(std::holds_alternative<std::string>(v->get()));
  return std::get<std::string>(v->get());
}

/// An integer evidence value; fails the test when absent or of another type.
inline int64_t integer_evidence(const Finding& f, const std::string& key) {
  const EvidenceValue* v = evidence_of(f, key);
  REQUIRE_MESSAGE(v != nullptr, "no evidence " << key);
  REQUIRE(std::holds_alternative<int64_t>(v->get()));
  return std::get<int64_t>(v->get());
}

/// A list evidence value; fails the test when absent or of another type.
inline std::vector<std::string> list_evidence(const Finding& f, const std::string& key) {
  const EvidenceValue* v = evidence_of(f, key);
  REQUIRE_MESSAGE(v != nullptr, "no evidence " << key);
  REQUIRE(std::holds_alternative<std::vector<std::string>>(v->get()));
  return std::get<std::vector<std::string>>(v->get());
}

/// The only finding about `subject`; fails the test when there is none or several.
inline const Finding& about(const std::vector<Finding>& findings, const std::string& subject) {
  const Finding* found = nullptr;
  int count = 0;
  for (const auto& f : findings)
    if (f.subject == subject) {
      found = &f;
      ++count;
    }
  REQUIRE_MESSAGE(count == 1, count << " findings about " << subject);
  return *found;
}

}  // namespace golive::test
