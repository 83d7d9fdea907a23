// checks/response/severity_levels.cpp
#include <fmt/ranges.h>

#include <chrono>
#include <string>
#include <vector>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"

namespace golive {
namespace {

using namespace std::chrono_literals;

/// Fails when fewer than min_levels severity levels are defined, when a level lacks
/// criteria, ack or update_every, or when the top level (the first listed) must be
/// acknowledged later than top_ack.
class SeverityLevels final : public Check {
 public:
  explicit SeverityLevels(const Params& p)
      : min_levels_(p.integer("min_levels", 3)), top_ack_(p.duration("top_ack", 15min)) {}

  void run(const Plan& plan, Context& ctx) const override {
    const std::string subject = "response.severities";
    const std::vector<SeverityLevel>* levels = plan.response ? &plan.response->severities : nullptr;
    if (!levels || levels->empty()) {
      SourceLoc loc = plan.response ? plan.response->severities_loc : plan.loc;
      Finding& f = ctx.add(Status::Fail, subject, loc,
                           message("findings.response.severity-levels.none", fmt::arg("min", min_levels_)));
      f.evidence.emplace_back("count", int64_t{0});
      f.evidence.emplace_back("minimum", min_levels_);
      f.remediation = message("fixes.response.severity-levels.none", fmt::arg("min", min_levels_));
      return;
    }

    std::vector<std::string> names;
    for (size_t i = 0; i < levels->size(); ++i)
      names.push_back((*levels)[i].level.value_or(fmt::format("#{}", i + 1)));
    const auto count = static_cast<int64_t>(levels->size());
    const std::string listed = fmt::to_string(fmt::join(names, message_text("findings.engine.join.list")));
    Finding& f = count >= min_levels_
                     ? ctx.add(Status::Pass, subject, plan.response->severities_loc,
                               message("findings.response.severity-levels.enough", fmt::arg("count", count),
                                       fmt::arg("levels", listed), fmt::arg("min", min_levels_)))
                 : count == 1 ? ctx.add(Status::Fail, subject, plan.response->severities_loc,
                                        message("findings.response.severity-levels.too_few_one",
                                                fmt::arg("levels", listed), fmt::arg("min", min_levels_)))
                              : ctx.add(Status::Fail, subject, plan.response->severities_loc,
                                        message("findings.response.severity-levels.too_few", fmt::arg("count", count),
                                                fmt::arg("levels", listed), fmt::arg("min", min_levels_)));
    f.evidence.emplace_back("levels", names);
    f.evidence.emplace_back("count", count);
    f.evidence.emplace_back("minimum", min_levels_);
    if (f.status == Status::Fail)
      f.remediation = message("fixes.response.severity-levels.too_few", fmt::arg("min", min_levels_));

    for (size_t i = 0; i < levels->size(); ++i) check_level((*levels)[i], i, ctx);
  }

 private:
  void check_level(const SeverityLevel& s, size_t index, Context& ctx) const {
    const std::string subject = subject_of("response.severities", s.level, index);
    const std::string name =
        s.level ? *s.level : message("findings.response.severity-levels.unnamed", fmt::arg("number", index + 1));
    const bool top = index == 0;

    std::vector<std::string> missing;
    if (!s.level) missing.push_back("level");
    if (!s.criteria) missing.push_back("criteria");
    if (!s.ack) missing.push_back("ack");
    if (!s.update_every) missing.push_back("update_every");
    const bool ack_too_slow = top && s.ack && *s.ack > top_ack_;

    std::vector<std::string> problems;
    if (!missing.empty())
      problems.push_back(message("findings.response.severity-levels.missing",
                                 fmt::arg("keys", fmt::join(missing, message_text("findings.engine.join.nor")))));
    if (ack_too_slow)
      problems.push_back(message("findings.response.severity-levels.slow_ack", fmt::arg("ack", say_duration(*s.ack)),
                                 fmt::arg("limit", say_duration(top_ack_))));

    if (!problems.empty()) {
      Finding& f = ctx.add(Status::Fail, subject, ack_too_slow && missing.empty() ? s.ack.loc : s.loc,
                           message("findings.response.severity-levels.problems", fmt::arg("level", name),
                                   fmt::arg("problems", fmt::join(problems, message_text("findings.engine.join.clauses")))));
      if (!missing.empty()) f.evidence.emplace_back("missing", missing);
      add_ack_evidence(f, s, top);
      const std::string keys = fmt::to_string(fmt::join(missing, message_text("findings.engine.join.list")));
      f.remediation =
          !missing.empty() && ack_too_slow
              ? message("fixes.response.severity-levels.missing_and_ack", fmt::arg("level", name), fmt::arg("keys", keys),
                        fmt::arg("index", index), fmt::arg("limit", say_duration(top_ack_)))
          : !missing.empty() ? message("fixes.response.severity-levels.missing", fmt::arg("level", name),
                                       fmt::arg("keys", keys), fmt::arg("index", index))
                             : message("fixes.response.severity-levels.slow_ack", fmt::arg("index", index),
                                       fmt::arg("level", name), fmt::arg("limit", say_duration(top_ack_)));
      return;
    }
    Finding& f =
        top ? ctx.add(Status::Pass, subject, s.ack.loc,
                      message("findings.response.severity-levels.top", fmt::arg("level", name),
                              fmt::arg("ack", say_duration(*s.ack)), fmt::arg("limit", say_duration(top_ack_)),
                              fmt::arg("every", say_duration(*s.update_every))))
            : ctx.add(Status::Pass, subject, s.loc,
                      message("findings.response.severity-levels.level", fmt::arg("level", name),
                              fmt::arg("ack", say_duration(*s.ack)), fmt::arg("every", say_duration(*s.update_every))));
    add_ack_evidence(f, s, top);
    f.evidence.emplace_back("update_every", format_duration(*s.update_every));
  }

  void add_ack_evidence(Finding& f, const SeverityLevel& s, bool top) const {
    if (s.ack) {
      f.evidence.emplace_back("ack", format_duration(*s.ack));
      f.evidence.emplace_back("ack_seconds", int64_t{s.ack->count()});
    }
    if (top) {
      f.evidence.emplace_back("limit", format_duration(top_ack_));
      f.evidence.emplace_back("limit_seconds", int64_t{top_ack_.count()});
    }
  }

  int64_t min_levels_;
  Duration top_ack_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    SeverityLevels, .id = "response.severity-levels", .severity = Severity::Gate,
    .title = "Severity levels are defined, complete, and the top one is acknowledged fast",
    .why =
        "The response to an incident is scaled by its severity: who is paged, how fast "
        "someone must acknowledge, how often the status is updated. Without at least "
        "min_levels levels everything is either an outage or ignored; a level without "
        "criteria cannot be assigned, one without ack or update_every sets no expectation. "
        "The top level is the first one listed and its ack must be within top_ack.",
    .fix =
        "List at least min_levels levels in response.severities, most severe first, each "
        "with criteria, ack and update_every; keep the top level's ack within top_ack.",
    .reads = {"response.severities[].level", "response.severities[].criteria",
              "response.severities[].ack", "response.severities[].update_every"},
    .live = false);

}  // namespace golive
