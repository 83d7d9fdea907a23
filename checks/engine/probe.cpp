#include "checks/engine/probe.h"
#include "checks/engine/i18n.h"

#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>

#include <fmt/format.h>

namespace golive {

std::string_view to_string(ProbeError e) {
  switch (e) {
    case ProbeError::None: return "none";
    case ProbeError::Refused: return "refused";
    case ProbeError::Dns: return "dns";
    case ProbeError::Timeout: return "timeout";
    case ProbeError::Tls: return "tls";
    case ProbeError::Redirect: return "redirect";
    case ProbeError::TooLarge: return "too-large";
    case ProbeError::NotFound: return "not-found";
    case ProbeError::Unsupported: return "unsupported";
    case ProbeError::Credentials: return "credentials";
    case ProbeError::Module: return "module";
    case ProbeError::Other: return "other";
  }
  return "other";
}

namespace {

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool istarts_with(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string percent_encode(std::string_view s) {
  std::string out;
  for (const char c : s) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved)
      out += c;
    else
      out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
  }
  return out;
}

bool is_http_url(std::string_view url) {
  size_t scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos || scheme_end + 3 >= url.size()) return false;
  std::string scheme = lower(url.substr(0, scheme_end));
  return scheme == "http" || scheme == "https";
}

// ---- HttpResponse ---------------------------------------------------------------------

const std::string* HttpResponse::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (iequals(k, name)) return &v;
  return nullptr;
}

std::optional<int64_t> HttpResponse::content_length() const {
  if (file_size) return file_size;
  const std::string* v = header("content-length");
  if (!v || v->empty()) return std::nullopt;
  int64_t n = 0;
  for (char c : *v) {
    if (c < '0' || c > '9') return std::nullopt;
    if (n > (INT64_MAX - 9) / 10) return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

std::optional<Instant> HttpResponse::last_modified() const {
  if (file_mtime) return file_mtime;
  const std::string* v = header("last-modified");
  if (!v) return std::nullopt;
  return parse_http_date(*v);
}

// ---- Text helpers ---------------------------------------------------------------------

namespace {

constexpr std::array<std::string_view, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<std::string_view, 7> kDays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 7> kLongDays = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                       "Friday", "Saturday", "Sunday"};

/// Reads exactly `len` digits at `pos`; -1 when any is not a digit.
int digits(std::string_view s, size_t pos, size_t len) {
  if (pos + len > s.size()) return -1;
  int n = 0;
  for (size_t i = pos; i < pos + len; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    n = n * 10 + (s[i] - '0');
  }
  return n;
}

/// 1-12 for a month name at `pos`, 0 otherwise.
unsigned month_at(std::string_view s, size_t pos) {
  if (pos + 3 > s.size()) return 0;
  auto m = std::find(kMonths.begin(), kMonths.end(), s.substr(pos, 3));
  return m == kMonths.end() ? 0 : static_cast<unsigned>(m - kMonths.begin() + 1);
}

/// `HH:MM:SS` at `pos`, as seconds of the day; -1 when malformed or out of range.
int time_of_day(std::string_view s, size_t pos) {
  if (pos + 8 > s.size() || s[pos + 2] != ':' || s[pos + 5] != ':') return -1;
  int hh = digits(s, pos, 2), mm = digits(s, pos + 3, 2), ss = digits(s, pos + 6, 2);
  // 60 is a leap second (RFC 9110 allows it); it counts as the next second.
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 60) return -1;
  return hh * 3600 + mm * 60 + ss;
}

/// `GMT`, or the common `+0000` written by servers that format with a numeric zone.
bool utc_zone(std::string_view z) { return z == "GMT" || z == "+0000"; }

std::optional<Instant> make_instant(int year, unsigned month, int day, int seconds) {
  if (year < 0 || month == 0 || day < 1 || seconds < 0) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                  std::chrono::day{static_cast<unsigned>(day)}};
  if (!ymd.ok()) return std::nullopt;
  return Instant{std::chrono::sys_days{ymd}.time_since_epoch()} + std::chrono::seconds(seconds);
}

}  // namespace

std::optional<Instant> parse_http_date(std::string_view s) {
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  // IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT" (or "+0000" for "GMT").
  if (s.size() >= 4 && s[3] == ',' &&
      std::find(kDays.begin(), kDays.end(), s.substr(0, 3)) != kDays.end()) {
    std::string_view zone = s.substr(std::min<size_t>(s.size(), 26));
    if (s.size() < 29 || s[4] != ' ' || s[7] != ' ' || s[11] != ' ' || s[16] != ' ' || s[25] != ' ' ||
        !utc_zone(zone))
      return std::nullopt;
    return make_instant(digits(s, 12, 4), month_at(s, 8), digits(s, 5, 2), time_of_day(s, 17));
  }
  // Obsolete RFC 850: "Sunday, 06-Nov-94 08:49:37 GMT".
  if (size_t comma = s.find(','); comma != std::string_view::npos &&
                                  std::find(kLongDays.begin(), kLongDays.end(), s.substr(0, comma)) != kLongDays.end()) {
    std::string_view r = s.substr(comma);
    if (r.size() < 24 || r[1] != ' ' || r[4] != '-' || r[8] != '-' || r[11] != ' ' || r[20] != ' ' ||
        !utc_zone(r.substr(21)))
      return std::nullopt;
    int yy = digits(r, 9, 2);
    if (yy < 0) return std::nullopt;
    // RFC 9110: a two-digit year that appears more than 50 years in the future is the most
    // recent past year with the same last two digits.
    int now = static_cast<int>(std::chrono::year_month_day{std::chrono::floor<std::chrono::days>(
                                                               std::chrono::system_clock::now())}
                                   .year());
    int year = now / 100 * 100 + yy;
    if (year > now + 50) year -= 100;
    return make_instant(year, month_at(r, 5), digits(r, 2, 2), time_of_day(r, 12));
  }
  // asctime: "Sun Nov  6 08:49:37 1994" (the day padded with a space, or two digits).
  if (s.size() == 24 && s[3] == ' ' && s[7] == ' ' && s[10] == ' ' && s[19] == ' ' &&
      std::find(kDays.begin(), kDays.end(), s.substr(0, 3)) != kDays.end()) {
    int day = s[8] == ' ' ? digits(s, 9, 1) : digits(s, 8, 2);
    return make_instant(digits(s, 20, 4), month_at(s, 4), day, time_of_day(s, 11));
  }
  return std::nullopt;
}

bool HttpResponse::last_modified_invalid() const {
  if (file_mtime) return false;
  const std::string* v = header("last-modified");
  return v && !parse_http_date(*v);
}

std::string s3_key_path(std::string_view key) {
  // SigV4's UriEncode is RFC 3986's unreserved set, applied to each segment between slashes.
  std::string out;
  for (size_t start = 0;;) {
    size_t slash = key.find('/', start);
    out += percent_encode(key.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
    if (slash == std::string_view::npos) return out;
    out += '/';
    start = slash + 1;
  }
}

std::optional<std::string> resolve_secret(std::string_view text) {
  if (text.starts_with("${env:") && text.ends_with("}")) {
    std::string name(text.substr(6, text.size() - 7));
    const char* v = std::getenv(name.c_str());
    if (!v || !*v) return std::nullopt;
    return std::string(v);
  }
  return std::string(text);
}

// ---- Network module -------------------------------------------------------------------

namespace {

struct ModuleState {
  std::mutex mu;
  std::string path_override;
  void* handle = nullptr;
  ProbeModuleEntry entry = nullptr;
  std::string error;  // why loading failed, kept so later runs report the same reason
  bool tried = false;
};

ModuleState& module_state() {
  static ModuleState s;
  return s;
}

// The directory of the running executable, from /proc/self/exe (so that a relocated
// install prefix works, and symlinks to the binary do not matter).
std::string exe_dir() {
  std::array<char, 4096> buf{};
  ssize_t n = readlink("/proc/self/exe", buf.data(), buf.size() - 1);
  std::string exe = n > 0 ? std::string(buf.data(), static_cast<size_t>(n)) : std::string();
  size_t slash = exe.rfind('/');
  return slash == std::string::npos ? "." : exe.substr(0, slash);
}

bool file_exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

// Where the module is looked for, in order: the explicit override, GOLIVE_NET_MODULE, then
// beside the executable (the build tree), then PREFIX/lib/golive/ for PREFIX/bin/golive
// (an install). Empty `tried` means an explicit path was given.
std::string module_path(const ModuleState& s, std::vector<std::string>& tried) {
  if (!s.path_override.empty()) return s.path_override;
  if (const char* env = std::getenv("GOLIVE_NET_MODULE"); env && *env) return env;
  std::string dir = exe_dir();
  tried = {dir + "/golive-net.so", dir + "/../lib/golive/golive-net.so"};
  for (const std::string& path : tried)
    if (file_exists(path)) return path;
  return tried.back();
}


ProbeModuleEntry load_module(std::string& error) {
  ModuleState& s = module_state();
  std::lock_guard lock(s.mu);
  if (!s.tried) {
    s.tried = true;
    std::vector<std::string> tried;
    std::string path = module_path(s, tried);
    if (!tried.empty() && !file_exists(path)) {
      s.error = message("findings.engine.probe.module_missing",
                        fmt::arg("tried", fmt::join(tried, message_text("findings.engine.join.and"))),
                        fmt::arg("fix", message_text("fixes.engine.probe.module")));
    } else if (s.handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL); !s.handle) {
      const char* why = dlerror();
      s.error = why ? message("findings.engine.probe.module_unloadable", fmt::arg("path", path), fmt::arg("why", why),
                              fmt::arg("fix", message_text("fixes.engine.probe.module")))
                    : message("findings.engine.probe.module_unloadable", fmt::arg("path", path),
                              fmt::arg("why", message_text("findings.engine.probe.unknown_error")),
                              fmt::arg("fix", message_text("fixes.engine.probe.module")));
    } else {
      s.entry = reinterpret_cast<ProbeModuleEntry>(dlsym(s.handle, kProbeModuleEntry));
      if (!s.entry)
        s.error = message("findings.engine.probe.module_entry", fmt::arg("path", path),
                          fmt::arg("entry", kProbeModuleEntry), fmt::arg("fix", message_text("fixes.engine.probe.module")));
    }
  }
  error = s.error;
  return s.entry;
}

// A timeout as `--timeout` takes it (`5s`, `200ms`): it is the option's value, in every language.
std::string format_ms(std::chrono::milliseconds ms) {
  if (ms.count() % 1000 == 0) return std::to_string(ms.count() / 1000) + "s";
  return std::to_string(ms.count()) + "ms";
}

// The reason of a network module answer, from its cause and the request, in the run's
// language; libcurl's own words stay as it wrote them.
std::string transport_reason(const HttpResponse& a, const HttpRequest& req) {
  std::string reason = message(
      "findings.engine.probe.transport." + a.cause, fmt::arg("detail", a.detail),
      fmt::arg("timeout", format_ms(req.timeout)), fmt::arg("count", req.max_redirects),
      fmt::arg("scheme", lower(std::string_view(req.url).substr(0, req.url.find("://")))), fmt::arg("bytes", req.max_body));
  if (a.tries > 1)
    reason = message("findings.engine.probe.transport.tries", fmt::arg("reason", reason), fmt::arg("tries", a.tries));
  return reason;
}

HttpResponse failed(ProbeError e, std::string reason) {
  HttpResponse r;
  r.error = e;
  r.reason = std::move(reason);
  return r;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

/// `file:///path` or `file://localhost/path`: a stat, reported like a HEAD answer.
HttpResponse stat_file(const HttpRequest& req) {
  auto start = std::chrono::steady_clock::now();
  std::string_view rest = std::string_view(req.url).substr(7);
  if (istarts_with(rest, "localhost/")) rest.remove_prefix(9);
  if (rest.empty() || rest.front() != '/')
    return failed(ProbeError::Unsupported,
                  message_text("findings.engine.probe.remote_file"));
  std::string path = percent_decode(rest.substr(0, rest.find_first_of("?#")));
  HttpResponse r;
  r.tries = 1;
  r.effective_url = redact(req.url);
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    int err = errno;
    r.error = err == ENOENT || err == ENOTDIR ? ProbeError::NotFound : ProbeError::Other;
    r.reason = fmt::format("{}: {}", path, std::strerror(err));
  } else if (!S_ISREG(st.st_mode)) {
    r.error = ProbeError::NotFound;
    r.reason = message("findings.engine.probe.not_a_file", fmt::arg("path", path));
  } else {
    r.status = 200;
    r.file_size = static_cast<int64_t>(st.st_size);
    r.file_mtime = Instant{std::chrono::seconds(st.st_mtim.tv_sec)};
  }
  r.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  return r;
}

std::string env_or(const char* name, std::string fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::string(v) : std::move(fallback);
}

/// Turns `s3://bucket/key` into a signed path-style HEAD on the configured endpoint.
std::optional<HttpResponse> resolve_s3(HttpRequest& req) {
  std::string_view rest = std::string_view(req.url).substr(5);
  size_t slash = rest.find('/');
  if (rest.empty() || slash == 0 || slash == std::string_view::npos || slash + 1 == rest.size())
    return failed(ProbeError::Unsupported,
                  message_text("findings.engine.probe.bad_s3_url"));
  std::string region = env_or("AWS_REGION", env_or("AWS_DEFAULT_REGION", "us-east-1"));
  std::string endpoint = env_or("GOLIVE_S3_ENDPOINT", env_or("AWS_ENDPOINT_URL", ""));
  if (endpoint.empty()) endpoint = fmt::format("https://s3.{}.amazonaws.com", region);
  while (!endpoint.empty() && endpoint.back() == '/') endpoint.pop_back();
  if (!req.sigv4) {
    AwsSigV4 sig;
    sig.region = region;
    sig.access_key = env_or("AWS_ACCESS_KEY_ID", "");
    sig.secret_key = env_or("AWS_SECRET_ACCESS_KEY", "");
    if (sig.access_key.empty() || sig.secret_key.empty())
      return failed(ProbeError::Credentials,
                    message_text("findings.engine.probe.no_aws_keys"));
    if (std::string token = env_or("AWS_SESSION_TOKEN", ""); !token.empty())
      req.headers.emplace_back("x-amz-security-token", token);
    req.sigv4 = std::move(sig);
  }
  // S3 requires the payload hash header, and libcurl before 8.0 does not add it: a HEAD
  // has an empty payload, whose SHA-256 this is. libcurl signs it with the x-amz-date.
  req.headers.emplace_back("x-amz-content-sha256",
                           "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  req.method = HttpMethod::Head;
  // Debian's libcurl (7.88) signs the path exactly as it is in the URL, and S3 signs the
  // canonical URI (each segment encoded once), so the URL must carry the canonical form.
  req.url = fmt::format("{}/{}/{}", endpoint, s3_key_path(rest.substr(0, slash)),
                        s3_key_path(rest.substr(slash + 1)));
  return std::nullopt;
}

/// Every secret a request carries, longest first, for scrubbing responses.
std::vector<std::string> secrets_of(const HttpRequest& req) {
  std::vector<std::string> out;
  if (!req.bearer_token.empty()) out.push_back(req.bearer_token);
  if (req.sigv4) {
    out.push_back(req.sigv4->access_key);
    out.push_back(req.sigv4->secret_key);
  }
  for (const auto& [k, v] : req.headers)
    if (iequals(k, "authorization") || iequals(k, "x-amz-security-token")) out.push_back(v);
  size_t scheme_end = req.url.find("://");
  if (scheme_end != std::string::npos) {
    size_t start = scheme_end + 3;
    size_t end = req.url.find_first_of("/?#", start);
    std::string auth = req.url.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (size_t at = auth.rfind('@'); at != std::string::npos) {
      std::string userinfo = auth.substr(0, at);
      out.push_back(userinfo);
      if (size_t colon = userinfo.find(':'); colon != std::string::npos) {
        out.push_back(userinfo.substr(colon + 1));
        out.push_back(percent_decode(userinfo.substr(colon + 1)));
      }
    }
  }
  std::erase_if(out, [](const std::string& s) { return s.size() < 3; });
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return out;
}

void scrub(std::string& text, const std::vector<std::string>& secrets) {
  for (const auto& s : secrets) {
    for (size_t pos = text.find(s); pos != std::string::npos; pos = text.find(s, pos + 3))
      text.replace(pos, s.size(), "***");
  }
}

}  // namespace

namespace {

std::mutex& network_mutex() {
  static std::mutex m;
  return m;
}

std::atomic<size_t>& in_flight_counter() {
  static std::atomic<size_t> n{0};
  return n;
}

}  // namespace

size_t probes_under_way() { return in_flight_counter().load(); }

bool probe_module_loaded() {
  ModuleState& s = module_state();
  std::lock_guard lock(s.mu);
  return s.entry != nullptr;
}

void set_probe_module_path(std::string path) {
  ModuleState& s = module_state();
  std::lock_guard lock(s.mu);
  s.path_override = std::move(path);
}

std::vector<HttpResponse> execute_probes(const std::vector<HttpRequest>& requests,
                                         const ProbeSettings& settings) {
  std::vector<HttpResponse> out(requests.size());
  ProbeSettings effective = settings;
  if (effective.ca_bundle.empty()) effective.ca_bundle = env_or("GOLIVE_CA_BUNDLE", "");
  if (effective.concurrency < 1) effective.concurrency = 1;

  std::vector<HttpRequest> network;
  std::vector<size_t> network_index;
  for (size_t i = 0; i < requests.size(); ++i) {
    HttpRequest req = requests[i];
    std::string scheme = lower(std::string_view(req.url).substr(0, req.url.find("://")));
    if (req.url.find("://") == std::string::npos) {
      out[i] = failed(ProbeError::Unsupported,
                      message_text("findings.engine.probe.not_a_url"));
      continue;
    }
    if (scheme == "file") {
      out[i] = stat_file(req);
      continue;
    }
    if (scheme == "s3") {
      if (auto err = resolve_s3(req)) {
        out[i] = std::move(*err);
        continue;
      }
    } else if (scheme != "http" && scheme != "https") {
      out[i] = failed(ProbeError::Unsupported,
                      message("findings.engine.probe.bad_scheme", fmt::arg("scheme", scheme)));
      continue;
    }
    if (!req.bearer_token.empty()) {
      auto token = resolve_secret(req.bearer_token);
      if (!token) {
        out[i] = failed(ProbeError::Credentials,
                        message("findings.engine.probe.no_token", fmt::arg("token", req.bearer_token)));
        continue;
      }
      req.bearer_token = *token;
    }
    if (req.timeout.count() <= 0) req.timeout = effective.timeout;
    if (req.ca_bundle.empty()) req.ca_bundle = effective.ca_bundle;
    network.push_back(std::move(req));
    network_index.push_back(i);
  }
  if (network.empty()) return out;

  std::string load_error;
  ProbeModuleEntry entry = load_module(load_error);
  std::vector<HttpResponse> answers(network.size());
  if (!entry) {
    for (auto& a : answers) a = failed(ProbeError::Module, load_error);
  } else {
    // One batch on the network at a time, whichever plan's thread sends it: each batch keeps
    // at most `concurrency` in flight, so the bound holds for the whole run, not per plan.
    std::lock_guard lock(network_mutex());
    in_flight_counter().store(network.size());
    entry(network.data(), answers.data(), answers.size(), &effective);
    in_flight_counter().store(0);
  }
  for (size_t j = 0; j < network.size(); ++j) {
    HttpResponse& a = answers[j];
    if (!a.cause.empty()) {
      a.reason = transport_reason(a, network[j]);
      a.cause.clear();
      a.detail.clear();
    }
    auto secrets = secrets_of(requests[network_index[j]]);
    auto more = secrets_of(network[j]);
    secrets.insert(secrets.end(), more.begin(), more.end());
    std::sort(secrets.begin(), secrets.end(), [](const auto& x, const auto& y) { return x.size() > y.size(); });
    scrub(a.reason, secrets);
    a.effective_url = redact(a.effective_url);
    scrub(a.effective_url, secrets);
    for (auto& [k, v] : a.headers) scrub(v, secrets);
    out[network_index[j]] = std::move(a);
  }
  return out;
}

void run_probes(std::vector<PendingProbe> probes, const ProbeSettings& settings) {
  if (probes.empty()) return;
  std::vector<HttpRequest> requests;
  requests.reserve(probes.size());
  for (const auto& p : probes) requests.push_back(p.request);
  auto answers = execute_probes(requests, settings);
  // Answers that say "not yet" are asked again, all together, until they stop saying so or
  // the run's --timeout has passed since the first round ended.
  const auto deadline = std::chrono::steady_clock::now() + settings.timeout;
  while (true) {
    std::vector<size_t> again;
    std::chrono::milliseconds delay = std::chrono::milliseconds::max();
    for (size_t i = 0; i < probes.size(); ++i) {
      if (!probes[i].request.ask_again) continue;
      auto d = probes[i].request.ask_again(answers[i]);
      if (d.count() <= 0) continue;
      again.push_back(i);
      delay = std::min(delay, d);
    }
    if (again.empty() || std::chrono::steady_clock::now() + delay > deadline) break;
    std::this_thread::sleep_for(delay);
    std::vector<HttpRequest> retry;
    for (size_t i : again) retry.push_back(requests[i]);
    auto fresh = execute_probes(retry, settings);
    for (size_t j = 0; j < again.size(); ++j) answers[again[j]] = std::move(fresh[j]);
  }
  for (size_t i = 0; i < probes.size(); ++i)
    if (probes[i].done) probes[i].done(answers[i]);
}

}  // namespace golive
