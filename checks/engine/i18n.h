#pragma once
/// Messages for people in the user's language. Each language is one catalogue file,
/// i18n/<lang>.yaml, embedded at build time; messages are looked up by key and take fmt
/// named arguments (`{plan}`, `{count}`). A missing key is a defect of this binary, never
/// a silent English fallback (docs/i18n.md).

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "checks/engine/values.h"

namespace golive {

struct CheckInfo;

/// One message of a catalogue: where its key (nested YAML keys joined with dots) and its
/// text lie in the catalogue's `pool`, as byte offsets and lengths. Offsets, not pointers: a
/// table of 3,500 pointers was rewritten by the dynamic loader at every start-up, and each
/// of its 27 pages copied (bench/README.md).
struct CatalogueEntry {
  uint32_t key_at;
  uint32_t key_size;
  uint32_t text_at;
  uint32_t text_size;
};

/// One language's catalogue, compiled from i18n/<lang>.yaml at build time by
/// tools/compile_catalogues.cpp (no catalogue is parsed at run time).
struct CompiledCatalogue {
  const char* name;                        ///< the language: `en`, `zh-CN`
  std::span<const CatalogueEntry> entries;  ///< every message, sorted by key, each key once
  const char* pool;                         ///< every key and text, one after another (UTF-8)

  std::string_view key(const CatalogueEntry& e) const { return {pool + e.key_at, e.key_size}; }
  std::string_view text(const CatalogueEntry& e) const { return {pool + e.text_at, e.text_size}; }
};

/// Every catalogue of i18n/, compiled in.
const std::vector<CompiledCatalogue>& compiled_catalogues();

/// The languages golive speaks, as `--lang` accepts them: `en`, `zh-CN`.
const std::vector<std::string>& languages();

/// The language a POSIX locale value asks for: Simplified Chinese (`zh_CN.UTF-8`, `zh_CN`,
/// `zh-CN`, `zh_SG`, any encoding or modifier) gives `zh-CN`; everything else (`C`,
/// `en_US.UTF-8`, `zh_TW`…) gives `en`.
std::string language_of_locale(std::string_view locale);

/// Sets the language of every later message(), check_text() and ruleset_text(); one of
/// languages(). Set once per process, before any output, by dispatch().
void set_language(const std::string& lang);

/// The language set by set_language(); `en` until then.
const std::string& language();

/// One language's catalogue: every key (nested YAML keys joined with dots,
/// `list_checks.header.id`) → its text. Throws std::logic_error when `lang` has no
/// catalogue (a defect of this binary). Builds a map of every message on first use: for
/// tests and tables of the whole catalogue; a lookup wants find_message() or message_text().
const std::map<std::string, std::string>& catalogue(const std::string& lang);

/// The text of `key` in `lang`'s compiled catalogue, or nothing when it has no such key (for
/// keys that exist for some values only, like the standard's roles). A binary search of the
/// compiled table: no catalogue is parsed or copied. Throws std::logic_error when `lang` has
/// no catalogue.
std::optional<std::string_view> find_message(std::string_view lang, std::string_view key);

/// The text of `key` in `lang`. Throws std::logic_error when the catalogue has no such key:
/// golive then exits 3 and the tests fail, rather than print English. The reference stays
/// valid for the whole run.
const std::string& message_text_in(std::string_view lang, std::string_view key);

/// message_text_in() in the current language().
const std::string& message_text(std::string_view key);

/// message_text(key) with fmt named arguments:
/// `message("rulesets.rules", fmt::arg("count", 4))`. Throws fmt::format_error when the
/// text names an argument not given.
template <class... Args>
std::string message(std::string_view key, const Args&... args) {
  return fmt::format(fmt::runtime(message_text(key)), args...);
}

/// The argument names a message text uses, sorted and each once: "{id}: {title}" →
/// {"id", "title"}. `{{` and `}}` are literal braces.
std::vector<std::string> message_arguments(std::string_view text);

/// A check's `title`, `why` or `fix` in the current language: the registration's English
/// for `en`, else the catalogue's `checks.<id>.<field>`.
std::string check_text(const CheckInfo& info, std::string_view field);

/// A built-in ruleset's `description` or `trigger` in the current language: `english`
/// (the ruleset file's or the selection's own text) for `en`, else the catalogue's
/// `rulesets_builtin.<name>.<field>`.
std::string ruleset_text(const std::string& name, std::string_view field, const std::string& english);

/// A duration for people, in the current language, from the catalogue's
/// `formats.duration.*` units: `en` prints what format_duration() prints (`1d6h`, `15m`,
/// `0.5s`, `-2h`); `zh-CN` prints `1天6小时`, `15分钟`, `0.5秒`. Use it in messages; machine
/// fields (JSON evidence, `*_seconds`) keep format_duration() or plain numbers.
std::string say_duration(std::chrono::microseconds d);

/// An instant for people, in the current language, from the catalogue's `formats.instant`
/// (with `zone`: the zone's offset at that instant) or `formats.instant_utc` (zone null):
/// `en` prints what format_instant_in() prints (`2026-12-05T02:00:00+08:00`,
/// `2026-12-04T18:00:00Z`); `zh-CN` prints `2026-12-05 02:00 (UTC+08:00)` (`formats.instant_zero_seconds: omit`
/// leaves out seconds that are zero).
std::string say_instant(Instant t, const Zone* zone);

}  // namespace golive
