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

/// Writes `text` to `dir/name`, making the directories on the way.
void put(const TempDir& dir, const std::string& name, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(dir.file(name)).parent_path());
  dir.write(name, text);
}

/// A tool the tests install next to their fixture (.ci/install-deps test).
std::string validator(const std::string& name) {
  std::string path = source_dir() + "/tests/fixtures/validators/node_modules/.bin/" + name;
  REQUIRE_MESSAGE(std::filesystem::exists(path), path << " is missing: run .ci/install-deps test");
  return path;
}

/// `dir` made a git repository with everything in it committed, as CI systems and pre-commit
/// read their configuration from one.
void commit_all(const TempDir& dir) {
  require_tool("git");
  CommandResult r = run_command("cd " + shell_quote(dir.path()) +
                                " && export HOME=" + shell_quote(dir.path()) + " && git init -q && git add -A && git -c user.name=golive "
                                "-c user.email=golive@example.com commit -qm plans");
  CAPTURE(r.output);
  REQUIRE(r.exit_code == 0);
}

/// The example's text with `from` replaced by `to` (once), for the negative controls that
/// prove a validator reads what we think it reads.
std::string example_with(const std::string& file, const std::string& from, const std::string& to) {
  std::string text = slurp(source_dir() + "/" + file).value_or("");
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

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

// GitHub's own workflow schema (SchemaStore's github-workflow.json, as action-validator
// embeds it): the example is a workflow GitHub accepts, and a misspelt key is caught.
TEST_CASE("ci.GitHub Actions example is valid for GitHub's workflow schema (action-validator)") {
  const std::string file = "examples/ci/github-actions.yml";
  std::string tool = validator("action-validator");
  CommandResult ok = run_command(shell_quote(tool) + " " + shell_quote(source_dir() + "/" + file));
  CAPTURE(ok.output);
  CHECK(ok.exit_code == 0);
  CHECK(ok.output == "");

  TempDir dir;
  dir.write("typo.yml", example_with(file, "runs-on:", "runs_on:"));
  CommandResult typo = run_command(shell_quote(tool) + " " + shell_quote(dir.file("typo.yml")));
  CAPTURE(typo.output);
  CHECK(typo.exit_code == 1);
  CHECK(typo.output.find("Additional property 'runs_on' is not allowed") != std::string::npos);
}

// GitLab's CI schema and job model, through gitlab-ci-local reading the example as a
// project's .gitlab-ci.yml: the schema accepts it, the golive job is in the readiness stage
// and the deploy job needs it. (Its jobs run in a debian:12 image, which needs a container
// runtime; the golive step's script is run by the test above.)
TEST_CASE("ci.GitLab CI example is valid for GitLab's CI schema (gitlab-ci-local)") {
  const std::string file = "examples/ci/gitlab-ci.yml";
  std::string tool = validator("gitlab-ci-local");
  auto list = [&](const std::string& config) {
    TempDir dir;
    put(dir, ".gitlab-ci.yml", config);
    put(dir, "plans/.keep", "");
    commit_all(dir);
    return run_command("cd " + shell_quote(dir.path()) + " && HOME=" + shell_quote(dir.path()) +
                       " " + shell_quote(tool) + " --list-json 2>&1");
  };
  CommandResult ok = list(slurp(source_dir() + "/" + file).value_or(""));
  CAPTURE(ok.output);
  REQUIRE(ok.exit_code == 0);
  nlohmann::json jobs = json_of(ok.output.substr(ok.output.find("\n[") + 1));
  REQUIRE(jobs.size() == 2);
  CHECK(jobs[0]["name"] == "golive");
  CHECK(jobs[0]["stage"] == "readiness");
  CHECK(jobs[0]["allow_failure"] == false);
  CHECK(jobs[1]["name"] == "deploy");
  CHECK(jobs[1]["stage"] == "deploy");
  CHECK(jobs[1]["needs"][0]["job"] == "golive");

  CommandResult typo = list(example_with(file, "expose_as:", "expose_ass:"));
  CAPTURE(typo.output);
  CHECK(typo.exit_code == 1);
  CHECK(typo.output.find("'expose_ass' property is not expected to be here at golive.artifacts") !=
        std::string::npos);
}

// pre-commit itself (Debian's) installing the hook from a repository that holds only
// .pre-commit-hooks.yaml, as `repos: [{repo: …, hooks: [{id: golive-validate}]}]` would:
// it passes plans under plans/ to golive validate, not other YAML, and fails on a bad plan.
TEST_CASE("ci.pre-commit runs the golive-validate hook (pre-commit try-repo)") {
  require_tool("pre-commit");
  TempDir hooks;
  put(hooks, ".pre-commit-hooks.yaml", slurp(source_dir() + "/.pre-commit-hooks.yaml").value_or(""));
  commit_all(hooks);
  TempDir work;
  put(work, "plans/pay.yaml", slurp(source_dir() + "/examples/payments-not-ready.yaml").value_or(""));
  put(work, "plans/bad.yaml", "golive: 1\nplan: {id: x}\n");
  put(work, "docs/other.yaml", "not: a plan\n");
  commit_all(work);
  std::string bin = golive_binary().substr(0, golive_binary().rfind('/'));
  auto run = [&](const std::string& files) {
    return run_command("cd " + shell_quote(work.path()) + " && env PATH=" + shell_quote(bin) +
                       ":\"$PATH\" HOME=" + shell_quote(work.path()) + " PRE_COMMIT_HOME=" + shell_quote(work.file(".cache")) +
                       " pre-commit try-repo " + shell_quote(hooks.path()) +
                       " golive-validate --files " + files + " 2>&1");
  };
  CommandResult good = run("plans/pay.yaml docs/other.yaml");
  CAPTURE(good.output);
  CHECK(good.exit_code == 0);
  CHECK(good.output.find("golive validate....") != std::string::npos);
  CHECK(good.output.find("Passed") != std::string::npos);

  CommandResult bad = run("plans/pay.yaml plans/bad.yaml docs/other.yaml");
  CAPTURE(bad.output);
  CHECK(bad.exit_code == 1);
  CHECK(bad.output.find("plans/bad.yaml:1:1: error: missing required key 'go_live'") != std::string::npos);
  CHECK(bad.output.find("plans/pay.yaml: ok (payments-core-3.0)") != std::string::npos);
  CHECK(bad.output.find("other.yaml") == std::string::npos);
}

}  // namespace golive::test
