// checks/response/comms.cpp
#include <fmt/ranges.h>

#include <string>
#include <vector>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/engine/plan_values.h"

namespace golive {
namespace {

/// Warns when the incident communication has no channel, owner or update interval.
class ResponseComms final : public Check {
 public:
  explicit ResponseComms(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    const std::string subject = "response.comms";
    if (!plan.response || !plan.response->comms) {
      Finding& f = ctx.add(Status::Fail, subject, plan.response ? plan.response->loc : plan.loc,
                           message("findings.response.comms.none"));
      f.remediation = message("fixes.response.comms.none");
      return;
    }
    const golive::Comms& c = *plan.response->comms;
    std::vector<std::string> missing;
    if (!c.channel) missing.push_back("channel");
    if (!c.owner) missing.push_back("owner");
    if (!c.update_every) missing.push_back("update_every");
    if (!missing.empty()) {
      Finding& f = ctx.add(Status::Fail, subject, c.loc,
                           message("findings.response.comms.missing",
                                   fmt::arg("keys", fmt::join(missing, message_text("findings.engine.join.nor")))));
      f.evidence.emplace_back("missing", missing);
      f.remediation = message("fixes.response.comms.missing", fmt::arg("keys", fmt::join(missing, message_text("findings.engine.join.list"))));
      return;
    }
    Finding& f = ctx.add(Status::Pass, subject, c.loc,
                         message("findings.response.comms.defined", fmt::arg("channel", say_name(*c.channel)),
                                 fmt::arg("owner", *c.owner), fmt::arg("every", say_duration(*c.update_every))));
    f.evidence.emplace_back("channel", *c.channel);
    f.evidence.emplace_back("owner", *c.owner);
    f.evidence.emplace_back("update_every", format_duration(*c.update_every));
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    ResponseComms, .id = "response.comms", .severity = Severity::Warn,
    .title = "Incident communication has a channel, an owner and a rhythm",
    .why =
        "During an incident people need one place to look for news, somebody whose job is "
        "to write it, and updates at a known interval; otherwise the responders are "
        "interrupted by everyone asking for status.",
    .fix = "Set response.comms.channel, response.comms.owner and response.comms.update_every.",
    .reads = {"response.comms.channel", "response.comms.owner", "response.comms.update_every"},
    .live = false);

}  // namespace golive
