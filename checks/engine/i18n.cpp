#include "checks/engine/i18n.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <memory>
#include <mutex>
#include <stdexcept>

#include <date/date.h>

#include "checks/engine/check.h"
#include "checks/engine/civil_time.h"
#include "checks/engine/zone.h"

namespace golive {

namespace {

std::string& current() {
  static std::string lang = "en";
  return lang;
}

const CompiledCatalogue& compiled(std::string_view lang) {
  for (const CompiledCatalogue& c : compiled_catalogues())
    if (c.name == lang) return c;
  throw std::logic_error(fmt::format("no message catalogue for language {}", lang));
}

// The entry for `key` in a catalogue (sorted by key), or nullptr.
const CatalogueEntry* find_entry(const CompiledCatalogue& catalogue, std::string_view key) {
  const std::span<const CatalogueEntry> entries = catalogue.entries;
  auto it = std::lower_bound(entries.begin(), entries.end(), key, [&](const CatalogueEntry& e, std::string_view k) {
    return catalogue.key(e) < k;
  });
  return it == entries.end() || catalogue.key(*it) != key ? nullptr : &*it;
}

std::map<std::string, std::string> load(const std::string& lang) {
  std::map<std::string, std::string> out;
  const CompiledCatalogue& c = compiled(lang);
  for (const CatalogueEntry& e : c.entries) out.emplace_hint(out.end(), c.key(e), c.text(e));
  return out;
}

}  // namespace

const std::vector<std::string>& languages() {
  static const std::vector<std::string> names = {"en", "zh-CN"};
  return names;
}

std::string language_of_locale(std::string_view locale) {
  // language[_territory][.codeset][@modifier]; BCP 47's zh-CN is accepted too. Traditional
  // Chinese locales (zh_TW, zh_HK) get English rather than a script their readers did not ask for.
  std::string base(locale.substr(0, locale.find_first_of(".@")));
  std::replace(base.begin(), base.end(), '-', '_');
  std::transform(base.begin(), base.end(), base.begin(), [](unsigned char c) { return std::tolower(c); });
  return base == "zh_cn" || base == "zh_sg" ? "zh-CN" : "en";
}

void set_language(const std::string& lang) {
  if (std::find(languages().begin(), languages().end(), lang) == languages().end())
    throw std::logic_error("unknown language " + lang);
  current() = lang;
}

const std::string& language() { return current(); }

const std::map<std::string, std::string>& catalogue(const std::string& lang) {
  // The lock is for `check -j`: plans checked on several threads ask for messages at once.
  static std::mutex lock;
  static std::map<std::string, std::map<std::string, std::string>> cache;
  std::lock_guard<std::mutex> hold(lock);
  auto it = cache.find(lang);
  if (it == cache.end()) it = cache.emplace(lang, load(lang)).first;
  return it->second;
}

std::optional<std::string_view> find_message(std::string_view lang, std::string_view key) {
  const CompiledCatalogue& catalogue = compiled(lang);
  const CatalogueEntry* entry = find_entry(catalogue, key);
  if (!entry) return std::nullopt;
  return catalogue.text(*entry);
}

namespace {

/// One slot per message of a catalogue, in the catalogue's order: the message as a
/// std::string once it has been asked for, null before. Owns the strings.
class TextSlots {
 public:
  explicit TextSlots(size_t count) : slots_(new std::atomic<const std::string*>[count]()), count_(count) {}
  TextSlots(const TextSlots&) = delete;
  TextSlots& operator=(const TextSlots&) = delete;
  ~TextSlots() {
    for (size_t i = 0; i < count_; ++i) delete slots_[i].load(std::memory_order_relaxed);
  }
  std::atomic<const std::string*>& operator[](size_t i) { return slots_[i]; }

 private:
  std::unique_ptr<std::atomic<const std::string*>[]> slots_;
  size_t count_;
};

TextSlots& text_slots(const CompiledCatalogue& catalogue) {
  static const std::vector<std::unique_ptr<TextSlots>> all = [] {
    std::vector<std::unique_ptr<TextSlots>> out;
    for (const CompiledCatalogue& c : compiled_catalogues())
      out.push_back(std::make_unique<TextSlots>(c.entries.size()));
    return out;
  }();
  return *all[static_cast<size_t>(&catalogue - compiled_catalogues().data())];
}

}  // namespace

const std::string& message_text_in(std::string_view lang, std::string_view key) {
  const CompiledCatalogue& catalogue = compiled(lang);
  const CatalogueEntry* entry = find_entry(catalogue, key);
  if (!entry) throw std::logic_error(fmt::format("message catalogue {} has no key {}", lang, key));
  // Callers keep a reference to the text; each looked-up message becomes a std::string once.
  // Without a lock: with `check -j` every thread asks for messages all the time, and one
  // lock for all of them kept the threads waiting on each other. Of two threads that make
  // the same string at once, the first to store it wins and the other drops its copy.
  std::atomic<const std::string*>& slot = text_slots(catalogue)[static_cast<size_t>(entry - catalogue.entries.data())];
  const std::string* text = slot.load(std::memory_order_acquire);
  if (text) return *text;
  auto made = std::make_unique<const std::string>(catalogue.text(*entry));
  if (slot.compare_exchange_strong(text, made.get(), std::memory_order_acq_rel, std::memory_order_acquire))
    return *made.release();
  return *text;
}

const std::string& message_text(std::string_view key) { return message_text_in(language(), key); }

std::vector<std::string> message_arguments(std::string_view text) {
  std::vector<std::string> names;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 1 < text.size() && text[i + 1] == '{') {
      ++i;
      continue;
    }
    if (text[i] != '{') continue;
    size_t end = text.find_first_of(":}", i);
    if (end == std::string_view::npos) break;
    names.emplace_back(text.substr(i + 1, end - i - 1));
    i = end;
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::string check_text(const CheckInfo& info, std::string_view field) {
  if (language() == "en") {
    if (field == "title") return info.title;
    if (field == "why") return info.why;
    if (field == "fix") return info.fix;
    throw std::logic_error(fmt::format("no check field {}", field));
  }
  return message_text(fmt::format("checks.{}.{}", info.id, field));
}

std::string ruleset_text(const std::string& name, std::string_view field, const std::string& english) {
  if (language() == "en") return english;
  return message_text(fmt::format("rulesets_builtin.{}.{}", name, field));
}

std::string say_duration(std::chrono::microseconds d) {
  int64_t us = d.count();
  if (us == 0) return message("formats.duration.seconds", fmt::arg("n", 0));
  std::string out;
  if (us < 0) {
    out = message_text("formats.duration.minus");
    us = -us;
  }
  int64_t s = us / 1'000'000;
  us %= 1'000'000;
  static constexpr std::pair<int64_t, const char*> parts[] = {
      {86400, "formats.duration.days"}, {3600, "formats.duration.hours"},
      {60, "formats.duration.minutes"}};
  for (auto [size, key] : parts) {
    if (s >= size) {
      out += message(key, fmt::arg("n", s / size));
      s %= size;
    }
  }
  if (us != 0) {
    std::string frac = fmt::format("{:06}", us);
    frac.erase(frac.find_last_not_of('0') + 1);
    out += message("formats.duration.seconds", fmt::arg("n", fmt::format("{}.{}", s, frac)));
  } else if (s != 0) {
    out += message("formats.duration.seconds", fmt::arg("n", s));
  }
  return out;
}

std::string say_instant(Instant t, const Zone* zone) {
  auto whole = std::chrono::floor<std::chrono::seconds>(t);
  std::chrono::seconds offset{0};
  if (zone) offset = zone->get_info(t).offset;
  auto local = whole + offset;
  std::string fraction;
  if (auto us = (t - whole).count(); us != 0) {
    fraction = fmt::format(".{:06}", us);
    fraction.erase(fraction.find_last_not_of('0') + 1);
  }
  const CivilTime c = civil_time(local);
  // Where the language writes it so, seconds that are zero are left out: 02:00, not 02:00:00.
  const bool short_time = message_text("formats.instant_zero_seconds") == "omit" &&
                          fraction.empty() && c.seconds == 0;
  const std::string time = short_time ? fmt::format("{:02}:{:02}", c.hours, c.minutes)
                                      : fmt::format("{:02}:{:02}:{:02}", c.hours, c.minutes, c.seconds) + fraction;
  auto minutes = std::chrono::duration_cast<std::chrono::minutes>(offset).count();
  const std::string sign = minutes < 0 ? "-" : "+";
  if (minutes < 0) minutes = -minutes;
  return message(zone ? "formats.instant" : "formats.instant_utc",
                 fmt::arg("date", c.date), fmt::arg("time", time),
                 fmt::arg("offset", fmt::format("{}{:02}:{:02}", sign, minutes / 60, minutes % 60)));
}

}  // namespace golive
