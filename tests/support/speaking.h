#pragma once
/// Tests of messages in another language (docs/i18n.md).

#include <string>

#include "checks/engine/i18n.h"

namespace golive::test {

/// Sets the language of every message for one scope and restores English after it, so a
/// failing CHECK never leaves the rest of the suite speaking Chinese:
/// `Speaking zh("zh-CN");` before the code whose messages the test reads.
struct Speaking {
  explicit Speaking(const std::string& lang) { set_language(lang); }
  ~Speaking() { set_language("en"); }
  Speaking(const Speaking&) = delete;
  Speaking& operator=(const Speaking&) = delete;
};

}  // namespace golive::test
