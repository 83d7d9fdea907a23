#include <doctest/doctest.h>
#include <fmt/format.h>

#include <regex>
#include <stdexcept>
#include <string>

#include "checks/engine/yaml_reader.h"
#include "tests/engine/with_limit.h"
#include "tests/engine/yaml_support.h"

using namespace golive;
using golive::test::parse_error;
using namespace std::chrono_literals;

namespace {

std::string messages(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.all()) out += d.formatted() + "\n";
  return out;
}

/// A parsed document and a reader over its root, for one test.
struct Doc {
  explicit Doc(const std::string& text, const Zone* zone = nullptr)
      : node(parse_yaml(text, "in.yaml")), ctx{"in.yaml", diags, zone} {}
  YamlNode node;
  Diagnostics diags;
  ReadContext ctx;
};

}  // namespace

TEST_CASE("parse_yaml: structure traps") {
  CHECK(parse_error("a: 1\n") == "");
  CHECK(parse_error("") == "in.yaml:1:1: error: empty document");
  CHECK(parse_error("# nothing\n\n") == "in.yaml:1:1: error: empty document");
  CHECK(parse_error("a: 1\n---\nb: 2\n") ==
        "in.yaml:3:1: error: more than one YAML document in the file (put each plan in its own "
        "file)");
  // A trailing document marker with nothing after it is not a second document.
  CHECK(parse_error("a: 1\n---\n") == "");
  CHECK(parse_error("a: 1\nb:\n  c: 1\n  c: 2\n") ==
        "in.yaml:4:3: error: duplicate key 'c' (first at line 3)");
  CHECK(parse_error("? [a]\n: 1\n") == "in.yaml:1:3: error: mapping keys must be plain strings");
  CHECK(parse_error("a: &x [1, *x]\n") == "in.yaml:1:11: error: alias refers to itself (cycle in anchors)");
  CHECK(parse_error("a: *nowhere\n") == "in.yaml:1:4: error: invalid YAML: the referenced anchor is not defined");
  CHECK(parse_error("a: [1, 2\n") == "in.yaml:2:1: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow "
        "sequence at line 1, column 4)");
  CHECK(parse_error(std::string("a: 1\0", 5)) == "in.yaml:1:5: error: NUL byte in input (not a text file?)");
  CHECK(parse_error("a: \xe4\xb8\n") == "in.yaml:1:4: error: invalid UTF-8");
  CHECK(parse_error("a: \xc0\xaf\n") == "in.yaml:1:4: error: invalid UTF-8");  // overlong '/'
  CHECK(parse_error("name: 张三\n") == "");
}

TEST_CASE("parse_yaml: explicit tags of the core schema are read, any other is refused") {
  // A tag golive does not know used to leave its text as written: `result: !fail pass`
  // read as a passed test and the plan as READY.
  const std::string only =
      "golive reads only the YAML core schema's tags (!!str, !!int, !!float, !!bool, !!null, "
      "!!seq, !!map); remove the tag";
  CHECK(parse_error("result: !fail pass\n") == "in.yaml:1:9: error: unknown tag !fail: " + only);
  CHECK(parse_error("a: !!binary aGk=\n") == "in.yaml:1:4: error: unknown tag !!binary: " + only);
  CHECK(parse_error("a: !!timestamp 2026-12-04\n") == "in.yaml:1:4: error: unknown tag !!timestamp: " + only);
  CHECK(parse_error("a: !<tag:example.com,2000:x> 1\n") ==
        "in.yaml:1:4: error: unknown tag !<tag:example.com,2000:x>: " + only);
  CHECK(parse_error("a: !custom {b: 1}\n") == "in.yaml:1:4: error: unknown tag !custom: " + only);
  CHECK(parse_error("a: !custom [1]\n") == "in.yaml:1:4: error: unknown tag !custom: " + only);
  CHECK(parse_error("!x a: 1\n") == "in.yaml:1:1: error: unknown tag !x: " + only);
  // A core tag must fit its node.
  CHECK(parse_error("a: !!int abc\n") == "in.yaml:1:4: error: !!int needs a whole number, not 'abc'");
  CHECK(parse_error("a: !!int 1.5\n") == "in.yaml:1:4: error: !!int needs a whole number, not '1.5'");
  CHECK(parse_error("a: !!float x\n") == "in.yaml:1:4: error: !!float needs a number, not 'x'");
  CHECK(parse_error("a: !!bool yes\n") == "in.yaml:1:4: error: !!bool needs true or false, not 'yes'");
  CHECK(parse_error("a: !!null 0\n") == "in.yaml:1:4: error: !!null needs null, ~ or an empty value, not '0'");
  CHECK(parse_error("a: !!seq {b: 1}\n") == "in.yaml:1:4: error: !!seq cannot tag a mapping");
  CHECK(parse_error("a: !!map [1]\n") == "in.yaml:1:4: error: !!map cannot tag a list");
  CHECK(parse_error("a: !!str [1]\n") == "in.yaml:1:4: error: !!str cannot tag a list");
  // The first problem in document order is the one reported.
  CHECK(parse_error("a: !x 1\nb: !y 2\n") == "in.yaml:1:4: error: unknown tag !x: " + only);

  // What fits is read as the tag says: text for !!str and the non-specific `!`, the value
  // as if written plainly for the others (quoted or not).
  const YamlNode root = parse_yaml(
      "i: !!int 3\nq: !!int \"3\"\nf: !!float 2\nb: !!bool true\nn: !!null ~\ns: !!str 3\n"
      "t: ! 3\nl: !!seq [1]\nm: !!map {x: 1}\n",
      "in.yaml");
  CHECK(core_type(root["i"]) == CoreType::Int);
  CHECK(core_type(root["q"]) == CoreType::Int);
  CHECK(core_type(root["f"]) == CoreType::Int);  // 2 is a number either way
  CHECK(core_type(root["b"]) == CoreType::Bool);
  CHECK(core_type(root["n"]) == CoreType::Null);
  CHECK(core_type(root["s"]) == CoreType::Str);
  CHECK(core_type(root["t"]) == CoreType::Str);
  CHECK(core_type(root["l"]) == CoreType::Seq);
  CHECK(core_type(root["m"]) == CoreType::Map);
}

TEST_CASE("has_scalar_top_key: read only as far as the answer, nullopt when a whole read is needed") {
  CHECK(has_scalar_top_key("golive: 1\nplan: {id: x}\n", "golive") == true);
  CHECK(has_scalar_top_key("\"golive\": 1\n", "golive") == true);
  CHECK(has_scalar_top_key("golive:\n", "golive") == true);  // null: the loader judges it
  CHECK(has_scalar_top_key("x-a: {b: [1, {c: 2}]}\nplan: [1]\ngolive: 1\n", "golive") == true);
  // Known only once the rest is read, or not a plan's version at all.
  CHECK(has_scalar_top_key("plan: {id: x}\n", "golive") == std::nullopt);
  CHECK(has_scalar_top_key("golive: {script: make}\n", "golive") == std::nullopt);
  CHECK(has_scalar_top_key("x: &v 1\ngolive: *v\n", "golive") == std::nullopt);
  CHECK(has_scalar_top_key("<<: {golive: 1}\n", "golive") == std::nullopt);
  CHECK(has_scalar_top_key("!x golive: 1\n", "golive") == std::nullopt);
  CHECK(has_scalar_top_key("? [a]\n: 1\ngolive: 1\n", "golive") == std::nullopt);
  CHECK(has_scalar_top_key("- golive: 1\n", "golive") == std::nullopt);
  CHECK(has_scalar_top_key("a: [1\ngolive: 1\n", "golive") == std::nullopt);
  CHECK(has_scalar_top_key("", "golive") == std::nullopt);
}

TEST_CASE("parse_yaml: shared anchors are fine, expansion is bounded") {
  // The same anchor used twice is no cycle.
  CHECK(parse_error("a: &x {k: 1}\nb: *x\nc: [*x, *x]\n") == "");
  std::string bomb = "l0: &l0 [a, a, a, a, a, a, a, a, a, a]\n";
  for (int i = 1; i <= 8; ++i) {
    // fmt rather than "…" + std::string: g++ 12 at -O3 reports a false -Wrestrict on that.
    std::string prev = fmt::format("*l{}", i - 1);
    bomb += fmt::format("l{0}: &l{0} [", i);
    for (int k = 0; k < 10; ++k) bomb += prev + (k < 9 ? ", " : "]\n");
  }
  CHECK(parse_error(bomb) ==
        "in.yaml:5:45: error: aliases expanding to more than 100000 nodes: over the aliases limit of "
        "100000; raise it with --limit aliases=N");
}

namespace {
// parse_error() with one limit set to `value`.
std::string at(Limit limit, uint64_t value, const std::string& text) {
  test::WithLimit with(limit, value);
  return parse_error(text);
}
}  // namespace

TEST_CASE("parse_yaml: each YAML limit accepts its value and refuses one more") {
  // {a: [1, 2]} is 5 nodes: the mapping, the key, the list and its 2 items.
  CHECK(at(Limit::Nodes, 5, "a: [1, 2]\n") == "");
  CHECK(at(Limit::Nodes, 4, "a: [1, 2]\n") ==
        "in.yaml:1:8: error: more than 4 nodes: over the nodes limit of 4; raise it with --limit nodes=N");
  // The root mapping and two lists: 3 levels.
  CHECK(at(Limit::Depth, 3, "a: [[1]]\n") == "");
  CHECK(at(Limit::Depth, 2, "a: [[1]]\n") ==
        "in.yaml:1:5: error: more than 2 levels of nesting: over the depth limit of 2; raise it with "
        "--limit depth=N");
  CHECK(at(Limit::ScalarLength, 5, "a: hello\n") == "");
  CHECK(at(Limit::ScalarLength, 4, "a: hello\n") ==
        "in.yaml:1:4: error: scalar of 5 bytes: over the scalar-length limit of 4; raise it with "
        "--limit scalar-length=N");
  CHECK(at(Limit::ListLength, 3, "a: [1, 2, 3]\n") == "");
  CHECK(at(Limit::ListLength, 2, "a: [1, 2, 3]\n") ==
        "in.yaml:1:11: error: list of more than 2 items: over the list-length limit of 2; raise it "
        "with --limit list-length=N");
  CHECK(at(Limit::ListLength, 3, "{a: 1, b: 2, c: 3}\n") == "");
  CHECK(at(Limit::ListLength, 2, "{a: 1, b: 2, c: 3}\n") ==
        "in.yaml:1:14: error: mapping of more than 2 keys: over the list-length limit of 2; raise it "
        "with --limit list-length=N");
  // *x stands for the 3 nodes of [1, 2]; twice is 6.
  CHECK(at(Limit::Aliases, 6, "a: &x [1, 2]\nb: *x\nc: *x\n") == "");
  CHECK(at(Limit::Aliases, 5, "a: &x [1, 2]\nb: *x\nc: *x\n") ==
        "in.yaml:3:4: error: aliases expanding to more than 5 nodes: over the aliases limit of 5; "
        "raise it with --limit aliases=N");
}

TEST_CASE("preview: short, redacted, valid UTF-8") {
  CHECK(preview("short") == "short");
  CHECK(preview("s3://key:secret@bucket/x") == "s3://***@bucket/x");
  CHECK(preview(std::string(70, 'a')) == std::string(57, 'a') + "...");
  // Sixty bytes are shown whole.
  std::string chinese;
  for (int i = 0; i < 20; ++i) chinese += "张";
  CHECK(preview(chinese) == chinese);
  // "x" and 21 three-byte characters: byte 57 falls inside the 19th character, so the cut
  // backs off to the 18th rather than split it.
  CHECK(preview(fmt::format("x{}张", chinese)) == fmt::format("x{}...", chinese.substr(0, 54)));
}

TEST_CASE("MapReader: typed values with positions") {
  Doc d(R"(name: Payments
every: 1h30m
at: 2026-11-20
tier: +2
ratio: 0.5
on: true
phone: "+8613800000001"
hours: "22:00-06:00"
zone: Europe/Berlin
list: [a, b]
labels: {team: pay, severity: critical}
)",
        find_zone("Asia/Shanghai"));
  MapReader m(d.ctx, d.node, "");
  CHECK(*m.text("name") == "Payments");
  CHECK(m.text("name").loc.str() == "in.yaml:1:7");
  CHECK(*m.duration("every") == 90min);
  // Bare dates are midnight in the context's zone.
  CHECK(*m.instant("at") == *parse_instant("2026-11-19T16:00:00Z", nullptr));
  CHECK(*m.integer("tier", 1, 3) == 2);
  CHECK(*m.number("ratio", 0, 1) == 0.5);
  CHECK(*m.boolean("on"));
  CHECK(*m.phone("phone") == "+8613800000001");
  CHECK(m.hours("hours")->wraps_midnight());
  CHECK(*m.zone("zone") == "Europe/Berlin");
  auto list = m.text_list("list");
  REQUIRE(list.size() == 2);
  CHECK(list[1].loc.str() == "in.yaml:10:11");
  auto labels = m.text_map("labels");
  REQUIRE(labels.size() == 2);
  CHECK(labels[0].first == "team");
  CHECK(*labels[1].second == "critical");
  CHECK_FALSE(m.has("absent"));
  CHECK(m.loc_of_key("absent").str() == "in.yaml:1:1");
  CHECK(m.loc_of_key("labels").str() == "in.yaml:11:9");
  m.finish();
  CHECK(messages(d.diags) == "");
}

TEST_CASE("MapReader: bad values are reported and read as absent") {
  Doc d(R"(sub:
  id: [x]
  when: 2026-11-20T10:00:00
  count: 12abc
  big: 123456789012345678901234567890
  flag: on
  kind: standy
  kinds: [pass, fial, {x: 1}]
  list: single
  labels: {a: [1]}
)");
  MapReader root(d.ctx, d.node, "");
  root.map("sub", [&](MapReader& m) {
    CHECK(m.path() == "sub");
    CHECK_FALSE(m.text("id"));
    CHECK_FALSE(m.instant("when"));
    CHECK_FALSE(m.integer("count", 0, 10));
    CHECK_FALSE(m.integer("big", 0, 10));
    CHECK_FALSE(m.boolean("flag"));
    CHECK_FALSE(m.one_of("kind", {"standby", "primary"}));
    CHECK(m.one_of_list("kinds", {"pass", "fail"}).size() == 1);
    CHECK(m.text_list("list").empty());
    CHECK(m.text_map("labels").empty());
    CHECK_FALSE(m.text("required", MapReader::Required));
  });
  root.finish();
  CHECK(messages(d.diags) ==
        "in.yaml:2:7: error: sub.id: expected a string, got a list\n"
        "in.yaml:3:9: error: sub.when: '2026-11-20T10:00:00' has no UTC offset (add Z or an offset "
        "such as +08:00)\n"
        "in.yaml:4:10: error: sub.count: '12abc' is not a whole number\n"
        "in.yaml:5:8: error: sub.big: 123456789012345678901234567890 is out of range (0 to 10)\n"
        "in.yaml:6:9: error: sub.flag: 'on' is not a boolean in YAML 1.2, which golive, editors and "
        "plugins read (write true or false)\n"
        "in.yaml:7:9: error: sub.kind: 'standy' is not one of standby, primary (did you mean "
        "'standby'?)\n"
        "in.yaml:8:17: error: sub.kinds[1]: 'fial' is not one of pass, fail (did you mean "
        "'fail'?)\n"
        "in.yaml:8:23: error: sub.kinds[2]: expected a string, got a mapping\n"
        "in.yaml:9:9: error: sub.list: expected a list, got 'single'\n"
        "in.yaml:10:15: error: sub.labels.a: expected a string, got a list\n"
        "in.yaml:2:3: error: sub: missing required key 'required'\n");
}

TEST_CASE("MapReader: blank text is refused as null is, in a value and in a list") {
  // `runbook: " "` named no runbook, and the gate that asks for one passed.
  Doc d("sub:\n  empty: \"\"\n  spaces: \"  \"\n  wide: \"\\u3000\\t\"\n  zero: \"\\u200B\"\n"
        "  list: [PIPL, \" \", \"\"]\n  word: \" x \"\n  han: 张三\n");
  MapReader root(d.ctx, d.node, "");
  root.map("sub", [&](MapReader& m) {
    CHECK_FALSE(m.text("empty"));
    CHECK_FALSE(m.text("spaces", MapReader::Required));
    CHECK_FALSE(m.text("wide"));
    CHECK_FALSE(m.text("zero"));
    const std::vector<Text> list = m.text_list("list");
    REQUIRE(list.size() == 1);
    CHECK(*list[0] == "PIPL");
    CHECK(*m.text("word") == " x ");  // text with something in it is kept as written
    CHECK(*m.text("han") == "张三");
  });
  root.finish();
  const std::string blank =
      ": blank text (nothing, or only spaces and invisible characters): write what it stands "
      "for, or leave the key out if it is optional\n";
  CHECK(messages(d.diags) == "in.yaml:2:10: error: sub.empty" + blank +
                                 "in.yaml:3:11: error: sub.spaces" + blank +
                                 "in.yaml:4:9: error: sub.wide" + blank +
                                 "in.yaml:5:9: error: sub.zero" + blank +
                                 "in.yaml:6:16: error: sub.list[1]" + blank +
                                 "in.yaml:6:21: error: sub.list[2]" + blank);
}

TEST_CASE("MapReader: unknown keys are errors, once, with a suggestion, x- keys are ignored") {
  Doc d("owner: a\nonwer: b\nzzzzzz: c\nx-note: {any: thing}\n");
  {
    MapReader m(d.ctx, d.node, "plan");
    (void)m.text("owner");
    (void)m.text("revised_at");
  }  // the destructor finishes
  CHECK(messages(d.diags) ==
        "in.yaml:2:1: error: plan: unknown key 'onwer' (did you mean 'owner'?)\n"
        "in.yaml:3:1: error: plan: unknown key 'zzzzzz'\n");
}

TEST_CASE("MapReader: no warnings while an exception unwinds") {
  Doc d("a: 1\nb: 2\n");
  try {
    MapReader m(d.ctx, d.node, "");
    (void)m.text("a");
    throw std::runtime_error("stop");
  } catch (const std::runtime_error&) {
  }
  CHECK(messages(d.diags) == "");
}

TEST_CASE("MapReader: a value of the wrong shape is reported and left untouched") {
  Doc d("items: [5, {a: 1}]\nsection: [1]\n");
  MapReader root(d.ctx, d.node, "");
  int calls = 0;
  root.each("items", [&](MapReader& m, size_t i) {
    ++calls;
    CHECK(i == 1);
    CHECK(*m.text("a") == "1");
  });
  CHECK_FALSE(root.map("section", [&](MapReader&) { ++calls; }));
  root.finish();
  CHECK(calls == 1);
  CHECK(messages(d.diags) ==
        "in.yaml:1:9: error: items[0]: expected a mapping, got '5'\n"
        "in.yaml:2:10: error: section: expected a mapping, got a list\n");
  // The document itself is unchanged.
  CHECK(d.node["items"][0].IsScalar());
  CHECK(d.node["section"].IsSequence());
}

TEST_CASE("yaml: plain_scalar_type is the YAML 1.2 core schema's resolution") {
  // The schema's regular expressions, which plain_scalar_type() writes out: it must answer
  // as they do for everything.
  const std::regex kBool("true|True|TRUE|false|False|FALSE");
  const std::regex kInt("[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+");
  const std::regex kFloat(
      "[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
  auto expected = [&](const std::string& s) {
    if (std::regex_match(s, kBool)) return CoreType::Bool;
    if (std::regex_match(s, kInt)) return CoreType::Int;
    if (std::regex_match(s, kFloat)) return CoreType::Float;
    return CoreType::Str;
  };
  std::vector<std::string> samples = {"", "true", "True", "TRUE", "tRUE", "false", "no", "0x1F", "0o17",
                                      "0o8", "1e5", "+1.5E-3", ".inf", "-.INF", "+.Inf", ".nan", "nan", "inf",
                                      "1_000", "payments-db", "https://x", " 1", "1 ", "٣", "1.", ".5", "-.5e+3", "1e",
                                      "1e+", "+.nan", "-0", "0o", "0x", "0xg", "0x1f", "0o777", "-0x1",
                                      "TRUE ", "fAlse", "1.5.5", "12e3.4", "..5", "-.inf", ".infx"};
  const std::string alphabet = "tTfF+-.0123456789eExoaAinNrsu _/:";
  for (char a : alphabet) {
    samples.push_back(std::string(1, a));
    for (char b : alphabet) {
      samples.push_back(std::string{a, b});
      for (char c : alphabet) samples.push_back(std::string{a, b, c});
    }
  }
  for (const std::string& s : samples) {
    INFO("'", s, "'");
    CHECK(plain_scalar_type(s) == expected(s));
  }
}
