#pragma once
/// The plan format (SPEC §3), defined once: the plan loader's readers, run without a plan,
/// record every key they are asked for with its type (plan_format()). The JSON Schema of
/// `golive schema` and the key reference of docs/plan-format.md are generated from that
/// record and the prose of plan_format_docs.cpp; a test keeps both files in step.

#include <string>
#include <string_view>
#include <vector>

namespace golive {

/// What kind of value a plan key holds: the plan format's types.
enum class KeyKind {
  Text,          ///< free text; any scalar, kept as written
  Pattern,       ///< text matching KeySpec::pattern (URLs, ids, secrets)
  Enum,          ///< one of KeySpec::allowed
  EnumList,      ///< a list of KeySpec::allowed words
  Duration,      ///< `30m`, `PT1H` (positive when KeySpec::positive)
  Instant,       ///< RFC 3339 instant or bare date
  LiveInstant,   ///< an Instant, `{prometheus: 'QUERY'}`, or `live` when KeySpec::live_object
  Integer,       ///< whole number in [min, max]
  Number,        ///< number in [min, max] (min excluded when min_exclusive)
  Boolean,       ///< true or false
  Zone,          ///< IANA zone name
  Phone,         ///< E.164 phone number, quoted
  Hours,         ///< `09:00-18:00`
  TextList,      ///< a list of free texts or ids
  TextMap,       ///< a mapping of names to free texts or ids
  DurationMap,   ///< a mapping of names to durations
  Object,        ///< a mapping with keys of its own
  ObjectList,    ///< a list of such mappings
};

/// One key of the plan format as the loader asks for it.
struct KeySpec {
  std::string path{};  ///< `backups[].schedule`: `[]` for any item of a list
  KeyKind kind = KeyKind::Text;
  bool required = false;
  std::vector<std::string> allowed{};  ///< Enum, EnumList
  double min = 0, max = 0;           ///< Integer, Number
  bool min_exclusive = false;        ///< Number: min itself refused
  bool positive = false;             ///< Duration: 0 refused
  std::string pattern{};             ///< Pattern: ECMAScript regex, whole value
  std::string pattern_means{};       ///< Pattern: "an http:// or https:// URL"
  bool live_object = false;          ///< LiveInstant: `live` (the backup object's date) too
};

/// Every key of the plan format, parents before children, in the loader's reading order.
const std::vector<KeySpec>& plan_format();

/// What the key reference says about one key, beside its type.
struct KeyDoc {
  std::string_view path;         ///< as KeySpec::path
  std::string_view description;  ///< one line
  std::string_view example;      ///< a YAML value, as written in a plan
  std::string_view default_;     ///< what an absent key means; "" when nothing is assumed
};

/// The prose of every key, in plan_format() order (plan_format_docs.cpp). A test checks
/// that it names exactly the keys of plan_format().
const std::vector<KeyDoc>& plan_format_docs();

/// `golive schema`: the plan format as a JSON Schema (draft 2020-12), pretty-printed with a
/// final newline.
std::string plan_json_schema();

/// The key reference of docs/plan-format.md (Markdown): one table per section, every key
/// with its type, whether it is required, its default, an example and the checks that
/// read it (`CheckInfo::reads`).
std::string plan_format_markdown();

/// A one-line description of a key's type for the reference: "duration, > 0s",
/// "one of: pass, fail", "whole number 1 to 3".
std::string describe_kind(const KeySpec& key);

}  // namespace golive
