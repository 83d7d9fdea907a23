#pragma once
/// Live probes: how a check asks a question of the running world (SPEC §5 "live").
///
/// Design
/// - A check never does I/O in run(). It describes a request (HttpRequest) and queues it with
///   `ctx.probe(request, done)`. With `--offline` nothing is queued: the check reports the
///   live part as `skip` itself (ctx.offline() is true).
/// - After every check of a plan has run, the runner hands all queued requests to
///   execute_probes() at once, so they are in flight together (up to `concurrency`), then
///   calls each `done` callback in the order the probes were queued (deterministic
///   reports), and the callbacks add findings to the Context they captured.
/// - `file://` is answered here with a local stat. Every other scheme goes to the network
///   module (`golive-net.so`, libcurl multi), loaded with dlopen on the first network probe
///   only: commands and runs that probe nothing never load libcurl (as git keeps curl in
///   git-remote-https).
/// - A probe that cannot run is never an exception: the response says why (ProbeError and
///   a reason), and the check turns it into an `error` finding, which blocks a gate.
/// - Secrets (bearer tokens, S3 keys, userinfo in URLs) live only in the request. Anything
///   shown to a user goes through redact(); responses are scrubbed of every secret of
///   their request before the callback sees them.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "checks/engine/redact.h"
#include "checks/engine/values.h"

namespace golive {

/// HTTP method of a probe. Both are idempotent, so both are retried.
enum class HttpMethod { Get, Head };

/// AWS Signature Version 4 signing (libcurl CURLOPT_AWS_SIGV4). Filled in from the
/// environment for `s3://` URLs by s3_request(); may be set by hand for other
/// SigV4-signed services.
struct AwsSigV4 {
  std::string provider = "aws:amz";  ///< "provider1[:provider2]" as libcurl takes it
  std::string region = "us-east-1";
  std::string service = "s3";
  std::string access_key{};  ///< secret: never printed
  std::string secret_key{};  ///< secret: never printed
};

struct HttpResponse;

/// One live question: a URL to GET or HEAD.
struct HttpRequest {
  HttpMethod method = HttpMethod::Get;
  /// `http://`, `https://`, `s3://bucket/key` (HEAD, SigV4, path-style on the configured
  /// endpoint) or `file:///path` (a local stat, never the network).
  std::string url{};
  /// Extra request headers, name and value. Never put a secret here: use bearer_token.
  std::vector<std::pair<std::string, std::string>> headers{};
  /// Limit for one try (connect + transfer); zero = the run's `--timeout`.
  std::chrono::milliseconds timeout{0};
  /// Attempts in all. Refused, reset, timed-out and DNS failures, 408, 429 and 5xx are
  /// retried after `backoff`, doubled each time; TLS, redirect and body-size failures are
  /// final at once.
  int tries = 3;
  /// Wait before the second try; doubled before each further try.
  std::chrono::milliseconds backoff{200};
  /// Sent as `Authorization: Bearer …`; a secret, never printed.
  std::string bearer_token{};
  /// SigV4 signing; set for `s3://` by execute_probes() when absent.
  std::optional<AwsSigV4> sigv4{};
  /// Larger bodies end the probe with ProbeError::TooLarge.
  size_t max_body = 8 * 1024 * 1024;
  /// PEM file of trusted CAs; empty = the run's bundle, else the system store. TLS
  /// verification is never turned off.
  std::string ca_bundle{};
  /// Redirects followed (never to another scheme); more is ProbeError::Redirect.
  int max_redirects = 5;
  /// For answers that say "not yet" (a rule Prometheus has not evaluated, a target it has
  /// not scraped): when set and it returns a positive delay for an answer, run_probes()
  /// sends the request again after that delay, for as long as the run's `--timeout` (from
  /// the end of the first round) allows; the callback then sees the last answer. Never
  /// used by the network module.
  std::function<std::chrono::milliseconds(const HttpResponse&)> ask_again{};
};

/// Why a probe got no HTTP answer.
enum class ProbeError {
  None,         ///< an HTTP status was received (any status, 5xx included)
  Refused,      ///< connection refused or reset
  Dns,          ///< host name did not resolve
  Timeout,      ///< no complete answer within the timeout
  Tls,          ///< certificate or handshake failure
  Redirect,     ///< too many redirects, or a redirect to another scheme
  TooLarge,     ///< body above max_body
  NotFound,     ///< `file://` path does not exist
  Unsupported,  ///< scheme not probed (ftp:…), or s3 without endpoint
  Credentials,  ///< s3:// without AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or unset `${env:…}`
  Module,       ///< the network module could not be loaded
  Other,        ///< anything else libcurl or the OS reported
};

/// `refused`, `dns`, `timeout`, `tls`, `redirect`, `too-large`, `not-found`…
std::string_view to_string(ProbeError e);

/// The answer to one HttpRequest.
struct HttpResponse {
  ProbeError error = ProbeError::None;
  /// Human-readable cause when error != None ("connection refused (3 tries)"), in the run's
  /// language; redacted.
  std::string reason;
  long status = 0;  ///< HTTP status of the last try; 0 without one
  /// Response headers of the final answer, names lower-cased, in received order.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;  ///< empty for HEAD; at most max_body bytes
  std::chrono::milliseconds elapsed{0};  ///< all tries, waits included
  int tries = 0;                          ///< attempts made
  std::string effective_url;  ///< after redirects; redacted
  /// Set by the network module instead of `reason`, which execute_probes() then writes in
  /// the run's language: what happened, as the last part of the catalogue key
  /// `findings.engine.probe.transport.<cause>` (`refused`, `closed`, `dns`, `timeout`, `tls`,
  /// `redirects`, `other_scheme`, `too_large`, `other`, `no_libcurl`, `failed`), and the
  /// transport's own words for it (libcurl's, English: "Could not resolve host: …"), or "".
  /// Both are cleared once `reason` is written.
  std::string cause;
  std::string detail;

  // `file://` answers: the stat result is reported as status 200 with these set.
  std::optional<int64_t> file_size;
  std::optional<Instant> file_mtime;

  /// True when an HTTP status (or a file stat) was obtained.
  bool transport_ok() const { return error == ProbeError::None; }
  /// First header of that name (case-insensitive), or nullptr.
  const std::string* header(std::string_view name) const;
  /// Content-Length (or the file size), when known.
  std::optional<int64_t> content_length() const;
  /// Last-Modified or the file mtime, when known: nullopt when the header is absent or is
  /// not an HTTP date (see parse_http_date(); last_modified_invalid() tells the two apart).
  std::optional<Instant> last_modified() const;
  /// True when a Last-Modified header is present but is not an HTTP date.
  bool last_modified_invalid() const;
};

/// Bounds of a probe's time per try, for `--timeout` and a health check's own `timeout`
/// alike: a try shorter than a second cannot even set up TLS reliably, and an hour is the
/// longest a typo may hold a pipeline (`timeout: 52w` is refused, not waited for).
inline constexpr Duration kMinProbeTimeout{1}, kMaxProbeTimeout{3600};

/// Run-wide probe settings, from RunOptions (`--concurrency`, `--timeout`).
struct ProbeSettings {
  int concurrency = 64;                       ///< probes in flight at once
  std::chrono::milliseconds timeout{5000};    ///< per try, when the request sets none
  std::string ca_bundle{};                    ///< default CA bundle; env GOLIVE_CA_BUNDLE
};

/// Called with the answer once every probe of the run has finished.
using ProbeCallback = std::function<void(const HttpResponse&)>;

/// A probe queued by a check, waiting for the runner.
struct PendingProbe {
  HttpRequest request;
  ProbeCallback done{};
};

/// Live probes of the batch on the network now (sent or waiting for one of the
/// `concurrency` slots), 0 between batches; for progress displays. Thread-safe.
size_t probes_under_way();

/// Runs every pending probe together (execute_probes), then calls each callback in queue
/// order. The runner calls it once per plan, after every check's run().
void run_probes(std::vector<PendingProbe> probes, const ProbeSettings& settings);

/// Runs the requests together and returns one response per request, in order. Never
/// throws for a probe that fails; file:// is answered locally, the rest by the network
/// module, which is loaded on first use.
std::vector<HttpResponse> execute_probes(const std::vector<HttpRequest>& requests,
                                         const ProbeSettings& settings);

/// RFC 3986 percent-encoding of a query parameter value: unreserved characters stay, every
/// other byte becomes %XX (so `+`, `&`, `=` and spaces in a PromQL query survive the trip).
std::string percent_encode(std::string_view s);

/// True for an `http://` or `https://` URL (scheme in any case) with something after the
/// scheme: what a health check or a dashboard link must be.
bool is_http_url(std::string_view url);

/// `${env:NAME}` → the value of NAME (nullopt when unset or empty); other text as is.
std::optional<std::string> resolve_secret(std::string_view text);

/// Parses an HTTP date in any of the three forms RFC 9110 §5.6.7 requires recipients to
/// accept — IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`, obsolete RFC 850
/// `Sunday, 06-Nov-94 08:49:37 GMT` (a two-digit year more than 50 years ahead of the
/// current one is taken in the past century) and asctime `Sun Nov  6 08:49:37 1994` — and
/// the common variant with `+0000` (or `UTC`) in place of `GMT`. Day and month names are
/// case-sensitive as the grammar says; the day name must be a real one (its agreement with
/// the date is not checked, as RFC 9110 does not require it). Leading and trailing spaces
/// are ignored. nullopt when malformed, or for an impossible date or time
/// (`31 Feb`, `25:00:00`).
std::optional<Instant> parse_http_date(std::string_view text);

/// An S3 object key as it goes in the request path: every byte outside the SigV4
/// unreserved set `A-Z a-z 0-9 - . _ ~` percent-encoded as `%XX` (upper-case hex), `/`
/// kept, so that the path libcurl signs is the canonical URI S3 computes (each segment
/// URI-encoded once: `settlement db/备份.dump` → `settlement%20db/%E5%A4%87%E4%BB%BD.dump`).
/// The key is taken literally, as `aws s3` takes `s3://` URIs: a `%` is a percent sign.
std::string s3_key_path(std::string_view key);

/// True when the network module (libcurl) has been loaded into this process.
bool probe_module_loaded();

/// Where to find `golive-net.so`: overrides the environment variable GOLIVE_NET_MODULE
/// and the default (next to the running executable).
void set_probe_module_path(std::string path);

/// ABI of the network module: the entry point it exports, and its version.
inline constexpr int kProbeModuleAbi = 3;
inline constexpr const char* kProbeModuleEntry = "golive_net_execute_v3";
/// Signature of the module entry: fills `out[i]` for each of the `n` requests
/// (all http(s), s3 already resolved to http(s) with sigv4 set).
using ProbeModuleEntry = void (*)(const HttpRequest* requests, HttpResponse* out, size_t n,
                                  const ProbeSettings* settings);

}  // namespace golive
