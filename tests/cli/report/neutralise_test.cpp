// Hostile text through every report format: plan text and a plugin message carrying ANSI
// escapes, C1 controls, bidi overrides, zero-width characters, markup, workflow-command
// syntax, CR/LF and a 10 kB name. Each output is read by its consumer (python json,
// xmllint with the JUnit schema and two JUnit readers, sarif-multitool, chromium, a
// workflow-command parser written from the Actions toolkit's syntax), and no raw hostile
// character may survive in any of them.
#include <nlohmann/json.hpp>

#include <map>

#include "cli/report/support.h"
#include "tests/cli/report/consumers.h"
#include "tests/cli/report/report_support.h"

namespace golive::test {

namespace {

// YAML double-quoted escapes, so that the plan file itself stays printable.
const std::string kCorpus =
    R"(\e[31mred\e[0m \e]8;;https://evil.example/\e\\link\e]8;;\e\\ \x07\x08\f\v\x01\x7f )"
    R"(\x85nel \x9b2J \u202Eevil\u202C \u202Aemb\u202B \u2066iso\u2067\u2068\u2069 )"
    R"(zw\u200Bsp\u200C\u200D\u200E\u200F \uFEFFbom \u2028ls\u2029ps \u2060wj \U000E0041tag )"
    R"(\r\n::error file=x.yaml,line=1::forged %0A %25 <script>alert(1)</script> ]]> &amp; )"
    R"(\"q\" 'a' | `tick` **b** [l](x) a:b,c)";

// The same hostile text in a plugin's JSON message.
const std::string kPluginMessage =
    R"(\u001b[2J\u001b[31mplugin\u001b[0m \u009b1m \u202eevil\u202c zw\u200bsp \ufeffbom )"
    R"(\u2028 \r\n::warning::forged %25 <img src=x onerror=alert(1)> | `x`)";

std::string hostile_plan() {
  return "golive: 1\n"
         "plan:\n"
         "  id: hostile-2\n"
         "  name: \"" + kCorpus + " " + std::string(10240, 'N') + "\"\n"
         "  owner: li.wei\n"
         "  revised_at: 2026-11-01\n"
         "go_live:\n"
         "  window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}\n"
         "  timezone: Asia/Shanghai\n"
         "contacts:\n"
         "  - {id: li.wei, name: \"" + kCorpus + "\", phone: \"+8613800000003\", email: li.wei@example.com, "
         "timezone: Asia/Shanghai}\n"
         "organization:\n"
         "  commander: li.wei\n"
         "  roles: {ops_lead: li.wei}\n"
         "systems:\n"
         "  - {id: shop-api, tier: 2, rto: 1h, rpo: 15m, dr_strategy: backup_restore, datastores: [shop-db]}\n"
         "backups:\n"
         "  - {id: shop-db-hourly, datastore: shop-db, schedule: 1h, copies: 2, offsite: true,\n"
         "     location: \"https://backups.example.com/" + kCorpus + "\", last_success: 2026-12-01T11:00:00+08:00,\n"
         "     restore_test: {at: 2026-11-20, duration: 40m, result: pass}}\n"
         "monitoring:\n"
         "  alerts:\n"
         "    - {name: \"" + kCorpus + "\", severity: critical}\n"
         "resources:\n"
         "  spares:\n"
         "    - {component: app-server, covers: [shop-api], on_hand: 1, location: \"" + kCorpus + "\"}\n";
}

// Code points of `text` that no report may carry raw (hostile_char()), but for those in
// `allowed`, as "U+XXXX at byte N".
std::vector<std::string> raw_hostile(const std::string& text, std::u32string_view allowed) {
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size();) {
    auto b = static_cast<unsigned char>(text[i]);
    size_t n = b < 0x80 ? 1 : b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
    char32_t cp = n == 1 ? b : b & (0x3f >> (n - 1));
    for (size_t k = 1; k < n && i + k < text.size(); ++k) cp = (cp << 6) | (text[i + k] & 0x3f);
    if (hostile_char(cp) && allowed.find(cp) == std::u32string_view::npos)
      out.push_back(fmt::format("U+{:04X} at byte {}", static_cast<unsigned>(cp), i));
    i += n;
  }
  return out;
}

void expect_no_raw_hostile(const std::string& format, const std::string& out, std::u32string_view allowed) {
  CAPTURE(format);
  std::vector<std::string> found = raw_hostile(out, allowed);
  if (found.size() > 5) found.resize(5);
  CHECK(found == std::vector<std::string>{});
}

}  // namespace

TEST_CASE("report formats neutralise hostile text, each consumer reads them and no raw hostile character survives") {
  TempDir dir;
  const std::string plan = write_file(dir, "hostile.yaml", hostile_plan());
  write_file(dir, "plugin.sh", "cat >/dev/null\nprintf '%s\\n' '{\"status\": \"fail\", \"message\": \"" +
                                   kPluginMessage + "\"}'\n");
  const std::string rules = write_file(
      dir, "rules.yaml",
      "ruleset: hostile\nversion: 1.0.0\nrules:\n  - {id: custom.hostile, exec: [\"/bin/sh\", \"" +
          dir.file("plugin.sh") + "\"], timeout: 10s, severity: gate}\n");
  std::map<std::string, std::string> out;
  for (const std::string format : {"text", "json", "junit", "sarif", "markdown", "html", "github"}) {
    ProcessResult r = check({"-f", format, "--color", "always", "-r", rules, plan});
    CAPTURE(format);
    CAPTURE(r.err);
    CHECK(r.exit_code == 1);
    out[format] = r.out;
    CHECK(raw_hostile(r.err, U"\n").empty());
  }

  {  // text: escapes and controls are shown, the colour is golive's own
    // --color always: the only ESC bytes are golive's SGR sequences, `ESC [ digits ; m`.
    std::string text = out["text"];
    for (size_t esc = text.find('\x1b'); esc != std::string::npos; esc = text.find('\x1b', esc + 1)) {
      size_t m = text.find('m', esc);
      REQUIRE(m != std::string::npos);
      std::string seq = text.substr(esc + 1, m - esc);
      CAPTURE(seq);
      CHECK(seq.find_first_not_of("[0123456789;m") == std::string::npos);
    }
    std::string plain;  // without golive's colour
    for (size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\x1b') i = text.find('m', i);
      else plain += text[i];
    expect_no_raw_hostile("text", plain, U"\n");
    CHECK(plain.find(R"(\x1B[31mred\x1B[0m)") != std::string::npos);
    CHECK(plain.find(R"(\u202Eevil\u202C)") != std::string::npos);
    CHECK(plain.find(R"(\x9B2J)") != std::string::npos);
    CHECK(plain.find(R"(\x1B[2J\x1B[31mplugin)") != std::string::npos);
  }

  {  // json: python reads back exactly the text of the plan, through \u escapes
    expect_no_raw_hostile("json", out["json"], U"\n");
    std::string report = write_file(dir, "report.json", out["json"]);
    CommandResult py = run_command(
        "/usr/bin/python3 -c 'import json, sys, yaml; r = json.load(open(sys.argv[1])); "
        "p = yaml.safe_load(open(sys.argv[2])); "
        "print(r[\"plans\"][0][\"name\"] == p[\"plan\"][\"name\"], "
        "any(f[\"message\"].startswith(\"\\x1b[2J\\x1b[31mplugin\") for f in r[\"plans\"][0][\"findings\"]))' " +
        shell_quote(report) + " " + shell_quote(plan));
    CAPTURE(py.output);
    CHECK(py.exit_code == 0);
    CHECK(py.output == "True True\n");
    CHECK(out["json"].find(R"(\u001b[31mred)") != std::string::npos);
    CHECK(out["json"].find(R"(\u202eevil\u202c)") != std::string::npos);
    CHECK(out["json"].find(R"(\u2028ls\u2029ps)") != std::string::npos);
    CHECK(out["json"].find(R"(\udb40\udc41tag)") != std::string::npos);
  }

  {  // junit: valid against the schema, read by both JUnit readers
    expect_no_raw_hostile("junit", out["junit"], U"\n");
    expect_valid_junit(out["junit"], "hostile");
    expect_readers_agree(out["junit"], "hostile");
    CHECK(out["junit"].find("<script>") == std::string::npos);
    CHECK(out["junit"].find(R"(\u202Eevil)") != std::string::npos);
  }

  {  // sarif: sarif-multitool finds nothing to object to
    expect_no_raw_hostile("sarif", out["sarif"], U"\n");
    expect_clean(validate_sarif(out["sarif"], "hostile"));
  }

  {  // html: chromium parses it without a script, an error or a raw override
    expect_no_raw_hostile("html", out["html"], U"\n");
    Browser browser;
    std::string page = write_file(dir, "report.html", out["html"]);
    CommandResult dom = browser.run("--dump-dom", page);
    CHECK(dom.exit_code == 0);
    CHECK(page_problems(dom.output).empty());
    CHECK(dom.output.find("<script") == std::string::npos);
    CHECK(dom.output.find("<img") == std::string::npos);
    // In the DOM, `&#13;` and tab are whitespace again, as in any HTML page.
    expect_no_raw_hostile("html DOM", dom.output.substr(0, dom.output.rfind("</html>")), U"\n\r\t");
    CHECK(dom.output.find(R"(\u202Eevil\u202C)") != std::string::npos);
  }

  {  // markdown: no markup, no raw line break inside a table row
    const std::string& md = out["markdown"];
    expect_no_raw_hostile("markdown", md, U"\n");
    CHECK(md.find("<script") == std::string::npos);
    CHECK(md.find("<img") == std::string::npos);
    // Every line of a table (starting with `|`) ends with `|`: no cell broke its row.
    size_t start = 0;
    while (start < md.size()) {
      size_t nl = md.find('\n', start);
      std::string line = md.substr(start, nl - start);
      if (line.starts_with("|")) {
        CAPTURE(line.substr(0, 200));
        CHECK(line.ends_with("|"));
      }
      CHECK(!line.starts_with("::"));
      if (nl == std::string::npos) break;
      start = nl + 1;
    }
  }

  {  // github: every line is one workflow command the runner would parse as golive wrote it
    expect_no_raw_hostile("github", out["github"], U"\n");
    std::string file = write_file(dir, "annotations.txt", out["github"]);
    CommandResult r = run_command("/usr/bin/python3 " + shell_quote(kValidators + "/github_annotations.py") +
                                  " " + shell_quote(file));
    REQUIRE(r.exit_code == 0);
    nlohmann::json commands = nlohmann::json::parse(r.output);
    int errors = 0, verdicts = 0;
    for (const auto& c : commands) {
      CAPTURE(c.dump().substr(0, 300));
      REQUIRE(c["command"].is_string());
      std::string name = c["command"];
      CHECK((name == "error" || name == "warning" || name == "notice"));
      // A finding's annotation names the file; the verdict's own (NOT READY) does not.
      errors += name == "error" && c["properties"].contains("file");
      verdicts += name == "error" && !c["properties"].contains("file");
      for (const auto& [key, value] : c["properties"].items())
        CHECK((key == "file" || key == "line" || key == "col" || key == "title"));
      if (c["properties"].contains("file")) CHECK(c["properties"]["file"] == plan);
      const std::string message = c["message"];
      expect_no_raw_hostile("github message", message, U"\n\r");
    }
    // As many errors as the JSON report has blocking findings, and no forged one.
    int blocking = 0;
    const nlohmann::json report = nlohmann::json::parse(out["json"]);
    for (const auto& f : report["plans"][0]["findings"]) blocking += f["blocking"].get<bool>();
    CHECK(errors == blocking);
    CHECK(verdicts == 1);
  }
}

TEST_CASE("brief neutralises hostile text in each of its formats") {
  TempDir dir;
  const std::string plan = write_file(dir, "hostile.yaml", hostile_plan());
  for (const std::string format : {"text", "markdown", "html"}) {
    ProcessResult r = run_golive({"brief", "--as-of", "2026-12-04T12:00:00+08:00", "-f", format, plan});
    CAPTURE(format);
    CAPTURE(r.err);
    CHECK(r.exit_code == 1);  // not ready, like check without the plugin
    expect_no_raw_hostile("brief " + format, r.out, U"\n");
    CHECK(raw_hostile(r.err, U"\n").empty());
  }
  // The text brief shows what was there: the title's ESC and right-to-left override.
  ProcessResult text = run_golive({"brief", "--as-of", "2026-12-04T12:00:00+08:00", plan});
  CHECK(text.out.find(R"(GO-LIVE BRIEF: \x1B[31mred\x1B[0m)") != std::string::npos);
  CHECK(text.out.find(R"(\u202Eevil\u202C)") != std::string::npos);
}

TEST_CASE("report neutralisation: hostile characters and their visible form") {
  for (char32_t cp : {U'\x00', U'\x1b', U'\x7f', U'\x85', U'\x9b', U'\u200b', U'\u200f', U'\u202a', U'\u202e',
                      U'\u2066', U'\u2069', U'\ufeff', U'\u2028', U'\u2029', U'\u2060', U'\u00ad', U'\U000E0041'})
    CHECK(hostile_char(cp));
  for (char32_t cp : {U'a', U' ', U'\u00e9', U'\u4e2d', U'\u00a0', U'\U0001F600'}) CHECK(!hostile_char(cp));
  CHECK(make_visible("a\x1b[1m\xe2\x80\xae" "b\n", "\n") == "a\\x1B[1m\\u202Eb\n");
  CHECK(make_visible("\xf3\xa0\x81\x81") == "\\U000E0041");
  CHECK(terminal_text("a\tb\r\nc\x1b") == "a b c\\x1B");
  CHECK(xml_escape("\x01<\xe2\x80\x8b>") == "\\x01&lt;\\u200B&gt;");
  CHECK(github_message("50% \r\n\x1b") == "50%25 %0D%0A\\x1B");
  CHECK(github_property("a:b,c\xe2\x80\xae") == "a%3Ab%2Cc\\u202E");
  CHECK(markdown_cell("a|b\x1b\n") == "a\\|b\\x1B<br>");
  CHECK(json_text(nlohmann::ordered_json{{"k", "\x1b\xc2\x85\xe2\x80\xae\xe2\x80\xa8 https://u:p@h/"}}) ==
        "{\n  \"k\": \"\\u001b\\u0085\\u202e\\u2028 https://***@h/\"\n}");
}

}  // namespace golive::test
