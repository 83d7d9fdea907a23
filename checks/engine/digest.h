#pragma once
/// Content digests: the SHA-256 that reports give for each plan and ruleset file, so an
/// auditor can tell exactly which bytes were judged.

#include <string>

namespace golive {

/// Lowercase hex SHA-256 of `bytes`.
std::string sha256_hex(const std::string& bytes);

}  // namespace golive
