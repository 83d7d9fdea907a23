#include "checks/engine/plan.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace golive {

const Zone* Plan::zone() const {
  return go_live.timezone ? find_zone(*go_live.timezone) : nullptr;
}

struct PlanIndex::Tables {
  // What the tables were built from: a change of size or storage means a rebuild.
  size_t contacts = 0, systems = 0, backups = 0;
  const void* contacts_data = nullptr;
  const void* systems_data = nullptr;
  const void* backups_data = nullptr;
  std::unordered_map<std::string, size_t> contact, system, backup;  ///< id → first position
  std::unordered_set<std::string> datastores;
  std::unordered_map<std::string, std::vector<size_t>> backups_by_store;  ///< positions, in order
};

PlanIndex::PlanIndex() = default;
PlanIndex::~PlanIndex() = default;
PlanIndex::PlanIndex(const PlanIndex&) {}
PlanIndex& PlanIndex::operator=(const PlanIndex&) {
  std::lock_guard lock(mutex_);
  tables_.reset();
  return *this;
}

const PlanIndex::Tables& PlanIndex::tables(const Plan& plan) const {
  std::lock_guard lock(mutex_);
  const Tables* t = tables_.get();
  if (t && t->contacts == plan.contacts.size() && t->contacts_data == plan.contacts.data() &&
      t->systems == plan.systems.size() && t->systems_data == plan.systems.data() &&
      t->backups == plan.backups.size() && t->backups_data == plan.backups.data())
    return *t;
  auto fresh = std::make_unique<Tables>();
  fresh->contacts = plan.contacts.size();
  fresh->contacts_data = plan.contacts.data();
  fresh->systems = plan.systems.size();
  fresh->systems_data = plan.systems.data();
  fresh->backups = plan.backups.size();
  fresh->backups_data = plan.backups.data();
  for (size_t i = 0; i < plan.contacts.size(); ++i)
    if (plan.contacts[i].id) fresh->contact.try_emplace(*plan.contacts[i].id, i);
  for (size_t i = 0; i < plan.systems.size(); ++i) {
    const System& s = plan.systems[i];
    if (s.id) fresh->system.try_emplace(*s.id, i);
    for (const Ref& d : s.datastores)
      if (d) fresh->datastores.insert(*d);
  }
  for (size_t i = 0; i < plan.backups.size(); ++i) {
    const Backup& b = plan.backups[i];
    if (b.id) fresh->backup.try_emplace(*b.id, i);
    if (b.datastore) fresh->backups_by_store[*b.datastore].push_back(i);
  }
  tables_ = std::move(fresh);
  return *tables_;
}

namespace {

template <class T>
const T* at(const std::vector<T>& items, const std::unordered_map<std::string, size_t>& table,
            const std::string& id) {
  auto it = table.find(id);
  return it == table.end() ? nullptr : &items[it->second];
}

}  // namespace

const Contact* Plan::contact(const std::string& id) const {
  return at(contacts, index.tables(*this).contact, id);
}

const System* Plan::system(const std::string& id) const {
  return at(systems, index.tables(*this).system, id);
}

const Backup* Plan::backup(const std::string& id) const {
  return at(backups, index.tables(*this).backup, id);
}

bool Plan::has_datastore(const std::string& id) const {
  return index.tables(*this).datastores.contains(id);
}

std::vector<const Backup*> Plan::backups_of(const std::string& store, const Text& system) const {
  const auto& by_store = index.tables(*this).backups_by_store;
  std::vector<size_t> positions;
  auto add = [&](const std::string& key) {
    if (auto it = by_store.find(key); it != by_store.end())
      positions.insert(positions.end(), it->second.begin(), it->second.end());
  };
  add(store);
  if (system && *system != store) {
    add(*system);
    std::sort(positions.begin(), positions.end());
  }
  std::vector<const Backup*> out;
  out.reserve(positions.size());
  for (size_t i : positions) out.push_back(&backups[i]);
  return out;
}

bool Plan::tagged(const std::string& scenario) const {
  return std::any_of(plan.scenarios.begin(), plan.scenarios.end(),
                     [&](const Text& t) { return t && *t == scenario; });
}

SourceLoc Plan::tag_loc(const std::string& scenario) const {
  for (const Text& t : plan.scenarios)
    if (t && *t == scenario) return t.loc;
  return plan.loc;
}

bool Plan::has_tier1_system() const {
  return std::any_of(systems.begin(), systems.end(), [](const System& s) { return s.tier && *s.tier == 1; });
}

}  // namespace golive
