// The network module (golive-net.so): runs http(s) probes over the libcurl multi interface.
// Loaded with dlopen by checks/engine/probe.cpp on the first network probe only, so runs
// that probe nothing never load libcurl. It receives requests already resolved (s3:// is a
// signed https/http HEAD by now, `${env:…}` tokens are values) and fills one response per
// request; it never throws across the C entry point.

#include <curl/curl.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "checks/engine/probe.h"

namespace golive {
namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

struct Transfer {
  size_t index = 0;
  const HttpRequest* req = nullptr;
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  int attempt = 0;
  Clock::time_point first_start{};
  Clock::time_point due{};  // when a retry may start
  std::string body;
  std::vector<std::pair<std::string, std::string>> response_headers;
  bool too_large = false;
  char errbuf[CURL_ERROR_SIZE] = {};
};

size_t on_body(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t len = size * n;
  if (t->body.size() + len > t->req->max_body) {
    t->too_large = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  t->body.append(data, len);
  return len;
}

size_t on_header(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t len = size * n;
  std::string_view line(data, len);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.remove_suffix(1);
  if (line.starts_with("HTTP/")) {
    t->response_headers.clear();  // a new response (after a redirect or 100-continue)
    return len;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return len;
  std::string name(line.substr(0, colon));
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  t->response_headers.emplace_back(std::move(name), std::string(value));
  return len;
}

std::string scheme_of(const std::string& url) {
  std::string s = url.substr(0, url.find("://"));
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

bool start(Transfer& t, CURLM* multi) {
  const HttpRequest& r = *t.req;
  t.easy = curl_easy_init();
  if (!t.easy) return false;
  t.body.clear();
  t.response_headers.clear();
  t.too_large = false;
  t.errbuf[0] = '\0';
  ++t.attempt;
  CURL* e = t.easy;
  curl_easy_setopt(e, CURLOPT_URL, r.url.c_str());
  curl_easy_setopt(e, CURLOPT_PRIVATE, &t);
  curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t.errbuf);
  curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(e, CURLOPT_USERAGENT, "golive/" GOLIVE_VERSION);
  curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
  // Redirects stay on the scheme the plan wrote: an https probe never lands on http.
  std::string scheme = scheme_of(r.url);
  curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, scheme.c_str());
  curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, r.max_redirects > 0 ? 1L : 0L);
  curl_easy_setopt(e, CURLOPT_MAXREDIRS, static_cast<long>(std::max(0, r.max_redirects)));
  curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(r.timeout.count()));
  curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(r.timeout.count()));
  // TLS verification is always on; a private CA is trusted by naming its bundle.
  curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!r.ca_bundle.empty()) curl_easy_setopt(e, CURLOPT_CAINFO, r.ca_bundle.c_str());
  curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(e, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(e, CURLOPT_HEADERDATA, &t);
  if (r.method == HttpMethod::Head) {
    curl_easy_setopt(e, CURLOPT_NOBODY, 1L);
  } else {
    // Only for GET: with HEAD, libcurl would refuse a large object by its Content-Length.
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(r.max_body));
  }
  if (!r.bearer_token.empty()) {
    curl_easy_setopt(e, CURLOPT_HTTPAUTH, CURLAUTH_BEARER);
    curl_easy_setopt(e, CURLOPT_XOAUTH2_BEARER, r.bearer_token.c_str());
  }
  if (r.sigv4) {
    std::string provider = r.sigv4->provider + ":" + r.sigv4->region + ":" + r.sigv4->service;
    curl_easy_setopt(e, CURLOPT_AWS_SIGV4, provider.c_str());  // copied by libcurl
    curl_easy_setopt(e, CURLOPT_USERNAME, r.sigv4->access_key.c_str());
    curl_easy_setopt(e, CURLOPT_PASSWORD, r.sigv4->secret_key.c_str());
  }
  curl_slist_free_all(t.headers);
  t.headers = nullptr;
  for (const auto& [k, v] : r.headers) t.headers = curl_slist_append(t.headers, (k + ": " + v).c_str());
  if (t.headers) curl_easy_setopt(e, CURLOPT_HTTPHEADER, t.headers);
  if (curl_multi_add_handle(multi, e) != CURLM_OK) {
    curl_easy_cleanup(e);
    t.easy = nullptr;
    return false;
  }
  return true;
}

/// Classifies a finished try. Returns true when the answer is final.
bool finish(Transfer& t, CURLcode code, HttpResponse& out, bool last_try) {
  const HttpRequest& r = *t.req;
  long status = 0;
  curl_easy_getinfo(t.easy, CURLINFO_RESPONSE_CODE, &status);
  long redirects = 0;
  curl_easy_getinfo(t.easy, CURLINFO_REDIRECT_COUNT, &redirects);
  char* effective = nullptr;
  curl_easy_getinfo(t.easy, CURLINFO_EFFECTIVE_URL, &effective);

  out = HttpResponse{};
  out.tries = t.attempt;
  out.effective_url = effective ? effective : r.url;
  bool retryable = false;
  // The module says what happened (a cause and libcurl's own words); execute_probes() writes
  // the reason in the run's language, since the catalogues live in the main binary.
  std::string detail = t.errbuf[0] ? std::string(t.errbuf) : std::string(curl_easy_strerror(code));
  switch (code) {
    case CURLE_OK:
      out.status = status;
      out.headers = std::move(t.response_headers);
      out.body = std::move(t.body);
      retryable = status == 408 || status == 429 || status >= 500;
      break;
    case CURLE_COULDNT_CONNECT:
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
      out.error = ProbeError::Refused;
      out.cause = code == CURLE_COULDNT_CONNECT ? "refused" : "closed";
      retryable = true;
      break;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      out.error = ProbeError::Dns;
      out.cause = "dns";
      out.detail = detail;
      retryable = true;
      break;
    case CURLE_OPERATION_TIMEDOUT:
      out.error = ProbeError::Timeout;
      out.cause = "timeout";
      retryable = true;
      break;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE:
      out.error = ProbeError::Tls;
      out.cause = "tls";
      out.detail = detail;
      break;
    case CURLE_TOO_MANY_REDIRECTS:
      out.error = ProbeError::Redirect;
      out.cause = "redirects";
      break;
    case CURLE_UNSUPPORTED_PROTOCOL:
      if (redirects > 0 || t.response_headers.size() > 0) {
        out.error = ProbeError::Redirect;
        out.cause = "other_scheme";
      } else {
        out.error = ProbeError::Unsupported;
        out.cause = "other";
        out.detail = detail;
      }
      break;
    case CURLE_FILESIZE_EXCEEDED:
    case CURLE_WRITE_ERROR:
      if (code == CURLE_FILESIZE_EXCEEDED || t.too_large) {
        out.error = ProbeError::TooLarge;
        out.cause = "too_large";
        break;
      }
      [[fallthrough]];
    default:
      out.error = ProbeError::Other;
      out.cause = "other";
      out.detail = detail;
      retryable = true;
      break;
  }
  return !retryable || last_try;
}

void execute(const HttpRequest* requests, HttpResponse* out, size_t n, const ProbeSettings& settings) {
  static std::once_flag init;
  std::call_once(init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });

  CURLM* multi = curl_multi_init();
  if (!multi) {
    for (size_t i = 0; i < n; ++i) {
      out[i].error = ProbeError::Other;
      out[i].cause = "no_libcurl";
    }
    return;
  }
  std::vector<std::unique_ptr<Transfer>> transfers;
  std::deque<Transfer*> ready;
  std::vector<Transfer*> waiting;  // retries not yet due
  for (size_t i = 0; i < n; ++i) {
    auto t = std::make_unique<Transfer>();
    t->index = i;
    t->req = &requests[i];
    ready.push_back(t.get());
    transfers.push_back(std::move(t));
  }
  size_t remaining = n;
  int active = 0;
  size_t limit = static_cast<size_t>(std::max(1, settings.concurrency));

  while (remaining > 0) {
    auto now = Clock::now();
    for (auto it = waiting.begin(); it != waiting.end();) {
      if ((*it)->due <= now) {
        ready.push_back(*it);
        it = waiting.erase(it);
      } else {
        ++it;
      }
    }
    while (!ready.empty() && static_cast<size_t>(active) < limit) {
      Transfer* t = ready.front();
      ready.pop_front();
      if (t->attempt == 0) t->first_start = Clock::now();
      if (start(*t, multi)) {
        ++active;
      } else {
        out[t->index].error = ProbeError::Other;
        out[t->index].reason = "libcurl could not start a transfer";
        --remaining;
      }
    }
    int running = 0;
    curl_multi_perform(multi, &running);
    int queued = 0;
    while (CURLMsg* msg = curl_multi_info_read(multi, &queued)) {
      if (msg->msg != CURLMSG_DONE) continue;
      Transfer* t = nullptr;
      curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, reinterpret_cast<char**>(&t));
      CURLcode code = msg->data.result;
      curl_multi_remove_handle(multi, t->easy);
      --active;
      HttpResponse answer;
      bool last = t->attempt >= std::max(1, t->req->tries);
      bool final = finish(*t, code, answer, last);
      curl_easy_cleanup(t->easy);
      t->easy = nullptr;
      if (final) {
        answer.elapsed = std::chrono::duration_cast<milliseconds>(Clock::now() - t->first_start);
        out[t->index] = std::move(answer);
        curl_slist_free_all(t->headers);
        t->headers = nullptr;
        --remaining;
      } else {
        t->due = Clock::now() + t->req->backoff * (1 << std::min(t->attempt - 1, 10));
        waiting.push_back(t);
      }
    }
    if (remaining == 0) break;
    // Sleep until libcurl has work or the next retry is due, whichever comes first.
    long wait_ms = 1000;
    if (!ready.empty() && static_cast<size_t>(active) < limit) wait_ms = 0;
    for (Transfer* t : waiting) {
      auto left = std::chrono::duration_cast<milliseconds>(t->due - Clock::now()).count();
      wait_ms = std::min(wait_ms, std::max(0L, static_cast<long>(left)));
    }
    long curl_wait = -1;
    curl_multi_timeout(multi, &curl_wait);
    if (curl_wait >= 0) wait_ms = std::min(wait_ms, curl_wait);
    if (wait_ms > 0) curl_multi_poll(multi, nullptr, 0, static_cast<int>(wait_ms), nullptr);
  }
  curl_multi_cleanup(multi);
}

}  // namespace
}  // namespace golive

extern "C" __attribute__((visibility("default"))) void golive_net_execute_v3(
    const golive::HttpRequest* requests, golive::HttpResponse* out, size_t n,
    const golive::ProbeSettings* settings) {
  try {
    golive::execute(requests, out, n, *settings);
  } catch (const std::exception& e) {
    for (size_t i = 0; i < n; ++i) {
      if (out[i].transport_ok() && out[i].status == 0) {
        out[i].error = golive::ProbeError::Other;
        out[i].cause = "failed";
        out[i].detail = e.what();
      }
    }
  }
}
