// End-to-end: `golive init` writes a plan template that validates as written and is NOT
// READY until filled in, for every combination of scenarios; it never overwrites a file
// without --force.
#include <doctest/doctest.h>

#include <algorithm>

#include "tests/cli/cli_support.h"
#include "tests/support/golden.h"

namespace golive::test {

TEST_CASE("init: every scenario combination validates and is not ready") {
  const std::vector<std::string> scenarios = {"critical", "large-upgrade", "cross-border", "new-technology",
                                              "third-party"};
  TempDir dir;
  for (unsigned mask = 0; mask < 32; ++mask) {
    std::vector<std::string> args = {"init", "-o", dir.file("plan.yaml"), "--force"};
    std::vector<std::string> chosen;
    for (unsigned i = 0; i < scenarios.size(); ++i)
      if (mask & (1u << i)) {
        args.insert(args.end(), {"--scenario", scenarios[i]});
        chosen.push_back(scenarios[i]);
      }
    CAPTURE(fmt::format("{}", fmt::join(chosen, ",")));
    ProcessResult made = run_golive(args);
    REQUIRE(made.exit_code == 0);
    CHECK(made.out == "");
    ProcessResult valid = run_golive({"validate", dir.file("plan.yaml")});
    CHECK(valid.exit_code == 0);
    CHECK(valid.err == "");
    ProcessResult checked = check({"-f", "json", dir.file("plan.yaml")});
    CHECK(checked.exit_code == 1);
    auto j = json_of(checked.out);
    CHECK(j["verdict"] == "not_ready");
    // Each chosen scenario's ruleset applies.
    std::vector<std::string> applied;
    for (const auto& r : j["plans"][0]["rulesets"]) applied.push_back(r["name"].get<std::string>());
    for (const auto& s : chosen) CHECK(std::find(applied.begin(), applied.end(), s) != applied.end());
  }
}

TEST_CASE("init: the whole template in each language is its golden, and is valid with working placeholders") {
  // tests/golden/init/all-scenarios.<lang>.yaml; GOLIVE_UPDATE_GOLDEN=1 rewrites them.
  TempDir dir;
  for (const std::string lang : {"en", "zh-CN"}) {
    CAPTURE(lang);
    ProcessResult r = run_golive({"init", "--lang", lang, "--scenario", "critical", "--scenario", "large-upgrade",
                                  "--scenario", "cross-border", "--scenario", "new-technology", "--scenario",
                                  "third-party"});
    REQUIRE(r.exit_code == 0);
    compare_with_golden(source_dir() + "/tests/golden/init/all-scenarios." + lang + ".yaml", r.out);
    dir.write("plan.yaml", r.out);
    ProcessResult valid = run_golive({"validate", "--lang", lang, dir.file("plan.yaml")});
    CHECK(valid.exit_code == 0);
    CHECK(valid.err == "");
    ProcessResult checked = check({"-f", "json", "--offline", dir.file("plan.yaml")});
    CHECK(checked.exit_code == 1);
    // The placeholder phones are E.164 and the zones IANA: the people's details pass as written.
    int reachable = 0;
    const nlohmann::json report = json_of(checked.out);  // named: a temporary's ["plans"] would dangle
    for (const auto& f : report["plans"][0]["findings"])
      if (f["check"] == "org.contacts-reachable") {
        CHECK(f["status"] == "pass");
        ++reachable;
      }
    CHECK(reachable > 0);
  }
}

TEST_CASE("init --lang zh-CN: mainland placeholders, the verdict in Chinese, comments aligned") {
  ProcessResult r = run_golive({"init", "--lang", "zh-CN"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("NOT READY") == std::string::npos);
  CHECK(r.out.find("`golive check` 的结论为「未就绪」") != std::string::npos);
  CHECK(r.out.find("+1555") == std::string::npos);
  CHECK(r.out.find("phone: \"+8613800000001\"") != std::string::npos);
  CHECK(r.out.find("\n  timezone: Asia/Shanghai            # IANA 时区名，例如 Asia/Shanghai\n") != std::string::npos);
  CHECK(r.out.find("\n  approvals: []                      # 例：") != std::string::npos);
  CHECK(r.out.find("\n  review: {due: 5d, owner: ops.lead}   # 总结改进\n") != std::string::npos);
  // The window at night in Shanghai, and updates timed in the plan's own zone.
  CHECK(r.out.find("\n  window: {start: 2099-01-02T02:00:00+08:00, end: 2099-01-02T06:00:00+08:00}   # 二、适用范围 —— 上线窗口\n") !=
        std::string::npos);
  CHECK(r.out.find("\n  comms: {owner: comms.lead, time_reference: Asia/Shanghai}   # 信息通报：") != std::string::npos);
  // A cross-border plan times them in UTC, as crossborder.unified-comms asks, and says why.
  ProcessResult cross = run_golive({"init", "--lang", "zh-CN", "--scenario", "cross-border"});
  CHECK(cross.out.find("\n  comms: {owner: comms.lead, time_reference: UTC}   # 信息通报：跨国上线统一用 UTC 通报时间") !=
        std::string::npos);
  // English keeps UTC throughout.
  ProcessResult en = run_golive({"init", "--lang", "en"});
  CHECK(en.out.find("\n  window: {start: 2099-01-02T02:00:00Z, end: 2099-01-02T06:00:00Z}   # the go-live window\n") !=
        std::string::npos);
  CHECK(en.out.find("\n  comms: {owner: comms.lead, time_reference: UTC}   # add channel") != std::string::npos);
}

TEST_CASE("init: the template names the emergency-plan chapters and prints to stdout") {
  ProcessResult r = run_golive({"init", "--scenario", "third-party"});
  CHECK(r.exit_code == 0);
  for (const char* chapter : {"三、组织架构", "四、应急响应流程", "五.1(1) 备份", "五.1(2) 回滚", "五.1(3) 监控",
                              "五.2(2) 人员调度", "五.3 资源保障", "六.2 演练", "七、预案的修订", "第三方供应商"})
    CHECK(r.out.find(chapter) != std::string::npos);
  CHECK(r.out.find("scenarios: [third-party]") != std::string::npos);
}

TEST_CASE("init: -o - writes to stdout, not to a file named -") {
  TempDir dir;
  ProcessOptions in_dir;
  in_dir.cwd = dir.path();
  ProcessResult r = run_golive({"init", "--scenario", "critical", "-o", "-"}, in_dir);
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(r.out == run_golive({"init", "--scenario", "critical"}).out);
  CHECK(dir.list().empty());
}

TEST_CASE("init: never overwrites without --force") {
  TempDir dir;
  dir.write("plan.yaml", "mine\n");
  ProcessResult r = run_golive({"init", "-o", dir.file("plan.yaml")});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "golive: error: " + dir.file("plan.yaml") +
                     " already exists; golive init never overwrites a plan (use --force to replace it)\n");
  CHECK(slurp(dir.file("plan.yaml")) == "mine\n");
  ProcessResult forced = run_golive({"init", "-o", dir.file("plan.yaml"), "--force"});
  CHECK(forced.exit_code == 0);
  CHECK(slurp(dir.file("plan.yaml"))->rfind("# Go-live emergency plan", 0) == 0);
}

TEST_CASE("init: an unknown scenario is a usage error with a suggestion") {
  ProcessResult r = run_golive({"init", "--scenario", "critcal"});
  CHECK(r.exit_code == 2);
  CHECK(r.err ==
        "golive: error: init: --scenario: 'critcal' is not one of critical, large-upgrade, cross-border, "
        "new-technology, third-party (did you mean 'critical'?)\n");
}

}  // namespace golive::test
