// checks/response/stages.cpp
#include <fmt/ranges.h>

#include <algorithm>
#include <string>
#include <vector>

#include "checks/engine/check.h"

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

    if (missing.empty()) {
      Finding& f = ctx.pass(subject, loc, "all six stages: {}", fmt::join(kStages, ", "));
      f.evidence.emplace_back("stages", listed);
      return;
    }
    Finding& f = listed.empty()
                     ? ctx.fail(subject, loc, "no response stages listed (response.stages)")
                     : ctx.fail(subject, loc, "missing stage{}: {}", missing.size() == 1 ? "" : "s",
                                fmt::join(missing, ", "));
    f.evidence.emplace_back("stages", listed);
    f.evidence.emplace_back("missing", missing);
    f.remediation = fmt::format(
        "Describe the missing stage{} of the response process and list {} in response.stages",
        missing.size() == 1 ? "" : "s", fmt::join(missing, ", "));
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
