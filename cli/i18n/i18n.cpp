#include "cli/i18n/i18n.h"

#include <algorithm>
#include <cctype>
#include <stdexcept>

#include <yaml-cpp/yaml.h>

#include "checks/engine/check.h"

namespace golive {

namespace {

std::string& current() {
  static std::string lang = "en";
  return lang;
}

void flatten(const YAML::Node& node, const std::string& prefix, const std::string& lang,
             std::map<std::string, std::string>& out) {
  for (const auto& kv : node) {
    std::string key = prefix + kv.first.Scalar();
    if (kv.second.IsMap()) {
      flatten(kv.second, key + ".", lang, out);
    } else if (kv.second.IsScalar()) {
      out[key] = kv.second.Scalar();
    } else if (kv.second.IsNull()) {
      out[key] = "";
    } else {
      throw std::logic_error("message catalogue " + lang + ": " + key + " is not a string");
    }
  }
}

std::map<std::string, std::string> load(const std::string& lang) {
  for (const EmbeddedCatalogue& c : embedded_catalogues()) {
    if (c.name != lang) continue;
    YAML::Node root = YAML::Load(c.text);
    if (!root.IsMap()) throw std::logic_error("message catalogue " + lang + " is not a mapping");
    std::map<std::string, std::string> out;
    flatten(root, "", lang, out);
    return out;
  }
  throw std::logic_error("no message catalogue for language " + lang);
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
  // Parsed on first use, once per language; a run speaks one language, so one parse.
  static std::map<std::string, std::map<std::string, std::string>> cache;
  auto it = cache.find(lang);
  if (it == cache.end()) it = cache.emplace(lang, load(lang)).first;
  return it->second;
}

const std::string& message_text(std::string_view key) {
  const auto& messages = catalogue(language());
  auto it = messages.find(std::string(key));
  if (it == messages.end())
    throw std::logic_error(fmt::format("message catalogue {} has no key {}", language(), key));
  return it->second;
}

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

}  // namespace golive
