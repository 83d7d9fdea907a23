#include "checks/engine/dated_evidence.h"
#include "checks/engine/i18n.h"

#include <fmt/format.h>

namespace golive {

bool record_passed(Context& ctx, const std::string& subject, const TestRecord& t,
                   std::string_view what, const std::string& remediation) {
  if (!t.result) {
    ctx.add(Status::Fail, subject, t.result.loc,
            message("findings.engine.dated.no_result", fmt::arg("test", what)))
        .remediation = remediation;
    return false;
  }
  if (!t.passed()) {
    Finding& f = ctx.add(Status::Fail, subject, t.result.loc,
                         message("findings.engine.dated.not_passed", fmt::arg("test", what),
                                 fmt::arg("result", *t.result)));
    f.evidence.emplace_back("result", *t.result);
    f.remediation = remediation;
    return false;
  }
  return true;
}

std::optional<std::string> dated_in_future(const Plan& plan, const Context& ctx, Instant at,
                                           std::string_view what) {
  const Elapsed age = ctx.age(at);
  if (age >= Duration::zero()) return std::nullopt;
  return message("findings.engine.dated.future", fmt::arg("test", what),
                 fmt::arg("at", say_instant(at, plan.zone())), fmt::arg("ahead", say_duration(-age)),
                 fmt::arg("as_of", say_instant(ctx.as_of(), plan.zone())));
}

std::optional<Elapsed> passed_record_age(const Plan& plan, Context& ctx, const std::string& subject,
                                          const TestRecord& t, std::string_view what,
                                          std::string_view path, const std::string& remediation) {
  if (!record_passed(ctx, subject, t, what, remediation)) return std::nullopt;
  if (!t.at) {
    ctx.add(Status::Fail, subject, t.at.loc,
            message("findings.engine.dated.no_date", fmt::arg("test", what), fmt::arg("path", path)))
        .remediation = remediation;
    return std::nullopt;
  }
  const Elapsed age = ctx.age(*t.at);
  if (age < Duration::zero()) {
    const std::string when = format_instant_in(*t.at, plan.zone());
    Finding& f = ctx.add(Status::Fail, subject, t.at.loc, *dated_in_future(plan, ctx, *t.at, what));
    f.evidence.emplace_back("tested_at", when);
    f.evidence.emplace_back("age", format_duration(age));
    f.evidence.emplace_back("age_seconds", whole_seconds(age));
    f.remediation = message("fixes.engine.dated.future", fmt::arg("path", path));
    return std::nullopt;
  }
  return age;
}

void add_age_evidence(Finding& f, const Plan& plan, Instant at, Elapsed age, Duration limit) {
  f.evidence.emplace_back("tested_at", format_instant_in(at, plan.zone()));
  f.evidence.emplace_back("age", format_duration(age));
  f.evidence.emplace_back("age_seconds", whole_seconds(age));
  f.evidence.emplace_back("limit", format_duration(limit));
  f.evidence.emplace_back("limit_seconds", int64_t{limit.count()});
}

std::string local_and_utc(Instant t, const Plan& plan) {
  if (!plan.zone()) return format_instant(t);
  return fmt::format("{} ({})", format_instant_in(t, plan.zone()), format_instant(t));
}

}  // namespace golive
