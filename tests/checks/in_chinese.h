#pragma once
/// Runs a block of a check test in Simplified Chinese: the messages a check formats while
/// an InChinese is alive come from i18n/zh-CN.yaml; English is back when it goes.

#include "checks/engine/i18n.h"

namespace golive::test {

/// Sets the language to zh-CN for its lifetime, then back to en.
struct InChinese {
  InChinese() { set_language("zh-CN"); }
  ~InChinese() { set_language("en"); }
  InChinese(const InChinese&) = delete;
  InChinese& operator=(const InChinese&) = delete;
};

}  // namespace golive::test
