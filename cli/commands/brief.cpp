// golive brief: the plan is loaded and checked offline exactly as `golive check --offline`
// does (same rulesets, same as-of), so the banner names the same blocking findings and the
// exit code is the same; the brief is then written whole, or not at all.
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "checks/engine/i18n.h"
#include "checks/engine/plan_loader.h"
#include "checks/engine/runner.h"
#include "cli/brief/brief.h"
#include "cli/commands/commands.h"
#include "cli/report/report.h"

namespace golive {

int run_brief(const BriefOptions& options, const Io& io) {
  Diagnostics diags;
  std::optional<Plan> loaded = load_plan(options.path, diags);
  if (!loaded || diags.has_errors()) {
    io.print(diags, false);
    return kExitUsage;
  }
  auto plan = std::make_shared<const Plan>(std::move(*loaded));
  Selection selection = select_rules(*plan, {}, true, diags);
  io.print(diags, false);
  if (diags.has_errors()) return kExitUsage;

  RunOptions run;
  run.offline = true;
  if (options.as_of_mode == "fixed") {
    run.as_of = *options.as_of;
  } else if (options.as_of_mode == "window") {
    if (!plan->go_live.window_start)
      throw InputError(plan->go_live.loc, message("cli.as_of_window"));
    run.as_of = *plan->go_live.window_start;
  } else {
    run.as_of = io.now();
  }
  PlanResult result = run_plan(plan, selection, run);

  // The business hours the region bands show are those crossborder.timezone-coverage used.
  HoursRange business_hours = kDefaultBusinessHours;
  for (const EffectiveRule& r : selection.rules)
    if (r.id == "crossborder.timezone-coverage")
      business_hours = r.params.hours("business_hours", kDefaultBusinessHours);

  const brief::Brief b = brief::build(*plan, business_hours, &result, run.as_of);
  std::ostringstream text;
  if (options.format == "markdown") brief::write_markdown(b, text);
  else if (options.format == "html") brief::write_html(b, text);
  else brief::write_text(b, text);

  if (output_is_stdout(options.output)) {
    io.out << text.view();
    io.out.flush();
  } else {
    try {
      write_file_atomically(options.output, text.view());
    } catch (const std::runtime_error& e) {
      io.err << "golive: error: " << e.what() << '\n';
      return kExitUsage;
    }
  }
  return result.verdict == Verdict::NotReady ? kExitNotReady : kExitReady;
}

}  // namespace golive
