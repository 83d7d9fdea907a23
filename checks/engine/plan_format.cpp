#include "checks/engine/plan_format.h"

#include <algorithm>
#include <functional>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "checks/engine/check.h"

namespace golive {
namespace {

using Json = nlohmann::ordered_json;

// The value forms, as ECMA 262 patterns (JSON Schema `pattern`). They say what
// values.cpp parses; the differential test holds the two to the same answers.
// Durations: each amount at most 6 digits, units largest first, each at most once.
constexpr const char* kCompactDuration =
    "(?=[0-9])([0-9]{1,6}w)?([0-9]{1,6}d)?([0-9]{1,6}h)?([0-9]{1,6}m)?([0-9]{1,6}s)?";
constexpr const char* kIsoDuration =
    "P(?=[0-9T])([0-9]{1,6}W)?([0-9]{1,6}D)?(T(?=[0-9])([0-9]{1,6}H)?([0-9]{1,6}M)?([0-9]{1,6}S)?)?";
constexpr const char* kInstant =
    "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])([Tt ]([01][0-9]|2[0-3]):[0-5][0-9]:[0-5]"
    "[0-9](\\.[0-9]+)?([Zz]|(?!-00:00)[+-]([01][0-9]|2[0-3]):[0-5][0-9]))?$";
constexpr const char* kHours =
    "^(?!([0-9]{2}:[0-9]{2})-\\1$)([01][0-9]|2[0-3]):[0-5][0-9]-(([01][0-9]|2[0-3]):[0-5][0-9]|"
    "24:00)$";
constexpr const char* kPhone = "^\\+[1-9][0-9]{1,14}$";

// Free text is any scalar, kept as written: `version: 3.10` is the text "3.10".
Json free_text() { return Json{{"type", Json::array({"string", "number", "boolean"})}}; }

Json duration_schema(bool positive) {
  return Json{{"type", "string"},
              {"pattern", fmt::format("^{}({}|{})$", positive ? "(?=.*[1-9])" : "",
                                      kCompactDuration, kIsoDuration)}};
}

Json user_keys() { return Json{{"^x-", Json::object()}}; }

Json number_json(double v) {
  if (v == static_cast<double>(static_cast<int64_t>(v))) return static_cast<int64_t>(v);
  return v;
}

Json leaf_schema(const KeySpec& k) {
  switch (k.kind) {
    case KeyKind::Text:
      return free_text();
    case KeyKind::Pattern:
      return Json{{"type", "string"}, {"pattern", k.pattern}};
    case KeyKind::Enum:
      return Json{{"enum", k.allowed}};
    case KeyKind::EnumList:
      return Json{{"type", "array"}, {"items", Json{{"enum", k.allowed}}}};
    case KeyKind::Duration:
      return duration_schema(k.positive);
    case KeyKind::Instant:
      return Json{{"type", "string"}, {"pattern", kInstant}};
    case KeyKind::LiveInstant: {
      // The date as written, or evidence read live when the checks run (InstantSource).
      Json forms = Json::array({Json{{"type", "string"}, {"pattern", kInstant}}});
      if (k.live_object) forms.push_back(Json{{"const", "live"}});
      forms.push_back(Json{{"type", "object"},
                           {"properties",
                            Json{{"prometheus", Json{{"type", "string"}, {"pattern", "\\S"}}}}},
                           {"required", Json::array({"prometheus"})},
                           {"patternProperties", user_keys()},
                           {"additionalProperties", false}});
      return Json{{"anyOf", std::move(forms)}};
    }
    case KeyKind::Integer:
      return Json{{"type", "integer"}, {"minimum", number_json(k.min)}, {"maximum", number_json(k.max)}};
    case KeyKind::Number:
      return Json{{"type", "number"},
                  {k.min_exclusive ? "exclusiveMinimum" : "minimum", number_json(k.min)},
                  {"maximum", number_json(k.max)}};
    case KeyKind::Boolean:
      return Json{{"type", "boolean"}};
    case KeyKind::Zone:
      return Json{{"type", "string"}};
    case KeyKind::Phone:
      return Json{{"type", "string"}, {"pattern", kPhone}};
    case KeyKind::Hours:
      return Json{{"type", "string"}, {"pattern", kHours}};
    case KeyKind::TextList:
      return Json{{"type", "array"}, {"items", free_text()}};
    case KeyKind::TextMap:
      return Json{{"type", "object"}, {"patternProperties", user_keys()},
                  {"additionalProperties", free_text()}};
    case KeyKind::DurationMap:
      return Json{{"type", "object"}, {"patternProperties", user_keys()},
                  {"additionalProperties", duration_schema(false)}};
    case KeyKind::Object:
    case KeyKind::ObjectList:
      break;
  }
  return Json{{"type", "object"}, {"properties", Json::object()}};
}

Json object_schema() {
  return Json{{"type", "object"},
              {"properties", Json::object()},
              {"patternProperties", user_keys()},
              {"additionalProperties", false}};
}

const KeyDoc* doc_of(std::string_view path) {
  for (const KeyDoc& d : plan_format_docs())
    if (d.path == path) return &d;
  return nullptr;
}

// "backups[].restore_test.at" → parent "backups[].restore_test", name "at".
std::pair<std::string, std::string> split(const std::string& path) {
  size_t dot = path.rfind('.');
  if (dot == std::string::npos) return {"", path};
  return {path.substr(0, dot), path.substr(dot + 1)};
}

std::string fmt_num(double v) {
  if (v == static_cast<double>(static_cast<int64_t>(v))) return std::to_string(static_cast<int64_t>(v));
  return fmt::format("{}", v);
}

// The key a check's `reads` entry names: "data_transfers[]" (every item) names the list.
std::string read_key(const std::string& read) {
  if (read.size() > 2 && read.compare(read.size() - 2, 2, "[]") == 0)
    return read.substr(0, read.size() - 2);
  return read;
}

}  // namespace

std::string describe_kind(const KeySpec& k) {
  auto join = [](const std::vector<std::string>& v) {
    std::string out;
    for (const auto& s : v) out += (out.empty() ? "" : ", ") + ("`" + s + "`");
    return out;
  };
  switch (k.kind) {
    case KeyKind::Text: return "text";
    case KeyKind::Pattern: return "text: " + k.pattern_means;
    case KeyKind::Enum: return "one of " + join(k.allowed);
    case KeyKind::EnumList: return "list of " + join(k.allowed);
    case KeyKind::Duration: return k.positive ? "duration, more than 0s" : "duration";
    case KeyKind::Instant: return "instant or date";
    case KeyKind::LiveInstant:
      return k.live_object ? "instant or date, `live`, or `{prometheus: 'QUERY'}`"
                           : "instant or date, or `{prometheus: 'QUERY'}`";
    case KeyKind::Integer:
      return k.min == k.max ? fmt::format("whole number {}", fmt_num(k.min))
                            : fmt::format("whole number {} to {}", fmt_num(k.min), fmt_num(k.max));
    case KeyKind::Number:
      return k.min_exclusive
                 ? fmt::format("number, more than {}, at most {}", fmt_num(k.min), fmt_num(k.max))
                 : fmt::format("number {} to {}", fmt_num(k.min), fmt_num(k.max));
    case KeyKind::Boolean: return "true or false";
    case KeyKind::Zone: return "IANA time zone";
    case KeyKind::Phone: return "E.164 phone, quoted";
    case KeyKind::Hours: return "working hours";
    case KeyKind::TextList: return "list of text";
    case KeyKind::TextMap: return "mapping of name to text";
    case KeyKind::DurationMap: return "mapping of name to duration";
    case KeyKind::Object: return "mapping";
    case KeyKind::ObjectList: return "list of mappings";
  }
  return "";
}

std::string plan_json_schema() {
  Json root = object_schema();
  Json head = {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
               {"$id", "urn:golive:schema:plan:1"},
               {"title", "golive launch plan (golive: 1)"},
               {"description",
                "Generated by `golive schema` from the plan format's definition "
                "(docs/plan-format.md). `golive validate` also checks what a schema cannot: "
                "time zone names, calendar dates, references between ids, duplicate ids, and "
                "windows that end after they start. Keys beginning with x- are the user's own."}};
  head.update(root);
  root = std::move(head);
  // Where each path's schema lives: "backups[]" is the items of "backups".
  std::map<std::string, Json::json_pointer> at;
  at[""] = Json::json_pointer("");
  for (const KeySpec& k : plan_format()) {
    auto [parent, name] = split(k.path);
    Json::json_pointer owner = at.at(parent);
    Json node = (k.kind == KeyKind::Object || k.kind == KeyKind::ObjectList) ? object_schema()
                                                                              : leaf_schema(k);
    if (const KeyDoc* d = doc_of(k.path)) {
      Json with_doc = {{"description", std::string(d->description)}};
      with_doc.update(node);
      node = std::move(with_doc);
    }
    if (k.kind == KeyKind::ObjectList) {
      Json list = {{"description", node.value("description", "")},
                   {"type", "array"}};
      node.erase("description");
      list["items"] = std::move(node);
      node = std::move(list);
    }
    Json& props = root[owner]["properties"];
    props[name] = std::move(node);
    if (k.required) root[owner]["required"].push_back(name);
    Json::json_pointer here = owner / "properties" / name;
    at[k.path] = here;
    if (k.kind == KeyKind::ObjectList) at[k.path + "[]"] = here / "items";
  }
  // "required" reads best next to "properties": move it there for every object.
  std::function<void(Json&)> tidy = [&](Json& j) {
    if (!j.is_object()) return;
    if (j.contains("required")) {
      Json req = j["required"];
      j.erase("required");
      Json out = Json::object();
      for (auto it = j.begin(); it != j.end(); ++it) {
        out[it.key()] = it.value();
        if (it.key() == "properties") out["required"] = req;
      }
      j = std::move(out);
    }
    if (j.contains("properties"))
      for (auto& el : j["properties"].items()) tidy(el.value());
    if (j.contains("items")) tidy(j["items"]);
  };
  tidy(root);
  return root.dump(2) + "\n";
}

std::string plan_format_markdown() {
  // Which checks read each key, from their registrations.
  std::map<std::string, std::vector<std::string>> readers;
  for (const CheckInfo* c : all_checks())
    for (const std::string& r : c->reads) readers[read_key(r)].push_back(c->id);
  std::string out;
  std::string section;
  for (const KeySpec& k : plan_format()) {
    std::string top = k.path.substr(0, k.path.find_first_of(".["));
    if (top != section) {
      section = top;
      out += fmt::format("{}### `{}`\n\n| Key | Type | Description | Example | Read by |\n"
                         "|---|---|---|---|---|\n",
                         out.empty() ? "" : "\n", top);
    }
    const KeyDoc* d = doc_of(k.path);
    std::string description = d ? std::string(d->description) : "";
    if (d && !d->default_.empty()) description += fmt::format(" Default: {}.", d->default_);
    std::string type = describe_kind(k);
    if (k.required) type += ", **required**";
    std::string example = d && !d->example.empty() ? fmt::format("`{}`", d->example) : "";
    std::string read_by;
    if (auto it = readers.find(k.path); it != readers.end())
      for (const auto& id : it->second) read_by += (read_by.empty() ? "" : ", ") + ("`" + id + "`");
    auto cell = [](std::string s) {
      std::string o;
      for (char c : s) o += c == '|' ? std::string("\\|") : std::string(1, c);
      return o;
    };
    out += fmt::format("| `{}` | {} | {} | {} | {} |\n", k.path, cell(type), cell(description),
                       cell(example), read_by);
  }
  return out;
}

}  // namespace golive
