#pragma once
// Plans for the org.* check tests: contacts on lines 11-15, the organization from line 16.

#include <string>

#include "tests/support/fixtures.h"

namespace golive::test {

/// Five reachable contacts: li.wei, zhang.san, wang.wu, zhao.liu, sun.qi (lines 11-15).
inline const std::string kOrgContacts =
    R"(  - {id: li.wei, name: Li Wei, phone: "+8613800000003", email: li.wei@example.com, timezone: Asia/Shanghai}
  - {id: zhang.san, name: Zhang San, phone: "+8613800000001", email: zhang.san@example.com, timezone: Asia/Shanghai}
  - {id: wang.wu, name: Wang Wu, phone: "+8613800000002", email: wang.wu@example.com, timezone: Asia/Shanghai}
  - {id: zhao.liu, name: Zhao Liu, phone: "+8613800000004", email: zhao.liu@example.com, timezone: Europe/London}
  - {id: sun.qi, name: Sun Qi, phone: "+8613800000005", email: sun.qi@example.com, timezone: Asia/Shanghai}
)";

/// A whole plan owned by li.wei with `contacts` (each line `  - {...}`) and `rest` after
/// them (usually `organization:` and its keys).
inline Plan org_plan(const std::string& rest, const std::string& contacts = kOrgContacts) {
  return plan_from(R"(golive: 1
plan:
  id: p
  name: P
  owner: li.wei
  revised_at: 2026-11-01
go_live:
  window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}
  timezone: Asia/Shanghai
contacts:
)" + contacts + rest);
}

}  // namespace golive::test
