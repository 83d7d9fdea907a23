// checks/backup/exists.cpp
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"

namespace golive {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

/// The location with any `user:password@` removed: userinfo in a URL is a secret.
std::string redacted(const std::string& location) {
  auto scheme_end = location.find("://");
  if (scheme_end == std::string::npos) return location;
  size_t authority = scheme_end + 3;
  size_t authority_end = location.find_first_of("/?#", authority);
  if (authority_end == std::string::npos) authority_end = location.size();
  size_t at = location.rfind('@', authority_end);
  if (at == std::string::npos || at < authority) return location;
  return location.substr(0, authority) + "***@" + location.substr(at + 1);
}

/// Why a backup location cannot be probed, or "" when it can.
std::string location_problem(const std::string& location) {
  auto scheme_end = location.find("://");
  if (scheme_end == std::string::npos)
    return fmt::format("location '{}' has no scheme (expected file://, http://, https:// or s3://)",
                       redacted(location));
  std::string scheme = lower(std::string_view(location).substr(0, scheme_end));
  std::string rest = location.substr(scheme_end + 3);
  if (scheme != "file" && scheme != "http" && scheme != "https" && scheme != "s3")
    return fmt::format(
        "location '{}' uses the unsupported scheme {}:// (expected file://, http://, https:// or "
        "s3://)",
        redacted(location), scheme);
  if (scheme == "s3") {
    auto slash = rest.find('/');
    if (slash == 0 || slash == std::string::npos || slash + 1 == rest.size())
      return fmt::format("location '{}' does not name a bucket and an object key (s3://bucket/key)",
                         redacted(location));
  } else if (scheme == "file") {
    if (rest.empty() || rest == "/")
      return fmt::format("location '{}' does not name a file (file:///path/to/dump)",
                         redacted(location));
  } else if (rest.empty() || rest.front() == '/') {
    return fmt::format("location '{}' does not name a host", redacted(location));
  }
  return "";
}

/// Fails when a datastore declared by a system has no backup, or when one of its backups
/// has no location that golive can probe.
class BackupExists final : public Check {
 public:
  explicit BackupExists(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    std::vector<std::string> seen;
    for (const System& sys : plan.systems) {
      for (const Ref& store : sys.datastores) {
        if (!store || std::find(seen.begin(), seen.end(), *store) != seen.end()) continue;
        seen.push_back(*store);
        check_datastore(plan, sys, store, ctx);
      }
    }
    if (seen.empty())
      ctx.skip("datastores", plan.loc, "no system declares a datastore (systems[].datastores)");
    // The live part (the object exists and is non-empty: file stat, HTTP HEAD, S3 HEAD
    // signed with SigV4) is added by the probe layer; offline runs stop here.
  }

 private:
  static void check_datastore(const Plan& plan, const System& sys, const Ref& store, Context& ctx) {
    const std::string subject = fmt::format("datastores[{}]", *store);
    std::vector<const Backup*> backups;
    for (const Backup& b : plan.backups) {
      if (!b.datastore) continue;
      // A backup may name the whole system; it then covers each of the system's datastores.
      if (*b.datastore == *store || (sys.id && *b.datastore == *sys.id)) backups.push_back(&b);
    }
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
        locations.push_back(redacted(*b->location));
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
    Finding& f = ctx.pass(subject, store.loc, "backed up by {} at {}", fmt::join(names, ", "),
                          fmt::join(locations, ", "));
    f.evidence.emplace_back("backups", names);
    f.evidence.emplace_back("locations", locations);
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
