// golive check: every input is loaded and validated before any check runs, and every
// check has run before any report is written, so invalid input never leaves a report.
#include <algorithm>
#include <charconv>
#include <memory>

#include <fmt/format.h>

#include "checks/engine/plan_loader.h"
#include "checks/engine/runner.h"
#include "cli/commands/commands.h"
#include "cli/report/report.h"

namespace golive {

namespace {

// `generated_at` is the one field that differs between two identical runs; builds that
// must be reproducible pin it (SOURCE_DATE_EPOCH is the reproducible-builds convention).
Instant generated_at(const Io& io) {
  if (auto text = io.env("GOLIVE_GENERATED_AT")) {
    auto t = parse_instant(*text, nullptr);
    if (!t || is_bare_date(*text))
      throw usage_error(fmt::format("GOLIVE_GENERATED_AT: '{}' is not an RFC 3339 time", *text));
    return *t;
  }
  if (auto text = io.env("SOURCE_DATE_EPOCH")) {
    int64_t seconds = 0;
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), seconds);
    if (ec != std::errc() || end != text->data() + text->size() || seconds < 0)
      throw usage_error(fmt::format("SOURCE_DATE_EPOCH: '{}' is not a number of seconds", *text));
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
    diags.error(loc, fmt::format("{}: no check matches '{}'{}", label, pattern,
                                 near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near)));
  }
}

Verdict worst(Verdict a, Verdict b) {
  auto rank = [](Verdict v) { return v == Verdict::NotReady ? 2 : v == Verdict::ReadyWithWarnings ? 1 : 0; };
  return rank(a) >= rank(b) ? a : b;
}

}  // namespace

int run_check(const CheckOptions& options, const Io& io) {
  Diagnostics diags;
  std::vector<std::string> files = find_plan_files(options.paths, diags);
  std::vector<std::shared_ptr<const Plan>> plans;
  for (const std::string& file : files)
    if (auto plan = load_plan(file, diags)) plans.push_back(std::make_shared<const Plan>(std::move(*plan)));
  if (files.empty() && !diags.has_errors())
    diags.error({"golive", 0, 0}, fmt::format("no plan found in {}", fmt::join(options.paths, ", ")));
  if (diags.has_errors()) {
    io.print(diags, options.quiet);
    return kExitUsage;
  }

  std::vector<Selection> selections;
  for (const auto& plan : plans)
    selections.push_back(select_rules(*plan, options.rulesets, options.auto_rulesets, diags));
  std::vector<std::string> ids;
  for (const CheckInfo* info : all_checks()) ids.push_back(info->id);
  for (const Selection& s : selections)
    for (const EffectiveRule& r : s.rules)
      if (!r.info && std::find(ids.begin(), ids.end(), r.id) == ids.end()) ids.push_back(r.id);
  check_patterns(options.only, options.only_loc, options.only_label, ids, diags);
  check_patterns(options.skip, options.skip_loc, options.skip_label, ids, diags);
  io.print(diags, options.quiet);
  if (diags.has_errors()) return kExitUsage;

  RunResult result;
  result.tool_version = GOLIVE_VERSION;
  result.generated_at = generated_at(io);
  result.as_of_mode = options.as_of_mode;
  result.offline = options.offline;
  result.fail_on_warn = options.fail_on_warn;
  Instant now = io.now();
  RunOptions run;
  run.offline = options.offline;
  run.only = options.only;
  run.skip = options.skip;
  run.concurrency = options.concurrency;
  run.timeout = options.timeout;
  run.ca_bundle = options.ca_bundle;
  for (size_t i = 0; i < plans.size(); ++i) {
    const Plan& plan = *plans[i];
    if (options.as_of_mode == "fixed") {
      run.as_of = *options.as_of;
    } else if (options.as_of_mode == "window") {
      if (!plan.go_live.window_start)
        throw InputError(plan.go_live.loc, "--as-of window: the plan has no go_live.window.start");
      run.as_of = *plan.go_live.window_start;
    } else {
      run.as_of = now;
    }
    // The top-level as_of of a window run is the earliest window start.
    if (i == 0 || run.as_of < result.as_of) result.as_of = run.as_of;
    PlanResult planned = run_plan(plans[i], selections[i], run);
    result.summary.add(planned.summary);
    result.verdict = worst(result.verdict, planned.verdict);
    result.plans.push_back(std::move(planned));
  }
  bool fails = result.verdict == Verdict::NotReady ||
               (options.fail_on_warn && result.verdict == Verdict::ReadyWithWarnings);
  result.exit_code = fails ? kExitNotReady : kExitReady;

  ReportOptions shown{use_color(options.color, io), options.quiet, "en"};
  find_report_format(options.format)->write(result, io.out, shown);
  io.out.flush();
  // Files are for machines and archives: complete and never coloured.
  ReportOptions filed{false, false, "en"};
  for (const ReportRequest& r : options.reports) {
    try {
      write_report_file(*find_report_format(r.format), result, r.path, filed);
    } catch (const std::runtime_error& e) {
      io.err << "golive: error: " << e.what() << '\n';
      return kExitUsage;
    }
  }
  return result.exit_code;
}

}  // namespace golive
