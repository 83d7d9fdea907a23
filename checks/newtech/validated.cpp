// checks/newtech/validated.cpp
#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"

namespace golive {
namespace {

const std::vector<std::string> kRiskLevels = {"low", "medium", "high", "critical"};

/// Rank of a risk level (low = 0), or -1 when it is not one.
int rank(const std::string& level) {
  auto it = std::find(kRiskLevels.begin(), kRiskLevels.end(), level);
  return it == kRiskLevels.end() ? -1 : static_cast<int>(it - kRiskLevels.begin());
}

/// Where a rule wrote a parameter, for errors about its value.
SourceLoc param_loc(const Params& p, const std::string& name) {
  for (const auto& [k, v] : p.values())
    if (k == name) return v.loc;
  return {};
}

/// Fails when a new component was not validated (passed, recently enough) or has no risk
/// assessment with an owner and an acceptable residual risk.
class NewtechValidated final : public Check {
 public:
  explicit NewtechValidated(const Params& p)
      : max_age_(p.duration("max_age", std::chrono::days(180))), max_residual_(p.text("max_residual", "medium")) {
    if (rank(max_residual_) < 0)
      throw InputError(param_loc(p, "max_residual"),
                       fmt::format("params.max_residual: '{}' is not a risk level (expected low, "
                                   "medium, high or critical)",
                                   max_residual_));
  }

  void run(const Plan& plan, Context& ctx) const override {
    const Scenarios& sc = plan.scenarios;
    if (sc.new_technology.empty()) {
      if (sc.has_new_technology || plan.tagged("new-technology")) {
        Finding& f = ctx.fail("scenarios.new_technology", sc.loc,
                              "no new component listed (scenarios.new_technology)");
        f.remediation = "List each new component under scenarios.new_technology with its "
                        "validation and risk assessment";
      } else {
        ctx.skip("scenarios.new_technology", sc.loc,
                 "no new technology in this launch (no scenarios.new_technology)");
      }
      return;
    }
    for (size_t i = 0; i < sc.new_technology.size(); ++i)
      check(plan, sc.new_technology[i], i, ctx);
  }

 private:
  void check(const Plan& plan, const NewTechnology& n, size_t index, Context& ctx) const {
    const std::string subject = subject_of("new_technology", n.component, index);
    const std::string name = n.component.value_or(std::to_string(index));
    std::vector<std::string> problems;
    SourceLoc where;
    auto problem = [&](std::string text, const SourceLoc& loc) {
      if (problems.empty()) where = loc;
      problems.push_back(std::move(text));
    };

    std::vector<std::pair<std::string, EvidenceValue>> evidence;
    std::string validated;  // "poc passed 64d ago"
    std::optional<Instant> expires;
    const TestRecord* v = n.validation ? &*n.validation : nullptr;
    if (!v) {
      problem("not validated (new_technology[].validation)", n.loc);
    } else {
      const std::string kind = v->kind.value_or("validation");
      evidence.emplace_back("kind", kind);
      if (!v->result)
        problem(fmt::format("{} has no result (validation.result)", kind), v->loc);
      else if (!v->passed())
        problem(fmt::format("{} result is {}", kind, *v->result), v->result.loc);
      evidence.emplace_back("result", v->result.value_or(""));
      if (!v->at) {
        problem(fmt::format("{} is not dated (validation.at)", kind), v->at.loc);
      } else {
        const Elapsed age = ctx.age(*v->at);
        evidence.emplace_back("validated_at", format_instant_in(*v->at, plan.zone()));
        evidence.emplace_back("age", format_duration(age));
        evidence.emplace_back("age_seconds", whole_seconds(age));
        evidence.emplace_back("limit", format_duration(max_age_));
        evidence.emplace_back("limit_seconds", int64_t{max_age_.count()});
        if (age < Duration::zero())
          problem(fmt::format("{} dated {} is after the as-of instant", kind,
                              format_instant_in(*v->at, plan.zone())),
                  v->at.loc);
        else if (age > max_age_)
          problem(fmt::format("{} {} ago, limit {} (max_age)", kind, format_duration(age),
                              format_duration(max_age_)),
                  v->at.loc);
        validated = fmt::format("{} passed {} ago, limit {} (max_age)", kind, format_duration(age),
                                format_duration(max_age_));
        expires = *v->at + max_age_;
      }
    }

    std::string assessed;  // "residual risk medium, owner li.wei"
    const RiskAssessment* ra = n.risk_assessment ? &*n.risk_assessment : nullptr;
    if (!ra) {
      problem("no risk assessment (new_technology[].risk_assessment)", n.loc);
    } else {
      if (!ra->owner)
        problem("risk assessment has no owner (risk_assessment.owner)", ra->owner.loc);
      else if (!plan.contact(*ra->owner))
        problem(fmt::format("risk assessment owner {} is not among contacts", *ra->owner),
                ra->owner.loc);
      if (!ra->residual)
        problem("risk assessment has no residual risk (risk_assessment.residual)", ra->residual.loc);
      else if (rank(*ra->residual) > rank(max_residual_))
        problem(fmt::format("residual risk {} is above {} (max_residual)", *ra->residual,
                            max_residual_),
                ra->residual.loc);
      evidence.emplace_back("owner", ra->owner.value_or(""));
      evidence.emplace_back("residual", ra->residual.value_or(""));
      assessed = fmt::format("residual risk {} (max {}), owner {}", ra->residual.value_or(""),
                             max_residual_, ra->owner.value_or(""));
    }
    evidence.emplace_back("max_residual", max_residual_);

    Finding& f = problems.empty()
                     ? ctx.pass(subject, n.loc, "{}; {}", validated, assessed)
                     : ctx.fail(subject, where, "{}: {}", name, fmt::join(problems, "; "));
    f.evidence = std::move(evidence);
    if (problems.empty()) {
      f.expires_at = expires;
    } else {
      f.remediation = fmt::format(
          "Validate {} (PoC, pilot or benchmark) and record a passing result within {} in "
          "new_technology[].validation; record a risk assessment with an owner from contacts "
          "and a residual risk of at most {}",
          name, format_duration(max_age_), max_residual_);
    }
  }

  Duration max_age_;
  std::string max_residual_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    NewtechValidated, .id = "newtech.validated", .severity = Severity::Gate,
    .title = "Each new component is validated and its risk assessed",
    .why = "A technology new to the team fails in ways nobody has seen. Before it carries "
           "production traffic it must have passed a validation (PoC, pilot, benchmark) no "
           "older than max_age, and a risk assessment with an owner must accept a residual "
           "risk no higher than max_residual (low < medium < high < critical). The pass "
           "expires when the validation goes stale.",
    .fix = "Run and record a passing validation, and a risk assessment with owner and an "
           "acceptable residual risk.",
    .reads = {"scenarios.new_technology[].component", "scenarios.new_technology[].validation",
              "scenarios.new_technology[].risk_assessment", "plan.scenarios"});

}  // namespace golive
