#include <doctest/doctest.h>
#include <fmt/format.h>

#include "tests/support/fixtures.h"

using namespace golive;
using namespace golive::test;

namespace {

const Instant kAsOf = at("2026-12-04T12:00:00+08:00");
const char* const kId = "vendor.contacts";

std::string where(const Finding& f) {
  return fmt::format("{}:{}:{}", f.location.file, f.location.line, f.location.column);
}

/// The vendor's contacts start on line 15.
Plan contacts_plan(const std::string& contacts) {
  return plan_from("vendors:\n  - id: acme-db\n    contacts:\n" + contacts);
}

}  // namespace

TEST_CASE("vendor.contacts: a contact with a phone passes") {
  auto findings = run_check(kId,
                            contacts_plan("      - {name: Support desk, phone: \"+6560000000\"}\n"
                                          "      - {name: Account manager, email: am@acme.example}\n"),
                            kAsOf);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].status == Status::Pass);
  CHECK(findings[0].subject == "vendors[acme-db]");
  CHECK(findings[0].message == "1 of 2 contacts with a phone: Support desk +6560000000");
}

TEST_CASE("vendor.contacts: contacts without a phone fail") {
  auto findings = run_check(kId,
                            contacts_plan("      - {name: Account manager, email: am@acme.example}\n"),
                            kAsOf);
  REQUIRE(findings.size() == 1);
  const Finding& f = findings[0];
  CHECK(f.status == Status::Fail);
  CHECK(f.message == "none of the 1 contacts of vendor acme-db has a phone (contacts[].phone)");
  CHECK(where(f) == "plan.yaml:15:9");
  CHECK(f.remediation ==
        "Add the vendor's support line or duty manager to vendors[].contacts of acme-db with an "
        "E.164 phone");
}

TEST_CASE("vendor.contacts: no contacts, no vendors") {
  SUBCASE("no contacts") {
    auto findings = run_check(kId, plan_from("vendors:\n  - {id: acme-db, name: ACME}\n"), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Fail);
    CHECK(findings[0].message == "vendor acme-db lists no contacts (vendors[].contacts)");
    CHECK(where(findings[0]) == "plan.yaml:13:5");
  }
  SUBCASE("no vendors") {
    auto findings = run_check(kId, plan_from(""), kAsOf);
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].status == Status::Skip);
  }
  SUBCASE("a gate without parameters") {
    CHECK(find_check(kId)->severity == Severity::Gate);
    Params p;
    (void)find_check(kId)->make(p);
    CHECK(p.requested().empty());
  }
}
