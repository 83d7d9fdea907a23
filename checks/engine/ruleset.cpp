#include "checks/engine/ruleset.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string_view>

#include <fmt/format.h>

#include "checks/engine/digest.h"
#include "checks/engine/embedded_rulesets.h"
#include "checks/engine/i18n.h"
#include "checks/engine/input_messages.h"
#include "checks/engine/yaml_reader.h"

namespace golive {

namespace {

std::string hint(const std::string& word, const std::vector<std::string>& candidates) {
  return did_you_mean_hint(did_you_mean(word, candidates));
}

// Why a ruleset applies, twice: in English for the machine field `reason` (JSON, SARIF,
// JUnit), and in the run's language for people (`said`), from the same catalogue key.
struct Why {
  std::string reason, said;
};

template <class... Args>
std::string said_in(const std::string& lang, const std::string& key, const Args&... args) {
  return fmt::format(fmt::runtime(message_text_in(lang, key)), args...);
}

// `key` takes `{name}`: a plan id, or `fallback` (a key of its own) when the plan names none.
Why why_named(const std::string& key, const std::optional<std::string>& name, const std::string& fallback = "") {
  auto in = [&](const std::string& lang) {
    return said_in(lang, key, fmt::arg("name", name ? *name : fallback.empty() ? "" : said_in(lang, fallback)));
  };
  return {in("en"), in(language())};
}

// `params:` of a rule: each value a scalar or a list of scalars.
std::vector<std::pair<std::string, ParamValue>> read_params(MapReader& r) {
  std::vector<std::pair<std::string, ParamValue>> out;
  auto node = r.node("params");
  if (!node.IsDefined() || node.IsNull()) return out;
  auto& ctx = r.context();
  const std::string path = r.path_of("params");
  if (!node.IsMap()) {
    ctx.diags.error(loc_of(node, ctx.file),
                    message("errors.yaml.expected.at", fmt::arg("path", path),
                            fmt::arg("expected", message_text("errors.expected.mapping")),
                            fmt::arg("got", describe_node(node))));
    return out;
  }
  for (const auto& kv : node) {
    const std::string& key = kv.first.Scalar();
    const YamlNode& v = kv.second;
    ParamValue pv;
    pv.loc = loc_of(v, ctx.file);
    if (!pv.loc.known()) pv.loc = loc_of(kv.first, ctx.file);
    if (v.IsScalar()) {
      pv.items.push_back(v.Scalar());
    } else if (v.IsSequence()) {
      pv.is_list = true;
      size_t i = 0;
      bool ok = true;
      for (const auto& item : v) {
        if (!item.IsScalar()) {
          ctx.diags.error(loc_of(item, ctx.file),
                          message("errors.yaml.expected.at", fmt::arg("path", fmt::format("{}.{}[{}]", path, key, i)),
                                  fmt::arg("expected", message_text("errors.expected.value")),
                                  fmt::arg("got", describe_node(item))));
          ok = false;
        } else {
          pv.items.push_back(item.Scalar());
        }
        ++i;
      }
      if (!ok) continue;
    } else {
      ctx.diags.error(pv.loc, message("errors.yaml.expected.at", fmt::arg("path", fmt::format("{}.{}", path, key)),
                                      fmt::arg("expected", message_text("errors.expected.value_or_list")),
                                      fmt::arg("got", describe_node(v))));
      continue;
    }
    out.emplace_back(key, std::move(pv));
  }
  return out;
}

Rule read_rule(MapReader& r, const std::vector<std::string>& ids) {
  auto& diags = r.context().diags;
  Rule rule;
  rule.loc = r.loc();
  const bool has_check = r.has("check");
  const bool has_id = r.has("id");
  const bool has_exec = r.has("exec");
  if (has_check && (has_id || has_exec)) {
    diags.error(r.loc(), message("errors.ruleset.check_and_exec", fmt::arg("path", r.path())));
  }
  if (has_check) {
    Text check = r.text("check");
    if (check) {
      rule.check = *check;
      if (!find_check(*check))
        diags.error(check.loc, message("errors.ruleset.unknown_check", fmt::arg("path", r.path_of("check")),
                                       fmt::arg("id", *check), fmt::arg("hint", hint(*check, ids))));
    }
  } else if (has_id || has_exec) {
    Text id = r.text("id", MapReader::Required);
    if (id) {
      rule.check = *id;
      if (find_check(*id))
        diags.error(id.loc, message("errors.ruleset.exec_id_taken", fmt::arg("path", r.path_of("id")),
                                    fmt::arg("id", *id)));
    }
    for (const Text& arg : r.text_list("exec")) rule.exec.push_back(*arg);
    if (has_exec && rule.exec.empty() && r.node("exec").IsSequence())
      diags.error(r.loc_of_key("exec"),
                  message("errors.ruleset.exec_empty", fmt::arg("path", r.path_of("exec"))));
    if (auto t = r.duration("timeout")) {
      if (*t <= Duration::zero())
        diags.error(t.loc, message("errors.ruleset.timeout_zero", fmt::arg("path", r.path_of("timeout"))));
      else
        rule.timeout = *t;
    }
    rule.title = r.text("title").value_or("");
    if (r.has("params"))
      diags.error(r.loc_of_key("params"),
                  message("errors.ruleset.exec_params", fmt::arg("path", r.path_of("params"))));
  } else {
    diags.error(r.loc(), message("errors.ruleset.no_check", fmt::arg("path", r.path())));
  }
  if (auto s = r.one_of("severity", {"gate", "warn", "info"})) rule.severity = parse_severity(*s);
  if (auto e = r.boolean("enabled")) rule.enabled = *e;
  if (has_check) rule.params = read_params(r);
  return rule;
}

}  // namespace

std::optional<Ruleset> parse_ruleset(const std::string& text, const std::string& file,
                                     const std::string& source, const std::string& base_dir,
                                     Diagnostics& diags) {
  YamlNode root;
  try {
    root = parse_yaml(text, file);
  } catch (const InputError& e) {
    diags.add(e);
    return std::nullopt;
  }
  const int errors_before = diags.error_count();
  Ruleset rs;
  rs.sha256 = sha256_hex(text);
  rs.source = source;
  rs.base_dir = base_dir;
  ReadContext ctx{file, diags, nullptr};
  {
    MapReader r(ctx, root, "");
    rs.name = r.text("ruleset", MapReader::Required).value_or("");
    rs.version = r.text("version").value_or("");
    rs.description = r.text("description").value_or("");
    for (const Text& e : r.text_list("extends")) {
      rs.extends.push_back(*e);
      rs.extends_loc.push_back(e.loc);
    }
    const auto ids = all_check_ids();
    std::map<std::string, int> first_line;
    r.each("rules", [&](MapReader& rr, size_t) {
      Rule rule = read_rule(rr, ids);
      if (!rule.check.empty()) {
        auto [it, fresh] = first_line.emplace(rule.check, rule.loc.line);
        if (!fresh)
          diags.error(rule.loc, message("errors.ruleset.duplicate_rule", fmt::arg("path", rr.path()),
                                        fmt::arg("id", rule.check), fmt::arg("line", it->second)));
      }
      rs.rules.push_back(std::move(rule));
    });
    r.finish();
  }
  if (diags.error_count() > errors_before) return std::nullopt;
  return rs;
}

std::optional<Ruleset> load_ruleset_file(const std::string& path, Diagnostics& diags) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    diags.error({path, 0, 0}, message_text(std::filesystem::exists(path, ec) ? "errors.ruleset.not_a_file"
                                                                             : "errors.ruleset.no_such_file"));
    return std::nullopt;
  }
  std::string text;
  try {
    text = read_file(path);
  } catch (const InputError& e) {
    diags.add(e);
    return std::nullopt;
  }
  auto dir = std::filesystem::path(path).parent_path().string();
  return parse_ruleset(text, path, path, dir, diags);
}

// ---- Built-in rulesets ----------------------------------------------------------------

namespace {

// Scenario rulesets in the order SPEC §4 lists them; this is also their application order.
const std::vector<RulesetTrigger> kTriggers = {
    {"critical", "critical", "a tier-1 system (systems[].tier: 1)"},
    {"large-upgrade", "large-upgrade", "scenarios.large_upgrade is present"},
    {"cross-border", "cross-border", "scenarios.cross_border is present"},
    {"new-technology", "new-technology", "scenarios.new_technology is present"},
    {"third-party", "third-party", "vendors is not empty"},
};

// One built-in ruleset, parsed the first time a run asks for it: a plan applies two or three
// of the six, and parsing all of them was a twentieth of a `check` run's own time. Each
// parses once even when the workers of a portfolio ask for it together.
struct LazyBuiltin {
  const EmbeddedRuleset* embedded = nullptr;
  std::once_flag once;
  std::optional<Ruleset> parsed;
};

// Parsed after every check has registered (the first caller is a command, never a static
// initialiser). A built-in that does not parse is a defect of this binary, not of the
// user's input: it surfaces as an internal error, and the tests parse every one.
const Ruleset& parse_builtin(LazyBuiltin& b) {
  std::call_once(b.once, [&b] {
    const EmbeddedRuleset& e = *b.embedded;
    Diagnostics diags;
    const std::string file = fmt::format("rulesets/{}.yaml", e.name);
    auto rs = parse_ruleset(e.text, file, "built-in", "", diags);
    if (rs && rs->name != e.name)
      diags.error({file, 1, 1}, fmt::format("ruleset: '{}' does not match the file name '{}'",
                                            rs->name, e.name));
    if (!diags.all().empty()) {
      std::string msg = "built-in ruleset is invalid:";
      for (const auto& d : diags.all()) {
        msg += '\n';  // not `"\n" + …`: g++ 12 at -O3 reports a false -Wrestrict on it
        msg += d.formatted();
      }
      throw std::logic_error(msg);
    }
    b.parsed = std::move(*rs);
  });
  return *b.parsed;
}

/// The built-ins by name (file name without extension), not yet parsed.
std::map<std::string_view, LazyBuiltin>& builtins() {
  static std::map<std::string_view, LazyBuiltin> all = [] {
    std::map<std::string_view, LazyBuiltin> out;
    for (const EmbeddedRuleset& e : embedded_rulesets()) out[e.name].embedded = &e;
    return out;
  }();
  return all;
}

}  // namespace

std::vector<std::string> builtin_ruleset_names() {
  std::vector<std::string> names;
  const auto& all = builtins();
  if (all.count("baseline")) names.emplace_back("baseline");
  for (const auto& t : kTriggers)
    if (all.count(t.name)) names.push_back(t.name);
  for (const auto& [name, lazy] : all)
    if (std::find(names.begin(), names.end(), name) == names.end()) names.emplace_back(name);
  return names;
}

const Ruleset* builtin_ruleset(const std::string& name) {
  auto& all = builtins();
  auto it = all.find(name);
  return it == all.end() ? nullptr : &parse_builtin(it->second);
}

const std::vector<RulesetTrigger>& ruleset_triggers() { return kTriggers; }

// ---- Selection ------------------------------------------------------------------------

namespace {

bool looks_like_path(const std::string& ref) {
  auto ends_with = [&](std::string_view suffix) {
    return ref.size() >= suffix.size() && ref.compare(ref.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ref.find('/') != std::string::npos || ends_with(".yaml") || ends_with(".yml");
}

// A rule being merged: the effective rule plus its parameters by name, in first-set order.
struct Merging {
  EffectiveRule rule;
  std::vector<std::pair<std::string, ParamValue>> params;
  SourceLoc first_loc;
};

class Selector {
 public:
  Selector(Diagnostics& diags, Selection& sel) : diags_(diags), sel_(sel) {}

  /// Applies the ruleset `ref` (a built-in name or a path) and what it extends.
  /// `base_dir` is the directory of the ruleset naming it ("" on the command line);
  /// `at` is where it is named, for errors; `builtin_only` for extends of a built-in.
  void apply_ref(const std::string& ref, const std::string& base_dir, const SourceLoc& at,
                 const std::string& where, bool builtin_only, const Why& reason) {
    std::string key;
    const Ruleset* rs = resolve(ref, base_dir, at, where, builtin_only, key);
    if (!rs) return;
    if (std::find(stack_.begin(), stack_.end(), key) != stack_.end()) {
      std::string chain;
      auto from = std::find(stack_.begin(), stack_.end(), key);
      for (auto it = from; it != stack_.end(); ++it) chain += names_[*it] + " → ";
      chain += rs->name;
      diags_.error(at, message_at(where, "errors.ruleset.cycle", fmt::arg("chain", chain)));
      return;
    }
    apply(*rs, key, reason);
  }

  void apply(const Ruleset& rs, const std::string& key, const Why& reason) {
    if (applied_.count(key)) return;
    names_[key] = rs.name;
    stack_.push_back(key);
    for (size_t i = 0; i < rs.extends.size(); ++i) {
      SourceLoc at = i < rs.extends_loc.size() ? rs.extends_loc[i] : SourceLoc{rs.source, 0, 0};
      apply_ref(rs.extends[i], rs.base_dir, at, fmt::format("extends[{}]", i),
                rs.source == "built-in", why_named("rulesets.reason.extended_by", rs.name));
    }
    stack_.pop_back();
    if (!applied_.insert(key).second) return;  // reached again through its own extends
    sel_.applied.push_back({rs.name, rs.version, rs.sha256, reason.reason, rs.source, reason.said});
    for (const Rule& r : rs.rules) merge(r, rs.base_dir);
  }

  void finish() {
    for (auto& [id, m] : merged_) {
      if (!m.rule.info && m.rule.exec.empty()) {
        diags_.error(m.first_loc, message("errors.ruleset.exec_no_command", fmt::arg("id", id)));
        continue;
      }
      m.rule.params = Params(std::move(m.params));
      sel_.rules.push_back(std::move(m.rule));
    }
  }

  /// The ruleset files read so far, each once, in the order they were read.
  const std::vector<RulesetFile>& files_read() const { return read_; }

 private:

  const Ruleset* resolve(const std::string& ref, const std::string& base_dir, const SourceLoc& at,
                         const std::string& where, bool builtin_only, std::string& key) {
    if (builtin_only || !looks_like_path(ref)) {
      if (const Ruleset* rs = builtin_ruleset(ref)) {
        key = "built-in:" + ref;
        return rs;
      }
      // On the command line, a plain name that is not built-in may still be a file here.
      std::error_code ec;
      if (builtin_only || !std::filesystem::exists(std::filesystem::path(base_dir) / ref, ec)) {
        diags_.error(at, message_at(where, "errors.ruleset.unknown_builtin", fmt::arg("name", ref),
                                    fmt::arg("hint", hint(ref, builtin_ruleset_names()))));
        return nullptr;
      }
    }
    std::filesystem::path p(ref);
    if (!base_dir.empty() && p.is_relative()) p = std::filesystem::path(base_dir) / p;
    const std::string path = p.lexically_normal().string();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
      if (where.empty())
        diags_.error({path, 0, 0}, message("errors.ruleset.no_such_file"));
      else
        diags_.error(at, message("errors.ruleset.no_such_file_named", fmt::arg("path", where),
                                 fmt::arg("file", path)));
      return nullptr;
    }
    auto canonical = std::filesystem::weakly_canonical(path, ec);
    key = "file:" + (ec ? path : canonical.string());
    auto cached = files_.find(key);
    if (cached != files_.end()) return cached->second ? &*cached->second : nullptr;
    // An `extends` entry's position is in the file of the ruleset that names it.
    read_.push_back({path, where.empty() ? "" : at.file});
    auto rs = load_ruleset_file(path, diags_);
    auto& slot = files_[key];
    slot = std::move(rs);
    return slot ? &*slot : nullptr;
  }

  void merge(const Rule& r, const std::string& base_dir) {
    if (r.check.empty()) return;
    auto [it, fresh] = merged_.try_emplace(r.check);
    Merging& m = it->second;
    if (fresh) {
      m.rule.id = r.check;
      m.rule.info = find_check(r.check);
      if (m.rule.info) {
        m.rule.severity = m.rule.info->severity;
        m.rule.title = m.rule.info->title;
      }
      m.first_loc = r.loc;
    }
    if (r.is_exec()) {
      m.rule.exec = r.exec;
      m.rule.base_dir = base_dir;
    }
    if (r.timeout) m.rule.timeout = *r.timeout;
    if (!r.title.empty()) m.rule.title = r.title;
    if (r.severity) m.rule.severity = *r.severity;
    if (r.enabled) m.rule.enabled = *r.enabled;
    for (const auto& [name, value] : r.params) {
      auto p = std::find_if(m.params.begin(), m.params.end(),
                            [&name = name](const auto& kv) { return kv.first == name; });
      if (p == m.params.end())
        m.params.emplace_back(name, value);
      else
        p->second = value;
    }
    m.rule.loc = r.loc;
  }

  Diagnostics& diags_;
  Selection& sel_;
  std::set<std::string> applied_;
  std::vector<std::string> stack_;
  std::map<std::string, std::string> names_;
  std::map<std::string, std::optional<Ruleset>> files_;
  std::map<std::string, Merging> merged_;  // by id: the selection's rules come out sorted
  std::vector<RulesetFile> read_;
};

// Why a scenario ruleset applies to this plan, or nullopt when it does not.
std::optional<Why> scenario_reason(const RulesetTrigger& t, const Plan& plan) {
  if (plan.tagged(t.tag)) return why_named("rulesets.reason.tagged", t.tag);
  if (t.name == "critical") {
    for (const System& s : plan.systems)
      if (s.tier && *s.tier == 1) return why_named("rulesets.reason.tier1", s.id.value, "rulesets.reason.no_id");
  } else if (t.name == "large-upgrade") {
    if (plan.scenarios.large_upgrade) return why_named("rulesets.reason.present", "scenarios.large_upgrade");
  } else if (t.name == "cross-border") {
    if (plan.scenarios.cross_border) return why_named("rulesets.reason.present", "scenarios.cross_border");
  } else if (t.name == "new-technology") {
    if (plan.scenarios.has_new_technology || !plan.scenarios.new_technology.empty())
      return why_named("rulesets.reason.present", "scenarios.new_technology");
  } else if (t.name == "third-party") {
    if (!plan.vendors.empty())
      return why_named("rulesets.reason.vendor", plan.vendors.front().id.value, "rulesets.reason.a_vendor");
  }
  return std::nullopt;
}

void apply_user_rulesets(Selector& s, const std::vector<std::string>& user_rulesets) {
  for (const std::string& ref : user_rulesets)
    s.apply_ref(ref, "", SourceLoc{"--ruleset", 0, 0}, "", false,
                why_named("rulesets.reason.command_line", std::nullopt));
}

}  // namespace

Selection select_rules(const Plan& plan, const std::vector<std::string>& user_rulesets,
                       bool auto_select, Diagnostics& diags) {
  Selection sel;
  Selector s(diags, sel);
  if (auto_select) {
    if (const Ruleset* base = builtin_ruleset("baseline"))
      s.apply(*base, "built-in:baseline", why_named("rulesets.reason.always", std::nullopt));
    for (const RulesetTrigger& t : ruleset_triggers()) {
      std::optional<Why> reason = scenario_reason(t, plan);
      if (!reason) continue;  // before builtin_ruleset(): a ruleset no plan asks for stays unparsed
      if (const Ruleset* rs = builtin_ruleset(t.name)) s.apply(*rs, "built-in:" + t.name, *reason);
    }
  }
  apply_user_rulesets(s, user_rulesets);
  s.finish();
  return sel;
}

std::vector<RulesetFile> user_ruleset_files(const std::vector<std::string>& user_rulesets) {
  Diagnostics quiet;  // select_rules() reports the problems, once per plan
  Selection sel;
  Selector s(quiet, sel);
  apply_user_rulesets(s, user_rulesets);
  return s.files_read();
}

}  // namespace golive
