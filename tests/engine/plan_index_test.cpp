// Plan lookups by id (PlanIndex): the answers a scan of the lists would give, in plan order,
// also after the lists change and in a copy.
#include <doctest/doctest.h>

#include "checks/engine/plan.h"
#include "tests/support/fixtures.h"

namespace golive::test {

namespace {
const char* kSystemsAndBackups = R"(
systems:
  - {id: api, tier: 1, datastores: [api-db, cache]}
  - {id: batch, tier: 2, datastores: [batch-db]}
backups:
  - {id: api-db-daily, datastore: api-db, schedule: 24h, location: "file:///b/1"}
  - {id: api-whole, datastore: api, schedule: 6h, location: "file:///b/2"}
  - {id: api-db-hourly, datastore: api-db, schedule: 1h, location: "file:///b/3"}
  - {id: batch-db-daily, datastore: batch-db, schedule: 24h, location: "file:///b/4"}
)";

std::vector<std::string> ids(const std::vector<const Backup*>& backups) {
  std::vector<std::string> out;
  for (const Backup* b : backups) out.push_back(*b->id);
  return out;
}
}  // namespace

TEST_CASE("plan lookups: by id, datastores, backups of a datastore in plan order") {
  const Plan p = plan_from(kSystemsAndBackups);
  REQUIRE(p.system("batch"));
  CHECK(p.system("batch") == &p.systems[1]);
  CHECK_FALSE(p.system("api-db"));
  CHECK(p.contact("li.wei") == &p.contacts[0]);
  CHECK_FALSE(p.contact("nobody"));
  CHECK(p.backup("api-whole") == &p.backups[1]);
  CHECK(p.has_datastore("cache"));
  CHECK_FALSE(p.has_datastore("api"));
  // A backup of the whole system counts for each of its datastores, in plan order, once.
  CHECK(ids(p.backups_of("api-db", p.systems[0].id)) ==
        std::vector<std::string>{"api-db-daily", "api-whole", "api-db-hourly"});
  CHECK(ids(p.backups_of("cache", p.systems[0].id)) == std::vector<std::string>{"api-whole"});
  CHECK(ids(p.backups_of("api-db", Text{})) == std::vector<std::string>{"api-db-daily", "api-db-hourly"});
  CHECK(p.backups_of("nothing", Text{}).empty());
}

TEST_CASE("plan lookups: rebuilt when a list changes, empty in a copy until used") {
  Plan p = plan_from(kSystemsAndBackups);
  CHECK_FALSE(p.backup("late"));
  Backup late;
  late.id = Text{"late", {}};
  late.datastore = Text{"batch-db", {}};
  p.backups.push_back(late);
  REQUIRE(p.backup("late"));
  CHECK(p.backup("late") == &p.backups.back());
  CHECK(ids(p.backups_of("batch-db", Text{})) == std::vector<std::string>{"batch-db-daily", "late"});
  const Plan copy = p;
  CHECK(copy.backup("late") == &copy.backups.back());
  CHECK(copy.system("api") == &copy.systems[0]);
}

}  // namespace golive::test
