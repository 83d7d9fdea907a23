// Languages (docs/i18n.md): the catalogues agree key for key and argument for argument,
// every check and built-in ruleset speaks Chinese, --lang and its sources choose the
// language, and what a Chinese team sees is exactly what it should read.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <map>
#include <set>

#include <yaml-cpp/yaml.h>

#include "checks/engine/ruleset.h"
#include "checks/engine/i18n.h"
#include "tests/cli/cli_support.h"
#include "tests/support/golden.h"

namespace golive::test {

namespace {

// Keys only languages other than English have: English check texts live in the
// registrations, English ruleset texts in rulesets/*.yaml and the selection code.
bool translation_only(const std::string& key) {
  return key.rfind("checks.", 0) == 0 || key.rfind("rulesets_builtin.", 0) == 0;
}

// The zh-CN catalogue's `terms`, from its source file: the compiled table is sorted by key,
// and the glossary keeps the catalogue's order.
YAML::Node zh_terms() { return YAML::LoadFile(source_dir() + "/i18n/zh-CN.yaml")["terms"]; }

// docs/glossary-zh-CN.md as the catalogues' `terms` make it, in the catalogue's order.
std::string glossary() {
  YAML::Node zh = zh_terms();
  const auto& en = catalogue("en");
  std::string out =
      "# 术语表：系统上线应急预案 ↔ 预案字段\n\n"
      "The terms of the standard golive's plan format follows (系统上线应急预案), as golive's Chinese\n"
      "output uses them, each with its English wording and the plan key it names (plan keys:\n"
      "[plan-format.md](plan-format.md)).\n\n"
      "Generated from the `terms` of `i18n/zh-CN.yaml` and `i18n/en.yaml`; edit those, then run\n"
      "`GOLIVE_UPDATE_GOLDEN=1 build/tests/golive_tests -tc='i18n*'`. A test keeps this page and\n"
      "the catalogues equal.\n\n"
      "| 术语 | English | plan key |\n|---|---|---|\n";
  for (const auto& kv : zh) {
    const std::string key = kv.first.Scalar();
    out += fmt::format("| {} | {} | `{}` |\n", kv.second.Scalar(), en.at("terms." + key), key);
  }
  return out;
}

ProcessOptions with_env(std::map<std::string, std::string> env, std::string cwd = "") {
  ProcessOptions options;
  options.env = std::move(env);
  options.cwd = std::move(cwd);
  return options;
}

}  // namespace

TEST_CASE("i18n: each language has every key of the other, with the same arguments") {
  for (const auto& [a, b] : {std::pair{"en", "zh-CN"}, std::pair{"zh-CN", "en"}}) {
    CAPTURE(a);
    for (const auto& [key, text] : catalogue(a)) {
      if (translation_only(key)) continue;
      CAPTURE(key);
      auto other = catalogue(b).find(key);
      REQUIRE_MESSAGE(other != catalogue(b).end(), key << " is missing from " << b);
      CHECK(message_arguments(text) == message_arguments(other->second));
    }
  }
  CHECK(message_arguments("{id}: {title} {{literal}} {id}") == std::vector<std::string>{"id", "title"});
}

TEST_CASE("i18n: every key the sources ask for by name is in the catalogue") {
  // message("key", …) and message_text("key") with a literal key: a typo there would throw
  // (exit 3) only when that message is printed, perhaps in a path no other test reaches.
  const std::regex call(R"re(message(?:_text)?\(\s*"([a-z0-9_.-]+)"\s*[,)])re");
  size_t found = 0;
  for (const char* dir : {"/checks", "/cli"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(source_dir() + dir)) {
      const std::string path = entry.path().string();
      if (!entry.is_regular_file() || (!path.ends_with(".cpp") && !path.ends_with(".h"))) continue;
      std::ifstream in(path);
      const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      for (auto it = std::sregex_iterator(text.begin(), text.end(), call); it != std::sregex_iterator(); ++it) {
        const std::string key = (*it)[1];
        CAPTURE(path);
        CAPTURE(key);
        ++found;
        CHECK(catalogue("en").count(key) == 1);
      }
    }
  }
  CHECK(found > 20);
}

TEST_CASE("i18n: every registered check has its Chinese title, why and fix, and no other") {
  std::set<std::string> expected, english;
  for (const CheckInfo* c : product_checks())
    for (const char* field : {"title", "why", "fix"}) expected.insert(fmt::format("checks.{}.{}", c->id, field));
  std::set<std::string> chinese;
  for (const auto& [key, text] : catalogue("zh-CN"))
    if (key.rfind("checks.", 0) == 0) {
      chinese.insert(key);
      CHECK_MESSAGE(!text.empty(), key);  // printed as written: braces are literal, not arguments
    }
  for (const auto& [key, text] : catalogue("en"))
    if (translation_only(key)) english.insert(key);
  for (const std::string& key : expected) CHECK_MESSAGE(chinese.count(key), "missing " << key);
  for (const std::string& key : chinese) CHECK_MESSAGE(expected.count(key), "no such check: " << key);
  CHECK_MESSAGE(english.empty(), "English check and ruleset texts live in the code: " << *english.begin());
}

TEST_CASE("i18n: every built-in ruleset has its Chinese description and trigger, and no other") {
  std::set<std::string> expected;
  for (const std::string& name : builtin_ruleset_names()) expected.insert("rulesets_builtin." + name + ".description");
  for (const RulesetTrigger& t : ruleset_triggers()) expected.insert("rulesets_builtin." + t.name + ".trigger");
  std::set<std::string> chinese;
  for (const auto& [key, text] : catalogue("zh-CN"))
    if (key.rfind("rulesets_builtin.", 0) == 0) chinese.insert(key);
  CHECK(chinese == expected);
}

TEST_CASE("i18n: the locale chooses Simplified Chinese or English") {
  for (const char* zh : {"zh_CN.UTF-8", "zh_CN", "zh-CN", "zh_SG", "zh_CN.GB18030", "zh_CN.utf8@pinyin"})
    CHECK_MESSAGE(language_of_locale(zh) == "zh-CN", zh);
  for (const char* en : {"C", "C.UTF-8", "POSIX", "en_US.UTF-8", "zh_TW.UTF-8", "zh_HK", "zh", "fr_FR"})
    CHECK_MESSAGE(language_of_locale(en) == "en", en);
}

TEST_CASE("i18n: docs/glossary-zh-CN.md is the catalogues' terms, each naming a plan key") {
  compare_with_golden(source_dir() + "/docs/glossary-zh-CN.md", glossary());
  // Each term names a key the plan format documents.
  const std::string format = slurp(source_dir() + "/docs/plan-format.md").value_or("");
  for (const auto& kv : zh_terms()) {
    std::string key = kv.first.Scalar();
    CHECK_MESSAGE(format.find(fmt::format("`{}`", key.substr(0, key.find(':')))) != std::string::npos, key);
  }
}

TEST_CASE("i18n: list-checks --lang zh-CN prints Chinese headings and titles, aligned") {
  ProcessResult r = run_golive({"list-checks", "--lang", "zh-CN"});
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(r.out.rfind("检查项                              类别         默认级别  在线探测  通过条件\n"
                    "backup.exists                       backup       gate      是        每个数据存储都有备份，且备份位置已登记\n"
                    "backup.fresh                        backup       gate      是        备份足够新，可用于恢复\n",
                    0) == 0);
  CHECK(r.out.find("vendor.sla-defined                  vendor       gate      否        "
                   "供应商对 SEV1 响应足够快，且上线窗口内有人值守\n") != std::string::npos);
  // JSON is for programs: the same English whatever the language.
  CHECK(run_golive({"list-checks", "--lang", "zh-CN", "-f", "json"}).out == run_golive({"list-checks", "-f", "json"}).out);
}

TEST_CASE("i18n: explain --lang zh-CN") {
  ProcessResult contacts = run_golive({"explain", "vendor.contacts", "--lang", "zh-CN"});
  CHECK(contacts.exit_code == 0);
  CHECK(contacts.out ==
        "vendor.contacts：每家供应商都能电话联系\n"
        "  类别：vendor，默认级别：gate，在线探测：否\n"
        "\n为什么重要\n"
        "  凌晨三点，工单门户不是上报渠道。每家供应商至少要列出一位有 E.164 电话的联系人，以便应急指挥部在上线期间能找到人。\n"
        "\n参数\n  无\n"
        "\n读取的预案字段\n  vendors[].contacts[].name\n  vendors[].contacts[].phone\n  plan.scenarios\n"
        "\n如何修复\n  补充一位有电话号码的供应商联系人。\n"
        "\n所在内置规则集\n  third-party (gate)\n");
  ProcessResult fresh = run_golive({"explain", "--lang", "zh-CN", "backup.fresh"});
  CHECK(fresh.exit_code == 0);
  CHECK(fresh.out.rfind("backup.fresh：备份足够新，可用于恢复\n"
                        "  类别：backup，默认级别：gate，在线探测：是（探测运行中的系统；--offline 时跳过）\n"
                        "\n为什么重要\n  恢复只能找回最近一次成功备份中的数据：",
                        0) == 0);
  CHECK(fresh.out.find("\n参数\n  max_age  duration  默认值 1d\n") != std::string::npos);
  CHECK(fresh.out.find("\n如何修复\n  执行备份任务，核对备份周期，并登记 backups[].last_success。\n") != std::string::npos);
}

TEST_CASE("i18n: rulesets --lang zh-CN") {
  ProcessResult r = run_golive({"rulesets", "--lang", "zh-CN"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("baseline 1.0.0：所有上线的基本要求（系统上线应急预案 基本要求）\n"
                    "  适用条件：始终适用\n"
                    "  规则数：34\n\n"
                    "critical 1.0.0：关键业务系统上线\n"
                    "  适用条件：plan.scenarios 中列出 critical，或有 1 级系统（systems[].tier: 1）\n"
                    "  继承：baseline\n",
                    0) == 0);
  CHECK(r.out.find("third-party 1.0.0：第三方供应商系统上线\n"
                   "  适用条件：plan.scenarios 中列出 third-party，或列出了供应商（vendors 不为空）\n") != std::string::npos);
}

TEST_CASE("i18n: the locale, GOLIVE_LANG and .golive.yaml choose the language, the command line wins") {
  auto first_line = [](const ProcessResult& r) { return r.out.substr(0, r.out.find('\n')); };
  const std::string zh = "检查项                              类别         默认级别  在线探测  通过条件";
  const std::string en = "ID                                  CATEGORY     SEVERITY  LIVE  TITLE";
  CHECK(first_line(run_golive({"list-checks"}, with_env({{"LANG", "zh_CN.UTF-8"}}))) == zh);
  CHECK(first_line(run_golive({"list-checks"}, with_env({{"LANG", "zh_CN.UTF-8"}, {"LC_ALL", "C"}}))) == en);
  CHECK(first_line(run_golive({"list-checks"}, with_env({{"LANG", "C"}, {"LC_MESSAGES", "zh_SG.UTF-8"}}))) == zh);
  CHECK(first_line(run_golive({"list-checks"}, with_env({{"LANG", "en_US.UTF-8"}, {"GOLIVE_LANG", "zh-CN"}}))) == zh);
  CHECK(first_line(run_golive({"list-checks", "--lang", "en"}, with_env({{"GOLIVE_LANG", "zh-CN"}}))) == en);
  TempDir dir;
  dir.write(".golive.yaml", "lang: zh-CN\n");
  CHECK(first_line(run_golive({"list-checks"}, with_env({}, dir.path()))) == zh);
  CHECK(first_line(run_golive({"list-checks"}, with_env({{"GOLIVE_LANG", "en"}}, dir.path()))) == en);
}

TEST_CASE("i18n: shells complete --lang with the languages") {
  CHECK(run_golive({"completion", "bash"}).out.find(
            "--lang) COMPREPLY=($(compgen -W 'en zh-CN' -- \"$cur\")); return ;;") != std::string::npos);
  CHECK(run_golive({"completion", "fish"}).out.find("-l lang -x -a 'en zh-CN'") != std::string::npos);
}

TEST_CASE("i18n: an unknown language is a usage error naming the accepted ones") {
  for (const char* command : {"list-checks", "rulesets", "init"}) {
    ProcessResult r = run_golive({command, "--lang", "fr"});
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK(r.err == "golive: error: --lang: 'fr' is not one of en or zh-CN\n");
  }
  ProcessResult checked = check({"--lang", "fr", fixture("ready.yaml")});
  CHECK(checked.exit_code == 2);
  CHECK(checked.err == "golive: error: --lang: 'fr' is not one of en or zh-CN\n");
  ProcessResult env = run_golive({"explain", "backup.fresh"}, with_env({{"GOLIVE_LANG", "zh"}}));
  CHECK(env.exit_code == 2);
  CHECK(env.err == "golive: error: GOLIVE_LANG: 'zh' is not one of en or zh-CN\n");
  TempDir dir;
  dir.write(".golive.yaml", "lang: english\n");
  ProcessResult file = run_golive({"rulesets"}, with_env({}, dir.path()));
  CHECK(file.exit_code == 2);
  CHECK(file.err == ".golive.yaml:1:7: error: lang: 'english' is not one of en or zh-CN\n");
}

TEST_CASE("i18n: reports carry the language, and fixes and the HTML page speak it") {
  ProcessResult json = check({"-f", "json", "--lang", "zh-CN", fixture("not-ready.yaml")});
  CHECK(json.exit_code == 1);
  auto j = json_of(json.out);
  CHECK(j["lang"] == "zh-CN");
  CHECK(j["verdict"] == "not_ready");  // machine fields stay English
  bool recorded = false;
  for (const auto& o : j["settings"]["options"])
    if (o["name"] == "lang") recorded = o["value"] == "zh-CN" && o["origin"] == "--lang";
  CHECK(recorded);
  bool chinese_fix = false;
  for (const auto& f : j["plans"][0]["findings"])
    if (f["check"] == "backup.fresh" && f["status"] == "fail")
      chinese_fix = f["remediation"] == "执行 shop-db 的备份任务并核对备份周期，然后更新 backups[].last_success";
  CHECK(chinese_fix);

  auto en = json_of(check({"-f", "json", fixture("not-ready.yaml")}).out);
  CHECK(en["lang"] == "en");
  ProcessResult from_locale = check({"-f", "json", fixture("not-ready.yaml")}, with_env({{"LANG", "zh_CN.UTF-8"}}));
  bool from_lang = false;
  auto locale_report = json_of(from_locale.out);
  for (const auto& o : locale_report["settings"]["options"])
    if (o["name"] == "lang") from_lang = o["value"] == "zh-CN" && o["origin"] == "LANG";
  CHECK(from_lang);

  ProcessResult html = check({"-f", "html", "--lang", "zh-CN", fixture("not-ready.yaml")});
  CHECK(html.out.rfind("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n", 0) == 0);
  CHECK(html.out.find(":root { --sans: \"Noto Sans CJK SC\", \"Source Han Sans SC\", \"PingFang SC\", "
                      "\"Microsoft YaHei\", sans-serif; }\n</style>") != std::string::npos);
  CHECK(check({"-f", "html", fixture("not-ready.yaml")}).out.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n", 0) == 0);

  ProcessResult text = check({"--color", "never", fixture("not-ready.yaml")}, with_env({{"LANG", "zh_CN.UTF-8"}}));
  CHECK(text.out.find("执行 shop-db 的备份任务并核对备份周期，然后更新 backups[].last_success\n") != std::string::npos);
}

TEST_CASE("i18n: init --lang zh-CN writes the template with Chinese comments, valid and not ready") {
  TempDir dir;
  ProcessResult made = run_golive({"init", "--lang", "zh-CN", "--scenario", "critical", "--scenario", "large-upgrade",
                                   "--scenario", "cross-border", "--scenario", "new-technology", "--scenario",
                                   "third-party", "-o", dir.file("plan.yaml")});
  REQUIRE(made.exit_code == 0);
  const std::string text = slurp(dir.file("plan.yaml")).value_or("");
  CHECK(text.rfind("# 系统上线应急预案，由 `golive init` 生成。\n# 一、总则：", 0) == 0);
  for (const char* chapter : {"一、总则", "二、适用范围", "三、组织架构", "四、应急响应流程", "五、保障措施",
                              "五.1 技术保障（1）备份", "五.1 技术保障（2）回滚", "五.1 技术保障（3）监控",
                              "五.2 人员保障（1）培训", "五.2 人员保障（2）人员调度", "五.3 资源保障",
                              "六、培训与演练", "六.2 演练", "七、预案的修订", "八、附则", "特殊应用场合",
                              "大规模系统升级", "跨国系统上线", "新技术或新架构上线", "第三方供应商系统上线",
                              "应急指挥部", "应急工作小组", "各部门", "问题发现", "问题评估", "应急启动", "应急处理",
                              "信息通报", "总结改进"})
    CHECK_MESSAGE(text.find(chapter) != std::string::npos, chapter);
  CHECK(text.find("  commander: commander.name          # 指挥长\n") != std::string::npos);
  CHECK(text.find("Replace every placeholder") == std::string::npos);

  ProcessResult valid = run_golive({"validate", dir.file("plan.yaml")});
  CHECK(valid.exit_code == 0);
  CHECK(valid.err == "");
  ProcessResult checked = check({"-f", "json", dir.file("plan.yaml")});
  CHECK(checked.exit_code == 1);
  CHECK(json_of(checked.out)["verdict"] == "not_ready");

  // The same YAML as the English template but for comments, placeholder names, the placeholder
  // phones and the time zone: the same findings, with the same statuses.
  ProcessResult english = run_golive({"init", "--scenario", "critical", "--scenario", "large-upgrade", "--scenario",
                                      "cross-border", "--scenario", "new-technology", "--scenario", "third-party"});
  dir.write("en.yaml", english.out);
  auto ids = [](const ProcessResult& r) {
    std::vector<std::string> out;
    const nlohmann::json report = json_of(r.out);  // named: a temporary's ["plans"] would dangle
    for (const auto& plan : report["plans"])
      for (const auto& f : plan["findings"]) out.push_back(f["check"].get<std::string>() + " " + f["status"].get<std::string>());
    return out;
  };
  CHECK(ids(check({"-f", "json", dir.file("en.yaml")})) == ids(checked));
}

}  // namespace golive::test
