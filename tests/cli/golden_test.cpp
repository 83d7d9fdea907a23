// Golden reports: whole outputs compared byte for byte. Names say the input, the exit
// code and the format (`not-ready.1.json`), as in tests/golden/. After an intended change,
// regenerate them with GOLIVE_UPDATE_GOLDEN=1 and review the diff.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "tests/cli/cli_support.h"
#include "tests/support/golden.h"

namespace golive::test {

namespace {

struct GoldenCase {
  std::string name;    ///< golden file stem
  int exit_code;
  std::string format;  ///< text | json
  std::vector<std::string> args;  ///< after `check --as-of … --offline -f FORMAT`
};

void compare_golden(const GoldenCase& c) {
  CAPTURE(c.name);
  std::vector<std::string> args = {"-f", c.format};
  if (c.format == "text") args.insert(args.end(), {"--color", "never"});
  args.insert(args.end(), c.args.begin(), c.args.end());
  ProcessResult r = check(args);
  CAPTURE(r.err);
  CHECK(r.exit_code == c.exit_code);
  compare_with_golden(fmt::format("{}/tests/golden/{}.{}.{}", source_dir(), c.name, c.exit_code, c.format), r.out);
}

bool exists(const std::string& relative) { return std::filesystem::exists(source_dir() + "/" + relative); }

}  // namespace

TEST_CASE("cli.golden reports of the CLI fixtures") {
  // The fixtures run under the rules they were written for (see foundation.yaml).
  auto args = [](std::vector<std::string> more) {
    more.insert(more.begin(), {"--no-auto-rulesets", "-r", fixture("foundation.yaml")});
    return more;
  };
  const std::vector<GoldenCase> cases = {
      {"ready", 0, "text", args({fixture("ready.yaml")})},
      {"ready", 0, "json", args({fixture("ready.yaml")})},
      {"not-ready", 1, "text", args({fixture("not-ready.yaml")})},
      {"not-ready", 1, "json", args({fixture("not-ready.yaml")})},
      {"warnings", 0, "text", args({"-r", fixture("rollback-warn.yaml"), fixture("warnings.yaml")})},
      {"zh", 1, "text", args({fixture("zh.yaml")})},
      {"zh", 1, "json", args({fixture("zh.yaml")})},
      // The same Chinese plan, reported in Chinese (docs/i18n.md: what is translated so far).
      {"zh.zh-CN", 1, "text", args({"--lang", "zh-CN", fixture("zh.yaml")})},
      {"zh.zh-CN", 1, "json", args({"--lang", "zh-CN", fixture("zh.yaml")})},
  };
  for (const auto& c : cases) compare_golden(c);
}

TEST_CASE("cli.golden reports of the bundled examples") {
  const std::vector<GoldenCase> cases = {
      {"payments-ready", 0, "text", {"examples/payments-ready.yaml"}},
      {"payments-ready", 0, "json", {"examples/payments-ready.yaml"}},
      {"payments-not-ready", 1, "text", {"examples/payments-not-ready.yaml"}},
      {"payments-not-ready", 1, "json", {"examples/payments-not-ready.yaml"}},
      {"erp-zh-CN", 0, "text", {"examples/erp-zh-CN.yaml"}},
      {"erp-zh-CN", 0, "json", {"examples/erp-zh-CN.yaml"}},
      {"erp-zh-CN-not-ready", 1, "text", {"examples/erp-zh-CN-not-ready.yaml"}},
      {"erp-zh-CN-not-ready", 1, "json", {"examples/erp-zh-CN-not-ready.yaml"}},
      // The Chinese plans reported in Chinese; the other formats are in tests/cli/report.
      {"erp-zh-CN.zh-CN", 0, "text", {"--lang", "zh-CN", "examples/erp-zh-CN.yaml"}},
      {"erp-zh-CN.zh-CN", 0, "json", {"--lang", "zh-CN", "examples/erp-zh-CN.yaml"}},
      {"erp-zh-CN-not-ready.zh-CN", 1, "text", {"--lang", "zh-CN", "examples/erp-zh-CN-not-ready.yaml"}},
      {"erp-zh-CN-not-ready.zh-CN", 1, "json", {"--lang", "zh-CN", "examples/erp-zh-CN-not-ready.yaml"}},
      {"payments-waived", 1, "text",
       {"--waivers", "examples/waivers.yaml", "--skip", "monitoring.dashboards", "examples/payments-not-ready.yaml"}},
      {"payments-waived", 1, "json",
       {"--waivers", "examples/waivers.yaml", "--skip", "monitoring.dashboards", "examples/payments-not-ready.yaml"}},
  };
  for (const auto& c : cases) {
    if (!exists(c.args.back())) {
      MESSAGE("no " << c.args.back() << " yet");
      continue;
    }
    compare_golden(c);
  }
}

}  // namespace golive::test
