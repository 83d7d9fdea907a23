#pragma once
/// Messages for people in the user's language. Each language is one catalogue file,
/// i18n/<lang>.yaml, embedded at build time; messages are looked up by key and take fmt
/// named arguments (`{plan}`, `{count}`). A missing key is a defect of this binary, never
/// a silent English fallback (docs/i18n.md).

#include <chrono>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "checks/engine/values.h"

namespace golive {

struct CheckInfo;

/// One embedded catalogue file (see cmake/embed_files.cmake).
struct EmbeddedCatalogue {
  const char* name;  ///< the language: file name up to its first dot, `en`, `zh-CN`
  const char* text;  ///< the YAML text
};

/// Every catalogue of i18n/, compiled in.
const std::vector<EmbeddedCatalogue>& embedded_catalogues();

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
/// catalogue or the catalogue is not a mapping of strings (a defect of this binary).
const std::map<std::string, std::string>& catalogue(const std::string& lang);

/// The text of `key` in the current language. Throws std::logic_error when the catalogue
/// has no such key: golive then exits 3 and the tests fail, rather than print English.
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
