// `--help` in the run's language (docs/i18n.md): each command's help compared whole with
// tests/golden/help/<command>.<lang>.txt (GOLIVE_UPDATE_GOLDEN=1 rewrites them), the
// language found the way usage errors find it, and the completion scripts English whatever
// the language.
#include <doctest/doctest.h>

#include <map>

#include "tests/cli/cli_support.h"
#include "tests/support/golden.h"

namespace golive::test {

namespace {

ProcessOptions with_env(std::map<std::string, std::string> env, std::string cwd = "") {
  ProcessOptions options;
  options.env = std::move(env);
  options.cwd = std::move(cwd);
  return options;
}

void compare_help(const std::string& command, const std::string& lang) {
  std::vector<std::string> args;
  if (command != "golive") args.push_back(command);
  args.push_back("--help");
  ProcessResult r = run_golive(args, with_env({{"GOLIVE_LANG", lang}}));
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  compare_with_golden(fmt::format("{}/tests/golden/help/{}.{}.txt", source_dir(), command, lang), r.out);
}

const std::vector<std::string> kCommands = {"golive",   "check",  "validate", "list-checks", "explain",
                                            "rulesets", "schema", "init",     "brief"};

}  // namespace

TEST_CASE("help: every command's --help, in English and in Chinese") {
  for (const std::string& command : kCommands)
    for (const char* lang : {"en", "zh-CN"}) {
      CAPTURE(command);
      CAPTURE(lang);
      compare_help(command, lang);
    }
}

TEST_CASE("help: check --help in Chinese") {
  ProcessResult r = run_golive({"check", "--help", "--lang", "zh-CN"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("评估上线预案（文件，或存放 *.yaml 预案的目录）\n"
                    "用法: golive check [选项] PATH...\n",
                    0) == 0);
  CHECK(r.out.find("  -f,--format FORMAT          输出到标准输出的报告格式（默认 text）；格式：github, html, json, junit, "
                   "markdown, sarif, text\n"
                   "                                例：-f json（环境变量 GOLIVE_FORMAT）\n") != std::string::npos);
  CHECK(r.out.find("\n退出码：0 就绪，1 未就绪，2 用法错误或输入无效，3 内部错误。\n") != std::string::npos);
}

TEST_CASE("help: the language comes from the command line as the parser reads it, then the environment") {
  auto first_line = [](const ProcessResult& r) { return r.out.substr(0, r.out.find('\n')); };
  const std::string zh = "评估上线预案（文件，或存放 *.yaml 预案的目录）";
  const std::string en = "Evaluate launch plans (files, or directories of *.yaml plans)";
  CHECK(first_line(run_golive({"check", "--help", "--lang", "zh-CN"})) == zh);
  CHECK(first_line(run_golive({"check", "--lang=zh-CN", "--help"})) == zh);
  CHECK(first_line(run_golive({"check", "--help"}, with_env({{"LANG", "zh_CN.UTF-8"}}))) == zh);
  CHECK(first_line(run_golive({"check", "--help", "--lang", "en"}, with_env({{"GOLIVE_LANG", "zh-CN"}}))) == en);
  // After `--` every argument is a plan path, and an option's value is taken whatever it
  // looks like: neither of these `--lang`s is the option.
  CHECK(first_line(run_golive({"check", "--help", "--", "--lang", "zh-CN"})) == en);
  CHECK(first_line(run_golive({"check", "--help", "--waivers", "--lang", "zh-CN"})) == en);
  CHECK(first_line(run_golive({"check", "--help", "-f", "--lang", "zh-CN"})) == en);
  CHECK(first_line(run_golive({"check", "--help", "-qf", "--lang", "zh-CN"})) == en);
  CHECK(first_line(run_golive({"brief", "--help", "-o", "--lang", "--lang", "zh-CN"})) ==
        "一页纸看上线当晚：时间线、决策点、该找谁");
  // A usage error, too, speaks the language of a real --lang only.
  ProcessResult value = run_golive({"check", "--format", "--lang", "zh-CN", "--fial-on", "x"});
  CHECK(value.exit_code == 2);
  CHECK(value.err == "golive: error: check: unknown option '--fial-on' (did you mean '--fail-on'?)\n");
}

TEST_CASE("help: golive's own --help takes --lang before or after it, and judges its value") {
  const std::string zh = slurp(source_dir() + "/tests/golden/help/golive.zh-CN.txt").value_or("");
  const std::string en = slurp(source_dir() + "/tests/golden/help/golive.en.txt").value_or("");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--help", "--lang", "zh-CN"}, {"--lang", "zh-CN", "--help"}, {"--lang=zh-CN", "-h"},
        {"-h", "--lang=zh-CN"}}) {
    CAPTURE(args.front());
    ProcessResult r = run_golive(args);
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out == zh);
  }
  // The command line wins over the environment, as for a command's --help; without it the
  // environment, .golive.yaml and the locale decide.
  CHECK(run_golive({"--lang", "en", "--help"}, with_env({{"GOLIVE_LANG", "zh-CN"}})).out == en);
  CHECK(run_golive({"--help"}, with_env({{"LANG", "zh_CN.UTF-8"}})).out == zh);
  TempDir dir;
  dir.write(".golive.yaml", "lang: zh-CN\n");
  CHECK(run_golive({"--help"}, with_env({}, dir.path())).out == zh);

  ProcessResult fr = run_golive({"--lang", "fr", "--help"});
  CHECK(fr.exit_code == 2);
  CHECK(fr.out == "");
  CHECK(fr.err == "golive: error: --lang: 'fr' is not one of en or zh-CN\n");
  ProcessResult fr_after = run_golive({"--help", "--lang=fr"}, with_env({{"GOLIVE_LANG", "zh-CN"}}));
  CHECK(fr_after.exit_code == 2);
  CHECK(fr_after.err == "golive: error: --lang：「fr」不是 en 或 zh-CN 之一\n");

  // Before a command, --lang would be a second one the command never reads: an error.
  ProcessResult before = run_golive({"--lang", "zh-CN", "rulesets"});
  CHECK(before.exit_code == 2);
  CHECK(before.err == "golive: error: --lang 应写在命令之后：golive rulesets --lang zh-CN\n");
  ProcessResult alone = run_golive({"--lang=en"});
  CHECK(alone.exit_code == 2);
  CHECK(alone.err ==
        "golive: error: no command given (expected one of check, validate, list-checks, explain, rulesets, schema, init, "
        "brief; see golive --help)\n");
  CHECK(run_golive({"--lang", "zh-CN", "--version"}).out == "golive 0.1.0\n");
}

TEST_CASE("help: a command named after --help is helped in its own --lang, which is judged first") {
  const std::string zh = slurp(source_dir() + "/tests/golden/help/check.zh-CN.txt").value_or("");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"--help", "check", "--lang", "zh-CN"}, {"-h", "check", "--lang=zh-CN"},
        {"--lang", "zh-CN", "--help", "check"}}) {
    CAPTURE(args.front());
    ProcessResult r = run_golive(args);
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    CHECK(r.out == zh);
  }
  CHECK(run_golive({"--help", "rulesets", "--lang", "zh-CN"}).out ==
        slurp(source_dir() + "/tests/golden/help/rulesets.zh-CN.txt").value_or(""));
  CHECK(run_golive({"schema", "--help", "--lang", "zh-CN"}).out ==
        slurp(source_dir() + "/tests/golden/help/schema.zh-CN.txt").value_or(""));

  // A --lang golive does not speak is the usage error it is without --help, not help.
  ProcessResult plain = run_golive({"rulesets", "--lang", "fr"});
  CHECK(plain.exit_code == 2);
  CHECK(plain.err == "golive: error: --lang: 'fr' is not one of en or zh-CN\n");
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"rulesets", "--lang", "fr", "--help"}, {"rulesets", "--help", "--lang=fr"},
        {"check", "--lang", "fr", "-h"}, {"--help", "check", "--lang", "fr"}, {"schema", "--help", "--lang", "fr"}}) {
    CAPTURE(args.front());
    ProcessResult r = run_golive(args);
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK(r.err == plain.err);
  }
  ProcessResult zh_env = run_golive({"rulesets", "--lang", "fr", "--help"}, with_env({{"GOLIVE_LANG", "zh-CN"}}));
  CHECK(zh_env.exit_code == 2);
  CHECK(zh_env.err == "golive: error: --lang：「fr」不是 en 或 zh-CN 之一\n");
}

TEST_CASE("help: each command's footer gives the exit codes it has, in both languages") {
  auto footer = [](const std::vector<std::string>& args) {
    const std::string out = run_golive(args).out;
    return out.substr(out.rfind("\n\n") + 2);
  };
  const std::string check_settings =
      "check options may also be set as GOLIVE_<NAME> variables (GOLIVE_FORMAT, GOLIVE_AS_OF...)\n"
      "and in .golive.yaml in the working directory; the command line wins, then the variable.\n";
  const std::string verdict = "Exit codes: 0 ready, 1 not ready, 2 usage error or invalid input, 3 internal error.\n";
  CHECK(footer({"check", "--help"}) == verdict + check_settings);
  CHECK(footer({"--help"}) == verdict + check_settings);
  CHECK(footer({"brief", "--help"}) == verdict);
  CHECK(footer({"validate", "--help"}) ==
        "Exit codes: 0 valid (warnings allowed), 2 usage error or invalid input, 3 internal error.\n");
  CHECK(footer({"init", "--help"}) ==
        "Exit codes: 0 template written, 2 usage error or FILE exists (without --force) or cannot be written, 3 "
        "internal error.\n");
  for (const char* command : {"list-checks", "explain", "rulesets", "schema"}) {
    CAPTURE(command);
    CHECK(footer({command, "--help"}) == "Exit codes: 0 printed, 2 usage error, 3 internal error.\n");
  }
  CHECK(footer({"init", "--help", "--lang", "zh-CN"}) ==
        "退出码：0 已写出模板，2 用法错误，或 FILE 已存在（未加 --force）或无法写入，3 内部错误。\n");
  CHECK(footer({"brief", "--help", "--lang", "zh-CN"}) == "退出码：0 就绪，1 未就绪，2 用法错误或输入无效，3 内部错误。\n");
  CHECK(footer({"rulesets", "--help", "--lang", "zh-CN"}) == "退出码：0 已输出，2 用法错误，3 内部错误。\n");
  CHECK(footer({"validate", "--help", "--lang", "zh-CN"}) == "退出码：0 有效（可有警告），2 用法错误或输入无效，3 内部错误。\n");
}

TEST_CASE("help: the completion scripts are English whatever the language, and --help's English") {
  for (const char* shell : {"bash", "zsh", "fish", "man"}) {
    CAPTURE(shell);
    ProcessResult en = run_golive({"completion", shell});
    CHECK(en.exit_code == 0);
    CHECK(run_golive({"completion", shell}, with_env({{"LANG", "zh_CN.UTF-8"}})).out == en.out);
    CHECK(run_golive({"completion", shell}, with_env({{"GOLIVE_LANG", "zh-CN"}})).out == en.out);
  }
  CHECK(run_golive({"completion", "fish"}).out.find("-d 'Report format on stdout (default text)") != std::string::npos);
}

}  // namespace golive::test
