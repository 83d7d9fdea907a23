#pragma once
/// The Check interface, its parameters and findings, and one-line self-registration.
///
/// A check reads the typed plan and reports one finding per subject (a backup, a system,
/// a link…). Checks never print and never exit: problems in the *plan file* are caught by
/// the loader; problems in the *system being checked* are findings; a check that throws
/// becomes an `error` finding (the runner catches it), never a crash.

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "checks/engine/plan.h"
#include "checks/engine/probe.h"
#include "checks/engine/source_loc.h"
#include "checks/engine/values.h"

namespace golive {

/// How much a rule's failure matters: a failed `gate` blocks the go-live.
enum class Severity { Gate, Warn, Info };
/// The outcome for one subject.
enum class Status { Pass, Fail, Error, Skip, Waived };

std::string_view to_string(Severity s);
std::string_view to_string(Status s);
std::optional<Severity> parse_severity(std::string_view s);

/// One measured fact behind a finding: text, number, flag or list of texts.
class EvidenceValue {
 public:
  EvidenceValue(std::string s) : v_(std::move(s)) {}
  EvidenceValue(const char* s) : v_(std::string(s)) {}
  EvidenceValue(double d) : v_(d) {}
  EvidenceValue(int64_t i) : v_(i) {}
  EvidenceValue(int i) : v_(int64_t{i}) {}
  EvidenceValue(size_t i) : v_(static_cast<int64_t>(i)) {}
  EvidenceValue(bool b) : v_(b) {}
  EvidenceValue(std::vector<std::string> l) : v_(std::move(l)) {}
  const auto& get() const { return v_; }

 private:
  std::variant<std::string, double, int64_t, bool, std::vector<std::string>> v_;
};

/// Measured values behind a finding, in the order they were added ("age", "limit"…).
using Evidence = std::vector<std::pair<std::string, EvidenceValue>>;

/// A waiver that turned a finding into `waived` (SPEC §7).
struct AppliedWaiver {
  std::string reason;
  std::string approved_by;
  std::string ticket;
  Instant expires;
  SourceLoc loc;  ///< where the waiver is written
};

/// The result of a rule for one subject.
struct Finding {
  // Set by the check.
  Status status = Status::Pass;
  std::string subject;  ///< "backups[payments-db-hourly]", "plan", "links[wan-a]"
  std::string message;
  SourceLoc location;   ///< where in the plan to look
  Evidence evidence;
  std::string remediation;         ///< what to change; the check's `fix` text when empty
  std::optional<Instant> expires_at;  ///< when this evidence goes stale (time-based passes)

  // Set by the runner.
  std::string check;
  std::string category;
  Severity severity = Severity::Gate;
  bool blocking = false;  ///< fail or error of a gate, not waived
  std::optional<AppliedWaiver> waiver;
};

/// One parameter value written in a ruleset: a scalar or a list of scalars.
struct ParamValue {
  SourceLoc loc;
  std::vector<std::string> items;
  bool is_list = false;
};

/// A check parameter as documented by `golive explain`.
struct ParamDoc {
  std::string name;
  std::string kind;           ///< duration | number | integer | text | list | hours
  std::string default_value;  ///< printed the way a ruleset would write it
};

/// A rule's parameters, read once in the check's constructor with their defaults:
/// `max_age_(p.duration("max_age", 24h))`. Every lookup is recorded, which gives
/// `explain` its parameter table and lets the runner reject unknown parameter names.
/// A value of the wrong type throws InputError at the ruleset's position.
class Params {
 public:
  Params() = default;
  explicit Params(std::vector<std::pair<std::string, ParamValue>> values)
      : values_(std::move(values)) {}

  Duration duration(std::string_view name, Duration def) const;
  double number(std::string_view name, double def) const;
  int64_t integer(std::string_view name, int64_t def) const;
  std::string text(std::string_view name, std::string def) const;
  std::vector<std::string> list(std::string_view name, std::vector<std::string> def) const;
  HoursRange hours(std::string_view name, HoursRange def) const;

  const std::vector<ParamDoc>& requested() const { return requested_; }
  const std::vector<std::pair<std::string, ParamValue>>& values() const { return values_; }

 private:
  const ParamValue* find(std::string_view name, std::string kind, std::string def) const;
  std::vector<std::pair<std::string, ParamValue>> values_;
  mutable std::vector<ParamDoc> requested_;
};

/// What a check sees of the run, and where it reports findings.
class Context {
 public:
  Context(const Plan& plan, Instant as_of, bool offline)
      : plan_(plan), as_of_(as_of), offline_(offline) {}

  const Plan& plan() const { return plan_; }
  /// The instant evidence ages are measured at (`--as-of`).
  Instant as_of() const { return as_of_; }
  /// Age of a piece of evidence at the as-of instant (negative if dated in the future).
  Elapsed age(Instant t) const { return as_of_ - t; }
  /// True with `--offline`: live probes must not run.
  bool offline() const { return offline_; }

  /// Adds a finding; the returned reference is valid until the check returns, for setting
  /// evidence, remediation and expires_at.
  Finding& add(Status status, std::string subject, SourceLoc loc, std::string message);

  template <class... A>
  Finding& pass(std::string subject, SourceLoc loc, fmt::format_string<A...> f, A&&... a) {
    return add(Status::Pass, std::move(subject), std::move(loc), fmt::format(f, std::forward<A>(a)...));
  }
  template <class... A>
  Finding& fail(std::string subject, SourceLoc loc, fmt::format_string<A...> f, A&&... a) {
    return add(Status::Fail, std::move(subject), std::move(loc), fmt::format(f, std::forward<A>(a)...));
  }
  template <class... A>
  Finding& error(std::string subject, SourceLoc loc, fmt::format_string<A...> f, A&&... a) {
    return add(Status::Error, std::move(subject), std::move(loc), fmt::format(f, std::forward<A>(a)...));
  }
  template <class... A>
  Finding& skip(std::string subject, SourceLoc loc, fmt::format_string<A...> f, A&&... a) {
    return add(Status::Skip, std::move(subject), std::move(loc), fmt::format(f, std::forward<A>(a)...));
  }

  /// Queues a live probe; `done` runs after every check of the plan has run and all
  /// queued probes have finished, and adds the live findings. Check offline() first: with
  /// `--offline` nothing is queued and `done` never runs. `done` may capture this Context
  /// by reference (it outlives the callbacks) but not the Check (`this`). A callback that
  /// throws becomes an `error` finding of this check.
  void probe(HttpRequest request, ProbeCallback done);

  /// Moves the findings out (for the runner).
  std::vector<Finding> take();
  /// Moves the queued probes out (for the runner: see run_probes()).
  std::vector<PendingProbe> take_probes();

 private:
  const Plan& plan_;
  Instant as_of_;
  bool offline_;
  std::deque<Finding> findings_;  // deque: references from add() stay valid
  std::vector<PendingProbe> probes_;
};

/// A subject name: `backups[payments-db-hourly]`, or `backups[2]` when the item has no id.
std::string subject_of(std::string_view list, const Text& id, size_t index);

/// For the critical checks: when plan.scenarios lists `critical` but no system is tier 1,
/// adds a `fail` finding about `systems` saying so (the critical gates would otherwise find
/// nothing to hold to the tier-1 limits and read as passed) and returns true.
bool critical_tag_without_tier1(const Plan& plan, Context& ctx);

/// A check: constructed once per run from its rule's parameters, then run on each plan.
class Check {
 public:
  virtual ~Check() = default;
  virtual void run(const Plan& plan, Context& ctx) const = 0;
};

/// Static description of a check, given at registration. Fields in this order.
struct CheckInfo {
  std::string id;              ///< `category.kebab-name`; category = folder under checks/
  Severity severity = Severity::Gate;  ///< default severity
  std::string title;           ///< one line: what passes
  std::string why;             ///< why it matters, for `explain`
  std::string fix;             ///< how to fix a failure: the default remediation
  std::vector<std::string> reads;  ///< plan keys read (`backups[].last_success`)
  bool live = false;           ///< has a part that probes the running world
  /// The file that registered it (`__FILE__`, set by GOLIVE_REGISTER_CHECK): the registry
  /// test checks that the category is the folder under checks/.
  std::string source_file{};

  // Filled by the registry. (Default member initializers keep g++ from warning about
  // them in the designated initializers of GOLIVE_REGISTER_CHECK; fields a check must
  // give have none, so leaving one out is a compile error under -Werror.)
  std::string category{};
  std::function<std::unique_ptr<Check>(const Params&)> make{};
};

/// Adds a check to the registry; used through GOLIVE_REGISTER_CHECK. Returns false when
/// the id was already registered (the first registration stays; see
/// registration_conflicts()).
bool register_check(CheckInfo info);

/// An id registered more than once: a copy-pasted check that kept its original id.
struct RegistrationConflict {
  std::string id;
  std::string first_file;   ///< source_file of the registration that was kept
  std::string second_file;  ///< source_file of the one refused
};

/// Every refused duplicate registration, in registration order.
const std::vector<RegistrationConflict>& registration_conflicts();

/// Every registered check, sorted by id.
std::vector<const CheckInfo*> all_checks();
/// The ids of all_checks(), in the same order: what a check id given by a user is matched
/// against (`--only`, `--skip`, waivers, rulesets, "did you mean").
std::vector<std::string> all_check_ids();
/// The check with this id, or nullptr.
const CheckInfo* find_check(std::string_view id);

template <class C>
bool register_check_class(CheckInfo info, const char* source_file = "") {
  info.make = [](const Params& p) -> std::unique_ptr<Check> { return std::make_unique<C>(p); };
  if (info.source_file.empty()) info.source_file = source_file;
  return register_check(std::move(info));
}

}  // namespace golive

/// Registers a check class next to its definition. The class takes `const Params&`.
///   GOLIVE_REGISTER_CHECK(BackupFresh, .id = "backup.fresh", .severity = Severity::Gate,
///                         .title = "...", .why = "...", .fix = "...", .reads = {...});
#define GOLIVE_REGISTER_CHECK(Class, ...)                                                   \
  [[maybe_unused]] static const bool golive_registered_##Class =                            \
      ::golive::register_check_class<Class>(::golive::CheckInfo{__VA_ARGS__}, __FILE__)
