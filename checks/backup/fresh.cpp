// checks/backup/fresh.cpp
#include <cctype>
#include <chrono>
#include <string>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/engine/live_evidence.h"
#include "checks/engine/probe.h"

namespace golive {
namespace {

using namespace std::chrono_literals;

/// Fails when a backup's last success is older than max_age or twice its schedule, is
/// missing, or is dated after the as-of instant.
class BackupFresh final : public Check {
 public:
  explicit BackupFresh(const Params& p) : max_age_(p.duration("max_age", 24h)) {}

  void run(const Plan& plan, Context& ctx) const override {
    for (size_t i = 0; i < plan.backups.size(); ++i) check(plan, plan.backups[i], i, ctx);
    if (plan.backups.empty())
      ctx.add(Status::Skip, "backups", plan.loc, message("findings.backup.no_backups"));
  }

 private:
  void check(const Plan& plan, const Backup& b, size_t index, Context& ctx) const {
    std::string subject = subject_of("backups", b.id, index);

    // The limit is the tighter of max_age and two scheduled runs: one missed run is
    // tolerated, two are not.
    Duration limit = max_age_;
    // Said in the run's language, in the message and in the evidence alike: a phrase for
    // people (`2 × schedule 1h`), or the parameter's name.
    std::string limited_by = "max_age";
    if (b.schedule && *b.schedule > Duration::zero() && 2 * *b.schedule < limit) {
      limit = 2 * *b.schedule;
      limited_by =
          message("findings.backup.fresh.two_schedules", fmt::arg("schedule", say_duration(*b.schedule)));
    }
    // Written in the plan, the judgement is made now; read live, when the probe answers.
    read_instant(ctx, plan, b.last_success, b.last_success_source, b.location,
                 "backups[].last_success",
                 [&plan, &b, &ctx, subject = std::move(subject), limit,
                  limited_by = std::move(limited_by)](ReadInstant read) {
                   judge(plan, b, ctx, subject, limit, limited_by, std::move(read));
                 });
  }

  static void judge(const Plan& plan, const Backup& b, Context& ctx, const std::string& subject,
                    Duration limit, const std::string& limited_by, ReadInstant read) {
    const std::string name = b.id.value_or(subject);
    if (!read.at && !read.problem.empty()) {
      // Live evidence that could not be read (offline: not read at all) never passes.
      Finding& f = ctx.add(read.status, subject, read.loc, read.problem);
      f.evidence = std::move(read.evidence);
      f.evidence.emplace_back("limit", format_duration(limit));
      f.evidence.emplace_back("limit_seconds", int64_t{limit.count()});
      f.remediation = read.remediation;
      return;
    }
    if (!read.at) {
      Finding& f = ctx.add(Status::Fail, subject, b.last_success.loc,
                           message("findings.backup.fresh.unrecorded"));
      f.evidence.emplace_back("limit", format_duration(limit));
      f.evidence.emplace_back("limit_seconds", int64_t{limit.count()});
      f.remediation = message("fixes.backup.fresh.record", fmt::arg("backup", name));
      return;
    }

    const Instant last = *read.at;
    const Elapsed age = ctx.age(last);
    const std::string last_text = format_instant_in(last, plan.zone());
    if (age < Duration::zero()) {
      Finding& f = ctx.add(Status::Fail, subject, read.loc,
                           message("findings.backup.fresh.future",
                                   fmt::arg("last", say_instant(last, plan.zone())),
                                   fmt::arg("ahead", say_duration(-age)),
                                   fmt::arg("as_of", say_instant(ctx.as_of(), plan.zone()))));
      f.evidence.emplace_back("last_success", last_text);
      f.evidence.emplace_back("age", format_duration(age));
      f.evidence.emplace_back("age_seconds", whole_seconds(age));
      f.remediation = message("fixes.backup.fresh.correct", fmt::arg("backup", name));
      return;
    }

    Finding f;
    f.status = age <= limit ? Status::Pass : Status::Fail;
    f.subject = subject;
    f.location = read.loc;
    // A live value says what it was and where it came from; a typed one is in the plan.
    f.message = read.from.empty()
                    ? message("findings.backup.fresh.age", fmt::arg("age", say_duration(age)),
                              fmt::arg("limit", say_duration(limit)),
                              fmt::arg("limited_by", limited_by))
                    : message("findings.backup.fresh.age_read",
                              fmt::arg("last", say_instant(last, plan.zone())),
                              fmt::arg("from", read.from), fmt::arg("age", say_duration(age)),
                              fmt::arg("limit", say_duration(limit)),
                              fmt::arg("limited_by", limited_by));
    f.evidence.emplace_back("last_success", last_text);
    f.evidence.emplace_back("age", format_duration(age));
    f.evidence.emplace_back("age_seconds", whole_seconds(age));
    f.evidence.emplace_back("limit", format_duration(limit));
    f.evidence.emplace_back("limit_seconds", int64_t{limit.count()});
    f.evidence.emplace_back("limited_by", limited_by);
    for (auto& e : read.evidence) f.evidence.push_back(std::move(e));
    if (f.status == Status::Pass) {
      f.expires_at = last + limit;
    } else {
      f.remediation =
          read.from.empty()
              ? message("fixes.backup.fresh.run", fmt::arg("datastore", b.datastore.value_or(name)))
              : message("fixes.backup.fresh.run_read", fmt::arg("datastore", b.datastore.value_or(name)),
                        fmt::arg("from", read.from));
    }
    if (f.status == Status::Pass && !b.last_success_source.live() && !ctx.offline() &&
        probeable(b.location)) {
      // Live: the object's own date must agree with the recorded last success. (A live
      // last_success is the object's date itself, or the backup job's own record.)
      Duration tolerance = b.schedule && *b.schedule > Duration::zero() ? *b.schedule : limit;
      HttpRequest req;
      req.method = HttpMethod::Head;
      req.url = *b.location;
      ctx.probe(std::move(req), [f = std::move(f), last, tolerance, zone = plan.zone(),
                                 location = *b.location, loc = b.location.loc,
                                 &ctx](const HttpResponse& r) mutable {
        agree(f, last, tolerance, zone, location, loc, r, ctx);
        Finding& out = ctx.add(f.status, f.subject, f.location, f.message);
        out = std::move(f);
      });
      return;
    }
    Finding& out = ctx.add(f.status, f.subject, f.location, f.message);
    out = std::move(f);
  }

  /// True for a location the probe layer can answer (the scheme is known and there is
  /// something after it); backup.exists reports the others.
  static bool probeable(const Text& location) {
    if (!location || location->empty()) return false;
    auto scheme_end = location->find("://");
    if (scheme_end == std::string::npos || scheme_end + 3 >= location->size()) return false;
    std::string scheme = location->substr(0, scheme_end);
    for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return scheme == "file" || scheme == "http" || scheme == "https" || scheme == "s3";
  }

  /// Completes a passing finding with the object's Last-Modified or mtime: more than
  /// `tolerance` (the schedule) before the recorded last success fails.
  static void agree(Finding& f, Instant last, Duration tolerance, const Zone* zone,
                    const std::string& location, const SourceLoc& loc, const HttpResponse& r,
                    Context& ctx) {
    const std::string where = redact(location);
    f.evidence.emplace_back("probed", true);
    if (!r.transport_ok()) {
      f.status = Status::Error;
      f.location = loc;
      f.message = message("findings.backup.fresh.unreadable", fmt::arg("location", where),
                          fmt::arg("reason", r.reason));
      f.expires_at.reset();
      // The same advice as backup.exists gives for the same location.
      f.remediation = message("fixes.backup.exists.reachable");
      return;
    }
    if (r.status >= 200 && r.status <= 299 && r.last_modified_invalid()) {
      // Fail closed: a date that cannot be read might be the one that contradicts the record.
      f.status = Status::Error;
      f.location = loc;
      f.message = message("findings.backup.fresh.bad_date", fmt::arg("location", where),
                          fmt::arg("value", *r.header("last-modified")));
      f.expires_at.reset();
      f.remediation = message("fixes.backup.fresh.http_date");
      return;
    }
    auto modified = r.status >= 200 && r.status <= 299 ? r.last_modified() : std::nullopt;
    if (!modified) {
      // Nothing to compare with: the declared record stands (backup.exists reports a
      // missing object).
      f.message += r.status >= 200 && r.status <= 299
                       ? message("findings.backup.fresh.no_date", fmt::arg("location", where))
                       : message("findings.backup.fresh.http_no_date", fmt::arg("location", where),
                                 fmt::arg("status", r.status));
      return;
    }
    const std::string modified_text = format_instant_in(*modified, zone);
    f.evidence.emplace_back("last_modified", modified_text);
    Elapsed behind = last - *modified;
    if (behind > tolerance) {
      f.status = Status::Fail;
      f.location = loc;
      f.message = message("findings.backup.fresh.behind", fmt::arg("location", where),
                          fmt::arg("modified", say_instant(*modified, zone)),
                          fmt::arg("behind", say_duration(behind)),
                          fmt::arg("last", say_instant(last, zone)),
                          fmt::arg("tolerance", say_duration(tolerance)));
      f.expires_at.reset();
      f.remediation = message("fixes.backup.fresh.writes");
      return;
    }
    const auto age = ctx.age(*modified);
    if (age < decltype(age)::zero())
      f.message += message("findings.backup.fresh.modified_future",
                           fmt::arg("modified", say_instant(*modified, zone)),
                           fmt::arg("ahead", say_duration(-age)));
    else
      f.message += message("findings.backup.fresh.modified_ago", fmt::arg("age", say_duration(age)));
  }

  Duration max_age_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    BackupFresh, .id = "backup.fresh", .severity = Severity::Gate,
    .title = "Backups are recent enough to restore from",
    .why = "A restore can only bring back what the last successful backup holds: an old "
           "backup means lost transactions if the go-live has to be undone. The age of "
           "last_success at the as-of instant must stay within max_age and within two "
           "scheduled runs (one missed run is tolerated); a date after the as-of instant is a "
           "recording error and fails. The pass expires when the backup goes stale. Live, the "
           "object's Last-Modified (in any HTTP date form) or mtime, when known, must agree; "
           "a Last-Modified that is not an HTTP date is an error. last_success may itself be read "
           "live: `live` (the object's Last-Modified or mtime) or {prometheus: 'QUERY'} (a Unix "
           "time in seconds); a value that cannot be read is an error, and offline a skip.",
    .fix = "Run the backup job, check its schedule and record backups[].last_success.",
    .reads = {"backups[].id", "backups[].datastore", "backups[].schedule",
              "backups[].last_success", "backups[].location"},
    .live = true);

}  // namespace golive
