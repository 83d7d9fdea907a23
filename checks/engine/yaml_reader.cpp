#include "checks/engine/yaml_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <exception>
#include <fstream>
#include <sstream>

#include <date/tz.h>
#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>

namespace golive {
namespace {

// Plans are a handful of levels deep; anything near yaml-cpp's own limit is hostile.
constexpr int kMaxDepth = 64;
// Caps the work of walking aliases ("billion laughs" style expansion).
constexpr size_t kMaxNodes = 5'000'000;

SourceLoc loc_at_offset(const std::string& text, size_t offset, const std::string& file) {
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
size_t invalid_utf8_at(const std::string& s) {
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

struct Walker {
  const std::string& file;
  size_t visited = 0;
  std::vector<YAML::Node> ancestors;

  void walk(const YAML::Node& n) {
    if (++visited > kMaxNodes)
      throw InputError(loc_of(n, file),
                       fmt::format("document expands to more than {} nodes (alias bomb?)", kMaxNodes));
    if (!n.IsMap() && !n.IsSequence()) return;
    for (const auto& a : ancestors)
      if (a.is(n)) throw InputError(loc_of(n, file), "alias refers to itself (cycle in anchors)");
    if (static_cast<int>(ancestors.size()) >= kMaxDepth)
      throw InputError(loc_of(n, file), fmt::format("nesting deeper than {} levels", kMaxDepth));
    ancestors.push_back(n);
    if (n.IsMap()) {
      std::vector<std::pair<std::string, YAML::Mark>> seen;
      for (const auto& kv : n) {
        if (!kv.first.IsScalar())
          throw InputError(loc_of(kv.first, file), "mapping keys must be plain strings");
        const std::string& key = kv.first.Scalar();
        auto it = std::find_if(seen.begin(), seen.end(), [&](auto& p) { return p.first == key; });
        if (it != seen.end())
          throw InputError(loc_of(kv.first, file),
                           fmt::format("duplicate key '{}' (first at line {})", preview(key),
                                       it->second.line + 1));
        seen.emplace_back(key, kv.first.Mark());
        walk(kv.second);
      }
    } else {
      for (const auto& item : n) walk(item);
    }
    ancestors.pop_back();
  }
};

// "x: 'v' is not one of a, b (did you mean 'a'?)"
std::string not_one_of(const std::string& path, const std::string& value,
                       const std::vector<std::string>& allowed) {
  std::string list;
  for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
  auto hint = did_you_mean(value, allowed);
  return fmt::format("{}: '{}' is not one of {}{}", path, preview(value), list,
                     hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint));
}

}  // namespace

std::string preview(std::string_view value) {
  std::string v = redact_userinfo(value);
  if (v.size() <= 60) return v;
  // Cut on a character boundary so that a message stays valid UTF-8.
  size_t cut = 57;
  while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;
  return v.substr(0, cut) + "...";
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({path, 0, 0}, "cannot read file");
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) throw InputError({path, 0, 0}, "cannot read file");
  return ss.str();
}

SourceLoc loc_of(const YAML::Node& node, const std::string& file) {
  if (!node.IsDefined()) return {file, 0, 0};  // Mark() throws on an absent key's node
  auto m = node.Mark();
  if (m.line < 0) return {file, 0, 0};
  return {file, m.line + 1, m.column + 1};
}

std::string describe_node(const YAML::Node& n) {
  if (!n.IsDefined() || n.IsNull()) return "nothing";
  if (n.IsMap()) return "a mapping";
  if (n.IsSequence()) return "a list";
  return fmt::format("'{}'", preview(n.Scalar()));
}

YAML::Node parse_yaml(const std::string& text, const std::string& file) {
  if (auto nul = text.find('\0'); nul != std::string::npos)
    throw InputError(loc_at_offset(text, nul, file), "NUL byte in input (not a text file?)");
  if (auto bad = invalid_utf8_at(text); bad != std::string::npos)
    throw InputError(loc_at_offset(text, bad, file), "invalid UTF-8");
  std::vector<YAML::Node> docs;
  try {
    docs = YAML::LoadAll(text);
  } catch (const YAML::DeepRecursion& e) {
    throw InputError({file, e.mark.line + 1, e.mark.column + 1},
                     fmt::format("nesting deeper than {} levels", kMaxDepth));
  } catch (const YAML::Exception& e) {
    SourceLoc loc{file, e.mark.line >= 0 ? e.mark.line + 1 : 0,
                  e.mark.column >= 0 ? e.mark.column + 1 : 0};
    std::string msg = e.msg;
    if (!msg.empty()) msg[0] = static_cast<char>(std::tolower(msg[0]));
    throw InputError(loc, fmt::format("invalid YAML: {}", msg));
  }
  if (docs.empty() || (docs.size() == 1 && docs[0].IsNull())) throw InputError({file, 1, 1}, "empty document");
  for (size_t i = 1; i < docs.size(); ++i)
    if (!docs[i].IsNull())
      throw InputError(loc_of(docs[i], file),
                       "more than one YAML document in the file (put each plan in its own file)");
  Walker w{file, 0, {}};
  w.walk(docs[0]);
  return docs[0];
}

MapReader::MapReader(ReadContext& ctx, const YAML::Node& node, std::string path)
    : ctx_(ctx),
      // Assigning to a yaml-cpp Node rebinds the node it shares with the document, so
      // a stand-in for a bad value is chosen here and never assigned.
      node_(node.IsDefined() && node.IsMap() ? node : YAML::Node(YAML::NodeType::Map)),
      path_(std::move(path)),
      loc_(loc_of(node, ctx.file)),
      uncaught_at_start_(std::uncaught_exceptions()) {
  if (!node.IsDefined() || !node.IsMap()) {
    ctx_.diags.error(loc_, fmt::format("{}expected a mapping, got {}",
                                       path_.empty() ? "" : path_ + ": ", describe_node(node)));
    finished_ = true;
  }
}

MapReader::~MapReader() {
  // While an exception unwinds, the keys after the failing one were never asked for:
  // warning about them would only be noise.
  if (!finished_ && std::uncaught_exceptions() == uncaught_at_start_) finish();
}

std::string MapReader::path_of(const std::string& key) const {
  // Keys come from the file too: a URL written as a key keeps its userinfo out of messages.
  return redact_userinfo(path_.empty() ? key : path_ + "." + key);
}

bool MapReader::has(const std::string& key) {
  auto n = node(key);
  return n.IsDefined() && !n.IsNull();
}

YAML::Node MapReader::node(const std::string& key) {
  if (std::find(known_.begin(), known_.end(), key) == known_.end()) known_.push_back(key);
  const YAML::Node& n = node_;
  return n[key];
}

SourceLoc MapReader::loc_of_key(const std::string& key) {
  auto n = node(key);
  return n.IsDefined() && !n.IsNull() ? loc_of(n, ctx_.file) : loc_;
}

void MapReader::missing(const std::string& key) {
  ctx_.diags.error(loc_, fmt::format("{}missing required key '{}'",
                                     path_.empty() ? "" : path_ + ": ", key));
}

std::optional<std::pair<std::string, SourceLoc>> MapReader::scalar(const std::string& key,
                                                                  Need need,
                                                                  const char* expected) {
  auto n = node(key);
  if (!n.IsDefined() || n.IsNull()) {
    if (need == Required) missing(key);
    return std::nullopt;
  }
  auto loc = loc_of(n, ctx_.file);
  if (!n.IsScalar()) {
    ctx_.diags.error(loc, fmt::format("{}: expected {}, got {}", path_of(key), expected,
                                      describe_node(n)));
    return std::nullopt;
  }
  return std::make_pair(n.Scalar(), loc);
}

Text MapReader::text(const std::string& key, Need need) {
  auto s = scalar(key, need, "a string");
  if (!s) return {std::nullopt, loc_};
  return {s->first, s->second};
}

Text MapReader::one_of(const std::string& key, const std::vector<std::string>& allowed,
                       Need need) {
  auto t = text(key, need);
  if (!t) return t;
  if (std::find(allowed.begin(), allowed.end(), *t) != allowed.end()) return t;
  ctx_.diags.error(t.loc, not_one_of(path_of(key), *t, allowed));
  return {std::nullopt, t.loc};
}

std::vector<Text> MapReader::one_of_list(const std::string& key,
                                         const std::vector<std::string>& allowed, Need need) {
  auto n = node(key);
  if (!n.IsDefined() || !n.IsSequence()) return text_list(key, need);  // reports what is wrong
  std::vector<Text> out;
  size_t i = 0;
  for (const auto& item : n) {
    auto loc = loc_of(item, ctx_.file);
    auto path = fmt::format("{}[{}]", path_of(key), i++);
    if (!item.IsScalar())
      ctx_.diags.error(loc, fmt::format("{}: expected a string, got {}", path, describe_node(item)));
    else if (std::find(allowed.begin(), allowed.end(), item.Scalar()) == allowed.end())
      ctx_.diags.error(loc, not_one_of(path, item.Scalar(), allowed));
    else
      out.push_back({item.Scalar(), loc});
  }
  return out;
}

Field<Duration> MapReader::duration(const std::string& key, Need need) {
  auto s = scalar(key, need, "a duration");
  if (!s) return {std::nullopt, loc_};
  if (auto d = parse_duration(s->first)) return {*d, s->second};
  ctx_.diags.error(s->second,
                   fmt::format("{}: '{}' is not a duration (expected e.g. 30m, 24h, 7d or PT1H)",
                               path_of(key), preview(s->first)));
  return {std::nullopt, s->second};
}

Field<Instant> MapReader::instant(const std::string& key, Need need) {
  auto s = scalar(key, need, "a date or time");
  if (!s) return {std::nullopt, loc_};
  if (auto t = parse_instant(s->first, ctx_.zone)) return {*t, s->second};
  const std::string& v = s->first;
  std::string why;
  std::string head = v.substr(0, std::min<size_t>(10, v.size()));
  if (is_bare_date(head) && !parse_instant(head, nullptr)) {
    why = fmt::format("{}: '{}' is not a valid calendar date", path_of(key), preview(v));
  } else if (v.size() == 19 && parse_instant(v + "Z", nullptr)) {
    why = fmt::format("{}: '{}' has no UTC offset (add Z or an offset such as +08:00)",
                      path_of(key), preview(v));
  } else {
    why = fmt::format(
        "{}: '{}' is not a date or time (expected e.g. 2026-11-20 or 2026-12-05T02:00:00+08:00)",
        path_of(key), preview(v));
  }
  ctx_.diags.error(s->second, why);
  return {std::nullopt, s->second};
}

Field<int64_t> MapReader::integer(const std::string& key, int64_t min, int64_t max, Need need) {
  auto s = scalar(key, need, "a whole number");
  if (!s) return {std::nullopt, loc_};
  int64_t v = 0;
  const auto& str = s->first;
  // A leading '+' is valid YAML for an integer; from_chars does not take it.
  const char* first = str.data() + (str.size() > 1 && str[0] == '+' ? 1 : 0);
  auto res = std::from_chars(first, str.data() + str.size(), v);
  bool whole = res.ptr == str.data() + str.size();
  if (res.ec == std::errc::result_out_of_range && whole) {
    ctx_.diags.error(s->second, fmt::format("{}: {} is out of range ({} to {})", path_of(key),
                                            preview(str), min, max));
    return {std::nullopt, s->second};
  }
  if (res.ec != std::errc() || !whole) {
    ctx_.diags.error(s->second, fmt::format("{}: '{}' is not a whole number", path_of(key),
                                            preview(str)));
    return {std::nullopt, s->second};
  }
  if (v < min || v > max) {
    ctx_.diags.error(s->second, fmt::format("{}: {} is out of range ({} to {})", path_of(key), v,
                                            min, max));
    return {std::nullopt, s->second};
  }
  return {v, s->second};
}

Field<double> MapReader::number(const std::string& key, double min, double max, Need need) {
  auto s = scalar(key, need, "a number");
  if (!s) return {std::nullopt, loc_};
  double v = 0;
  const auto& str = s->first;
  const char* first = str.data() + (str.size() > 1 && str[0] == '+' ? 1 : 0);
  auto res = std::from_chars(first, str.data() + str.size(), v);
  bool whole = res.ptr == str.data() + str.size();
  if (res.ec == std::errc::result_out_of_range && whole) {
    ctx_.diags.error(s->second, fmt::format("{}: {} is out of range ({} to {})", path_of(key),
                                            preview(str), min, max));
    return {std::nullopt, s->second};
  }
  if (res.ec != std::errc() || !whole || !std::isfinite(v)) {
    ctx_.diags.error(s->second,
                     fmt::format("{}: '{}' is not a number", path_of(key), preview(str)));
    return {std::nullopt, s->second};
  }
  if (v < min || v > max) {
    ctx_.diags.error(s->second, fmt::format("{}: {} is out of range ({} to {})", path_of(key), str,
                                            min, max));
    return {std::nullopt, s->second};
  }
  return {v, s->second};
}

Field<bool> MapReader::boolean(const std::string& key, Need need) {
  auto s = scalar(key, need, "true or false");
  if (!s) return {std::nullopt, loc_};
  if (s->first == "true") return {true, s->second};
  if (s->first == "false") return {false, s->second};
  ctx_.diags.error(s->second, fmt::format("{}: '{}' is not true or false", path_of(key),
                                          preview(s->first)));
  return {std::nullopt, s->second};
}

Text MapReader::zone(const std::string& key, Need need) {
  auto t = text(key, need);
  if (!t || find_zone(*t)) return t;
  std::vector<std::string> names;
  try {
    for (const auto& z : date::get_tzdb().zones) names.emplace_back(z.name());
  } catch (const std::exception&) {
  }
  auto hint = did_you_mean(*t, names);
  ctx_.diags.error(t.loc, fmt::format("{}: '{}' is not an IANA time zone (e.g. Asia/Shanghai, UTC){}",
                                      path_of(key), preview(*t),
                                      hint.empty() ? "" : fmt::format("; did you mean '{}'?", hint)));
  return {std::nullopt, t.loc};
}

Text MapReader::phone(const std::string& key, Need need) {
  auto t = text(key, need);
  if (!t || is_e164(*t)) return t;
  ctx_.diags.error(t.loc, fmt::format("{}: '{}' is not an E.164 phone number (expected e.g. +8613800000001)",
                                      path_of(key), preview(*t)));
  return {std::nullopt, t.loc};
}

Field<HoursRange> MapReader::hours(const std::string& key, Need need) {
  auto s = scalar(key, need, "working hours");
  if (!s) return {std::nullopt, loc_};
  if (auto h = parse_hours(s->first)) return {*h, s->second};
  ctx_.diags.error(s->second,
                   fmt::format("{}: '{}' is not a range of working hours (expected e.g. 09:00-18:00)",
                               path_of(key), preview(s->first)));
  return {std::nullopt, s->second};
}

std::vector<Text> MapReader::text_list(const std::string& key, Need need) {
  std::vector<Text> out;
  auto n = node(key);
  if (!n.IsDefined() || n.IsNull()) {
    if (need == Required) missing(key);
    return out;
  }
  if (!n.IsSequence()) {
    ctx_.diags.error(loc_of(n, ctx_.file), fmt::format("{}: expected a list, got {}", path_of(key),
                                                       describe_node(n)));
    return out;
  }
  size_t i = 0;
  for (const auto& item : n) {
    auto loc = loc_of(item, ctx_.file);
    if (!item.IsScalar()) {
      ctx_.diags.error(loc, fmt::format("{}[{}]: expected a string, got {}", path_of(key), i,
                                        describe_node(item)));
    } else {
      out.push_back({item.Scalar(), loc});
    }
    ++i;
  }
  return out;
}

std::vector<std::pair<std::string, Text>> MapReader::text_map(const std::string& key, Need need) {
  std::vector<std::pair<std::string, Text>> out;
  auto n = node(key);
  if (!n.IsDefined() || n.IsNull()) {
    if (need == Required) missing(key);
    return out;
  }
  if (!n.IsMap()) {
    ctx_.diags.error(loc_of(n, ctx_.file), fmt::format("{}: expected a mapping, got {}",
                                                       path_of(key), describe_node(n)));
    return out;
  }
  for (const auto& kv : n) {
    auto loc = loc_of(kv.second, ctx_.file);
    const auto& k = kv.first.Scalar();
    if (!kv.second.IsScalar()) {
      ctx_.diags.error(loc, fmt::format("{}.{}: expected a string, got {}", path_of(key),
                                        preview(k), describe_node(kv.second)));
      continue;
    }
    out.emplace_back(k, Text{kv.second.Scalar(), loc});
  }
  return out;
}

bool MapReader::map(const std::string& key, const std::function<void(MapReader&)>& f, Need need) {
  auto n = node(key);
  if (!n.IsDefined() || n.IsNull()) {
    if (need == Required) missing(key);
    return false;
  }
  MapReader sub(ctx_, n, path_of(key));  // reports a value that is not a mapping
  if (!n.IsMap()) return false;
  f(sub);
  return true;
}

void MapReader::each(const std::string& key, const std::function<void(MapReader&, size_t)>& f,
                     Need need) {
  auto n = node(key);
  if (!n.IsDefined() || n.IsNull()) {
    if (need == Required) missing(key);
    return;
  }
  if (!n.IsSequence()) {
    ctx_.diags.error(loc_of(n, ctx_.file), fmt::format("{}: expected a list, got {}", path_of(key),
                                                       describe_node(n)));
    return;
  }
  size_t i = 0;
  for (const auto& item : n) {
    MapReader sub(ctx_, item, fmt::format("{}[{}]", path_of(key), i));
    if (item.IsMap()) f(sub, i);
    ++i;
  }
}

void MapReader::finish() {
  if (finished_) return;
  finished_ = true;
  for (const auto& kv : node_) {
    const auto& key = kv.first.Scalar();
    if (std::find(known_.begin(), known_.end(), key) != known_.end()) continue;
    auto hint = did_you_mean(key, known_);
    ctx_.diags.warning(loc_of(kv.first, ctx_.file),
                       fmt::format("{}unknown key '{}'{}", path_.empty() ? "" : path_ + ": ",
                                   preview(key),
                                   hint.empty() ? "" : fmt::format(" (did you mean '{}'?)", hint)));
  }
}

}  // namespace golive
