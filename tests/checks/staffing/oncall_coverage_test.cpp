#include <doctest/doctest.h>
#include <fmt/format.h>

#include <variant>

#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

std::string where(const Finding& f) {
  return fmt::format("{}:{}:{}", f.location.file, f.location.line, f.location.column);
}

/// One shift line. For `{who: li.wei, level: primary, ...}` with +08:00 instants the `from`
/// value is at column 43 and the `to` value at column 74.
std::string shift(const std::string& who, const std::string& level, const std::string& from,
                  const std::string& to) {
  return fmt::format("    - {{who: {}, level: {}, from: {}, to: {}}}\n", who, level, from, to);
}

/// A plan whose go-live window is `start` → `end` (Asia/Shanghai) with `hypercare`, and
/// whose shifts are written from line 17 on.
Plan oncall(const std::string& shifts, const std::string& hypercare = "0s",
            const std::string& start = "2026-12-05T02:00:00+08:00",
            const std::string& end = "2026-12-05T06:00:00+08:00") {
  return plan_from(fmt::format(R"(golive: 1
plan:
  id: p
  name: P
  owner: li.wei
  revised_at: 2026-11-01
go_live:
  window: {{start: {}, end: {}}}
  timezone: Asia/Shanghai
  hypercare: {}
contacts:
  - {{id: li.wei, phone: "+8613800000003"}}
  - {{id: chen.ba, phone: "+8613800000008"}}
  - {{id: wang.wu, phone: "+8613800000002"}}
oncall:
  shifts:
{})",
                               start, end, hypercare, shifts));
}

/// Both levels staffed by different people over the default window (18:00Z → 22:00Z).
const std::string kBackup =
    shift("chen.ba", "backup", "2026-12-05T02:00:00+08:00", "2026-12-05T06:00:00+08:00");

std::vector<std::string> list_evidence(const Finding& f, const std::string& key) {
  for (const auto& [k, v] : f.evidence)
    if (k == key) {
      REQUIRE(std::holds_alternative<std::vector<std::string>>(v.get()));
      return std::get<std::vector<std::string>>(v.get());
    }
  FAIL("no evidence " << key);
  return {};
}

int64_t integer_evidence(const Finding& f, const std::string& key) {
  for (const auto& [k, v] : f.evidence)
    if (k == key) {
      REQUIRE(std::holds_alternative<int64_t>(v.get()));
      return std::get<int64_t>(v.get());
    }
  FAIL("no evidence " << key);
  return 0;
}

}  // namespace

TEST_CASE("staffing.oncall-coverage: primary and backup covering the window pass") {
  auto findings = run_check(
      "staffing.oncall-coverage",
      oncall(shift("li.wei", "primary", "2026-12-05T02:00:00+08:00", "2026-12-05T06:00:00+08:00") +
             kBackup),
      kAsOf);
  REQUIRE(findings.size() == 3);
  CHECK(with_status(findings, Status::Pass).size() == 3);
  CHECK(findings[0].subject == "oncall[primary]");
  CHECK(findings[0].message ==
        "primary on-call covers 2026-12-05T02:00:00+08:00 → 2026-12-05T06:00:00+08:00 (window, "
        "no hypercare) with 1 shift");
  CHECK(findings[1].subject == "oncall[backup]");
  CHECK(findings[2].subject == "oncall[separation]");
  CHECK(findings[2].message == "nobody is primary and backup at the same time");
}

TEST_CASE("staffing.oncall-coverage: a gap at the start") {
  auto findings = run_check(
      "staffing.oncall-coverage",
      oncall(shift("li.wei", "primary", "2026-12-05T02:30:00+08:00", "2026-12-05T06:00:00+08:00") +
             kBackup),
      kAsOf);
  REQUIRE(findings.size() == 3);
  const Finding& f = findings[0];
  CHECK(f.status == Status::Fail);
  CHECK(f.message ==
        "primary on-call has 1 gap in 2026-12-05T02:00:00+08:00 → 2026-12-05T06:00:00+08:00 "
        "(window, no hypercare): 2026-12-05T02:00:00+08:00 → 2026-12-05T02:30:00+08:00 (30m)");
  CHECK(where(f) == "plan.yaml:17:43");
  CHECK(f.remediation ==
        "Add primary shifts to oncall.shifts covering 2026-12-05T02:00:00+08:00 → "
        "2026-12-05T02:30:00+08:00 (30m) (every instant from window start to window end + "
        "hypercare needs a primary)");
  CHECK(list_evidence(f, "gaps") ==
        std::vector<std::string>{"2026-12-04T18:00:00Z → 2026-12-04T18:30:00Z (30m)"});
  CHECK(integer_evidence(f, "uncovered_seconds") == 1800);
  CHECK(findings[1].status == Status::Pass);
}

TEST_CASE("staffing.oncall-coverage: a one-second gap in the middle") {
  auto findings = run_check(
      "staffing.oncall-coverage",
      oncall(shift("li.wei", "primary", "2026-12-05T02:00:00+08:00", "2026-12-05T04:00:00+08:00") +
             shift("wang.wu", "primary", "2026-12-05T04:00:01+08:00", "2026-12-05T06:00:00+08:00") +
             kBackup),
      kAsOf);
  REQUIRE(findings.size() == 3);
  const Finding& f = findings[0];
  CHECK(f.status == Status::Fail);
  CHECK(f.message ==
        "primary on-call has 1 gap in 2026-12-05T02:00:00+08:00 → 2026-12-05T06:00:00+08:00 "
        "(window, no hypercare): 2026-12-05T04:00:00+08:00 → 2026-12-05T04:00:01+08:00 (1s)");
  // The shift that ends before the gap is the one to extend.
  CHECK(where(f) == "plan.yaml:17:74");
}

TEST_CASE("staffing.oncall-coverage: a gap at the end") {
  auto findings = run_check(
      "staffing.oncall-coverage",
      oncall(shift("li.wei", "primary", "2026-12-05T02:00:00+08:00", "2026-12-05T05:59:59+08:00") +
             kBackup),
      kAsOf);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].message ==
        "primary on-call has 1 gap in 2026-12-05T02:00:00+08:00 → 2026-12-05T06:00:00+08:00 "
        "(window, no hypercare): 2026-12-05T05:59:59+08:00 → 2026-12-05T06:00:00+08:00 (1s)");
  CHECK(where(findings[0]) == "plan.yaml:17:74");
}

TEST_CASE("staffing.oncall-coverage: every gap is listed") {
  auto findings = run_check(
      "staffing.oncall-coverage",
      oncall(shift("li.wei", "primary", "2026-12-05T02:10:00+08:00", "2026-12-05T03:00:00+08:00") +
             shift("li.wei", "primary", "2026-12-05T04:00:00+08:00", "2026-12-05T05:00:00+08:00") +
             kBackup),
      kAsOf);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].message ==
        "primary on-call has 3 gaps in 2026-12-05T02:00:00+08:00 → 2026-12-05T06:00:00+08:00 "
        "(window, no hypercare): 2026-12-05T02:00:00+08:00 → 2026-12-05T02:10:00+08:00 (10m), "
        "2026-12-05T03:00:00+08:00 → 2026-12-05T04:00:00+08:00 (1h), 2026-12-05T05:00:00+08:00 → "
        "2026-12-05T06:00:00+08:00 (1h)");
  CHECK(integer_evidence(findings[0], "uncovered_seconds") == 600 + 3600 + 3600);
}

TEST_CASE("staffing.oncall-coverage: adjacent and nested shifts leave no gap") {
  SUBCASE("adjacent") {
    auto findings = run_check(
        "staffing.oncall-coverage",
        oncall(
            shift("li.wei", "primary", "2026-12-05T02:00:00+08:00", "2026-12-05T04:00:00+08:00") +
            shift("wang.wu", "primary", "2026-12-05T04:00:00+08:00", "2026-12-05T06:00:00+08:00") +
            kBackup),
        kAsOf);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].message ==
          "primary on-call covers 2026-12-05T02:00:00+08:00 → 2026-12-05T06:00:00+08:00 (window, "
          "no hypercare) with 2 shifts");
  }
  SUBCASE("a short shift inside a long one, listed first") {
    auto findings = run_check(
        "staffing.oncall-coverage",
        oncall(
            shift("wang.wu", "primary", "2026-12-05T03:00:00+08:00", "2026-12-05T04:00:00+08:00") +
            shift("li.wei", "primary", "2026-12-05T01:00:00+08:00", "2026-12-05T05:00:00+08:00") +
            shift("li.wei", "primary", "2026-12-05T04:30:00+08:00", "2026-12-05T07:00:00+08:00") +
            kBackup),
        kAsOf);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].status == Status::Pass);
  }
}

TEST_CASE("staffing.oncall-coverage: a window crossing local midnight") {
  const std::string start = "2026-12-05T23:00:00+08:00";
  const std::string end = "2026-12-06T03:00:00+08:00";
  const std::string backup =
      shift("chen.ba", "backup", "2026-12-05T22:00:00+08:00", "2026-12-06T04:00:00+08:00");
  SUBCASE("split at midnight") {
    auto findings = run_check("staffing.oncall-coverage",
                              oncall(shift("li.wei", "primary", "2026-12-05T20:00:00+08:00",
                                           "2026-12-06T00:00:00+08:00") +
                                         shift("wang.wu", "primary", "2026-12-06T00:00:00+08:00",
                                               "2026-12-06T08:00:00+08:00") +
                                         backup,
                                     "0s", start, end),
                              kAsOf);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].message ==
          "primary on-call covers 2026-12-05T23:00:00+08:00 → 2026-12-06T03:00:00+08:00 (window, "
          "no hypercare) with 2 shifts");
  }
  SUBCASE("the night shift starts late") {
    auto findings = run_check("staffing.oncall-coverage",
                              oncall(shift("li.wei", "primary", "2026-12-05T20:00:00+08:00",
                                           "2026-12-06T00:00:00+08:00") +
                                         shift("wang.wu", "primary", "2026-12-06T00:05:00+08:00",
                                               "2026-12-06T08:00:00+08:00") +
                                         backup,
                                     "0s", start, end),
                              kAsOf);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "primary on-call has 1 gap in 2026-12-05T23:00:00+08:00 → 2026-12-06T03:00:00+08:00 "
          "(window, no hypercare): 2026-12-06T00:00:00+08:00 → 2026-12-06T00:05:00+08:00 (5m)");
  }
}

TEST_CASE("staffing.oncall-coverage: hypercare extends the coverage needed") {
  const std::string primary_window =
      shift("li.wei", "primary", "2026-12-05T02:00:00+08:00", "2026-12-05T06:00:00+08:00");
  SUBCASE("window only is not enough") {
    auto findings =
        run_check("staffing.oncall-coverage", oncall(primary_window + kBackup, "3d"), kAsOf);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "primary on-call has 1 gap in 2026-12-05T02:00:00+08:00 → 2026-12-08T06:00:00+08:00 "
          "(window + hypercare 3d): 2026-12-05T06:00:00+08:00 → 2026-12-08T06:00:00+08:00 (3d)");
    CHECK(where(findings[0]) == "plan.yaml:17:74");
    CHECK(findings[1].message ==
          "backup on-call has 1 gap in 2026-12-05T02:00:00+08:00 → 2026-12-08T06:00:00+08:00 "
          "(window + hypercare 3d): 2026-12-05T06:00:00+08:00 → 2026-12-08T06:00:00+08:00 (3d)");
  }
  SUBCASE("covered to the last second") {
    auto findings = run_check("staffing.oncall-coverage",
                              oncall(primary_window +
                                         shift("wang.wu", "primary", "2026-12-05T06:00:00+08:00",
                                               "2026-12-08T06:00:00+08:00") +
                                         shift("chen.ba", "backup", "2026-12-05T02:00:00+08:00",
                                               "2026-12-08T06:00:00+08:00"),
                                     "3d"),
                              kAsOf);
    REQUIRE(findings.size() == 3);
    CHECK(with_status(findings, Status::Pass).size() == 3);
    CHECK(findings[0].message ==
          "primary on-call covers 2026-12-05T02:00:00+08:00 → 2026-12-08T06:00:00+08:00 (window + "
          "hypercare 3d) with 2 shifts");
  }
  SUBCASE("one second short") {
    auto findings = run_check("staffing.oncall-coverage",
                              oncall(primary_window +
                                         shift("wang.wu", "primary", "2026-12-05T06:00:00+08:00",
                                               "2026-12-08T05:59:59+08:00") +
                                         shift("chen.ba", "backup", "2026-12-05T02:00:00+08:00",
                                               "2026-12-08T06:00:00+08:00"),
                                     "3d"),
                              kAsOf);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "primary on-call has 1 gap in 2026-12-05T02:00:00+08:00 → 2026-12-08T06:00:00+08:00 "
          "(window + hypercare 3d): 2026-12-08T05:59:59+08:00 → 2026-12-08T06:00:00+08:00 (1s)");
    CHECK(where(findings[0]) == "plan.yaml:18:75");
  }
}

TEST_CASE("staffing.oncall-coverage: the same person primary and backup at once fails") {
  auto findings = run_check(
      "staffing.oncall-coverage",
      oncall(shift("li.wei", "primary", "2026-12-05T02:00:00+08:00", "2026-12-05T06:00:00+08:00") +
             shift("chen.ba", "backup", "2026-12-05T02:00:00+08:00", "2026-12-05T05:00:00+08:00") +
             shift("li.wei", "backup", "2026-12-05T05:00:00+08:00", "2026-12-05T09:00:00+08:00")),
      kAsOf);
  REQUIRE(findings.size() == 3);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[1].status == Status::Pass);
  const Finding& f = findings[2];
  CHECK(f.status == Status::Fail);
  CHECK(f.subject == "oncall[li.wei]");
  CHECK(f.message ==
        "li.wei is both primary and backup during 2026-12-05T05:00:00+08:00 → "
        "2026-12-05T06:00:00+08:00 (1h)");
  CHECK(where(f) == "plan.yaml:19:13");
  CHECK(f.remediation ==
        "Give the backup shifts of li.wei during 2026-12-05T05:00:00+08:00 → "
        "2026-12-05T06:00:00+08:00 (1h) to somebody else: a backup who is also the primary backs "
        "up nobody");
  CHECK(integer_evidence(f, "overlap_seconds") == 3600);
}

TEST_CASE("staffing.oncall-coverage: every overlap interval of a person is listed") {
  auto findings = run_check(
      "staffing.oncall-coverage",
      oncall(shift("li.wei", "primary", "2026-12-05T02:00:00+08:00", "2026-12-05T03:00:00+08:00") +
             shift("wang.wu", "primary", "2026-12-05T03:00:00+08:00", "2026-12-05T05:00:00+08:00") +
             shift("li.wei", "primary", "2026-12-05T05:00:00+08:00", "2026-12-05T06:00:00+08:00") +
             shift("li.wei", "backup", "2026-12-05T02:30:00+08:00", "2026-12-05T05:30:00+08:00") +
             shift("chen.ba", "backup", "2026-12-05T02:00:00+08:00", "2026-12-05T06:00:00+08:00")),
      kAsOf);
  auto failed = with_status(findings, Status::Fail);
  REQUIRE(failed.size() == 1);
  CHECK(failed[0].message ==
        "li.wei is both primary and backup during 2026-12-05T02:30:00+08:00 → "
        "2026-12-05T03:00:00+08:00 (30m), 2026-12-05T05:00:00+08:00 → 2026-12-05T05:30:00+08:00 "
        "(30m)");
  CHECK(list_evidence(failed[0], "overlaps").size() == 2);
}

TEST_CASE("staffing.oncall-coverage: shifts written in different UTC offsets") {
  SUBCASE("adjacent across offsets") {
    auto findings = run_check(
        "staffing.oncall-coverage",
        oncall(
            shift("li.wei", "primary", "2026-12-05T02:00:00+08:00", "2026-12-04T20:00:00Z") +
            shift("wang.wu", "primary", "2026-12-04T15:00:00-05:00", "2026-12-05T07:00:00+09:00") +
            kBackup),
        kAsOf);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].status == Status::Pass);
    CHECK(findings[0].message ==
          "primary on-call covers 2026-12-05T02:00:00+08:00 → 2026-12-05T06:00:00+08:00 (window, "
          "no hypercare) with 2 shifts");
  }
  SUBCASE("one second apart across offsets") {
    auto findings = run_check(
        "staffing.oncall-coverage",
        oncall(
            shift("li.wei", "primary", "2026-12-05T02:00:00+08:00", "2026-12-04T20:00:00Z") +
            shift("wang.wu", "primary", "2026-12-04T15:00:01-05:00", "2026-12-05T07:00:00+09:00") +
            kBackup),
        kAsOf);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "primary on-call has 1 gap in 2026-12-05T02:00:00+08:00 → 2026-12-05T06:00:00+08:00 "
          "(window, no hypercare): 2026-12-05T04:00:00+08:00 → 2026-12-05T04:00:01+08:00 (1s)");
  }
}

TEST_CASE("staffing.oncall-coverage: missing data fails naming the key") {
  SUBCASE("no shifts") {
    auto findings = run_check("staffing.oncall-coverage", plan_from(""), kAsOf);
    REQUIRE(findings.size() == 3);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "no primary shift: 2026-12-05T02:00:00+08:00 → 2026-12-05T06:00:00+08:00 (window, no "
          "hypercare) is uncovered");
    CHECK(where(findings[0]) == "plan.yaml:1:1");
    CHECK(findings[1].message ==
          "no backup shift: 2026-12-05T02:00:00+08:00 → 2026-12-05T06:00:00+08:00 (window, no "
          "hypercare) is uncovered");
    CHECK(findings[2].status == Status::Pass);
  }
  SUBCASE("a shift without an end") {
    auto findings = run_check(
        "staffing.oncall-coverage",
        oncall("    - {who: li.wei, level: primary, from: 2026-12-05T02:00:00+08:00}\n" + kBackup),
        kAsOf);
    REQUIRE(findings.size() == 4);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].subject == "oncall.shifts[0]");
    CHECK(findings[0].message == "shift has no to, so it covers nothing");
    CHECK(where(findings[0]) == "plan.yaml:17:7");
    CHECK(findings[1].message ==
          "no primary shift: 2026-12-05T02:00:00+08:00 → 2026-12-05T06:00:00+08:00 (window, no "
          "hypercare) is uncovered");
  }
  SUBCASE("a shift ending before it starts") {
    auto findings = run_check("staffing.oncall-coverage",
                              oncall(shift("li.wei", "primary", "2026-12-05T06:00:00+08:00",
                                           "2026-12-05T02:00:00+08:00") +
                                     kBackup),
                              kAsOf);
    REQUIRE(findings.size() == 4);
    CHECK(findings[0].message ==
          "shift of li.wei ends at 2026-12-05T02:00:00+08:00, not after its start "
          "2026-12-05T06:00:00+08:00, so it covers nothing");
    CHECK(where(findings[0]) == "plan.yaml:17:74");
  }
}

TEST_CASE("staffing.oncall-coverage: a gate without parameters") {
  const CheckInfo* info = find_check("staffing.oncall-coverage");
  REQUIRE(info != nullptr);
  Params p;
  info->make(p);
  CHECK(p.requested().empty());
  CHECK(info->severity == Severity::Gate);
}

TEST_CASE("staffing.oncall-coverage: half a second uncovered at the window start fails") {
  // A primary shift starting 02:00:00.5 leaves 02:00:00 → 02:00:00.5 without a primary:
  // instants keep their fraction, so the gap is not rounded away.
  auto findings = run_check(
      "staffing.oncall-coverage",
      oncall(shift("li.wei", "primary", "2026-12-05T02:00:00.5+08:00", "2026-12-05T06:00:00+08:00") +
             kBackup),
      kAsOf);
  auto failed = with_status(findings, Status::Fail);
  REQUIRE(failed.size() == 1);
  CHECK(failed[0].subject == "oncall[primary]");
  CHECK(failed[0].message.find("0.5s") != std::string::npos);
}
