#pragma once
/// Golden files: outputs compared whole with a file in tests/golden/.

#include <cstdlib>
#include <fstream>
#include <string>

#include <doctest/doctest.h>

#include "tests/support/process.h"

namespace golive::test {

/// Whether GOLIVE_UPDATE_GOLDEN is set (and not 0): the golden files are then rewritten
/// rather than compared (review the diff before committing).
inline bool updating_golden() {
  const char* v = std::getenv("GOLIVE_UPDATE_GOLDEN");
  return v && *v && std::string(v) != "0";
}

/// Checks that `actual` is the whole of the file at `path`, or writes it there when
/// updating_golden().
inline void compare_with_golden(const std::string& path, const std::string& actual) {
  CAPTURE(path);
  if (updating_golden()) {
    std::ofstream(path, std::ios::binary) << actual;
    MESSAGE("updated " << path);
    return;
  }
  auto expected = slurp(path);
  REQUIRE_MESSAGE(expected, "missing golden file " << path << " (run with GOLIVE_UPDATE_GOLDEN=1)");
  CHECK(actual == *expected);
}

/// Checks that the part of the file at `path` between the lines `begin` and `end` (markers
/// such as `<!-- keys:begin -->`, kept) is `generated`, or rewrites that part when
/// updating_golden(): for tables generated into hand-written documents.
inline void compare_with_golden_section(const std::string& path, const std::string& begin,
                                        const std::string& end, const std::string& generated) {
  CAPTURE(path);
  auto doc = slurp(path);
  REQUIRE(doc);
  size_t from = doc->find(begin);
  size_t to = doc->find(end);
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  from += begin.size();
  REQUIRE(from <= to);
  if (updating_golden()) {
    std::ofstream(path, std::ios::binary) << doc->substr(0, from) << generated << doc->substr(to);
    MESSAGE("updated the generated part of " << path);
    return;
  }
  CHECK(doc->substr(from, to - from) == generated);
}

}  // namespace golive::test
