#include "checks/engine/yaml_reader.h"
#include "checks/engine/redact.h"
#include "checks/engine/visible_text.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cerrno>
#include <exception>
#include <map>
#include <fstream>
#include <optional>
#include <regex>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>
#include <yaml.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checks/engine/input_messages.h"
#include "checks/engine/limits.h"
#include "checks/engine/yaml_tree.h"

namespace golive {
namespace {

SourceLoc loc_at_offset(std::string_view text, size_t offset, const std::string& file) {
  int line = 1, col = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      col = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++col;  // count characters, not UTF-8 continuation bytes
    }
  }
  return {file, line, col};
}

// Offset of the first invalid UTF-8 sequence, or npos.
size_t invalid_utf8_at(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return i;
    for (size_t k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return i;
    if (len == 2 && c < 0xC2) return i;  // overlong
    i += len;
  }
  return std::string::npos;
}

// Text saved as UTF-16 or UTF-32 with a byte-order mark (Windows PowerShell 5.1 writes
// UTF-16LE so) is decoded to UTF-8: lines and columns count characters either way, so
// positions in messages stay those an editor shows. Without a mark the width cannot be
// known for sure, so such text is refused with what to do instead of "NUL byte".
// Returns nothing for text that is not UTF-16 or UTF-32 (it is read as it is, not copied).
std::optional<std::string> decode_utf16_32(const std::string& in, const std::string& file) {
  auto byte = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(in[i])); };
  const bool has4 = in.size() >= 4;
  int width = 0;
  bool big = false;
  std::string name;
  if (has4 && byte(0) == 0xFF && byte(1) == 0xFE && byte(2) == 0 && byte(3) == 0) {
    width = 4, name = "UTF-32LE";
  } else if (has4 && byte(0) == 0 && byte(1) == 0 && byte(2) == 0xFE && byte(3) == 0xFF) {
    width = 4, big = true, name = "UTF-32BE";
  } else if (in.size() >= 2 && byte(0) == 0xFF && byte(1) == 0xFE) {
    width = 2, name = "UTF-16LE";
  } else if (in.size() >= 2 && byte(0) == 0xFE && byte(1) == 0xFF) {
    width = 2, big = true, name = "UTF-16BE";
  }
  if (width == 0) {
    // No mark: a NUL in the first code unit's place gives the encoding away.
    std::string guess;
    if (has4 && byte(0) != 0 && byte(1) == 0 && byte(2) == 0 && byte(3) == 0) guess = "UTF-32LE";
    else if (has4 && byte(0) == 0 && byte(1) == 0 && byte(2) == 0 && byte(3) != 0) guess = "UTF-32BE";
    else if (in.size() >= 2 && byte(0) != 0 && byte(1) == 0) guess = "UTF-16LE";
    else if (in.size() >= 2 && byte(0) == 0 && byte(1) != 0) guess = "UTF-16BE";
    if (!guess.empty())
      throw InputError({file, 1, 1}, message("errors.yaml.no_byte_order_mark",
                                             fmt::arg("encoding", guess.substr(0, 6))));
    return std::nullopt;
  }
  std::string out;
  out.reserve(in.size());
  auto unit = [&](size_t i) {
    uint32_t v = 0;
    for (int k = 0; k < width; ++k) v |= byte(i + k) << (8 * (big ? width - 1 - k : k));
    return v;
  };
  auto bad = [&]() {
    return InputError(loc_at_offset(out, out.size(), file),
                      message("errors.yaml.invalid_encoding", fmt::arg("encoding", name)));
  };
  size_t i = static_cast<size_t>(width);  // after the byte-order mark
  while (i < in.size()) {
    if (i + width > in.size()) throw bad();
    uint32_t cp = unit(i);
    i += width;
    if (width == 2 && cp >= 0xD800 && cp <= 0xDBFF) {
      if (i + 2 > in.size()) throw bad();
      uint32_t low = unit(i);
      if (low < 0xDC00 || low > 0xDFFF) throw bad();
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      i += 2;
    } else if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      throw bad();
    }
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

// Where an event begins, 0-based (line, and column in characters), as libyaml marks it.
struct Mark {
  int line = 0;
  int column = 0;
};
// An anchor: numbered from 1 in the order defined (a name may be defined again, and an
// alias names the latest); 0 for none.
using Anchor = uint32_t;
constexpr Anchor kNoAnchor = 0;

// Builds the document tree (yaml_tree.h) from libyaml's events in one pass, counting what the
// limits bound as the events come and stopping at the first one crossed, before the memory
// is spent: a 10^6-item list is refused at its item past the limit, and an alias costs
// nothing until something walks it, so an alias bomb is counted as if copied out. Aliases
// are resolved to the anchored node (no copy). The structure traps of the first document
// (keys that are not scalars, duplicate keys, bad merge keys, nesting past the depth limit
// through aliases) are found in document order but reported only once the whole stream has
// parsed: a limit or syntax error anywhere, then a second document, take precedence, as they
// did when these were checked by a walk of the finished tree.
class LimitScan final {
 public:
  explicit LimitScan(const std::string& file) : file_(file), tree_(std::make_shared<YamlTree>()) {}

  void OnDocumentStart() {
    ++documents_;
    anchors_.clear();
  }
  void OnNull(const Mark& mark, Anchor anchor) {
    leaf(mark, anchor);
    if (checking() && key_next()) defer(at(mark), message("errors.yaml.key_not_string"));
    add(new_node(YamlNodeType::Null, mark, 0), anchor);
  }
  void OnScalar(const Mark& mark, std::string_view tag, Anchor anchor, std::string_view value) {
    if (value.size() > limit_value(Limit::ScalarLength))
      fail(mark, Limit::ScalarLength, message("errors.limits.scalar", fmt::arg("bytes", value.size())));
    leaf(mark, anchor);
    const uint32_t n = new_node(YamlNodeType::Scalar, mark, tree_->tag_index(tag));
    tree_->nodes[n].first = static_cast<uint32_t>(tree_->scalars.size());
    tree_->scalars.emplace_back(value);
    if (checking() && key_next()) check_key(n);
    add(n, anchor);
  }
  void OnAlias(const Mark& mark, Anchor anchor) {
    item(mark);
    for (const Open& o : open_)
      if (o.anchor == anchor) throw InputError(at(mark), message("errors.yaml.alias_cycle"));
    uint64_t size = anchor < sizes_.size() ? sizes_[anchor] : 1;
    expanded_ += size;
    if (expanded_ > limit_value(Limit::Aliases))
      fail(mark, Limit::Aliases, message("errors.limits.aliases", fmt::arg("count", limit_value(Limit::Aliases))));
    // An alias to an anchor not defined before it is refused by the caller.
    const uint32_t target = anchors_.at(anchor);
    if (checking()) {
      if (key_next()) {
        if (tree_->nodes[target].kind != YamlNodeType::Scalar)
          defer(loc(target), message("errors.yaml.key_not_string"));
        else
          check_key(target);
      } else {
        deep_through_alias(target);
      }
    }
    add(target, kNoAnchor);
  }
  /// A tag golive does not read (or one that does not fit its node): refused like the
  /// other structure traps of the first document.
  void OnBadTag(const Mark& mark, std::string message) {
    if (checking()) defer(at(mark), std::move(message));
  }
  void OnSequenceStart(const Mark& mark, std::string_view tag, Anchor anchor) { start(mark, tag, anchor, false); }
  void OnSequenceEnd() { end(); }
  void OnMapStart(const Mark& mark, std::string_view tag, Anchor anchor) { start(mark, tag, anchor, true); }
  void OnMapEnd() { end(); }

  /// The root of each document, and the first structure trap of the first one.
  std::pair<std::vector<YamlNode>, std::optional<InputError>> finish() {
    std::shared_ptr<const YamlTree> tree = std::move(tree_);
    std::vector<YamlNode> docs;
    for (uint32_t root : roots_) docs.emplace_back(tree, root);
    return {std::move(docs), std::move(problem_)};
  }

 private:
  struct Open {
    Anchor anchor;
    uint64_t total_at_start;  // written_ + expanded_ when the node began
    uint64_t children = 0;
    bool map = false;
    uint32_t node = 0;       // in the tree
    size_t pending_at = 0;   // where its children begin in pending_
    // Keys seen (text and 0-based line), once the mapping is too large to search its keys
    // one by one: a mapping may have list-length keys.
    std::unique_ptr<std::unordered_map<std::string_view, int>> keys;
  };

  SourceLoc at(const Mark& m) const { return {file_, m.line + 1, m.column + 1}; }
  SourceLoc loc(uint32_t n) const {
    const YamlTree::Node& node = tree_->nodes[n];
    return {file_, node.line + 1, node.column + 1};
  }
  [[noreturn]] void fail(const Mark& m, Limit limit, const std::string& what) const {
    throw InputError(at(m), over_limit(limit, what));
  }

  // One more child of the innermost list or mapping (a mapping counts keys and values).
  void item(const Mark& mark) {
    if (open_.empty()) return;
    Open& parent = open_.back();
    uint64_t n = ++parent.children;
    if (parent.map) n = (n + 1) / 2;
    if (n > limit_value(Limit::ListLength))
      fail(mark, Limit::ListLength,
           parent.map ? message("errors.limits.mapping", fmt::arg("count", limit_value(Limit::ListLength)))
                      : message("errors.limits.list", fmt::arg("count", limit_value(Limit::ListLength))));
  }
  void node(const Mark& mark) {
    item(mark);
    if (++written_ > limit_value(Limit::Nodes))
      fail(mark, Limit::Nodes, message("errors.limits.nodes", fmt::arg("count", limit_value(Limit::Nodes))));
  }
  void leaf(const Mark& mark, Anchor anchor) {
    node(mark);
    record(anchor, 1);
  }
  void start(const Mark& mark, std::string_view tag, Anchor anchor, bool map) {
    node(mark);
    if (open_.size() >= limit_value(Limit::Depth))
      fail(mark, Limit::Depth, message("errors.limits.depth", fmt::arg("count", limit_value(Limit::Depth))));
    if (checking() && key_next()) defer(at(mark), message("errors.yaml.key_not_string"));
    const uint32_t n =
        new_node(map ? YamlNodeType::Map : YamlNodeType::Sequence, mark, tree_->tag_index(tag));
    add(n, anchor);
    open_.push_back({anchor, written_ + expanded_ - 1, 0, map, n, pending_.size(), nullptr});
  }
  void end() {
    Open o = std::move(open_.back());
    open_.pop_back();
    record(o.anchor, written_ + expanded_ - o.total_at_start);
    std::vector<uint32_t> kids(pending_.begin() + static_cast<std::ptrdiff_t>(o.pending_at),
                               pending_.end());
    pending_.resize(o.pending_at);
    if (o.map && checking()) merge(kids);
    YamlTree::Node& n = tree_->nodes[o.node];
    n.first = static_cast<uint32_t>(tree_->kids.size());
    n.count = static_cast<uint32_t>(kids.size());
    tree_->kids.insert(tree_->kids.end(), kids.begin(), kids.end());
    // Levels of lists and mappings from this node down, aliases and merged values included.
    uint32_t below = 0;
    for (size_t i = o.map ? 1 : 0; i < kids.size(); i += o.map ? 2 : 1)
      below = std::max(below, height_[kids[i]]);
    height_[o.node] = below + 1;
  }
  void record(Anchor anchor, uint64_t size) {
    if (anchor == kNoAnchor) return;
    if (sizes_.size() <= anchor) sizes_.resize(anchor + 1, 1);
    sizes_[anchor] = size;
  }

  // The tree side.
  uint32_t new_node(YamlNodeType kind, const Mark& mark, uint16_t tag) {
    tree_->nodes.push_back({kind, tag, 0, 0, mark.line, mark.column});
    height_.push_back(0);
    return static_cast<uint32_t>(tree_->nodes.size() - 1);
  }
  void add(uint32_t n, Anchor anchor) {
    if (anchor != kNoAnchor) {
      if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, 0);
      anchors_[anchor] = n;
    }
    if (open_.empty())
      roots_.push_back(n);
    else
      pending_.push_back(n);
  }
  // Whether the next node of the innermost collection is a mapping key.
  bool key_next() const {
    return !open_.empty() && open_.back().map && (pending_.size() - open_.back().pending_at) % 2 == 0;
  }
  // The structure traps are those of the first document, the one parse_yaml() returns.
  bool checking() const { return documents_ == 1 && !problem_; }
  void defer(SourceLoc where, std::string message) {
    if (!problem_) problem_.emplace(std::move(where), message);
  }

  // A mapping key `n` (a scalar) against the keys before it in the innermost mapping.
  void check_key(uint32_t n) {
    Open& map = open_.back();
    const std::string& key = tree_->scalars[tree_->nodes[n].first];
    const int line = tree_->nodes[n].line;
    std::optional<int> first;
    if (map.keys) {
      auto [it, fresh] = map.keys->emplace(key, line);
      if (!fresh) first = it->second;
    } else {
      for (size_t i = map.pending_at; i < pending_.size() && !first; i += 2) {
        const YamlTree::Node& k = tree_->nodes[pending_[i]];
        if (tree_->scalars[k.first] == key) first = k.line;
      }
      if (!first && pending_.size() - map.pending_at >= 32) {
        map.keys = std::make_unique<std::unordered_map<std::string_view, int>>();
        for (size_t i = map.pending_at; i < pending_.size(); i += 2) {
          const YamlTree::Node& k = tree_->nodes[pending_[i]];
          map.keys->emplace(tree_->scalars[k.first], k.line);
        }
        map.keys->emplace(key, line);
      }
    }
    if (first)
      defer(loc(n), message("errors.yaml.duplicate_key", fmt::arg("key", preview(key)), fmt::arg("line", *first + 1)));
  }

  // An alias to `target` as a value at the current depth: the nesting it brings counts as
  // if it were copied out. Reported at the first list or mapping, in document order, that
  // lies deeper than the limit.
  void deep_through_alias(uint32_t target) {
    const uint64_t limit = limit_value(Limit::Depth);
    uint64_t level = open_.size();
    if (level + height_[target] <= limit) return;
    uint32_t n = target;
    while (level < limit) {
      const YamlTree::Node& node = tree_->nodes[n];
      const bool map = node.kind == YamlNodeType::Map;
      for (uint32_t i = map ? 1 : 0; i < node.count; i += map ? 2 : 1) {
        const uint32_t kid = tree_->kids[node.first + i];
        if (level + 1 + height_[kid] > limit) {
          n = kid;
          break;
        }
      }
      ++level;
    }
    defer(loc(n), over_limit(Limit::Depth, message("errors.limits.depth", fmt::arg("count", limit))));
  }

  // YAML 1.1 merge keys, as PyYAML, the npm `yaml` package and editors apply them: the
  // merged mappings' keys are added unless the mapping has them already (explicit keys
  // win; of two merged mappings the earlier wins), after the mapping's own keys, with the
  // merged key and value nodes themselves (their positions are where they were written).
  // The sources ended before this mapping, so their own merges are applied already.
  void merge(std::vector<uint32_t>& kids) {
    auto node = [&](uint32_t n) -> const YamlTree::Node& { return tree_->nodes[n]; };
    auto text = [&](uint32_t n) -> const std::string& { return tree_->scalars[node(n).first]; };
    size_t at = kids.size();
    for (size_t i = 0; i < kids.size(); i += 2)
      if (node(kids[i]).kind == YamlNodeType::Scalar && node(kids[i]).tag == 1 && text(kids[i]) == "<<") {
        at = i;
        break;
      }
    if (at == kids.size()) return;
    const uint32_t sources = kids[at + 1];
    std::vector<uint32_t> maps;
    if (node(sources).kind == YamlNodeType::Map) {
      maps.push_back(sources);
    } else if (node(sources).kind == YamlNodeType::Sequence) {
      for (uint32_t i = 0; i < node(sources).count; ++i) {
        const uint32_t s = tree_->kids[node(sources).first + i];
        if (node(s).kind != YamlNodeType::Map)
          return defer(loc(s), message("errors.yaml.merge_value"));
        maps.push_back(s);
      }
    } else {
      return defer(loc(sources), message("errors.yaml.merge_value"));
    }
    kids.erase(kids.begin() + static_cast<std::ptrdiff_t>(at),
               kids.begin() + static_cast<std::ptrdiff_t>(at) + 2);
    std::unordered_set<std::string_view> present;
    for (size_t i = 0; i < kids.size(); i += 2) present.insert(text(kids[i]));
    for (uint32_t m : maps)
      for (uint32_t i = 0; i < node(m).count; i += 2) {
        const uint32_t k = tree_->kids[node(m).first + i];
        if (present.insert(text(k)).second) {
          kids.push_back(k);
          kids.push_back(tree_->kids[node(m).first + i + 1]);
        }
      }
  }

  const std::string& file_;
  std::vector<Open> open_;
  std::vector<uint64_t> sizes_;  // nodes under each anchor, aliases inside counted out
  uint64_t written_ = 0, expanded_ = 0;
  std::shared_ptr<YamlTree> tree_;
  std::vector<uint32_t> pending_;  // children of the open collections, innermost last
  std::vector<uint32_t> height_;   // per node: levels of lists and mappings, itself included
  std::vector<uint32_t> anchors_;  // node of each anchor of the current document
  std::vector<uint32_t> roots_;    // one per document
  int documents_ = 0;
  std::optional<InputError> problem_;  // the first structure trap of the first document
};

// libyaml's words for what is not YAML (they come from the library, not the catalogue, so
// they stay English), at its position: "did not find expected key (while parsing a block
// mapping at line 2, column 1)".
InputError not_yaml(const yaml_parser_t& parser, std::string_view text, const std::string& file) {
  if (parser.error == YAML_MEMORY_ERROR) throw std::bad_alloc();
  std::string detail = parser.problem ? parser.problem : "unknown error";
  if (parser.error == YAML_READER_ERROR)  // its position is a byte offset, without a mark
    return InputError(loc_at_offset(text, parser.problem_offset, file),
                      message("errors.yaml.invalid_yaml", fmt::arg("detail", detail)));
  if (parser.context)
    detail += fmt::format(" ({} at line {}, column {})", parser.context, parser.context_mark.line + 1,
                          parser.context_mark.column + 1);
  return InputError({file, static_cast<int>(parser.problem_mark.line) + 1, static_cast<int>(parser.problem_mark.column) + 1},
                    message("errors.yaml.invalid_yaml", fmt::arg("detail", detail)));
}

// libyaml's event parser over `text` (read where it is, not copied), and its current event;
// both freed on every path.
class EventParser {
 public:
  EventParser(std::string_view text, const std::string& file) : text_(text), file_(file) {
    if (!yaml_parser_initialize(&parser_)) throw std::bad_alloc();
    yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()), text.size());
    yaml_parser_set_encoding(&parser_, YAML_UTF8_ENCODING);  // decoded to UTF-8 already
  }
  EventParser(const EventParser&) = delete;
  EventParser& operator=(const EventParser&) = delete;
  ~EventParser() {
    if (has_event_) yaml_event_delete(&event_);
    yaml_parser_delete(&parser_);
  }
  /// The next event; throws InputError where the text stops being YAML.
  const yaml_event_t& next() {
    if (has_event_) yaml_event_delete(&event_);
    has_event_ = yaml_parser_parse(&parser_, &event_) != 0;
    if (!has_event_) throw not_yaml(parser_, text_, file_);
    return event_;
  }

 private:
  std::string_view text_;
  const std::string& file_;
  yaml_parser_t parser_{};
  yaml_event_t event_{};
  bool has_event_ = false;
};

std::string_view text_of(const yaml_char_t* s) { return s ? reinterpret_cast<const char*>(s) : ""; }

// A node's tag as the tree keeps it: as written after resolution (`tag:yaml.org,2002:str`),
// else "?" for a plain scalar or a list or mapping, "!" for a quoted or block scalar.
std::string_view tag_of(const yaml_char_t* tag, bool plain) { return tag ? text_of(tag) : plain ? "?" : "!"; }

// YAML's null, written plainly and untagged: nothing, `~`, `null`, `Null` or `NULL`.
bool is_null_text(std::string_view v) { return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL"; }

// The core schema's tags (YAML 1.2 §10.3), as libyaml reports them once `!!` is resolved.
constexpr std::string_view kCoreTagPrefix = "tag:yaml.org,2002:";

// A tag as it is written: `!!int` for the core schema's, `!local` as is, others verbatim.
std::string shorthand(std::string_view tag) {
  if (tag.rfind(kCoreTagPrefix, 0) == 0) return "!!" + std::string(tag.substr(kCoreTagPrefix.size()));
  if (tag.rfind('!', 0) == 0) return std::string(tag);
  return fmt::format("!<{}>", tag);
}

std::string unknown_tag(std::string_view tag) {
  return message("errors.yaml.unknown_tag", fmt::arg("tag", shorthand(tag)));
}

// How a scalar is read once its explicit tag is applied. golive reads the core schema and
// nothing else: a tag it does not know (`!fail pass`, `!!binary`, `!!timestamp`) would
// otherwise leave the text as it is and a check would read `pass`, so it is refused.
// `!!str` and the non-specific `!` make text; `!!int`, `!!float`, `!!bool` and `!!null`
// take the value as if it were written plainly, when it is one (`!!int 3`, `!!int "3"`).
struct ScalarTag {
  std::string_view tag;                 // as the tree keeps it ("?" plain, "!" text)
  bool null = false;                    // `!!null ~`
  std::optional<std::string> problem;   // the message when the tag is refused
};

ScalarTag resolve_scalar_tag(std::string_view tag, std::string_view value) {
  if (tag == "!" || tag == std::string(kCoreTagPrefix) + "str") return {"!", false, std::nullopt};
  struct Typed {
    std::string_view name;
    std::string_view kind;  // catalogue key of what the tag needs
  };
  static constexpr Typed typed[] = {{"int", "errors.expected.whole_number"},
                                    {"float", "errors.expected.number"},
                                    {"bool", "errors.expected.boolean"},
                                    {"null", "errors.expected.empty"}};
  if (tag.rfind(kCoreTagPrefix, 0) != 0) return {"!", false, unknown_tag(tag)};
  const std::string_view name = tag.substr(kCoreTagPrefix.size());
  for (const Typed& t : typed) {
    if (name != t.name) continue;
    const std::string text(value);
    const CoreType plain = is_null_text(value) ? CoreType::Null : plain_scalar_type(text);
    const bool fits = name == "int"     ? plain == CoreType::Int
                      : name == "float" ? plain == CoreType::Int || plain == CoreType::Float
                      : name == "bool"  ? plain == CoreType::Bool
                                        : plain == CoreType::Null;
    if (!fits)
      return {"!", false,
              message("errors.yaml.tag_value", fmt::arg("tag", shorthand(tag)),
                      fmt::arg("expected", message_text(t.kind)), fmt::arg("value", preview(value)))};
    return {"?", plain == CoreType::Null, std::nullopt};
  }
  return {"!", false, unknown_tag(tag)};
}

// The problem with a list's or mapping's explicit tag, if any: `!!seq` and `!!map` where
// they fit, the non-specific `!`, nothing else.
std::optional<std::string> collection_tag_problem(const yaml_char_t* tag, bool map) {
  if (!tag) return std::nullopt;
  const std::string_view t = text_of(tag);
  if (t == "!" || t == std::string(kCoreTagPrefix) + (map ? "map" : "seq")) return std::nullopt;
  if (t == std::string(kCoreTagPrefix) + (map ? "seq" : "map") || t == std::string(kCoreTagPrefix) + "str")
    return message("errors.yaml.tag_node", fmt::arg("tag", shorthand(t)),
                   fmt::arg("node", message_text(map ? "errors.node.mapping" : "errors.node.list")));
  return unknown_tag(t);
}

std::pair<std::vector<YamlNode>, std::optional<InputError>> build_tree(std::string_view text,
                                                                      const std::string& file) {
  EventParser parser(text, file);
  LimitScan scan(file);
  std::unordered_map<std::string, Anchor> anchors;  // the latest of each name, this document
  Anchor defined = kNoAnchor;                         // anchors defined so far, the stream's
  auto define = [&](const yaml_char_t* name) -> Anchor {
    if (!name) return kNoAnchor;
    anchors.insert_or_assign(std::string(text_of(name)), ++defined);
    return defined;
  };
  for (;;) {
    const yaml_event_t& e = parser.next();
    const Mark mark{static_cast<int>(e.start_mark.line), static_cast<int>(e.start_mark.column)};
    switch (e.type) {
      case YAML_STREAM_END_EVENT:
        return scan.finish();
      case YAML_DOCUMENT_START_EVENT:
        scan.OnDocumentStart();
        anchors.clear();
        break;
      case YAML_ALIAS_EVENT: {
        auto it = anchors.find(std::string(text_of(e.data.alias.anchor)));
        if (it == anchors.end())
          throw InputError({file, mark.line + 1, mark.column + 1},
                           message("errors.yaml.invalid_yaml", fmt::arg("detail", "the referenced anchor is not defined")));
        scan.OnAlias(mark, it->second);
        break;
      }
      case YAML_SCALAR_EVENT: {
        const auto& d = e.data.scalar;
        const std::string_view value(reinterpret_cast<const char*>(d.value), d.length);
        const bool plain = d.style == YAML_PLAIN_SCALAR_STYLE;
        const Anchor a = define(d.anchor);
        if (!d.tag && plain && is_null_text(value)) {
          scan.OnNull(mark, a);
        } else if (!d.tag) {
          scan.OnScalar(mark, plain ? "?" : "!", a, value);
        } else {
          ScalarTag t = resolve_scalar_tag(text_of(d.tag), value);
          if (t.problem) scan.OnBadTag(mark, std::move(*t.problem));
          if (t.null)
            scan.OnNull(mark, a);
          else
            scan.OnScalar(mark, t.tag, a, value);
        }
        break;
      }
      // The anchor is defined before the children are read: an alias to it inside is a cycle.
      case YAML_SEQUENCE_START_EVENT:
        if (auto problem = collection_tag_problem(e.data.sequence_start.tag, false))
          scan.OnBadTag(mark, std::move(*problem));
        scan.OnSequenceStart(mark, tag_of(e.data.sequence_start.tag, true), define(e.data.sequence_start.anchor));
        break;
      case YAML_SEQUENCE_END_EVENT:
        scan.OnSequenceEnd();
        break;
      case YAML_MAPPING_START_EVENT:
        if (auto problem = collection_tag_problem(e.data.mapping_start.tag, true))
          scan.OnBadTag(mark, std::move(*problem));
        scan.OnMapStart(mark, tag_of(e.data.mapping_start.tag, true), define(e.data.mapping_start.anchor));
        break;
      case YAML_MAPPING_END_EVENT:
        scan.OnMapEnd();
        break;
      default:  // the stream's start, a document's end
        break;
    }
  }
}

// "x: 'v' is not one of a, b (did you mean 'a'?)"
std::string not_one_of(const std::string& path, const std::string& value,
                       const std::vector<std::string>& allowed) {
  return message("errors.yaml.not_one_of", fmt::arg("path", path), fmt::arg("value", preview(value)),
                 fmt::arg("allowed", say_list(allowed)), fmt::arg("hint", did_you_mean_hint(did_you_mean(value, allowed))));
}

}  // namespace

std::string preview(std::string_view value) {
  // A value quoted in a message reaches a terminal: no control or format character of it
  // may act there (a `\x17` in a date is shown as such).
  std::string v = make_visible(redact(value));
  if (v.size() <= 60) return v;
  // Cut on a character boundary so that a message stays valid UTF-8.
  size_t cut = 57;
  while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;
  return v.substr(0, cut) + "...";
}

bool is_user_key(std::string_view key) { return key.rfind("x-", 0) == 0; }

CoreType core_type(const YamlNode& n) {
  if (!n.IsDefined() || n.IsNull()) return CoreType::Null;
  if (n.IsMap()) return CoreType::Map;
  if (n.IsSequence()) return CoreType::Seq;
  if (n.Tag() != "?") return CoreType::Str;  // quoted, block or tagged: text as written
  return plain_scalar_type(n.Scalar());
}

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Advances `i` over digits; whether there was one.
bool skip_digits(std::string_view s, size_t& i) {
  const size_t start = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  return i > start;
}

// `[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+`, the whole string.
bool core_int(std::string_view s) {
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) {
    const bool octal = s[1] == 'o';
    return std::all_of(s.begin() + 2, s.end(), [&](char c) {
      return octal ? c >= '0' && c <= '7' : is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
  }
  size_t i = !s.empty() && (s[0] == '-' || s[0] == '+') ? 1 : 0;
  return skip_digits(s, i) && i == s.size();
}

// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)`,
// the whole string. Each part is followed by characters it cannot hold, so reading as
// far as it goes is the only way to match.
bool core_float(std::string_view s) {
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return true;
  size_t i = !s.empty() && (s[0] == '-' || s[0] == '+') ? 1 : 0;
  const std::string_view rest = s.substr(i);
  if (rest == ".inf" || rest == ".Inf" || rest == ".INF") return true;
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!skip_digits(s, i)) return false;
  } else {
    if (!skip_digits(s, i)) return false;
    if (i < s.size() && s[i] == '.') {
      ++i;
      skip_digits(s, i);
    }
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (!skip_digits(s, i)) return false;
  }
  return i == s.size();
}

}  // namespace

CoreType plain_scalar_type(const std::string& s) {
  // The YAML 1.2 core schema's resolution of plain scalars (yaml.org/spec/1.2.2 §10.3.2),
  // its regular expressions written out: compiling them with std::regex was 6 % of the
  // instructions of checking a small plan. A test compares the two.
  if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE")
    return CoreType::Bool;
  if (core_int(s)) return CoreType::Int;
  if (core_float(s)) return CoreType::Float;
  return CoreType::Str;
}

std::string read_file(const std::string& path) {
  const uint64_t max = limit_value(Limit::FileSize);
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw InputError({path, 0, 0}, message("errors.yaml.cannot_read"));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  // Refused before reading when the size is known; a pipe or device is read up to the limit.
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<uint64_t>(st.st_size) > max)
    throw InputError({path, 1, 1}, over_limit(Limit::FileSize, message("errors.limits.file_size",
                                                                       fmt::arg("bytes", st.st_size))));
  std::string text;
  // One allocation for a file of known size, not a doubling per 64 KiB read.
  if (S_ISREG(st.st_mode)) text.reserve(static_cast<size_t>(st.st_size));
  char buf[65536];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw InputError({path, 0, 0}, message("errors.yaml.cannot_read"));
    if (n == 0) break;
    text.append(buf, static_cast<size_t>(n));
    if (text.size() > max)
      throw InputError({path, 1, 1},
                       over_limit(Limit::FileSize, message("errors.limits.file_size_over", fmt::arg("bytes", max))));
  }
  return text;
}

SourceLoc loc_of(const YamlNode& node, const std::string& file) {
  if (!node.IsDefined()) return {file, 0, 0};  // Mark() throws on an absent key's node
  auto m = node.Mark();
  if (m.line < 0) return {file, 0, 0};
  return {file, m.line + 1, m.column + 1};
}

std::string describe_node(const YamlNode& n) {
  if (!n.IsDefined() || n.IsNull()) return message_text("errors.node.nothing");
  if (n.IsMap()) return message_text("errors.node.mapping");
  if (n.IsSequence()) return message_text("errors.node.list");
  return message("errors.node.scalar", fmt::arg("value", preview(n.Scalar())));
}

std::optional<bool> has_scalar_top_key(std::string_view text, std::string_view key) {
  const std::string file;
  try {
    EventParser parser(text, file);
    for (auto want : {YAML_STREAM_START_EVENT, YAML_DOCUMENT_START_EVENT, YAML_MAPPING_START_EVENT})
      if (parser.next().type != want) return std::nullopt;
    for (;;) {
      const yaml_event_t& k = parser.next();
      if (k.type != YAML_SCALAR_EVENT || k.data.scalar.tag) return std::nullopt;
      const std::string_view name(reinterpret_cast<const char*>(k.data.scalar.value), k.data.scalar.length);
      if (name == "<<") return std::nullopt;
      const bool wanted = name == key;
      // The value: a scalar answers for the wanted key; anything else is skipped whole.
      int depth = 0;
      do {
        const yaml_event_t& v = parser.next();
        if (wanted) return v.type == YAML_SCALAR_EVENT ? std::optional<bool>(true) : std::nullopt;
        if (v.type == YAML_ALIAS_EVENT && depth == 0) return std::nullopt;
        if (v.type == YAML_MAPPING_START_EVENT || v.type == YAML_SEQUENCE_START_EVENT) ++depth;
        if (v.type == YAML_MAPPING_END_EVENT || v.type == YAML_SEQUENCE_END_EVENT) --depth;
      } while (depth > 0);
    }
  } catch (const InputError&) {
    return std::nullopt;
  }
}

YamlNode parse_yaml(const std::string& bytes, const std::string& file) {
  const std::optional<std::string> decoded = decode_utf16_32(bytes, file);
  // A UTF-8 byte-order mark at the start is no part of the plan: positions count from after
  // it, as an editor shows them.
  std::string_view text = decoded ? std::string_view(*decoded) : std::string_view(bytes);
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  if (auto nul = text.find('\0'); nul != std::string::npos)
    throw InputError(loc_at_offset(text, nul, file), message("errors.yaml.nul_byte"));
  if (auto bad = invalid_utf8_at(text); bad != std::string::npos)
    throw InputError(loc_at_offset(text, bad, file), message("errors.yaml.invalid_utf8"));
  // A lone CR (classic Mac OS) is a line break to YAML, but not to every reader: yaml-cpp
  // reads such a file as one long comment line, so a plugin or another tool could see a
  // different plan than golive checked. Refused, with where.
  for (size_t cr = text.find('\r'); cr != std::string::npos; cr = text.find('\r', cr + 1))
    if (cr + 1 == text.size() || text[cr + 1] != '\n')
      throw InputError(loc_at_offset(text, cr, file), message("errors.yaml.lone_cr"));
  // Likewise NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR: line breaks to YAML 1.1 (libyaml
  // and PyYAML read them so) and not to YAML 1.2 readers, yaml-cpp or most editors; a comment
  // ended by one hides the line after it from some readers and not others. And a
  // byte-order mark after the start: libyaml skips one at the start of a line, other
  // readers take it for text (a key "\uFEFFtier").
  struct UnicodeBreak {
    std::string_view utf8;
    const char* name;  // its key in the catalogue
    const char* code;
  };
  static constexpr UnicodeBreak kBreaks[] = {{"\xC2\x85", "errors.yaml.break_nel", "0085"},
                                             {"\xE2\x80\xA8", "errors.yaml.break_ls", "2028"},
                                             {"\xE2\x80\xA9", "errors.yaml.break_ps", "2029"}};
  for (size_t at = text.find_first_of("\xC2\xE2\xEF"); at != std::string::npos;
       at = text.find_first_of("\xC2\xE2\xEF", at + 1)) {
    const std::string_view rest = text.substr(at, 3);
    for (const UnicodeBreak& b : kBreaks)
      if (rest.starts_with(b.utf8))
        throw InputError(loc_at_offset(text, at, file),
                         message("errors.yaml.unicode_break", fmt::arg("name", message_text(b.name)),
                                 fmt::arg("code", b.code)));
    if (rest == "\xEF\xBB\xBF") throw InputError(loc_at_offset(text, at, file), message("errors.yaml.inner_bom"));
  }
  std::vector<YamlNode> docs;
  std::optional<InputError> problem;
  std::tie(docs, problem) = build_tree(text, file);
  if (docs.empty() || (docs.size() == 1 && docs[0].IsNull())) throw InputError({file, 1, 1}, message("errors.yaml.empty_document"));
  for (size_t i = 1; i < docs.size(); ++i)
    if (!docs[i].IsNull())
      throw InputError(loc_of(docs[i], file), message("errors.yaml.several_documents"));
  if (problem) throw *problem;
  return docs[0];
}

MapReader::MapReader(ReadContext& ctx, const YamlNode& node, std::string path,
                     std::string pattern)
    : ctx_(ctx),
      // A bad value is reported below and read as an empty mapping.
      node_(node.IsDefined() && node.IsMap() ? node : YamlNode::EmptyMap()),
      path_(std::move(path)),
      pattern_(pattern.empty() ? path_ : std::move(pattern)),
      loc_(loc_of(node, ctx.file)),
      uncaught_at_start_(std::uncaught_exceptions()) {
  if (describing()) {
    finished_ = true;
    return;
  }
  if (!node.IsDefined() || !node.IsMap()) {
    ctx_.diags.error(loc_, message_at(path_, "errors.yaml.expected", fmt::arg("expected", message_text("errors.expected.mapping")),
                                      fmt::arg("got", describe_node(node))));
    finished_ = true;
  }
}

MapReader::~MapReader() {
  // While an exception unwinds, the keys after the failing one were never asked for:
  // reporting them would only be noise.
  if (!finished_ && std::uncaught_exceptions() == uncaught_at_start_) finish();
}

std::string MapReader::path_of(const std::string& key) const {
  // Keys come from the file too: a URL written as a key keeps its userinfo out of messages.
  return redact(path_.empty() ? key : path_ + "." + key);
}

std::string MapReader::pattern_of(const std::string& key) const {
  return pattern_.empty() ? key : pattern_ + "." + key;
}

bool MapReader::record(const std::string& key, KeySpec spec, Need need) {
  if (!describing()) return false;
  spec.path = pattern_of(key);
  spec.required = need == Required;
  auto& out = *ctx_.describe;
  // A key read twice (a section's location and its values) is recorded once.
  if (std::none_of(out.begin(), out.end(), [&](const KeySpec& k) { return k.path == spec.path; }))
    out.push_back(std::move(spec));
  return true;
}

bool MapReader::has(const std::string& key) {
  auto n = node(key);
  return n.IsDefined() && !n.IsNull();
}

YamlNode MapReader::node(const std::string& key) {
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.push_back(key);
  const YamlNode& n = node_;
  return n[key];
}

SourceLoc MapReader::loc_of_key(const std::string& key) {
  auto n = node(key);
  return n.IsDefined() && !n.IsNull() ? loc_of(n, ctx_.file) : loc_;
}

void MapReader::missing(const std::string& key) {
  ctx_.diags.error(loc_, message_at(path_, "errors.yaml.missing_key", fmt::arg("key", key)));
}

namespace {

// A null value is never "absent": a gate must not read `receiver: null` (the name of
// kube-prometheus' default receiver) or a forgotten value as "not configured".
// Where a null value is reported: at its key, since an empty value has no position of its
// own (libyaml places it where the value would have begun).
SourceLoc null_loc(const YamlNode& map, const std::string& key, const std::string& file) {
  for (const auto& kv : map)
    if (kv.first.Scalar() == key) return loc_of(kv.first, file);
  return {file, 0, 0};
}

// `expected` names a key of errors.expected: "mapping" → "a mapping".
std::string null_message(const std::string& path, const char* expected) {
  return message("errors.yaml.null_value", fmt::arg("path", path),
                 fmt::arg("expected", message_text(std::string("errors.expected.") + expected)));
}

// "backups[0]: expected a list, got a mapping"; `expected` as for null_message().
std::string expected_message(const std::string& path, const char* expected, const YamlNode& got) {
  return message("errors.yaml.expected.at", fmt::arg("path", path),
                 fmt::arg("expected", message_text(std::string("errors.expected.") + expected)),
                 fmt::arg("got", describe_node(got)));
}

}  // namespace

std::optional<std::pair<std::string, SourceLoc>> MapReader::scalar(const std::string& key,
                                                                  Need need,
                                                                  const char* expected) {
  auto n = node(key);
  if (!n.IsDefined()) {
    if (need == Required) missing(key);
    return std::nullopt;
  }
  auto loc = loc_of(n, ctx_.file);
  if (n.IsNull()) {
    ctx_.diags.error(null_loc(node_, key, ctx_.file), null_message(path_of(key), expected));
    return std::nullopt;
  }
  if (!n.IsScalar()) {
    ctx_.diags.error(loc, expected_message(path_of(key), expected, n));
    return std::nullopt;
  }
  return std::make_pair(n.Scalar(), loc);
}

Text MapReader::text(const std::string& key, Need need) {
  if (record(key, {.kind = KeyKind::Text}, need)) return {std::nullopt, loc_};
  auto s = scalar(key, need, "string");
  if (!s) return {std::nullopt, loc_};
  // Blank text is refused as null is: a gate that asks whether the plan names a runbook or
  // a signatory must not be answered by `" "`.
  if (blank_text(s->first)) {
    ctx_.diags.error(s->second, message("errors.yaml.blank", fmt::arg("path", path_of(key))));
    return {std::nullopt, s->second};
  }
  return {s->first, s->second};
}

namespace {

// std::regex_traits<char>, but bracket expressions ([0-9]) built without asking the locale:
// while a pattern compiles, libstdc++ tries each of the 256 characters against each bracket
// expression, and asked the locale's collate and ctype facets for every one of them, for
// equivalence classes ([[=a=]]) and character classes ([[:alpha:]], \d) that golive's own
// patterns (TextRule) do not use. That was 5 % of checking a small plan (bench/README.md).
// A pattern that uses a character class still gets the locale's answer.
struct PatternTraits : std::regex_traits<char> {
  template <typename It>
  string_type transform_primary(It, It) const {
    return {};  // no equivalence class matches (none is written)
  }
  bool isctype(char c, char_class_type f) const {
    return f == char_class_type() ? false : std::regex_traits<char>::isctype(c, f);
  }
};
using TextPattern = std::basic_regex<char, PatternTraits>;

}  // namespace

Text MapReader::matching(const std::string& key, const TextRule& rule, Need need) {
  if (record(key, {.kind = KeyKind::Pattern, .pattern = rule.pattern, .pattern_means = rule.means},
             need))
    return {std::nullopt, loc_};
  auto s = scalar(key, need, "string");
  if (!s) return {std::nullopt, loc_};
  const CoreType type = core_type(node(key));
  // Compiled once per pattern and thread, not per value: a plan with thousands of
  // backups checks thousands of locations, and compiling took longer than matching.
  thread_local std::unordered_map<std::string, TextPattern> compiled;
  auto it = compiled.find(rule.pattern);
  if (it == compiled.end())
    it = compiled.emplace(rule.pattern, TextPattern(rule.pattern, TextPattern::ECMAScript)).first;
  const TextPattern& re = it->second;
  // An unquoted number or boolean is not text to an editor or a plugin: refused, even
  // when its spelling would match.
  if ((type != CoreType::Str) || !std::regex_search(s->first, re)) {
    ctx_.diags.error(s->second, message(rule.message, fmt::arg("path", path_of(key)),
                                        fmt::arg("value", preview(s->first))));
    return {std::nullopt, s->second};
  }
  return {s->first, s->second};
}

Text MapReader::one_of(const std::string& key, const std::vector<std::string>& allowed,
                       Need need) {
  if (record(key, {.kind = KeyKind::Enum, .allowed = allowed}, need)) return {std::nullopt, loc_};
  auto s = scalar(key, need, "string");
  if (!s) return {std::nullopt, loc_};
  Text t{s->first, s->second};
  if (std::find(allowed.begin(), allowed.end(), *t) != allowed.end()) return t;
  ctx_.diags.error(t.loc, not_one_of(path_of(key), *t, allowed));
  return {std::nullopt, t.loc};
}

std::vector<Text> MapReader::one_of_list(const std::string& key,
                                         const std::vector<std::string>& allowed, Need need) {
  if (record(key, {.kind = KeyKind::EnumList, .allowed = allowed}, need)) return {};
  auto n = node(key);
  if (!n.IsDefined() || !n.IsSequence()) return text_list(key, need);  // reports what is wrong
  std::vector<Text> out;
  size_t i = 0;
  for (const auto& item : n) {
    auto loc = loc_of(item, ctx_.file);
    auto path = fmt::format("{}[{}]", path_of(key), i++);
    if (item.IsNull())
      ctx_.diags.error(loc, null_message(path, "string"));
    else if (!item.IsScalar())
      ctx_.diags.error(loc, expected_message(path, "string", item));
    else if (std::find(allowed.begin(), allowed.end(), item.Scalar()) == allowed.end())
      ctx_.diags.error(loc, not_one_of(path, item.Scalar(), allowed));
    else
      out.push_back({item.Scalar(), loc});
  }
  return out;
}

namespace {

std::string duration_error(const std::string& path, const std::string& value) {
  std::string why = duration_problem(value);
  if (why.empty())
    return message("errors.yaml.not_duration", fmt::arg("path", path), fmt::arg("value", preview(value)));
  return message("errors.yaml.not_duration_because", fmt::arg("path", path),
                 fmt::arg("value", preview(value)), fmt::arg("why", why));
}

}  // namespace

Field<Duration> MapReader::duration(const std::string& key, Need need, Sign sign) {
  if (record(key, {.kind = KeyKind::Duration, .positive = sign == Positive}, need))
    return {std::nullopt, loc_};
  auto s = scalar(key, need, "duration");
  if (!s) return {std::nullopt, loc_};
  auto d = parse_duration(s->first);
  if (!d) {
    ctx_.diags.error(s->second, duration_error(path_of(key), s->first));
    return {std::nullopt, s->second};
  }
  if (sign == Positive && d->count() == 0) {
    ctx_.diags.error(s->second, message("errors.yaml.zero_duration", fmt::arg("path", path_of(key))));
    return {std::nullopt, s->second};
  }
  return {*d, s->second};
}

Field<Instant> MapReader::instant(const std::string& key, Need need) {
  if (record(key, {.kind = KeyKind::Instant}, need)) return {std::nullopt, loc_};
  auto s = scalar(key, need, "instant");
  if (!s) return {std::nullopt, loc_};
  if (auto t = parse_instant(s->first, ctx_.zone)) return {*t, s->second};
  const std::string& v = s->first;
  std::string why;
  std::string head = v.substr(0, std::min<size_t>(10, v.size()));
  static const std::regex long_fraction(R"(.{19}\.[0-9]{7,}.*)");
  if (is_bare_date(head) && !parse_instant(head, nullptr)) {
    why = "errors.yaml.not_calendar_date";
  } else if (v.size() == 19 && parse_instant(v + "Z", nullptr)) {
    why = "errors.yaml.no_utc_offset";
  } else if (std::regex_match(v, long_fraction)) {
    why = "errors.yaml.long_fraction";
  } else if (has_unknown_offset(v)) {
    ctx_.diags.error(s->second, message("errors.yaml.value_problem", fmt::arg("path", path_of(key)),
                                        fmt::arg("problem", message("errors.unknown_offset", fmt::arg("value", preview(v))))));
    return {std::nullopt, s->second};
  } else {
    why = "errors.yaml.not_instant";
  }
  why = message(why, fmt::arg("path", path_of(key)), fmt::arg("value", preview(v)));
  ctx_.diags.error(s->second, why);
  return {std::nullopt, s->second};
}

Field<Instant> MapReader::live_instant(const std::string& key, InstantSource& source,
                                       bool object_date, Need need) {
  if (record(key, {.kind = KeyKind::LiveInstant, .live_object = object_date}, need))
    return {std::nullopt, loc_};
  source = InstantSource{};
  const YamlNode n = node(key);
  const std::string path = path_of(key);
  const std::string forms = object_date ? message("errors.yaml.live_forms.object")
                                        : message("errors.yaml.live_forms.other");
  if (n.IsDefined() && n.IsMap()) {
    const SourceLoc loc = loc_of(n, ctx_.file);
    // One message per mistake: a misspelt `prometheus` is not also a missing one.
    bool unknown = false;
    for (const auto& kv : n) {
      const std::string& k = kv.first.Scalar();
      if (k == "prometheus" || is_user_key(k)) continue;
      unknown = true;
      ctx_.diags.error(loc_of(kv.first, ctx_.file),
                       message("errors.yaml.live_unknown_key", fmt::arg("path", path),
                               fmt::arg("key", preview(k)), fmt::arg("forms", forms)));
    }
    const YamlNode q = n["prometheus"];
    if (!q.IsDefined()) {
      if (!unknown)
        ctx_.diags.error(loc, message("errors.yaml.missing_key.at", fmt::arg("path", path),
                                      fmt::arg("key", "prometheus")));
      return {std::nullopt, loc};
    }
    const SourceLoc qloc = loc_of(q, ctx_.file);
    const std::string qpath = path + ".prometheus";
    const CoreType type = core_type(q);
    if (type == CoreType::Null) {
      ctx_.diags.error(qloc, null_message(qpath, "promql"));
    } else if (!q.IsScalar()) {
      ctx_.diags.error(qloc, expected_message(qpath, "promql", q));
    } else if (type != CoreType::Str) {
      // `1` is valid PromQL, but a constant is no evidence and an unquoted number is a
      // number to an editor's schema: the query is text, in quotes when it looks like one.
      ctx_.diags.error(qloc, message(type == CoreType::Bool ? "errors.yaml.query_is_boolean"
                                                            : "errors.yaml.query_is_number",
                                     fmt::arg("path", qpath), fmt::arg("value", preview(q.Scalar()))));
    } else if (q.Scalar().find_first_not_of(" \t\r\n") == std::string::npos) {
      ctx_.diags.error(qloc, message("errors.yaml.query_empty", fmt::arg("path", qpath)));
    } else {
      source.kind = InstantSource::Kind::Prometheus;
      source.query = {q.Scalar(), qloc};
      source.loc = loc;
    }
    return {std::nullopt, loc};
  }
  if (n.IsDefined() && n.IsScalar() && n.Scalar() == "live") {
    const SourceLoc loc = loc_of(n, ctx_.file);
    if (object_date) {
      source.kind = InstantSource::Kind::Object;
      source.loc = loc;
    } else {
      ctx_.diags.error(loc, message("errors.yaml.live_not_here", fmt::arg("path", path),
                                    fmt::arg("forms", forms)));
    }
    return {std::nullopt, loc};
  }
  return instant(key, need);
}

namespace {

// "'3' is quoted text, not a number": a quoted number is a string to an editor's schema
// and to a plugin, so golive does not read it as a number either.
std::string quoted_number(const std::string& path, const std::string& value) {
  return message("errors.yaml.quoted_number", fmt::arg("path", path), fmt::arg("value", preview(value)));
}

// "x: 5 is out of range (1 to 4)", or "(more than 0, at most 1)" when min itself is refused;
// `value` as written, or the number read. The one source of the range's words, for a value
// outside it and for one a double cannot hold (1e999) alike.
template <class V, class N>
std::string out_of_range(const std::string& path, const V& value, N min, N max,
                         bool min_exclusive = false) {
  return message(min_exclusive ? "errors.yaml.out_of_range_above" : "errors.yaml.out_of_range",
                 fmt::arg("path", path), fmt::arg("value", value), fmt::arg("min", min),
                 fmt::arg("max", max));
}

std::string not_a(const char* key, const std::string& path, const std::string& value) {
  return message(key, fmt::arg("path", path), fmt::arg("value", preview(value)));
}

}  // namespace

Field<int64_t> MapReader::integer(const std::string& key, int64_t min, int64_t max, Need need) {
  if (record(key,
             {.kind = KeyKind::Integer, .min = static_cast<double>(min),
              .max = static_cast<double>(max)},
             need))
    return {std::nullopt, loc_};
  auto s = scalar(key, need, "whole_number");
  if (!s) return {std::nullopt, loc_};
  int64_t v = 0;
  const auto& str = s->first;
  const CoreType type = core_type(node(key));
  if (type == CoreType::Str && node(key).Tag() != "?") {
    // Only text that would be a number unquoted is "quoted text": for anything else the
    // advice to remove the quotes would be wrong.
    ctx_.diags.error(s->second, plain_scalar_type(str) == CoreType::Int
                                    ? quoted_number(path_of(key), str)
                                    : not_a("errors.yaml.not_whole_number", path_of(key), str));
    return {std::nullopt, s->second};
  }
  // A leading '+' is valid YAML for an integer; from_chars does not take it. YAML 1.2's
  // 0o17 and 0x1F are integers too, as an editor's schema reads them.
  int base = 10;
  const char* first = str.data() + (str.size() > 1 && str[0] == '+' ? 1 : 0);
  if (type == CoreType::Int && str.size() > 2 && str[0] == '0' && (str[1] == 'o' || str[1] == 'x')) {
    base = str[1] == 'o' ? 8 : 16;
    first = str.data() + 2;
  }
  auto res = std::from_chars(first, str.data() + str.size(), v, base);
  bool whole = res.ptr == str.data() + str.size();
  if (res.ec == std::errc::result_out_of_range && whole) {
    ctx_.diags.error(s->second, out_of_range(path_of(key), preview(str), min, max));
    return {std::nullopt, s->second};
  }
  if (res.ec != std::errc() || !whole) {
    ctx_.diags.error(s->second, not_a("errors.yaml.not_whole_number", path_of(key), str));
    return {std::nullopt, s->second};
  }
  if (v < min || v > max) {
    ctx_.diags.error(s->second, out_of_range(path_of(key), v, min, max));
    return {std::nullopt, s->second};
  }
  return {v, s->second};
}

Field<double> MapReader::number(const std::string& key, double min, double max, Need need) {
  return number_in(key, min, max, false, need);
}

Field<double> MapReader::number_above(const std::string& key, double min, double max,
                                      Need need) {
  return number_in(key, min, max, true, need);
}

Field<double> MapReader::number_in(const std::string& key, double min, double max,
                                   bool min_exclusive, Need need) {
  if (record(key,
             {.kind = KeyKind::Number, .min = min, .max = max, .min_exclusive = min_exclusive},
             need))
    return {std::nullopt, loc_};
  auto s = scalar(key, need, "number");
  if (!s) return {std::nullopt, loc_};
  double v = 0;
  const auto& str = s->first;
  const CoreType type = core_type(node(key));
  if (type == CoreType::Str && node(key).Tag() != "?") {
    const CoreType unquoted = plain_scalar_type(str);
    ctx_.diags.error(s->second, unquoted == CoreType::Int || unquoted == CoreType::Float
                                    ? quoted_number(path_of(key), str)
                                    : not_a("errors.yaml.not_number", path_of(key), str));
    return {std::nullopt, s->second};
  }
  const char* first = str.data() + (str.size() > 1 && str[0] == '+' ? 1 : 0);
  std::from_chars_result res{};
  if (type == CoreType::Int && str.size() > 2 && str[0] == '0' && (str[1] == 'o' || str[1] == 'x')) {
    int64_t whole_value = 0;  // YAML 1.2's 0o17 and 0x1F
    res = std::from_chars(str.data() + 2, str.data() + str.size(), whole_value, str[1] == 'o' ? 8 : 16);
    v = static_cast<double>(whole_value);
  } else {
    res = std::from_chars(first, str.data() + str.size(), v);
  }
  bool whole = res.ptr == str.data() + str.size();
  // Only what YAML 1.2 reads as a number is one: "1_000", "inf" and "1,5" are not.
  bool yaml_number = type == CoreType::Int || type == CoreType::Float;
  if (yaml_number && res.ec == std::errc::result_out_of_range && whole) {
    ctx_.diags.error(s->second, out_of_range(path_of(key), preview(str), min, max, min_exclusive));
    return {std::nullopt, s->second};
  }
  if (!yaml_number || res.ec != std::errc() || !whole || !std::isfinite(v)) {
    ctx_.diags.error(s->second, not_a("errors.yaml.not_number", path_of(key), str));
    return {std::nullopt, s->second};
  }
  if (v < min || v > max || (min_exclusive && v == min)) {
    ctx_.diags.error(s->second, out_of_range(path_of(key), str, min, max, min_exclusive));
    return {std::nullopt, s->second};
  }
  return {v, s->second};
}

Field<bool> MapReader::boolean(const std::string& key, Need need) {
  if (record(key, {.kind = KeyKind::Boolean}, need)) return {std::nullopt, loc_};
  auto s = scalar(key, need, "boolean");
  if (!s) return {std::nullopt, loc_};
  const std::string& v = s->first;
  const CoreType type = core_type(node(key));
  if (type == CoreType::Bool) return {v[0] == 't' || v[0] == 'T', s->second};
  static const std::regex yaml11("y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF");
  std::string why;
  if (node(key).Tag() != "?" && std::regex_match(v, std::regex("true|True|TRUE|false|False|FALSE")))
    why = message("errors.yaml.quoted_boolean", fmt::arg("path", path_of(key)),
                  fmt::arg("value", preview(v)), fmt::arg("bare", v));
  else if (std::regex_match(v, yaml11))
    why = not_a("errors.yaml.yaml11_boolean", path_of(key), v);
  else
    why = not_a("errors.yaml.not_boolean", path_of(key), v);
  ctx_.diags.error(s->second, why);
  return {std::nullopt, s->second};
}

Text MapReader::zone(const std::string& key, Need need) {
  if (record(key, {.kind = KeyKind::Zone}, need)) return {std::nullopt, loc_};
  auto s = scalar(key, need, "string");
  if (!s) return {std::nullopt, loc_};
  Text t{s->first, s->second};
  if (core_type(node(key)) == CoreType::Str && find_zone(*t)) return t;
  auto hint = did_you_mean(*t, zone_names());
  ctx_.diags.error(t.loc, message("errors.yaml.not_zone", fmt::arg("path", path_of(key)),
                                  fmt::arg("value", preview(*t)),
                                  fmt::arg("hint", hint.empty() ? "" : message("errors.yaml.zone_hint",
                                                                               fmt::arg("name", hint)))));
  return {std::nullopt, t.loc};
}

Text MapReader::phone(const std::string& key, Need need) {
  if (record(key, {.kind = KeyKind::Phone}, need)) return {std::nullopt, loc_};
  auto s = scalar(key, need, "string");
  if (!s) return {std::nullopt, loc_};
  Text t{s->first, s->second};
  if (core_type(node(key)) == CoreType::Int) {
    // Unquoted, +8613800000001 is a number: an editor's schema refuses it and a plugin
    // would receive 8613800000001, without its +.
    ctx_.diags.error(t.loc, not_a("errors.yaml.phone_is_number", path_of(key), *t));
    return {std::nullopt, t.loc};
  }
  if (core_type(node(key)) == CoreType::Str && is_e164(*t)) return t;
  ctx_.diags.error(t.loc, not_a("errors.yaml.not_phone", path_of(key), *t));
  return {std::nullopt, t.loc};
}

Field<HoursRange> MapReader::hours(const std::string& key, Need need) {
  if (record(key, {.kind = KeyKind::Hours}, need)) return {std::nullopt, loc_};
  auto s = scalar(key, need, "hours");
  if (!s) return {std::nullopt, loc_};
  if (auto h = parse_hours(s->first)) return {*h, s->second};
  const std::string& v = s->first;
  bool empty_range = v.size() == 11 && v.substr(0, 5) == v.substr(6, 5) && v[5] == '-';
  ctx_.diags.error(
      s->second,
      not_a(empty_range ? "errors.yaml.empty_hours" : "errors.yaml.not_hours", path_of(key), v));
  return {std::nullopt, s->second};
}

std::vector<Text> MapReader::text_list(const std::string& key, Need need) {
  std::vector<Text> out;
  if (record(key, {.kind = KeyKind::TextList}, need)) return out;
  auto n = node(key);
  if (!n.IsDefined()) {
    if (need == Required) missing(key);
    return out;
  }
  if (n.IsNull()) {
    ctx_.diags.error(null_loc(node_, key, ctx_.file), null_message(path_of(key), "list"));
    return out;
  }
  if (!n.IsSequence()) {
    ctx_.diags.error(loc_of(n, ctx_.file), expected_message(path_of(key), "list", n));
    return out;
  }
  size_t i = 0;
  for (const auto& item : n) {
    auto loc = loc_of(item, ctx_.file);
    if (item.IsNull()) {
      ctx_.diags.error(loc, null_message(fmt::format("{}[{}]", path_of(key), i), "string"));
    } else if (!item.IsScalar()) {
      ctx_.diags.error(loc, expected_message(fmt::format("{}[{}]", path_of(key), i), "string", item));
    } else if (blank_text(item.Scalar())) {
      ctx_.diags.error(loc, message("errors.yaml.blank", fmt::arg("path", fmt::format("{}[{}]", path_of(key), i))));
    } else {
      out.push_back({item.Scalar(), loc});
    }
    ++i;
  }
  return out;
}

std::vector<std::pair<std::string, Text>> MapReader::text_map(const std::string& key, Need need) {
  std::vector<std::pair<std::string, Text>> out;
  if (record(key, {.kind = KeyKind::TextMap}, need)) return out;
  auto n = node(key);
  if (!n.IsDefined()) {
    if (need == Required) missing(key);
    return out;
  }
  if (!n.IsMap()) {
    ctx_.diags.error(n.IsNull() ? null_loc(node_, key, ctx_.file) : loc_of(n, ctx_.file),
                     n.IsNull() ? null_message(path_of(key), "mapping")
                                : expected_message(path_of(key), "mapping", n));
    return out;
  }
  for (const auto& kv : n) {
    auto loc = loc_of(kv.second, ctx_.file);
    const auto& k = kv.first.Scalar();
    if (is_user_key(k)) continue;
    auto path = fmt::format("{}.{}", path_of(key), preview(k));
    if (kv.second.IsNull()) {
      ctx_.diags.error(loc, null_message(path, "string"));
      continue;
    }
    if (!kv.second.IsScalar()) {
      ctx_.diags.error(loc, expected_message(path, "string", kv.second));
      continue;
    }
    out.emplace_back(k, Text{kv.second.Scalar(), loc});
  }
  return out;
}

std::vector<std::pair<std::string, Field<Duration>>> MapReader::duration_map(
    const std::string& key, Need need) {
  std::vector<std::pair<std::string, Field<Duration>>> out;
  if (record(key, {.kind = KeyKind::DurationMap}, need)) return out;
  auto n = node(key);
  if (!n.IsDefined()) {
    if (need == Required) missing(key);
    return out;
  }
  MapReader sub(ctx_, n, path_of(key));  // reports a value that is not a mapping
  if (!n.IsMap()) return out;
  for (const auto& kv : n) {
    const std::string& k = kv.first.Scalar();
    if (is_user_key(k)) continue;
    out.emplace_back(k, sub.duration(k));
  }
  return out;
}

bool MapReader::map(const std::string& key, const std::function<void(MapReader&)>& f, Need need) {
  if (record(key, {.kind = KeyKind::Object}, need)) {
    MapReader sub(ctx_, YamlNode(), path_of(key), pattern_of(key));
    f(sub);
    return false;
  }
  auto n = node(key);
  if (!n.IsDefined()) {
    if (need == Required) missing(key);
    return false;
  }
  if (n.IsNull()) {
    ctx_.diags.error(null_loc(node_, key, ctx_.file), null_message(path_of(key), "mapping"));
    return false;
  }
  MapReader sub(ctx_, n, path_of(key));  // reports a value that is not a mapping
  if (!n.IsMap()) return false;
  f(sub);
  return true;
}

void MapReader::each(const std::string& key, const std::function<void(MapReader&, size_t)>& f,
                     Need need) {
  if (record(key, {.kind = KeyKind::ObjectList}, need)) {
    MapReader sub(ctx_, YamlNode(), path_of(key) + "[]", pattern_of(key) + "[]");
    f(sub, 0);
    return;
  }
  auto n = node(key);
  if (!n.IsDefined()) {
    if (need == Required) missing(key);
    return;
  }
  if (!n.IsSequence()) {
    ctx_.diags.error(n.IsNull() ? null_loc(node_, key, ctx_.file) : loc_of(n, ctx_.file),
                     n.IsNull() ? null_message(path_of(key), "list")
                                : expected_message(path_of(key), "list", n));
    return;
  }
  size_t i = 0;
  for (const auto& item : n) {
    MapReader sub(ctx_, item, fmt::format("{}[{}]", path_of(key), i),
                  fmt::format("{}[]", pattern_of(key)));
    if (item.IsMap()) f(sub, i);
    ++i;
  }
}

void MapReader::finish() {
  if (finished_) return;
  finished_ = true;
  for (const auto& kv : node_) {
    const auto& key = kv.first.Scalar();
    if (is_user_key(key)) continue;
    if (std::find(known_.begin(), known_.end(), key) != known_.end()) continue;
    ctx_.diags.error(loc_of(kv.first, ctx_.file),
                     message_at(path_, "errors.yaml.unknown_key", fmt::arg("key", preview(key)),
                                fmt::arg("hint", did_you_mean_hint(did_you_mean(key, known_)))));
  }
}

}  // namespace golive
