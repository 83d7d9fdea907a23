#include <fmt/format.h>

#include "checks/engine/check.h"
#include "checks/engine/input_messages.h"
#include "checks/engine/plan_loader.h"
#include "checks/engine/references.h"
#include "checks/engine/waivers.h"
#include "cli/commands/commands.h"
#include "cli/commands/heap.h"
#include "cli/report/support.h"

namespace golive {
namespace {

// "a contact id" in the run's language; describe_ref_kind() keeps the English, for evidence.
std::string say_ref_kind(RefKind kind) {
  switch (kind) {
    case RefKind::Contact: return message_text("errors.references.kind.contact");
    case RefKind::RoleOrContact: return message_text("errors.references.kind.role_or_contact");
    case RefKind::System: return message_text("errors.references.kind.system");
    case RefKind::DatastoreOrSystem: return message_text("errors.references.kind.datastore_or_system");
    case RefKind::Backup: return message_text("errors.references.kind.backup");
  }
  return message_text("errors.references.kind.other");
}

// The references plan.references-valid judges, as errors: validate is the fast structural
// judge, and an id that names nothing is a structural fault of the plan.
void check_references(const Plan& plan, Diagnostics& diags) {
  for (const PlanRef& r : plan_references(plan)) {
    const std::string& value = **r.ref;
    if (!reference_resolves(plan, r.kind, value)) {
      const std::string hint = did_you_mean(value, reference_candidates(plan, r.kind));
      diags.error(r.ref->loc, message("errors.references.not_kind", fmt::arg("path", r.path),
                                      fmt::arg("value", value), fmt::arg("kind", say_ref_kind(r.kind)),
                                      fmt::arg("hint", did_you_mean_hint(hint))));
      continue;
    }
    if (r.kind == RefKind::RoleOrContact && !plan.contact(value)) {
      const std::string why = unheld_role(plan, value);
      if (!why.empty())
        diags.error(r.ref->loc, message("errors.references.role_unheld", fmt::arg("path", r.path),
                                        fmt::arg("role", value), fmt::arg("why", why)));
    }
  }
}

}  // namespace

int run_validate(const ValidateOptions& options, const Io& io) {
  for (const LimitSetting& l : options.limits) set_limit(l.limit, l.value);
  Diagnostics diags;
  std::vector<std::string> files = find_plan_files(options.paths, diags);
  std::vector<std::string> valid;
  reserve_heap(heap_share(files, 1));
  const std::vector<std::string> builtin = all_check_ids();
  for (const std::string& file : files) {
    int errors_before = diags.error_count();
    // A waiver register named on the command line is validated as one, before it is used
    // with check --waivers (a directory's registers are passed over, as check does).
    if (is_waiver_register(file)) {
      auto waivers = load_waiver_file(file, builtin, diags, UnknownWaiverCheck::Warning);
      if (waivers && diags.error_count() == errors_before)
        valid.push_back(message("validate.ok_waivers", fmt::arg("file", file),
                                fmt::arg("waivers", counted(static_cast<int>(waivers->waivers.size()), "waivers"))));
      continue;
    }
    auto plan = load_plan(file, diags);
    if (plan) check_references(*plan, diags);
    if (plan && diags.error_count() == errors_before)
      valid.push_back(message("validate.ok", fmt::arg("file", file), fmt::arg("id", plan->plan.id.value_or("?"))));
  }
  if (files.empty() && !diags.has_errors())
    diags.error({"golive", 0, 0}, message("validate.no_plan", fmt::arg("paths", say_list(options.paths))));
  io.print(diags, options.quiet);
  if (!options.quiet)
    for (const auto& line : valid) io.out << line << '\n';
  return diags.has_errors() ? kExitUsage : kExitReady;
}

}  // namespace golive
