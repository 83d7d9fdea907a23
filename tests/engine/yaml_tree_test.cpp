#include <doctest/doctest.h>
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "checks/engine/yaml_reader.h"
#include "checks/engine/yaml_tree.h"
#include "tests/engine/with_limit.h"
#include "tests/engine/yaml_support.h"
#include "tests/support/process.h"

using namespace golive;
using golive::test::parse_error;

namespace {

// "line:column", 1-based as messages show it.
std::string at(const YamlNode& n) {
  return fmt::format("{}:{}", n.Mark().line + 1, n.Mark().column + 1);
}

// The keys of a mapping, in order.
std::string keys(const YamlNode& map) {
  std::string out;
  for (const auto& kv : map) out += (out.empty() ? "" : ",") + kv.first.Scalar();
  return out;
}

}  // namespace

TEST_CASE("yaml tree: kinds, scalars and locations") {
  const YamlNode root = parse_yaml("a: 1\nlist:\n  - x\n  - [y, z]\nname: 张三 李\nempty:\n", "in.yaml");
  REQUIRE(root.IsMap());
  CHECK(root.size() == 4);
  CHECK(keys(root) == "a,list,name,empty");
  CHECK(root["a"].IsScalar());
  CHECK(root["a"].Scalar() == "1");
  CHECK(at(root["a"]) == "1:4");
  const YamlNode list = root["list"];
  CHECK(list.IsSequence());
  CHECK(list.size() == 2);
  CHECK(at(list) == "3:3");
  CHECK(list[0].Scalar() == "x");
  CHECK(at(list[1]) == "4:5");
  CHECK(at(list[1][1]) == "4:9");
  CHECK(list[1][1].Scalar() == "z");
  CHECK_FALSE(list[2].IsDefined());
  // Columns count characters, not bytes.
  CHECK(root["name"].Scalar() == "张三 李");
  const YamlNode empty = root["empty"];
  CHECK(empty.IsDefined());
  CHECK(empty.IsNull());
  CHECK(empty.Scalar() == "");
  // A missing key, a key of a non-mapping, a default node: Undefined, never a throw.
  CHECK_FALSE(root["nope"].IsDefined());
  CHECK_FALSE(root["a"]["b"].IsDefined());
  CHECK_FALSE(YamlNode().IsDefined());
  CHECK(YamlNode().Mark().line == -1);
  CHECK(YamlNode().size() == 0);
  CHECK(YamlNode().begin() == YamlNode().end());
  // Iterating a sequence yields the items, a mapping its pairs.
  std::string items;
  for (const YamlNode& item : list[1]) items += item.Scalar();
  CHECK(items == "yz");
  const YamlNode stand_in = YamlNode::EmptyMap();
  CHECK(stand_in.IsMap());
  CHECK(stand_in.size() == 0);
  CHECK(stand_in.Mark().line == -1);
}

TEST_CASE("yaml tree: quoted, block and !!str scalars are text ('!'), plain ones '?'") {
  const YamlNode root = parse_yaml(
      "plain: 3\nsingle: '3'\ndouble: \"3\"\nblock: |\n  3\nfolded: >\n  3\ntagged: !!str 3\n"
      "nothing: ~\nmap: {a: 1}\n",
      "in.yaml");
  CHECK(root["plain"].Tag() == "?");
  CHECK(root["single"].Tag() == "!");
  CHECK(root["double"].Tag() == "!");
  CHECK(root["block"].Tag() == "!");
  CHECK(root["block"].Scalar() == "3\n");
  CHECK(root["folded"].Tag() == "!");
  CHECK(root["tagged"].Tag() == "!");
  CHECK(root["nothing"].IsNull());
  CHECK(root["nothing"].Tag() == "");
  CHECK(root["map"].Tag() == "?");
  CHECK(core_type(root["plain"]) == CoreType::Int);
  CHECK(core_type(root["single"]) == CoreType::Str);
  CHECK(core_type(root["tagged"]) == CoreType::Str);
  CHECK(core_type(root["nothing"]) == CoreType::Null);
}

TEST_CASE("yaml tree: an alias is the anchored node, not a copy") {
  const YamlNode root =
      parse_yaml("base: &b {k: 1, l: [2, 3]}\none: *b\ntwo: [*b, *b]\ns: &s text\nt: *s\n", "in.yaml");
  CHECK(root["one"].is(root["base"]));
  CHECK(root["two"][0].is(root["base"]));
  CHECK(root["two"][1].is(root["base"]));
  // An alias is where its anchor's node was written.
  // An anchored node is where its anchor is written.
  CHECK(at(root["one"]) == "1:7");
  CHECK(at(root["two"][1]["l"][1]) == "1:24");
  CHECK(root["t"].Scalar() == "text");
  CHECK(at(root["t"]) == "4:4");
  CHECK_FALSE(root["base"].is(root["s"]));
}

TEST_CASE("yaml tree: merge keys") {
  const YamlNode root = parse_yaml(R"(a: &a {x: 1, y: 1}
b: &b {y: 2, z: 2}
one: &one
  y: own
  <<: *a
  w: own
many:
  <<: [*a, *b]
nested:
  <<: *one
)",
                                   "in.yaml");
  // Explicit keys stay first and win; merged keys follow in order, `<<` itself is gone.
  CHECK(keys(root["one"]) == "y,w,x");
  CHECK(root["one"]["y"].Scalar() == "own");
  CHECK(root["one"]["x"].Scalar() == "1");
  // A merged value keeps the position where it was written.
  CHECK(at(root["one"]["x"]) == "1:11");
  // Of two merged mappings the earlier wins.
  CHECK(keys(root["many"]) == "x,y,z");
  CHECK(root["many"]["y"].Scalar() == "1");
  CHECK(at(root["many"]["z"]) == "2:17");
  CHECK(root["many"]["x"].is(root["a"]["x"]));
  // A merged mapping is merged already when merged again.
  CHECK(keys(root["nested"]) == "y,w,x");
  // A quoted "<<" is a key like any other.
  CHECK(keys(parse_yaml("m: &m {a: 1}\nn: {'<<': *m}\n", "in.yaml")["n"]) == "<<");
  CHECK(parse_error("a: {<<: 1}\n") ==
        "in.yaml:1:9: error: a merge key (<<) takes a mapping or a list of mappings");
  CHECK(parse_error("a: &a {k: 1}\nb: {<<: [*a, 2]}\n") ==
        "in.yaml:2:14: error: a merge key (<<) takes a mapping or a list of mappings");
  CHECK(parse_error("a: {<<: }\n") ==
        "in.yaml:1:9: error: a merge key (<<) takes a mapping or a list of mappings");
}

TEST_CASE("yaml tree: duplicate keys at every level, the second one reported") {
  CHECK(parse_error("a: 1\na: 2\n") == "in.yaml:2:1: error: duplicate key 'a' (first at line 1)");
  CHECK(parse_error("s:\n  - {k: 1, k: 2}\n") ==
        "in.yaml:2:12: error: duplicate key 'k' (first at line 2)");
  CHECK(parse_error("s:\n  t:\n    u:\n      k: 1\n      j: 0\n      k: 2\n") ==
        "in.yaml:6:7: error: duplicate key 'k' (first at line 4)");
  // Plain and quoted spellings of one key are one key; so is an alias of it.
  CHECK(parse_error("a: 1\n'a': 2\n") == "in.yaml:2:1: error: duplicate key 'a' (first at line 1)");
  CHECK(parse_error("k: &k a\na: 1\n*k : 2\n") ==
        "in.yaml:1:4: error: duplicate key 'a' (first at line 2)");
  // A merge key written twice is a duplicate too.
  CHECK(parse_error("a: &a {x: 1}\nb: {<<: *a, <<: *a}\n") ==
        "in.yaml:2:13: error: duplicate key '<<' (first at line 2)");
  // Past 32 keys the mapping keeps an index of its keys: the same answer.
  std::string big;
  for (int i = 0; i < 40; ++i) big += fmt::format("k{}: {}\n", i, i);
  CHECK(parse_error(big) == "");
  CHECK(parse_error(big + "k3: again\n") == "in.yaml:41:1: error: duplicate key 'k3' (first at line 4)");
  CHECK(parse_error(big + "k39: again\n") ==
        "in.yaml:41:1: error: duplicate key 'k39' (first at line 40)");
  // Keys must be scalars: a null, a list, a mapping or an alias of one is refused.
  CHECK(parse_error("? \n: 1\n") == "in.yaml:1:2: error: mapping keys must be plain strings");
  CHECK(parse_error("? {a: 1}\n: 1\n") == "in.yaml:1:3: error: mapping keys must be plain strings");
  CHECK(parse_error("l: &l [1]\n*l : 2\n") == "in.yaml:1:4: error: mapping keys must be plain strings");
}

TEST_CASE("yaml tree: the first structure trap in document order, after syntax errors and limits") {
  // The earlier of two traps is reported.
  CHECK(parse_error("a: {k: 1, k: 2}\nb: {<<: 1}\n") ==
        "in.yaml:1:11: error: duplicate key 'k' (first at line 1)");
  CHECK(parse_error("b: {<<: 1}\na: {k: 1, k: 2}\n") ==
        "in.yaml:1:9: error: a merge key (<<) takes a mapping or a list of mappings");
  // A syntax error or a second document later in the file wins over a trap.
  CHECK(parse_error("a: 1\na: 2\nb: [1\n") ==
        "in.yaml:4:1: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow "
        "sequence at line 3, column 4)");
  CHECK(parse_error("a: 1\na: 2\n---\nb: 1\n") ==
        "in.yaml:4:1: error: more than one YAML document in the file (put each plan in its own "
        "file)");
  // Traps of a second, empty document do not exist; of a later one, the document is refused.
  CHECK(parse_error("a: 1\n---\n") == "");
}

TEST_CASE("yaml tree: nesting through aliases counts against the depth limit") {
  const std::string deep = "a: &a [[[1]]]\nb: [*a]\n";  // b reaches 1 + 1 + 3 levels
  CHECK(parse_error(deep) == "");
  {
    test::WithLimit with(Limit::Depth, 4);
    // The first list past the limit, where it was written (the innermost of a's lists).
    CHECK(parse_error(deep) ==
          "in.yaml:1:9: error: more than 4 levels of nesting: over the depth limit of 4; raise it "
          "with --limit depth=N");
  }
  {
    test::WithLimit with(Limit::Depth, 5);
    CHECK(parse_error(deep) == "");
  }
}

namespace {

// The tree as yaml-cpp's YAML::Load builds it, with merge keys applied as the reader applied
// them to that tree before it had its own: the reference the new tree is compared with.
void reference_merge(YAML::Node n, std::vector<YAML::Node>& done) {
  if (!n.IsMap() && !n.IsSequence()) return;
  for (const auto& d : done)
    if (d.is(n)) return;
  done.push_back(n);
  if (n.IsSequence()) {
    for (auto item : n) reference_merge(item, done);
    return;
  }
  for (auto kv : n) reference_merge(kv.second, done);
  std::vector<YAML::Node> merge_values;
  for (const auto& kv : n)
    if (kv.first.Tag() == "?" && kv.first.Scalar() == "<<") merge_values.push_back(kv.second);
  if (merge_values.empty()) return;
  std::vector<YAML::Node> maps;
  if (merge_values.front().IsMap()) maps.push_back(merge_values.front());
  for (const auto& s : merge_values.front())
    if (merge_values.front().IsSequence()) maps.push_back(s);
  YAML::Node target = n;
  target.remove("<<");
  std::set<std::string> present;
  for (const auto& kv : target) present.insert(kv.first.Scalar());
  for (const auto& m : maps)
    for (const auto& kv : m)
      if (present.insert(kv.first.Scalar()).second) target.force_insert(kv.first, kv.second);
}

// Characters in the first `bytes` bytes of line `line` (0-based) of `lines`: yaml-cpp's
// columns count bytes, libyaml's (the tree's) count characters, as editors do.
int char_column(const std::vector<std::string>& lines, int line, int bytes) {
  if (line < 0 || static_cast<size_t>(line) >= lines.size()) return bytes;
  int chars = 0;
  for (int i = 0; i < bytes && static_cast<size_t>(i) < lines[line].size(); ++i)
    if ((static_cast<unsigned char>(lines[line][i]) & 0xC0) != 0x80) ++chars;
  return chars;
}

// Whether the tree's null `b` is written out (`~`, `null`) rather than left empty. An empty
// value has no position of its own: libyaml places it where the value would have begun,
// yaml-cpp at the next token; only written ones are compared.
bool written_null(const std::vector<std::string>& lines, const YamlNode& b) {
  const int line = b.Mark().line;
  if (line < 0 || static_cast<size_t>(line) >= lines.size()) return false;
  const std::string& l = lines[line];
  size_t at = 0;  // the byte where the node's character column begins
  for (int chars = 0; at < l.size() && chars < b.Mark().column; ++chars)
    do ++at;
    while (at < l.size() && (static_cast<unsigned char>(l[at]) & 0xC0) == 0x80);
  const std::string rest = l.substr(at);
  return rest.starts_with("~") || rest.starts_with("null") || rest.starts_with("Null") || rest.starts_with("NULL");
}

// The tag the tree keeps for a node yaml-cpp read with tag `a.Tag()`: a scalar's explicit
// `!!str` makes text ("!"), `!!int`, `!!float` and `!!bool` take the value as written plainly
// ("?"); other tags are refused before a tree is compared.
std::string tree_tag(const YAML::Node& a) {
  const std::string core = "tag:yaml.org,2002:";
  if (!a.IsScalar() || a.Tag().rfind(core, 0) != 0) return a.Tag();
  return a.Tag() == core + "str" ? "!" : "?";
}

// "" when `a` (yaml-cpp's YAML::Load, an independent reader) and `b` (the tree, read with
// libyaml) have the same kinds, scalars, tags, sizes, key order and marks; else the path of
// the first difference. `lines`: the text, for the marks.
std::string difference(const YAML::Node& a, const YamlNode& b, const std::string& path,
                       size_t& budget, const std::vector<std::string>& lines) {
  if (budget-- == 0) return "";
  const bool same_kind = (a.IsNull() && b.IsNull()) || (a.IsScalar() && b.IsScalar()) ||
                         (a.IsSequence() && b.IsSequence()) || (a.IsMap() && b.IsMap());
  if (!same_kind) return path + ": kind";
  const int column = char_column(lines, a.Mark().line, a.Mark().column);
  if (!lines.empty() && (!a.IsNull() || written_null(lines, b)) && (a.Mark().line != b.Mark().line || column != b.Mark().column))
    return fmt::format("{}: mark {}:{} vs {}:{}", path, a.Mark().line, column, b.Mark().line, b.Mark().column);
  if (tree_tag(a) != b.Tag()) return fmt::format("{}: tag '{}' vs '{}'", path, a.Tag(), b.Tag());
  if (a.IsScalar() && a.Scalar() != b.Scalar()) return path + ": scalar";
  if (a.size() != b.size()) return fmt::format("{}: size {} vs {}", path, a.size(), b.size());
  if (a.IsSequence()) {
    for (size_t i = 0; i < a.size(); ++i)
      if (auto d = difference(a[i], b[i], fmt::format("{}[{}]", path, i), budget, lines); !d.empty())
        return d;
  } else if (a.IsMap()) {
    auto bi = b.begin();
    for (const auto& kv : a) {
      const auto item = *bi;
      ++bi;
      if (auto d = difference(kv.first, item.first, path + ".<key>", budget, lines); !d.empty()) return d;
      const std::string sub = path + "." + kv.first.Scalar();
      if (auto d = difference(kv.second, item.second, sub, budget, lines); !d.empty()) return d;
    }
  }
  return "";
}

}  // namespace

TEST_CASE("yaml tree: the same document as yaml-cpp's YAML::Load, for every example and hostile file") {
  // Two readers written apart: libyaml builds the tree, yaml-cpp's node graph checks it.
  std::vector<std::filesystem::path> files;
  for (const char* dir : {"/examples", "/tests/hostile", "/rulesets", "/tests/fixtures/plans"}) {
    const std::filesystem::path d = test::source_dir() + dir;
    if (!std::filesystem::exists(d)) continue;
    for (const auto& e : std::filesystem::recursive_directory_iterator(d))
      if (e.is_regular_file() && e.path().string().find(".yaml") != std::string::npos)
        files.push_back(e.path());
  }
  REQUIRE(files.size() > 100);
  size_t compared = 0;
  for (const auto& path : files) {
    CAPTURE(path.string());
    const std::string text = read_file(path.string());
    YamlNode tree;
    try {
      tree = parse_yaml(text, path.string());
    } catch (const InputError&) {
      continue;  // refused: the hostile suite checks the message
    }
    YAML::Node old;
    try {
      old = YAML::Load(text);
    } catch (const YAML::Exception&) {
      continue;  // text decoded from UTF-16 or UTF-32 first
    }
    std::vector<YAML::Node> done;
    reference_merge(old, done);
    size_t budget = 1000000;
    // The lines give the marks' characters; a file in UTF-16 or UTF-32 (decoded before it is
    // read) has no UTF-8 lines to count them in: its marks are left out.
    std::vector<std::string> lines;
    const bool utf8 = text.empty() || (static_cast<unsigned char>(text[0]) != 0xFF &&
                                       static_cast<unsigned char>(text[0]) != 0xFE && text[0] != '\0');
    for (size_t at = 0; utf8 && at <= text.size();) {
      const size_t end = std::min(text.find('\n', at), text.size());
      lines.push_back(text.substr(at, end - at));
      at = end + 1;
    }
    CHECK(difference(old, tree, "$", budget, lines) == "");
    ++compared;
  }
  CHECK(compared > 50);
}
