// checks/vendor/responsibilities.cpp
#include <string>
#include <utility>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/engine/plan_values.h"

namespace golive {
namespace {

/// A party of vendors[].responsibilities in a message: `vendor` and `us` as the standard
/// says them (`供应商（vendor）`, `我方（us）`), another party as the name it is.
std::string say_party(const std::string& party) {
  const auto said = find_message(language(), "values.party." + party);
  return said ? std::string(*said) : say_name(party);
}

/// Warns when a vendor has no declared split of responsibilities between it and us.
class VendorResponsibilities final : public Check {
 public:
  explicit VendorResponsibilities(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    if (plan.vendors.empty()) {
      if (plan.tagged("third-party")) {
        Finding& f = ctx.add(Status::Fail, "vendors", plan.loc, message("findings.vendor.responsibilities.undeclared"));
        f.remediation = message("fixes.vendor.responsibilities.undeclared");
      } else {
        ctx.add(Status::Skip, "vendors", plan.loc, message("findings.vendor.responsibilities.no_vendors"));
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
      ctx.add(Status::Fail, subject, v.responsibilities_loc,
              message("findings.vendor.responsibilities.none", fmt::arg("vendor", name)))
          .remediation = message("fixes.vendor.responsibilities.none", fmt::arg("vendor", name));
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
                             [&who = who](const auto& p) { return p.first == *who; });
      if (it == parties.end()) it = parties.insert(parties.end(), {*who, {}});
      it->second.push_back(task);
    }
    std::vector<std::string> split;
    for (const auto& [party, tasks] : parties)
      split.push_back(message("findings.vendor.responsibilities.party", fmt::arg("party", say_party(party)),
                              fmt::arg("tasks", fmt::join(tasks, message_text("findings.engine.join.list")))));

    Finding& f = unowned.empty()
                     ? ctx.add(Status::Pass, subject, v.responsibilities_loc, fmt::to_string(fmt::join(split, message_text("findings.engine.join.clauses"))))
                     : ctx.add(Status::Fail, subject, first_unowned,
                               message("findings.vendor.responsibilities.unowned", fmt::arg("vendor", name),
                                       fmt::arg("tasks", fmt::join(unowned, message_text("findings.engine.join.list")))));
    for (const auto& [party, tasks] : parties) f.evidence.emplace_back(party, tasks);
    if (!unowned.empty()) {
      f.evidence.emplace_back("unowned", unowned);
      f.remediation = message("fixes.vendor.responsibilities.unowned",
                              fmt::arg("tasks", fmt::join(unowned, message_text("findings.engine.join.list"))), fmt::arg("vendor", name));
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
