// Messages about the input, validate's output and golive's own usage errors in Chinese: the
// `file:line:col: error: ` and `golive: error: ` prefixes stay as they are (editors and CI
// parse them), the text after them is the zh-CN catalogue's. Their English is asserted by
// the tests of each area (check_test, validate_test, usage_test, the hostile suite).
#include <doctest/doctest.h>

#include "tests/cli/cli_support.h"

namespace golive::test {

namespace {

const std::string kBadPlanZh =
    "tests/fixtures/cli/bad-plan.yaml:10:15: error: backups[0].schedule：「1 hour」不是时长（应写作 30m、24h、7d 或 "
    "PT1H 等）\n"
    "tests/fixtures/cli/bad-plan.yaml:11:5: error: backups[0]：未知的键「copeis」（是不是要写「copies」？）\n";

}  // namespace

TEST_CASE("i18n errors: validate speaks Chinese, from --lang or the locale") {
  ProcessResult bad = run_golive({"validate", "--lang", "zh-CN", fixture("bad-plan.yaml")});
  CHECK(bad.exit_code == 2);
  CHECK(bad.out == "");
  CHECK(bad.err == kBadPlanZh);

  ProcessOptions zh;
  zh.env["LANG"] = "zh_CN.UTF-8";
  ProcessResult ok = run_golive({"validate", fixture("ready.yaml")}, zh);
  CHECK(ok.exit_code == 0);
  CHECK(ok.err == "");
  CHECK(ok.out == "tests/fixtures/cli/ready.yaml：通过（cli-ready）\n");

  ProcessResult missing = run_golive({"validate", "no-such-plan.yaml"}, zh);
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == "no-such-plan.yaml: error: 文件或目录不存在\n");

  // English is unchanged by the catalogue.
  ProcessResult en = run_golive({"validate", fixture("ready.yaml")});
  CHECK(en.out == "tests/fixtures/cli/ready.yaml: ok (cli-ready)\n");
}

TEST_CASE("i18n errors: check and brief report a bad plan, ruleset or option in Chinese") {
  ProcessResult plan = check_fixture({"--lang", "zh-CN", fixture("bad-plan.yaml")});
  CHECK(plan.exit_code == 2);
  CHECK(plan.out == "");
  CHECK(plan.err == kBadPlanZh);

  ProcessResult brief = run_golive({"brief", "--lang", "zh-CN", fixture("bad-plan.yaml")});
  CHECK(brief.exit_code == 2);
  CHECK(brief.err == kBadPlanZh);

  ProcessResult ruleset = check_fixture({"--lang", "zh-CN", "-r", fixture("bad-ruleset.yaml"), fixture("ready.yaml")});
  CHECK(ruleset.exit_code == 2);
  CHECK(ruleset.err ==
        "tests/fixtures/cli/bad-ruleset.yaml:5:13: error: rules[0].check：未知的检查项「backup.fersh」（是不是要写"
        "「backup.fresh」？）\n");

  ProcessResult builtin = check({"--lang", "zh-CN", "-r", "critcal", fixture("ready.yaml")});
  CHECK(builtin.exit_code == 2);
  CHECK(builtin.err == "--ruleset: error: 未知的内置规则集「critcal」（是不是要写「critical」？）\n");

  ProcessOptions zh;
  zh.env["GOLIVE_LANG"] = "zh-CN";
  ProcessResult options = check({"--timeout", "0s", "--fail-on", "never", fixture("ready.yaml")}, zh);
  CHECK(options.exit_code == 2);
  CHECK(options.err ==
        "golive: error: --timeout：0s 超出范围（1秒 到 1小时）\n"
        "golive: error: --fail-on：「never」不是 gate 或 warn 之一\n");
  ProcessResult only = check({"--only", "backup.frsh", fixture("ready.yaml")}, zh);
  CHECK(only.exit_code == 2);
  CHECK(only.err == "golive: error: --only：没有检查项匹配「backup.frsh」（是不是要写「backup.fresh」？）\n");
}

TEST_CASE("i18n errors: a ruleset's parameters and a waiver register in Chinese") {
  TempDir dir;
  dir.write("params.yaml", "ruleset: mine\nversion: 1.0.0\nrules:\n  - {check: backup.fresh, params: {max_agee: 1d}}\n");
  dir.write("value.yaml", "ruleset: mine\nversion: 1.0.0\nrules:\n  - {check: drills.recent, params: {max_age: [1d]}}\n");
  dir.write("waivers.yaml", "waivers:\n  - {check: backup.fresh, approved_by: x, expires: 2026-13-01}\n");
  ProcessResult params = check({"--lang", "zh-CN", "-r", dir.file("params.yaml"), fixture("ready.yaml")});
  CHECK(params.exit_code == 2);
  CHECK(params.err == dir.file("params.yaml") +
                          ":4:46: error: params.max_agee：backup.fresh 没有这个参数（是不是要写「max_age」？）\n");
  ProcessResult value = check({"--lang", "zh-CN", "-r", dir.file("value.yaml"), fixture("ready.yaml")});
  CHECK(value.err == dir.file("value.yaml") + ":4:46: error: params.max_age：应为时长，实际为列表\n");
  ProcessResult waivers = check({"--lang", "zh-CN", "--waivers", dir.file("waivers.yaml"), fixture("ready.yaml")});
  CHECK(waivers.exit_code == 2);
  CHECK(waivers.err == dir.file("waivers.yaml") + ":2:5: error: waivers[0]：缺少必填键「reason」\n" +
                           dir.file("waivers.yaml") + ":2:52: error: waivers[0].expires：「2026-13-01」不是有效的日历日期\n");
}

TEST_CASE("i18n errors: check DIR names what it did not check, in Chinese") {
  TempDir dir;
  dir.write("ci.yaml", "stages: [build]\n");
  ProcessResult r = check({"--lang", "zh-CN", dir.path()});
  CHECK(r.exit_code == 2);
  CHECK(r.err == dir.file("ci.yaml") +
                     ": warning: 未检查：顶层没有带格式版本的「golive」键，因此不是预案（也不是规则集或豁免登记册）；"
                     "如仍要检查，请直接指定该文件\n" +
                     dir.path() + ": error: 未找到 golive 预案\n");
}

TEST_CASE("i18n errors: a report format or a report file golive cannot use, in Chinese") {
  const std::string plan = "examples/erp-zh-CN.yaml";
  ProcessResult pdf = run_golive({"check", "--lang", "zh-CN", "--offline", "-f", "pdf", plan});
  CHECK(pdf.exit_code == 2);
  CHECK(pdf.err ==
        "golive: error: --format：未知的格式「pdf」（应为 github、html、json、junit、markdown、sarif、text 之一）\n");
  ProcessResult near = run_golive({"check", "--lang", "zh-CN", "--offline", "--report", "jsn:r.json", plan});
  CHECK(near.exit_code == 2);
  CHECK(near.err == "golive: error: --report：未知的格式「jsn」（是不是要写「json」？）\n");

  // The system's reason stays as the system gives it.
  TempDir dir;
  const std::string missing = dir.file("missing/r.json");
  ProcessResult report = run_golive({"check", "--lang", "zh-CN", "--offline", "--report", "json:" + missing, plan});
  CHECK(report.exit_code == 2);
  CHECK(report.err == "golive: error: 无法写入报告 " + missing + "：No such file or directory\n");
  const std::string brief_file = dir.file("missing/brief.txt");
  ProcessResult brief = run_golive({"brief", "--lang", "zh-CN", "-o", brief_file, plan});
  CHECK(brief.exit_code == 2);
  CHECK(brief.err == "golive: error: 无法写入 " + brief_file + "：No such file or directory\n");
}

TEST_CASE("i18n errors: usage errors are in the language asked for before the options are read") {
  ProcessOptions zh;
  zh.env["LANG"] = "zh_CN.UTF-8";
  ProcessResult command = run_golive({"chekc", "plan.yaml"}, zh);
  CHECK(command.exit_code == 2);
  CHECK(command.err == "golive: error: 未知的命令「chekc」（是不是要写「check」？）\n");

  ProcessResult none = run_golive({}, zh);
  CHECK(none.err ==
        "golive: error: 未指定命令（应为 check、validate、list-checks、explain、rulesets、schema、init、brief "
        "之一；见 golive --help）\n");

  ProcessResult format = run_golive({"brief", "-f", "pdf", "--lang", "zh-CN", "plan.yaml"});
  CHECK(format.exit_code == 2);
  CHECK(format.err == "golive: error: brief：--format：「pdf」不是 text、markdown 或 html 之一\n");

  ProcessResult scenario = run_golive({"init", "--lang=zh-CN", "--scenario", "critcal"});
  CHECK(scenario.err ==
        "golive: error: init：--scenario：「critcal」不是 critical、large-upgrade、cross-border、new-technology、"
        "third-party 之一（是不是要写「critical」？）\n");

  ProcessResult option = run_golive({"validate", "--lang", "zh-CN", "--bogus", "plan.yaml"});
  CHECK(option.err == "golive: error: validate：未知的选项「--bogus」\n");

  ProcessResult explain = run_golive({"explain", "--lang", "zh-CN", "backup.frsh"});
  CHECK(explain.exit_code == 2);
  CHECK(explain.err == "golive: error: 未知的检查项「backup.frsh」（是不是要写「backup.fresh」？）\n");

  // .golive.yaml asks for Chinese: its own problems are reported in Chinese.
  TempDir dir;
  dir.write(".golive.yaml", "lang: zh-CN\nfial-on: warn\n");
  ProcessOptions in_dir;
  in_dir.cwd = dir.path();
  ProcessResult config = run_golive({"validate", "plan.yaml"}, in_dir);
  CHECK(config.exit_code == 2);
  CHECK(config.err == ".golive.yaml:2:1: error: 未知的键「fial-on」（是不是要写「fail-on」？）\n");

  // An unknown --lang falls back to the next source for its own message.
  ProcessResult lang = run_golive({"rulesets", "--lang", "fr"}, zh);
  CHECK(lang.exit_code == 2);
  CHECK(lang.err == "golive: error: --lang：「fr」不是 en 或 zh-CN 之一\n");
}

}  // namespace golive::test
