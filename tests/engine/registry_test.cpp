#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <regex>

#include "tests/support/process.h"
#include "checks/engine/plan_loader.h"
#include "checks/engine/ruleset.h"

using namespace golive;

namespace {

// Two registrations of one id, as a copy-pasted check that kept its original id would make.
class DuplicateA final : public Check {
 public:
  explicit DuplicateA(const Params&) {}
  void run(const Plan&, Context&) const override {}
};
class DuplicateB final : public Check {
 public:
  explicit DuplicateB(const Params&) {}
  void run(const Plan&, Context&) const override {}
};

}  // namespace

GOLIVE_REGISTER_CHECK(DuplicateA, .id = "test.duplicate", .severity = Severity::Info,
                      .title = "First registration", .why = "Registry test.", .fix = "None.",
                      .reads = {});
GOLIVE_REGISTER_CHECK(DuplicateB, .id = "test.duplicate", .severity = Severity::Gate,
                      .title = "Second registration", .why = "Registry test.", .fix = "None.",
                      .reads = {});

namespace {

/// The registering file relative to the source tree (`checks/backup/fresh.cpp`). `__FILE__`
/// is absolute in a plain build, and relative to the build directory (`../checks/…`) when a
/// compiler launcher such as ccache rewrites paths to share its cache between trees.
std::string relative_source(std::string file) {
  const std::string root = golive::test::source_dir() + "/";
  if (file.rfind(root, 0) == 0) return file.substr(root.size());
  while (file.rfind("../", 0) == 0) file.erase(0, 3);
  return file;
}

bool from_tests(const CheckInfo& c) { return relative_source(c.source_file).rfind("tests/", 0) == 0; }

}  // namespace

TEST_CASE("registry: ids are category.kebab-name") {
  static const std::regex kId("[a-z]+\\.[a-z0-9]+(-[a-z0-9]+)*");
  REQUIRE_FALSE(all_checks().empty());
  for (const CheckInfo* c : all_checks()) {
    INFO(c->id);
    CHECK(std::regex_match(c->id, kId));
    CHECK(c->id.rfind(c->category + ".", 0) == 0);
    CHECK(find_check(c->id) == c);
  }
}

TEST_CASE("registry: all_check_ids() is the ids of all_checks(), sorted, each once") {
  const std::vector<std::string> ids = all_check_ids();
  const std::vector<const CheckInfo*> checks = all_checks();
  REQUIRE(ids.size() == checks.size());
  for (size_t i = 0; i < ids.size(); ++i) CHECK(ids[i] == checks[i]->id);
  CHECK(std::is_sorted(ids.begin(), ids.end()));
  CHECK(std::adjacent_find(ids.begin(), ids.end()) == ids.end());
  CHECK(std::find(ids.begin(), ids.end(), "backup.fresh") != ids.end());
}

TEST_CASE("registry: the category is the folder of the check under checks/") {
  int seen = 0;
  for (const CheckInfo* c : all_checks()) {
    if (from_tests(*c)) continue;  // test-only checks live next to their tests
    INFO(c->id << " registered in " << c->source_file);
    const std::string rel = relative_source(c->source_file);
    static const std::regex kPath("checks/([a-z]+)/[a-z0-9_]+\\.cpp");
    std::smatch m;
    REQUIRE(std::regex_match(rel, m, kPath));
    CHECK(m[1].str() == c->category);
    ++seen;
  }
  CHECK(seen > 0);
}

TEST_CASE("registry: every check documents itself") {
  for (const CheckInfo* c : all_checks()) {
    INFO(c->id);
    CHECK_FALSE(c->title.empty());
    CHECK_FALSE(c->why.empty());
    CHECK_FALSE(c->fix.empty());
    CHECK(c->make);
    if (!from_tests(*c)) CHECK_FALSE(c->reads.empty());
  }
}

TEST_CASE("registry: no id is registered twice") {
  std::string conflicts;
  for (const auto& rc : registration_conflicts()) {
    if (rc.id == "test.duplicate") continue;  // registered twice on purpose, above
    conflicts += rc.id + ": " + rc.first_file + " and " + rc.second_file + "\n";
  }
  CHECK(conflicts == "");
}

TEST_CASE("registry: a duplicate registration is refused and recorded") {
  const CheckInfo* kept = find_check("test.duplicate");
  REQUIRE(kept);
  CHECK(kept->title == "First registration");
  int recorded = 0;
  for (const auto& rc : registration_conflicts()) {
    if (rc.id != "test.duplicate") continue;
    ++recorded;
    CHECK(relative_source(rc.first_file) == "tests/engine/registry_test.cpp");
    CHECK(relative_source(rc.second_file) == "tests/engine/registry_test.cpp");
  }
  CHECK(recorded == 1);
}

TEST_CASE("registry: every built-in ruleset loads and names registered checks only") {
  for (const std::string& name : builtin_ruleset_names()) {
    INFO(name);
    const Ruleset* rs = nullptr;
    CHECK_NOTHROW(rs = builtin_ruleset(name));
    REQUIRE(rs);
    CHECK(rs->name == name);
    CHECK(rs->version == "1.0.0");
    CHECK_FALSE(rs->description.empty());
    for (const Rule& r : rs->rules) {
      INFO(r.check);
      CHECK_FALSE(r.is_exec());
      CHECK(find_check(r.check) != nullptr);
    }
    // Applying it alone resolves its extends without error.
    Diagnostics d;
    Plan plan;
    auto s = select_rules(plan, {name}, false, d);
    CHECK(d.all().empty());
    REQUIRE_FALSE(s.applied.empty());
    CHECK(s.applied.back().name == name);
    CHECK(s.applied.back().reason == "--ruleset");
  }
}

TEST_CASE("registry: every scenario ruleset extends baseline and names its scenario") {
  for (const RulesetTrigger& t : ruleset_triggers()) {
    INFO(t.name);
    const Ruleset* rs = builtin_ruleset(t.name);
    REQUIRE(rs);
    CHECK(rs->extends == std::vector<std::string>{"baseline"});
    // The Chinese name of the scenario, as the go-live emergency plan calls it.
    CHECK(std::any_of(rs->description.begin(), rs->description.end(),
                      [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
  }
}

// The runner runs a check a second time in an offline run, as if online, only when it is
// live, to count the probes it did not send: a check that probes must say it is live, or
// an offline report would undercount what it did not see.
TEST_CASE("registry: only a live check queues a probe") {
  namespace fs = std::filesystem;
  const std::string root = golive::test::source_dir();
  std::vector<std::string> files;
  for (const char* dir : {"examples", "tests/fixtures/cli", "tests/fixtures/live", "tests/fixtures/plans"})
    for (const auto& e : fs::directory_iterator(root + "/" + dir))
      if (e.path().extension() == ".yaml") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  const Instant as_of = *parse_instant("2026-12-04T12:00:00+08:00", nullptr);
  size_t plans = 0, live_probes = 0;
  for (const std::string& file : files) {
    Diagnostics d;
    std::optional<Plan> plan = load_plan(file, d);
    if (!plan) continue;
    ++plans;
    for (const CheckInfo* info : all_checks()) {
      INFO(file, " ", info->id);
      std::unique_ptr<Check> check;
      try {
        check = info->make(Params{});
      } catch (const std::exception&) {
        continue;  // a test check that cannot start
      }
      Context ctx(*plan, as_of, false);
      try {
        check->run(*plan, ctx);
      } catch (const std::exception&) {
      }
      const size_t queued = ctx.take_probes().size();
      if (info->live)
        live_probes += queued;
      else
        CHECK(queued == 0);
    }
  }
  CHECK(plans >= 10);
  CHECK(live_probes > 0);
}
