#pragma once
/// Reads launch plans (SPEC §3) into the typed model, reporting every problem with its
/// `file:line:col`.

#include <optional>
#include <string>
#include <vector>

#include "checks/engine/plan.h"
#include "checks/engine/source_loc.h"

namespace golive {

/// Loads one plan file. Errors and warnings go to `diags`; returns nullopt when there is
/// any error (the caller exits 2).
std::optional<Plan> load_plan(const std::string& path, Diagnostics& diags);

/// Same, from text already in memory; `file` names it in messages.
std::optional<Plan> load_plan_text(const std::string& text, const std::string& file,
                                   Diagnostics& diags);

/// Expands the paths given on the command line: files are kept as given; directories are
/// searched recursively (sorted, hidden entries skipped) for `.yaml`/`.yml` files (any case)
/// that parse_yaml() reads as a mapping with a top-level `golive` key that is not a mapping or
/// list; UTF-16/32 files, files it cannot read and files it refuses that name golive are kept
/// for the loader to judge. Rulesets (`ruleset:`) and waiver registers (`waivers:`) are
/// passed over; any other YAML file is a warning naming it. A path that does not exist or a
/// directory that cannot be read is an error.
std::vector<std::string> find_plan_files(const std::vector<std::string>& paths, Diagnostics& diags);

/// True when `path`'s top level has `waivers` and no `golive` version key: a waiver
/// register (SPEC §7), as find_plan_files() tells them from plans.
bool is_waiver_register(const std::string& path);

}  // namespace golive
