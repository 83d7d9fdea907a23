#pragma once
/// Pieces shared by the messages about the input (plans, rulesets, waiver registers,
/// `.golive.yaml`) and the command line, in the run's language (catalogue `errors.*`).

#include <string>
#include <string_view>
#include <vector>

#include "checks/engine/i18n.h"

namespace golive {

/// The "did you mean" tail of a message: ` (did you mean 'backups'?)`, or "" when
/// `near` is empty (nothing was close enough).
inline std::string did_you_mean_hint(const std::string& near) {
  return near.empty() ? std::string() : message("errors.did_you_mean", fmt::arg("name", near));
}

/// `items` joined for a message: `a, b, c` in English, `a、b、c` in Chinese
/// (`errors.list.comma`).
inline std::string say_list(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : message_text("errors.list.comma")) + item;
  return out;
}

/// A message about `path` (`backups[0]`), or about the whole document when `path` is
/// empty: `errors.<key>` with `.top` or `.at` appended, `{path}` given to the latter.
template <class... Args>
std::string message_at(const std::string& path, std::string_view key, const Args&... args) {
  if (path.empty()) return message(std::string(key) + ".top", args...);
  return message(std::string(key) + ".at", fmt::arg("path", path), args...);
}

}  // namespace golive
