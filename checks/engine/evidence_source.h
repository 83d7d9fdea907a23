#pragma once
/// Where a dated piece of evidence comes from: written in the plan, or read from the running
/// world when the checks run (`backups[].last_success: live`, `{prometheus: 'QUERY'}` for
/// `backups[].last_success`, `backups[].restore_test.at` and `drills[].at`).

#include <string>

#include "checks/engine/field.h"
#include "checks/engine/source_loc.h"

namespace golive {

/// How the instant of a dated value is known. Plan: the Field<Instant> beside it holds it.
/// Otherwise that Field is empty and a live check reads the instant (checks/engine/live_evidence.h).
struct InstantSource {
  enum class Kind {
    Plan,        ///< written in the plan: an RFC 3339 instant or a bare date
    Object,      ///< `live`: the backup object's Last-Modified (HTTP, S3) or mtime (file)
    Prometheus,  ///< `{prometheus: 'QUERY'}`: a PromQL instant query giving Unix seconds
  };
  Kind kind = Kind::Plan;
  /// The PromQL expression (Prometheus), at its position in the plan.
  Field<std::string> query;
  /// Where `live` or the `{prometheus: …}` mapping is written.
  SourceLoc loc;

  /// True when the instant is read live, not written in the plan.
  bool live() const { return kind != Kind::Plan; }
};

}  // namespace golive
