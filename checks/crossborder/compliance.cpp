// checks/crossborder/compliance.cpp
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"

namespace golive {
namespace {

/// Problems found in one subject; the first one gives the finding its location.
struct Problems {
  std::vector<std::string> items;
  SourceLoc first;
  void add(std::string text, const SourceLoc& loc) {
    if (items.empty()) first = loc;
    items.push_back(std::move(text));
  }
  bool empty() const { return items.empty(); }
};

/// Whether `code` is one of the regions the plan declares.
bool declared(const CrossBorder& cb, const std::string& code) {
  for (const Region& r : cb.regions)
    if (r.code && *r.code == code) return true;
  return false;
}

/// Fails when a region lacks its regulations or a legal sign-off (by whom, when), or when
/// personal data crosses a border without a transfer mechanism and an assessment.
class Compliance final : public Check {
 public:
  explicit Compliance(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    const auto& cb = plan.scenarios.cross_border;
    if (!cb) {
      if (plan.tagged("cross-border")) {
        Finding& f = ctx.add(Status::Fail, "scenarios.cross_border", plan.scenarios.loc,
                             message("findings.crossborder.missing"));
        f.remediation = message("fixes.crossborder.compliance.add");
      } else {
        ctx.add(Status::Skip, "scenarios.cross_border", plan.scenarios.loc,
                message("findings.crossborder.not_cross_border"));
      }
      return;
    }
    if (cb->regions.empty()) {
      Finding& f = ctx.add(Status::Fail, "scenarios.cross_border", cb->loc,
                           message("findings.crossborder.no_regions"));
      f.remediation = message("fixes.crossborder.compliance.regions");
    }
    for (size_t i = 0; i < cb->regions.size(); ++i) region(plan, cb->regions[i], i, ctx);
    for (size_t i = 0; i < cb->data_transfers.size(); ++i)
      transfer(*cb, cb->data_transfers[i], i, ctx);
  }

 private:
  static void region(const Plan& plan, const Region& r, size_t index, Context& ctx) {
    const std::string subject = subject_of("regions", r.code, index);
    const std::string name = r.code.value_or(std::to_string(index));
    Problems p;
    if (r.regulations.empty()) p.add(message("findings.crossborder.compliance.no_regulations"), r.loc);
    std::vector<std::string> regulations;
    for (const Text& t : r.regulations)
      if (t) regulations.push_back(*t);

    const LegalSignoff* s = r.legal_signoff ? &*r.legal_signoff : nullptr;
    if (!s) {
      p.add(message("findings.crossborder.compliance.no_signoff"), r.loc);
    } else {
      if (!s->by) p.add(message("findings.crossborder.compliance.no_signer"), s->by.loc);
      if (!s->at) {
        p.add(message("findings.crossborder.compliance.undated"), s->at.loc);
      } else if (*s->at > ctx.as_of()) {
        p.add(message("findings.crossborder.compliance.future", fmt::arg("at", say_instant(*s->at, plan.zone())),
                      fmt::arg("as_of", say_instant(ctx.as_of(), plan.zone()))),
              s->at.loc);
      }
    }

    Finding& f = p.empty()
                     ? ctx.add(Status::Pass, subject, s->at.loc,
                               message("findings.crossborder.compliance.signed", fmt::arg("by", *s->by),
                                       fmt::arg("at", say_instant(*s->at, plan.zone())),
                                       fmt::arg("regulations", fmt::join(regulations, message_text("findings.join.list")))))
                     : ctx.add(Status::Fail, subject, p.first,
                               message("findings.crossborder.compliance.region", fmt::arg("region", name),
                                       fmt::arg("problems", fmt::join(p.items, message_text("findings.join.clauses")))));
    f.evidence.emplace_back("regulations", regulations);
    if (s && s->by) f.evidence.emplace_back("signed_off_by", *s->by);
    if (s && s->at) f.evidence.emplace_back("signed_off_at", format_instant_in(*s->at, plan.zone()));
    if (!p.empty())
      f.remediation = message("fixes.crossborder.compliance.signoff", fmt::arg("region", name));
  }

  static void transfer(const CrossBorder& cb, const DataTransfer& t, size_t index, Context& ctx) {
    const std::string route = fmt::format("{}->{}", t.from.value_or("?"), t.to.value_or("?"));
    const std::string subject = t.from && t.to ? fmt::format("data_transfers[{}]", route)
                                               : fmt::format("data_transfers[{}]", index);
    if (!t.data) {
      Finding& f = ctx.add(Status::Fail, subject, t.data.loc,
                           message("findings.crossborder.compliance.no_data", fmt::arg("route", route)));
      f.remediation = message("fixes.crossborder.compliance.data");
      return;
    }
    Problems p;
    // Both ends must be declared regions: only they have regulations and a legal sign-off.
    if (!t.from)
      p.add(message("findings.crossborder.compliance.no_from"), t.loc);
    else if (!declared(cb, *t.from))
      p.add(message("findings.crossborder.compliance.undeclared_region", fmt::arg("region", *t.from)), t.from.loc);
    if (!t.to)
      p.add(message("findings.crossborder.compliance.no_to"), t.loc);
    else if (!declared(cb, *t.to))
      p.add(message("findings.crossborder.compliance.undeclared_region", fmt::arg("region", *t.to)), t.to.loc);
    // data is free text: only an explicit `personal: false` spares a transfer its legal basis.
    const bool personal = !(t.personal && !*t.personal);
    if (!personal && p.empty()) {
      Finding& f = ctx.add(Status::Skip, subject, t.personal.loc,
                           message("findings.crossborder.compliance.not_personal", fmt::arg("route", route),
                                   fmt::arg("data", *t.data)));
      f.evidence.emplace_back("data", *t.data);
      f.evidence.emplace_back("personal", false);
      return;
    }
    if (personal && !t.mechanism)
      p.add(message("findings.crossborder.compliance.no_mechanism"), t.mechanism.loc);
    if (personal && !t.assessment)
      p.add(message("findings.crossborder.compliance.no_assessment"), t.assessment.loc);
    Finding& f = p.empty() ? ctx.add(Status::Pass, subject, t.loc,
                                     message("findings.crossborder.compliance.transferred", fmt::arg("route", route),
                                             fmt::arg("data", *t.data), fmt::arg("mechanism", *t.mechanism),
                                             fmt::arg("assessment", *t.assessment)))
                           : ctx.add(Status::Fail, subject, p.first,
                                     message("findings.crossborder.compliance.transfer", fmt::arg("route", route),
                                             fmt::arg("data", *t.data),
                                             fmt::arg("problems", fmt::join(p.items, message_text("findings.join.clauses")))));
    f.evidence.emplace_back("data", *t.data);
    if (t.mechanism) f.evidence.emplace_back("mechanism", *t.mechanism);
    if (t.assessment) f.evidence.emplace_back("assessment", *t.assessment);
    if (!p.empty())
      f.remediation = message(personal ? "fixes.crossborder.compliance.basis" : "fixes.crossborder.compliance.regions_of",
                              fmt::arg("route", route));
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    Compliance, .id = "crossborder.compliance", .severity = Severity::Gate,
    .title = "Regions are legally signed off and personal-data transfers have a legal basis",
    .why = "Launching in another country puts the system under its laws (PIPL, PDPA, GDPR…). "
           "Each region must list the regulations that apply and carry a dated legal sign-off "
           "naming who gave it (a date after the as-of instant is a recording error); every "
           "transfer needs a transfer mechanism and an impact assessment, or the go-live itself "
           "can be an offence: data is free text, so only a transfer marked personal: false is "
           "taken to carry no personal data. Both ends of a transfer must be declared regions.",
    .fix = "Add regions[].regulations and regions[].legal_signoff {by, at}; give each data "
           "transfer between declared regions a mechanism and an assessment, or mark it "
           "personal: false.",
    .reads = {"scenarios.cross_border.regions[].regulations",
              "scenarios.cross_border.regions[].legal_signoff",
              "scenarios.cross_border.data_transfers[]", "scenarios.cross_border.data_transfers[].personal",
              "plan.scenarios"});

}  // namespace golive
