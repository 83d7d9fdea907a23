#include <doctest/doctest.h>

#include "tests/support/speaking.h"
#include "tests/checks/findings_support.h"
#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {
const Instant kAsOf = at("2026-12-04T12:00:00+08:00");

/// One drill: a closed critical finding and an open low one.
const char* const kClosedAndMinor = R"(drills:
  - type: rollback
    at: 2026-11-28
    result: pass
    findings:
      - {severity: critical, title: rollback script deleted the wrong volume, closed: true}
      - {severity: low, title: runbook typo}
)";
}  // namespace

TEST_CASE("drills.findings-closed: closed serious findings and open minor ones pass") {
  Plan plan = plan_from(kClosedAndMinor);
  auto findings = run_check("drills.findings-closed", plan, kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].subject == "drills");
  CHECK(findings[0].message ==
        "no open drill finding of severity high or critical (2 findings in 1 drill, 1 open of lower severity)");
}

TEST_CASE("drills.findings-closed: each open high or critical finding fails where it is written") {
  Plan plan = plan_from(R"(drills:
  - type: restore
    at: 2026-11-20
    result: pass
    findings:
      - {severity: high, title: restore host lacked disk space, closed: false}
      - {severity: medium, title: slow DNS failover}
      - {title: unrated remark}
)");
  auto findings = run_check("drills.findings-closed", plan, kAsOf);
  REQUIRE(findings.size() == 2);
  const Finding& f = findings[0];
  CHECK(f.status == Status::Fail);
  CHECK(f.subject == "drills[0].findings[0]");
  CHECK(f.message ==
        "high finding 'restore host lacked disk space' of the restore drill of 2026-11-20 is open "
        "(closed: false)");
  CHECK(where(f) == "plan.yaml:17:73");
  CHECK(f.remediation ==
        "Fix 'restore host lacked disk space' (or accept it with a waiver approved by the "
        "commander), then mark it closed: true");
  CHECK(findings[1].subject == "drills[0].findings[2]");
  CHECK(findings[1].message ==
        "unrated finding 'unrated remark' of the restore drill of 2026-11-20 is not marked closed");
}

TEST_CASE("drills.findings-closed: severities is a parameter, no drills is a skip") {
  SUBCASE("medium included") {
    Plan plan = plan_from(R"(drills:
  - {type: restore, at: 2026-11-20, result: pass, findings: [{severity: medium, title: slow DNS failover}]}
)");
    auto findings = run_check("drills.findings-closed", plan, kAsOf, {{"severities", "[medium, high, critical]"}});
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "medium finding 'slow DNS failover' of the restore drill of 2026-11-20 is not marked closed");
    CHECK(run_check("drills.findings-closed", plan, kAsOf)[0].status == Status::Pass);
  }
  SUBCASE("no drills") {
    auto findings = run_check("drills.findings-closed", plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Skip);
    CHECK(findings[0].message == "no drills declared (drills)");
  }
}

TEST_CASE("drills.findings-closed: in Chinese") {
  Speaking zh("zh-CN");
  Plan plan = plan_from(kClosedAndMinor);
  auto pass = run_check("drills.findings-closed", plan, kAsOf);
  REQUIRE(pass.size() == 1);
  CHECK(pass[0].message == "没有严重程度为高（high）或严重（critical）的未关闭演练问题（1 次演练中共 2 个问题，另有 1 个较低级别的问题未关闭）");
  auto fail = run_check("drills.findings-closed", plan_from(R"(drills:
  - type: restore
    at: 2026-11-20
    result: pass
    findings:
      - {severity: high, title: restore took 3h, closed: false}
)"), kAsOf);
  REQUIRE(fail.size() == 1);
  CHECK(fail[0].message ==
        "2026-11-20 的恢复（restore）演练中的问题「restore took 3h」未关闭（closed: false），严重程度：高（high）");
  // The drill is a phrase for people: the evidence says it as the message does, under its key.
  CHECK(text_evidence(fail[0], "drill") == "2026-11-20 的恢复（restore）演练");
  CHECK(text_evidence(fail[0], "severity") == "high");
  auto other = run_check("drills.findings-closed", plan_from(R"(drills:
  - type: dr
    findings:
      - {title: no runbook, closed: false}
)"), kAsOf);
  REQUIRE(other.size() == 1);
  CHECK(other[0].message == "日期不详的「dr」演练中的问题「no runbook」未关闭（closed: false），严重程度：未定级");
  CHECK(text_evidence(other[0], "drill") == "日期不详的「dr」演练");
  CHECK(fail[0].remediation == "整改「restore took 3h」（或经指挥长批准以豁免方式接受），然后标记 closed: true");
}

TEST_CASE("drills.findings-closed: a drill without type or date is still named, in the message and the evidence") {
  auto open = run_check("drills.findings-closed", plan_from(R"(drills:
  - findings:
      - {severity: critical, title: no runbook, closed: false}
)"), kAsOf);
  REQUIRE(open.size() == 1);
  CHECK(open[0].message == "critical finding 'no runbook' of the untyped drill of unknown date is open (closed: false)");
  CHECK(text_evidence(open[0], "drill") == "untyped drill of unknown date");
}
