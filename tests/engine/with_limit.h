#pragma once
/// Sets one input limit for the scope of a test.

#include "checks/engine/limits.h"

namespace golive::test {

/// Sets `limit` to `value`; every limit is back at its default afterwards.
struct WithLimit {
  WithLimit(Limit limit, uint64_t value) { set_limit(limit, value); }
  ~WithLimit() { reset_limits(); }
  WithLimit(const WithLimit&) = delete;
  WithLimit& operator=(const WithLimit&) = delete;
};

}  // namespace golive::test
