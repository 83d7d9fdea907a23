// checks/vendor/responsibilities.cpp
#include <string>
#include <utility>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"

namespace golive {
namespace {

/// Warns when a vendor has no declared split of responsibilities between it and us.
class VendorResponsibilities final : public Check {
 public:
  explicit VendorResponsibilities(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (plan.vendors.empty()) {
      if (plan.tagged("third-party")) {
        Finding& f = ctx.fail("vendors", plan.loc,
                              "plan.scenarios lists third-party but no vendors are declared (vendors)");
        f.remediation = "List each third-party vendor under vendors with its responsibilities";
      } else {
        ctx.skip("vendors", plan.loc, "no third-party vendors (vendors)");
      }
      return;
    }
    for (size_t i = 0; i < plan.vendors.size(); ++i) check(plan.vendors[i], i, ctx);
  }

 private:
  static void check(const Vendor& v, size_t index, Context& ctx) {
    const std::string subject = subject_of("vendors", v.id, index);
    const std::string name = v.id.value_or(std::to_string(index));
    if (v.responsibilities.empty()) {
      ctx.fail(subject, v.responsibilities_loc,
               "vendor {} declares no split of responsibilities (vendors[].responsibilities)", name)
          .remediation = fmt::format(
          "Add vendors[].responsibilities to {}, naming who does each task (e.g. {{diagnose: "
          "vendor, restore: us}})",
          name);
      return;
    }
    // Tasks grouped by the party that owns them, in the order parties first appear.
    std::vector<std::pair<std::string, std::vector<std::string>>> parties;
    std::vector<std::string> unowned;
    SourceLoc first_unowned;
    for (const auto& [task, who] : v.responsibilities) {
      if (!who || who->empty()) {
        if (unowned.empty()) first_unowned = who.loc;
        unowned.push_back(task);
        continue;
      }
      auto it = std::find_if(parties.begin(), parties.end(),
                             [&](const auto& p) { return p.first == *who; });
      if (it == parties.end()) it = parties.insert(parties.end(), {*who, {}});
      it->second.push_back(task);
    }
    std::vector<std::string> split;
    for (const auto& [party, tasks] : parties)
      split.push_back(fmt::format("{}: {}", party, fmt::join(tasks, ", ")));

    Finding& f = unowned.empty()
                     ? ctx.pass(subject, v.responsibilities_loc, "{}", fmt::join(split, "; "))
                     : ctx.fail(subject, first_unowned, "vendor {}: no one owns {}", name,
                                fmt::join(unowned, ", "));
    for (const auto& [party, tasks] : parties) f.evidence.emplace_back(party, tasks);
    if (!unowned.empty()) {
      f.evidence.emplace_back("unowned", unowned);
      f.remediation = fmt::format("Name the party (vendor or us) responsible for {} of {}",
                                  fmt::join(unowned, ", "), name);
    }
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    VendorResponsibilities, .id = "vendor.responsibilities", .severity = Severity::Warn,
    .title = "Each vendor's split of responsibilities is declared",
    .why = "During an incident involving a vendor, time is lost deciding who diagnoses, who "
           "patches and who restores. Each vendor declares its responsibilities as a mapping "
           "of task to party (vendor, us, shared…), and every task names one.",
    .fix = "Add vendors[].responsibilities naming the party for each task.",
    .reads = {"vendors[].responsibilities", "plan.scenarios"});

}  // namespace golive
