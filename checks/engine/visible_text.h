#pragma once
/// Text golive did not write itself, made safe to show: what every report format and every
/// message on stderr does to plan text, probe answers and plugin output.

#include <utf8proc.h>

#include <string>
#include <string_view>

namespace golive {

/// Output neutralisation: what every format does to text it did not write itself (plan
/// text, probe and plugin messages). Redaction comes first (redact()), then hostile
/// characters are made harmless in the form the format allows, so that no text can move the
/// cursor, recolour a terminal, reorder what a reader sees, hide characters or forge a line,
/// a row, an element or a workflow command.
///
/// Hostile characters (hostile_char()): C0 controls and DEL, C1 controls (U+0080–U+009F),
/// every format character (Unicode category Cf: U+200B–U+200F zero-width and direction
/// marks, U+202A–U+202E embeddings and overrides, U+2060–U+2064, U+2066–U+2069 isolates,
/// U+FEFF zero-width no-break space / byte-order mark, U+00AD soft hyphen, the U+E0000 tag
/// characters…), the line and paragraph separators U+2028 and U+2029, and the
/// non-characters U+FFFE and U+FFFF.

/// True for a code point that no report prints raw (see above). Tab, LF and CR are hostile
/// too; each format decides what they become.
bool hostile_char(char32_t cp);

/// The visible form of a hostile character: `\x1B` below U+0100, `\u202E` in the BMP,
/// `\U000E0041` above. A reader sees that something was there and what it was.
std::string visible_escape(char32_t cp);

/// `text` with bytes that are not UTF-8 replaced by U+FFFD and every hostile character not
/// in `keep` (ASCII characters only, e.g. "\t\n\r") replaced by visible_escape(). Not
/// redacted: callers redact first.
std::string make_visible(std::string_view text, std::string_view keep = "");

/// True for text with nothing to read in it: empty, or only spaces (Unicode categories Zs,
/// Zl, Zp: U+0020, U+00A0, U+3000…) and hostile characters (tabs, line ends, zero-width
/// and other invisible characters). A plan's `runbook: " "` names no runbook.
bool blank_text(std::string_view text);

/// Replaces bytes that are not UTF-8 with U+FFFD, so that XML, JSON and HTML stay valid
/// when a probe message quotes binary data.
std::string valid_utf8(std::string_view text);

/// Calls `emit(code_point, bytes)` for every character of `text`, with U+FFFD (and its
/// three bytes) for each byte that is not UTF-8.
template <class Emit>
void each_char(std::string_view text, Emit emit) {
  auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  auto left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) {
      emit(0xFFFD, std::string_view("\xEF\xBF\xBD"));
      n = 1;
    } else {
      emit(cp, std::string_view(reinterpret_cast<const char*>(p), static_cast<size_t>(n)));
    }
    p += n;
    left -= n;
  }
}

}  // namespace golive
