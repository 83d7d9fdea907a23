#include <doctest/doctest.h>
#include <fmt/format.h>

#include <variant>

#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");
const char* const kId = "vendor.contract-valid";

std::string where(const Finding& f) {
  return fmt::format("{}:{}:{}", f.location.file, f.location.line, f.location.column);
}

/// Window end 2026-12-05T06:00+08:00 with `hypercare`; the contract is on line 8.
Plan contract_plan(const std::string& contract, const std::string& hypercare = "3d") {
  return plan_from(
      "golive: 1\nplan: {id: t, name: T, owner: li.wei, revised_at: 2026-11-01}\n"
      "go_live: {window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}, "
      "timezone: Asia/Shanghai, hypercare: " + hypercare + "}\n"
      "vendors:\n"
      "  - id: acme-db\n"
      "    name: ACME Database Support\n"
      "    contacts: [{name: Support desk, phone: \"+6560000000\"}]\n"
      "    contract: " + contract + "\n");
}

std::string text_evidence(const Finding& f, const std::string& key) {
  for (const auto& [k, v] : f.evidence)
    if (k == key) return std::get<std::string>(v.get());
  FAIL("no evidence " << key);
  return "";
}

}  // namespace

TEST_CASE("vendor.contract-valid: a contract outlasting hypercare and notice passes") {
  auto findings = run_check(kId, contract_plan("{ref: C-2026-118, end: 2027-06-30, notice: 90d}"), kAsOf);
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.status == Status::Pass);
  CHECK(f.subject == "vendors[acme-db]");
  CHECK(f.message ==
        "contract C-2026-118 ends 2027-06-30T00:00:00+08:00, on or after the required "
        "2027-03-08T06:00:00+08:00 (window end + hypercare 3d + notice 90d)");
  CHECK(text_evidence(f, "required_end") == "2027-03-08T06:00:00+08:00");
  CHECK(text_evidence(f, "margin") == "113d18h");
}

TEST_CASE("vendor.contract-valid: ending at the required instant passes, one second earlier fails") {
  SUBCASE("exactly") {
    auto findings = run_check(
        kId, contract_plan("{ref: C-2026-118, end: 2027-03-08T06:00:00+08:00, notice: 90d}"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Pass);
    CHECK(text_evidence(findings[0], "margin") == "0s");
  }
  SUBCASE("one second short") {
    auto findings = run_check(
        kId, contract_plan("{ref: C-2026-118, end: 2027-03-08T05:59:59+08:00, notice: 90d}"), kAsOf);
    REQUIRE(findings.size() == 1);
    const Finding& f = findings[0];
    CHECK(f.status == Status::Fail);
    CHECK(f.message ==
          "contract C-2026-118 ends 2027-03-08T05:59:59+08:00, 1s before the required "
          "2027-03-08T06:00:00+08:00 (window end + hypercare 3d + notice 90d)");
    CHECK(where(f) == "plan.yaml:8:38");
    CHECK(f.remediation ==
          "Renew or extend contract C-2026-118 of ACME Database Support to end on or after "
          "2027-03-08T06:00:00+08:00, and update vendors[].contract.end");
  }
}

TEST_CASE("vendor.contract-valid: hypercare moves the required end") {
  auto findings = run_check(kId, contract_plan("{ref: C-1, end: 2027-03-06, notice: 90d}", "0s"), kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(text_evidence(findings[0], "required_end") == "2027-03-05T06:00:00+08:00");
  auto longer = run_check(kId, contract_plan("{ref: C-1, end: 2027-03-06, notice: 90d}", "1d"), kAsOf);
  REQUIRE(longer.size() == 1);
  CHECK(longer[0].status == Status::Fail);
  CHECK(longer[0].message ==
        "contract C-1 ends 2027-03-06T00:00:00+08:00, 6h before the required "
        "2027-03-06T06:00:00+08:00 (window end + hypercare 1d + notice 90d)");
}

TEST_CASE("vendor.contract-valid: missing contract data fails, naming the key") {
  SUBCASE("no notice") {
    auto findings = run_check(kId, contract_plan("{ref: C-1, end: 2027-06-30}"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message ==
          "contract C-1 has no notice period (contract.notice); write 0d if it has none");
    CHECK(where(findings[0]) == "plan.yaml:8:15");
  }
  SUBCASE("no end") {
    auto findings = run_check(kId, contract_plan("{ref: C-1, notice: 30d}"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message == "contract C-1 has no end date (contract.end)");
  }
  SUBCASE("no contract") {
    auto findings = run_check(kId, plan_from("vendors:\n  - {id: acme-db}\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message == "vendor acme-db has no contract (vendors[].contract)");
  }
  SUBCASE("no vendors") {
    auto findings = run_check(kId, plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Skip);
  }
}

TEST_CASE("vendor.contract-valid: a contract ending 0.8s before the window end fails") {
  // End 06:00:00.1 against a window ending 06:00:00.9, notice 0s: fractions are kept.
  Plan plan = plan_from(
      "golive: 1\nplan: {id: t, name: T, owner: li.wei, revised_at: 2026-11-01}\n"
      "go_live: {window: {start: 2026-12-05T02:00:00Z, end: 2026-12-05T06:00:00.9Z}, hypercare: 0s}\n"
      "vendors:\n"
      "  - id: acme-db\n"
      "    name: ACME Database Support\n"
      "    contacts: [{name: Support desk, phone: \"+6560000000\"}]\n"
      "    contract: {ref: C-1, end: 2026-12-05T06:00:00.1Z, notice: 0s}\n");
  auto findings = run_check(kId, plan, kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Fail);
  CHECK(findings[0].message ==
        "contract C-1 ends 2026-12-05T06:00:00.1Z, 0.8s before the required "
        "2026-12-05T06:00:00.9Z (window end + hypercare 0s + notice 0s)");
}
