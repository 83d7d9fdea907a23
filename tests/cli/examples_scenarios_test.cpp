// End-to-end: the scenario examples (cross-border, third-party, new-technology) run through
// the `golive` binary — verdict, exit code, the scenario ruleset applied and why, and the
// exact checks that block the not-ready ones.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "tests/cli/cli_support.h"

namespace golive::test {

namespace {

struct Outcome {
  ProcessResult process;
  nlohmann::json report;
  nlohmann::json plan;
};

Outcome run_example(const std::string& name) {
  Outcome o;
  o.process = check({"--format", "json", "examples/" + name});
  o.report = json_of(o.process.out);
  if (o.report.contains("plans") && o.report["plans"].size() == 1) o.plan = o.report["plans"][0];
  return o;
}

/// The reason the named ruleset was applied, or "" when it was not.
std::string reason_for(const nlohmann::json& plan, const std::string& ruleset) {
  for (const auto& r : plan["rulesets"])
    if (r["name"] == ruleset) return r["reason"].get<std::string>();
  return "";
}

/// Ids of the checks with at least one finding of this status.
std::set<std::string> checks_with(const nlohmann::json& plan, const std::string& status) {
  std::set<std::string> ids;
  for (const auto& f : plan["findings"])
    if (f["status"] == status) ids.insert(f["check"].get<std::string>());
  return ids;
}

/// The finding of `check` about `subject`; null when there is none.
nlohmann::json finding(const nlohmann::json& plan, const std::string& check, const std::string& subject) {
  for (const auto& f : plan["findings"])
    if (f["check"] == check && f["subject"] == subject) return f;
  return nullptr;
}

/// Every check of `category` ran and passed, except the subjects listed in `not_applicable`,
/// which must be skipped.
void all_pass(const nlohmann::json& plan, const std::string& category,
              const std::set<std::string>& not_applicable = {}) {
  int seen = 0;
  for (const auto& f : plan["findings"]) {
    if (f["category"] != category) continue;
    ++seen;
    const char* expected = not_applicable.count(f["subject"].get<std::string>()) ? "skip" : "pass";
    CHECK_MESSAGE(f["status"] == expected, f.dump());
  }
  CHECK(seen > 0);
}

}  // namespace

TEST_CASE("examples: cross-border-ready.yaml is ready") {
  Outcome o = run_example("cross-border-ready.yaml");
  CAPTURE(o.process.err);
  CHECK(o.process.exit_code == 0);
  CHECK(o.report["verdict"] == "ready");
  CHECK(reason_for(o.plan, "cross-border") == "plan.scenarios lists cross-border");
  CHECK(reason_for(o.plan, "baseline") == "always");
  CHECK(checks_with(o.plan, "fail").empty());
  CHECK(checks_with(o.plan, "error").empty());
  // DE->CN carries aggregated figures but does not say personal: false, so it needs (and has) a legal basis.
  all_pass(o.plan, "crossborder");
  // Germany is staffed by two Berlin engineers; Singapore partly from Shanghai.
  auto de = finding(o.plan, "crossborder.timezone-coverage", "regions[DE]");
  REQUIRE(de.is_object());
  CHECK(de["message"] ==
        "09:00-18:00 business hours of DE (Europe/Berlin) covered from 2026-12-04T18:00:00Z to "
        "2026-12-07T22:00:00Z by 2 people");
}

TEST_CASE("examples: cross-border-not-ready.yaml is blocked by its regions") {
  Outcome o = run_example("cross-border-not-ready.yaml");
  CAPTURE(o.process.err);
  CHECK(o.process.exit_code == 1);
  CHECK(o.report["verdict"] == "not_ready");
  CHECK(reason_for(o.plan, "cross-border") == "plan.scenarios lists cross-border");
  CHECK(checks_with(o.plan, "fail") ==
        std::set<std::string>{"crossborder.compliance", "crossborder.timezone-coverage",
                              "crossborder.unified-comms"});
  auto de = finding(o.plan, "crossborder.timezone-coverage", "regions[DE]");
  REQUIRE(de.is_object());
  CHECK(de["blocking"] == true);
  CHECK(de["message"] ==
        "3h of 09:00-18:00 business hours of DE (Europe/Berlin) uncovered in 3 gaps: "
        "2026-12-05T16:00:00Z/2026-12-05T17:00:00Z, 2026-12-06T16:00:00Z/2026-12-06T17:00:00Z, "
        "2026-12-07T16:00:00Z/2026-12-07T17:00:00Z");
  auto sg = finding(o.plan, "crossborder.compliance", "regions[SG]");
  REQUIRE(sg.is_object());
  CHECK(sg["message"] == "region SG: no legal sign-off (regions[].legal_signoff)");
  auto transfer = finding(o.plan, "crossborder.compliance", "data_transfers[CN->DE]");
  REQUIRE(transfer.is_object());
  CHECK(transfer["message"] ==
        "transfer CN->DE (personal): no impact assessment (data_transfers[].assessment)");
  auto utc = finding(o.plan, "crossborder.unified-comms", "response.comms.time_reference");
  REQUIRE(utc.is_object());
  CHECK(utc["severity"] == "warn");
  CHECK(utc["blocking"] == false);
}

TEST_CASE("examples: third-party-ready.yaml is ready") {
  Outcome o = run_example("third-party-ready.yaml");
  CAPTURE(o.process.err);
  CHECK(o.process.exit_code == 0);
  CHECK(o.report["verdict"] == "ready");
  CHECK(reason_for(o.plan, "third-party") == "plan.scenarios lists third-party");
  CHECK(checks_with(o.plan, "fail").empty());
  CHECK(checks_with(o.plan, "error").empty());
  all_pass(o.plan, "vendor");
  auto sms = finding(o.plan, "vendor.sla-defined", "vendors[smsgate]");
  REQUIRE(sms.is_object());
  CHECK(sms["message"] ==
        "SEV1 response 30m, limit 30m (max_sev1_response); support 08:00-23:00 Europe/London "
        "covers the go-live window 2026-12-05T02:00:00+08:00/2026-12-05T06:00:00+08:00");
}

TEST_CASE("examples: third-party-not-ready.yaml is blocked by its vendors") {
  Outcome o = run_example("third-party-not-ready.yaml");
  CAPTURE(o.process.err);
  CHECK(o.process.exit_code == 1);
  CHECK(o.report["verdict"] == "not_ready");
  CHECK(reason_for(o.plan, "third-party") == "plan.scenarios lists third-party");
  CHECK(checks_with(o.plan, "fail") ==
        std::set<std::string>{"vendor.contacts", "vendor.contract-valid", "vendor.responsibilities",
                              "vendor.sla-defined"});
  auto contract = finding(o.plan, "vendor.contract-valid", "vendors[pointsbase]");
  REQUIRE(contract.is_object());
  CHECK(contract["message"] ==
        "contract PB-2026-044 ends 2027-01-31T00:00:00+08:00, 36d6h before the required "
        "2027-03-08T06:00:00+08:00 (window end + hypercare 3d + notice 90d)");
  CHECK(contract["evidence"]["required_end"] == "2027-03-08T06:00:00+08:00");
  auto sla = finding(o.plan, "vendor.sla-defined", "vendors[smsgate]");
  REQUIRE(sla.is_object());
  CHECK(sla["message"] ==
        "vendor smsgate: support 09:00-17:30 Europe/London leaves 4h of the go-live window "
        "without support: 2026-12-05T02:00:00+08:00/2026-12-05T06:00:00+08:00");
  auto phone = finding(o.plan, "vendor.contacts", "vendors[smsgate]");
  REQUIRE(phone.is_object());
  CHECK(phone["message"] == "none of the 1 contacts of vendor smsgate has a phone (contacts[].phone)");
  CHECK(finding(o.plan, "vendor.responsibilities", "vendors[smsgate]")["blocking"] == false);
}

TEST_CASE("examples: new-technology-ready.yaml is ready") {
  Outcome o = run_example("new-technology-ready.yaml");
  CAPTURE(o.process.err);
  CHECK(o.process.exit_code == 0);
  CHECK(o.report["verdict"] == "ready");
  CHECK(reason_for(o.plan, "new-technology") == "plan.scenarios lists new-technology");
  CHECK(checks_with(o.plan, "fail").empty());
  CHECK(checks_with(o.plan, "error").empty());
  all_pass(o.plan, "newtech");
}

TEST_CASE("examples: new-technology-not-ready.yaml is blocked by an unvalidated component") {
  Outcome o = run_example("new-technology-not-ready.yaml");
  CAPTURE(o.process.err);
  CHECK(o.process.exit_code == 1);
  CHECK(o.report["verdict"] == "not_ready");
  CHECK(reason_for(o.plan, "new-technology") == "plan.scenarios lists new-technology");
  CHECK(checks_with(o.plan, "fail") ==
        std::set<std::string>{"newtech.hypercare", "newtech.team-trained", "newtech.validated"});
  auto opensearch = finding(o.plan, "newtech.validated", "new_technology[OpenSearch 2.11]");
  REQUIRE(opensearch.is_object());
  CHECK(opensearch["blocking"] == true);
  CHECK(opensearch["message"] == "OpenSearch 2.11: poc 212d12h ago, limit 180d (max_age)");
  auto kafka = finding(o.plan, "newtech.validated", "new_technology[Apache Kafka 3.7]");
  REQUIRE(kafka.is_object());
  CHECK(kafka["message"] == "Apache Kafka 3.7: residual risk high is above medium (max_residual)");
  auto trained = finding(o.plan, "newtech.team-trained", "new_technology[Apache Kafka 3.7]");
  REQUIRE(trained.is_object());
  CHECK(trained["blocking"] == false);
  CHECK(finding(o.plan, "newtech.hypercare", "go_live.hypercare")["message"] ==
        "hypercare 1d, below 3d (min_hypercare)");
}

}  // namespace golive::test
