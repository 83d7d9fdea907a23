#include <doctest/doctest.h>
#include <fmt/format.h>

#include <variant>

#include "tests/support/speaking.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");
const char* const kId = "crossborder.timezone-coverage";

std::string where(const Finding& f) {
  return fmt::format("{}:{}:{}", f.location.file, f.location.line, f.location.column);
}

/// A whole plan with this window and hypercare, contacts after li.wei (line 8), and the
/// regions of scenarios.cross_border (the first region on line `9 + contact lines + 3`).
Plan coverage_plan(const std::string& start, const std::string& end, const std::string& hypercare,
                   const std::string& contacts, const std::string& regions) {
  return plan_from(
      "golive: 1\n"
      "plan: {id: t, name: T, owner: li.wei, revised_at: 2026-11-01}\n"
      "go_live:\n"
      "  window: {start: " + start + ", end: " + end + "}\n"
      "  timezone: Asia/Shanghai\n" +
      (hypercare.empty() ? std::string("  checkpoints: []\n") : "  hypercare: " + hypercare + "\n") +
      "contacts:\n"
      "  - {id: li.wei, name: Li Wei, phone: \"+8613800000003\", email: li.wei@example.com, "
      "timezone: Asia/Shanghai, region: CN}\n" +
      contacts +
      "scenarios:\n"
      "  cross_border:\n"
      "    regions:\n" +
      regions);
}

/// The payments window (2026-12-05 02:00-06:00 +08:00 = 2026-12-04T18:00Z-22:00Z).
Plan sg_plan(const std::string& hypercare, const std::string& contacts) {
  return coverage_plan("2026-12-05T02:00:00+08:00", "2026-12-05T06:00:00+08:00", hypercare,
                       contacts, "      - {code: SG, timezone: Asia/Singapore, responsible: tan.wei}\n");
}

std::string tan_wei(const std::string& hours) {
  return "  - {id: tan.wei, phone: \"+6591234567\", timezone: Asia/Singapore, hours: \"" + hours +
         "\", region: SG}\n";
}

const EvidenceValue* evidence(const Finding& f, const std::string& key) {
  for (const auto& [k, v] : f.evidence)
    if (k == key) return &v;
  return nullptr;
}

std::string text_evidence(const Finding& f, const std::string& key) {
  const EvidenceValue* v = evidence(f, key);
  REQUIRE(v != nullptr);
  REQUIRE(std::holds_alternative<std::string>(v->get()));
  return std::get<std::string>(v->get());
}

int64_t integer_evidence(const Finding& f, const std::string& key) {
  const EvidenceValue* v = evidence(f, key);
  REQUIRE(v != nullptr);
  REQUIRE(std::holds_alternative<int64_t>(v->get()));
  return std::get<int64_t>(v->get());
}

std::vector<std::string> list_evidence(const Finding& f, const std::string& key) {
  const EvidenceValue* v = evidence(f, key);
  REQUIRE(v != nullptr);
  REQUIRE(std::holds_alternative<std::vector<std::string>>(v->get()));
  return std::get<std::vector<std::string>>(v->get());
}

Finding only(const std::vector<Finding>& findings) {
  REQUIRE(findings.size() == 1);
  return findings[0];
}

}  // namespace

TEST_CASE("crossborder.timezone-coverage: business hours worked every day of hypercare pass") {
  Finding f = only(run_check(kId, sg_plan("3d", tan_wei("09:00-18:00")), kAsOf));
  CHECK(f.status == Status::Pass);
  CHECK(f.subject == "regions[SG]");
  CHECK(f.message ==
        "09:00-18:00 business hours of SG (Asia/Singapore) covered from 2026-12-04T18:00:00Z to "
        "2026-12-07T22:00:00Z by 1 person");
  CHECK(text_evidence(f, "period") == "2026-12-04T18:00:00Z/2026-12-07T22:00:00Z");
  CHECK(text_evidence(f, "required") == "1d3h");  // three days of nine hours
  CHECK(integer_evidence(f, "uncovered_seconds") == 0);
  CHECK(list_evidence(f, "people") == std::vector<std::string>{"tan.wei 09:00-18:00 Asia/Singapore"});
  CHECK(list_evidence(f, "gaps").empty());
}

TEST_CASE("crossborder.timezone-coverage: gaps are listed in UTC, the first three in the message") {
  SUBCASE("three gaps") {
    Finding f = only(run_check(kId, sg_plan("3d", tan_wei("10:00-18:00")), kAsOf));
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "3h of 09:00-18:00 business hours of SG (Asia/Singapore) uncovered in 3 gaps: "
          "2026-12-05T01:00:00Z/2026-12-05T02:00:00Z, 2026-12-06T01:00:00Z/2026-12-06T02:00:00Z, "
          "2026-12-07T01:00:00Z/2026-12-07T02:00:00Z");
    CHECK(where(f) == "plan.yaml:13:9");
    CHECK(f.remediation ==
          "Add contacts with region: SG (or extend the hours of its people: tan.wei 10:00-18:00 "
          "Asia/Singapore) so that every gap is worked");
    CHECK(integer_evidence(f, "uncovered_seconds") == 3 * 3600);
  }
  SUBCASE("five gaps: two more in the evidence") {
    Finding f = only(run_check(kId, sg_plan("5d", tan_wei("10:00-18:00")), kAsOf));
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "5h of 09:00-18:00 business hours of SG (Asia/Singapore) uncovered in 5 gaps: "
          "2026-12-05T01:00:00Z/2026-12-05T02:00:00Z, 2026-12-06T01:00:00Z/2026-12-06T02:00:00Z, "
          "2026-12-07T01:00:00Z/2026-12-07T02:00:00Z and 2 more");
    CHECK(list_evidence(f, "gaps") ==
          std::vector<std::string>{"2026-12-05T01:00:00Z/2026-12-05T02:00:00Z",
                                   "2026-12-06T01:00:00Z/2026-12-06T02:00:00Z",
                                   "2026-12-07T01:00:00Z/2026-12-07T02:00:00Z",
                                   "2026-12-08T01:00:00Z/2026-12-08T02:00:00Z",
                                   "2026-12-09T01:00:00Z/2026-12-09T02:00:00Z"});
  }
}

TEST_CASE("crossborder.timezone-coverage: hypercare extends the period to cover") {
  SUBCASE("no hypercare: a night window holds no business hours") {
    Finding f = only(run_check(kId, sg_plan("", tan_wei("10:00-18:00")), kAsOf));
    CHECK(f.status == Status::Pass);
    CHECK(f.message ==
          "no 09:00-18:00 business hours of SG (Asia/Singapore) fall within "
          "2026-12-04T18:00:00Z/2026-12-04T22:00:00Z");
    CHECK(text_evidence(f, "hypercare") == "0s");
  }
  SUBCASE("hypercare up to 09:00 Singapore exactly: nothing to cover yet") {
    Finding f = only(run_check(kId, sg_plan("3h", tan_wei("10:00-18:00")), kAsOf));
    CHECK(f.status == Status::Pass);
    CHECK(text_evidence(f, "period") == "2026-12-04T18:00:00Z/2026-12-05T01:00:00Z");
  }
  SUBCASE("one second more: a one-second gap") {
    Finding f = only(run_check(kId, sg_plan("3h1s", tan_wei("10:00-18:00")), kAsOf));
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "1s of 09:00-18:00 business hours of SG (Asia/Singapore) uncovered in 1 gap: "
          "2026-12-05T01:00:00Z/2026-12-05T01:00:01Z");
  }
  SUBCASE("one day: the first business day counts") {
    Finding f = only(run_check(kId, sg_plan("1d", tan_wei("10:00-18:00")), kAsOf));
    CHECK(f.status == Status::Fail);
    CHECK(list_evidence(f, "gaps") ==
          std::vector<std::string>{"2026-12-05T01:00:00Z/2026-12-05T02:00:00Z"});
    CHECK(text_evidence(f, "required") == "9h");
  }
}

TEST_CASE("crossborder.timezone-coverage: people work in their own zone, whatever their region") {
  const std::string shanghai_engineer =
      "  - {id: wang.fang, timezone: Asia/Shanghai, hours: \"13:00-18:00\", region: SG}\n";
  SUBCASE("a Shanghai engineer placed in SG covers the Singapore afternoon") {
    Finding f = only(run_check(kId, sg_plan("3d", tan_wei("09:00-13:00") + shanghai_engineer), kAsOf));
    CHECK(f.status == Status::Pass);
    CHECK(list_evidence(f, "people") ==
          std::vector<std::string>{"tan.wei 09:00-13:00 Asia/Singapore",
                                   "wang.fang 13:00-18:00 Asia/Shanghai"});
  }
  SUBCASE("contacts of another region do not count") {
    const std::string cn_engineer =
        "  - {id: wang.fang, timezone: Asia/Shanghai, hours: \"13:00-18:00\", region: CN}\n";
    Finding f = only(run_check(kId, sg_plan("1d", tan_wei("09:00-13:00") + cn_engineer), kAsOf));
    CHECK(f.status == Status::Fail);
    CHECK(list_evidence(f, "gaps") ==
          std::vector<std::string>{"2026-12-05T05:00:00Z/2026-12-05T10:00:00Z"});
  }
  SUBCASE("the responsible counts even when placed in another region") {
    Plan plan = coverage_plan("2026-12-05T02:00:00+08:00", "2026-12-05T06:00:00+08:00", "1d",
                              "  - {id: tan.wei, timezone: Asia/Shanghai, hours: \"09:00-18:00\", region: CN}\n",
                              "      - {code: SG, timezone: Asia/Singapore, responsible: tan.wei}\n");
    Finding f = only(run_check(kId, plan, kAsOf));
    CHECK(f.status == Status::Pass);
  }
  SUBCASE("a Tokyo engineer is an hour ahead: Singapore's last hour is uncovered") {
    const std::string tokyo =
        "  - {id: sato, timezone: Asia/Tokyo, hours: \"14:00-18:00\", region: SG}\n";
    Finding f = only(run_check(kId, sg_plan("1d", tan_wei("09:00-13:00") + tokyo), kAsOf));
    CHECK(f.status == Status::Fail);
    CHECK(list_evidence(f, "gaps") ==
          std::vector<std::string>{"2026-12-05T09:00:00Z/2026-12-05T10:00:00Z"});
  }
}

TEST_CASE("crossborder.timezone-coverage: Europe/Berlin leaves summer time on 2026-10-25") {
  // 09:00-18:00 in Berlin is 07:00Z-16:00Z on Saturday (CEST) and 08:00Z-17:00Z on Sunday
  // (CET). An engineer in Shanghai (no DST) working 15:00-24:00 covers 07:00Z-16:00Z
  // every day, so only Sunday's last hour is open.
  const std::string regions = "      - {code: DE, timezone: Europe/Berlin, responsible: li.wei}\n";
  const std::string shanghai =
      "  - {id: zhou.jiu, timezone: Asia/Shanghai, hours: \"15:00-24:00\", region: DE}\n";
  SUBCASE("the business day moves an hour later in UTC") {
    Plan plan = coverage_plan("2026-10-24T09:00:00+02:00", "2026-10-24T10:00:00+02:00", "2d",
                              shanghai, regions);
    Finding f = only(run_check(kId, plan, kAsOf));
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "1h of 09:00-18:00 business hours of DE (Europe/Berlin) uncovered in 1 gap: "
          "2026-10-25T16:00:00Z/2026-10-25T17:00:00Z");
    CHECK(text_evidence(f, "period") == "2026-10-24T07:00:00Z/2026-10-26T08:00:00Z");
    CHECK(text_evidence(f, "required") == "18h");
    // li.wei, the responsible, has no working hours: named so they can be added.
    CHECK(list_evidence(f, "people_without_hours") == std::vector<std::string>{"li.wei"});
    CHECK(f.remediation ==
          "Add contacts with region: DE (or extend the hours of its people: zhou.jiu 15:00-24:00 "
          "Asia/Shanghai) so that every gap is worked; give li.wei a timezone and hours");
  }
  SUBCASE("a Berlin engineer shifts with the region") {
    Plan plan = coverage_plan("2026-10-24T09:00:00+02:00", "2026-10-24T10:00:00+02:00", "2d",
                              "  - {id: anna, timezone: Europe/Berlin, hours: \"09:00-18:00\", region: DE}\n",
                              regions);
    CHECK(only(run_check(kId, plan, kAsOf)).status == Status::Pass);
  }
  SUBCASE("round the clock through the 25-hour day") {
    // Business hours 00:00-24:00: every instant of the period must be worked. Day and
    // night shifts in Berlin, the night one wrapping midnight, leave no gap even though
    // the night of the change lasts an hour longer.
    Plan plan = coverage_plan("2026-10-24T09:00:00+02:00", "2026-10-24T10:00:00+02:00", "2d",
                              "  - {id: anna, timezone: Europe/Berlin, hours: \"09:00-18:00\", region: DE}\n"
                              "  - {id: ben, timezone: Europe/Berlin, hours: \"18:00-09:00\", region: DE}\n",
                              regions);
    Finding f = only(run_check(kId, plan, kAsOf, {{"business_hours", "00:00-24:00"}}));
    CHECK(f.status == Status::Pass);
    CHECK(integer_evidence(f, "required_seconds") == 49 * 3600);
    SUBCASE("without the night shift, the gaps are the Berlin nights in UTC") {
      Plan day_only = coverage_plan("2026-10-24T09:00:00+02:00", "2026-10-24T10:00:00+02:00", "2d",
                                    "  - {id: anna, timezone: Europe/Berlin, hours: \"09:00-18:00\", region: DE}\n",
                                    regions);
      Finding g = only(run_check(kId, day_only, kAsOf, {{"business_hours", "00:00-24:00"}}));
      CHECK(g.status == Status::Fail);
      // Saturday 18:00 CEST to Sunday 09:00 CET is 16:00Z to 08:00Z: 16 hours, not 15.
      CHECK(list_evidence(g, "gaps") ==
            std::vector<std::string>{"2026-10-24T16:00:00Z/2026-10-25T08:00:00Z",
                                     "2026-10-25T17:00:00Z/2026-10-26T08:00:00Z"});
      CHECK(text_evidence(g, "uncovered") == "1d7h");
    }
  }
}

TEST_CASE("crossborder.timezone-coverage: spring forward skips the start of a range") {
  // On 2026-03-29 Berlin clocks jump from 02:00 to 03:00 (01:00Z). Business hours
  // 02:30-06:00 start at the jump that day: 01:00Z-04:00Z, three hours.
  Plan plan = coverage_plan("2026-03-29T00:00:00+01:00", "2026-03-29T12:00:00+02:00", "",
                            "  - {id: anna, timezone: Europe/Berlin, hours: \"03:00-06:00\", region: DE}\n",
                            "      - {code: DE, timezone: Europe/Berlin, responsible: anna}\n");
  Finding f = only(run_check(kId, plan, kAsOf, {{"business_hours", "02:30-06:00"}}));
  CHECK(f.status == Status::Pass);
  CHECK(text_evidence(f, "required") == "3h");
}

TEST_CASE("crossborder.timezone-coverage: America/New_York leaves daylight time on 2026-11-01") {
  // 09:00-18:00 in New York is 13:00Z-22:00Z on Saturday (EDT), 14:00Z-23:00Z on Sunday
  // (EST). A Shanghai engineer working nights, 21:00-06:00 (wrapping midnight), covers
  // 13:00Z-22:00Z: Sunday's last hour is open.
  Plan plan = coverage_plan(
      "2026-10-31T09:00:00-04:00", "2026-10-31T10:00:00-04:00", "2d",
      "  - {id: zhou.jiu, timezone: Asia/Shanghai, hours: \"21:00-06:00\", region: US}\n",
      "      - {code: US, timezone: America/New_York, responsible: zhou.jiu}\n");
  Finding f = only(run_check(kId, plan, kAsOf));
  CHECK(f.status == Status::Fail);
  CHECK(f.subject == "regions[US]");
  CHECK(f.message ==
        "1h of 09:00-18:00 business hours of US (America/New_York) uncovered in 1 gap: "
        "2026-11-01T22:00:00Z/2026-11-01T23:00:00Z");
  CHECK(text_evidence(f, "required") == "18h");
}

TEST_CASE("crossborder.timezone-coverage: working hours that wrap midnight") {
  // Tokyo's 09:00-18:00 is 00:00Z-09:00Z. A London night shift 22:00-06:00 (GMT in
  // December) works 22:00Z-06:00Z, starting the local day before; a morning shift
  // 06:00-10:00 does the rest.
  const std::string regions = "      - {code: JP, timezone: Asia/Tokyo, responsible: night}\n";
  const std::string night =
      "  - {id: night, timezone: Europe/London, hours: \"22:00-06:00\", region: JP}\n";
  const std::string morning =
      "  - {id: morning, timezone: Europe/London, hours: \"06:00-10:00\", region: JP}\n";
  SUBCASE("night and morning shifts cover Tokyo's day") {
    Plan plan = coverage_plan("2026-12-05T02:00:00+08:00", "2026-12-05T06:00:00+08:00", "3d",
                              night + morning, regions);
    CHECK(only(run_check(kId, plan, kAsOf)).status == Status::Pass);
  }
  SUBCASE("the night shift alone leaves Tokyo's afternoons") {
    Plan plan = coverage_plan("2026-12-05T02:00:00+08:00", "2026-12-05T06:00:00+08:00", "3d",
                              night, regions);
    Finding f = only(run_check(kId, plan, kAsOf));
    CHECK(f.status == Status::Fail);
    CHECK(list_evidence(f, "gaps") ==
          std::vector<std::string>{"2026-12-05T06:00:00Z/2026-12-05T09:00:00Z",
                                   "2026-12-06T06:00:00Z/2026-12-06T09:00:00Z",
                                   "2026-12-07T06:00:00Z/2026-12-07T09:00:00Z"});
    CHECK(text_evidence(f, "uncovered") == "9h");
  }
}

TEST_CASE("crossborder.timezone-coverage: a window crossing midnight") {
  // 2026-12-05 16:00 to 2026-12-06 11:00 Singapore time: 16:00-18:00 on the first day and
  // 09:00-11:00 on the second must be worked.
  Plan plan = coverage_plan("2026-12-05T16:00:00+08:00", "2026-12-06T11:00:00+08:00", "",
                            tan_wei("09:00-17:00"),
                            "      - {code: SG, timezone: Asia/Singapore, responsible: tan.wei}\n");
  Finding f = only(run_check(kId, plan, kAsOf));
  CHECK(f.status == Status::Fail);
  CHECK(text_evidence(f, "required") == "4h");
  CHECK(f.message ==
        "1h of 09:00-18:00 business hours of SG (Asia/Singapore) uncovered in 1 gap: "
        "2026-12-05T09:00:00Z/2026-12-05T10:00:00Z");
}

TEST_CASE("crossborder.timezone-coverage: business_hours comes from the rule's parameters") {
  SUBCASE("shorter business hours are covered") {
    Finding f = only(run_check(kId, sg_plan("3d", tan_wei("10:00-18:00")), kAsOf,
                               {{"business_hours", "10:00-18:00"}}));
    CHECK(f.status == Status::Pass);
    CHECK(text_evidence(f, "business_hours") == "10:00-18:00");
  }
  SUBCASE("not a range") {
    CHECK_THROWS_WITH_AS(run_check(kId, sg_plan("3d", tan_wei("10:00-18:00")), kAsOf,
                                   {{"business_hours", "9 to 5"}}),
                         "params.business_hours: '9 to 5' is not a range of working hours "
                         "(expected e.g. 09:00-18:00)",
                         InputError);
  }
}

TEST_CASE("crossborder.timezone-coverage: missing data fails, naming the key") {
  SUBCASE("a region without a time zone") {
    Plan plan = sg_plan("3d", tan_wei("09:00-18:00"));
    plan.scenarios.cross_border->regions[0].timezone.value.reset();
    Finding f = only(run_check(kId, plan, kAsOf));
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "region SG has no timezone (regions[].timezone), so its business hours cannot be placed");
  }
  SUBCASE("no one in the region has working hours") {
    Plan plan = sg_plan("1d", "  - {id: tan.wei, phone: \"+6591234567\", region: SG}\n");
    Finding f = only(run_check(kId, plan, kAsOf));
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "9h of 09:00-18:00 business hours of SG (Asia/Singapore) uncovered in 1 gap: "
          "2026-12-05T01:00:00Z/2026-12-05T10:00:00Z");
    CHECK(f.remediation ==
          "Add contacts with region: SG (or extend the hours of its people: no one with working "
          "hours) so that every gap is worked; give tan.wei a timezone and hours");
  }
  SUBCASE("no regions") {
    Plan plan = plan_from("scenarios:\n  cross_border: {language: en}\n");
    Finding f = only(run_check(kId, plan, kAsOf));
    CHECK(f.status == Status::Fail);
    CHECK(f.message == "no regions declared (scenarios.cross_border.regions)");
    CHECK(where(f) == "plan.yaml:13:17");
  }
  SUBCASE("tagged cross-border without the section") {
    Plan plan = plan_from(
        "golive: 1\nplan: {id: t, name: T, owner: li.wei, revised_at: 2026-11-01, scenarios: [cross-border]}\n"
        "go_live: {window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}}\n");
    Finding f = only(run_check(kId, plan, kAsOf));
    CHECK(f.status == Status::Fail);
    CHECK(f.message == "plan.scenarios lists cross-border but scenarios.cross_border is missing");
  }
  SUBCASE("not a cross-border launch") {
    Finding f = only(run_check(kId, plan_from(""), kAsOf));
    CHECK(f.status == Status::Skip);
    CHECK(f.message == "not a cross-border launch (no scenarios.cross_border)");
  }
}

TEST_CASE("crossborder.timezone-coverage: in Chinese, gaps read in UTC") {
  Speaking zh("zh-CN");
  Finding pass = only(run_check(kId, sg_plan("3d", tan_wei("09:00-18:00")), kAsOf));
  CHECK(pass.message == "SG（Asia/Singapore）09:00-18:00 的工作时间从 2026-12-04 18:00 (UTC+00:00) 到 2026-12-07 22:00 (UTC+00:00) 由 1 人覆盖");
  Finding fail = only(run_check(kId, sg_plan("5d", tan_wei("10:00-18:00")), kAsOf));
  CHECK(fail.message == "SG（Asia/Singapore）09:00-18:00 的工作时间有 5小时无人覆盖，共 5 段空档：2026-12-05 01:00 (UTC+00:00) 至 2026-12-05 02:00 (UTC+00:00)；2026-12-06 01:00 (UTC+00:00) 至 2026-12-06 02:00 (UTC+00:00)；2026-12-07 01:00 (UTC+00:00) 至 2026-12-07 02:00 (UTC+00:00)，另有 2 段");
  CHECK(fail.remediation == "增加 region: SG 的联系人（或延长该地区人员的工作时间：tan.wei 10:00-18:00 Asia/Singapore），让每段空档都有人值守");
  CHECK(text_evidence(fail, "period") == "2026-12-04T18:00:00Z/2026-12-09T22:00:00Z");
}
