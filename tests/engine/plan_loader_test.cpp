#include <doctest/doctest.h>

#include "checks/engine/plan_loader.h"
#include "tests/support/fixtures.h"

using namespace golive;
using golive::test::diagnostics_of;
using golive::test::plan_from;

TEST_CASE("loader: the minimal plan loads") {
  Plan plan = plan_from("");
  CHECK(*plan.plan.id == "test-plan");
  CHECK(*plan.go_live.window_start == test::at("2026-12-05T02:00:00+08:00"));
  CHECK(plan.contacts.size() == 1);
  CHECK(diagnostics_of(test::kMinimalPlan) == "");
}
