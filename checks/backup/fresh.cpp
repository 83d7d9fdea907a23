// checks/backup/fresh.cpp
#include <cctype>
#include <chrono>
#include <string>

#include "checks/engine/check.h"
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
    if (plan.backups.empty()) ctx.skip("backups", plan.loc, "no backups declared (backups)");
  }

 private:
  void check(const Plan& plan, const Backup& b, size_t index, Context& ctx) const {
    std::string subject = subject_of("backups", b.id, index);

    // The limit is the tighter of max_age and two scheduled runs: one missed run is
    // tolerated, two are not.
    Duration limit = max_age_;
    std::string limited_by = "max_age";
    if (b.schedule && *b.schedule > Duration::zero() && 2 * *b.schedule < limit) {
      limit = 2 * *b.schedule;
      limited_by = fmt::format("2 × schedule {}", format_duration(*b.schedule));
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
      Finding& f = ctx.fail(subject, b.last_success.loc,
                            "no last_success recorded, so its age cannot be known");
      f.evidence.emplace_back("limit", format_duration(limit));
      f.evidence.emplace_back("limit_seconds", int64_t{limit.count()});
      f.remediation = fmt::format(
          "Run the backup job for {} and record its last successful run in "
          "backups[].last_success",
          name);
      return;
    }

    const Instant last = *read.at;
    const Elapsed age = ctx.age(last);
    const std::string last_text = format_instant_in(last, plan.zone());
    if (age < Duration::zero()) {
      Finding& f = ctx.fail(subject, read.loc,
                            "last success {} is dated in the future: {} after the as-of instant {}",
                            last_text, format_duration(-age),
                            format_instant_in(ctx.as_of(), plan.zone()));
      f.evidence.emplace_back("last_success", last_text);
      f.evidence.emplace_back("age", format_duration(age));
      f.evidence.emplace_back("age_seconds", whole_seconds(age));
      f.remediation = fmt::format(
          "Correct backups[].last_success of {}: take it from the backup job's log, with its UTC "
          "offset",
          name);
      return;
    }

    Finding f;
    f.status = age <= limit ? Status::Pass : Status::Fail;
    f.subject = subject;
    f.location = read.loc;
    // A live value says what it was and where it came from; a typed one is in the plan.
    f.message = read.from.empty()
                    ? fmt::format("last success {} ago, limit {} ({})", format_duration(age),
                                  format_duration(limit), limited_by)
                    : fmt::format("last success {}{}, {} ago, limit {} ({})", last_text,
                                  read.from_note(), format_duration(age), format_duration(limit),
                                  limited_by);
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
              ? fmt::format("Run the backup job for {} and check its schedule, then update "
                            "backups[].last_success",
                            b.datastore.value_or(name))
              : fmt::format("Run the backup job for {} and check its schedule: its last success "
                            "is read live, from {}",
                            b.datastore.value_or(name), read.from);
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
      f.message = fmt::format("could not read the date of {}: {}", where, r.reason);
      f.expires_at.reset();
      f.remediation =
          "Make the backup location reachable from where golive runs (network, proxy, "
          "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, GOLIVE_S3_ENDPOINT, GOLIVE_CA_BUNDLE), then "
          "run again";
      return;
    }
    if (r.status >= 200 && r.status <= 299 && r.last_modified_invalid()) {
      // Fail closed: a date that cannot be read might be the one that contradicts the record.
      f.status = Status::Error;
      f.location = loc;
      f.message = fmt::format("{} answered Last-Modified \"{}\", which is not an HTTP date (RFC 9110 §5.6.7)",
                              where, *r.header("last-modified"));
      f.expires_at.reset();
      f.remediation =
          "Make the server send Last-Modified as an HTTP date (e.g. \"Fri, 04 Dec 2026 02:30:00 GMT\"), or "
          "remove the header if it does not know the date";
      return;
    }
    auto modified = r.status >= 200 && r.status <= 299 ? r.last_modified() : std::nullopt;
    if (!modified) {
      // Nothing to compare with: the declared record stands (backup.exists reports a
      // missing object).
      f.message += r.status >= 200 && r.status <= 299
                       ? fmt::format("; {} reports no Last-Modified", where)
                       : fmt::format("; {} answered HTTP {}, its date is unknown", where, r.status);
      return;
    }
    const std::string modified_text = format_instant_in(*modified, zone);
    f.evidence.emplace_back("last_modified", modified_text);
    Elapsed behind = last - *modified;
    if (behind > tolerance) {
      f.status = Status::Fail;
      f.location = loc;
      f.message = fmt::format(
          "{} was last modified {}, {} before the recorded last success {} (tolerance {}): the "
          "recorded success is not the object at the location",
          where, modified_text, format_duration(behind), format_instant_in(last, zone),
          format_duration(tolerance));
      f.expires_at.reset();
      f.remediation =
          "Check that the backup job writes to backups[].location and that last_success is "
          "taken from the job's own log";
      return;
    }
    const auto age = ctx.age(*modified);
    if (age < decltype(age)::zero())
      f.message += fmt::format("; object modified in the future: {}, {} after the as-of instant", modified_text,
                               format_duration(-age));
    else
      f.message += fmt::format("; object modified {} ago", format_duration(age));
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
