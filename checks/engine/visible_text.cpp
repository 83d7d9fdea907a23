#include "checks/engine/visible_text.h"

#include <fmt/format.h>

namespace golive {

bool hostile_char(char32_t cp) {
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return true;
  if (cp < 0xa0) return false;
  if (cp == 0x2028 || cp == 0x2029 || cp == 0xfffe || cp == 0xffff) return true;
  if (cp > 0x10ffff) return true;
  return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_CF;
}

std::string visible_escape(char32_t cp) {
  auto v = static_cast<unsigned>(cp);
  if (v < 0x100) return fmt::format("\\x{:02X}", v);
  if (v < 0x10000) return fmt::format("\\u{:04X}", v);
  return fmt::format("\\U{:08X}", v);
}

std::string make_visible(std::string_view text, std::string_view keep) {
  std::string out;
  out.reserve(text.size());
  each_char(text, [&](int32_t cp, std::string_view bytes) {
    auto c = static_cast<char32_t>(cp);
    if (hostile_char(c) && !(c < 0x80 && keep.find(static_cast<char>(c)) != std::string_view::npos))
      out += visible_escape(c);
    else
      out.append(bytes);
  });
  return out;
}

bool blank_text(std::string_view text) {
  bool blank = true;
  each_char(text, [&](int32_t cp, std::string_view) {
    if (!blank || hostile_char(static_cast<char32_t>(cp))) return;
    const auto category = utf8proc_category(cp);
    blank = category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL ||
            category == UTF8PROC_CATEGORY_ZP;
  });
  return blank;
}

std::string valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  each_char(text, [&](int32_t, std::string_view bytes) { out.append(bytes); });
  return out;
}

}  // namespace golive
