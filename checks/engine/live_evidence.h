#pragma once
/// Dated evidence read live instead of typed (InstantSource): a backup object's
/// Last-Modified or mtime (`backups[].last_success: live`), or a PromQL instant query
/// returning a Unix timestamp in seconds (`{prometheus: 'QUERY'}` for
/// `backups[].last_success`, `backups[].restore_test.at` and `drills[].at`). Every way the
/// value can fail to be read is a distinct `error` (offline: `skip`), never a pass; what is
/// read carries its origin into the finding's message and evidence. docs/probes.md says
/// what is asked and how each answer is judged.

#include <functional>
#include <optional>
#include <string>

#include "checks/engine/check.h"

namespace golive {

/// A dated value as a check judges it: the instant, or why there is none.
struct ReadInstant {
  /// The instant; nullopt when it is not known (`problem` says why, or, for a value
  /// written in the plan, the key is absent and the check says so itself).
  std::optional<Instant> at;
  Status status = Status::Error;  ///< of `problem`: Skip offline, Error otherwise
  std::string problem;            ///< the finding's message when `at` is nullopt
  std::string remediation;        ///< for `problem`
  SourceLoc loc;                  ///< where the value, or its live form, is written
  /// Where a live value came from: `Prometheus: QUERY`, `Last-Modified of URL`,
  /// `mtime of file:///path`; "" for a value written in the plan.
  std::string from;
  /// Live only: `source` (prometheus | last-modified | mtime; offline: prometheus | object),
  /// what was asked (`query`, `prometheus`, `location`) and the raw answer (`value`, `series`).
  Evidence evidence;

  /// " (from Prometheus: QUERY)" after an instant in a message; "" for a plan value.
  std::string from_note() const { return from.empty() ? "" : " (from " + from + ")"; }
};

/// The probe that reads a live value at the as-of instant: a HEAD of `location` (Object)
/// or GET `/api/v1/query` of the plan's Prometheus (Prometheus), evaluated at the as-of
/// instant, or at the time of the run when the as-of instant is later (a forecast: the
/// latest value known). nullopt for a value written in the plan.
std::optional<HttpRequest> live_instant_request(const Plan& plan, const InstantSource& source,
                                                const Text& location, Instant as_of);

/// Judges the answer to live_instant_request(). `key` names the plan key in messages
/// (`backups[].last_success`). An unreachable server, a non-2xx answer, no series, several
/// series, a value that is not a finite non-negative number of seconds, a missing or
/// unreadable Last-Modified, and an instant after `as_of` are each an error saying so.
ReadInstant read_live_instant(const Plan& plan, const InstantSource& source, const Text& location,
                              const std::string& key, Instant as_of, const HttpResponse& r);

/// Reads a dated value for a check: a value written in the plan is given to `done` at once;
/// offline, a live one is given as a `skip` problem ("live only: …"); online, a probe is
/// queued and `done` runs from its callback, with ctx (which it may capture) still alive.
void read_instant(Context& ctx, const Plan& plan, const Field<Instant>& typed,
                  const InstantSource& source, const Text& location, const std::string& key,
                  std::function<void(ReadInstant)> done);

}  // namespace golive
