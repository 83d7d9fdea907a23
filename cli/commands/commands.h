#pragma once
/// The commands of `golive`, one file each. Each returns its process exit code (ExitCode);
/// input problems may also be thrown as InputError, which the caller prints (exit 2).

#include <string>
#include <vector>

#include "cli/commands/io.h"
#include "cli/commands/options.h"

namespace golive {

/// `golive check`: loads plans, selects rulesets, runs checks, writes reports.
int run_check(const CheckOptions& options, const Io& io);

/// `golive validate`: loads plans and reports their problems; runs no check.
int run_validate(const ValidateOptions& options, const Io& io);

/// `golive list-checks`: every registered check as text, a markdown table or JSON.
int run_list_checks(const ListChecksOptions& options, const Io& io);

/// `golive explain CHECK_ID`: what a check verifies, why, its parameters and plan keys.
int run_explain(const ExplainOptions& options, const Io& io);

/// `golive rulesets`: the built-in rulesets and when each applies.
int run_rulesets(const RulesetsOptions& options, const Io& io);

/// `golive schema`: the JSON Schema of the plan format, or with --report of the JSON report.
int run_schema(const SchemaOptions& options, const Io& io);

/// `golive init`: a commented plan template for the chosen scenarios, on stdout or to a
/// file that must not exist unless `force`.
int run_init(const InitOptions& options, const Io& io);

/// The scenario tags `golive init --scenario` accepts, in plan.scenarios order.
const std::vector<std::string>& init_scenarios();

/// `golive brief`: the go-live night on one page, after the offline checks that give its
/// verdict; exits as `check --offline` would (0 ready, 1 not ready, 2 invalid input).
int run_brief(const BriefOptions& options, const Io& io);

/// Runs the parsed command.
int dispatch(const Invocation& command, const Io& io);

}  // namespace golive
