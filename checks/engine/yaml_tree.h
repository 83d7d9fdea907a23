#pragma once
/// A read-only YAML document tree, compact and shared: every node of a document lives in one
/// vector, children are index ranges, each scalar's text is stored once, and an alias is the
/// anchored node itself (never a copy of its subtree). parse_yaml() (yaml_reader.h) builds it
/// from libyaml's event parser, with its safety checks and merge keys applied; readers use
/// the small API below, named as yaml-cpp's `YAML::Node` names it.

#include <cstdint>
#include <deque>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace golive {

/// What a node is. Undefined is the answer for a key a mapping does not have.
enum class YamlNodeType : uint8_t { Undefined, Null, Scalar, Sequence, Map };

/// A node's position, 0-based as libyaml's marks are (line, and column in characters);
/// -1 for a node not read from a file (YamlNode::EmptyMap()).
struct YamlMark {
  int line = -1;
  int column = -1;
};

/// The storage of one parsed stream. Built by parse_yaml(); read through YamlNode.
struct YamlTree {
  struct Node {
    YamlNodeType kind = YamlNodeType::Null;
    /// Index into `tags`: 0 "" (a null), 1 "?" (plain or untagged), 2 "!" (quoted or block
    /// scalar), then explicit tags as written after resolution (`tag:yaml.org,2002:str`).
    uint16_t tag = 0;
    /// Scalar: index into `scalars`. Sequence: first item in `kids`. Map: first key in `kids`
    /// (keys and values alternate).
    uint32_t first = 0;
    /// Entries in `kids`: items of a sequence, twice the pairs of a mapping.
    uint32_t count = 0;
    int32_t line = -1;    ///< 0-based, as YamlMark
    int32_t column = -1;  ///< 0-based, in characters
  };
  std::vector<Node> nodes;  ///< every node of the stream, in the order the parser reported them
  std::vector<uint32_t> kids;  ///< children of the collections, as indexes into `nodes`
  /// A deque: references handed out by Scalar() stay valid while the tree is built.
  std::deque<std::string> scalars;
  std::vector<std::string> tags{"", "?", "!"};

  /// The index of `tag` in `tags`, added if new.
  uint16_t tag_index(std::string_view tag);
};

class YamlItem;

/// A handle on one node of a YamlTree (shared: a node keeps its tree alive). Cheap to copy.
/// A default-constructed node is Undefined, as is a missing key.
class YamlNode {
 public:
  YamlNode() = default;
  YamlNode(std::shared_ptr<const YamlTree> tree, uint32_t index)
      : tree_(std::move(tree)), index_(index) {}

  /// An empty mapping read from no file (its Mark() is -1, -1): a stand-in for a bad value.
  static YamlNode EmptyMap();

  YamlNodeType Type() const { return tree_ ? node().kind : YamlNodeType::Undefined; }
  bool IsDefined() const { return tree_ != nullptr; }
  bool IsNull() const { return Type() == YamlNodeType::Null; }
  bool IsScalar() const { return Type() == YamlNodeType::Scalar; }
  bool IsSequence() const { return Type() == YamlNodeType::Sequence; }
  bool IsMap() const { return Type() == YamlNodeType::Map; }
  explicit operator bool() const { return IsDefined(); }

  /// The text of a scalar; "" for any other node.
  const std::string& Scalar() const;
  /// "?" for a plain scalar or an untagged list or mapping, "!" for a quoted or block
  /// scalar, the resolved tag when one was written, "" for a null or undefined node.
  const std::string& Tag() const;
  /// Where the node was written; for an alias, where its anchor's node was written.
  YamlMark Mark() const;
  /// Items of a sequence, pairs of a mapping, 0 otherwise.
  size_t size() const;

  /// The value of the first pair whose key is the scalar `key`; Undefined when there is none
  /// or this is not a mapping.
  YamlNode operator[](std::string_view key) const;
  /// The item at `index` of a sequence; Undefined past its end or when this is not one.
  YamlNode operator[](size_t index) const;

  /// Whether both handles name the same node of the same tree.
  bool is(const YamlNode& other) const {
    return tree_ == other.tree_ && (tree_ == nullptr || index_ == other.index_);
  }

  /// Iterates the items of a sequence (each item is the node) or the pairs of a mapping
  /// (each item's `first` is the key, `second` the value); nothing for other nodes.
  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = YamlItem;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = YamlItem;

    const_iterator() = default;
    const_iterator(const YamlNode* owner, uint32_t pos) : owner_(owner), pos_(pos) {}
    YamlItem operator*() const;
    const_iterator& operator++() {
      pos_ += owner_->IsMap() ? 2 : 1;
      return *this;
    }
    const_iterator operator++(int) {
      const_iterator old = *this;
      ++*this;
      return old;
    }
    bool operator==(const const_iterator& o) const { return pos_ == o.pos_; }
    bool operator!=(const const_iterator& o) const { return pos_ != o.pos_; }

   private:
    const YamlNode* owner_ = nullptr;
    uint32_t pos_ = 0;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const;

  /// The index of the node in its tree (for tests and the builder).
  uint32_t index() const { return index_; }

 private:
  const YamlTree::Node& node() const { return tree_->nodes[index_]; }
  /// The node `kids[first + pos]` of this collection.
  YamlNode kid(uint32_t pos) const;

  std::shared_ptr<const YamlTree> tree_;
  uint32_t index_ = 0;
};

/// What iteration yields: for a sequence the item itself (as a YamlNode); for a mapping an
/// Undefined node whose `first` and `second` are the key and the value.
class YamlItem : public YamlNode {
 public:
  YamlItem() = default;
  explicit YamlItem(YamlNode item) : YamlNode(std::move(item)) {}
  YamlItem(YamlNode key, YamlNode value) : first(std::move(key)), second(std::move(value)) {}
  YamlNode first;
  YamlNode second;
};

}  // namespace golive
