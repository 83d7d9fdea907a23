// End-to-end: `golive check` on small fixture plans — exit codes, JSON fields, check
// selection, --fail-on, configuration precedence, colour and report files.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <thread>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tests/cli/cli_support.h"

namespace golive::test {

namespace {
bool has_escape(const std::string& s) { return s.find('\x1b') != std::string::npos; }

bool all_start_with(const std::vector<std::string>& ids, const std::string& prefix) {
  return std::all_of(ids.begin(), ids.end(), [&](const std::string& id) { return id.rfind(prefix, 0) == 0; });
}
// The checks that ran: those left out by --only/--skip show as "not run: …" skips.
std::vector<std::string> run_in(const nlohmann::json& report) {
  std::vector<std::string> ids;
  for (const auto& plan : report["plans"])
    for (const auto& f : plan["findings"])
      if (f["message"].get<std::string>().rfind("not run: ", 0) != 0) ids.push_back(f["check"].get<std::string>());
  return ids;
}
bool none_start_with(const std::vector<std::string>& ids, const std::string& prefix) {
  return std::none_of(ids.begin(), ids.end(), [&](const std::string& id) { return id.rfind(prefix, 0) == 0; });
}
// A CLI fixture's text, to copy into a temporary directory.
std::string fixture_text(const std::string& name) {
  std::string text = slurp(source_dir() + "/" + fixture(name)).value_or("");
  REQUIRE(!text.empty());
  return text;
}
// A run refused because the report `value` would overwrite `input`, one of the run's inputs.
void check_refused_over_input(const ProcessResult& r, const std::string& value, const std::string& input) {
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK(r.err == "golive: error: --report: '" + value + "' would overwrite " + input +
                     ", which this run reads: write the report to another file\n");
}
}  // namespace

TEST_CASE("cli.check a ready plan exits 0") {
  ProcessResult r = check_fixture({fixture("ready.yaml")});
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(r.out.rfind("READY  score 100.0%  0 blocking items, 0 warnings, 0 info\n", 0) == 0);
  CHECK(r.out.find("\n0 failed, 0 warnings, 0 info, 0 errors, ") == std::string::npos);  // passed count leads
  CHECK(r.out.find(" passed, 0 failed, 0 warnings, 0 info, 0 errors, ") != std::string::npos);
}

TEST_CASE("cli.check a not-ready plan exits 1 and the JSON report says why") {
  ProcessResult r = check_fixture({"-f", "json", fixture("not-ready.yaml")});
  CHECK(r.exit_code == 1);
  CHECK(r.err == "");
  auto j = json_of(r.out);
  CHECK(j["tool"] == nlohmann::json{{"name", "golive"}, {"version", "0.1.0"}});
  CHECK(j["generated_at"] == kGeneratedAt);
  CHECK(j["as_of"] == "2026-12-04T04:00:00Z");
  CHECK(j["verdict"] == "not_ready");
  CHECK(j["exit_code"] == 1);
  for (const char* key : {"rules", "passed", "failed", "warnings", "errors", "skipped", "waived"})
    CHECK(j["summary"][key].is_number_integer());
  CHECK(j["summary"]["score"].is_number());
  CHECK(j["summary"]["failed"] == 2);
  REQUIRE(j["plans"].size() == 1);
  const auto& plan = j["plans"][0];
  CHECK(plan["file"] == fixture("not-ready.yaml"));
  CHECK(plan["id"] == "cli-not-ready");
  CHECK(plan["name"] == "CLI test plan, not ready");
  CHECK(plan["verdict"] == "not_ready");
  CHECK(plan["sha256"].get<std::string>().size() == 64);
  REQUIRE(plan["rulesets"].size() == 1);
  CHECK(plan["rulesets"][0]["name"] == "foundation");
  CHECK(plan["rulesets"][0]["version"] == "1.0.0");

  const nlohmann::json* fresh = nullptr;
  for (const auto& f : plan["findings"])
    if (f["check"] == "backup.fresh") fresh = &f;
  REQUIRE(fresh != nullptr);
  const auto& f = *fresh;
  CHECK(f["category"] == "backup");
  CHECK(f["severity"] == "gate");
  CHECK(f["status"] == "fail");
  CHECK(f["blocking"] == true);
  CHECK(f["subject"] == "backups[shop-db-hourly]");
  CHECK(f["message"].is_string());
  CHECK(f["location"]["file"] == fixture("not-ready.yaml"));
  CHECK(f["location"]["line"] == 23);
  CHECK(f["location"]["column"].is_number_integer());
  CHECK(f["evidence"].is_object());
  CHECK(!f["remediation"].get<std::string>().empty());
  CHECK(f["waiver"].is_null());
  CHECK(f.contains("expires_at"));
  // Every finding has the full SPEC §6 shape.
  for (const auto& any : plan["findings"])
    for (const char* key : {"check", "category", "severity", "status", "blocking", "subject", "message",
                            "location", "evidence", "remediation", "expires_at", "waiver"})
      CHECK_MESSAGE(any.contains(key), key);
}

TEST_CASE("cli.check names each automatically applied ruleset and why") {
  auto j = json_of(check({"-f", "json", "examples/payments-ready.yaml"}).out);
  std::vector<std::string> names, reasons;
  for (const auto& r : j["plans"][0]["rulesets"]) {
    names.push_back(r["name"]);
    reasons.push_back(r["reason"]);
    CHECK(r["sha256"].get<std::string>().size() == 64);
  }
  CHECK(names == std::vector<std::string>{"baseline", "critical", "large-upgrade", "cross-border",
                                          "new-technology", "third-party"});
  REQUIRE(!reasons.empty());
  CHECK(reasons[0] == "always");

  auto none = json_of(check({"-f", "json", "--no-auto-rulesets", "examples/payments-ready.yaml"}).out);
  CHECK(none["plans"][0]["rulesets"].empty());
  CHECK(none["plans"][0]["findings"].empty());
}

TEST_CASE("cli.check JSON is identical for the same input and as-of") {
  ProcessResult a = check_fixture({"-f", "json", fixture("not-ready.yaml"), fixture("ready.yaml")});
  ProcessResult b = check_fixture({"-f", "json", fixture("not-ready.yaml"), fixture("ready.yaml")});
  CHECK(a.exit_code == 1);
  CHECK(a.out == b.out);
  CHECK(json_of(a.out)["plans"].size() == 2);

  ProcessOptions epoch;
  epoch.env["SOURCE_DATE_EPOCH"] = "1796000000";
  epoch.env["GOLIVE_GENERATED_AT"] = "";  // empty = unset: SOURCE_DATE_EPOCH applies
  ProcessResult c = check_fixture({"-f", "json", fixture("ready.yaml")}, epoch);
  CHECK(json_of(c.out)["generated_at"] == "2026-11-30T00:53:20Z");
}

TEST_CASE("cli.check --as-of window measures at each plan's window start") {
  ProcessResult r = run_golive({"check", "--as-of", "window", "--offline", "-f", "json", fixture("ready.yaml")});
  auto j = json_of(r.out);
  CHECK(j["as_of"] == "2026-12-04T18:00:00Z");
  CHECK(j["as_of_mode"] == "window");
  CHECK(j["plans"][0]["as_of"] == "2026-12-04T18:00:00Z");
}

TEST_CASE("cli.check --only and --skip select checks by id or glob") {
  auto only = json_of(check_fixture({"-f", "json", "--only", "backup.*", fixture("not-ready.yaml")}).out);
  auto ids = run_in(only);
  CHECK(!ids.empty());
  CHECK(all_start_with(ids, "backup."));

  ProcessResult skipped = check_fixture({"-f", "json", "--skip", "backup.*,rollback.tested", fixture("not-ready.yaml")});
  ids = run_in(json_of(skipped.out));
  CHECK(!ids.empty());
  CHECK(none_start_with(ids, "backup."));
  CHECK(none_start_with(ids, "rollback.tested"));
  CHECK(skipped.exit_code == 0);  // both blocking findings were skipped

  ProcessResult typo = check_fixture({"--only", "backup.fersh", fixture("ready.yaml")});
  CHECK(typo.exit_code == 2);
  CHECK(typo.out == "");
  CHECK(typo.err == "golive: error: --only: no check matches 'backup.fersh' (did you mean 'backup.fresh'?)\n");
  ProcessResult typo_skip = check_fixture({"--skip", "nosuch.*", fixture("ready.yaml")});
  CHECK(typo_skip.exit_code == 2);
  CHECK(typo_skip.err == "golive: error: --skip: no check matches 'nosuch.*'\n");
}

TEST_CASE("cli.check --only and --skip that leave no check to run are a usage error, as is an empty id") {
  // Nothing evaluated is no verdict: READY 100% over zero checks was a gate left open.
  const std::string tail = " leaves no check to run: nothing would be evaluated, and that is no verdict "
                           "(see golive list-checks)\n";
  ProcessResult all = check_fixture({"--skip", "*", fixture("ready.yaml")});
  CHECK(all.exit_code == 2);
  CHECK(all.out == "");
  CHECK(all.err == "golive: error: --skip '*'" + tail);
  ProcessResult both = check_fixture({"--only", "backup.fresh", "--skip", "backup.*", fixture("ready.yaml")});
  CHECK(both.exit_code == 2);
  CHECK(both.out == "");
  CHECK(both.err == "golive: error: --only 'backup.fresh' with --skip 'backup.*' leave no check to run: nothing "
                    "would be evaluated, and that is no verdict (see golive list-checks)\n");
  TempDir dir;
  dir.write(".golive.yaml", "skip: [\"*\"]\n");
  ProcessOptions in_dir;
  in_dir.cwd = dir.path();
  ProcessResult file = check_fixture({source_dir() + "/" + fixture("ready.yaml")}, in_dir);
  CHECK(file.exit_code == 2);
  CHECK(file.err == ".golive.yaml:1:7: error: skip '*'" + tail);
  // One rule left is a run.
  CHECK(check_fixture({"--only", "backup.fresh", fixture("ready.yaml")}).exit_code == 0);

  // An empty id read as "no --only" ran every check in silence.
  const std::string empty = ": empty check id (an empty --only or --skip entry would select every check)\n";
  for (const std::string& value : {std::string(""), std::string(","), std::string(" "), std::string("backup.fresh,,rollback.tested")}) {
    ProcessResult r = check_fixture({"--only", value, fixture("ready.yaml")});
    CHECK(r.exit_code == 2);
    CHECK(r.out == "");
    CHECK(r.err == "golive: error: --only" + empty);
  }
  ProcessResult skip = check_fixture({"--skip", ",backup.fresh", fixture("ready.yaml")});
  CHECK(skip.exit_code == 2);
  CHECK(skip.err == "golive: error: --skip" + empty);
  // `--only=`: CLI11 would drop the empty value and take the plan as the ids ("PATH is
  // required"); it is the same empty id, wherever it stands.
  for (const std::string option : {"--only", "--skip"}) {
    CAPTURE(option);
    for (const std::vector<std::string>& args : {std::vector<std::string>{option + "=", fixture("ready.yaml")},
                                                 {fixture("ready.yaml"), option + "="},
                                                 {option + "=", "-f", "json", fixture("ready.yaml")}}) {
      ProcessResult r = check_fixture(args);
      CHECK(r.exit_code == 2);
      CHECK(r.out == "");
      CHECK(r.err == "golive: error: " + option + empty);
    }
  }
  // Any option's empty value is golive's to judge; a value that is `--only=` is a value.
  ProcessResult format = check_fixture({"--format=", fixture("ready.yaml")});
  CHECK(format.exit_code == 2);
  CHECK(format.err.rfind("golive: error: --format: ", 0) == 0);
  CHECK(format.err.find("PATH is required") == std::string::npos);
  TempDir out;
  ProcessOptions in_out;
  in_out.cwd = out.path();
  CHECK(run_golive({"init", "-o", "--only="}, in_out).exit_code == 0);
  CHECK(out.list() == std::vector<std::string>{"--only="});
  ProcessOptions env;
  env.env["GOLIVE_ONLY"] = ",";
  ProcessResult from_env = check_fixture({fixture("ready.yaml")}, env);
  CHECK(from_env.exit_code == 2);
  CHECK(from_env.err == "golive: error: GOLIVE_ONLY" + empty);
}

TEST_CASE("cli.check --fail-on warn makes warnings fail the run") {
  std::vector<std::string> args = {"-r", fixture("rollback-warn.yaml"), fixture("warnings.yaml")};
  ProcessResult gate = check_fixture(args);
  CHECK(gate.exit_code == 0);
  CHECK(gate.out.rfind("READY WITH WARNINGS  ", 0) == 0);

  args.insert(args.begin(), {"--fail-on", "warn"});
  // The verdict stays READY WITH WARNINGS; every headline says that it fails the run, so
  // that none reads as a pass on a run that exits 1.
  ProcessResult text = check_fixture(args);
  CHECK(text.exit_code == 1);
  CHECK(text.out.rfind("READY WITH WARNINGS: FAILS (--fail-on warn)  score 88.9%  0 blocking items, 1 warning, 0 info\n", 0) == 0);
  CHECK(text.out.find("\ntests/fixtures/cli/warnings.yaml: cli-warnings \"CLI test plan, with warnings\": READY WITH "
                      "WARNINGS: FAILS (--fail-on warn) (score 88.9%)\n") != std::string::npos);
  // -q lists what fails the run: here the warning, since it fails it too.
  std::vector<std::string> quiet = args;
  quiet.insert(quiet.begin(), "-q");
  const ProcessResult q = check_fixture(quiet);
  CHECK(q.exit_code == 1);
  CHECK(q.out.find("WARN   rollback.tested") != std::string::npos);
  std::vector<std::string> zh = args;
  zh.insert(zh.begin(), {"--lang", "zh-CN"});
  CHECK(check_fixture(zh).out.rfind("就绪（有警告）：按 --fail-on warn 判为失败  得分 88.9%", 0) == 0);
  std::vector<std::string> markdown = args;
  markdown.insert(markdown.begin(), {"-f", "markdown"});
  CHECK(check_fixture(markdown).out.rfind("## golive: READY WITH WARNINGS: FAILS (--fail-on warn)\n\n"
                                          "**READY WITH WARNINGS: FAILS (--fail-on warn)**, score 88.9%", 0) == 0);
  std::vector<std::string> github = args;
  github.insert(github.begin(), {"-f", "github"});
  // The job is red: its last annotation is an error, not a notice.
  CHECK(check_fixture(github).out.find("\n::error title=golive%3A READY WITH WARNINGS%3A FAILS (--fail-on warn)::") !=
        std::string::npos);
  std::vector<std::string> html = args;
  html.insert(html.begin(), {"-f", "html"});
  const std::string page = check_fixture(html).out;
  CHECK(page.find("<header class=\"cover tone-not-ready\">") != std::string::npos);
  CHECK(page.find("<div class=\"verdict\">READY WITH WARNINGS: FAILS (--fail-on warn)") != std::string::npos);
  // The sign-off people put their names under says it too.
  CHECK(page.find("<strong>READY WITH WARNINGS: FAILS (--fail-on warn)</strong>") != std::string::npos);

  args.insert(args.begin(), {"-f", "json"});
  ProcessResult warn = check_fixture(args);
  CHECK(warn.exit_code == 1);
  auto j = json_of(warn.out);
  CHECK(j["verdict"] == "ready_with_warnings");
  CHECK(j["exit_code"] == 1);
  CHECK(j["summary"]["warnings"] == 1);
  CHECK(j["plans"][0]["rulesets"].back()["name"] == "rollback-warn");
}

TEST_CASE("cli.check options from the environment and .golive.yaml, command line first") {
  TempDir dir;
  std::string plan = source_dir() + "/" + fixture("warnings.yaml");
  std::string ruleset = source_dir() + "/" + fixture("rollback-warn.yaml");
  auto is_json = [](const ProcessResult& r) { return !r.out.empty() && r.out[0] == '{'; };

  ProcessOptions in_dir;
  in_dir.cwd = dir.path();
  std::string foundation = source_dir() + "/" + fixture("foundation.yaml");
  dir.write(".golive.yaml", "format: json\nfail-on: warn\nno-auto-rulesets: true\nruleset: [" + foundation +
                                ", " + ruleset + "]\n");
  ProcessResult file_only = check({plan}, in_dir);
  CHECK(file_only.err == "");
  CHECK(is_json(file_only));
  CHECK(file_only.exit_code == 1);  // fail-on warn from the file

  ProcessOptions env = in_dir;
  env.env["GOLIVE_FORMAT"] = "text";
  env.env["GOLIVE_FAIL_ON"] = "gate";
  ProcessResult env_wins = check({plan}, env);
  CHECK(!is_json(env_wins));
  CHECK(env_wins.exit_code == 0);

  ProcessResult args_win = check({"-f", "json", "--fail-on", "warn", plan}, env);
  CHECK(is_json(args_win));
  CHECK(args_win.exit_code == 1);

  ProcessOptions env_list = in_dir;
  env_list.env["GOLIVE_ONLY"] = "backup.*";
  CHECK(all_start_with(run_in(json_of(check({plan}, env_list).out)), "backup."));

  ProcessOptions bad_env = in_dir;
  bad_env.env["GOLIVE_OFFLINE"] = "maybe";
  ProcessResult bad = run_golive({"check", plan}, bad_env);
  CHECK(bad.exit_code == 2);
  // The message lists what the environment accepts.
  CHECK(bad.err == "golive: error: GOLIVE_OFFLINE: 'maybe' is not a boolean (expected true, false, 1, 0, yes, no, on "
                   "or off, in any case)\n");
}

TEST_CASE("cli.check .golive.yaml takes only YAML 1.2 booleans for flags, as plans do") {
  TempDir dir;
  ProcessOptions in_dir;
  in_dir.cwd = dir.path();
  const std::string plan = source_dir() + "/" + fixture("not-ready.yaml");
  dir.write(".golive.yaml", "offline: \"true\"\nquiet: yes\nno-waivers: on\n");
  ProcessResult r = run_golive({"check", "--as-of", kAsOf, plan}, in_dir);
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  CHECK(r.err ==
        ".golive.yaml:3:13: error: no-waivers: 'on' is not a boolean in YAML 1.2, which golive, editors and plugins "
        "read (write true or false)\n"
        ".golive.yaml:1:10: error: offline: 'true' is quoted text, not a boolean (write true without quotes)\n"
        ".golive.yaml:2:8: error: quiet: 'yes' is not a boolean in YAML 1.2, which golive, editors and plugins read "
        "(write true or false)\n");
  dir.write(".golive.yaml", "offline: True\nquiet: false\n");
  ProcessResult ok = run_golive({"check", "--as-of", kAsOf, "-f", "json", plan}, in_dir);
  CHECK(ok.exit_code == 1);
  CHECK(json_of(ok.out)["offline"] == true);
}

TEST_CASE("cli.check reports problems in .golive.yaml at their position") {
  TempDir dir;
  ProcessOptions in_dir;
  in_dir.cwd = dir.path();
  std::string plan = source_dir() + "/" + fixture("ready.yaml");

  dir.write(".golive.yaml", "fromat: json\ncolor: never\n");
  // A misspelt setting is an error, like a misspelt plan key: it must not be ignored.
  ProcessResult refused = check_fixture({plan}, in_dir);
  CHECK(refused.exit_code == 2);
  CHECK(refused.err == ".golive.yaml:1:1: error: unknown key 'fromat' (did you mean 'format'?)\n");
  ProcessResult quiet = check_fixture({"-q", plan}, in_dir);
  CHECK(quiet.err == refused.err);

  dir.write(".golive.yaml", "color: never\nformat: jsn\nonly: {backup: x}\n");
  ProcessResult bad = check_fixture({plan}, in_dir);
  CHECK(bad.exit_code == 2);
  CHECK(bad.out == "");
  CHECK(bad.err ==
        ".golive.yaml:3:7: error: only: expected a string or a list, got a mapping\n"
        ".golive.yaml:2:9: error: format: unknown format 'jsn' (did you mean 'json'?)\n");
}

TEST_CASE("cli.check colour: --color, NO_COLOR and the terminal") {
  std::string plan = fixture("ready.yaml");
  ProcessResult always = check_fixture({"--color", "always", plan});
  CHECK(always.out.rfind("\x1b[1;32mREADY\x1b[0m  score 100.0%", 0) == 0);
  CHECK(!has_escape(check_fixture({"--color", "never", plan}).out));
  CHECK(!has_escape(check_fixture({plan}).out));  // auto, and stdout is a pipe

  ProcessOptions tty;
  tty.tty = true;
  ProcessResult on_tty = check_fixture({plan}, tty);
  CHECK(on_tty.exit_code == 0);
  CHECK(has_escape(on_tty.out));

  ProcessOptions no_color = tty;
  no_color.env["NO_COLOR"] = "1";
  CHECK(!has_escape(check_fixture({plan}, no_color).out));
  CHECK(has_escape(check_fixture({"--color", "always", plan}, no_color).out));

  ProcessOptions env_never = tty;
  env_never.env["GOLIVE_COLOR"] = "never";
  CHECK(!has_escape(check_fixture({plan}, env_never).out));
}

TEST_CASE("cli.check -q prints the verdict and blocking items only") {
  ProcessResult r = check_fixture({"-q", fixture("not-ready.yaml")});
  CHECK(r.exit_code == 1);
  CHECK(r.out.rfind("NOT READY  score ", 0) == 0);
  CHECK(r.out.find("FAIL   backup.fresh") != std::string::npos);
  CHECK(r.out.find("FAIL   rollback.tested") != std::string::npos);
  CHECK(r.out.find("rulesets:") == std::string::npos);
  CHECK(r.out.find(" passed, ") == std::string::npos);
}

TEST_CASE("cli.check --report writes the file atomically") {
  TempDir dir;
  std::string path = dir.file("report.json");
  ProcessResult r = check_fixture({"-f", "json", "--report", "json:" + path, "--report",
                                   "text:" + dir.file("report.txt"), "--color", "always",
                                   fixture("not-ready.yaml")});
  CHECK(r.exit_code == 1);
  CHECK(dir.list() == std::vector<std::string>{"report.json", "report.txt"});  // no temporary left
  // The file holds the report stdout shows for the same run (reports record the settings, so
  // another run's report differs in them).
  CHECK(slurp(path) == r.out);
  auto text = slurp(dir.file("report.txt"));
  REQUIRE(text);
  CHECK(!has_escape(*text));  // files are never coloured
  CHECK(text->rfind("NOT READY", 0) == 0);
  CHECK(text->find("color=always (--color)") != std::string::npos);

  // A second run replaces the file whole.
  CHECK(check_fixture({"--report", "json:" + path, fixture("ready.yaml")}).exit_code == 0);
  CHECK(json_of(*slurp(path))["verdict"] == "ready");
  CHECK(dir.list() == std::vector<std::string>{"report.json", "report.txt"});

  std::string missing = dir.file("missing/report.json");
  ProcessResult nowhere = check_fixture({"--report", "json:" + missing, fixture("ready.yaml")});
  CHECK(nowhere.exit_code == 2);
  CHECK(nowhere.err == "golive: error: cannot write report " + missing + ": No such file or directory\n");
  CHECK(dir.list() == std::vector<std::string>{"report.json", "report.txt"});

  // All or none: a report that cannot be written leaves none of the others behind, so that no
  // file tells an outcome other than the run's exit code 2.
  ProcessResult some = check_fixture({"--report", "json:" + dir.file("new.json"), "--report",
                                      "html:" + missing, "--report", "sarif:" + dir.file("new.sarif"),
                                      "--report", "json:" + path, fixture("not-ready.yaml")});
  CHECK(some.exit_code == 2);
  CHECK(some.err == "golive: error: cannot write report " + missing + ": No such file or directory\n");
  CHECK(dir.list() == std::vector<std::string>{"report.json", "report.txt"});
  CHECK(json_of(*slurp(path))["verdict"] == "ready");  // the earlier report, untouched
}

TEST_CASE("cli.check refuses two reports to one file and a report to a directory before any check runs") {
  TempDir dir;
  std::filesystem::create_directory(dir.file("out"));
  // The same file however it is written: the second report would silently replace the first.
  const std::string path = dir.file("a.json");
  const std::string again = dir.file("out/../a.json");
  ProcessResult twice = check_fixture({"--report", "json:" + path, "--report", "sarif:" + again,
                                       fixture("not-ready.yaml")});
  CHECK(twice.exit_code == 2);
  CHECK(twice.out == "");
  CHECK(twice.err == "golive: error: --report: 'sarif:" + again + "' writes to the same file as 'json:" + path +
                         "': each report needs a path of its own\n");
  CHECK(dir.list() == std::vector<std::string>{"out"});
  // A directory cannot take a report: said up front, naming the path, not after the checks.
  for (const std::string& where : {std::string("."), dir.file("out"), dir.file("out/")}) {
    ProcessResult directory = check_fixture({"--report", "json:" + where, fixture("ready.yaml")});
    CHECK(directory.exit_code == 2);
    CHECK(directory.out == "");
    CHECK(directory.err == "golive: error: --report: 'json:" + where + "': " + where +
                               " is a directory, which cannot take a report (name a file in it)\n");
  }
  // A device is written in place, report after report: not the same file twice.
  CHECK(check_fixture({"--report", "json:/dev/null", "--report", "text:/dev/null", fixture("ready.yaml")})
            .exit_code == 0);
}

TEST_CASE("cli.check refuses - as a --report path, and writes /dev/stdout in place") {
  TempDir dir;
  ProcessOptions in_dir;
  in_dir.cwd = dir.path();
  const std::string plan = source_dir() + "/" + fixture("ready.yaml");
  // stdout takes the --format report: `-` is refused before anything runs, wherever it is set,
  // and no file named `-` is written.
  const std::string said = "'json:-': a report file cannot be -, because stdout takes the report chosen with "
                           "--format: use --format json to get the json report on stdout (./- is a file named -)\n";
  ProcessResult given = check_fixture({"--report", "json:-", plan}, in_dir);
  CHECK(given.exit_code == 2);
  CHECK(given.out == "");
  CHECK(given.err == "golive: error: --report: " + said);
  ProcessOptions env = in_dir;
  env.env["GOLIVE_REPORT"] = "json:-";
  ProcessResult from_env = check_fixture({plan}, env);
  CHECK(from_env.exit_code == 2);
  CHECK(from_env.err == "golive: error: GOLIVE_REPORT: " + said);
  ProcessResult zh = check_fixture({"--lang", "zh-CN", "--report", "sarif:-", plan}, in_dir);
  CHECK(zh.exit_code == 2);
  CHECK(zh.err == "golive: error: --report：「sarif:-」：报告文件不能是 -，因为标准输出用于 --format 所选的报告：要在标准输出上得到 "
                  "sarif 报告，请用 --format sarif（./- 是名为 - 的文件）\n");
  CHECK(dir.list().empty());
  // `./-` is a file named `-`.
  CHECK(check_fixture({"--report", "json:./-", plan}, in_dir).exit_code == 0);
  CHECK(dir.list() == std::vector<std::string>{"-"});
  // /dev/stdout is written in place, after the --format report.
  ProcessResult both = check_fixture({"-f", "json", "--report", "json:/dev/stdout", plan}, in_dir);
  CHECK(both.exit_code == 0);
  const std::string once = both.out.substr(0, both.out.size() / 2);
  CHECK(both.out == once + once);
  CHECK(json_of(once)["verdict"] == "ready");
}

TEST_CASE("cli.check refuses a report that would overwrite a plan, waiver or ruleset file it reads") {
  TempDir dir;
  std::filesystem::create_directory(dir.file("plans"));
  std::filesystem::create_directory(dir.file("out"));
  const std::string plan_text = fixture_text("ready.yaml");
  const std::string rules_text = fixture_text("foundation.yaml");
  dir.write("plans/plan.yaml", plan_text);
  dir.write("waivers.yaml", "golive_waivers: 1\n");
  dir.write("rules.yaml", rules_text);
  const std::string plan = dir.file("plans/plan.yaml");
  const std::string waivers = dir.file("waivers.yaml");
  const std::string rules = dir.file("rules.yaml");
  std::filesystem::create_hard_link(plan, dir.file("out/hard.json"));
  std::filesystem::create_symlink("../plans/plan.yaml", dir.file("out/link.json"));
  const auto refused = check_refused_over_input;
  // The plan, however the report's path names it: as given, through `..`, a hard link, a
  // symbolic link, and found in a directory given as PATH.
  for (const std::string& path :
       {plan, dir.file("out/../plans/plan.yaml"), dir.file("out/hard.json"), dir.file("out/link.json")}) {
    CAPTURE(path);
    refused(check_fixture({"--report", "json:" + path, plan}), "json:" + path, "the plan " + plan);
  }
  refused(check_fixture({"--report", "text:" + plan, dir.file("plans")}), "text:" + plan, "the plan " + plan);
  // The waiver file and a ruleset file given on the command line.
  refused(check_fixture({"--waivers", waivers, "--report", "sarif:" + waivers, plan}), "sarif:" + waivers,
          "the waiver file " + waivers);
  refused(check({"--no-auto-rulesets", "-r", rules, "--report", "html:" + rules, plan}), "html:" + rules,
          "the ruleset file " + rules);
  // Every such report is named, the others are not; nothing is written.
  ProcessResult two = check_fixture({"--waivers", waivers, "--report", "json:" + dir.file("out/fine.json"),
                                     "--report", "json:" + plan, "--report", "text:" + waivers, plan});
  CHECK(two.exit_code == 2);
  CHECK(two.err == "golive: error: --report: 'json:" + plan + "' would overwrite the plan " + plan +
                       ", which this run reads: write the report to another file\n"
                       "golive: error: --report: 'text:" + waivers + "' would overwrite the waiver file " + waivers +
                       ", which this run reads: write the report to another file\n");
  CHECK(slurp(plan) == plan_text);
  CHECK(slurp(waivers) == "golive_waivers: 1\n");
  CHECK(slurp(rules) == rules_text);
  CHECK(!std::filesystem::exists(dir.file("out/fine.json")));
  // Said in the run's language.
  ProcessResult zh = check_fixture({"--lang", "zh-CN", "--report", "json:" + plan, plan});
  CHECK(zh.exit_code == 2);
  CHECK(zh.err.find("「json:" + plan + "」会覆盖预案 " + plan + "，而本次运行要读取它：请把报告写入另一个文件\n") !=
        std::string::npos);
  // Another file beside the inputs is written; a built-in ruleset's name is no file to spare.
  ProcessOptions in_dir;
  in_dir.cwd = dir.path();
  ProcessResult fine = check_fixture({"--report", "json:out/report.json", "-r", "baseline", "--report",
                                      "text:baseline", "plans/plan.yaml"}, in_dir);
  CAPTURE(fine.err);
  CHECK(fine.exit_code != 2);
  CHECK(std::filesystem::exists(dir.file("out/report.json")));
  CHECK(std::filesystem::exists(dir.file("baseline")));
}

TEST_CASE("cli.check refuses a report that would overwrite .golive.yaml or a ruleset file that a ruleset extends") {
  TempDir dir;
  std::filesystem::create_directory(dir.file("plans"));
  std::filesystem::create_directory(dir.file("common"));
  const std::string plan_text = fixture_text("ready.yaml");
  const std::string base_text = fixture_text("foundation.yaml");
  dir.write("plans/plan.yaml", plan_text);
  // rules.yaml extends common/mid.yaml, which extends base.yaml beside it.
  const std::string rules_text = "ruleset: mine\nversion: 1.0.0\nextends: [common/mid.yaml]\nrules: []\n";
  const std::string mid_text = "ruleset: mid\nversion: 1.0.0\nextends: [base.yaml]\nrules: []\n";
  dir.write("rules.yaml", rules_text);
  dir.write("common/mid.yaml", mid_text);
  dir.write("common/base.yaml", base_text);
  const std::string settings_text = "fail-on: gate\n";
  dir.write(".golive.yaml", settings_text);
  ProcessOptions in_dir;
  in_dir.cwd = dir.path();
  const auto refused = check_refused_over_input;
  auto run = [&](const std::string& report) {
    return check({"--no-auto-rulesets", "-r", "rules.yaml", "--report", report, "plans/plan.yaml"}, in_dir);
  };
  // A file a ruleset extends, and a file that one extends in turn, named as they are read.
  refused(run("json:common/mid.yaml"), "json:common/mid.yaml", "the ruleset file common/mid.yaml (extended by rules.yaml)");
  refused(run("text:" + dir.file("common/base.yaml")), "text:" + dir.file("common/base.yaml"),
          "the ruleset file common/base.yaml (extended by common/mid.yaml)");
  // The settings file in the working directory, by any path to it.
  refused(run("json:.golive.yaml"), "json:.golive.yaml", "the settings file .golive.yaml");
  refused(run("sarif:" + dir.file("plans/../.golive.yaml")), "sarif:" + dir.file("plans/../.golive.yaml"),
          "the settings file .golive.yaml");
  ProcessResult zh = check({"--lang", "zh-CN", "--no-auto-rulesets", "-r", "rules.yaml", "--report",
                            "json:common/base.yaml", "plans/plan.yaml"}, in_dir);
  CHECK(zh.exit_code == 2);
  CHECK(zh.err == "golive: error: --report：「json:common/base.yaml」会覆盖规则集文件 common/base.yaml（由 common/mid.yaml "
                  "扩展），而本次运行要读取它：请把报告写入另一个文件\n");
  CHECK(slurp(dir.file("rules.yaml")) == rules_text);
  CHECK(slurp(dir.file("common/mid.yaml")) == mid_text);
  CHECK(slurp(dir.file("common/base.yaml")) == base_text);
  CHECK(slurp(dir.file(".golive.yaml")) == settings_text);
  // The same rulesets with a report elsewhere run.
  ProcessResult fine = run("json:plans/report.json");
  CAPTURE(fine.err);
  CHECK(fine.exit_code == 0);
  CHECK(std::filesystem::exists(dir.file("plans/report.json")));
}

TEST_CASE("cli.check --report writes through a symbolic link and into a pipe, never replacing either") {
  TempDir dir;
  std::filesystem::create_directory(dir.file("out"));
  dir.write("real.json", "old\n");
  std::filesystem::create_symlink("../real.json", dir.file("out/link.json"));
  // A chain of links to a file not there yet creates that file.
  std::filesystem::create_symlink("../later.json", dir.file("out/dangling.json"));
  std::filesystem::create_symlink("dangling.json", dir.file("out/chain.json"));
  ProcessResult r = check_fixture({"-f", "json", "--report", "json:" + dir.file("out/link.json"), "--report",
                                   "json:" + dir.file("out/chain.json"), fixture("ready.yaml")});
  CHECK(r.exit_code == 0);
  CHECK(std::filesystem::is_symlink(dir.file("out/link.json")));
  CHECK(std::filesystem::is_symlink(dir.file("out/chain.json")));
  CHECK(std::filesystem::is_symlink(dir.file("out/dangling.json")));
  CHECK(slurp(dir.file("real.json")) == r.out);
  CHECK(slurp(dir.file("later.json")) == r.out);
  CHECK(dir.list() == std::vector<std::string>{"later.json", "out", "real.json"});  // no temporary left

  // A named pipe is written in place: it has no file a renamed one could replace.
  REQUIRE(::mkfifo(dir.file("pipe").c_str(), 0600) == 0);
  std::string piped;
  std::thread reader([&] { piped = slurp(dir.file("pipe")).value_or(""); });
  ProcessResult to_pipe = check_fixture({"-f", "json", "--report", "json:" + dir.file("pipe"), fixture("ready.yaml")});
  // Had golive not opened the pipe, a writer that comes and goes here ends the reader's wait.
  if (int fd = ::open(dir.file("pipe").c_str(), O_WRONLY | O_NONBLOCK); fd >= 0) ::close(fd);
  reader.join();
  CHECK(to_pipe.exit_code == 0);
  CHECK(piped == to_pipe.out);
  CHECK(std::filesystem::is_fifo(dir.file("pipe")));

  // A loop of links is refused like any path that cannot be written.
  std::filesystem::create_symlink("b.json", dir.file("out/a.json"));
  std::filesystem::create_symlink("a.json", dir.file("out/b.json"));
  ProcessResult loop = check_fixture({"--report", "json:" + dir.file("out/a.json"), fixture("ready.yaml")});
  CHECK(loop.exit_code == 2);
  CHECK(loop.err == "golive: error: cannot write report " + dir.file("out/a.json") +
                        ": Too many levels of symbolic links\n");
}

TEST_CASE("cli.check a failed run leaves no report file") {
  TempDir dir;
  std::string report = "json:" + dir.file("report.json");
  CHECK(check_fixture({"--report", report, fixture("bad-plan.yaml")}).exit_code == 2);
  CHECK(check_fixture({"--report", report, "-r", fixture("bad-ruleset.yaml"), fixture("ready.yaml")}).exit_code == 2);
  CHECK(check_fixture({"--report", report, "--only", "nosuch.check", fixture("ready.yaml")}).exit_code == 2);
  CHECK(check_fixture({"--report", report, fixture("ready.yaml"), fixture("no-such-plan.yaml")}).exit_code == 2);
  CHECK(dir.list().empty());
}

TEST_CASE("cli.check bad input: every diagnostic like a compiler, exit 2, nothing on stdout") {
  ProcessResult plan = check_fixture({fixture("bad-plan.yaml")});
  CHECK(plan.exit_code == 2);
  CHECK(plan.out == "");
  CHECK(plan.err ==
        "tests/fixtures/cli/bad-plan.yaml:10:15: error: backups[0].schedule: '1 hour' is not a duration "
        "(expected e.g. 30m, 24h, 7d or PT1H)\n"
        "tests/fixtures/cli/bad-plan.yaml:11:5: error: backups[0]: unknown key 'copeis' (did you mean "
        "'copies'?)\n");
  ProcessResult quiet = check_fixture({"-q", fixture("bad-plan.yaml")});
  CHECK(quiet.exit_code == 2);
  CHECK(quiet.err == plan.err);  // both are errors: -q hides only warnings

  // A bad ruleset is reported once, however many plans it applies to.
  ProcessResult ruleset =
      check_fixture({"-r", fixture("bad-ruleset.yaml"), fixture("ready.yaml"), fixture("not-ready.yaml")});
  CHECK(ruleset.exit_code == 2);
  CHECK(ruleset.out == "");
  CHECK(ruleset.err ==
        "tests/fixtures/cli/bad-ruleset.yaml:5:13: error: rules[0].check: unknown check 'backup.fersh' "
        "(did you mean 'backup.fresh'?)\n");

  ProcessResult missing = check_fixture({fixture("ready.yaml"), "no-such-plan.yaml"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.out == "");
  CHECK(missing.err == "no-such-plan.yaml: error: no such file or directory\n");

  ProcessResult builtin = check({"-r", "critcal", fixture("ready.yaml")});
  CHECK(builtin.exit_code == 2);
  CHECK(builtin.err == "--ruleset: error: unknown built-in ruleset 'critcal' (did you mean 'critical'?)\n");
}

TEST_CASE("cli.check a reader that stops early ends the run with its exit code, not SIGPIPE") {
  // About 700 KB of JSON: far more than a pipe holds, so most writes find the pipe closed.
  std::string plans;
  for (int i = 0; i < 40; ++i) {
    // Two appends, not " " + std::string: g++ 12 at -O3 reports a false -Wrestrict on that.
    plans += ' ';
    plans += fixture("not-ready.yaml");
  }
  ProcessResult r = run_golive_shell("\"$0\" check --offline -f json" + plans +
                                     " | head -c 1 >/dev/null; echo ${PIPESTATUS[0]}");
  CHECK(r.out == "1\n");
}

TEST_CASE("cli.check DIR checks every plan the YAML reader sees, and names the files it did not check in every report") {
  const std::string ready = *slurp(source_dir() + "/" + fixture("ready.yaml"));
  const std::string not_ready = *slurp(source_dir() + "/" + fixture("not-ready.yaml"));
  const std::string version = "\ngolive: 1\n";
  REQUIRE(not_ready.find(version) != std::string::npos);
  std::string explicit_key = not_ready;
  explicit_key.replace(explicit_key.find(version), version.size(), "\n? golive\n: 1\n");
  {
    // `? golive` / `: 1` is the key golive for the YAML reader (validate takes it); the
    // directory search took it for "not a plan" and the run read READY.
    TempDir dir;
    dir.write("a.yaml", ready);
    dir.write("b.yaml", explicit_key);
    CHECK(run_golive({"validate", dir.file("b.yaml")}).exit_code == 0);
    ProcessResult r = check_fixture({"-f", "json", dir.path()});
    CHECK(r.exit_code == 1);
    CHECK(r.err == "");
    auto report = json_of(r.out);
    REQUIRE(report["plans"].size() == 2);
    CHECK(report["plans"][1]["file"] == dir.file("b.yaml"));
    CHECK(report["plans"][1]["verdict"] == "not_ready");
  }
  {
    // An upper-case extension is a YAML file like any other: c.YAML was passed over in silence.
    TempDir dir;
    dir.write("a.yaml", ready);
    std::filesystem::create_directory(dir.file("sub"));
    dir.write("sub/c.YAML", not_ready);
    dir.write("sub/d.YML", ready);
    ProcessResult r = check_fixture({"-f", "json", dir.path()});
    CHECK(r.exit_code == 1);
    CHECK(r.err == "");
    auto report = json_of(r.out);
    REQUIRE(report["plans"].size() == 3);
    CHECK(report["plans"][1]["file"] == dir.file("sub/c.YAML"));
    CHECK(report["plans"][1]["verdict"] == "not_ready");
    CHECK(report["plans"][2]["file"] == dir.file("sub/d.YML"));
  }
  {
    // A file not checked is named in the JSON and SARIF reports, not given a null location.
    TempDir dir;
    dir.write("a.yaml", ready);
    dir.write("notes.yaml", "stages: [build]\n");
    const std::string warning = "not checked: no top-level 'golive' key with the format version, so not a plan "
                                "(nor a ruleset or waiver register); name the file to check it anyway";
    ProcessResult r = check_fixture({"-f", "json", "--report", "sarif:" + dir.file("r.sarif"), dir.path()});
    CHECK(r.exit_code == 0);
    CHECK(r.err == dir.file("notes.yaml") + ": warning: " + warning + "\n");
    auto report = json_of(r.out);
    REQUIRE(report["diagnostics"].size() == 1);
    CHECK(report["diagnostics"][0] ==
          nlohmann::json{{"location", {{"file", dir.file("notes.yaml")}, {"line", nullptr}, {"column", nullptr}}},
                         {"severity", "warning"},
                         {"message", warning}});
    auto sarif = json_of(*slurp(dir.file("r.sarif")));
    const auto& notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    REQUIRE(notes.size() == 1);
    REQUIRE(notes[0]["locations"].size() == 1);
    CHECK(notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>().find(
              "notes.yaml") != std::string::npos);
    CHECK_FALSE(notes[0]["locations"][0]["physicalLocation"].contains("region"));
  }
}

TEST_CASE("cli.check the text report lists the warnings about the input, on stdout and in --report files") {
  TempDir dir;
  const std::string waivers = dir.file("waivers.yaml");
  dir.write("waivers.yaml",
                                        "waivers:\n  - check: backup.fresh\n    plan: nosuch-plan\n    reason: test\n"
                                        "    approved_by: someone\n    expires: 2026-12-20\n");
  const std::string line = waivers + ":2:5: warning: waiver for backup.fresh in plan nosuch-plan matches no failing "
                                     "finding (remove it from the register, or correct its check, plan or subject)";
  ProcessResult r = check_fixture({"--waivers", waivers, "--report", "text:" + dir.file("r.txt"), fixture("ready.yaml")});
  CHECK(r.exit_code == 0);
  CHECK(r.err == line + "\n");  // stderr keeps them (not a terminal here)
  const std::string section = "\ninput warnings (1):\n  " + line + "\n\n";
  CHECK(r.out.find(section) != std::string::npos);
  CHECK(r.out.find(section) < r.out.find("tests/fixtures/cli/ready.yaml: cli-ready"));
  auto filed = slurp(dir.file("r.txt"));
  REQUIRE(filed);
  CHECK(filed->find(section) != std::string::npos);
  // -q hides no warning about the input.
  ProcessResult quiet = check_fixture({"-q", "--waivers", waivers, fixture("ready.yaml")});
  CHECK(quiet.out.find("\ninput warnings (1):\n  " + line + "\n") != std::string::npos);
  // In the run's language.
  ProcessResult zh = check_fixture({"--lang", "zh-CN", "--waivers", waivers, fixture("ready.yaml")});
  CHECK(zh.out.find("\n输入警告（1）：\n  " + waivers + ":2:5: warning: backup.fresh 的豁免（预案 nosuch-plan）") !=
        std::string::npos);
  // A text report on a terminal shows them once: not again on stderr, the same terminal.
  ProcessOptions terminal;
  terminal.tty = true;
  ProcessResult once = run_golive_shell(
      "exec 2>&1; \"$0\" check --as-of 2026-12-04T12:00:00+08:00 --offline --color never --no-auto-rulesets -r " +
          fixture("foundation.yaml") + " --waivers " + waivers + " " + fixture("ready.yaml"),
      terminal);
  CHECK(once.exit_code == 0);
  const auto first = once.out.find(line);
  REQUIRE(first != std::string::npos);
  CHECK(once.out.find(line, first + 1) == std::string::npos);
}

TEST_CASE("cli.validate reports structure only") {
  ProcessResult ok = run_golive({"validate", fixture("ready.yaml"), fixture("not-ready.yaml")});
  CHECK(ok.exit_code == 0);
  CHECK(ok.err == "");
  CHECK(ok.out == fixture("ready.yaml") + ": ok (cli-ready)\n" + fixture("not-ready.yaml") + ": ok (cli-not-ready)\n");

  ProcessResult bad = run_golive({"validate", fixture("bad-plan.yaml")});
  CHECK(bad.exit_code == 2);
  CHECK(bad.out == "");
  CHECK(bad.err.find(": error: ") != std::string::npos);
}

}  // namespace golive::test
