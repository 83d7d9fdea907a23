// checks/backup/exists.cpp
#include <algorithm>
#include <cctype>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"
#include "checks/engine/probe.h"

namespace golive {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

/// Why a backup location cannot be probed, or "" when it can.
std::string location_problem(const std::string& location) {
  auto scheme_end = location.find("://");
  if (scheme_end == std::string::npos)
    return fmt::format("location '{}' has no scheme (expected file://, http://, https:// or s3://)",
                       redact(location));
  std::string scheme = lower(std::string_view(location).substr(0, scheme_end));
  std::string rest = location.substr(scheme_end + 3);
  if (scheme != "file" && scheme != "http" && scheme != "https" && scheme != "s3")
    return fmt::format(
        "location '{}' uses the unsupported scheme {}:// (expected file://, http://, https:// or "
        "s3://)",
        redact(location), scheme);
  if (scheme == "s3") {
    auto slash = rest.find('/');
    if (slash == 0 || slash == std::string::npos || slash + 1 == rest.size())
      return fmt::format("location '{}' does not name a bucket and an object key (s3://bucket/key)",
                         redact(location));
  } else if (scheme == "file") {
    if (rest.empty() || rest == "/")
      return fmt::format("location '{}' does not name a file (file:///path/to/dump)",
                         redact(location));
  } else if (rest.empty() || rest.front() == '/') {
    return fmt::format("location '{}' does not name a host", redact(location));
  }
  return "";
}

/// The live verdict on one datastore, built up as the probes of its backups answer.
struct LiveExists {
  Finding draft;  // the declarative pass, completed when the last probe answers
  std::vector<std::string> missing;  // definite: absent or empty
  std::vector<std::string> unknown;  // the probe could not tell
  std::vector<std::string> found;    // "name: N bytes"
  SourceLoc problem_loc;
  size_t waiting = 0;
};

/// Classifies one answer about backup `name` at `location`.
void record(LiveExists& live, const std::string& name, const std::string& location,
            const SourceLoc& loc, const HttpResponse& r) {
  std::string where = redact(location);
  auto note = [&](std::vector<std::string>& list, std::string text) {
    if (live.missing.empty() && live.unknown.empty()) live.problem_loc = loc;
    list.push_back(fmt::format("backup {}: {}", name, text));
  };
  if (!r.transport_ok()) {
    if (r.error == ProbeError::NotFound)
      note(live.missing, fmt::format("{} does not exist ({})", where, r.reason));
    else
      note(live.unknown, fmt::format("could not probe {}: {}", where, r.reason));
  } else if (r.status == 404 || r.status == 410) {
    note(live.missing, fmt::format("{} does not exist (HTTP {})", where, r.status));
  } else if (r.status < 200 || r.status > 299) {
    note(live.unknown, fmt::format("{} answered HTTP {}", where, r.status));
  } else if (auto size = r.content_length(); !size) {
    note(live.unknown, fmt::format("{} did not report a size (Content-Length), so emptiness "
                                   "cannot be checked", where));
  } else if (*size == 0) {
    note(live.missing, fmt::format("{} is empty (0 bytes)", where));
  } else {
    live.found.push_back(fmt::format("{}: {} bytes", name, *size));
  }
}

/// Adds the finding once every backup of the datastore has been probed.
void conclude(LiveExists& live, const std::string& store, Context& ctx) {
  Finding f = std::move(live.draft);
  f.evidence.emplace_back("probed", true);
  f.evidence.emplace_back("found", live.found);
  if (live.missing.empty() && live.unknown.empty()) {
    f.message += fmt::format("; found {}", fmt::join(live.found, ", "));
  } else {
    std::vector<std::string> problems = live.missing;
    problems.insert(problems.end(), live.unknown.begin(), live.unknown.end());
    f.status = live.missing.empty() ? Status::Error : Status::Fail;
    f.message = fmt::format("{}", fmt::join(problems, "; "));
    f.location = live.problem_loc;
    f.remediation =
        live.missing.empty()
            ? "Make the backup location reachable from where golive runs (network, proxy, "
              "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, GOLIVE_S3_ENDPOINT, GOLIVE_CA_BUNDLE), "
              "then run again"
            : fmt::format("Check that the backup job of {} writes its dump to the declared "
                          "location, or correct backups[].location",
                          store);
  }
  Finding& out = ctx.add(f.status, f.subject, f.location, f.message);
  out = std::move(f);
}

/// Fails when a datastore declared by a system has no backup, or when one of its backups
/// has no location that golive can probe.
class BackupExists final : public Check {
 public:
  explicit BackupExists(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    std::unordered_set<std::string> seen;
    for (const System& sys : plan.systems) {
      for (const Ref& store : sys.datastores) {
        if (!store || !seen.insert(*store).second) continue;
        check_datastore(plan, sys, store, ctx);
      }
    }
    if (seen.empty())
      ctx.skip("datastores", plan.loc, "no system declares a datastore (systems[].datastores)");
  }

 private:
  static void check_datastore(const Plan& plan, const System& sys, const Ref& store, Context& ctx) {
    const std::string subject = fmt::format("datastores[{}]", *store);
    // A backup may name the whole system; it then covers each of the system's datastores.
    const std::vector<const Backup*> backups = plan.backups_of(*store, sys.id);
    if (backups.empty()) {
      Finding& f = ctx.fail(subject, store.loc, "no backup covers datastore {} of system {}",
                            *store, sys.id.value_or("?"));
      f.remediation = fmt::format(
          "Add a backup of {} under backups: with datastore: {}, its schedule and a location "
          "(file://, http(s):// or s3://)",
          *store, *store);
      return;
    }

    std::vector<std::string> names, locations, problems;
    SourceLoc first_problem;
    for (const Backup* b : backups) {
      std::string name = b->id.value_or("(unnamed)");
      names.push_back(name);
      std::string problem;
      if (!b->location || b->location->empty())
        problem = fmt::format("backup {} has no location", name);
      else if (auto p = location_problem(*b->location); !p.empty())
        problem = fmt::format("backup {}: {}", name, p);
      else
        locations.push_back(redact(*b->location));
      if (!problem.empty()) {
        if (problems.empty()) first_problem = b->location.loc;
        problems.push_back(std::move(problem));
      }
    }

    if (!problems.empty()) {
      std::string message;
      for (const auto& p : problems) message += (message.empty() ? "" : "; ") + p;
      Finding& f = ctx.fail(subject, first_problem, "{}", message);
      f.evidence.emplace_back("backups", names);
      f.remediation = fmt::format(
          "Give every backup of {} the location of its latest dump as file://, http(s):// or "
          "s3://bucket/key",
          *store);
      return;
    }
    std::string message = fmt::format("backed up by {} at {}", fmt::join(names, ", "),
                                      fmt::join(locations, ", "));
    if (ctx.offline()) {
      Finding& f = ctx.pass(subject, store.loc, "{}", message);
      f.evidence.emplace_back("backups", names);
      f.evidence.emplace_back("locations", locations);
      return;
    }
    // Live: every backup's object must exist and be non-empty; one finding per datastore
    // once the last of its probes has answered.
    auto live = std::make_shared<LiveExists>();
    live->draft.status = Status::Pass;
    live->draft.subject = subject;
    live->draft.location = store.loc;
    live->draft.message = std::move(message);
    live->draft.evidence.emplace_back("backups", names);
    live->draft.evidence.emplace_back("locations", locations);
    live->waiting = backups.size();
    for (const Backup* b : backups) {
      HttpRequest req;
      req.method = HttpMethod::Head;
      req.url = *b->location;
      std::string name = b->id.value_or("(unnamed)");
      ctx.probe(std::move(req), [live, name, location = *b->location, loc = b->location.loc,
                                 store = *store, &ctx](const HttpResponse& r) {
        record(*live, name, location, loc, r);
        if (--live->waiting == 0) conclude(*live, store, ctx);
      });
    }
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    BackupExists, .id = "backup.exists", .severity = Severity::Gate,
    .title = "Every datastore has a backup with a location",
    .why = "A datastore without a backup cannot be restored if the go-live corrupts it: the "
           "rollback then has nothing to roll back to. Each datastore listed under "
           "systems[].datastores needs a backup whose location golive can probe (file://, "
           "http(s):// or s3://); a backup whose `datastore` names the system covers all of its "
           "datastores. Live, the object at the location must exist and be non-empty.",
    .fix = "Declare a backup for each datastore under backups: with datastore and location.",
    .reads = {"systems[].id", "systems[].datastores", "backups[].datastore",
              "backups[].location"},
    .live = true);

}  // namespace golive
