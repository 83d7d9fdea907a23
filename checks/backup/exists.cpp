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
#include "checks/engine/i18n.h"
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
    return message("findings.backup.exists.no_scheme", fmt::arg("location", redact(location)));
  std::string scheme = lower(std::string_view(location).substr(0, scheme_end));
  std::string rest = location.substr(scheme_end + 3);
  if (scheme != "file" && scheme != "http" && scheme != "https" && scheme != "s3")
    return message("findings.backup.exists.bad_scheme", fmt::arg("location", redact(location)),
                   fmt::arg("scheme", scheme));
  if (scheme == "s3") {
    auto slash = rest.find('/');
    if (slash == 0 || slash == std::string::npos || slash + 1 == rest.size())
      return message("findings.backup.exists.no_bucket", fmt::arg("location", redact(location)));
  } else if (scheme == "file") {
    if (rest.empty() || rest == "/")
      return message("findings.backup.exists.no_file", fmt::arg("location", redact(location)));
  } else if (rest.empty() || rest.front() == '/') {
    return message("findings.backup.exists.no_host", fmt::arg("location", redact(location)));
  }
  return "";
}

/// The live verdict on one datastore, built up as the probes of its backups answer.
struct LiveExists {
  Finding draft;  // the declarative pass, completed when the last probe answers
  std::vector<std::string> missing;  // definite: absent or empty
  std::vector<std::string> unknown;  // the probe could not tell
  std::vector<std::string> found;    // "name: N bytes", the evidence (English in every language)
  std::vector<std::string> found_said;  // the same in the run's language, for the message
  SourceLoc problem_loc;
  size_t waiting = 0;
};

/// Classifies one answer about backup `name` at `location`.
void record(LiveExists& live, const std::string& name, const std::string& location,
            const SourceLoc& loc, const HttpResponse& r) {
  std::string where = redact(location);
  auto note = [&](std::vector<std::string>& list, std::string text) {
    if (live.missing.empty() && live.unknown.empty()) live.problem_loc = loc;
    list.push_back(message("findings.backup.exists.backup_problem", fmt::arg("backup", name),
                           fmt::arg("problem", text)));
  };
  if (!r.transport_ok()) {
    if (r.error == ProbeError::NotFound)
      note(live.missing, message("findings.backup.exists.not_found", fmt::arg("location", where),
                                 fmt::arg("reason", r.reason)));
    else
      note(live.unknown, message("findings.backup.exists.unreachable", fmt::arg("location", where),
                                 fmt::arg("reason", r.reason)));
  } else if (r.status == 404 || r.status == 410) {
    note(live.missing, message("findings.backup.exists.gone", fmt::arg("location", where),
                               fmt::arg("status", r.status)));
  } else if (r.status < 200 || r.status > 299) {
    note(live.unknown, message("findings.backup.exists.http", fmt::arg("location", where),
                               fmt::arg("status", r.status)));
  } else if (auto size = r.content_length(); !size) {
    note(live.unknown, message("findings.backup.exists.no_size", fmt::arg("location", where)));
  } else if (*size == 0) {
    note(live.missing, message("findings.backup.exists.empty", fmt::arg("location", where)));
  } else {
    live.found.push_back(fmt::format("{}: {} bytes", name, *size));
    live.found_said.push_back(message("findings.backup.exists.size", fmt::arg("backup", name),
                                      fmt::arg("bytes", *size)));
  }
}

/// Adds the finding once every backup of the datastore has been probed.
void conclude(LiveExists& live, const std::string& store, Context& ctx) {
  Finding f = std::move(live.draft);
  f.evidence.emplace_back("probed", true);
  f.evidence.emplace_back("found", live.found);
  if (live.missing.empty() && live.unknown.empty()) {
    f.message += message("findings.backup.exists.found",
                         fmt::arg("found", fmt::join(live.found_said, message_text("findings.join.list"))));
  } else {
    std::vector<std::string> problems = live.missing;
    problems.insert(problems.end(), live.unknown.begin(), live.unknown.end());
    f.status = live.missing.empty() ? Status::Error : Status::Fail;
    f.message = fmt::format("{}", fmt::join(problems, message_text("findings.join.clauses")));
    f.location = live.problem_loc;
    f.remediation =
        live.missing.empty()
            ? message("fixes.backup.exists.reachable")
            : message("fixes.backup.exists.writes", fmt::arg("datastore", store));
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
      ctx.add(Status::Skip, "datastores", plan.loc, message("findings.backup.exists.no_datastores"));
  }

 private:
  static void check_datastore(const Plan& plan, const System& sys, const Ref& store, Context& ctx) {
    const std::string subject = fmt::format("datastores[{}]", *store);
    // A backup may name the whole system; it then covers each of the system's datastores.
    const std::vector<const Backup*> backups = plan.backups_of(*store, sys.id);
    if (backups.empty()) {
      Finding& f = ctx.add(Status::Fail, subject, store.loc,
                           message("findings.backup.exists.uncovered", fmt::arg("datastore", *store),
                                   fmt::arg("system", sys.id.value_or("?"))));
      f.remediation = message("fixes.backup.exists.add", fmt::arg("datastore", *store));
      return;
    }

    std::vector<std::string> names, locations, problems;
    SourceLoc first_problem;
    for (const Backup* b : backups) {
      std::string name = b->id.value_or("(unnamed)");
      names.push_back(name);
      std::string problem;
      if (!b->location || b->location->empty())
        problem = message("findings.backup.exists.no_location", fmt::arg("backup", name));
      else if (auto p = location_problem(*b->location); !p.empty())
        problem = message("findings.backup.exists.backup_problem", fmt::arg("backup", name),
                          fmt::arg("problem", p));
      else
        locations.push_back(redact(*b->location));
      if (!problem.empty()) {
        if (problems.empty()) first_problem = b->location.loc;
        problems.push_back(std::move(problem));
      }
    }

    if (!problems.empty()) {
      Finding& f = ctx.add(Status::Fail, subject, first_problem,
                           fmt::format("{}", fmt::join(problems, message_text("findings.join.clauses"))));
      f.evidence.emplace_back("backups", names);
      f.remediation = message("fixes.backup.exists.location", fmt::arg("datastore", *store));
      return;
    }
    const std::string_view list = message_text("findings.join.list");
    std::string backed_up = message("findings.backup.exists.backed_up",
                                    fmt::arg("backups", fmt::join(names, list)),
                                    fmt::arg("locations", fmt::join(locations, list)));
    if (ctx.offline()) {
      Finding& f = ctx.add(Status::Pass, subject, store.loc, backed_up);
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
    live->draft.message = std::move(backed_up);
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
