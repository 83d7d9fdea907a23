// checks/resources/spare_hardware.cpp
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/ranges.h>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/engine/plan_values.h"

namespace golive {
namespace {

bool covers(const Spare& s, const std::string& system) {
  return std::any_of(s.covers.begin(), s.covers.end(),
                     [&](const Ref& r) { return r && *r == system; });
}

std::string component_of(const Spare& s) {
  return s.component ? *s.component : message("findings.resources.spare-hardware.unnamed");
}

/// The spare as a message names it: its component as a name a person wrote (say_name()).
std::string said_component(const Spare& s) {
  return s.component ? say_name(*s.component) : message("findings.resources.spare-hardware.unnamed");
}

/// Fails when no spares are listed, or a tier-1 system has no spare on hand and none that
/// can be delivered within its RTO.
class SpareHardware final : public Check {
 public:
  explicit SpareHardware(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    std::vector<const System*> tier1;
    for (const System& s : plan.systems)
      if (s.tier && *s.tier == 1) tier1.push_back(&s);

    const std::vector<Spare>* spares = plan.resources ? &plan.resources->spares : nullptr;
    if (!spares || spares->empty()) {
      SourceLoc loc = !plan.resources                      ? plan.loc
                      : plan.resources->spares_loc.known() ? plan.resources->spares_loc
                                                           : plan.resources->loc;
      std::vector<std::string> ids;
      for (const System* s : tier1) ids.push_back(s->id.value_or("?"));
      Finding& f = ids.empty()
                       ? ctx.add(Status::Fail, "resources.spares", loc, message("findings.resources.spare-hardware.none"))
                       : ctx.add(Status::Fail, "resources.spares", loc,
                                 message("findings.resources.spare-hardware.none_uncovered",
                                         fmt::arg("systems", fmt::join(ids, message_text("findings.engine.join.list")))));
      f.evidence.emplace_back("uncovered", ids);
      f.remediation = message("fixes.resources.spare-hardware.none");
      return;
    }

    for (size_t i = 0; i < tier1.size(); ++i) check_system(plan, *tier1[i], i, ctx);
    if (tier1.empty()) {
      Finding& f = ctx.add(Status::Pass, "resources.spares", plan.resources->spares_loc,
                           message("findings.resources.spare-hardware.no_tier1", fmt::arg("count", spares->size())));
      f.evidence.emplace_back("spares", static_cast<int64_t>(spares->size()));
    }
  }

 private:
  static void check_system(const Plan& plan, const System& sys, size_t index, Context& ctx) {
    const std::string subject = subject_of("systems", sys.id, index);
    const std::string name = sys.id.value_or(subject);
    std::vector<const Spare*> mine;
    for (const Spare& s : plan.resources->spares)
      if (sys.id && covers(s, *sys.id)) mine.push_back(&s);

    if (mine.empty()) {
      Finding& f = ctx.add(Status::Fail, subject, sys.id ? sys.id.loc : sys.loc,
                           message("findings.resources.spare-hardware.uncovered", fmt::arg("system", name)));
      f.remediation = message("fixes.resources.spare-hardware.uncovered", fmt::arg("system", name));
      return;
    }

    std::vector<std::string> components, components_said;
    for (const Spare* s : mine) {
      components.push_back(component_of(*s));
      components_said.push_back(said_component(*s));
    }

    for (const Spare* s : mine) {
      if (s->on_hand && *s->on_hand >= 1) {
        Finding& f = ctx.add(Status::Pass, subject, s->on_hand.loc,
                             s->location ? message("findings.resources.spare-hardware.on_hand", fmt::arg("spare", said_component(*s)),
                                                   fmt::arg("count", *s->on_hand), fmt::arg("place", say_name(*s->location)))
                                         : message("findings.resources.spare-hardware.on_hand_unplaced",
                                                   fmt::arg("spare", said_component(*s)), fmt::arg("count", *s->on_hand)));
        f.evidence.emplace_back("spare", component_of(*s));
        f.evidence.emplace_back("on_hand", int64_t{*s->on_hand});
        return;
      }
    }

    // Nothing on hand: the fastest delivery decides.
    const Spare* fastest = nullptr;
    for (const Spare* s : mine)
      if (s->lead_time && (!fastest || *s->lead_time < *fastest->lead_time)) fastest = s;

    if (!fastest) {
      Finding& f = ctx.add(Status::Fail, subject, mine.front()->on_hand.loc,
                           message("findings.resources.spare-hardware.no_lead_time", fmt::arg("system", name),
                                   fmt::arg("spares", fmt::join(components_said, message_text("findings.engine.join.list")))));
      f.evidence.emplace_back("spares", components);
      f.remediation = message("fixes.resources.spare-hardware.no_lead_time", fmt::arg("system", name));
      return;
    }

    const std::string lead = format_duration(*fastest->lead_time);
    if (!sys.rto) {
      Finding& f = ctx.add(Status::Fail, subject, sys.rto.loc,
                           message("findings.resources.spare-hardware.no_rto", fmt::arg("system", name),
                                   fmt::arg("spare", said_component(*fastest)),
                                   fmt::arg("lead", say_duration(*fastest->lead_time))));
      f.evidence.emplace_back("spare", component_of(*fastest));
      f.evidence.emplace_back("lead_time", lead);
      f.evidence.emplace_back("lead_time_seconds", int64_t{fastest->lead_time->count()});
      f.remediation = message("fixes.resources.spare-hardware.no_rto", fmt::arg("system", name));
      return;
    }

    const std::string rto = format_duration(*sys.rto);
    Finding& f = *fastest->lead_time <= *sys.rto
                     ? ctx.add(Status::Pass, subject, fastest->lead_time.loc,
                               message("findings.resources.spare-hardware.lead_within", fmt::arg("spare", said_component(*fastest)),
                                       fmt::arg("lead", say_duration(*fastest->lead_time)),
                                       fmt::arg("rto", say_duration(*sys.rto))))
                     : ctx.add(Status::Fail, subject, fastest->lead_time.loc,
                               message("findings.resources.spare-hardware.lead_above", fmt::arg("system", name),
                                       fmt::arg("lead", say_duration(*fastest->lead_time)),
                                       fmt::arg("spare", said_component(*fastest)),
                                       fmt::arg("rto", say_duration(*sys.rto))));
    f.evidence.emplace_back("spare", component_of(*fastest));
    f.evidence.emplace_back("on_hand", int64_t{fastest->on_hand.value_or(0)});
    f.evidence.emplace_back("lead_time", lead);
    f.evidence.emplace_back("lead_time_seconds", int64_t{fastest->lead_time->count()});
    f.evidence.emplace_back("rto", rto);
    f.evidence.emplace_back("rto_seconds", int64_t{sys.rto->count()});
    if (f.status == Status::Fail)
      f.remediation = message("fixes.resources.spare-hardware.lead_above", fmt::arg("spare", said_component(*fastest)),
                              fmt::arg("system", name), fmt::arg("rto", say_duration(*sys.rto)));
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    SpareHardware, .id = "resources.spare-hardware", .severity = Severity::Gate,
    .title = "Spare hardware covers every tier-1 system",
    .why = "When a server, disk or switch of a business-critical system dies during the "
           "go-live, recovery waits for the replacement. Each tier-1 system needs a spare that "
           "covers it and is either on hand or deliverable within the system's RTO; without an "
           "RTO the lead time cannot be judged, so only a spare on hand will do.",
    .fix = "List spares under resources.spares covering each tier-1 system, on hand or with a "
           "lead_time within its RTO.",
    .reads = {"systems[].tier", "systems[].rto", "resources.spares[].covers",
              "resources.spares[].on_hand", "resources.spares[].lead_time"},
    .live = false);

}  // namespace golive
