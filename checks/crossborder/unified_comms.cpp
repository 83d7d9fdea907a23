// checks/crossborder/unified_comms.cpp
#include <string>

#include "checks/engine/check.h"

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
        Finding& f = ctx.fail("scenarios.cross_border", plan.scenarios.loc,
                              "plan.scenarios lists cross-border but scenarios.cross_border is missing");
        f.remediation = "Add scenarios.cross_border with comms_platform and language";
      } else {
        ctx.skip("scenarios.cross_border", plan.scenarios.loc,
                 "not a cross-border launch (no scenarios.cross_border)");
      }
      return;
    }

    if (cb->comms_platform) {
      ctx.pass("cross_border.comms_platform", cb->comms_platform.loc, "regions coordinate on {}",
               *cb->comms_platform)
          .evidence.emplace_back("comms_platform", *cb->comms_platform);
    } else {
      ctx.fail("cross_border.comms_platform", cb->comms_platform.loc,
               "no shared comms platform for the regions (scenarios.cross_border.comms_platform)")
          .remediation = "Set scenarios.cross_border.comms_platform to the one place every region "
                         "coordinates (e.g. \"Slack #golive-global\")";
    }

    if (cb->language) {
      ctx.pass("cross_border.language", cb->language.loc, "working language {}", *cb->language)
          .evidence.emplace_back("language", *cb->language);
    } else {
      ctx.fail("cross_border.language", cb->language.loc,
               "no working language for the regions (scenarios.cross_border.language)")
          .remediation = "Set scenarios.cross_border.language to the language every region uses "
                         "during incidents (e.g. en)";
    }

    const std::string subject = "response.comms.time_reference";
    const Comms* comms = plan.response && plan.response->comms ? &*plan.response->comms : nullptr;
    if (!comms) {
      ctx.fail(subject, plan.response ? plan.response->loc : plan.loc,
               "no response.comms, so incident updates have no time reference "
               "(response.comms.time_reference)")
          .remediation = "Add response.comms with time_reference: UTC";
    } else if (!comms->time_reference) {
      ctx.fail(subject, comms->time_reference.loc,
               "incident updates have no time reference (response.comms.time_reference)")
          .remediation = "Set response.comms.time_reference: UTC so every region reads the same times";
    } else if (!is_utc(*comms->time_reference)) {
      Finding& f = ctx.fail(subject, comms->time_reference.loc,
                            "incident updates are timed in {}, not UTC", *comms->time_reference);
      f.evidence.emplace_back("time_reference", *comms->time_reference);
      f.remediation = "Set response.comms.time_reference: UTC: local times across regions are "
                      "read wrongly during incidents";
    } else {
      ctx.pass(subject, comms->time_reference.loc, "incident updates are timed in UTC")
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
