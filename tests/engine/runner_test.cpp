#include <doctest/doctest.h>

#include <fmt/format.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <unistd.h>

#include "tests/support/process.h"
#include "checks/engine/plugin.h"
#include "checks/engine/runner.h"
#include "tests/support/speaking.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

// ---- Test-only checks (category `test`, registered from tests/: the registry test's
// folder rule skips them) -----------------------------------------------------------------

namespace {

// A plan with nothing in it, for rule selection alone. (A `Plan{}` temporary makes g++ 12
// at -O3 report a false -Wmaybe-uninitialized in its destructor.)
const Plan& no_plan() {
  static const Plan plan;
  return plan;
}

/// Reads max_age, limit and names; passes with what it read.
class ParamsProbe final : public Check {
 public:
  explicit ParamsProbe(const Params& p)
      : max_age_(p.duration("max_age", 24h)),
        limit_(p.integer("limit", 3)),
        names_(p.list("names", {"a"})) {}
  void run(const Plan& plan, Context& ctx) const override {
    auto& f = ctx.pass("plan", plan.loc, "max_age {} limit {}", format_duration(max_age_), limit_);
    f.evidence.emplace_back("names", names_);
  }

 private:
  Duration max_age_;
  int64_t limit_;
  std::vector<std::string> names_;
};

/// Adds a pass, then throws.
class Throws final : public Check {
 public:
  explicit Throws(const Params&) {}
  void run(const Plan& plan, Context& ctx) const override {
    ctx.pass("plan", plan.loc, "half done");
    throw std::runtime_error("boom");
  }
};

/// Throws while being constructed.
class ThrowsEarly final : public Check {
 public:
  explicit ThrowsEarly(const Params&) { throw std::runtime_error("cannot start"); }
  void run(const Plan&, Context&) const override {}
};

/// Finds nothing to look at.
class Silent final : public Check {
 public:
  explicit Silent(const Params&) {}
  void run(const Plan&, Context&) const override {}
};

/// One fail, one pass, one skip, one error.
class Mixed final : public Check {
 public:
  explicit Mixed(const Params&) {}
  void run(const Plan& plan, Context& ctx) const override {
    ctx.fail("links[wan-a]", plan.loc, "too full");
    ctx.pass("links[wan-b]", plan.loc, "fine");
    ctx.skip("links[wan-c]", plan.loc, "no capacity given");
    ctx.error("links[wan-d]", plan.loc, "could not ask");
  }
};

/// Asks for a local file with a live probe; the answer decides the finding.
class FileProbe final : public Check {
 public:
  explicit FileProbe(const Params& p) : path_(p.text("path", "")) {}
  void run(const Plan& plan, Context& ctx) const override {
    if (ctx.offline()) {
      ctx.skip("plan", plan.loc, "offline");
      return;
    }
    HttpRequest req;
    req.method = HttpMethod::Head;
    req.url = "file://" + path_;
    ctx.probe(req, [&ctx, &plan](const HttpResponse& r) {
      if (!r.transport_ok()) throw std::runtime_error("no answer: " + r.reason);
      ctx.pass("plan", plan.loc, "{} bytes", r.content_length().value_or(-1));
    });
  }

 private:
  std::string path_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(FileProbe, .id = "test.file-probe", .severity = Severity::Gate,
                      .title = "Probes a local file", .why = "Runner test.",
                      .fix = "Create the file.", .reads = {}, .live = true);
GOLIVE_REGISTER_CHECK(ParamsProbe, .id = "test.params", .severity = Severity::Gate,
                      .title = "Reads parameters", .why = "Runner test.",
                      .fix = "Change the parameters.", .reads = {});
GOLIVE_REGISTER_CHECK(Throws, .id = "test.throws", .severity = Severity::Gate,
                      .title = "Throws while running", .why = "Runner test.", .fix = "Fix the check.",
                      .reads = {});
GOLIVE_REGISTER_CHECK(ThrowsEarly, .id = "test.throws-early", .severity = Severity::Warn,
                      .title = "Throws while constructed", .why = "Runner test.",
                      .fix = "Fix the check.", .reads = {});
GOLIVE_REGISTER_CHECK(Silent, .id = "test.silent", .severity = Severity::Info,
                      .title = "Has nothing to check", .why = "Runner test.", .fix = "Nothing.",
                      .reads = {});
GOLIVE_REGISTER_CHECK(Mixed, .id = "test.mixed", .severity = Severity::Warn,
                      .title = "Mixed results", .why = "Runner test.", .fix = "Free a link.",
                      .reads = {});

namespace {

const Instant kAsOf = golive::test::at("2026-12-04T12:00:00+08:00");

class RulesetDir {
 public:
  RulesetDir() {
    static std::atomic<int> counter{0};
    path_ = fs::temp_directory_path() /
            ("golive-runner-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::create_directories(path_);
  }
  ~RulesetDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path(name), std::ios::binary) << text;
    return path(name);
  }
  std::string path(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

const char* const kPlanYaml = R"(golive: 1
plan: {id: test-plan, name: Test plan, owner: li.wei, revised_at: 2026-11-01}
go_live:
  window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}
systems:
  - {id: payments-api, tier: 1}
  - {id: "batch", tier: 3, note: "007"}
resources:
  network: {max_utilization: 0.7}
)";

std::shared_ptr<const Plan> test_plan() {
  auto p = std::make_shared<Plan>();
  p->file = "plan.yaml";
  p->loc = {"plan.yaml", 1, 1};
  p->source_text = kPlanYaml;
  return p;
}

/// The selection of the user rulesets in `texts` only (no built-ins).
Selection select(const RulesetDir& dir, const std::vector<std::string>& texts) {
  std::vector<std::string> files;
  for (size_t i = 0; i < texts.size(); ++i)
    files.push_back(dir.write(fmt::format("r{}.yaml", i), texts[i]));  // not "r" + std::string: -Wrestrict at -O3
  Diagnostics d;
  Selection s = select_rules(no_plan(), files, false, d);
  std::string messages;
  for (const auto& item : d.all()) messages += item.formatted() + "\n";
  INFO(messages);
  REQUIRE_FALSE(d.has_errors());
  return s;
}

PlanResult run(const Selection& s, RunOptions o = {}) {
  o.as_of = kAsOf;
  o.offline = true;
  return run_plan(test_plan(), s, o);
}

std::string input_error(const Selection& s) {
  try {
    run(s);
  } catch (const InputError& e) {
    return e.formatted();
  }
  return "(no error)";
}

std::string ids(const PlanResult& r) {
  std::string out;
  for (const auto& f : r.findings) out += f.check + " " + std::string(to_string(f.status)) + "\n";
  return out;
}

const Finding& only_finding(const PlanResult& r) {
  REQUIRE(r.findings.size() == 1);
  return r.findings[0];
}

template <class T>
const T* evidence(const Finding& f, const std::string& key) {
  for (const auto& [k, v] : f.evidence)
    if (k == key) return std::get_if<T>(&v.get());
  return nullptr;
}

std::string fixture(const std::string& rel) {
  return golive::test::source_dir() + "/tests/fixtures/" + rel;
}

}  // namespace

// ---- Globs ----------------------------------------------------------------------------

TEST_CASE("runner: glob_match") {
  CHECK(glob_match("backup.*", "backup.fresh"));
  CHECK(glob_match("backup.fresh", "backup.fresh"));
  CHECK_FALSE(glob_match("backup.fresh", "backup.freshness"));
  CHECK_FALSE(glob_match("backup.*", "rollback.tested"));
  CHECK(glob_match("*.tested", "rollback.tested"));
  CHECK(glob_match("*", "anything.at-all"));
  CHECK(glob_match("resources.*-headroom", "resources.bandwidth-headroom"));
  CHECK(glob_match("backup.fres?", "backup.fresh"));
  CHECK_FALSE(glob_match("backup.fres?", "backup.fres"));
  CHECK(glob_match("*a*b*c", "xxaxxbxxc"));
  CHECK_FALSE(glob_match("*a*b*c", "xxaxxcxxb"));
  CHECK(glob_match("", ""));
  CHECK_FALSE(glob_match("", "x"));
}

TEST_CASE("runner: --only and --skip select rules by glob") {
  RulesetDir dir;
  auto s = select(dir, {"ruleset: r\nrules:\n  - {check: test.params}\n  - {check: test.silent}\n"
                        "  - {check: test.mixed}\n"});
  RunOptions o;
  CHECK(run(s, o).findings.size() == 6);
  // A rule left out still shows, as one skip that says which option left it out.
  o.only = {"test.m*"};
  auto only = run(s, o);
  CHECK(ids(only) ==
        "test.mixed fail\ntest.mixed pass\ntest.mixed skip\ntest.mixed error\ntest.params skip\ntest.silent skip\n");
  CHECK(only.findings[4].message == "not run: --only test.m* does not include it");
  CHECK(only.summary.rules == 1);
  o.only = {"test.params", "test.silent"};
  CHECK(ids(run(s, o)) == "test.mixed skip\ntest.params pass\ntest.silent skip\n");
  o.only = {};
  o.skip = {"test.*s*"};
  auto skipped = run(s, o);
  CHECK(ids(skipped) ==
        "test.mixed fail\ntest.mixed pass\ntest.mixed skip\ntest.mixed error\ntest.params skip\ntest.silent skip\n");
  CHECK(skipped.findings[4].message == "not run: left out by --skip test.*s*");
  o.only = {"test.*"};
  o.skip = {"test.mixed", "test.params"};
  auto r = run(s, o);
  CHECK(ids(r) == "test.mixed skip\ntest.params skip\ntest.silent skip\n");
  CHECK(r.summary.rules == 1);
}

// ---- Findings -------------------------------------------------------------------------

TEST_CASE("runner: the runner fills check, category, severity, blocking and remediation") {
  RulesetDir dir;
  auto r = run(select(dir, {"ruleset: r\nrules:\n  - {check: test.mixed, severity: gate}\n"}));
  REQUIRE(r.findings.size() == 4);
  for (const auto& f : r.findings) {
    CHECK(f.check == "test.mixed");
    CHECK(f.category == "test");
    CHECK(f.severity == Severity::Gate);
    CHECK(f.remediation == "Free a link.");
  }
  CHECK(r.findings[0].blocking);        // fail of a gate
  CHECK_FALSE(r.findings[1].blocking);  // pass
  CHECK_FALSE(r.findings[2].blocking);  // skip
  CHECK(r.findings[3].blocking);        // error of a gate: fail-closed
  CHECK(r.verdict == Verdict::NotReady);
  CHECK(r.summary.failed == 1);
  CHECK(r.summary.errors == 1);
  CHECK(r.summary.passed == 1);
  CHECK(r.summary.skipped == 1);
  CHECK(r.summary.warnings == 0);

  // The same rule as a warning never blocks.
  r = run(select(dir, {"ruleset: r\nrules:\n  - {check: test.mixed}\n"}));
  for (const auto& f : r.findings) {
    CHECK(f.severity == Severity::Warn);
    CHECK_FALSE(f.blocking);
  }
  CHECK(r.verdict == Verdict::ReadyWithWarnings);
  CHECK(r.summary.failed == 0);
  CHECK(r.summary.warnings == 1);
}

TEST_CASE("runner: a rule that finds nothing still shows, as skip") {
  RulesetDir dir;
  auto r = run(select(dir, {"ruleset: r\nrules:\n  - {check: test.silent}\n"}));
  const Finding& f = only_finding(r);
  CHECK(f.status == Status::Skip);
  CHECK(f.subject == "plan");
  CHECK(f.message == "nothing to check");
  CHECK(f.location.str() == "plan.yaml:1:1");
  CHECK(f.severity == Severity::Info);
  CHECK(r.verdict == Verdict::Ready);
}

TEST_CASE("runner: a throwing check becomes one error finding, the others still run") {
  RulesetDir dir;
  auto r = run(select(dir, {"ruleset: r\nrules:\n  - {check: test.throws}\n  - {check: test.params}\n"}));
  CHECK(ids(r) == "test.params pass\ntest.throws error\n");
  const Finding& f = r.findings.at(1);
  CHECK(f.subject == "plan");
  CHECK(f.message == "check failed: boom");
  CHECK(f.location.str() == "plan.yaml:1:1");
  CHECK(f.blocking);
  CHECK(r.verdict == Verdict::NotReady);
}

TEST_CASE("runner: a check whose constructor throws becomes an error finding") {
  RulesetDir dir;
  auto r = run(select(dir, {"ruleset: r\nrules:\n  - {check: test.throws-early}\n"}));
  const Finding& f = only_finding(r);
  CHECK(f.status == Status::Error);
  CHECK(f.message == "check failed: cannot start");
  CHECK(f.severity == Severity::Warn);
  CHECK_FALSE(f.blocking);
  CHECK(r.verdict == Verdict::ReadyWithWarnings);
}

TEST_CASE("runner: live probes run after the checks, their answers become findings") {
  RulesetDir dir;
  const std::string data = dir.write("data.bin", "12345");
  auto s = select(dir, {"ruleset: r\nrules:\n  - {check: test.file-probe, params: {path: '" + data +
                            "'}}\n"});
  RunOptions o;
  o.as_of = kAsOf;
  o.offline = false;
  auto r = run_plan(test_plan(), s, o);
  CHECK(ids(r) == "test.file-probe pass\n");
  CHECK(r.findings.at(0).message == "5 bytes");

  // A callback that throws is an error of its check.
  s = select(dir, {"ruleset: r\nrules:\n  - {check: test.file-probe, params: {path: '" +
                       dir.path("missing.bin") + "'}}\n"});
  r = run_plan(test_plan(), s, o);
  const Finding& f = only_finding(r);
  CHECK(f.status == Status::Error);
  CHECK(f.message.starts_with("live probe could not be evaluated: no answer: "));
  CHECK(f.blocking);

  // Offline, nothing is probed.
  r = run(s);
  CHECK(ids(r) == "test.file-probe skip\n");
}

TEST_CASE("runner: a disabled rule does not run") {
  RulesetDir dir;
  auto r = run(select(dir, {"ruleset: r\nrules:\n  - {check: test.throws}\n  - {check: test.silent}\n",
                            "ruleset: s\nrules:\n  - {check: test.throws, enabled: false}\n"}));
  CHECK(ids(r) == "test.silent skip\n");
  CHECK(r.summary.rules == 1);
}

// ---- Parameters -----------------------------------------------------------------------

TEST_CASE("runner: parameters merged per key reach the check") {
  RulesetDir dir;
  auto r = run(select(dir, {"ruleset: a\nrules:\n  - {check: test.params, params: {max_age: 12h, limit: 5}}\n",
                            "ruleset: b\nrules:\n  - {check: test.params, params: {limit: 7, names: [x, y]}}\n"}));
  const Finding& f = only_finding(r);
  CHECK(f.message == "max_age 12h limit 7");
  const auto* names = evidence<std::vector<std::string>>(f, "names");
  REQUIRE(names);
  CHECK(*names == std::vector<std::string>{"x", "y"});
}

TEST_CASE("runner: an unknown parameter is an error in the ruleset") {
  RulesetDir dir;
  auto s = select(dir, {"ruleset: a\nrules:\n  - {check: test.params, params: {max_agee: 12h}}\n"});
  CHECK(input_error(s) == dir.path("r0.yaml") +
                              ":3:45: error: params.max_agee: unknown parameter for test.params "
                              "(did you mean 'max_age'?)");
  s = select(dir, {"ruleset: a\nrules:\n  - {check: test.params, params: {colour: red}}\n"});
  CHECK(input_error(s).ends_with(":3:43: error: params.colour: unknown parameter for test.params "
                                 "(it takes max_age, limit, names)"));
  s = select(dir, {"ruleset: a\nrules:\n  - {check: test.silent, params: {limit: 1}}\n"});
  CHECK(input_error(s).ends_with(
      ":3:42: error: params.limit: unknown parameter for test.silent (it takes no parameters)"));
}

TEST_CASE("runner: parameter errors are found even in rules that do not run") {
  RulesetDir dir;
  auto s = select(dir, {"ruleset: a\nrules:\n  - {check: test.params, enabled: false, params: {max_agee: 1h}}\n"
                        "  - {check: test.silent}\n"});
  RunOptions o;
  o.only = {"test.silent"};
  CHECK_THROWS_AS(run(s, o), InputError);
}

TEST_CASE("runner: a parameter of the wrong type is an error at its position") {
  RulesetDir dir;
  auto s = select(dir, {"ruleset: a\nrules:\n  - {check: test.params, params: {max_age: soon}}\n"});
  CHECK(input_error(s).ends_with(":3:44: error: params.max_age: 'soon' is not a duration "
                                 "(expected e.g. 30m, 24h, 7d or PT1H)"));
  s = select(dir, {"ruleset: a\nrules:\n  - {check: test.params, params: {limit: many}}\n"});
  CHECK(input_error(s).ends_with(":3:42: error: params.limit: 'many' is not a whole number"));
  s = select(dir, {"ruleset: a\nrules:\n  - {check: test.params, params: {max_age: [1h, 2h]}}\n"});
  CHECK(input_error(s).ends_with(":3:44: error: params.max_age: expected a duration, got a list"));
}

// ---- Summary and verdict --------------------------------------------------------------

TEST_CASE("result: summary counts and score") {
  auto finding = [](Status st, Severity sev, bool blocking = false) {
    Finding f;
    f.status = st;
    f.severity = sev;
    f.blocking = blocking;
    return f;
  };
  std::vector<Finding> fs = {
      finding(Status::Pass, Severity::Gate),         finding(Status::Pass, Severity::Warn),
      finding(Status::Fail, Severity::Gate, true),   finding(Status::Fail, Severity::Warn),
      finding(Status::Fail, Severity::Info),         finding(Status::Error, Severity::Gate, true),
      finding(Status::Skip, Severity::Gate),         finding(Status::Waived, Severity::Gate),
  };
  Summary s = summarize(fs, 5);
  CHECK(s.rules == 5);
  CHECK(s.passed == 2);
  CHECK(s.failed == 1);
  CHECK(s.warnings == 1);
  CHECK(s.info == 1);
  CHECK(s.errors == 1);
  CHECK(s.skipped == 1);
  CHECK(s.waived == 1);
  CHECK(s.score == doctest::Approx(50.0));  // (2 passed + 1 waived) / 6 evaluated; info is not
  CHECK(summarize({}, 0).score == 100.0);
  CHECK(summarize({finding(Status::Skip, Severity::Gate)}, 1).score == 100.0);

  Summary total = summarize({finding(Status::Pass, Severity::Gate)}, 1);
  total.add(s);
  CHECK(total.rules == 6);
  CHECK(total.passed == 3);
  CHECK(total.score == doctest::Approx(57.1));
}

TEST_CASE("result: verdicts") {
  auto finding = [](Status st, Severity sev, bool blocking = false) {
    Finding f;
    f.status = st;
    f.severity = sev;
    f.blocking = blocking;
    return f;
  };
  CHECK(verdict_of({}) == Verdict::Ready);
  CHECK(verdict_of({finding(Status::Pass, Severity::Gate), finding(Status::Skip, Severity::Gate),
                    finding(Status::Waived, Severity::Gate)}) == Verdict::Ready);
  CHECK(verdict_of({finding(Status::Fail, Severity::Warn)}) == Verdict::ReadyWithWarnings);
  CHECK(verdict_of({finding(Status::Fail, Severity::Info)}) == Verdict::Ready);  // info never warns
  CHECK(verdict_of({finding(Status::Error, Severity::Info)}) == Verdict::Ready);
  CHECK(verdict_of({finding(Status::Error, Severity::Warn)}) == Verdict::ReadyWithWarnings);
  CHECK(verdict_of({finding(Status::Fail, Severity::Warn), finding(Status::Fail, Severity::Gate, true)}) ==
        Verdict::NotReady);
  CHECK(to_string(Verdict::Ready) == "ready");
  CHECK(to_string(Verdict::ReadyWithWarnings) == "ready_with_warnings");
  CHECK(to_string(Verdict::NotReady) == "not_ready");
}

// ---- Exec checks ----------------------------------------------------------------------

TEST_CASE("exec: the plan as JSON has the types of the plan format") {
  CHECK(yaml_to_json(kPlanYaml, "plan.yaml") ==
        R"({"golive":1,"plan":{"id":"test-plan","name":"Test plan","owner":"li.wei",)"
        R"("revised_at":"2026-11-01"},"go_live":{"window":{"start":"2026-12-05T02:00:00+08:00",)"
        R"("end":"2026-12-05T06:00:00+08:00"}},"systems":[{"id":"payments-api","tier":1},)"
        R"({"id":"batch","tier":3,"note":"007"}],"resources":{"network":{"max_utilization":0.7}}})");
  // Keys the plan format does not declare as numbers or booleans (here `a` and `b`) keep the
  // text as written, so that a plugin sees what golive understood.
  CHECK(yaml_to_json("a: [~, null, true, False, -12, +3, 1e3, .5, 0x1F, 99999999999999999999, "
                     "'true', \"12\", 1.0.0]\nb: |\n  12\n",
                     "x.yaml") ==
        R"({"a":[null,null,"true","False","-12","+3","1e3",".5","0x1F","99999999999999999999","true","12","1.0.0"],"b":"12\n"})");
  CHECK_THROWS_AS(yaml_to_json("a: [", "x.yaml"), InputError);
}

TEST_CASE("exec: a JSON plugin reads the plan from stdin") {
  PluginCall call;
  call.argv = {fixture("plugins/plan_summary.py")};
  call.stdin_text = yaml_to_json(kPlanYaml, "plan.yaml");
  call.env = {{"GOLIVE_CHECK_ID", "custom.summary"}, {"GOLIVE_OFFLINE", "1"}};
  PluginOutcome o = run_plugin(call);
  CHECK(o.status == Status::Pass);
  CHECK_FALSE(o.warning);
  CHECK(o.message == "plan test-plan has 2 systems");
  Finding f;
  f.evidence = o.evidence;
  REQUIRE(evidence<std::vector<std::string>>(f, "tiers"));
  CHECK(*evidence<std::vector<std::string>>(f, "tiers") == std::vector<std::string>{"1", "3"});
  REQUIRE(evidence<std::string>(f, "window_start"));
  CHECK(*evidence<std::string>(f, "window_start") == "2026-12-05T02:00:00+08:00");
  REQUIRE(evidence<std::string>(f, "check_id"));
  CHECK(*evidence<std::string>(f, "check_id") == "custom.summary");
  REQUIRE(evidence<bool>(f, "offline"));
  CHECK(*evidence<bool>(f, "offline"));
  REQUIRE(evidence<double>(f, "ratio"));
  CHECK(*evidence<double>(f, "ratio") == 0.7);
}

TEST_CASE("exec: JSON statuses") {
  auto outcome = [](const std::string& json) {
    PluginCall call;
    call.argv = {fixture("plugins/json_status.sh"), json};
    call.stdin_text = std::string(200000, 'x');  // more than a pipe holds: must be drained
    return run_plugin(call);
  };
  auto o = outcome(R"({"status": "fail", "message": "lag 95s", "evidence": {"lag_seconds": 95}})");
  CHECK(o.status == Status::Fail);
  CHECK_FALSE(o.warning);
  CHECK(o.message == "lag 95s");
  REQUIRE(o.evidence.size() == 1);
  CHECK(std::get<int64_t>(o.evidence[0].second.get()) == 95);
  o = outcome(R"({"status": "warn", "message": "lag 42s"})");
  CHECK(o.status == Status::Fail);
  CHECK(o.warning);
  o = outcome(R"({"status": "error"})");
  CHECK(o.status == Status::Error);
  CHECK(o.message == "plugin reported error");
  o = outcome(R"({"status": "skip", "message": "no replica in this plan", "evidence": {"replicas": {"count": 0}}})");
  CHECK(o.status == Status::Skip);
  CHECK(o.message == "no replica in this plan");
  REQUIRE(o.evidence.size() == 1);
  CHECK(std::get<std::string>(o.evidence[0].second.get()) == R"({"count":0})");
  o = outcome(R"({"status": "ok", "message": "fine"})");
  CHECK(o.status == Status::Error);
  CHECK(o.message == R"(plugin printed JSON without a valid "status" (pass, fail, warn, error or skip))");
}

TEST_CASE("exec: Nagios exit codes when stdout is not JSON") {
  auto outcome = [](const std::string& code) {
    PluginCall call;
    call.argv = {fixture("plugins/nagios.sh"), code};
    call.stdin_text = "{}";
    return run_plugin(call);
  };
  auto o = outcome("0");
  CHECK(o.status == Status::Pass);
  CHECK(o.message == "LAG OK - 3s behind");
  o = outcome("1");
  CHECK(o.status == Status::Fail);
  CHECK(o.warning);
  CHECK(o.message == "LAG WARNING - 42s behind");
  o = outcome("2");
  CHECK(o.status == Status::Fail);
  CHECK_FALSE(o.warning);
  CHECK(o.message == "LAG CRITICAL - 95s behind");
  o = outcome("3");
  CHECK(o.status == Status::Error);
  CHECK(o.message == "LAG UNKNOWN - replica not reachable");
  o = outcome("7");
  CHECK(o.status == Status::Error);
  CHECK(o.message == "plugin exited with code 7: replica tool crashed");
}

TEST_CASE("exec: a plugin that cannot start or does not finish is an error") {
  PluginCall call;
  call.argv = {fixture("plugins/no-such-plugin.sh")};
  auto o = run_plugin(call);
  CHECK(o.status == Status::Error);
  CHECK(o.message == "cannot run '" + fixture("plugins/no-such-plugin.sh") +
                         "': No such file or directory");

  call.argv = {fixture("plugins/hang.sh")};
  call.timeout = 1s;
  auto start = std::chrono::steady_clock::now();
  o = run_plugin(call);
  CHECK(std::chrono::steady_clock::now() - start < 5s);
  CHECK(o.status == Status::Error);
  CHECK(o.message == "plugin '" + fixture("plugins/hang.sh") + "' did not finish within 1s and was killed");
}

TEST_CASE("exec: rules run through the runner, relative to their ruleset") {
  Diagnostics d;
  Selection s = select_rules(no_plan(), {fixture("rulesets/exec.yaml")}, false, d);
  REQUIRE_FALSE(d.has_errors());
  auto r = run(s);
  CHECK(ids(r) ==
        "custom.lag-critical fail\n"
        "custom.lag-warning fail\n"
        "custom.plan-summary pass\n");
  const Finding& critical = r.findings[0];
  CHECK(critical.category == "custom");
  CHECK(critical.severity == Severity::Gate);
  CHECK(critical.blocking);
  CHECK(critical.subject == "plan");
  CHECK(critical.message == "LAG CRITICAL - 95s behind");
  // A warning from a plugin never blocks, even in a gate rule.
  const Finding& warning = r.findings[1];
  CHECK(warning.severity == Severity::Warn);
  CHECK_FALSE(warning.blocking);
  CHECK(r.findings[2].message == "plan test-plan has 2 systems");
  CHECK(r.verdict == Verdict::NotReady);
}

TEST_CASE("runner, zh-CN: a rule left out by --skip says so in Chinese, with the check's Chinese fix") {
  golive::test::Speaking zh("zh-CN");
  RulesetDir dir;
  auto s = select(dir, {"ruleset: r\nrules:\n  - {check: rollback.automated}\n"});
  RunOptions o;
  o.skip = {"rollback.*"};
  const PlanResult r = run(s, o);
  const Finding& f = only_finding(r);
  CHECK(f.status == Status::Skip);
  CHECK(f.message == "未运行：被 --skip rollback.* 排除");
  CHECK(f.remediation == "把回滚写成一条命令或一条流水线，并设置 rollback.automated: true。");
}

TEST_CASE("exec, zh-CN: what golive says about a plugin's exit is in Chinese, the plugin's own words are not") {
  golive::test::Speaking zh("zh-CN");
  PluginCall call;
  call.argv = {"/bin/sh", "-c", "exit 5"};
  CHECK(run_plugin(call).message == "插件以退出码 5 结束");
  call.argv = {"/bin/sh", "-c", "echo 'DISK CRITICAL - 3% free'; exit 7"};
  CHECK(run_plugin(call).message == "插件以退出码 7 结束：DISK CRITICAL - 3% free");
  call.argv = {"/bin/sh", "-c", "exit 2"};
  CHECK(run_plugin(call).message == "插件以退出码 2（CRITICAL）结束");
}
