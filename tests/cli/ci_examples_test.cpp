// The CI setups in examples/ci/ and the pre-commit hook: their golive steps are run as the CI
// system would run them (the shell script of the step, with the variables it sets), on a
// copy of an example plan under plans/, with the golive under test first on PATH.
#include "tests/cli/report/report_support.h"

namespace golive::test {

namespace {

/// A YAML value of `file` selected by the Python expression `select` on the parsed document
/// `d`, printed as text (lists joined by newlines), with Debian's python3-yaml.
std::string yaml_select(const std::string& file, const std::string& select) {
  require_tool("/usr/bin/python3");
  std::string program =
      "import sys, yaml\n"
      "d = yaml.safe_load(open(sys.argv[1]))\n"
      "v = " + select + "\n"
      "print('\\n'.join(v) if isinstance(v, list) else v)\n";
  CommandResult r = run_command("/usr/bin/python3 -c " + shell_quote(program) + " " +
                                shell_quote(source_dir() + "/" + file));
  CAPTURE(r.output);
  REQUIRE(r.exit_code == 0);
  return r.output;
}

/// Runs `script` in bash in a directory holding plans/payments-not-ready.yaml, offline at
/// the instant the example is dated for, with golive on PATH and `env` set.
struct CiRun {
  TempDir dir;
  CommandResult result;
  CiRun(const std::string& script, const std::string& env = "") {
    REQUIRE(run_command("mkdir -p " + shell_quote(dir.file("plans")) + " && cp " +
                        shell_quote(source_dir() + "/examples/payments-not-ready.yaml") + " " +
                        shell_quote(dir.file("plans"))).exit_code == 0);
    std::string bin = golive_binary().substr(0, golive_binary().rfind('/'));
    dir.write("step.sh", script);
    result = run_command("cd " + shell_quote(dir.path()) + " && env PATH=" + shell_quote(bin) +
                         ":\"$PATH\" GOLIVE_OFFLINE=true GOLIVE_AS_OF=" + kAsOf + " " + env +
                         " bash -e step.sh");
  }
  std::string file(const std::string& name) const { return slurp(dir.file(name)).value_or(""); }
};

}  // namespace

TEST_CASE("ci.GitHub Actions example: annotations, SARIF, job summary, gate") {
  const std::string file = "examples/ci/github-actions.yml";
  std::string step = yaml_select(file, "[s['run'] for s in d['jobs']['readiness']['steps'] "
                                       "if s.get('id') == 'golive'][0]");
  CiRun run(step, "GITHUB_STEP_SUMMARY=summary.md GITHUB_OUTPUT=output.txt");
  CAPTURE(run.result.output);
  CHECK(run.result.exit_code == 0);  // the step records the exit code; the Gate step fails
  CHECK(run.result.output.find("::error file=plans/payments-not-ready.yaml,line=") != std::string::npos);
  CHECK(run.file("output.txt") == "exit-code=1\n");
  CHECK(run.file("summary.md").find("NOT READY") != std::string::npos);
  CHECK(run.file("golive.sarif").find("\"version\": \"2.1.0\"") != std::string::npos);
  CHECK(yaml_select(file, "[s['with']['sarif_file'] for s in d['jobs']['readiness']['steps'] "
                          "if 'upload-sarif' in s.get('uses', '')][0]") == "golive.sarif\n");
  CHECK(yaml_select(file, "d['jobs']['readiness']['permissions']['security-events']") == "write\n");
  CHECK(yaml_select(file, "d['jobs']['deploy']['needs']") == "readiness\n");
  CHECK(yaml_select(file, "d['jobs']['readiness']['steps'][-1]['run']") ==
        "exit \"${{ steps.golive.outputs.exit-code }}\"\n");
}

TEST_CASE("ci.GitLab CI example: JUnit and HTML reports, job fails when not ready") {
  const std::string file = "examples/ci/gitlab-ci.yml";
  std::string script = yaml_select(file, "d['golive']['script']");
  CiRun run(script);
  CAPTURE(run.result.output);
  CHECK(run.result.exit_code == 1);
  CHECK(run.file("golive-junit.xml").find("<testsuites name=\"golive\"") != std::string::npos);
  CHECK(run.file("golive-report.html").find("<!DOCTYPE html>") != std::string::npos);
  CHECK(yaml_select(file, "d['golive']['artifacts']['reports']['junit']") == "golive-junit.xml\n");
  CHECK(yaml_select(file, "d['golive']['artifacts']['paths']") == "golive-report.html\n");
  CHECK(yaml_select(file, "d['golive']['artifacts']['when']") == "always\n");
}

TEST_CASE("ci.pre-commit hook validates plans under plans/") {
  const std::string file = ".pre-commit-hooks.yaml";
  CHECK(yaml_select(file, "d[0]['id']") == "golive-validate\n");
  std::string entry = yaml_select(file, "d[0]['entry']");
  entry.pop_back();
  // pre-commit runs the entry with the staged file names matching `files`.
  std::string files = yaml_select(file, "d[0]['files']");
  files.pop_back();
  CommandResult match = run_command("/usr/bin/python3 -c " +
                                    shell_quote("import re, sys; r = re.compile(sys.argv[1]); "
                                                "print([bool(r.search(f)) for f in sys.argv[2:]])") +
                                    " " + shell_quote(files) + " plans/pay.yaml ops/plans/erp.yml docs/x.yaml");
  CHECK(match.output == "[True, True, False]\n");
  CiRun good(entry + " plans/payments-not-ready.yaml\n");
  CHECK(good.result.exit_code == 0);
  CiRun bad("printf 'golive: 1\\nplan: {id: x}\\n' > plans/bad.yaml\n" + entry + " plans/bad.yaml\n");
  CHECK(bad.result.exit_code == 2);
  CHECK(bad.result.output.find("plans/bad.yaml:") != std::string::npos);
}

}  // namespace golive::test
