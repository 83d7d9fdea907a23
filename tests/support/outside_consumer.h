#pragma once
/// The decorator of tests whose time goes to an outside program reading golive's output
/// (Chromium printing a PDF, sarif-multitool, the JUnit readers, a JSON Schema validator):
/// `TEST_CASE("…" * outside_consumer())`. They run in every build but the sanitized one
/// (`make test-sanitize`), where they would spend minutes running the consumer, not golive,
/// and would find nothing new: the bytes the consumer reads are pinned by golden tests, which
/// do run sanitized. Keeps CI within its hour (docs/ci.md).

#include <doctest/doctest.h>

namespace golive::test {

/// True when compiled with AddressSanitizer (GOLIVE_SANITIZE, `make fuzz`): g++ defines
/// __SANITIZE_ADDRESS__, clang answers __has_feature(address_sanitizer).
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitizedBuild = true;
#elif defined(__has_feature)
inline constexpr bool kSanitizedBuild = __has_feature(address_sanitizer);
#else
inline constexpr bool kSanitizedBuild = false;
#endif

/// doctest's skip decorator, set in the sanitized build: ctest still lists the test, and the
/// test binary reports it skipped.
inline doctest::skip outside_consumer() { return doctest::skip(kSanitizedBuild); }

}  // namespace golive::test
