// End-to-end: waivers (SPEC §7) — a named commander or deputy accepts a known risk until a
// date. Every rule: valid, expired, expiring soon, unmatched, glob subject, wrong plan,
// missing fields, unknown keys and checks, approver not commander or deputy, and the
// sources (--waivers, GOLIVE_WAIVERS, --no-waivers).
#include <doctest/doctest.h>

#include "tests/cli/cli_support.h"

namespace golive::test {

namespace {

const std::string kPlan = fixture("waivers/plan.yaml");

// One waiver entry; `extra` lines are added as written.
std::string waiver(const std::string& check, const std::string& expires, const std::string& extra = "",
                   const std::string& approver = "zhang.san") {
  return "  - check: " + check + "\n    reason: accepted for the test\n    approved_by: " + approver +
         "\n    ticket: CHG-1\n    expires: " + expires + "\n" + extra;
}

ProcessResult check_with(const TempDir& dir, const std::string& waivers, std::vector<std::string> args = {}) {
  dir.write("waivers.yaml", "waivers:\n" + waivers);
  args.insert(args.begin(), {"--waivers", dir.file("waivers.yaml")});
  args.push_back(kPlan);
  return check_fixture(std::move(args));
}

const nlohmann::json* finding(const nlohmann::json& report, const std::string& check) {
  for (const auto& f : report["plans"][0]["findings"])
    if (f["check"] == check) return &f;
  return nullptr;
}

}  // namespace

TEST_CASE("waivers: the plan without waivers is not ready") {
  ProcessResult r = check_fixture({"-f", "json", kPlan});
  CHECK(r.exit_code == 1);
  auto j = json_of(r.out);
  CHECK(j["summary"]["failed"] == 2);
  CHECK(j["settings"]["waiver_files"] == nlohmann::json::array());
}

TEST_CASE("waivers: matched, unexpired waivers turn failures into waived, never blocking") {
  TempDir dir;
  ProcessResult r = check_with(dir, waiver("backup.fresh", "2026-12-31") + waiver("rollback.tested", "2026-12-31"),
                               {"-f", "json"});
  CHECK(r.err == "");
  CHECK(r.exit_code == 0);
  auto j = json_of(r.out);
  CHECK(j["verdict"] == "ready");
  CHECK(j["summary"]["waived"] == 2);
  CHECK(j["summary"]["failed"] == 0);
  const auto* f = finding(j, "backup.fresh");
  REQUIRE(f);
  CHECK((*f)["status"] == "waived");
  CHECK((*f)["blocking"] == false);
  CHECK((*f)["waiver"]["reason"] == "accepted for the test");
  CHECK((*f)["waiver"]["approved_by"] == "zhang.san");
  CHECK((*f)["waiver"]["ticket"] == "CHG-1");
  CHECK((*f)["waiver"]["expires"] == "2026-12-31T00:00:00Z");
  CHECK((*f)["waiver"]["location"]["file"] == dir.file("waivers.yaml"));
  CHECK((*f)["waiver"]["location"]["line"] == 2);
  REQUIRE(j["settings"]["waiver_files"].size() == 1);
  CHECK(j["settings"]["waiver_files"][0]["file"] == dir.file("waivers.yaml"));
  CHECK(j["settings"]["waiver_files"][0]["sha256"].get<std::string>().size() == 64);
  CHECK(j["settings"]["waiver_files"][0]["waivers"] == 2);
}

TEST_CASE("waivers: the deputy may approve too, and the text report shows who and why") {
  TempDir dir;
  ProcessResult r = check_with(dir, waiver("backup.fresh", "2026-12-31", "", "wang.wu"));
  CHECK(r.exit_code == 1);  // rollback.tested still blocks
  CHECK(r.out.find("WAIVED backup.fresh") != std::string::npos);
  CHECK(r.out.find("waived by wang.wu, CHG-1 until 2026-12-31T08:00:00+08:00: accepted for the test") !=
        std::string::npos);
  // A verdict reached with waivers says so on its first line.
  CHECK(r.out.substr(0, r.out.find('\n')).ends_with(" blocking item, 0 warnings, 0 info, 1 waived"));
  ProcessResult zh = check_with(dir, waiver("backup.fresh", "2026-12-31", "", "wang.wu"), {"--lang", "zh-CN"});
  CHECK(zh.out.substr(0, zh.out.find('\n')).ends_with("，0 项警告，0 项提示，1 项已豁免"));
}

TEST_CASE("waivers: an expired waiver is ignored and adds a blocking finding naming it") {
  TempDir dir;
  ProcessResult r = check_with(dir, waiver("backup.fresh", "2026-12-01"), {"-f", "json"});
  CHECK(r.exit_code == 1);
  auto j = json_of(r.out);
  CHECK(finding(j, "backup.fresh") != nullptr);
  CHECK((*finding(j, "backup.fresh"))["status"] == "fail");
  const auto* e = finding(j, "waivers.expired");
  REQUIRE(e);
  CHECK((*e)["blocking"] == true);
  CHECK((*e)["severity"] == "gate");
  CHECK((*e)["message"] == "waiver for backup.fresh (" + dir.file("waivers.yaml") +
                               ":2) expired 2026-12-01T08:00:00+08:00: backup.fresh is no longer waived");
  CHECK((*e)["location"]["file"] == dir.file("waivers.yaml"));
  CHECK((*e)["location"]["line"] == 6);
  CHECK(j["summary"]["failed"] == 3);
}

TEST_CASE("waivers: a waiver expiring within 7 days is a warning") {
  TempDir dir;
  ProcessResult r = check_with(dir, waiver("backup.fresh", "2026-12-10") + waiver("rollback.tested", "2026-12-31"),
                               {"-f", "json"});
  CHECK(r.exit_code == 0);
  auto j = json_of(r.out);
  CHECK(j["verdict"] == "ready_with_warnings");
  const auto* w = finding(j, "waivers.expiring");
  REQUIRE(w);
  CHECK((*w)["severity"] == "warn");
  CHECK((*w)["blocking"] == false);
  CHECK((*w)["message"] == "waiver for backup.fresh (" + dir.file("waivers.yaml") +
                               ":2) expires 2026-12-10T08:00:00+08:00, within 7 days");
  ProcessResult strict = check_with(dir, waiver("backup.fresh", "2026-12-10") + waiver("rollback.tested", "2026-12-31"),
                                    {"--fail-on", "warn"});
  CHECK(strict.exit_code == 1);
}

TEST_CASE("waivers: a waived finding holds only until its waiver expires, in valid_until and the window") {
  // The window starts 2026-12-05T02:00:00+08:00; the backup.fresh waiver ends the evening before.
  TempDir dir;
  ProcessResult r = check_with(
      dir, waiver("backup.fresh", "2026-12-04T20:00:00+08:00") + waiver("rollback.tested", "2026-12-31"),
      {"-f", "json"});
  CHECK(r.exit_code == 0);
  auto j = json_of(r.out);
  CHECK(j["verdict"] == "ready_with_warnings");
  const nlohmann::json until = {{"at", "2026-12-04T12:00:00Z"}, {"check", "backup.fresh"},
                                {"subject", "backups[shop-db-hourly]"}};
  nlohmann::json run_until = until;
  run_until["plan"] = "cli-waivers";
  CHECK(j["valid_until"] == run_until);
  CHECK(j["plans"][0]["valid_until"] == until);
  CHECK(j["plans"][0]["window"]["holds"] == false);
  CHECK(j["plans"][0]["window"]["expiring_before"] == nlohmann::json::array({until}));
  SUBCASE("a waiver that outlasts the window start is the verdict's limit, not an expiry before the window") {
    ProcessResult later = check_with(
        dir, waiver("backup.fresh", "2026-12-08") + waiver("rollback.tested", "2026-12-31"), {"-f", "json"});
    auto k = json_of(later.out);
    CHECK(k["valid_until"]["at"] == "2026-12-08T00:00:00Z");
    CHECK(k["valid_until"]["check"] == "backup.fresh");
    CHECK(k["plans"][0]["window"]["holds"] == true);
    CHECK(k["plans"][0]["window"]["expiring_before"] == nlohmann::json::array());
  }
}

TEST_CASE("waivers: a waiver that matches no failing finding is a warning, in stderr and the report") {
  TempDir dir;
  ProcessResult r = check_with(dir, waiver("monitoring.alerts-defined", "2026-12-31"), {"-f", "json"});
  CHECK(r.exit_code == 1);
  const std::string message =
      "waiver for monitoring.alerts-defined matches no failing finding (remove it from the register, "
      "or correct its check, plan or subject)";
  CHECK(r.err == dir.file("waivers.yaml") + ":2:5: warning: " + message + "\n");
  auto j = json_of(r.out);
  REQUIRE(j["diagnostics"].size() == 1);
  CHECK(j["diagnostics"][0]["severity"] == "warning");
  CHECK(j["diagnostics"][0]["message"] == message);
  CHECK(j["diagnostics"][0]["location"]["line"] == 2);
  // -q never hides it.
  ProcessResult quiet = check_with(dir, waiver("monitoring.alerts-defined", "2026-12-31"), {"-q"});
  CHECK(quiet.err == r.err);
}

TEST_CASE("waivers: an expired waiver of one subject says only that subject is no longer waived") {
  TempDir dir;
  ProcessResult r = check_with(dir, waiver("backup.fresh", "2026-12-01", "    subject: \"backups[*]\"\n"), {"-f", "json"});
  CHECK(r.exit_code == 1);
  auto j = json_of(r.out);
  const auto* e = finding(j, "waivers.expired");
  REQUIRE(e);
  CHECK((*e)["message"] == "waiver for backup.fresh (" + dir.file("waivers.yaml") +
                               ":2) expired 2026-12-01T08:00:00+08:00: backup.fresh for backups[*] is no longer waived");
  ProcessResult zh = check_with(dir, waiver("backup.fresh", "2026-12-01", "    subject: \"backups[*]\"\n"),
                                {"-f", "json", "--lang", "zh-CN"});
  auto jz = json_of(zh.out);
  const auto* z = finding(jz, "waivers.expired");
  REQUIRE(z);
  CHECK((*z)["message"] == "backup.fresh 的豁免（" + dir.file("waivers.yaml") +
                               ":2）已于 2026-12-01 08:00 (UTC+08:00) 到期：backups[*] 的 backup.fresh 不再豁免");
}

TEST_CASE("waivers: a glob subject waives every matching subject") {
  TempDir dir;
  ProcessResult r = check_with(dir, waiver("backup.fresh", "2026-12-31", "    subject: \"backups[*]\"\n"),
                               {"-f", "json"});
  auto j = json_of(r.out);
  CHECK((*finding(j, "backup.fresh"))["status"] == "waived");
  ProcessResult other = check_with(dir, waiver("backup.fresh", "2026-12-31", "    subject: \"systems[*]\"\n"),
                                   {"-f", "json"});
  auto k = json_of(other.out);
  CHECK((*finding(k, "backup.fresh"))["status"] == "fail");
  CHECK(other.err.find("warning: waiver for backup.fresh subject 'systems[*]' matches no failing finding") !=
        std::string::npos);
}

TEST_CASE("waivers: a waiver for another plan does not apply here") {
  TempDir dir;
  ProcessResult r = check_with(dir, waiver("backup.fresh", "2026-12-31", "    plan: another-plan\n"),
                               {"-f", "json"});
  CHECK(r.exit_code == 1);
  auto j = json_of(r.out);
  CHECK((*finding(j, "backup.fresh"))["status"] == "fail");
  CHECK(r.err.find("warning: waiver for backup.fresh in plan another-plan matches no failing finding") !=
        std::string::npos);
  ProcessResult mine = check_with(dir, waiver("backup.fresh", "2026-12-31", "    plan: cli-waivers\n"),
                                  {"-f", "json"});
  CHECK((*finding(json_of(mine.out), "backup.fresh"))["status"] == "waived");
}

TEST_CASE("waivers: reason, approved_by and expires are required, unknown keys are errors") {
  TempDir dir;
  ProcessResult r = check_with(dir, "  - check: backup.fresh\n    expire: 2026-12-31\n    x-note: ignored\n");
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  const std::string f = dir.file("waivers.yaml");
  // In the file's line order.
  CHECK(r.err == f + ":2:5: error: waivers[0]: missing required key 'reason'\n" + f +
                     ":2:5: error: waivers[0]: missing required key 'approved_by'\n" + f +
                     ":2:5: error: waivers[0]: missing required key 'expires'\n" + f +
                     ":3:5: error: waivers[0]: unknown key 'expire' (did you mean 'expires'?)\n");
}

TEST_CASE("waivers: an unknown check id is an error with a suggestion") {
  TempDir dir;
  ProcessResult r = check_with(dir, waiver("backup.freshh", "2026-12-31"));
  CHECK(r.exit_code == 2);
  CHECK(r.err == dir.file("waivers.yaml") +
                     ":2:12: error: waivers[0].check: unknown check 'backup.freshh' (did you mean 'backup.fresh'?)\n");
}

TEST_CASE("waivers: every problem of a waiver file is reported in one run, the unknown check ids with the rest") {
  TempDir dir;
  ProcessResult r = check_with(dir, waiver("backup.fresh", "2026-12-31") +
                                        "  - check: rollback.testd\n    approved_by: zhang.san\n    expires: 2026-12-31\n" +
                                        waiver("no.such-check", "2026-13-01"));
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  const std::string f = dir.file("waivers.yaml");
  // In line and column order, as a plan's errors are.
  CHECK(r.err == f + ":7:5: error: waivers[1]: missing required key 'reason'\n" +
                     f + ":7:12: error: waivers[1].check: unknown check 'rollback.testd' (did you mean 'rollback.tested'?)\n" +
                     f + ":10:12: error: waivers[2].check: unknown check 'no.such-check'\n" +
                     f + ":14:14: error: waivers[2].expires: '2026-13-01' is not a valid calendar date\n");
}

TEST_CASE("waivers: only the plan's commander or deputy may approve") {
  TempDir dir;
  ProcessResult r = check_with(dir, waiver("backup.fresh", "2026-12-31", "", "li.wei"));
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK(r.err == dir.file("waivers.yaml") +
                     ":4:18: error: waivers[0].approved_by: 'li.wei' is not the commander or deputy of plan cli-waivers "
                     "(zhang.san, wang.wu); only they may accept a risk for it\n");
}

TEST_CASE("waivers: GOLIVE_WAIVERS and .golive.yaml name waiver files, --no-waivers turns them off") {
  TempDir dir;
  dir.write("waivers.yaml", "waivers:\n" + waiver("backup.fresh", "2026-12-31"));
  ProcessOptions env;
  env.env["GOLIVE_WAIVERS"] = dir.file("waivers.yaml");
  ProcessResult r = check_fixture({"-f", "json", kPlan}, env);
  auto j = json_of(r.out);
  CHECK((*finding(j, "backup.fresh"))["status"] == "waived");
  bool recorded = false;
  for (const auto& o : j["settings"]["options"])
    if (o["name"] == "waivers") recorded = o["origin"] == "GOLIVE_WAIVERS";
  CHECK(recorded);

  ProcessResult off = check_fixture({"-f", "json", "--no-waivers", kPlan}, env);
  auto k = json_of(off.out);
  CHECK((*finding(k, "backup.fresh"))["status"] == "fail");
  CHECK(k["settings"]["waivers_off"] == true);
}

TEST_CASE("waivers: a bare expiry date is midnight UTC, said in the plan's zone like every instant") {
  // The register serves plans of any zone, so a bare date means one instant, midnight UTC;
  // people read it in the plan's zone (Asia/Shanghai here). An offset gives local midnight.
  TempDir dir;
  const std::string waivers =
      waiver("backup.fresh", "2026-12-08") + waiver("rollback.tested", "2026-12-31T00:00:00+08:00");
  ProcessResult zh = check_with(dir, waivers, {"--lang", "zh-CN", "--color", "never"});
  CHECK(zh.exit_code == 0);  // ready with warnings: one waiver expires within 7 days
  CHECK(zh.out.find("\n           已由 zhang.san 豁免（CHG-1），有效期至 2026-12-08 08:00 (UTC+08:00)：accepted for the "
                    "test\n") != std::string::npos);
  CHECK(zh.out.find("\n           已由 zhang.san 豁免（CHG-1），有效期至 2026-12-31 00:00 (UTC+08:00)：accepted for the "
                    "test\n") != std::string::npos);
  CHECK(zh.out.find("backup.fresh 的豁免（" + dir.file("waivers.yaml") +
                    ":2）将于 2026-12-08 08:00 (UTC+08:00) 到期，已不足 7天\n") != std::string::npos);
  ProcessResult md = check_with(dir, waivers, {"--lang", "zh-CN", "-f", "markdown"});
  CHECK(md.out.find("| zhang.san | 2026-12-08 08:00 (UTC+08:00) | CHG-1 |") != std::string::npos);
  ProcessResult en = check_with(dir, waivers, {"--color", "never"});
  CHECK(en.out.find("\n           waived by zhang.san, CHG-1 until 2026-12-08T08:00:00+08:00: accepted for the test\n") !=
        std::string::npos);
  CHECK(en.out.find("\n           waived by zhang.san, CHG-1 until 2026-12-31T00:00:00+08:00: accepted for the test\n") !=
        std::string::npos);
  CHECK(en.out.find("UTC") == std::string::npos);
  CHECK(en.out.find("00Z") == std::string::npos);
  // The JSON keeps the instant in UTC: it is a machine field.
  auto j = json_of(check_with(dir, waivers, {"-f", "json", "--lang", "zh-CN"}).out);
  CHECK((*finding(j, "backup.fresh"))["waiver"]["expires"] == "2026-12-08T00:00:00Z");
  CHECK((*finding(j, "rollback.tested"))["waiver"]["expires"] == "2026-12-30T16:00:00Z");
}

TEST_CASE("waivers: the expired and expiring findings and the approver error in Chinese") {
  TempDir dir;
  ProcessResult r = check_with(dir, waiver("backup.fresh", "2026-12-01") + waiver("rollback.tested", "2026-12-10"),
                               {"-f", "json", "--lang", "zh-CN"});
  auto j = json_of(r.out);
  const std::string file = dir.file("waivers.yaml");
  const auto* expired = finding(j, "waivers.expired");
  REQUIRE(expired);
  CHECK((*expired)["subject"] == "waiver for backup.fresh (" + file + ":2)");  // a machine field
  CHECK((*expired)["message"] ==
        "backup.fresh 的豁免（" + file + ":2）已于 2026-12-01 08:00 (UTC+08:00) 到期：backup.fresh 不再豁免");
  CHECK((*expired)["remediation"] == "续签豁免（由指挥长或副指挥长批准新的到期时间），或修复该问题");
  const auto* expiring = finding(j, "waivers.expiring");
  REQUIRE(expiring);
  CHECK((*expiring)["message"] ==
        "rollback.tested 的豁免（" + file + ":7）将于 2026-12-10 08:00 (UTC+08:00) 到期，已不足 7天");
  CHECK((*expiring)["remediation"] == "在豁免到期前修复被豁免的问题，或续签豁免");

  ProcessResult approver = check_with(dir, waiver("backup.fresh", "2026-12-31", "", "li.wei"), {"--lang", "zh-CN"});
  CHECK(approver.exit_code == 2);
  CHECK(approver.err == file +
                            ":4:18: error: waivers[0].approved_by：「li.wei」不是预案 cli-waivers 的指挥长或副指挥长"
                            "（zhang.san、wang.wu）；只有他们可以为该预案接受风险\n");
}

TEST_CASE("waivers: golive validate checks a waiver register named on the command line") {
  TempDir dir;
  dir.write("good.yaml", "waivers:\n" + waiver("backup.fresh", "2026-12-31"));
  const std::string good = dir.file("good.yaml");
  ProcessResult ok = run_golive({"validate", good});
  CHECK(ok.exit_code == 0);
  CHECK(ok.err == "");
  CHECK(ok.out == good + ": ok (waiver register, 1 waiver)\n");
  ProcessResult zh = run_golive({"validate", "--lang", "zh-CN", good});
  CHECK(zh.out == good + "：通过（豁免登记，1 条豁免）\n");

  // Every problem at once, in line order. A check id validate does not know is a warning:
  // it may be a plugin rule's, which check judges with the rulesets it runs.
  dir.write("bad.yaml", "waivers:\n" + waiver("custom.rule", "2026-12-31") +
                            "  - check: backup.fersh\n    reason: r\n    approved_by: zhang.san\n"
                            "    expires: 2026-12-31\n    colour: red\n");
  const std::string bad = dir.file("bad.yaml");
  ProcessResult r = run_golive({"validate", bad});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK(r.err == bad + ":2:12: warning: waivers[0].check: 'custom.rule' is not a built-in check: golive check accepts it "
                       "only as a plugin rule of the rulesets it runs\n" +
                     bad + ":7:12: warning: waivers[1].check: 'backup.fersh' is not a built-in check: golive check "
                           "accepts it only as a plugin rule of the rulesets it runs (did you mean 'backup.fresh'?)\n" +
                     bad + ":11:5: error: waivers[1]: unknown key 'colour'\n");
  // A directory's registers are passed over, as check passes them over.
  ProcessResult in_dir = run_golive({"validate", dir.path()});
  CHECK(in_dir.out.find("waiver register") == std::string::npos);
}

}  // namespace golive::test
