#include "checks/engine/runner.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "checks/engine/i18n.h"
#include "checks/engine/input_messages.h"
#include "checks/engine/plugin.h"
#include "checks/engine/probe.h"
#include "checks/engine/yaml_reader.h"

namespace golive {

bool glob_match(std::string_view pattern, std::string_view id) {
  // Iterative matcher with backtracking to the last `*`: linear in practice, no recursion.
  size_t p = 0, s = 0, star = std::string_view::npos, mark = 0;
  while (s < id.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == id[s])) {
      ++p;
      ++s;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      mark = s;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      s = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

namespace {

bool matches_any(const std::vector<std::string>& globs, const std::string& id) {
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) { return glob_match(g, id); });
}

// Why --only/--skip leave a rule out, or "" when they do not.
std::string left_out_reason(const RunOptions& o, const std::string& id) {
  if (!o.only.empty() && !matches_any(o.only, id))
    return message("findings.engine.runner.not_in_only", fmt::arg("option", o.only_label),
                   fmt::arg("patterns", fmt::join(o.only, ",")));
  for (const std::string& g : o.skip)
    if (glob_match(g, id))
      return message("findings.engine.runner.skipped", fmt::arg("option", o.skip_label), fmt::arg("pattern", g));
  return "";
}

std::string category_of(const EffectiveRule& r) {
  if (r.info) return r.info->category;
  auto dot = r.id.find('.');
  return dot == std::string::npos ? r.id : r.id.substr(0, dot);
}

// Builds the check of a rule; rejects parameters the check never asked for. Parameter
// problems are errors in the ruleset (InputError); any other exception from a constructor
// is the check's own failure and is reported as its finding when it runs.
std::unique_ptr<Check> construct(const EffectiveRule& rule, std::string& failure) {
  Params params = rule.params;  // a copy: requested() is recorded per construction
  std::unique_ptr<Check> check;
  try {
    check = rule.info->make(params);
  } catch (const InputError&) {
    throw;
  } catch (const std::exception& e) {
    failure = e.what();
    return nullptr;
  }
  std::vector<std::string> known;
  for (const ParamDoc& d : params.requested()) known.push_back(d.name);
  for (const auto& [name, value] : params.values()) {
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    std::string suggestion = did_you_mean(name, known);
    std::string tail = !suggestion.empty() ? did_you_mean_hint(suggestion)
                       : known.empty()     ? message("errors.params.takes_none")
                                           : message("errors.params.takes", fmt::arg("names", say_list(known)));
    throw InputError(value.loc, message("errors.params.unknown", fmt::arg("name", name), fmt::arg("id", rule.id),
                                        fmt::arg("hint", tail)));
  }
  return check;
}

struct Job {
  const EffectiveRule* rule = nullptr;
  std::unique_ptr<Check> check;
  std::string failure;  // set when the constructor threw
  std::unique_ptr<Context> ctx;  // stable address: probe callbacks hold it
  bool warning_only = false;     // an exec plugin said "warn"
  std::string left_out;          // why --only/--skip did not run it; "" when it runs
};

// The plan as JSON for exec plugins, made once per plan and only if a plugin runs.
class PlanJson {
 public:
  explicit PlanJson(const Plan& plan) : plan_(plan) {}
  const std::string& get() {
    if (!done_) {
      done_ = true;
      try {
        const std::string text = plan_.source_text.empty() ? read_file(plan_.file) : plan_.source_text;
        json_ = yaml_to_json(text, plan_.file);
      } catch (const InputError& e) {
        failure_ = e.formatted();
      }
    }
    return json_;
  }
  const std::string& failure() const { return failure_; }

 private:
  const Plan& plan_;
  bool done_ = false;
  std::string json_;
  std::string failure_;
};

void run_exec(Job& job, const Plan& plan, PlanJson& plan_json, const RunOptions& options) {
  const EffectiveRule& rule = *job.rule;
  const std::string& json = plan_json.get();
  if (!plan_json.failure().empty()) {
    job.ctx->add(Status::Error, "plan", plan.loc,
                 message("findings.engine.runner.plan_json", fmt::arg("why", plan_json.failure())));
    return;
  }
  PluginCall call;
  call.argv = rule.exec;
  call.base_dir = rule.base_dir;
  call.stdin_text = json;
  call.timeout = rule.timeout;
  call.env = {{"GOLIVE_CHECK_ID", rule.id},
              {"GOLIVE_PLAN_FILE", plan.file},
              {"GOLIVE_AS_OF", format_instant(options.as_of)},
              {"GOLIVE_OFFLINE", options.offline ? "1" : "0"}};
  PluginOutcome o = run_plugin(call);
  Finding& f = job.ctx->add(o.status, "plan", plan.loc, std::move(o.message));
  f.evidence = std::move(o.evidence);
  job.warning_only = o.warning;
}

}  // namespace

PlanResult run_plan(std::shared_ptr<const Plan> plan, const Selection& selection,
                    const RunOptions& options) {
  PlanResult result;
  result.plan = plan;
  result.rulesets = selection.applied;

  // Every rule's parameters are checked before anything runs, filtered out or not: a
  // broken ruleset is an input error whichever checks this run selects.
  std::vector<Job> jobs;
  for (const EffectiveRule& rule : selection.rules) {
    Job job;
    job.rule = &rule;
    if (rule.info) job.check = construct(rule, job.failure);
    if (!rule.enabled) continue;
    job.left_out = left_out_reason(options, rule.id);
    jobs.push_back(std::move(job));
  }

  PlanJson plan_json(*plan);
  for (Job& job : jobs) {
    job.ctx = std::make_unique<Context>(*plan, options.as_of, options.offline);
    if (!job.left_out.empty()) continue;
    if (options.offline && job.check && job.rule->info->live) {
      // The record of an offline run says how much live evidence it did not see: run
      // the check once more as if online, count what it would probe, and send nothing.
      // Only a live check probes (the registry test holds every other one to that), so
      // the others are not run twice.
      Context dry(*plan, options.as_of, false);
      try {
        job.check->run(*plan, dry);
        result.probes_not_made += static_cast<int>(dry.take_probes().size());
      } catch (...) {
        // The real run below reports the failure.
      }
    }
    if (!job.rule->info) {
      run_exec(job, *plan, plan_json, options);
      continue;
    }
    if (!job.check) {
      job.ctx->add(Status::Error, "plan", plan->loc, message("findings.engine.runner.failed", fmt::arg("why", job.failure)));
      continue;
    }
    std::string failure;
    try {
      job.check->run(*plan, *job.ctx);
    } catch (const std::exception& e) {
      failure = e.what();
    } catch (...) {
      failure = message("findings.engine.runner.unknown_exception");
    }
    if (!failure.empty()) {
      // Half a check's findings would read as a verdict: keep only the failure.
      (void)job.ctx->take();
      (void)job.ctx->take_probes();
      job.ctx->add(Status::Error, "plan", plan->loc, message("findings.engine.runner.failed", fmt::arg("why", failure)));
    }
  }

  // Live probes of every check go out together, then their callbacks add findings.
  std::vector<PendingProbe> probes;
  for (Job& job : jobs) {
    for (PendingProbe& p : job.ctx->take_probes()) probes.push_back(std::move(p));
  }
  if (!probes.empty()) {
    ProbeSettings settings;
    settings.concurrency = options.concurrency;
    settings.timeout = std::chrono::duration_cast<std::chrono::milliseconds>(options.timeout);
    if (!options.ca_bundle.empty()) settings.ca_bundle = options.ca_bundle;
    run_probes(std::move(probes), settings);
  }

  int rules_run = 0;
  std::vector<std::vector<Finding>> taken(jobs.size());
  size_t total = 0;
  for (size_t i = 0; i < jobs.size(); ++i) {
    taken[i] = jobs[i].ctx->take();
    total += std::max<size_t>(taken[i].size(), 1) + (jobs[i].left_out.empty() ? 0 : 1);
  }
  result.findings.reserve(total);
  for (size_t i = 0; i < jobs.size(); ++i) {
    Job& job = jobs[i];
    const EffectiveRule& rule = *job.rule;
    std::vector<Finding>& findings = taken[i];
    if (!job.left_out.empty()) {
      // Shown, not dropped: a consumer of the report must see what was not checked.
      Finding f;
      f.status = Status::Skip;
      f.subject = "plan";
      f.location = plan->loc;
      f.message = job.left_out;
      findings.push_back(std::move(f));
    } else {
      ++rules_run;
    }
    if (findings.empty()) {
      // Every rule shows in the report, even one with no subject in this plan.
      Finding f;
      f.status = Status::Skip;
      f.subject = "plan";
      f.location = plan->loc;
      f.message = message("findings.engine.runner.nothing");
      findings.push_back(std::move(f));
    }
    Severity severity = rule.severity;
    if (job.warning_only && severity == Severity::Gate) severity = Severity::Warn;
    // Once per rule, not per finding: a rule of a large plan has thousands of subjects.
    const std::string category = category_of(rule);
    std::optional<std::string> fix;
    for (Finding& f : findings) {
      f.check = rule.id;
      f.category = category;
      f.severity = severity;
      f.blocking = severity == Severity::Gate && (f.status == Status::Fail || f.status == Status::Error);
      if (f.remediation.empty() && rule.info) {
        if (!fix) fix = check_text(*rule.info, "fix");
        f.remediation = *fix;
      }
      result.findings.push_back(std::move(f));
    }
    findings = {};  // freed as it goes: the findings now live in the result
  }
  result.summary = summarize(result.findings, rules_run);
  result.verdict = verdict_of(result.findings);
  result.valid_until = valid_until_of(result.findings);
  if (plan->go_live.window_start)
    result.expiring_before_window = expiring_before(result.findings, *plan->go_live.window_start);
  return result;
}

}  // namespace golive
