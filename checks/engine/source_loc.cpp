#include "checks/engine/source_loc.h"

#include <algorithm>

#include <fmt/format.h>

#include "checks/engine/visible_text.h"

namespace golive {

std::string SourceLoc::str() const {
  if (line <= 0) return file;
  if (column <= 0) return fmt::format("{}:{}", file, line);
  return fmt::format("{}:{}:{}", file, line, column);
}

// Messages go to a terminal or a CI log: whatever a message quotes, it must not move the
// cursor, recolour, reorder or start a line that looks like another diagnostic. Tab stays.
std::string InputError::formatted() const {
  return make_visible(fmt::format("{}: error: {}", loc_.str(), what()), "\t");
}

std::string Diagnostic::formatted() const {
  return make_visible(fmt::format("{}: {}: {}", loc.str(), level == Level::Error ? "error" : "warning",
                                  message), "\t");
}

void Diagnostics::error(const SourceLoc& loc, std::string message) {
  items_.push_back({Diagnostic::Level::Error, loc, std::move(message)});
  ++errors_;
}

void Diagnostics::warning(const SourceLoc& loc, std::string message) {
  items_.push_back({Diagnostic::Level::Warning, loc, std::move(message)});
}

void Diagnostics::throw_if_errors() const {
  for (const auto& d : items_)
    if (d.level == Diagnostic::Level::Error) throw InputError(d.loc, d.message);
}

namespace {
// Optimal string alignment distance: a swap of two neighbours ("emial") counts as one
// edit, the most common typo in a key.
size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}
}  // namespace

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
  // Allow about one typo per three characters, at least one, at most three.
  size_t limit = std::clamp<size_t>(word.size() / 3, 1, 3);
  std::string best;
  size_t best_distance = limit + 1;
  for (const auto& c : candidates) {
    // The distance is at least the difference in length: a candidate that cannot be near is
    // not measured, so a long value (a 20 kB time zone) costs one comparison per candidate,
    // not a table of its length times each candidate's (found by the fuzzer: seconds).
    if ((word.size() > c.size() ? word.size() - c.size() : c.size() - word.size()) >= best_distance) continue;
    size_t d = edit_distance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

}  // namespace golive
