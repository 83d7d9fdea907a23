// checks/newtech/validated.cpp
#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"
#include "checks/engine/dated_evidence.h"
#include "checks/engine/i18n.h"
#include "checks/engine/plan_values.h"

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
        // A tag without its section says where the plan contradicts itself.
        Finding& f = sc.has_new_technology
                         ? ctx.add(Status::Fail, "scenarios.new_technology", sc.loc,
                                   message("findings.newtech.no_components"))
                         : ctx.add(Status::Fail, "scenarios.new_technology", plan.tag_loc("new-technology"),
                                   message("findings.newtech.missing"));
        f.remediation = message("fixes.newtech.validated.list");
      } else {
        ctx.add(Status::Skip, "scenarios.new_technology", sc.loc, message("findings.newtech.none"));
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
      problem(message("findings.newtech.validated.not_validated"), n.loc);
    } else {
      evidence.emplace_back("kind", v->kind.value_or("validation"));
      const std::string kind = v->kind ? *v->kind : message("findings.newtech.validated.validation");
      if (!v->result)
        problem(message("findings.newtech.validated.no_result", fmt::arg("kind", kind)), v->loc);
      else if (!v->passed())
        problem(message("findings.newtech.validated.bad_result", fmt::arg("kind", kind), fmt::arg("result", *v->result)),
                v->result.loc);
      evidence.emplace_back("result", v->result.value_or(""));
      if (!v->at) {
        problem(message("findings.newtech.validated.undated", fmt::arg("kind", kind)), v->at.loc);
      } else {
        const Elapsed age = ctx.age(*v->at);
        evidence.emplace_back("validated_at", format_instant_in(*v->at, plan.zone()));
        evidence.emplace_back("age", format_duration(age));
        evidence.emplace_back("age_seconds", whole_seconds(age));
        evidence.emplace_back("limit", format_duration(max_age_));
        evidence.emplace_back("limit_seconds", int64_t{max_age_.count()});
        if (age < Duration::zero())
          problem(message("findings.newtech.validated.future", fmt::arg("kind", kind),
                          fmt::arg("at", say_instant(*v->at, plan.zone()))),
                  v->at.loc);
        else if (age > max_age_)
          problem(message("findings.newtech.validated.stale", fmt::arg("kind", kind), fmt::arg("age", say_duration(age)),
                          fmt::arg("limit", say_duration(max_age_))),
                  v->at.loc);
        validated = message("findings.newtech.validated.passed", fmt::arg("kind", kind),
                            fmt::arg("age", say_duration(age)), fmt::arg("limit", say_duration(max_age_)));
        expires = *v->at + max_age_;
      }
    }

    std::string assessed;  // "residual risk medium, owner li.wei"
    const RiskAssessment* ra = n.risk_assessment ? &*n.risk_assessment : nullptr;
    if (!ra) {
      problem(message("findings.newtech.validated.no_assessment"), n.loc);
    } else {
      // Undated or dated after the as-of instant, an assessment is no evidence, like any
      // other record (a legal sign-off, a validation, a test).
      if (!ra->at)
        problem(message("findings.newtech.validated.undated_assessment"), ra->at.loc);
      else if (auto future = dated_in_future(plan, ctx, *ra->at, message("findings.newtech.validated.risk_assessment")))
        problem(std::move(*future), ra->at.loc);
      if (!ra->owner)
        problem(message("findings.newtech.validated.no_owner"), ra->owner.loc);
      else if (!plan.contact(*ra->owner))
        problem(message("findings.newtech.validated.unknown_owner", fmt::arg("owner", *ra->owner)), ra->owner.loc);
      if (!ra->residual)
        problem(message("findings.newtech.validated.no_residual"), ra->residual.loc);
      else if (rank(*ra->residual) > rank(max_residual_))
        problem(message("findings.newtech.validated.too_risky", fmt::arg("residual", say_value("risk", *ra->residual)),
                        fmt::arg("max", say_value("risk", max_residual_))),
                ra->residual.loc);
      if (ra->at) evidence.emplace_back("assessed_at", format_instant_in(*ra->at, plan.zone()));
      evidence.emplace_back("owner", ra->owner.value_or(""));
      evidence.emplace_back("residual", ra->residual.value_or(""));
      assessed = message("findings.newtech.validated.assessed", fmt::arg("residual", say_value("risk", ra->residual.value_or(""))),
                         fmt::arg("max", say_value("risk", max_residual_)), fmt::arg("owner", ra->owner.value_or("")));
    }
    evidence.emplace_back("max_residual", max_residual_);

    Finding& f = problems.empty()
                     ? ctx.add(Status::Pass, subject, n.loc,
                               message("findings.newtech.validated.ok", fmt::arg("validated", validated),
                                       fmt::arg("assessed", assessed)))
                     : ctx.add(Status::Fail, subject, where,
                               message("findings.newtech.validated.problems", fmt::arg("component", name),
                                       fmt::arg("problems", fmt::join(problems, message_text("findings.join.clauses")))));
    f.evidence = std::move(evidence);
    if (problems.empty()) {
      f.expires_at = expires;
    } else {
      f.remediation = message("fixes.newtech.validated.validate", fmt::arg("component", name),
                              fmt::arg("max_age", say_duration(max_age_)), fmt::arg("max_residual", max_residual_));
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
           "older than max_age, and a dated risk assessment with an owner must accept a "
           "residual risk no higher than max_residual (low < medium < high < critical). The pass "
           "expires when the validation goes stale.",
    .fix = "Run and record a passing validation, and a risk assessment with owner and an "
           "acceptable residual risk.",
    .reads = {"scenarios.new_technology[].component", "scenarios.new_technology[].validation",
              "scenarios.new_technology[].risk_assessment", "plan.scenarios"});

}  // namespace golive
