// checks/response/stages.cpp
#include <fmt/ranges.h>

#include <algorithm>
#include <string>
#include <vector>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/engine/plan_values.h"

namespace golive {
namespace {

/// The six stages of the response process (四、应急响应流程), in their natural order.
const std::vector<std::string> kStages = {"report", "assess", "activate",
                                          "handle", "notify", "review"};

/// Fails when response.stages does not list all six stages of the response process.
class ResponseStages final : public Check {
 public:
  explicit ResponseStages(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    const std::string subject = "response.stages";
    std::vector<std::string> listed, missing;
    if (plan.response)
      for (const Text& t : plan.response->stages)
        if (t) listed.push_back(*t);
    for (const std::string& s : kStages)
      if (std::find(listed.begin(), listed.end(), s) == listed.end()) missing.push_back(s);
    const SourceLoc loc = plan.response ? plan.response->stages_loc : plan.loc;

    // The findings say each stage in the standard's words; the fixes name the values to write.
    auto said = [](const std::vector<std::string>& stages) {
      std::vector<std::string> out;
      for (const std::string& s : stages) out.push_back(say_value("stage", s));
      return fmt::to_string(fmt::join(out, message_text("findings.engine.join.list")));
    };
    if (missing.empty()) {
      Finding& f = ctx.add(Status::Pass, subject, loc, message("findings.response.stages.all", fmt::arg("stages", said(kStages))));
      f.evidence.emplace_back("stages", listed);
      return;
    }
    const std::string which = fmt::to_string(fmt::join(missing, message_text("findings.engine.join.list")));
    Finding& f = listed.empty()     ? ctx.add(Status::Fail, subject, loc, message("findings.response.stages.none"))
                 : missing.size() == 1 ? ctx.add(Status::Fail, subject, loc,
                                                 message("findings.response.stages.missing_one", fmt::arg("stages", said(missing))))
                                       : ctx.add(Status::Fail, subject, loc,
                                                 message("findings.response.stages.missing", fmt::arg("stages", said(missing))));
    f.evidence.emplace_back("stages", listed);
    f.evidence.emplace_back("missing", missing);
    f.remediation = missing.size() == 1 ? message("fixes.response.stages.missing_one", fmt::arg("stages", which))
                                        : message("fixes.response.stages.missing", fmt::arg("stages", which));
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    ResponseStages, .id = "response.stages", .severity = Severity::Gate,
    .title = "The response process has all six stages",
    .why =
        "The emergency response runs through six stages: report the incident, assess it, "
        "activate the plan, handle it, notify those affected and review it afterwards. A "
        "plan that skips one leaves a gap people fill by improvising in the middle of an "
        "incident: nobody decides to activate, or nobody tells the users.",
    .fix =
        "List report, assess, activate, handle, notify and review in response.stages, each "
        "described in the plan.",
    .reads = {"response.stages"}, .live = false);

}  // namespace golive
