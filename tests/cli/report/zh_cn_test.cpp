// Reports in Chinese (docs/i18n.md): the text report's columns line up by display width
// with Chinese subjects, tags and labels, and the locale alone (LANG=zh_CN.UTF-8) makes
// `golive check` speak Chinese unless LC_ALL says otherwise. The whole Chinese reports of
// the example plans are golden files (report_inputs(), tests/cli/golden_test.cpp).
#include <doctest/doctest.h>

#include <sstream>

#include "checks/engine/i18n.h"
#include "cli/report/support.h"
#include "cli/report/width.h"
#include "tests/cli/report/report_support.h"
#include "tests/support/speaking.h"

namespace golive::test {

namespace {

// The lines of `text`.
std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_CASE("report.text in Chinese aligns columns by display width and never cuts a character") {
  Speaking zh("zh-CN");
  RunResult result = synthetic_result();
  std::vector<Finding>& findings = result.plans[0].findings;
  findings[0].subject = "backups[财务库-小时备份]";
  findings[1].subject = "datastores[总账库]";
  findings[2].subject = "systems[应付]";
  std::ostringstream out;
  find_report_format("text")->write(result, out, {});
  const std::string text = out.str();
  CHECK(valid_utf8(text) == text);

  const std::vector<std::string> lines = lines_of(text);
  auto line_starting = [&](std::string_view prefix) {
    for (const std::string& line : lines)
      if (line.rfind(prefix, 0) == 0) return line;
    FAIL("no line starts with " << prefix);
    return std::string();
  };
  // The two blocking rows: tag, check, subject padded to the widest in display cells, so
  // that the messages start in the same terminal column.
  const std::string fail = line_starting("    阻断   backup.fresh  ");
  const std::string error = line_starting("    错误   backup.exists ");
  CHECK(fail == "    阻断   backup.fresh   backups[财务库-小时备份]  last success 3d ago, limit 2h (100% over) | see <runbook>");
  const auto message_column = [](const std::string& line, std::string_view message) {
    return display_width(std::string_view(line).substr(0, line.find(message)));
  };
  CHECK(message_column(fail, "last success") == message_column(error, "probe of"));
  CHECK(error.rfind("    错误   backup.exists  datastores[总账库]        probe of", 0) == 0);
  // Section headings, tags 6 cells wide ("已豁免"), the record's labels padded to the
  // widest Chinese label (8 cells), the fix line.
  CHECK(line_starting("  阻断项（2）") == "  阻断项（2）");
  CHECK(line_starting("    已豁免 monitoring.alerts-defined").find("alerts[PaymentsDown]") != std::string::npos);
  CHECK(line_starting("  失败判定 ") == "  失败判定 gate（默认）");
  CHECK(line_starting("  离线     ") == "  离线     是（默认）：0 次在线探测未执行；在线证据未经核实");
  CHECK(line_starting("           修复建议：") == "           修复建议：执行备份任务，核对备份周期，并登记 backups[].last_success。");
  CHECK(lines.front() == "未就绪  得分 42.9%  2 项阻断，2 项警告，1 项提示，1 项已豁免");
  CHECK(lines.back() == "2 项通过，1 项未通过，1 项警告，1 项提示，2 项错误，1 项已跳过，1 项已豁免");
}

TEST_CASE("report.lang: LANG=zh_CN.UTF-8 alone speaks Chinese, and LC_ALL=C wins over it") {
  const std::string plan = "examples/erp-zh-CN-not-ready.yaml";
  ProcessOptions chinese;
  chinese.env = {{"LANG", "zh_CN.UTF-8"}};  // GOLIVE_LANG, LC_ALL and LC_MESSAGES unset
  ProcessResult zh = check({plan}, chinese);
  CAPTURE(zh.err);
  CHECK(zh.exit_code == 1);
  CHECK(zh.out.rfind("未就绪  得分 94.4%  4 项阻断，1 项警告，0 项提示\n", 0) == 0);
  CHECK(zh.out.find("lang=zh-CN（LANG）") != std::string::npos);
  CHECK(zh.out.find("    阻断   backup.fresh ") != std::string::npos);

  ProcessOptions c_wins;
  c_wins.env = {{"LANG", "zh_CN.UTF-8"}, {"LC_ALL", "C"}};
  ProcessResult en = check({plan}, c_wins);
  CHECK(en.exit_code == 1);
  CHECK(en.out.rfind("NOT READY  score 94.4%  4 blocking items, 1 warning, 0 info\n", 0) == 0);
  CHECK(en.out.find("lang=") == std::string::npos);  // English from a locale is the default
}

TEST_CASE("report.lang: the portfolio summary and the progress line in Chinese") {
  const std::vector<std::string> plans = {"examples/erp-zh-CN.yaml", "examples/erp-zh-CN-not-ready.yaml"};
  std::vector<std::string> args = {"--lang", "zh-CN", "--progress", "always"};
  args.insert(args.end(), plans.begin(), plans.end());
  ProcessResult r = check(args);
  CHECK(r.exit_code == 1);
  // Verdicts padded to the widest Chinese verdict, 就绪（有警告） (14 cells).
  CHECK(r.out.find("\n预案组合：共 2 份预案，1 份就绪，0 份就绪（有警告），1 份未就绪\n"
                   "  就绪            100.0%  0 项阻断     0 项警告     examples/erp-zh-CN.yaml（erp-finance-5.0）\n"
                   "  未就绪           94.4%  4 项阻断     1 项警告     examples/erp-zh-CN-not-ready.yaml（erp-finance-5.0）\n") !=
        std::string::npos);
  CHECK(r.err.rfind("\rgolive：预案 0/2 · 探测 0 · ", 0) == 0);
  CHECK(r.err.find("\rgolive：预案 2/2 · 探测 0 · ") != std::string::npos);
  CHECK(r.err.find("秒\x1b[K") != std::string::npos);
  CHECK(r.err.find(" 秒") == std::string::npos);  // a duration's unit follows its number, as in 3天
}

TEST_CASE("report.lang: every format of a Chinese run keeps its machine words") {
  const ReportInput input{"erp-zh-CN-not-ready.zh-CN", "examples/erp-zh-CN-not-ready.yaml", 1, {"--lang", "zh-CN"}};
  // JSON: keys, verdicts and statuses stay English; the language is recorded.
  const std::string json = render(input, "json");
  CHECK(json.find("\"lang\": \"zh-CN\"") != std::string::npos);
  CHECK(json.find("\"verdict\": \"not_ready\"") != std::string::npos);
  // SARIF: levels and rule ids as before, rule texts and the tool's name in Chinese.
  const std::string sarif = render(input, "sarif");
  CHECK(sarif.find("\"ruleId\": \"backup.fresh\"") != std::string::npos);
  CHECK(sarif.find("\"text\": \"备份足够新，可用于恢复。\"") != std::string::npos);
  CHECK(sarif.find("\"fullName\": \"golive 0.1.0 上线就绪检查工具\"") != std::string::npos);
  // GitHub: workflow command syntax unchanged, the human part Chinese.
  const std::string github = render(input, "github");
  CHECK(github.find("::error title=golive：未就绪::未就绪，得分 94.4%25：4 项阻断，1 项警告，0 项提示，0 项错误，0 项已豁免，5 "
                    "项已跳过，85 项通过（评估时刻 2026-12-04 12:00 (UTC+08:00)）；erp-finance-5.0：结论有效期至 2026-12-05 01:30 "
                    "(UTC+08:00)，届时 backups[report-dw-daily] 过期（backup.fresh）；erp-finance-5.0：到上线窗口开始时刻 "
                    "2026-12-04 22:00 (UTC+08:00)，结论仍然有效\n") != std::string::npos);
  // JUnit: elements and attributes unchanged, the failure detail Chinese.
  const std::string junit = render(input, "junit");
  CHECK(junit.find("修复建议：续签或延长「华信软件（ERP 实施商）」的合同 HX-2026-031") != std::string::npos);
  CHECK(junit.find("<failure type=\"gate.fail\"") != std::string::npos);
  // Markdown: the summary line.
  const std::string markdown = render(input, "markdown");
  CHECK(markdown.rfind("## golive: 未就绪\n\n**未就绪**，得分 94.4%：", 0) == 0);
}

TEST_CASE("report.lang: why each ruleset applies, and the markdown warning table's status, in Chinese") {
  const ReportInput input{"erp-zh-CN-not-ready.zh-CN", "examples/erp-zh-CN-not-ready.yaml", 1, {"--lang", "zh-CN"}};
  const std::string text = render(input, "text");
  CHECK(text.find("\n  规则集：\n    baseline 1.0.0       始终适用\n") != std::string::npos);
  CHECK(text.find("    large-upgrade 1.0.0  plan.scenarios 中列出 large-upgrade\n") != std::string::npos);
  const std::string markdown = render(input, "markdown");
  CHECK(markdown.find("| 警告（未通过） | response.review | response.review | 负责人 wang.wu，事件后 14天内召开总结会，上限 10天"
                      "<br>修复建议：把 response.review.due 缩短到 10天以内：几周后才召开的总结会，细节早已遗忘 | "
                      "examples/erp-zh-CN-not-ready.yaml:89 |\n") != std::string::npos);
  // JSON keeps the English reason: it is a machine field.
  const std::string json = render(input, "json");
  CHECK(json.find("\"reason\": \"always\"") != std::string::npos);
  CHECK(json.find("\"reason\": \"plan.scenarios lists large-upgrade\"") != std::string::npos);
}

}  // namespace golive::test
