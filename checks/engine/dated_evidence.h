#pragma once
/// Judging dated evidence: a restore test, failover test, load test, rehearsal or drill
/// must have passed, carry a date, and not be dated after the as-of instant before its
/// age means anything. Shared by the checks that require "passed within max_age".

#include <optional>
#include <string>
#include <string_view>

#include "checks/engine/check.h"

namespace golive {

/// Returns the age at the as-of instant of a passed, dated record. Otherwise adds one
/// `fail` finding for `subject` saying why the record cannot count (no result, result not
/// pass, no date, dated in the future) and returns nullopt. `what` names the record in
/// messages ("restore test of payments-db-hourly"), `path` is its plan key
/// ("backups[].restore_test"), `remediation` goes on every such failure except a future
/// date (which asks to correct the date).
std::optional<Elapsed> passed_record_age(const Plan& plan, Context& ctx, const std::string& subject,
                                          const TestRecord& t, std::string_view what,
                                          std::string_view path, const std::string& remediation);

/// When `at` is after the as-of instant, the words that say so ("{what} is dated in the
/// future: … is 3d after the as-of instant …"), for a finding or one of its clauses; nullopt
/// otherwise. passed_record_age() fails a record with the same words: every dated piece of
/// evidence (tests, drills, sign-offs, assessments) that is dated in the future is refused alike.
std::optional<std::string> dated_in_future(const Plan& plan, const Context& ctx, Instant at,
                                           std::string_view what);

/// The first half of passed_record_age(), for a record whose date is read live: true when
/// its result is pass; otherwise adds the same `fail` finding and returns false.
bool record_passed(Context& ctx, const std::string& subject, const TestRecord& t,
                   std::string_view what, const std::string& remediation);

/// Adds the evidence of an age compared with a limit: `tested_at` (in the plan's zone),
/// `age`, `age_seconds`, `limit`, `limit_seconds`.
void add_age_evidence(Finding& f, const Plan& plan, Instant at, Elapsed age, Duration limit);

/// An instant in the plan's zone followed by UTC, for evidence: `2026-12-05T03:55:00+08:00
/// (2026-12-04T19:55:00Z)`; UTC alone when the plan has no zone. Messages say an instant
/// once, in the plan's zone (say_instant()).
std::string local_and_utc(Instant t, const Plan& plan);

}  // namespace golive
