#pragma once
/// Field<T>: an optional plan value that remembers where it was written.

#include <optional>
#include <string>
#include <utility>

#include "checks/engine/source_loc.h"

namespace golive {

/// An optional value read from an input file, with its position. When the value is
/// absent, `loc` is the position of the mapping it would belong to, so that a finding
/// about missing data still points at the right place in the plan.
template <class T>
struct Field {
  std::optional<T> value;
  SourceLoc loc;

  Field() = default;
  Field(T v, SourceLoc l) : value(std::move(v)), loc(std::move(l)) {}
  /// An absent value that would belong at `l`.
  Field(std::nullopt_t, SourceLoc l) : loc(std::move(l)) {}

  bool has_value() const { return value.has_value(); }
  explicit operator bool() const { return value.has_value(); }
  const T& operator*() const { return *value; }
  const T* operator->() const { return &*value; }
  T value_or(T fallback) const { return value ? *value : std::move(fallback); }
};

/// A piece of text: a name, URL, free-text criteria, or an enumerated word.
using Text = Field<std::string>;
/// A reference to something declared elsewhere in the plan, by its `id`.
using Ref = Field<std::string>;

}  // namespace golive
