#include "checks/engine/zone.h"

#include <stdexcept>

#include <cctz/civil_time.h>
#include <cctz/time_zone.h>

namespace golive {

struct Zone::Impl {
  cctz::time_zone tz;
};

Zone::Zone(std::string name) : name_(std::move(name)), impl_(std::make_unique<Impl>()) {
  if (!cctz::load_time_zone(name_, &impl_->tz))
    throw std::runtime_error("cannot read the time zone " + name_);
}

Zone::~Zone() = default;

date::sys_info Zone::get_info(date::sys_seconds t) const {
  const auto& tz = impl_->tz;
  const cctz::time_zone::absolute_lookup al = tz.lookup(t);
  date::sys_info info;
  info.offset = std::chrono::seconds(al.offset);
  info.save = std::chrono::minutes(al.is_dst ? 1 : 0);
  info.abbrev = al.abbr;
  // The instant of a transition is that of the civil time it jumps to (cctz's own idiom).
  cctz::time_zone::civil_transition trans;
  info.begin = tz.prev_transition(t + std::chrono::seconds(1), &trans)
                   ? tz.lookup(trans.to).trans
                   : date::sys_days{date::year::min() / 1 / 1};
  info.end = tz.next_transition(t, &trans) ? tz.lookup(trans.to).trans
                                           : date::sys_days{date::year::max() / 12 / 31};
  return info;
}

date::local_info Zone::get_info(date::local_seconds t) const {
  const cctz::civil_second cs = cctz::civil_second(1970, 1, 1) + t.time_since_epoch().count();
  const cctz::time_zone::civil_lookup cl = impl_->tz.lookup(cs);
  date::local_info info;
  switch (cl.kind) {
    case cctz::time_zone::civil_lookup::UNIQUE:
      info.result = date::local_info::unique;
      info.first = get_info(cl.pre);
      break;
    case cctz::time_zone::civil_lookup::SKIPPED:
      info.result = date::local_info::nonexistent;
      info.first = get_info(cl.trans - std::chrono::seconds(1));
      info.second = get_info(cl.trans);
      break;
    case cctz::time_zone::civil_lookup::REPEATED:
      info.result = date::local_info::ambiguous;
      info.first = get_info(cl.trans - std::chrono::seconds(1));
      info.second = get_info(cl.trans);
      break;
  }
  return info;
}

}  // namespace golive
