// checks/crossborder/compliance.cpp
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"

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

bool is_personal(const std::string& data) {
  std::string lower;
  for (char c : data) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return lower == "personal";
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
        Finding& f = ctx.fail("scenarios.cross_border", plan.scenarios.loc,
                              "plan.scenarios lists cross-border but scenarios.cross_border is missing");
        f.remediation = "Add scenarios.cross_border with each region's regulations and legal sign-off";
      } else {
        ctx.skip("scenarios.cross_border", plan.scenarios.loc,
                 "not a cross-border launch (no scenarios.cross_border)");
      }
      return;
    }
    if (cb->regions.empty()) {
      Finding& f = ctx.fail("scenarios.cross_border", cb->loc,
                            "no regions declared (scenarios.cross_border.regions)");
      f.remediation = "List every region of the launch under scenarios.cross_border.regions, each "
                      "with its regulations and legal sign-off";
    }
    for (size_t i = 0; i < cb->regions.size(); ++i) region(plan, cb->regions[i], i, ctx);
    for (size_t i = 0; i < cb->data_transfers.size(); ++i)
      transfer(cb->data_transfers[i], i, ctx);
  }

 private:
  static void region(const Plan& plan, const Region& r, size_t index, Context& ctx) {
    const std::string subject = subject_of("regions", r.code, index);
    const std::string name = r.code.value_or(std::to_string(index));
    Problems p;
    if (r.regulations.empty()) p.add("no regulations listed (regions[].regulations)", r.loc);
    std::vector<std::string> regulations;
    for (const Text& t : r.regulations)
      if (t) regulations.push_back(*t);

    const LegalSignoff* s = r.legal_signoff ? &*r.legal_signoff : nullptr;
    if (!s) {
      p.add("no legal sign-off (regions[].legal_signoff)", r.loc);
    } else {
      if (!s->by) p.add("legal sign-off names no one (legal_signoff.by)", s->by.loc);
      if (!s->at) {
        p.add("legal sign-off is not dated (legal_signoff.at)", s->at.loc);
      } else if (*s->at > ctx.as_of()) {
        p.add(fmt::format("legal sign-off dated {}, after the as-of instant {}",
                          format_instant_in(*s->at, plan.zone()),
                          format_instant_in(ctx.as_of(), plan.zone())),
              s->at.loc);
      }
    }

    Finding& f = p.empty()
                     ? ctx.pass(subject, s->at.loc, "legal sign-off by {} on {} covering {}",
                                *s->by, format_instant_in(*s->at, plan.zone()),
                                fmt::join(regulations, ", "))
                     : ctx.fail(subject, p.first, "region {}: {}", name, fmt::join(p.items, "; "));
    f.evidence.emplace_back("regulations", regulations);
    if (s && s->by) f.evidence.emplace_back("signed_off_by", *s->by);
    if (s && s->at) f.evidence.emplace_back("signed_off_at", format_instant_in(*s->at, plan.zone()));
    if (!p.empty())
      f.remediation = fmt::format(
          "List the regulations that apply in {} under regions[].regulations and record the legal "
          "review as regions[].legal_signoff {{by: <counsel>, at: <date>}}",
          name);
  }

  static void transfer(const DataTransfer& t, size_t index, Context& ctx) {
    const std::string route = fmt::format("{}->{}", t.from.value_or("?"), t.to.value_or("?"));
    const std::string subject = t.from && t.to ? fmt::format("data_transfers[{}]", route)
                                               : fmt::format("data_transfers[{}]", index);
    if (!t.data) {
      Finding& f = ctx.fail(subject, t.data.loc,
                            "transfer {} does not say what data it carries (data_transfers[].data)",
                            route);
      f.remediation = "Set data_transfers[].data (personal, or what the data is when it is not)";
      return;
    }
    if (!is_personal(*t.data)) {
      Finding& f = ctx.skip(subject, t.data.loc,
                            "transfer {} carries {} data, not personal data", route, *t.data);
      f.evidence.emplace_back("data", *t.data);
      return;
    }
    Problems p;
    if (!t.mechanism)
      p.add("no transfer mechanism (data_transfers[].mechanism)", t.mechanism.loc);
    if (!t.assessment)
      p.add("no impact assessment (data_transfers[].assessment)", t.assessment.loc);
    Finding& f = p.empty() ? ctx.pass(subject, t.loc,
                                      "personal data {} transferred under {}, assessed in {}",
                                      route, *t.mechanism, *t.assessment)
                           : ctx.fail(subject, p.first, "personal data transfer {}: {}", route,
                                      fmt::join(p.items, "; "));
    f.evidence.emplace_back("data", *t.data);
    if (t.mechanism) f.evidence.emplace_back("mechanism", *t.mechanism);
    if (t.assessment) f.evidence.emplace_back("assessment", *t.assessment);
    if (!p.empty())
      f.remediation = fmt::format(
          "Name the legal basis of the {} transfer in data_transfers[].mechanism (standard "
          "contract, certification, security assessment…) and link its personal information "
          "impact assessment in data_transfers[].assessment",
          route);
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    Compliance, .id = "crossborder.compliance", .severity = Severity::Gate,
    .title = "Regions are legally signed off and personal-data transfers have a legal basis",
    .why = "Launching in another country puts the system under its laws (PIPL, PDPA, GDPR…). "
           "Each region must list the regulations that apply and carry a dated legal sign-off "
           "naming who gave it (a date after the as-of instant is a recording error); every "
           "transfer of personal data (data: personal) needs a transfer mechanism and an impact "
           "assessment, or the go-live itself can be an offence.",
    .fix = "Add regions[].regulations and regions[].legal_signoff {by, at}; give each personal "
           "data transfer a mechanism and an assessment.",
    .reads = {"scenarios.cross_border.regions[].regulations",
              "scenarios.cross_border.regions[].legal_signoff",
              "scenarios.cross_border.data_transfers[]", "plan.scenarios"});

}  // namespace golive
