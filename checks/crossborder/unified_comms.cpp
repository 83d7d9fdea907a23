// checks/crossborder/unified_comms.cpp
#include <string>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/engine/plan_values.h"

namespace golive {
namespace {

bool is_utc(const std::string& s) {
  std::string upper;
  for (char c : s) upper += static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return upper == "UTC" || upper == "ETC/UTC";
}

/// Warns when a cross-border launch has no shared comms platform or working language, or
/// when incident updates are not timed in UTC.
class UnifiedComms final : public Check {
 public:
  explicit UnifiedComms(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    const auto& cb = plan.scenarios.cross_border;
    if (!cb) {
      if (plan.tagged("cross-border")) {
        Finding& f = ctx.add(Status::Fail, "scenarios.cross_border", plan.scenarios.loc,
                             message("findings.crossborder.missing"));
        f.remediation = message("fixes.crossborder.unified-comms.add");
      } else {
        ctx.add(Status::Skip, "scenarios.cross_border", plan.scenarios.loc,
                message("findings.crossborder.not_cross_border"));
      }
      return;
    }

    if (cb->comms_platform) {
      ctx.add(Status::Pass, "cross_border.comms_platform", cb->comms_platform.loc,
              message("findings.crossborder.unified-comms.platform", fmt::arg("platform", say_name(*cb->comms_platform))))
          .evidence.emplace_back("comms_platform", *cb->comms_platform);
    } else {
      ctx.add(Status::Fail, "cross_border.comms_platform", cb->comms_platform.loc,
              message("findings.crossborder.unified-comms.no_platform"))
          .remediation = message("fixes.crossborder.unified-comms.platform");
    }

    if (cb->language) {
      ctx.add(Status::Pass, "cross_border.language", cb->language.loc,
              message("findings.crossborder.unified-comms.language", fmt::arg("language", say_name(*cb->language))))
          .evidence.emplace_back("language", *cb->language);
    } else {
      ctx.add(Status::Fail, "cross_border.language", cb->language.loc,
              message("findings.crossborder.unified-comms.no_language"))
          .remediation = message("fixes.crossborder.unified-comms.language");
    }

    const std::string subject = "response.comms.time_reference";
    const Comms* comms = plan.response && plan.response->comms ? &*plan.response->comms : nullptr;
    if (!comms) {
      ctx.add(Status::Fail, subject, plan.response ? plan.response->loc : plan.loc,
              message("findings.crossborder.unified-comms.no_comms"))
          .remediation = message("fixes.crossborder.unified-comms.comms");
    } else if (!comms->time_reference) {
      ctx.add(Status::Fail, subject, comms->time_reference.loc,
              message("findings.crossborder.unified-comms.no_reference"))
          .remediation = message("fixes.crossborder.unified-comms.reference");
    } else if (!is_utc(*comms->time_reference)) {
      Finding& f = ctx.add(Status::Fail, subject, comms->time_reference.loc,
                           message("findings.crossborder.unified-comms.local", fmt::arg("reference", *comms->time_reference)));
      f.evidence.emplace_back("time_reference", *comms->time_reference);
      f.remediation = message("fixes.crossborder.unified-comms.utc");
    } else {
      ctx.add(Status::Pass, subject, comms->time_reference.loc, message("findings.crossborder.unified-comms.utc"))
          .evidence.emplace_back("time_reference", *comms->time_reference);
    }
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    UnifiedComms, .id = "crossborder.unified-comms", .severity = Severity::Warn,
    .title = "Regions share one comms platform, one language and UTC times",
    .why = "Teams in several countries lose minutes in an incident when each region uses its "
           "own chat, language and local clock: \"03:00\" means three different instants. A "
           "cross-border launch names one comms platform and one working language, and times "
           "every incident update in UTC.",
    .fix = "Set scenarios.cross_border.comms_platform and language, and "
           "response.comms.time_reference: UTC.",
    .reads = {"scenarios.cross_border.comms_platform", "scenarios.cross_border.language",
              "response.comms.time_reference", "plan.scenarios"});

}  // namespace golive
