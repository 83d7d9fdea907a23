// checks/drills/recent.cpp
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/engine/plan_values.h"
#include "checks/engine/dated_evidence.h"
#include "checks/engine/live_evidence.h"

namespace golive {
namespace {

using namespace std::chrono_literals;

/// Fails for each required drill type without a passed drill within max_age.
class DrillsRecent final : public Check {
 public:
  explicit DrillsRecent(const Params& p)
      : types_(p.list("types", {"rollback", "restore"})), max_age_(p.duration("max_age", 365 * 24h)) {}

  void run(const Plan& plan, Context& ctx) const override {
    for (const std::string& type : types_) check(plan, type, ctx);
  }

 private:
  void check(const Plan& plan, const std::string& type, Context& ctx) const {
    const std::string subject = fmt::format("drills[{}]", type);
    // Drills dated in the plan are judged now; when some are dated live, once every one of
    // their probes has answered (offline: not at all, the finding is a skip).
    auto state = std::make_shared<Pending>();
    for (const Drill& d : plan.drills)
      if (d.type && *d.type == type) state->dated.push_back({&d, d.at.value, {}});
    size_t live = 0;
    for (const Dated& x : state->dated) live += x.drill->at_source.live() ? 1 : 0;
    if (live == 0) {
      judge(plan, type, subject, state->dated, max_age_, ctx);
      return;
    }
    state->waiting = live;
    for (size_t i = 0; i < state->dated.size(); ++i) {
      const Drill& d = *state->dated[i].drill;
      if (!d.at_source.live()) continue;
      read_instant(ctx, plan, d.at, d.at_source, Text{}, "drills[].at",
                   [&plan, &ctx, state, i, type, subject, max_age = max_age_](ReadInstant read) {
                     Dated& x = state->dated[i];
                     x.at = read.at;
                     x.from = read.from;
                     if (!read.at && state->problem.problem.empty()) state->problem = std::move(read);
                     if (--state->waiting > 0) return;
                     if (!state->problem.problem.empty()) {
                       // One drill whose date cannot be read leaves the type undecided: a
                       // newer passed drill may be that one, an older one may be all there is.
                       ReadInstant& p = state->problem;
                       Finding& f = ctx.add(p.status, subject, p.loc, p.problem);
                       f.evidence = std::move(p.evidence);
                       f.evidence.emplace_back("type", type);
                       f.remediation = p.remediation;
                       return;
                     }
                     judge(plan, type, subject, state->dated, max_age, ctx);
                   });
    }
  }

  /// A drill of the type with its date, written or read live.
  struct Dated {
    const Drill* drill;
    std::optional<Instant> at;
    std::string from;  ///< ReadInstant::from: "" when written in the plan
  };
  /// The drills of one type while their live dates are read.
  struct Pending {
    std::vector<Dated> dated;
    size_t waiting = 0;
    ReadInstant problem;  ///< the first date that could not be read
  };

  static void judge(const Plan& plan, const std::string& type, const std::string& subject,
                    const std::vector<Dated>& drills, Duration max_age, Context& ctx) {
    const std::string redo = message("fixes.drills.recent.redo", fmt::arg("drill", say_drill(type)), fmt::arg("type", type));

    // The latest passed drill of this type dated at or before the as-of instant counts;
    // later-dated ones are only scheduled.
    const Dated* best = nullptr;
    const Dated* latest_any = nullptr;  // for saying why nothing counts
    std::vector<std::string> failed, scheduled;
    for (const Dated& x : drills) {
      const Drill& d = *x.drill;
      if (!latest_any || (x.at && (!latest_any->at || *x.at > *latest_any->at))) latest_any = &x;
      if (!x.at) continue;
      const std::string when = say_instant(*x.at, plan.zone());
      if (*x.at > ctx.as_of()) {
        scheduled.push_back(when);
        continue;
      }
      if (!d.result || *d.result != "pass") {
        failed.push_back(message("findings.drills.recent.failed_drill", fmt::arg("at", when),
                                 fmt::arg("result", d.result ? *d.result : message("findings.drills.recent.no_result"))));
        continue;
      }
      if (!best || *x.at > *best->at) best = &x;
    }

    if (!best) {
      std::string text;
      if (!latest_any) {
        text = message("findings.drills.recent.none", fmt::arg("drill", say_drill(type)), fmt::arg("type", type));
      } else {
        const std::string_view list = message_text("findings.join.parts");
        std::vector<std::string> why;
        if (!failed.empty())
          why.push_back(message("findings.drills.recent.not_passed", fmt::arg("drills", fmt::join(failed, list))));
        if (!scheduled.empty())
          why.push_back(message("findings.drills.recent.scheduled", fmt::arg("drills", fmt::join(scheduled, list))));
        if (why.empty()) why.push_back(message("findings.drills.recent.undated"));
        text = message("findings.drills.recent.none_because", fmt::arg("drill", say_drill(type)),
                       fmt::arg("why", fmt::join(why, message_text("findings.join.clauses"))));
      }
      Finding& f = ctx.add(Status::Fail, subject, latest_any ? latest_any->drill->loc : plan.drills_list_loc, text);
      f.evidence.emplace_back("type", type);
      f.evidence.emplace_back("limit", format_duration(max_age));
      f.evidence.emplace_back("limit_seconds", int64_t{max_age.count()});
      f.remediation = redo;
      return;
    }

    const Drill& d = *best->drill;
    const SourceLoc loc = best->from.empty() ? d.at.loc : d.at_source.query.loc;
    // A live date says what it was and where it came from; a typed one is in the plan.
    const Elapsed age = ctx.age(*best->at);
    const bool ok = age <= max_age;
    const std::string key = std::string("findings.drills.recent.") + (ok ? "passed" : "stale") +
                            (best->from.empty() ? "" : "_read");
    Finding& f = ctx.add(ok ? Status::Pass : Status::Fail, subject, loc,
                         message(key, fmt::arg("drill", say_drill(type)), fmt::arg("at", say_instant(*best->at, plan.zone())),
                                 fmt::arg("from", best->from), fmt::arg("age", say_duration(age)),
                                 fmt::arg("limit", say_duration(max_age))));
    f.evidence.emplace_back("type", type);
    add_age_evidence(f, plan, *best->at, age, max_age);
    if (d.report) f.evidence.emplace_back("report", *d.report);
    if (!best->from.empty()) {
      f.evidence.emplace_back("source", "prometheus");
      f.evidence.emplace_back("query", d.at_source.query.value_or(""));
    }
    if (ok)
      f.expires_at = *best->at + max_age;
    else
      f.remediation = redo;
  }

  std::vector<std::string> types_;
  Duration max_age_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    DrillsRecent, .id = "drills.recent", .severity = Severity::Gate,
    .title = "A drill of each required type passed within max_age",
    .why = "A plan the team has never practised fails on the first unexpected step: drills "
           "show that the runbooks work and that people know their part. For each type in "
           "`types` the latest drill dated at or before the as-of instant with result pass must "
           "be no older than max_age; drills dated later are only scheduled and do not count. "
           "One finding per type; the pass expires max_age after the drill. drills[].at may be read "
           "live from Prometheus ({prometheus: 'QUERY'}); a date that cannot be read makes the "
           "type's finding an error, and offline a skip.",
    .fix = "Run the missing drills with the go-live team and record them under drills.",
    .reads = {"drills[].type", "drills[].at", "drills[].result", "drills[].report"},
    .live = true);

}  // namespace golive
