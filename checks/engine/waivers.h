#pragma once
/// Waivers (SPEC §7): a named person accepts a known risk until a date. A waiver file holds
/// a register of them; a matched, unexpired waiver turns a failing finding into `waived`.

#include <string>
#include <vector>

#include "checks/engine/result.h"
#include "checks/engine/source_loc.h"
#include "checks/engine/values.h"

namespace golive {

/// One entry of a waiver file's `waivers:` list.
struct Waiver {
  std::string check;        ///< a check id (exact)
  std::string plan;         ///< a plan id; "" = every plan
  std::string subject;      ///< exact or glob (`backups[*]`); "" = every subject
  std::string reason;
  std::string approved_by;  ///< contact id of the plan's commander or deputy
  std::string ticket;       ///< "" when none
  Instant expires;
  std::string path;         ///< where it is in the file, `waivers[0]`, for messages
  SourceLoc loc;            ///< the entry
  SourceLoc check_loc, plan_loc, approved_by_loc, expires_loc;
};

/// A waiver file as read.
struct WaiverFile {
  std::string path;
  std::string sha256;  ///< of the file's bytes
  std::vector<Waiver> waivers;
};

/// A waiver expiring within this long of the as-of instant is a warning.
inline constexpr Duration kWaiverExpiringSoon = std::chrono::days(7);

/// What a `check` id outside `known_checks` is: an error (`golive check`, which knows every
/// rule of its rulesets), or a warning (`golive validate`, which runs no ruleset and knows
/// only the built-in checks, while a plugin rule's id is valid).
enum class UnknownWaiverCheck { Error, Warning };

/// Reads a waiver file. `reason`, `approved_by` and `expires` are required; unknown keys
/// are errors (keys beginning with `x-` are ignored); a `check` that is not one of
/// `known_checks` is an error (or a warning, as `unknown` says) with the nearest id; a bare
/// date for `expires` is midnight UTC. Every problem of the file goes to `diags` at once, in
/// document order, with file:line:col and the entry's path (`waivers[2].check`); returns
/// nullopt on any error.
std::optional<WaiverFile> load_waiver_file(const std::string& path,
                                           const std::vector<std::string>& known_checks,
                                           Diagnostics& diags,
                                           UnknownWaiverCheck unknown = UnknownWaiverCheck::Error);

/// Applies the waivers to one plan's findings, evaluated at `as_of`:
/// - a fail or error of the waiver's check (and subject, plan) under an unexpired waiver
///   becomes `waived`, never blocking, with the waiver attached;
/// - an expired waiver waives nothing and adds a blocking `waivers.expired` finding;
/// - a waiver used here that expires within 7 days adds a `waivers.expiring` warning;
/// - a waiver whose approver is not the plan's commander or deputy is an error in `diags`.
/// `matched[i]` is set for every waiver (flattened over `files`) that matched a finding.
void apply_waivers(PlanResult& result, const std::vector<WaiverFile>& files, Instant as_of,
                   std::vector<bool>& matched, Diagnostics& diags);

}  // namespace golive
