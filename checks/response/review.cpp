// checks/response/review.cpp
#include <fmt/ranges.h>

#include <chrono>
#include <string>
#include <vector>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"

namespace golive {
namespace {

using namespace std::chrono_literals;

/// Warns when the post-incident review has no owner, no due time, or is due later than
/// max_due after the incident.
class ResponseReview final : public Check {
 public:
  explicit ResponseReview(const Params& p) : max_due_(p.duration("max_due", 10 * 24h)) {}

  void run(const Plan& plan, Context& ctx) const override {
    const std::string subject = "response.review";
    if (!plan.response || !plan.response->review) {
      Finding& f = ctx.add(Status::Fail, subject, plan.response ? plan.response->loc : plan.loc,
                           message("findings.response.review.none"));
      f.remediation = message("fixes.response.review.none", fmt::arg("limit", say_duration(max_due_)));
      return;
    }
    const golive::Review& r = *plan.response->review;
    std::vector<std::string> missing;
    if (!r.owner) missing.push_back("owner");
    if (!r.due) missing.push_back("due");
    if (!missing.empty()) {
      Finding& f = ctx.add(Status::Fail, subject, r.loc,
                           message("findings.response.review.missing",
                                   fmt::arg("keys", fmt::join(missing, message_text("findings.engine.join.nor")))));
      f.evidence.emplace_back("missing", missing);
      f.remediation = message("fixes.response.review.missing",
                              fmt::arg("keys", fmt::join(missing, message_text("findings.engine.join.and"))));
      return;
    }
    Finding& f = ctx.add(*r.due <= max_due_ ? Status::Pass : Status::Fail, subject, r.due.loc,
                         message("findings.response.review.defined", fmt::arg("owner", *r.owner),
                                 fmt::arg("due", say_duration(*r.due)), fmt::arg("limit", say_duration(max_due_))));
    f.evidence.emplace_back("owner", *r.owner);
    f.evidence.emplace_back("due", format_duration(*r.due));
    f.evidence.emplace_back("due_seconds", int64_t{r.due->count()});
    f.evidence.emplace_back("limit", format_duration(max_due_));
    f.evidence.emplace_back("limit_seconds", int64_t{max_due_.count()});
    if (f.status == Status::Fail)
      f.remediation = message("fixes.response.review.late", fmt::arg("limit", say_duration(max_due_)));
  }

 private:
  Duration max_due_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    ResponseReview, .id = "response.review", .severity = Severity::Warn,
    .title = "A post-incident review has an owner and is held promptly",
    .why =
        "The last stage of the response (总结改进) turns an incident into fixes to the "
        "system and to the plan. Without an owner it does not happen; held more than max_due "
        "after the incident, memories and logs are gone.",
    .fix = "Set response.review.owner and a response.review.due within max_due.",
    .reads = {"response.review.owner", "response.review.due"}, .live = false);

}  // namespace golive
