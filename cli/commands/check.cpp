// golive check: every input is loaded and validated before any check runs, and every
// check has run before any report is written, so invalid input never leaves a report.
#include <algorithm>
#include <charconv>
#include <filesystem>
#include <memory>
#include <set>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "checks/engine/input_messages.h"
#include "checks/engine/plan_loader.h"
#include "checks/engine/ruleset.h"
#include "checks/engine/runner.h"
#include "checks/engine/waivers.h"
#include "cli/commands/commands.h"
#include "cli/commands/heap.h"
#include "cli/commands/portfolio.h"
#include "cli/report/report.h"
#include "cli/report/support.h"

namespace golive {

namespace {

// `generated_at` is the one field that differs between two identical runs; builds that
// must be reproducible pin it (SOURCE_DATE_EPOCH is the reproducible-builds convention).
Instant generated_at(const Io& io) {
  if (auto text = io.env("GOLIVE_GENERATED_AT")) {
    auto t = parse_instant(*text, nullptr);
    if (!t || is_bare_date(*text))
      throw usage_error(message("cli.generated_at", fmt::arg("value", *text)));
    return *t;
  }
  if (auto text = io.env("SOURCE_DATE_EPOCH")) {
    int64_t seconds = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), seconds);
    if (ec != std::errc() || end != text->data() + text->size() || seconds < 0)
      throw usage_error(message("cli.source_date_epoch", fmt::arg("value", *text)));
    return Instant(std::chrono::seconds(seconds));
  }
  return io.now();
}

bool use_color(ColorMode mode, const Io& io) {
  switch (mode) {
    case ColorMode::Always: return true;
    case ColorMode::Never: return false;
    case ColorMode::Auto: return io.out_is_tty && !io.env("NO_COLOR");
  }
  return false;
}

// `--only`/`--skip` entries that match no check are typos: refuse them rather than run
// nothing (or everything) in silence.
void check_patterns(const std::vector<std::string>& patterns, const SourceLoc& loc,
                    const std::string& label, const std::vector<std::string>& ids,
                    Diagnostics& diags) {
  for (const std::string& pattern : patterns) {
    bool matched = std::any_of(ids.begin(), ids.end(),
                               [&](const std::string& id) { return glob_match(pattern, id); });
    if (matched) continue;
    std::string near = did_you_mean(pattern, ids);
    diags.error(loc, message("cli.no_check_matches", fmt::arg("label", label), fmt::arg("pattern", pattern),
                             fmt::arg("hint", did_you_mean_hint(near))));
  }
}

// A report written over a file the run reads would destroy that input, and the next run
// would read the report instead: refused before anything is loaded. The inputs are the
// plans, the waiver files, the ruleset files (given, or extended by one given) and the
// settings file. A device or pipe (`/dev/stdout`) is written in place, not replaced; a
// ruleset that is no file is built in. True when a report would.
bool reports_overwrite_inputs(const CheckOptions& options, const std::vector<std::string>& plans,
                              Diagnostics& diags) {
  // Finding the ruleset files means reading and parsing every user ruleset (again for each
  // plan later): not done when there is no report file to compare them with.
  if (options.reports.empty()) return false;
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, std::string>> inputs;  // path, what it is in the run's language
  auto input = [&](const std::string& path, const std::string& key) {
    inputs.emplace_back(path, message(key, fmt::arg("path", path)));
  };
  for (const std::string& p : plans) input(p, "errors.settings.input_plan");
  for (const std::string& w : options.waivers) input(w, "errors.settings.input_waivers");
  for (const RulesetFile& r : user_ruleset_files(options.rulesets)) {
    if (r.extended_by.empty()) {
      input(r.path, "errors.settings.input_ruleset");
      continue;
    }
    inputs.emplace_back(r.path, message("errors.settings.input_extended",
                                        fmt::arg("input", message("errors.settings.input_ruleset",
                                                                  fmt::arg("path", r.path))),
                                        fmt::arg("by", r.extended_by)));
  }
  std::error_code ec;
  if (!options.config_file.empty() && fs::is_regular_file(options.config_file, ec))
    input(options.config_file, "errors.settings.input_settings");
  bool found = false;
  for (const ReportRequest& r : options.reports) {
    const fs::file_status st = fs::status(r.path, ec);
    if (fs::exists(st) && !fs::is_regular_file(st)) continue;
    for (const auto& [path, what] : inputs) {
      if (!same_file(r.path, path)) continue;
      diags.error(options.reports_loc,
                  message("errors.settings.problem", fmt::arg("label", options.reports_label),
                          fmt::arg("problem", message("errors.settings.report_over_input",
                                                      fmt::arg("value", r.format + ":" + r.path),
                                                      fmt::arg("input", what)))));
      found = true;
      break;
    }
  }
  return found;
}

// A run in which --only/--skip leave no rule of any plan to run evaluates nothing: its READY
// would be a verdict about no check at all. (Rules that run and find nothing applicable are
// a verdict, and are not this.)
void check_something_runs(const CheckOptions& options, const std::vector<Selection>& selections,
                          Diagnostics& diags) {
  if (options.only.empty() && options.skip.empty()) return;
  auto any = [](const std::vector<std::string>& globs, const std::string& id) {
    return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) { return glob_match(g, id); });
  };
  for (const Selection& s : selections)
    for (const EffectiveRule& r : s.rules)
      if (r.enabled && (options.only.empty() || any(options.only, r.id)) && !any(options.skip, r.id)) return;
  std::vector<std::string> labels;
  SourceLoc loc{"golive", 0, 0};
  if (!options.only.empty()) {
    labels.push_back(fmt::format("{} '{}'", options.only_label, fmt::join(options.only, ",")));
    if (options.only_loc.known()) loc = options.only_loc;
  }
  if (!options.skip.empty()) {
    labels.push_back(fmt::format("{} '{}'", options.skip_label, fmt::join(options.skip, ",")));
    if (!loc.known() && options.skip_loc.known()) loc = options.skip_loc;
  }
  diags.error(loc, message(labels.size() == 2 ? "cli.nothing_selected_both" : "cli.nothing_selected",
                           fmt::arg("a", labels[0]), fmt::arg("b", labels.back())));
}

// What the user's rulesets switched off or relaxed compared with the built-in rulesets
// alone: the record an auditor needs to see that a gate was not quietly removed.
std::vector<RuleChange> rule_changes(const Plan& plan, const CheckOptions& options,
                                     const Selection& chosen) {
  if (options.rulesets.empty()) return {};
  Diagnostics ignored;  // the built-in rulesets alone; their problems were reported already
  Selection base = select_rules(plan, {}, options.auto_rulesets, ignored);
  auto rank = [](Severity s) { return s == Severity::Gate ? 2 : s == Severity::Warn ? 1 : 0; };
  std::vector<RuleChange> out;
  for (const EffectiveRule& r : chosen.rules) {
    auto it = std::find_if(base.rules.begin(), base.rules.end(),
                           [&](const EffectiveRule& b) { return b.id == r.id; });
    if (it == base.rules.end() || !it->enabled) continue;
    if (!r.enabled)
      out.push_back({r.id, "disabled", r.loc});
    else if (rank(r.severity) < rank(it->severity))
      out.push_back({r.id, fmt::format("{} → {}", to_string(it->severity), to_string(r.severity)), r.loc});
  }
  return out;
}

// Waiver files are input like plans: every problem is reported before any check runs.
std::vector<WaiverFile> load_waivers(const CheckOptions& options, const std::vector<std::string>& ids,
                                     Diagnostics& diags) {
  std::vector<WaiverFile> files;
  if (options.no_waivers) return files;
  for (const std::string& path : options.waivers) {
    auto file = load_waiver_file(path, ids, diags);
    if (file) files.push_back(std::move(*file));
  }
  return files;
}

// Problems found on a worker thread, added to the run's in plan order: the messages come
// out the same whatever the number of threads.
void merge(Diagnostics& into, const Diagnostics& from) {
  for (const Diagnostic& d : from.all()) {
    if (d.level == Diagnostic::Level::Error)
      into.error(d.loc, d.message);
    else
      into.warning(d.loc, d.message);
  }
}

bool show_progress(ProgressMode mode, const Io& io) {
  switch (mode) {
    case ProgressMode::Always: return true;
    case ProgressMode::Never: return false;
    case ProgressMode::Auto: return io.err_is_tty;
  }
  return false;
}

Verdict worst(Verdict a, Verdict b) {
  auto rank = [](Verdict v) { return v == Verdict::NotReady ? 2 : v == Verdict::ReadyWithWarnings ? 1 : 0; };
  return rank(a) >= rank(b) ? a : b;
}

}  // namespace

int run_check(const CheckOptions& options, const Io& io) {
  for (const LimitSetting& l : options.limits) set_limit(l.limit, l.value);
  Diagnostics diags;
  std::vector<std::string> files = find_plan_files(options.paths, diags);
  if (reports_overwrite_inputs(options, files, diags)) {
    io.print(diags, false);
    return kExitUsage;
  }
  const unsigned threads = pool_size(options.jobs, files.size());
  Progress progress(io.err, show_progress(options.progress, io), files.size());
  // Memory for the plans and their findings, given in advance to each thread that reads them.
  const uint64_t heap = heap_share(files, threads);
  reserve_heap(heap);

  // Plans are loaded, and their rulesets chosen, side by side; each keeps its own
  // diagnostics until all are done.
  std::vector<std::shared_ptr<const Plan>> loaded(files.size());
  std::vector<Selection> chosen(files.size());
  std::vector<Diagnostics> load_found(files.size()), select_found(files.size());
  for_each_index(files.size(), threads, [&](size_t i) {
    auto plan = load_plan(files[i], load_found[i]);
    if (!plan) return;
    loaded[i] = std::make_shared<const Plan>(std::move(*plan));
    chosen[i] = select_rules(*loaded[i], options.rulesets, options.auto_rulesets, select_found[i]);
  }, [heap] { reserve_thread_heap(heap); });
  std::vector<std::shared_ptr<const Plan>> plans;
  std::vector<Selection> selections;
  for (size_t i = 0; i < files.size(); ++i) {
    merge(diags, load_found[i]);
    if (!loaded[i]) continue;
    plans.push_back(std::move(loaded[i]));
    selections.push_back(std::move(chosen[i]));
  }
  if (files.empty() && !diags.has_errors())
    diags.error({"golive", 0, 0}, message("validate.no_plan", fmt::arg("paths", say_list(options.paths))));
  if (diags.has_errors()) {
    progress.finish();
    io.print(diags, false);
    return kExitUsage;
  }
  // Problems with rulesets only once every plan has loaded, as they always were.
  for (const Diagnostics& d : select_found) merge(diags, d);

  std::vector<std::string> ids = all_check_ids();
  for (const Selection& s : selections)
    for (const EffectiveRule& r : s.rules)
      if (!r.info && std::find(ids.begin(), ids.end(), r.id) == ids.end()) ids.push_back(r.id);
  check_patterns(options.only, options.only_loc, options.only_label, ids, diags);
  check_patterns(options.skip, options.skip_loc, options.skip_label, ids, diags);
  if (!diags.has_errors()) check_something_runs(options, selections, diags);
  std::vector<WaiverFile> waivers = load_waivers(options, ids, diags);
  if (diags.has_errors()) {
    progress.finish();
    io.print(diags, false);
    return kExitUsage;
  }

  RunResult result;
  result.tool_version = GOLIVE_VERSION;
  result.generated_at = generated_at(io);
  result.as_of_mode = options.as_of_mode;
  result.offline = options.offline;
  result.fail_on_warn = options.fail_on_warn;
  result.settings.settings = options.origins;
  result.settings.only = options.only;
  result.settings.skip = options.skip;
  result.settings.waivers_off = options.no_waivers;
  for (const WaiverFile& w : waivers)
    result.settings.waiver_files.push_back({w.path, w.sha256, static_cast<int>(w.waivers.size())});
  Instant now = io.now();
  RunOptions run;
  run.offline = options.offline;
  run.only = options.only;
  run.skip = options.skip;
  run.only_label = options.only_label;
  run.skip_label = options.skip_label;
  run.concurrency = options.concurrency;
  run.timeout = options.timeout;
  run.ca_bundle = options.ca_bundle;
  size_t waiver_count = 0;
  for (const WaiverFile& w : waivers) waiver_count += w.waivers.size();
  std::vector<bool> matched(waiver_count, false);
  // Plans are checked side by side; everything that depends on their order (waivers
  // matched, diagnostics, totals) is done afterwards, in plan order.
  std::vector<PlanResult> checked(plans.size());
  std::vector<Instant> as_of(plans.size());
  for_each_index(plans.size(), threads, [&](size_t i) {
    const Plan& plan = *plans[i];
    RunOptions mine = run;
    if (options.as_of_mode == "fixed") {
      mine.as_of = *options.as_of;
    } else if (options.as_of_mode == "window") {
      if (!plan.go_live.window_start)
        throw InputError(plan.go_live.loc, message("cli.as_of_window"));
      mine.as_of = *plan.go_live.window_start;
    } else {
      mine.as_of = now;
    }
    as_of[i] = mine.as_of;
    checked[i] = run_plan(plans[i], selections[i], mine);
    checked[i].rule_changes = rule_changes(plan, options, selections[i]);
    progress.plan_done();
  });
  progress.finish();
  for (size_t i = 0; i < plans.size(); ++i) {
    // The top-level as_of of a window run is the earliest window start.
    if (i == 0 || as_of[i] < result.as_of) result.as_of = as_of[i];
    PlanResult planned = std::move(checked[i]);
    apply_waivers(planned, waivers, as_of[i], matched, diags);
    if (planned.valid_until && (!result.valid_until || planned.valid_until->at < result.valid_until->at))
      result.valid_until = planned.valid_until;
    result.probes_not_made += planned.probes_not_made;
    result.summary.add(planned.summary);
    result.verdict = worst(result.verdict, planned.verdict);
    result.plans.push_back(std::move(planned));
  }
  // A stale register is worth a warning, not a failure: nothing it would accept is hidden.
  size_t index = 0;
  for (const WaiverFile& file : waivers)
    for (const Waiver& w : file.waivers)
      if (!matched[index++])
        diags.warning(w.loc, message("errors.waivers.unmatched", fmt::arg("id", w.check),
                                     fmt::arg("subject", w.subject.empty() ? "" : message("errors.waivers.unmatched_subject",
                                                                                          fmt::arg("subject", w.subject))),
                                     fmt::arg("plan", w.plan.empty() ? "" : message("errors.waivers.unmatched_plan",
                                                                                    fmt::arg("plan", w.plan)))));
  // Warnings about the input belong to the report as much as to stderr; -q hides neither.
  // A text report on a terminal lists them itself: printed on stderr too, the same terminal
  // would show each twice.
  const bool report_shows_them = options.format == "text" && io.out_is_tty && io.err_is_tty;
  if (!report_shows_them || diags.has_errors()) io.print(diags, false);
  if (diags.has_errors()) return kExitUsage;
  std::set<std::string> seen;  // a ruleset shared by several plans warns once per plan
  for (const Diagnostic& d : diags.all())
    if (seen.insert(d.formatted()).second)
      result.diagnostics.push_back(
          {d.loc, d.level == Diagnostic::Level::Warning ? "warning" : "error", d.message});

  result.exit_code = verdict_fails(result, result.verdict) ? kExitNotReady : kExitReady;

  ReportOptions shown;
  shown.color = use_color(options.color, io);
  shown.quiet = options.quiet;
  shown.sarif_passes = options.sarif_passes;
  shown.docs_url = GOLIVE_DOCS_URL;
  shown.lang = options.lang;
  find_report_format(options.format)->write(result, io.out, shown);
  io.out.flush();
  // Files are for machines and archives: complete and never coloured.
  ReportOptions filed = shown;
  filed.color = false;
  filed.quiet = false;
  std::vector<ReportFile> report_files;
  for (const ReportRequest& r : options.reports) report_files.push_back({find_report_format(r.format), r.path});
  try {
    write_report_files(report_files, result, filed);
  } catch (const std::runtime_error& e) {
    io.err << "golive: error: " << e.what() << '\n';
    return kExitUsage;
  }
  return result.exit_code;
}

}  // namespace golive
