// GitHub workflow commands: golden files, one annotation per finding that needs
// attention, and escaping per the runner's rules.
#include "cli/report/support.h"
#include "tests/cli/report/report_support.h"

namespace golive::test {

TEST_CASE("report.github golden files") {
  for (const ReportInput& input : report_inputs()) compare_golden(input, "github", render(input, "github"));
  compare_golden(kSynthetic, "github", render_synthetic("github"));
}

TEST_CASE("report.github annotates blocking as error, warnings as warning, info and waivers as notice") {
  std::string out = render_synthetic("github");
  CHECK(out ==
        "::error file=plan.yaml,line=12,col=3,title=gate backup.fresh (backups[db-hourly])::last success 3d "
        "ago, limit 2h (100%25 over) | see <runbook>%0AFix: " +
            remediation_of(synthetic_result().plans[0].findings[0]) +
            "\n"
            "::error file=plan.yaml,line=14,col=3,title=gate backup.exists (datastores[db])::probe of "
            "https://***@store.example.com/db failed: connection refused%0Aafter 3 tries%0AFix: " +
            remediation_of(synthetic_result().plans[0].findings[1]) +
            "\n"
            "::warning file=plan.yaml,line=20,col=3,title=warn resources.spare-hardware (systems[api|v2])::no "
            "spare covers `api`, 50%25 of \"tier-1\"%0AFix: " +
            remediation_of(synthetic_result().plans[0].findings[2]) +
            "\n"
            "::warning file=plan.yaml,line=22,col=3,title=warn resources.bandwidth-headroom (links[wan-a])::peak "
            "query failed: <html>502</html>%0D%0A::error::x%0AFix: " +
            remediation_of(synthetic_result().plans[0].findings[3]) +
            "\n"
            "::notice file=plan.yaml,line=30,col=3,title=info rollback.tested (rollback)::rollback test 40d old, "
            "回滚演练已过期%0AFix: " +
            remediation_of(synthetic_result().plans[0].findings[4]) +
            "\n"
            "::notice file=plan.yaml,line=40,col=3,title=gate monitoring.alerts-defined (alerts[PaymentsDown])::alert "
            "PaymentsDown has no runbook%0AWaived by zhang.san until 2026-12-20T08:00:00+08:00: Runbook <b>in review</b>, "
            "50%25 done; see https://***@wiki.example.com/x (CHG-1234)\n"
            "::warning title=golive%3A offline::OFFLINE: live evidence was not verified (0 live probes not "
            "made); live checks count only what the plan declares\n"
            "::notice title=golive%3A not checked or relaxed%2C and settings::offline: yes (default): 0 live "
            "probes not made; live evidence was not verified%0Aonly: all checks%0Askip: none%0Afail-on: gate "
            "(default)%0Awaivers: none%0Asettings: all defaults\n"
            "::error title=golive%3A NOT READY::NOT READY, score 42.9%25: 2 blocking, 2 warnings, 1 info, 2 "
            "errors, 1 waived, 1 skipped, 2 passed (as of 2026-12-04T12:00:00+08:00); test-plan: still "
            "holds at window start 2026-12-05T02:00:00+08:00\n");
}

TEST_CASE("report.github with --fail-on warn turns warnings into errors") {
  RunResult strict = synthetic_result();
  strict.fail_on_warn = true;
  std::ostringstream out;
  find_report_format("github")->write(strict, out, {});
  size_t errors = 0;
  for (size_t pos = out.str().find("::error "); pos != std::string::npos; pos = out.str().find("::error ", pos + 1))
    ++errors;
  // Blocking fail and error, warn fail and error, and the closing verdict (NOT READY); the
  // info finding stays a notice.
  CHECK(errors == 5);
}

TEST_CASE("report.github escapes properties and messages") {
  CHECK(github_message("50% done\r\nnext") == "50%25 done%0D%0Anext");
  CHECK(github_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A");
  CHECK(github_property("https://u:p@h/x") == "https%3A//***@h/x");
  // Hostile plan text cannot start a command of its own: every line is one annotation.
  std::string out = render({"hostile", "tests/fixtures/reports/hostile.yaml", 1}, "github");
  size_t start = 0;
  for (size_t nl = out.find('\n'); nl != std::string::npos; nl = out.find('\n', start)) {
    std::string line = out.substr(start, nl - start);
    CAPTURE(line);
    CHECK((line.rfind("::error file=", 0) == 0 || line.rfind("::warning file=", 0) == 0 ||
           line.rfind("::warning title=golive%3A ", 0) == 0 || line.rfind("::error title=golive%3A NOT READY::", 0) == 0 ||
           line.rfind("::notice ", 0) == 0));
    CHECK(line.find('\r') == std::string::npos);
    start = nl + 1;
  }
  CHECK(out.find("title=gate monitoring.alerts-defined (alerts[Shop<Down> | 50%25 \"5xx\"%0D%0A%3A%3Aerror%3A%3A"
                 "injected%2C a%3Ab])::") != std::string::npos);
}

}  // namespace golive::test
