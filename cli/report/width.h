#pragma once
/// Display width of UTF-8 text in a terminal, so that columns line up when names are
/// Chinese (two cells per character) or carry combining marks (zero cells).

#include <string>
#include <string_view>

namespace golive {

/// Number of terminal cells `text` occupies. Invalid UTF-8 bytes count one cell each.
int display_width(std::string_view text);

/// `text` followed by spaces up to `width` cells (unchanged when already wider).
std::string pad_right(std::string_view text, int width);

}  // namespace golive
