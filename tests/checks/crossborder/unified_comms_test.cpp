#include <doctest/doctest.h>
#include <fmt/format.h>

#include "tests/support/speaking.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");
const char* const kId = "crossborder.unified-comms";

std::string where(const Finding& f) {
  return fmt::format("{}:{}:{}", f.location.file, f.location.line, f.location.column);
}

/// `comms` is the response.comms mapping (line 13); cross_border from line 15.
Plan comms_plan(const std::string& comms, const std::string& cross_border) {
  return plan_from("response:\n  comms: " + comms + "\nscenarios:\n  cross_border:\n" + cross_border);
}

const std::string kCrossBorder =
    "    comms_platform: \"Slack #golive-global\"\n    language: en\n";

}  // namespace

TEST_CASE("crossborder.unified-comms: a platform, a language and UTC pass") {
  auto findings = run_check(kId, comms_plan("{channel: \"#golive\", time_reference: UTC}", kCrossBorder), kAsOf);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].subject == "cross_border.comms_platform");
  CHECK(findings[0].message == "regions coordinate on Slack #golive-global");
  CHECK(findings[1].subject == "cross_border.language");
  CHECK(findings[1].message == "working language en");
  CHECK(findings[2].subject == "response.comms.time_reference");
  CHECK(findings[2].message == "incident updates are timed in UTC");
  for (const Finding& f : findings) CHECK(f.status == Status::Pass);
}

TEST_CASE("crossborder.unified-comms: local time references fail") {
  SUBCASE("Asia/Shanghai") {
    auto findings = run_check(
        kId, comms_plan("{channel: \"#golive\", time_reference: Asia/Shanghai}", kCrossBorder), kAsOf);
    REQUIRE(findings.size() == 3);
    CHECK(findings[2].status == Status::Fail);
    CHECK(findings[2].message == "incident updates are timed in Asia/Shanghai, not UTC");
    CHECK(where(findings[2]) == "plan.yaml:13:47");
  }
  SUBCASE("Etc/UTC is UTC") {
    auto findings = run_check(
        kId, comms_plan("{channel: \"#golive\", time_reference: Etc/UTC}", kCrossBorder), kAsOf);
    REQUIRE(findings.size() == 3);
    CHECK(findings[2].status == Status::Pass);
  }
}

TEST_CASE("crossborder.unified-comms: missing keys fail, naming them") {
  auto findings = run_check(kId, comms_plan("{channel: \"#golive\"}", "    regions: []\n"), kAsOf);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].message ==
        "no shared comms platform for the regions (scenarios.cross_border.comms_platform)");
  CHECK(where(findings[0]) == "plan.yaml:16:5");
  CHECK(findings[1].status == Status::Fail);
  CHECK(findings[1].message == "no working language for the regions (scenarios.cross_border.language)");
  CHECK(findings[2].status == Status::Fail);
  CHECK(findings[2].message ==
        "incident updates have no time reference (response.comms.time_reference)");
  CHECK(findings[2].remediation ==
        "Set response.comms.time_reference: UTC so every region reads the same times");
}

TEST_CASE("crossborder.unified-comms: no response.comms at all") {
  auto findings = run_check(kId, plan_from("scenarios:\n  cross_border:\n" + kCrossBorder), kAsOf);
  REQUIRE(findings.size() == 3);
  CHECK(findings[2].status == Status::Fail);
  CHECK(findings[2].message ==
        "no response.comms, so incident updates have no time reference "
        "(response.comms.time_reference)");
}

TEST_CASE("crossborder.unified-comms: not a cross-border launch") {
  auto findings = run_check(kId, plan_from(""), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Skip);
  CHECK(find_check(kId)->severity == Severity::Warn);
}

TEST_CASE("crossborder.unified-comms: in Chinese") {
  Speaking zh("zh-CN");
  auto findings = run_check(kId, comms_plan("{channel: \"#golive\", time_reference: Asia/Shanghai}", kCrossBorder), kAsOf);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].message == "各地区通过「Slack #golive-global」协同");
  CHECK(findings[1].message == "工作语言为「en」");
  CHECK(findings[2].message == "事件通报使用 Asia/Shanghai 时间，而不是 UTC");
  CHECK(findings[2].remediation == "设置 response.comms.time_reference: UTC，因为事件中各地区的本地时间容易被误读");
}
