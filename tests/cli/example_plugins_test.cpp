// The example plugins in examples/plugins/ run as documented: the shell one in the Nagios
// convention, the Python one in the JSON convention.
#include <doctest/doctest.h>

#include "tests/cli/cli_support.h"

namespace golive::test {

namespace {
std::string outcome(const nlohmann::json& report, const std::string& check) {
  for (const auto& f : report["plans"][0]["findings"])
    if (f["check"] == check) return f["status"].get<std::string>() + ": " + f["message"].get<std::string>();
  return "";
}
}  // namespace

TEST_CASE("examples: the plugins pass on the ready example and the freeze catches a date inside it") {
  ProcessResult r = check({"-f", "json", "-r", "examples/plugins/plugins.yaml", "--only", "custom.*",
                           "examples/payments-ready.yaml"});
  CHECK(r.exit_code == 0);
  auto j = json_of(r.out);
  CHECK(outcome(j, "custom.change-freeze") == "pass: OK: 2026-12-04 is outside the change freeze 2026-12-24 to 2027-01-02");
  CHECK(outcome(j, "custom.contacts-reachable") == "pass: all 10 contacts have a phone and an e-mail");

  ProcessResult frozen = run_golive({"check", "--offline", "--as-of", "2026-12-25T12:00:00+08:00", "-f", "json", "-r",
                                     "examples/plugins/plugins.yaml", "--only", "custom.change-freeze",
                                     "examples/payments-ready.yaml"});
  CHECK(frozen.exit_code == 1);
  CHECK(outcome(json_of(frozen.out), "custom.change-freeze") ==
        "fail: CRITICAL: 2026-12-25 is inside the change freeze 2026-12-24 to 2027-01-02");
}

}  // namespace golive::test
