#include "checks/engine/result.h"

#include <algorithm>
#include <cmath>

namespace golive {

std::string_view to_string(Verdict v) {
  switch (v) {
    case Verdict::Ready: return "ready";
    case Verdict::ReadyWithWarnings: return "ready_with_warnings";
    case Verdict::NotReady: return "not_ready";
  }
  return "not_ready";
}

namespace {
// Skipped findings were not evaluated, so they neither raise nor lower the score.
double score_of(const Summary& s) {
  // Info findings are notes, not evidence for or against readiness.
  const int evaluated = s.passed + s.failed + s.warnings + s.errors + s.waived;
  if (evaluated == 0) return 100.0;
  return std::round(1000.0 * (s.passed + s.waived) / evaluated) / 10.0;
}
}  // namespace

void Summary::add(const Summary& other) {
  rules += other.rules;
  passed += other.passed;
  failed += other.failed;
  warnings += other.warnings;
  info += other.info;
  errors += other.errors;
  skipped += other.skipped;
  waived += other.waived;
  score = score_of(*this);
}

Summary summarize(const std::vector<Finding>& findings, int rules) {
  Summary s;
  s.rules = rules;
  for (const Finding& f : findings) {
    switch (f.status) {
      case Status::Pass: ++s.passed; break;
      case Status::Fail:
        ++(f.severity == Severity::Gate ? s.failed : f.severity == Severity::Warn ? s.warnings : s.info);
        break;
      case Status::Error: ++s.errors; break;
      case Status::Skip: ++s.skipped; break;
      case Status::Waived: ++s.waived; break;
    }
  }
  s.score = score_of(s);
  return s;
}

Verdict verdict_of(const std::vector<Finding>& findings) {
  bool warnings = false;
  for (const Finding& f : findings) {
    if (f.blocking) return Verdict::NotReady;
    // Only a warn rule warns: an info finding is for the reader, never for the verdict.
    if (f.severity == Severity::Warn && (f.status == Status::Fail || f.status == Status::Error))
      warnings = true;
  }
  return warnings ? Verdict::ReadyWithWarnings : Verdict::Ready;
}

namespace {
/// Until when a finding supports the verdict: a passing finding until its evidence expires,
/// a waived one until its waiver expires; nullopt when it does not expire.
std::optional<Instant> holds_until(const Finding& f) {
  if (f.status == Status::Pass) return f.expires_at;
  if (f.status == Status::Waived && f.waiver) return f.waiver->expires;
  return std::nullopt;
}
}  // namespace

std::vector<ValidUntil> expiring_before(const std::vector<Finding>& findings, Instant instant) {
  std::vector<ValidUntil> out;
  for (const Finding& f : findings)
    if (auto until = holds_until(f); until && *until < instant) out.push_back({*until, f.check, f.subject});
  std::stable_sort(out.begin(), out.end(),
                   [](const ValidUntil& a, const ValidUntil& b) { return a.at < b.at; });
  return out;
}

std::optional<ValidUntil> valid_until_of(const std::vector<Finding>& findings) {
  std::optional<ValidUntil> out;
  for (const Finding& f : findings)
    if (auto until = holds_until(f); until && (!out || *until < out->at)) out = ValidUntil{*until, f.check, f.subject};
  return out;
}

}  // namespace golive
