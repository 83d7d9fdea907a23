// checks/crossborder/responsible_per_region.cpp
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"

namespace golive {
namespace {

/// A plausible address: one `@` between a non-empty local part and a dotted domain.
bool looks_like_email(const std::string& e) {
  const size_t at = e.find('@');
  if (at == std::string::npos || at == 0 || e.find('@', at + 1) != std::string::npos) return false;
  const std::string domain = e.substr(at + 1);
  const size_t dot = domain.find('.');
  return dot != std::string::npos && dot > 0 && dot + 1 < domain.size() &&
         e.find_first_of(" \t\r\n") == std::string::npos;
}

/// Fails when a region of a cross-border launch names no responsible person, names one
/// who is not a contact, or one who cannot be phoned (E.164) and mailed.
class ResponsiblePerRegion final : public Check {
 public:
  explicit ResponsiblePerRegion(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    const auto& cb = plan.scenarios.cross_border;
    if (!cb) {
      if (plan.tagged("cross-border")) {
        Finding& f = ctx.add(Status::Fail, "scenarios.cross_border", plan.scenarios.loc,
                             message("findings.crossborder.missing"));
        f.remediation = message("fixes.crossborder.responsible-per-region.add");
      } else {
        ctx.add(Status::Skip, "scenarios.cross_border", plan.scenarios.loc,
                message("findings.crossborder.not_cross_border"));
      }
      return;
    }
    if (cb->regions.empty()) {
      Finding& f = ctx.add(Status::Fail, "scenarios.cross_border", cb->loc,
                           message("findings.crossborder.no_regions"));
      f.remediation = message("fixes.crossborder.responsible-per-region.regions");
      return;
    }
    for (size_t i = 0; i < cb->regions.size(); ++i) check(plan, cb->regions[i], i, ctx);
  }

 private:
  static void check(const Plan& plan, const Region& g, size_t index, Context& ctx) {
    const std::string subject = subject_of("regions", g.code, index);
    const std::string region = g.code.value_or(std::to_string(index));
    if (!g.responsible) {
      Finding& f = ctx.add(Status::Fail, subject, g.responsible.loc,
                           message("findings.crossborder.responsible-per-region.none", fmt::arg("region", region)));
      f.remediation = message("fixes.crossborder.responsible-per-region.name", fmt::arg("region", region));
      return;
    }
    const std::string& id = *g.responsible;
    const Contact* c = plan.contact(id);
    if (!c) {
      Finding& f = ctx.add(Status::Fail, subject, g.responsible.loc,
                           message("findings.crossborder.responsible-per-region.unknown", fmt::arg("id", id),
                                   fmt::arg("region", region)));
      f.evidence.emplace_back("responsible", id);
      f.remediation = message("fixes.crossborder.responsible-per-region.contact", fmt::arg("id", id),
                              fmt::arg("region", region));
      return;
    }

    std::vector<std::string> problems;
    SourceLoc where;
    auto problem = [&](std::string text, const SourceLoc& loc) {
      if (problems.empty()) where = loc;
      problems.push_back(std::move(text));
    };
    if (!c->phone)
      problem(message("findings.crossborder.responsible-per-region.no_phone", fmt::arg("id", id)), c->phone.loc);
    else if (!is_e164(*c->phone))
      problem(message("findings.crossborder.responsible-per-region.bad_phone", fmt::arg("phone", *c->phone)),
              c->phone.loc);
    if (!c->email)
      problem(message("findings.crossborder.responsible-per-region.no_email", fmt::arg("id", id)), c->email.loc);
    else if (!looks_like_email(*c->email))
      problem(message("findings.crossborder.responsible-per-region.bad_email", fmt::arg("email", *c->email)),
              c->email.loc);

    Finding& f =
        problems.empty()
            ? ctx.add(Status::Pass, subject, g.responsible.loc,
                      message("findings.crossborder.responsible-per-region.reachable", fmt::arg("id", id),
                              fmt::arg("phone", *c->phone), fmt::arg("email", *c->email)))
            : ctx.add(Status::Fail, subject, where,
                      message("findings.crossborder.responsible-per-region.unreachable", fmt::arg("id", id),
                              fmt::arg("region", region),
                              fmt::arg("problems", fmt::join(problems, message_text("findings.join.parts")))));
    f.evidence.emplace_back("responsible", id);
    if (c->name) f.evidence.emplace_back("name", *c->name);
    f.evidence.emplace_back("phone", c->phone.value_or(""));
    f.evidence.emplace_back("email", c->email.value_or(""));
    if (!problems.empty())
      f.remediation = message("fixes.crossborder.responsible-per-region.reach", fmt::arg("id", id),
                              fmt::arg("region", region));
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    ResponsiblePerRegion, .id = "crossborder.responsible-per-region", .severity = Severity::Gate,
    .title = "Every region has a reachable responsible contact",
    .why = "In a cross-border launch an incident in one country is handled by people who know "
           "its systems, law and partners. Each region must name one responsible contact who "
           "is declared in contacts and can be phoned (E.164) and mailed at once, so the "
           "command centre never has to search for who answers for a region at 3 a.m.",
    .fix = "Set regions[].responsible to a contact id and give that contact an E.164 phone and "
           "an email.",
    .reads = {"scenarios.cross_border.regions[].code",
              "scenarios.cross_border.regions[].responsible", "contacts[].phone",
              "contacts[].email", "plan.scenarios"});

}  // namespace golive
