#include "checks/engine/redact.h"

#include <algorithm>
#include <array>
#include <optional>

namespace golive {

namespace {

// Where a URL ends: whitespace, a control character, or a character a URL never holds raw
// and prose puts around one.
bool ends_url(char c) {
  auto u = static_cast<unsigned char>(c);
  return u <= 0x20 || u == 0x7f || std::string_view("\"'<>`|").find(c) != std::string_view::npos;
}

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_host_char(char c) {
  return is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '%' || c == '[' || c == ']' ||
         c == ':' || static_cast<unsigned char>(c) >= 0x80;
}

// True when `rest` starts with a host (and optional port) that runs to the end of `rest`
// or to a `/`, `?` or `#`: what must follow the `@` that ends userinfo.
bool host_follows(std::string_view rest) {
  size_t n = 0;
  while (n < rest.size() && is_host_char(rest[n])) ++n;
  if (n == 0 || rest[0] == ':') return false;
  return n == rest.size() || rest[n] == '/' || rest[n] == '?' || rest[n] == '#';
}

// What follows the first `:` of an authority, outside an IPv6 literal (which holds colons
// of its own); nullopt without one.
std::optional<std::string_view> after_colon(std::string_view authority) {
  if (authority.starts_with('[')) {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    authority.remove_prefix(close + 1);
  }
  size_t colon = authority.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  return authority.substr(colon + 1);
}

// An authority that cannot be `host[:port]`: a `:` followed by something other than digits
// (`user:pass…` cut short by a space or a raw `/`).
bool looks_like_credentials(std::string_view authority) {
  std::optional<std::string_view> port = after_colon(authority);
  return port && !std::all_of(port->begin(), port->end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string percent_decoded_lower(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    auto hex = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      c = lower(c);
      return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    };
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += lower(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
      i += 2;
    } else {
      out += lower(s[i]);
    }
  }
  return out;
}

bool secret_parameter(std::string_view name) {
  static constexpr std::array<std::string_view, 13> kWords = {
      "token", "key", "sig", "secret", "password", "passwd", "pwd",
      "credential", "auth", "session", "jwt", "x-amz-", "x_amz_"};
  const std::string n = percent_decoded_lower(name);
  return std::any_of(kWords.begin(), kWords.end(), [&](std::string_view w) { return n.find(w) != std::string::npos; });
}

// Query and fragment of a URL (everything from the first `?` or `#`): the value of every
// secret-looking parameter becomes `***`.
void append_parameters(std::string& out, std::string_view rest) {
  auto delimiter = [](char c) { return c == '&' || c == ';' || c == '?' || c == '#'; };
  size_t i = 0;
  while (i < rest.size()) {
    if (delimiter(rest[i])) {
      out += rest[i++];
      continue;
    }
    size_t end = i;
    while (end < rest.size() && !delimiter(rest[end])) ++end;
    std::string_view pair = rest.substr(i, end - i);
    size_t eq = pair.find('=');
    if (eq != std::string_view::npos && secret_parameter(pair.substr(0, eq))) {
      out.append(pair.substr(0, eq + 1));
      out += "***";
      // Keep punctuation that closes the sentence around the URL.
      size_t tail = pair.find_first_of("\"'<>`)", eq + 1);
      if (tail != std::string_view::npos) out.append(pair.substr(tail));
    } else {
      out.append(pair);
    }
    i = end;
  }
}

// Redacts the URLs of `text` (each `://` starts one).
std::string redact_urls(std::string_view text) {
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t mark = text.find("://", pos);
    if (mark == std::string_view::npos) break;
    size_t after = mark + 3;
    size_t end = after;
    while (end < text.size() && !ends_url(text[end])) ++end;
    out.append(text.substr(pos, after - pos));
    std::string_view url = text.substr(after, end - after);
    // The userinfo ends at the last `@` followed by a host.
    size_t at = std::string_view::npos;
    for (size_t i = url.size(); i-- > 0;)
      if (url[i] == '@' && host_follows(url.substr(i + 1))) {
        at = i;
        break;
      }
    if (at == std::string_view::npos) {
      std::string_view authority = url.substr(0, url.find_first_of("/?#"));
      if (looks_like_credentials(authority)) {
        // `user:pass word@host`: the password goes on after a space. Hide up to the `@`
        // of a host later on the line, or at least what stands where the host should.
        size_t line_end = text.find_first_of("\r\n", after);
        if (line_end == std::string_view::npos) line_end = text.size();
        std::string_view line = text.substr(after, line_end - after);
        size_t later = std::string_view::npos;
        for (size_t i = line.size(); i-- > 0;)
          if (line[i] == '@' && host_follows(line.substr(i + 1, line.find_first_of(" \t", i + 1) - i - 1))) {
            later = i;
            break;
          }
        if (later != std::string_view::npos) {
          end = after + later + 1;
          while (end < text.size() && !ends_url(text[end])) ++end;
          url = text.substr(after, end - after);
          at = later;
        } else {
          out += "***";
          url.remove_prefix(authority.size());
        }
      }
    }
    if (at != std::string_view::npos) {
      out += "***";
      url.remove_prefix(at);
    }
    size_t params = url.find_first_of("?#");
    out.append(url.substr(0, params));
    if (params != std::string_view::npos) append_parameters(out, url.substr(params));
    pos = end;
  }
  out.append(text.substr(pos));
  return out;
}

// A header carries a secret when it is one of the four credential headers or its last word
// (after the last `-` or `_`) names one: `X-Auth-Token`, `X-API-Key`, `Private-Token`,
// `client_secret`, `accessToken`, `X-Auth`. The last word, not any word: a finding that
// begins with an id such as `token-vault-hourly: …` or `auth-service: …` is golive's own
// sentence about a plan's system, and hiding it would hide the finding.
bool secret_header(std::string_view name) {
  const std::string n = percent_decoded_lower(name);
  if (n == "authorization" || n == "proxy-authorization" || n == "cookie" || n == "set-cookie") return true;
  const size_t cut = n.find_last_of("-_");
  const std::string_view last = cut == std::string::npos ? std::string_view(n) : std::string_view(n).substr(cut + 1);
  const std::string_view before = cut == std::string::npos ? std::string_view() : std::string_view(n).substr(0, cut);
  if (last == "key" && (before == "api" || before.ends_with("-api") || before.ends_with("_api"))) return true;
  static constexpr std::array<std::string_view, 8> kWords = {"token",  "secret", "apikey",     "password",
                                                             "passwd", "auth",   "credential", "credentials"};
  return std::any_of(kWords.begin(), kWords.end(), [&](std::string_view w) { return last.ends_with(w); });
}

bool is_name_char(char c) { return is_alnum(c) || c == '-' || c == '_'; }

// `Name: value` headers: the value, to the end of the line, becomes `***`.
std::string redact_headers(std::string_view text) {
  std::string out;
  size_t pos = 0;
  for (size_t colon = text.find(": "); colon != std::string_view::npos; colon = text.find(": ", colon + 1)) {
    if (colon < pos) continue;
    size_t start = colon;
    while (start > pos && is_name_char(text[start - 1])) --start;
    if (start == colon || !secret_header(text.substr(start, colon - start))) continue;
    // A header name starts a line or a phrase, never a dotted path (`prometheus.bearer_token:`).
    if (start > 0 && std::string_view(" \t\r\n\"'(,;[{").find(text[start - 1]) == std::string_view::npos) continue;
    size_t value = colon + 2;
    while (value < text.size() && text[value] == ' ') ++value;
    size_t end = text.find_first_of("\r\n", value);
    if (end == std::string_view::npos) end = text.size();
    out.append(text.substr(pos, value - pos));
    if (end > value) out += "***";
    pos = end;
  }
  out.append(text.substr(pos));
  return out;
}

bool is_credential_char(char c) {
  return is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '=';
}

// `Bearer xyz…` and `Basic dXNl…` wherever they appear: the credential, at least 8 token
// characters, becomes `***`. Fail closed: "Basic authentication" loses its second word too.
std::string redact_schemes(std::string_view text) {
  std::string out;
  size_t pos = 0;
  for (size_t i = 0; i + 6 <= text.size(); ++i) {
    if (lower(text[i]) != 'b') continue;  // both words start with it: most positions end here
    size_t len = 0;
    std::string_view word = text.substr(i, 6);
    std::string w;
    for (char c : word) w += lower(c);
    if (w == "bearer") len = 6;
    else if (w.starts_with("basic")) len = 5;
    else continue;
    if (i > 0 && is_alnum(text[i - 1])) continue;
    size_t start = i + len;
    if (start >= text.size() || (text[start] != ' ' && text[start] != '\t')) continue;
    while (start < text.size() && (text[start] == ' ' || text[start] == '\t')) ++start;
    size_t end = start;
    while (end < text.size() && is_credential_char(text[end])) ++end;
    std::string_view credential = text.substr(start, end - start);
    if (credential.size() < 8) continue;
    out.append(text.substr(pos, start - pos));
    out += "***";
    pos = i = end;
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace

std::string redact(std::string_view text) {
  // Fast path: most strings hold none of what could start a secret.
  if (text.find("://") == std::string_view::npos && text.find(": ") == std::string_view::npos &&
      text.find_first_of("bB") == std::string_view::npos)
    return std::string(text);
  return redact_schemes(redact_headers(redact_urls(text)));
}

}  // namespace golive
