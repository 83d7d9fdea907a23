// checks/monitoring/alertmanager_routing.cpp
#include "checks/monitoring/alertmanager_routing.h"

#include <memory>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <re2/re2.h>

#include "checks/engine/i18n.h"
#include "checks/engine/source_loc.h"
#include "checks/engine/yaml_reader.h"

namespace golive {
namespace {

/// A config problem; caught in route_alert() and turned into RoutingResult::error.
struct ConfigError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

enum class Op { Equal, NotEqual, Regex, NotRegex };

struct Matcher {
  std::string name;
  Op op = Op::Equal;
  std::string value;
  std::shared_ptr<const RE2> re;

  bool matches(const std::string& v) const {
    switch (op) {
      case Op::Equal: return v == value;
      case Op::NotEqual: return v != value;
      // Go's MatchString searches; the anchors are part of the pattern (see compile()).
      case Op::Regex: return RE2::PartialMatch(v, *re);
      case Op::NotRegex: return !RE2::PartialMatch(v, *re);
    }
    return false;
  }
};

/// Go's utf8.ValidString.
bool valid_utf8(const std::string& s) {
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (size_t k = 1; k < n; ++k) {
      auto d = static_cast<unsigned char>(s[i + k]);
      if ((d >> 6) != 0x2) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += n;
  }
  return true;
}

/// RE2 accepts `\C` (any byte); Go's regexp, which Alertmanager uses, does not. Every other
/// construct the two accept means the same in both (both are RE2 syntax), so this is the
/// one to refuse by name rather than evaluate differently.
void refuse_re2_only(const std::string& re) {
  for (size_t i = 0; i + 1 < re.size(); ++i) {
    if (re[i] != '\\') continue;
    if (re[i + 1] == 'Q') {  // \Q…\E is literal text
      size_t end = re.find("\\E", i + 2);
      if (end == std::string::npos) return;
      i = end + 1;
      continue;
    }
    if (re[i + 1] == 'C')
      throw ConfigError(fmt::format("regular expression \"{}\": \\C (any byte) is RE2-only; Go's regexp, which "
                                    "Alertmanager uses, rejects it",
                                    re));
    ++i;
  }
}

/// Compiles as Go's regexp.Compile does: RE2 syntax (Perl classes, \pN, non-greedy…), UTF-8,
/// `.` not matching \n unless (?s), `^`/`$` at the text's ends unless (?m).
std::shared_ptr<const RE2> compile(const std::string& source, const std::string& pattern) {
  refuse_re2_only(source);
  RE2::Options opt;
  opt.set_encoding(RE2::Options::EncodingUTF8);
  opt.set_log_errors(false);
  auto re = std::make_shared<const RE2>(pattern, opt);
  if (!re->ok()) throw ConfigError(fmt::format("invalid regular expression \"{}\": {}", source, re->error()));
  return re;
}

Matcher make_matcher(std::string name, Op op, std::string value) {
  Matcher m{std::move(name), op, std::move(value), nullptr};
  // labels.NewMatcher anchors every regex: ^(?:re)$.
  if (op == Op::Regex || op == Op::NotRegex) m.re = compile(m.value, "^(?:" + m.value + ")$");
  return m;
}

/// The `\s` of Go's regexp: [\t\n\f\r ] (no vertical tab).
bool go_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }

/// Length of the Unicode white space (Go's unicode.IsSpace) at s[i], 0 if none.
size_t unicode_space_at(const std::string& s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (go_space(s[i]) || c == '\v') return 1;
  auto at = [&](std::string_view u) { return s.compare(i, u.size(), u) == 0 ? u.size() : 0; };
  // U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000.
  if (size_t n = at("\xC2\x85") + at("\xC2\xA0") + at("\xE1\x9A\x80") + at("\xE3\x80\x80")) return n;
  if (i + 2 < s.size() && c == 0xE2) {
    auto b1 = static_cast<unsigned char>(s[i + 1]), b2 = static_cast<unsigned char>(s[i + 2]);
    if (b1 == 0x80 && (b2 <= 0x8A || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF)) return 3;
    if (b1 == 0x81 && b2 == 0x9F) return 3;
  }
  return 0;
}

/// Go's strings.TrimSpace.
std::string trim_unicode_space(const std::string& s) {
  size_t b = 0;
  while (b < s.size()) {
    size_t n = unicode_space_at(s, b);
    if (!n) break;
    b += n;
  }
  size_t e = s.size();
  while (e > b) {
    size_t start = e - 1;  // back to the first byte of the last character
    while (start > b && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    if (unicode_space_at(s, start) != e - start) break;
    e = start;
  }
  return s.substr(b, e - b);
}

bool is_name_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
}
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9'); }

/// labels.ParseMatcher of Alertmanager 0.25: the regex
/// ^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(=~|=|!=|!~)\s*((?s).*?)\s*$, then the value's
/// OpenMetrics escapes (\" \\ \n; any other backslash is literal) and optional quotes.
Matcher parse_one(const std::string& s) {
  const std::string bad = fmt::format("bad matcher format: {}", s);
  size_t i = 0;
  while (i < s.size() && go_space(s[i])) ++i;
  if (i >= s.size() || !is_name_start(s[i])) throw ConfigError(bad);
  size_t name_start = i;
  while (i < s.size() && is_name_char(s[i])) ++i;
  std::string name = s.substr(name_start, i - name_start);
  while (i < s.size() && go_space(s[i])) ++i;
  Op op;
  if (s.compare(i, 2, "=~") == 0) { op = Op::Regex; i += 2; }
  else if (s.compare(i, 1, "=") == 0) { op = Op::Equal; i += 1; }
  else if (s.compare(i, 2, "!=") == 0) { op = Op::NotEqual; i += 2; }
  else if (s.compare(i, 2, "!~") == 0) { op = Op::NotRegex; i += 2; }
  else throw ConfigError(bad);
  while (i < s.size() && go_space(s[i])) ++i;
  size_t end = s.size();
  while (end > i && go_space(s[end - 1])) --end;
  const std::string shown = s.substr(i, end - i);
  std::string raw = shown;
  bool expect_trailing_quote = false;
  if (!raw.empty() && raw.front() == '"') {
    raw.erase(0, 1);
    expect_trailing_quote = true;
  }
  if (!valid_utf8(raw)) throw ConfigError(fmt::format("matcher value not valid UTF-8: {}", shown));
  const std::string unescaped_quote = fmt::format("matcher value contains unescaped double quote: {}", shown);
  std::string value;
  bool escaped = false;
  for (size_t k = 0; k < raw.size(); ++k) {
    char c = raw[k];
    if (escaped) {
      escaped = false;
      if (c == 'n') value += '\n';
      else if (c == '"' || c == '\\') value += c;
      else { value += '\\'; value += c; }  // a spurious escape: the backslash is literal
      continue;
    }
    if (c == '\\') {
      if (k + 1 < raw.size()) { escaped = true; continue; }
      value += '\\';
    } else if (c == '"') {
      if (!expect_trailing_quote || k + 1 < raw.size()) throw ConfigError(unescaped_quote);
      expect_trailing_quote = false;
    } else {
      value += c;
    }
  }
  if (expect_trailing_quote) throw ConfigError(unescaped_quote);
  return make_matcher(std::move(name), op, std::move(value));
}

/// labels.ParseMatchers of Alertmanager 0.25: one leading `{` and one trailing `}` dropped
/// (each optional), split at commas outside double quotes (a `\"` does not toggle quoting),
/// the last part trimmed of Unicode spaces and dropped when empty; every other part, even
/// an empty one, must be a matcher.
std::vector<Matcher> parse_matchers(std::string s) {
  if (!s.empty() && s.front() == '{') s.erase(0, 1);
  if (!s.empty() && s.back() == '}') s.pop_back();
  std::vector<std::string> tokens;
  std::string token;
  bool quoted = false, escaped = false;
  for (char c : s) {
    // Bytes of multi-byte characters are never ',', '"' or '\\', so bytes do as runes here.
    if (c == ',' && !quoted) {
      tokens.push_back(std::move(token));
      token.clear();
      continue;
    }
    if (c == '"') {
      if (!escaped) quoted = !quoted;
      else escaped = false;
    } else if (c == '\\') {
      escaped = !escaped;
    } else if (c != ',') {
      escaped = false;
    }
    token += c;
  }
  if (std::string last = trim_unicode_space(token); !last.empty()) tokens.push_back(std::move(last));
  std::vector<Matcher> out;
  for (const auto& t : tokens) out.push_back(parse_one(t));
  return out;
}

struct Route {
  std::string receiver;
  std::vector<Matcher> matchers;
  bool cont = false;
  std::vector<Route> routes;
};

/// A string field as Go's YAML decoder fills it: a plain `null`/`~`/empty value is "" (the
/// config /api/v2/status serves writes an empty `match_re` regex as `null`).
std::string scalar(const YamlNode& n, const std::string& what) {
  if (n.IsNull()) return "";
  if (!n.IsScalar()) throw ConfigError(fmt::format("{} must be a string", what));
  return n.Scalar();
}

/// A boolean field as Go's yaml.v2 decoder (Alertmanager's) reads one: a plain YAML 1.1
/// boolean word; a quoted string or anything else is an error there, and here.
bool boolean(const YamlNode& n, const std::string& what) {
  static constexpr std::string_view kTrue[] = {"y", "Y", "yes", "Yes", "YES", "on", "On", "ON", "true", "True", "TRUE"};
  static constexpr std::string_view kFalse[] = {"n", "N", "no", "No", "NO", "off", "Off", "OFF", "false", "False", "FALSE"};
  if (n.IsScalar() && n.Tag() == "?") {
    for (std::string_view t : kTrue)
      if (n.Scalar() == t) return true;
    for (std::string_view f : kFalse)
      if (n.Scalar() == f) return false;
  }
  throw ConfigError(fmt::format("{} must be true or false", what));
}

/// Label names of match/match_re, as config validation requires them.
std::string label_name(const YamlNode& key, const std::string& path) {
  std::string name = scalar(key, path);
  bool ok = !name.empty() && is_name_start(name[0]);
  for (char c : name) ok = ok && is_name_char(c);
  if (!ok) throw ConfigError(fmt::format("{}: invalid label name \"{}\"", path, name));
  return name;
}

Route read_route(const YamlNode& node, const std::string& parent_receiver, const std::string& path) {
  if (!node.IsMap()) throw ConfigError(fmt::format("{} must be a mapping", path));
  Route r;
  r.receiver = node["receiver"] ? scalar(node["receiver"], path + ".receiver") : "";
  if (r.receiver.empty()) r.receiver = parent_receiver;
  // dispatch.NewRoute's order: match, then match_re, then matchers. All must match, so the
  // order only shows in which error is reported first.
  if (YamlNode m = node["match"]; m && !m.IsNull()) {
    if (!m.IsMap()) throw ConfigError(fmt::format("{}.match must be a mapping", path));
    for (const auto& kv : m)
      r.matchers.push_back(make_matcher(label_name(kv.first, path + ".match"), Op::Equal,
                                        scalar(kv.second, path + ".match")));
  }
  if (YamlNode m = node["match_re"]; m && !m.IsNull()) {
    if (!m.IsMap()) throw ConfigError(fmt::format("{}.match_re must be a mapping", path));
    for (const auto& kv : m) {
      // config.Regexp compiles ^(?:re)$, and the route wraps that text again: the double
      // anchoring matters for a top-level alternation such as `a)|(b`.
      std::string re = scalar(kv.second, path + ".match_re");
      std::string name = label_name(kv.first, path + ".match_re");
      Matcher m2{name, Op::Regex, re, compile(re, "^(?:^(?:" + re + ")$)$")};
      r.matchers.push_back(std::move(m2));
    }
  }
  if (YamlNode m = node["matchers"]; m && !m.IsNull()) {
    if (!m.IsSequence()) throw ConfigError(fmt::format("{}.matchers must be a list", path));
    for (const auto& item : m)
      for (auto& x : parse_matchers(scalar(item, path + ".matchers[]"))) r.matchers.push_back(std::move(x));
  }
  if (YamlNode c = node["continue"]; c && !c.IsNull()) r.cont = boolean(c, path + ".continue");
  if (YamlNode children = node["routes"]; children && !children.IsNull()) {
    if (!children.IsSequence()) throw ConfigError(fmt::format("{}.routes must be a list", path));
    size_t i = 0;
    for (const auto& child : children)
      r.routes.push_back(read_route(child, r.receiver, fmt::format("{}.routes[{}]", path, i++)));
  }
  return r;
}

std::string label(const std::vector<std::pair<std::string, std::string>>& labels, const std::string& name) {
  for (const auto& [k, v] : labels)
    if (k == name) return v;
  return "";
}

/// Alertmanager's Route.Match: the matching routes under `r`, depth first.
std::vector<const Route*> match(const Route& r, const std::vector<std::pair<std::string, std::string>>& labels) {
  for (const auto& m : r.matchers)
    if (!m.matches(label(labels, m.name))) return {};
  std::vector<const Route*> all;
  for (const auto& child : r.routes) {
    auto found = match(child, labels);
    bool matched = !found.empty();
    all.insert(all.end(), found.begin(), found.end());
    if (matched && !child.cont) break;
  }
  if (all.empty()) all.push_back(&r);
  return all;
}

}  // namespace

RoutingResult route_alert(const std::string& config_yaml,
                          const std::vector<std::pair<std::string, std::string>>& labels) {
  RoutingResult out;
  try {
    for (const auto& [k, v] : labels)
      if (!valid_utf8(v)) throw ConfigError(fmt::format("the value of label {} is not valid UTF-8", k));
    // The reader of plans, with its safety checks (one document, no duplicate keys, no
    // alias cycles, the input limits) and merge keys, as Alertmanager's yaml.v2 applies them.
    YamlNode root = parse_yaml(config_yaml, "Alertmanager configuration");
    if (!root.IsMap()) throw ConfigError("the configuration is not a YAML mapping");
    YamlNode route = root["route"];
    if (!route || route.IsNull()) throw ConfigError("no route configuration provided");
    Route tree = read_route(route, "", "route");
    if (tree.receiver.empty()) throw ConfigError("root route must specify a default receiver");
    if (!tree.matchers.empty()) throw ConfigError("root route must not have any matchers");
    if (YamlNode rs = root["receivers"]; rs && !rs.IsNull()) {
      if (!rs.IsSequence()) throw ConfigError("receivers must be a list");
      for (const auto& rcv : rs) {
        if (!rcv.IsMap() || !rcv["name"]) throw ConfigError("every receiver needs a name");
        AlertmanagerReceiver ar{scalar(rcv["name"], "receivers[].name"), {}};
        for (const auto& kv : rcv) {
          const std::string& key = kv.first.Scalar();
          if (key.size() > 8 && key.compare(key.size() - 8, 8, "_configs") == 0 && kv.second.IsSequence() &&
              kv.second.size() > 0)
            ar.integrations.push_back(key);
        }
        out.declared.push_back(std::move(ar));
      }
    }
    for (const Route* r : match(tree, labels)) out.receivers.push_back(r->receiver);
  } catch (const ConfigError& e) {
    out = RoutingResult{};
    out.error = e.what();
  } catch (const InputError& e) {
    out = RoutingResult{};
    out.error = e.loc().known() ? fmt::format("{} (line {}, column {})", e.what(), e.loc().line, e.loc().column)
                                : std::string(e.what());
  }
  return out;
}

std::string quote_value(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
          out += fmt::format("\\x{:02x}", static_cast<unsigned char>(c));
        else
          out += c;
    }
  }
  return out + "\"";
}

std::string label_set_text(const std::vector<std::pair<std::string, std::string>>& labels) {
  std::vector<std::string> parts;
  for (const auto& [k, v] : labels) parts.push_back(k + "=" + quote_value(v));
  return "{" + fmt::format("{}", fmt::join(parts, ", ")) + "}";
}

std::string say_receiver(std::string_view name) {
  const std::string quoted = quote_value(name);
  return message("findings.monitoring.receiver", fmt::arg("name", quoted.substr(1, quoted.size() - 2)));
}

std::string receivers_text(const std::vector<std::string>& receivers) {
  std::vector<std::string> parts;
  for (const auto& r : receivers) parts.push_back(say_receiver(r));
  return fmt::format("{}", fmt::join(parts, message_text("findings.join.list")));
}

}  // namespace golive
