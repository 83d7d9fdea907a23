// `golive validate` is the fast structural judge: unknown keys and references that name
// nothing are errors (exit 2), as in `check`, which refuses the same plans before any check
// runs.
#include "tests/cli/report/report_support.h"

namespace golive::test {

namespace {

// Valid: the rollback decision owner is a declared contact (line 9).
const std::string kPlan = R"(golive: 1
plan: {id: shop-1, name: Shop, owner: ann, revised_at: 2026-11-01}
go_live:
  window: {start: 2026-12-05T02:00:00+08:00, end: 2026-12-05T06:00:00+08:00}
contacts:
  - {id: ann, phone: "+8613800000001"}
rollback:
  strategy: blue_green
  decision_owner: ann
response:
  severities: [{level: SEV1, page: [commander]}]
)";

std::string edited(const std::string& from, const std::string& to) {
  std::string out = kPlan;
  size_t at = out.find(from);
  REQUIRE(at != std::string::npos);
  return out.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("cli.validate resolves references, like plan.references-valid") {
  TempDir dir;
  const std::string path = write_file(dir, "plan.yaml", edited("decision_owner: ann", "decision_owner: anne"));
  ProcessResult r = run_golive({"validate", path});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "");
  // In the order of plan.references-valid: section by section, as SPEC §3 lists them.
  CHECK(r.err == path + ":11:37: error: response.severities[0].page[0]: role commander is paged but "
                        "nobody holds it (organization.commander is not set)\n" +
                     path + ":9:19: error: rollback.decision_owner: 'anne' is not a contact id (did you mean 'ann'?)\n");
  const std::string fixed = write_file(
      dir, "fixed.yaml", kPlan + "organization: {commander: ann}\n");
  ProcessResult ok = run_golive({"validate", fixed});
  CHECK(ok.err == "");
  CHECK(ok.out == fixed + ": ok (shop-1)\n");
  CHECK(ok.exit_code == 0);
}

TEST_CASE("cli.validate and check refuse an unknown key, x- keys are the user's") {
  TempDir dir;
  const std::string base = kPlan + "organization: {commander: ann}\n";
  const std::string typo = write_file(dir, "typo.yaml", base + "vendor:\n  - id: acme\n");
  const std::string message = typo + ":13:1: error: unknown key 'vendor' (did you mean 'vendors'?)\n";
  ProcessResult v = run_golive({"validate", "-q", typo});
  CHECK(v.exit_code == 2);
  CHECK(v.err == message);
  ProcessResult c = check({"-q", typo});
  CHECK(c.exit_code == 2);
  CHECK(c.err == message);

  const std::string mine = write_file(dir, "mine.yaml", base + "x-vendor:\n  - id: acme\n");
  ProcessResult ok = run_golive({"validate", mine});
  CHECK(ok.exit_code == 0);
  CHECK(ok.err == "");
}

}  // namespace golive::test
