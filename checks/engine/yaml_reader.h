#pragma once
/// Safe YAML reading: one document, no NUL bytes, valid UTF-8, no duplicate keys, no alias
/// cycles, the input limits of limits.h, YAML merge keys (`<<`) applied; then typed
/// access to mappings with `file:line:col` on every value and "did you mean" errors for
/// unknown keys. Scalars are typed as YAML 1.2's core schema types them (what editors and
/// the JSON Schema see): a boolean field takes only true/false, a number field only an
/// unquoted number, and null is never a value.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "checks/engine/evidence_source.h"
#include "checks/engine/field.h"
#include "checks/engine/plan_format.h"
#include "checks/engine/source_loc.h"
#include "checks/engine/values.h"
#include "checks/engine/yaml_tree.h"

namespace golive {

/// Reads a whole file; throws InputError ("cannot read ...") when it cannot, and before
/// reading when it is larger than the file-size limit (limits.h); a pipe or device is read
/// up to the limit and refused past it.
std::string read_file(const std::string& path);

/// Parses `text` (named `file` in messages) as exactly one YAML document and checks the
/// structure traps listed above. UTF-16 and UTF-32 with a byte-order mark are decoded to
/// UTF-8 first (positions are then those of the decoded text, in characters as for UTF-8);
/// without a mark they are refused ("save the plan as UTF-8"), as is a lone carriage
/// return. The document is read into a YamlNode tree (yaml_tree.h) in one pass over
/// libyaml's parser events; the nodes, depth, scalar-length, list-length and aliases limits
/// are checked as the events come, before the memory they bound is spent (an alias is the
/// anchored node, never a copy, and is counted as if copied out). Throws InputError at the
/// first problem: a syntax error or a limit anywhere in the file, then a second document,
/// then the first structure trap of the document in document order. Merge keys
/// (`<<: *a`, `<<: [*a, *b]`) are applied as in YAML 1.1: explicit keys win over merged
/// ones, earlier merged mappings over later ones; merged values keep the position where
/// they were written.
YamlNode parse_yaml(const std::string& text, const std::string& file);

/// A quick look at a document's top level, read only as far as the answer: true when it is
/// a mapping whose key `key` (plain or quoted, untagged) comes, before any merge key, alias
/// or tagged key of the top level, with a scalar value (null included). nullopt whenever a
/// whole read is needed to tell (not found, a list or mapping as its value, a syntax error
/// before it...): the caller then reads the file with parse_yaml(). Tells a plan (`golive:
/// 1` on its first line) from other YAML in a directory without reading each plan twice.
std::optional<bool> has_scalar_top_key(std::string_view text, std::string_view key);

/// The YAML 1.2 core schema type of a node: a quoted scalar is always Str.
enum class CoreType { Null, Bool, Int, Float, Str, Map, Seq };
CoreType core_type(const YamlNode& node);

/// How YAML 1.2's core schema resolves `text` written as a plain (unquoted) scalar:
/// Null is never returned; Bool, Int, Float or else Str.
CoreType plain_scalar_type(const std::string& text);

/// Keys beginning with `x-` belong to the user (anchors, notes) and are never read.
bool is_user_key(std::string_view key);

/// Text that must match a pattern; `message` is the catalogue key of the error, whose text
/// takes the path and the previewed value: `errors.plan.not_http_url`, in English
/// "{path}: '{value}' is not an http:// or https:// URL".
struct TextRule {
  std::string pattern;  ///< ECMAScript regex (std::regex and JSON Schema read it alike)
  std::string means;    ///< for the key reference: "an http:// or https:// URL"
  std::string message;  ///< catalogue key; its text takes `{path}` and `{value}`
};

/// The 1-based position of a node.
SourceLoc loc_of(const YamlNode& node, const std::string& file);

/// "a mapping", "a list", "'value'", "nothing" in the run's language (`errors.node.*`): for
/// "expected X, got Y" messages.
std::string describe_node(const YamlNode& node);

/// A value as quoted in messages: secrets redacted (redact()), control and format characters
/// shown as escapes (make_visible(): `\x1B`, `\u202E`), cut to about 60 characters.
std::string preview(std::string_view value);

/// Shared state while reading one input file.
struct ReadContext {
  std::string file;
  Diagnostics& diags;
  /// Zone for bare dates (`2026-11-20` is midnight there); UTC when null.
  const Zone* zone = nullptr;
  /// When set, readers read nothing and record every key they are asked for, with its
  /// type: the loader run this way is the definition of the plan format (plan_format()).
  std::vector<KeySpec>* describe = nullptr;
};

/// Typed, located access to one YAML mapping. Every key asked for is "known"; finish()
/// reports the rest as errors with a "did you mean" suggestion (`x-` keys excepted). Bad
/// values are reported to the Diagnostics and read as absent, so one run shows every
/// problem in the file. A null value (`key:`, `key: null`, `key: ~`) is an error, never
/// "absent".
class MapReader {
 public:
  /// `path` names the mapping in messages ("backups[0]"); "" for the document root.
  /// A node that is not a mapping is reported and read as empty.
  /// `pattern` is the path with `[]` for list items ("backups[]"); "" means `path`.
  MapReader(ReadContext& ctx, const YamlNode& node, std::string path,
            std::string pattern = "");

  enum Need { Optional, Required };

  const SourceLoc& loc() const { return loc_; }
  const std::string& path() const { return path_; }
  /// "backups[0].schedule"
  std::string path_of(const std::string& key) const;
  /// Whether the key is present with a non-null value (marks it known).
  bool has(const std::string& key);
  /// The raw node of a key (marks it known); an undefined node when absent.
  YamlNode node(const std::string& key);
  /// Position of the key's value, or of this mapping when the key is absent.
  SourceLoc loc_of_key(const std::string& key);

  Text text(const std::string& key, Need need = Optional);
  /// Text that must match `rule.pattern` (as a whole); an unquoted number or boolean is
  /// refused like any other non-matching value.
  Text matching(const std::string& key, const TextRule& rule, Need need = Optional);
  /// Text that must be one of `allowed` (error with "did you mean" otherwise).
  Text one_of(const std::string& key, const std::vector<std::string>& allowed,
              Need need = Optional);
  /// A list of scalars each of which must be one of `allowed`; bad items are reported
  /// ("plan.scenarios[1]: 'x' is not one of …") and left out.
  std::vector<Text> one_of_list(const std::string& key, const std::vector<std::string>& allowed,
                                Need need = Optional);
  enum Sign { AnyLength, Positive };
  /// A duration; with Positive, `0s` is refused (a schedule or period of zero is no period).
  Field<Duration> duration(const std::string& key, Need need = Optional, Sign sign = AnyLength);
  Field<Instant> instant(const std::string& key, Need need = Optional);
  /// A date that may be read live: an instant as instant() reads it; a mapping
  /// `{prometheus: 'QUERY'}` (QUERY non-empty text, not a YAML number or boolean); or, with
  /// `object_date`, the word `live`. `source` says which was written; for the live forms
  /// the returned Field is empty and located at the value.
  Field<Instant> live_instant(const std::string& key, InstantSource& source, bool object_date,
                              Need need = Optional);
  Field<int64_t> integer(const std::string& key, int64_t min, int64_t max, Need need = Optional);
  Field<double> number(const std::string& key, double min, double max, Need need = Optional);
  /// A number in (min, max]: `min` itself is refused.
  Field<double> number_above(const std::string& key, double min, double max,
                             Need need = Optional);
  Field<bool> boolean(const std::string& key, Need need = Optional);
  /// An IANA zone name, validated.
  Text zone(const std::string& key, Need need = Optional);
  /// An E.164 phone number, validated.
  Text phone(const std::string& key, Need need = Optional);
  Field<HoursRange> hours(const std::string& key, Need need = Optional);
  /// A sequence of scalars (a lone scalar is an error, not a one-element list).
  std::vector<Text> text_list(const std::string& key, Need need = Optional);
  /// A mapping of scalar values, in file order (`x-` keys left out).
  std::vector<std::pair<std::string, Text>> text_map(const std::string& key,
                                                     Need need = Optional);
  /// A mapping of durations under names of the plan's own choosing, in file order.
  std::vector<std::pair<std::string, Field<Duration>>> duration_map(const std::string& key,
                                                                    Need need = Optional);
  /// Calls `f` for the mapping under `key` if present. Returns whether it was.
  bool map(const std::string& key, const std::function<void(MapReader&)>& f,
           Need need = Optional);
  /// Calls `f` for each mapping in the sequence under `key`, with "key[i]" as its path.
  void each(const std::string& key, const std::function<void(MapReader&, size_t)>& f,
            Need need = Optional);

  /// Reports keys never asked for as errors. Called by the destructor if not called before.
  void finish();
  ~MapReader();
  MapReader(const MapReader&) = delete;
  MapReader& operator=(const MapReader&) = delete;

  ReadContext& context() { return ctx_; }
  /// Whether this reader records the format instead of reading (ReadContext::describe).
  bool describing() const { return ctx_.describe != nullptr; }

 private:
  /// In describe mode, records `key` and returns true.
  bool record(const std::string& key, KeySpec spec, Need need);
  /// "backups[].schedule": the path with list indexes left out.
  std::string pattern_of(const std::string& key) const;
  Field<double> number_in(const std::string& key, double min, double max, bool min_exclusive,
                          Need need);
  /// The scalar under `key`, or nullopt (reporting "expected ..." when not a scalar);
  /// `expected` names a key of the catalogue's `errors.expected` ("string", "duration").
  std::optional<std::pair<std::string, SourceLoc>> scalar(const std::string& key, Need need,
                                                         const char* expected);
  void missing(const std::string& key);

  ReadContext& ctx_;
  YamlNode node_;
  std::string path_;
  std::string pattern_;  // path_ with `[]` for list items (describe mode)
  SourceLoc loc_;
  std::vector<std::string> known_;
  bool finished_ = false;
  int uncaught_at_start_ = 0;
};

}  // namespace golive
