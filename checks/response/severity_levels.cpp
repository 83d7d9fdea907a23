// checks/response/severity_levels.cpp
#include <fmt/ranges.h>

#include <chrono>
#include <string>
#include <vector>

#include "checks/engine/check.h"

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
      Finding& f =
          ctx.fail(subject, loc, "no severity levels defined (response.severities), minimum {}",
                   min_levels_);
      f.evidence.emplace_back("count", int64_t{0});
      f.evidence.emplace_back("minimum", min_levels_);
      f.remediation = fmt::format(
          "Define at least {} levels in response.severities, most severe first, each with "
          "criteria, ack, page and update_every",
          min_levels_);
      return;
    }

    std::vector<std::string> names;
    for (size_t i = 0; i < levels->size(); ++i)
      names.push_back((*levels)[i].level.value_or(fmt::format("#{}", i + 1)));
    const auto count = static_cast<int64_t>(levels->size());
    Finding& f = count >= min_levels_
                     ? ctx.pass(subject, plan.response->severities_loc,
                                "{} severity levels: {} (minimum {})", count,
                                fmt::join(names, ", "), min_levels_)
                     : ctx.fail(subject, plan.response->severities_loc,
                                "{} severity level{}: {}, minimum {}", count, count == 1 ? "" : "s",
                                fmt::join(names, ", "), min_levels_);
    f.evidence.emplace_back("levels", names);
    f.evidence.emplace_back("count", count);
    f.evidence.emplace_back("minimum", min_levels_);
    if (f.status == Status::Fail)
      f.remediation = fmt::format(
          "Define at least {} levels in response.severities, so that a minor fault is not "
          "handled like an outage",
          min_levels_);

    for (size_t i = 0; i < levels->size(); ++i) check_level((*levels)[i], i, ctx);
  }

 private:
  void check_level(const SeverityLevel& s, size_t index, Context& ctx) const {
    const std::string subject = subject_of("response.severities", s.level, index);
    const std::string name = s.level.value_or(fmt::format("level #{}", index + 1));
    const bool top = index == 0;

    std::vector<std::string> missing;
    if (!s.level) missing.push_back("level");
    if (!s.criteria) missing.push_back("criteria");
    if (!s.ack) missing.push_back("ack");
    if (!s.update_every) missing.push_back("update_every");
    const bool ack_too_slow = top && s.ack && *s.ack > top_ack_;

    std::vector<std::string> problems;
    if (!missing.empty()) problems.push_back(fmt::format("no {}", fmt::join(missing, ", no ")));
    if (ack_too_slow)
      problems.push_back(fmt::format("the top level's ack is {}, limit {}", format_duration(*s.ack),
                                     format_duration(top_ack_)));

    if (!problems.empty()) {
      Finding& f = ctx.fail(subject, ack_too_slow && missing.empty() ? s.ack.loc : s.loc, "{}: {}",
                            name, fmt::join(problems, "; "));
      if (!missing.empty()) f.evidence.emplace_back("missing", missing);
      add_ack_evidence(f, s, top);
      f.remediation =
          ack_too_slow && missing.empty()
              ? fmt::format(
                    "Lower response.severities[{}].ack of {} to {} or less: the most "
                    "severe incidents must be acknowledged quickly",
                    index, name, format_duration(top_ack_))
              : fmt::format(
                    "Give {} {} in response.severities[{}]{}", name, fmt::join(missing, ", "),
                    index,
                    ack_too_slow ? fmt::format(", with ack ≤ {}", format_duration(top_ack_)) : "");
      return;
    }
    Finding& f =
        top ? ctx.pass(subject, s.ack.loc, "{}: ack {} (top level, limit {}), update every {}",
                       name, format_duration(*s.ack), format_duration(top_ack_),
                       format_duration(*s.update_every))
            : ctx.pass(subject, s.loc, "{}: ack {}, update every {}", name, format_duration(*s.ack),
                       format_duration(*s.update_every));
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
