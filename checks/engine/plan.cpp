#include "checks/engine/plan.h"

#include <algorithm>

namespace golive {

const Zone* Plan::zone() const {
  return go_live.timezone ? find_zone(*go_live.timezone) : nullptr;
}

const Contact* Plan::contact(const std::string& id) const {
  for (const auto& c : contacts)
    if (c.id && *c.id == id) return &c;
  return nullptr;
}

const System* Plan::system(const std::string& id) const {
  for (const auto& s : systems)
    if (s.id && *s.id == id) return &s;
  return nullptr;
}

const Backup* Plan::backup(const std::string& id) const {
  for (const auto& b : backups)
    if (b.id && *b.id == id) return &b;
  return nullptr;
}

bool Plan::has_datastore(const std::string& id) const {
  for (const auto& s : systems)
    for (const auto& d : s.datastores)
      if (d && *d == id) return true;
  return false;
}

bool Plan::tagged(const std::string& scenario) const {
  return std::any_of(plan.scenarios.begin(), plan.scenarios.end(),
                     [&](const Text& t) { return t && *t == scenario; });
}

}  // namespace golive
