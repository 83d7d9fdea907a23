#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "checks/engine/digest.h"
#include "checks/engine/ruleset.h"

using namespace golive;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

namespace {

/// A directory of ruleset files, removed at the end of the test.
class RulesetDir {
 public:
  RulesetDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("golive-ruleset-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(path_);
  }
  ~RulesetDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  /// Writes `text` to `name` and returns the file's path.
  std::string write(const std::string& name, const std::string& text) const {
    fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string path(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

std::string formatted(const Diagnostics& d) {
  std::string out;
  for (const auto& item : d.all()) out += item.formatted() + "\n";
  return out;
}

/// Parse errors (and warnings) of a ruleset text, named rulesets/x.yaml.
std::string errors_of(const std::string& text) {
  Diagnostics d;
  auto rs = parse_ruleset(text, "rulesets/x.yaml", "rulesets/x.yaml", "rulesets", d);
  CHECK(rs.has_value() == !d.has_errors());
  return formatted(d);
}

/// A plan built in code: what selection reads (tags, tiers, scenario sections, vendors).
Plan plan_with(std::vector<std::string> tags = {}) {
  Plan p;
  p.file = "plan.yaml";
  p.loc = {"plan.yaml", 1, 1};
  for (auto& t : tags) p.plan.scenarios.push_back(Text{t, {"plan.yaml", 7, 15}});
  return p;
}

System system(const std::string& id, int64_t tier) {
  System s;
  s.id = Text{id, {"plan.yaml", 20, 9}};
  s.tier = Field<int64_t>{tier, {"plan.yaml", 21, 11}};
  return s;
}

std::string applied_list(const Selection& s) {
  std::string out;
  for (const auto& a : s.applied) out += a.name + " (" + a.reason + ")\n";
  return out;
}

const EffectiveRule* rule(const Selection& s, const std::string& id) {
  for (const auto& r : s.rules)
    if (r.id == id) return &r;
  return nullptr;
}

std::string param(const EffectiveRule& r, const std::string& name) {
  for (const auto& [k, v] : r.params.values())
    if (k == name) {
      std::string out;
      for (const auto& i : v.items) out += (out.empty() ? "" : ",") + i;
      return v.is_list ? "[" + out + "]" : out;
    }
  return "(unset)";
}

}  // namespace

// ---- Reading ruleset files ------------------------------------------------------------

TEST_CASE("ruleset: a full file is read into rules") {
  Diagnostics d;
  auto rs = parse_ruleset(R"(ruleset: payments
version: 2.1.0
description: Payments team rules (支付团队)
extends: [baseline, ./common.yaml]
rules:
  - {check: backup.fresh, severity: warn, params: {max_age: 12h, types: [rollback, restore]}}
  - check: rollback.tested
    enabled: false
  - {id: custom.replication-lag, exec: ["./checks/lag.sh", "--max", "30"], timeout: 10s,
     severity: gate, title: Replica lag below 30s}
)",
                          "team/payments.yaml", "team/payments.yaml", "team", d);
  INFO(formatted(d));
  REQUIRE(rs);
  CHECK(d.all().empty());
  CHECK(rs->name == "payments");
  CHECK(rs->version == "2.1.0");
  CHECK(rs->description == "Payments team rules (支付团队)");
  CHECK(rs->extends == std::vector<std::string>{"baseline", "./common.yaml"});
  REQUIRE(rs->extends_loc.size() == 2);
  CHECK(rs->extends_loc[1].str() == "team/payments.yaml:4:21");
  CHECK(rs->source == "team/payments.yaml");
  CHECK(rs->base_dir == "team");
  CHECK(rs->sha256.size() == 64);
  REQUIRE(rs->rules.size() == 3);

  const Rule& fresh = rs->rules[0];
  CHECK(fresh.check == "backup.fresh");
  CHECK(fresh.severity == Severity::Warn);
  CHECK_FALSE(fresh.enabled);
  REQUIRE(fresh.params.size() == 2);
  CHECK(fresh.params[0].first == "max_age");
  CHECK(fresh.params[0].second.items == std::vector<std::string>{"12h"});
  CHECK_FALSE(fresh.params[0].second.is_list);
  CHECK(fresh.params[0].second.loc.str() == "team/payments.yaml:6:61");
  CHECK(fresh.params[1].second.is_list);
  CHECK(fresh.params[1].second.items == std::vector<std::string>{"rollback", "restore"});

  CHECK(rs->rules[1].enabled == false);
  CHECK_FALSE(rs->rules[1].severity);
  CHECK(rs->rules[1].loc.str() == "team/payments.yaml:7:5");

  const Rule& lag = rs->rules[2];
  CHECK(lag.is_exec());
  CHECK(lag.check == "custom.replication-lag");
  CHECK(lag.exec == std::vector<std::string>{"./checks/lag.sh", "--max", "30"});
  CHECK(lag.timeout == 10s);
  CHECK(lag.severity == Severity::Gate);
  CHECK(lag.title == "Replica lag below 30s");
}

TEST_CASE("ruleset: the sha256 is of the file's bytes") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("ruleset: an unknown check id is an error with a suggestion") {
  CHECK(errors_of("ruleset: x\nversion: 1.0.0\nrules:\n  - check: backup.fersh\n") ==
        "rulesets/x.yaml:4:12: error: rules[0].check: unknown check 'backup.fersh' (did you mean "
        "'backup.fresh'?)\n");
  CHECK(errors_of("ruleset: x\nrules:\n  - {check: nothing.like-this}\n") ==
        "rulesets/x.yaml:3:13: error: rules[0].check: unknown check 'nothing.like-this'\n");
}

TEST_CASE("ruleset: a bad severity is an error") {
  CHECK(errors_of("ruleset: x\nrules:\n  - {check: backup.fresh, severity: high}\n") ==
        "rulesets/x.yaml:3:37: error: rules[0].severity: 'high' is not one of gate, warn, info\n");
  CHECK(errors_of("ruleset: x\nrules:\n  - {check: backup.fresh, severity: gat}\n") ==
        "rulesets/x.yaml:3:37: error: rules[0].severity: 'gat' is not one of gate, warn, info "
        "(did you mean 'gate'?)\n");
}

TEST_CASE("ruleset: structural errors name the rule") {
  CHECK(errors_of("rules: []\n") == "rulesets/x.yaml:1:1: error: missing required key 'ruleset'\n");
  CHECK(errors_of("ruleset: x\nrules:\n  - {severity: gate}\n") ==
        "rulesets/x.yaml:3:5: error: rules[0]: missing required key 'check' (or 'id' and 'exec' "
        "for a plugin)\n");
  CHECK(errors_of("ruleset: x\nrules:\n  - {check: backup.fresh, exec: [a]}\n") ==
        "rulesets/x.yaml:3:5: error: rules[0]: a rule has either 'check', or 'id' and 'exec', not "
        "both\n");
  CHECK(errors_of("ruleset: x\nrules:\n  - {check: backup.fresh}\n  - {check: backup.fresh, "
                  "severity: warn}\n") ==
        "rulesets/x.yaml:4:5: error: rules[1]: duplicate rule for 'backup.fresh' (first at line "
        "3)\n");
  CHECK(errors_of("ruleset: x\nrules:\n  - {check: backup.fresh, enabled: maybe}\n") ==
        "rulesets/x.yaml:3:36: error: rules[0].enabled: 'maybe' is not true or false\n");
  CHECK(errors_of("ruleset: x\nrules:\n  - {check: backup.fresh, sevrity: warn}\n") ==
        "rulesets/x.yaml:3:27: error: rules[0]: unknown key 'sevrity' (did you mean "
        "'severity'?)\n");
  CHECK(errors_of("ruleset: x\nrules: {check: backup.fresh}\n") ==
        "rulesets/x.yaml:2:8: error: rules: expected a list, got a mapping\n");
}

TEST_CASE("ruleset: params are scalars or lists of scalars") {
  CHECK(errors_of("ruleset: x\nrules:\n  - {check: backup.fresh, params: {max_age: {h: 1}}}\n") ==
        "rulesets/x.yaml:3:45: error: rules[0].params.max_age: expected a value or a list of "
        "values, got a mapping\n");
  CHECK(errors_of("ruleset: x\nrules:\n  - {check: backup.fresh, params: {types: [a, [b]]}}\n") ==
        "rulesets/x.yaml:3:47: error: rules[0].params.types[1]: expected a value, got a list\n");
  CHECK(errors_of("ruleset: x\nrules:\n  - {check: backup.fresh, params: [max_age]}\n") ==
        "rulesets/x.yaml:3:35: error: rules[0].params: expected a mapping, got a list\n");
}

TEST_CASE("ruleset: exec rules") {
  CHECK(errors_of("ruleset: x\nrules:\n  - {id: backup.fresh, exec: [./x.sh]}\n") ==
        "rulesets/x.yaml:3:10: error: rules[0].id: 'backup.fresh' is a registered check: "
        "configure it with 'check: backup.fresh' (exec rules need an id of their own)\n");
  CHECK(errors_of("ruleset: x\nrules:\n  - {id: custom.x, exec: []}\n") ==
        "rulesets/x.yaml:3:26: error: rules[0].exec: expected a command and its arguments, got "
        "an empty list\n");
  CHECK(errors_of("ruleset: x\nrules:\n  - {exec: [./x.sh]}\n") ==
        "rulesets/x.yaml:3:5: error: rules[0]: missing required key 'id'\n");
  CHECK(errors_of("ruleset: x\nrules:\n  - {id: custom.x, exec: [./x.sh], timeout: 0s}\n") ==
        "rulesets/x.yaml:3:45: error: rules[0].timeout: must be longer than 0s\n");
  CHECK(errors_of("ruleset: x\nrules:\n  - {id: custom.x, exec: [./x.sh], params: {a: 1}}\n") ==
        "rulesets/x.yaml:3:44: error: rules[0].params: exec rules take no params (pass arguments "
        "in 'exec')\n");
}

TEST_CASE("ruleset: YAML problems are located errors") {
  CHECK(errors_of("ruleset: x\nruleset: y\n") ==
        "rulesets/x.yaml:2:1: error: duplicate key 'ruleset' (first at line 1)\n");
  Diagnostics d;
  CHECK_FALSE(load_ruleset_file("no/such/ruleset.yaml", d));
  CHECK(formatted(d) == "no/such/ruleset.yaml: error: no such ruleset file\n");
}

// ---- Built-in rulesets ----------------------------------------------------------------

TEST_CASE("built-in rulesets: baseline first, then the scenarios in SPEC order") {
  auto names = builtin_ruleset_names();
  REQUIRE(names.size() >= 6);
  CHECK(std::vector<std::string>(names.begin(), names.begin() + 6) ==
        std::vector<std::string>{"baseline", "critical", "large-upgrade", "cross-border",
                                 "new-technology", "third-party"});
  CHECK(builtin_ruleset("nope") == nullptr);
  const Ruleset* base = builtin_ruleset("baseline");
  REQUIRE(base);
  CHECK(base->source == "built-in");
  CHECK(base->version == "1.0.0");
}

TEST_CASE("built-in rulesets: triggers for `golive rulesets`") {
  const auto& t = ruleset_triggers();
  REQUIRE(t.size() == 5);
  CHECK(t[0].name == "critical");
  CHECK(t[0].tag == "critical");
  CHECK(t[0].trigger == "a tier-1 system (systems[].tier: 1)");
  CHECK(t[4].name == "third-party");
  CHECK(t[4].trigger == "vendors is not empty");
  for (const auto& trig : t) CHECK(builtin_ruleset(trig.name) != nullptr);
}

// ---- Automatic selection --------------------------------------------------------------

TEST_CASE("selection: baseline always, nothing else for a plain plan") {
  Diagnostics d;
  auto s = select_rules(plan_with(), {}, true, d);
  CHECK(formatted(d) == "");
  CHECK(applied_list(s) == "baseline (always)\n");
  const Ruleset* base = builtin_ruleset("baseline");
  REQUIRE(base);
  CHECK(s.applied[0].version == "1.0.0");
  CHECK(s.applied[0].sha256 == base->sha256);
  CHECK(s.applied[0].source == "built-in");
  // Every baseline rule is selected, in check-id order.
  CHECK(s.rules.size() == base->rules.size());
  for (size_t i = 1; i < s.rules.size(); ++i) CHECK(s.rules[i - 1].id < s.rules[i].id);
  const EffectiveRule* fresh = rule(s, "backup.fresh");
  REQUIRE(fresh);
  CHECK(fresh->info == find_check("backup.fresh"));
  CHECK(fresh->severity == Severity::Gate);
  CHECK(fresh->enabled);
}

TEST_CASE("selection: a scenario tag selects its ruleset") {
  Diagnostics d;
  auto s = select_rules(plan_with({"cross-border", "critical"}), {}, true, d);
  CHECK(formatted(d) == "");
  // Scenario order is SPEC order, not the order of the tags.
  CHECK(applied_list(s) ==
        "baseline (always)\n"
        "critical (plan.scenarios lists critical)\n"
        "cross-border (plan.scenarios lists cross-border)\n");
}

TEST_CASE("selection: each trigger selects its ruleset without the tag") {
  Plan p = plan_with();
  p.systems.push_back(system("batch", 3));
  p.systems.push_back(system("payments-api", 1));
  p.scenarios.large_upgrade = LargeUpgrade{};
  p.scenarios.cross_border = CrossBorder{};
  p.scenarios.has_new_technology = true;
  Vendor v;
  v.id = Text{"acme-db", {"plan.yaml", 90, 9}};
  p.vendors.push_back(v);
  Diagnostics d;
  auto s = select_rules(p, {}, true, d);
  CHECK(formatted(d) == "");
  CHECK(applied_list(s) ==
        "baseline (always)\n"
        "critical (tier-1 system payments-api)\n"
        "large-upgrade (scenarios.large_upgrade is present)\n"
        "cross-border (scenarios.cross_border is present)\n"
        "new-technology (scenarios.new_technology is present)\n"
        "third-party (vendors lists acme-db)\n");
}

TEST_CASE("selection: a tier-2 system or an empty section triggers nothing") {
  Plan p = plan_with();
  p.systems.push_back(system("reports", 2));
  Diagnostics d;
  CHECK(applied_list(select_rules(p, {}, true, d)) == "baseline (always)\n");
}

TEST_CASE("selection: the tag wins as the reason when both are present") {
  Plan p = plan_with({"critical"});
  p.systems.push_back(system("payments-api", 1));
  Diagnostics d;
  CHECK(applied_list(select_rules(p, {}, true, d)) ==
        "baseline (always)\ncritical (plan.scenarios lists critical)\n");
}

TEST_CASE("selection: every ruleset is applied once however many extend it") {
  RulesetDir dir;
  dir.write("common.yaml", "ruleset: common\nversion: 0.1.0\nextends: [baseline]\n");
  auto team = dir.write("team.yaml",
                        "ruleset: team\nextends: [baseline, critical, common.yaml]\nrules: []\n");
  Plan p = plan_with({"critical", "third-party"});
  Diagnostics d;
  auto s = select_rules(p, {team, "critical"}, true, d);
  CHECK(formatted(d) == "");
  CHECK(applied_list(s) ==
        "baseline (always)\n"
        "critical (plan.scenarios lists critical)\n"
        "third-party (plan.scenarios lists third-party)\n"
        "common (extended by team)\n"
        "team (--ruleset)\n");
  CHECK(s.applied[3].source == dir.path("common.yaml"));
  CHECK(s.applied[3].version == "0.1.0");
  CHECK(s.applied[4].source == team);
}

TEST_CASE("selection: --no-auto-rulesets applies only the user's and what they extend") {
  RulesetDir dir;
  auto only = dir.write("only.yaml", "ruleset: only\nrules:\n  - {check: backup.fresh}\n");
  auto ext = dir.write("ext.yaml", "ruleset: ext\nextends: [baseline]\n");
  Plan p = plan_with({"critical"});
  Diagnostics d;
  auto s = select_rules(p, {only}, false, d);
  CHECK(applied_list(s) == "only (--ruleset)\n");
  REQUIRE(s.rules.size() == 1);
  CHECK(s.rules[0].id == "backup.fresh");
  s = select_rules(p, {ext}, false, d);
  CHECK(applied_list(s) == "baseline (extended by ext)\next (--ruleset)\n");
  s = select_rules(p, {"critical"}, false, d);
  CHECK(applied_list(s) == "baseline (extended by critical)\ncritical (--ruleset)\n");
  CHECK(formatted(d) == "");
}

TEST_CASE("selection: the user's rules override the built-in ones, last one wins") {
  RulesetDir dir;
  auto first = dir.write("first.yaml", R"(ruleset: first
rules:
  - {check: backup.fresh, severity: warn, params: {max_age: 12h, note: first}}
  - {check: rollback.tested, enabled: false}
)");
  auto second = dir.write("second.yaml", R"(ruleset: second
rules:
  - {check: backup.fresh, severity: info, params: {note: second, types: [a, b]}}
)");
  Diagnostics d;
  auto s = select_rules(plan_with(), {first, second}, true, d);
  CHECK(formatted(d) == "");
  const EffectiveRule* fresh = rule(s, "backup.fresh");
  REQUIRE(fresh);
  CHECK(fresh->severity == Severity::Info);
  CHECK(fresh->enabled);
  // Params merge per key: max_age from the first, note overridden by the second.
  REQUIRE(fresh->params.values().size() == 3);
  CHECK(param(*fresh, "max_age") == "12h");
  CHECK(param(*fresh, "note") == "second");
  CHECK(param(*fresh, "types") == "[a,b]");
  CHECK(fresh->loc.str() == second + ":3:5");
  const EffectiveRule* tested = rule(s, "rollback.tested");
  REQUIRE(tested);
  CHECK_FALSE(tested->enabled);
  CHECK(tested->severity == Severity::Gate);  // untouched: the baseline's word

  // The other order: the first file has the last word.
  s = select_rules(plan_with(), {second, first}, true, d);
  fresh = rule(s, "backup.fresh");
  REQUIRE(fresh);
  CHECK(fresh->severity == Severity::Warn);
  CHECK(param(*fresh, "note") == "first");
}

TEST_CASE("selection: a later rule re-enables a disabled one") {
  RulesetDir dir;
  auto off = dir.write("off.yaml", "ruleset: off\nrules:\n  - {check: backup.exists, enabled: false}\n");
  auto on = dir.write("on.yaml", "ruleset: on\nrules:\n  - {check: backup.exists, enabled: true}\n");
  Diagnostics d;
  auto s = select_rules(plan_with(), {off, on}, true, d);
  REQUIRE(rule(s, "backup.exists"));
  CHECK(rule(s, "backup.exists")->enabled);
}

TEST_CASE("selection: exec rules keep their command and directory") {
  RulesetDir dir;
  auto lag = dir.write("sub/lag.yaml", R"(ruleset: lag
rules:
  - {id: custom.lag, exec: [./lag.sh, "30"], timeout: 3s, title: Replica lag}
)");
  auto quieter = dir.write("quieter.yaml", R"(ruleset: quieter
extends: [sub/lag.yaml]
rules:
  - {id: custom.lag, severity: warn}
)");
  Diagnostics d;
  auto s = select_rules(plan_with(), {quieter}, false, d);
  CHECK(formatted(d) == "");
  REQUIRE(s.rules.size() == 1);
  const EffectiveRule& r = s.rules[0];
  CHECK(r.id == "custom.lag");
  CHECK(r.info == nullptr);
  CHECK(r.exec == std::vector<std::string>{"./lag.sh", "30"});
  CHECK(r.base_dir == dir.path("sub"));
  CHECK(r.timeout == 3s);
  CHECK(r.title == "Replica lag");
  CHECK(r.severity == Severity::Warn);
}

TEST_CASE("selection: an exec id nobody gives a command is an error") {
  RulesetDir dir;
  auto f = dir.write("x.yaml", "ruleset: x\nrules:\n  - {id: custom.lag, severity: warn}\n");
  Diagnostics d;
  select_rules(plan_with(), {f}, false, d);
  CHECK(formatted(d) == f + ":3:5: error: exec rule 'custom.lag' has no command: give 'exec' "
                            "here or in a ruleset applied before this one\n");
}

TEST_CASE("selection: errors in user rulesets") {
  RulesetDir dir;
  Diagnostics d;
  SUBCASE("unknown built-in name on the command line") {
    select_rules(plan_with(), {"critcal"}, true, d);
    CHECK(formatted(d) ==
          "--ruleset: error: unknown built-in ruleset 'critcal' (did you mean 'critical'?)\n");
  }
  SUBCASE("missing ruleset file") {
    select_rules(plan_with(), {dir.path("missing.yaml")}, true, d);
    CHECK(formatted(d) == dir.path("missing.yaml") + ": error: no such ruleset file\n");
  }
  SUBCASE("unknown built-in name in extends") {
    auto f = dir.write("x.yaml", "ruleset: x\nextends: [baselin]\n");
    select_rules(plan_with(), {f}, true, d);
    CHECK(formatted(d) ==
          f + ":2:11: error: extends[0]: unknown built-in ruleset 'baselin' (did you mean "
              "'baseline'?)\n");
  }
  SUBCASE("missing file in extends, relative to the ruleset") {
    auto f = dir.write("x.yaml", "ruleset: x\nextends:\n  - baseline\n  - common.yaml\n");
    select_rules(plan_with(), {f}, true, d);
    CHECK(formatted(d) ==
          f + ":4:5: error: extends[1]: no such ruleset file '" + dir.path("common.yaml") + "'\n");
  }
  SUBCASE("a cycle of extends") {
    auto a = dir.write("a.yaml", "ruleset: a\nextends: [b.yaml]\n");
    dir.write("b.yaml", "ruleset: b\nextends: [baseline, a.yaml]\n");
    auto s = select_rules(plan_with(), {a}, false, d);
    CHECK(formatted(d) ==
          dir.path("b.yaml") + ":2:21: error: extends[1]: cycle in extends: a → b → a\n");
  }
  SUBCASE("a ruleset extending itself") {
    auto a = dir.write("a.yaml", "ruleset: a\nextends: [./a.yaml]\n");
    select_rules(plan_with(), {a}, false, d);
    CHECK(formatted(d) == a + ":2:11: error: extends[0]: cycle in extends: a → a\n");
  }
  SUBCASE("an error inside an extended file") {
    dir.write("base.yaml", "ruleset: base\nrules:\n  - {check: backup.fersh}\n");
    auto f = dir.write("x.yaml", "ruleset: x\nextends: [base.yaml]\n");
    select_rules(plan_with(), {f}, false, d);
    CHECK(formatted(d) == dir.path("base.yaml") +
                              ":3:13: error: rules[0].check: unknown check 'backup.fersh' (did "
                              "you mean 'backup.fresh'?)\n");
  }
}
