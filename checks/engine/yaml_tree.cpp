#include "checks/engine/yaml_tree.h"

namespace golive {

uint16_t YamlTree::tag_index(std::string_view tag) {
  for (size_t i = 0; i < tags.size(); ++i)
    if (tags[i] == tag) return static_cast<uint16_t>(i);
  // Explicit tags are rare (`!!str`, `!!binary`); past 65,535 distinct ones a plan is not a
  // plan, but the index must not wrap onto another tag.
  if (tags.size() >= 0xFFFF) return 2;
  tags.emplace_back(tag);
  return static_cast<uint16_t>(tags.size() - 1);
}

YamlNode YamlNode::EmptyMap() {
  static const std::shared_ptr<const YamlTree> empty = [] {
    auto t = std::make_shared<YamlTree>();
    t->nodes.push_back({YamlNodeType::Map, 1, 0, 0, -1, -1});
    return std::shared_ptr<const YamlTree>(std::move(t));
  }();
  return {empty, 0};
}

const std::string& YamlNode::Scalar() const {
  static const std::string none;
  if (!tree_ || node().kind != YamlNodeType::Scalar) return none;
  return tree_->scalars[node().first];
}

const std::string& YamlNode::Tag() const {
  static const std::string none;
  if (!tree_) return none;
  return tree_->tags[node().tag];
}

YamlMark YamlNode::Mark() const {
  if (!tree_) return {};
  return {node().line, node().column};
}

size_t YamlNode::size() const {
  switch (Type()) {
    case YamlNodeType::Sequence:
      return node().count;
    case YamlNodeType::Map:
      return node().count / 2;
    default:
      return 0;
  }
}

YamlNode YamlNode::kid(uint32_t pos) const { return {tree_, tree_->kids[node().first + pos]}; }

YamlNode YamlNode::operator[](std::string_view key) const {
  if (!IsMap()) return {};
  const YamlTree::Node& n = node();
  for (uint32_t i = 0; i < n.count; i += 2) {
    const YamlTree::Node& k = tree_->nodes[tree_->kids[n.first + i]];
    if (k.kind == YamlNodeType::Scalar && tree_->scalars[k.first] == key) return kid(i + 1);
  }
  return {};
}

YamlNode YamlNode::operator[](size_t index) const {
  if (!IsSequence() || index >= node().count) return {};
  return kid(static_cast<uint32_t>(index));
}

YamlNode::const_iterator YamlNode::end() const {
  const auto kind = Type();
  return {this, kind == YamlNodeType::Sequence || kind == YamlNodeType::Map ? node().count : 0};
}

YamlItem YamlNode::const_iterator::operator*() const {
  if (owner_->IsMap()) return {owner_->kid(pos_), owner_->kid(pos_ + 1)};
  return YamlItem(owner_->kid(pos_));
}

}  // namespace golive
