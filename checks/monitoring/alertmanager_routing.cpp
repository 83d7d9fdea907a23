// checks/monitoring/alertmanager_routing.cpp
#include "checks/monitoring/alertmanager_routing.h"

#include <cctype>
#include <optional>
#include <regex>
#include <stdexcept>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

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
  std::optional<std::regex> re;

  bool matches(const std::string& v) const {
    switch (op) {
      case Op::Equal: return v == value;
      case Op::NotEqual: return v != value;
      case Op::Regex: return std::regex_match(v, *re);
      case Op::NotRegex: return !std::regex_match(v, *re);
    }
    return false;
  }
};

std::string trim(const std::string& s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

/// Alertmanager anchors every regex: `^(?:re)$`.
std::regex anchored(const std::string& re) {
  try {
    return std::regex("^(?:" + re + ")$", std::regex::ECMAScript);
  } catch (const std::regex_error& e) {
    throw ConfigError(fmt::format("invalid regular expression '{}': {}", re, e.what()));
  }
}

Matcher make_matcher(std::string name, Op op, std::string value) {
  Matcher m{std::move(name), op, std::move(value), std::nullopt};
  if (op == Op::Regex || op == Op::NotRegex) m.re = anchored(m.value);
  return m;
}

/// `"a\"b"` → `a"b` (Go string escapes \" \\ \n \t); text without quotes as is.
std::string unquote(const std::string& v, const std::string& whole) {
  if (v.size() < 2 || v.front() != '"' || v.back() != '"') {
    if (!v.empty() && v.front() == '"')
      throw ConfigError(fmt::format("bad matcher '{}': unterminated quoted value", whole));
    return v;
  }
  std::string out;
  for (size_t i = 1; i + 1 < v.size(); ++i) {
    char c = v[i];
    if (c == '\\' && i + 2 < v.size()) {
      char n = v[++i];
      out += n == 'n' ? '\n' : n == 't' ? '\t' : n;
    } else if (c == '"') {
      throw ConfigError(fmt::format("bad matcher '{}': unescaped quote in value", whole));
    } else {
      out += c;
    }
  }
  return out;
}

bool is_name_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == ':'; }
bool is_name_char(char c) { return is_name_start(c) || std::isdigit(static_cast<unsigned char>(c)); }

/// One matcher: `name op value`, as Alertmanager's labels.ParseMatcher reads it.
Matcher parse_one(const std::string& text) {
  std::string s = trim(text);
  size_t i = 0;
  if (i >= s.size() || !is_name_start(s[i]))
    throw ConfigError(fmt::format("bad matcher '{}': expected a label name", text));
  while (i < s.size() && is_name_char(s[i])) ++i;
  std::string name = s.substr(0, i);
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  Op op;
  if (s.compare(i, 2, "=~") == 0) { op = Op::Regex; i += 2; }
  else if (s.compare(i, 2, "!=") == 0) { op = Op::NotEqual; i += 2; }
  else if (s.compare(i, 2, "!~") == 0) { op = Op::NotRegex; i += 2; }
  else if (s.compare(i, 1, "=") == 0) { op = Op::Equal; i += 1; }
  else throw ConfigError(fmt::format("bad matcher '{}': expected =, !=, =~ or !~", text));
  return make_matcher(std::move(name), op, unquote(trim(s.substr(i)), text));
}

/// One `matchers:` entry: `a="b"`, or several separated by commas, optionally in braces.
std::vector<Matcher> parse_matchers(const std::string& text) {
  std::string s = trim(text);
  if (!s.empty() && s.front() == '{') {
    if (s.back() != '}') throw ConfigError(fmt::format("bad matcher '{}': missing closing brace", text));
    s = s.substr(1, s.size() - 2);
  }
  std::vector<Matcher> out;
  std::string cur;
  bool quoted = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '\\' && quoted && i + 1 < s.size()) { cur += c; cur += s[++i]; continue; }
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted) {
      if (!trim(cur).empty()) out.push_back(parse_one(cur));
      cur.clear();
      continue;
    }
    cur += c;
  }
  if (!trim(cur).empty()) out.push_back(parse_one(cur));
  return out;
}

struct Route {
  std::string receiver;
  std::vector<Matcher> matchers;
  bool cont = false;
  std::vector<Route> routes;
};

std::string scalar(const YAML::Node& n, const std::string& what) {
  if (!n.IsScalar()) throw ConfigError(fmt::format("{} must be a string", what));
  return n.as<std::string>();
}

Route read_route(const YAML::Node& node, const std::string& parent_receiver, const std::string& path) {
  if (!node.IsMap()) throw ConfigError(fmt::format("{} must be a mapping", path));
  Route r;
  r.receiver = node["receiver"] ? scalar(node["receiver"], path + ".receiver") : parent_receiver;
  if (YAML::Node m = node["matchers"]) {
    if (!m.IsSequence()) throw ConfigError(fmt::format("{}.matchers must be a list", path));
    for (const auto& item : m)
      for (auto& x : parse_matchers(scalar(item, path + ".matchers[]"))) r.matchers.push_back(std::move(x));
  }
  if (YAML::Node m = node["match"]) {
    if (!m.IsMap()) throw ConfigError(fmt::format("{}.match must be a mapping", path));
    for (const auto& kv : m)
      r.matchers.push_back(make_matcher(kv.first.as<std::string>(), Op::Equal, scalar(kv.second, path + ".match")));
  }
  if (YAML::Node m = node["match_re"]) {
    if (!m.IsMap()) throw ConfigError(fmt::format("{}.match_re must be a mapping", path));
    for (const auto& kv : m)
      r.matchers.push_back(make_matcher(kv.first.as<std::string>(), Op::Regex, scalar(kv.second, path + ".match_re")));
  }
  if (YAML::Node c = node["continue"]) r.cont = c.as<bool>();
  if (YAML::Node children = node["routes"]) {
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
    YAML::Node root = YAML::Load(config_yaml);
    if (!root.IsMap()) throw ConfigError("the configuration is not a YAML mapping");
    YAML::Node route = root["route"];
    if (!route) throw ConfigError("no route configuration provided");
    Route tree = read_route(route, "", "route");
    if (tree.receiver.empty()) throw ConfigError("root route must specify a default receiver");
    if (!tree.matchers.empty()) throw ConfigError("root route must not have any matchers");
    if (YAML::Node rs = root["receivers"]) {
      if (!rs.IsSequence()) throw ConfigError("receivers must be a list");
      for (const auto& rcv : rs) {
        if (!rcv.IsMap() || !rcv["name"]) throw ConfigError("every receiver needs a name");
        AlertmanagerReceiver ar{scalar(rcv["name"], "receivers[].name"), {}};
        for (const auto& kv : rcv) {
          std::string key = kv.first.as<std::string>();
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
  } catch (const YAML::Exception& e) {
    out = RoutingResult{};
    out.error = fmt::format("invalid YAML: {}", e.what());
  }
  return out;
}

}  // namespace golive
