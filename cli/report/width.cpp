#include "cli/report/width.h"

#include <utf8proc.h>

namespace golive {

int display_width(std::string_view text) {
  int width = 0;
  auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {  // not UTF-8: a terminal shows a replacement glyph, one cell
      width += 1;
      n = 1;
    } else {
      width += utf8proc_charwidth(cp);
    }
    p += n;
    left -= n;
  }
  return width;
}

std::string pad_right(std::string_view text, int width) {
  std::string out(text);
  int have = display_width(text);
  if (have < width) out.append(static_cast<size_t>(width - have), ' ');
  return out;
}

}  // namespace golive
