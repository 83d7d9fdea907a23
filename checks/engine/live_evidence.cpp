#include "checks/engine/live_evidence.h"
#include "checks/engine/i18n.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "checks/engine/redact.h"
#include "checks/monitoring/monitoring_api.h"

namespace golive {
namespace {

const PrometheusRef* prometheus_of(const Plan& plan) {
  return plan.monitoring && plan.monitoring->prometheus && plan.monitoring->prometheus->url
             ? &*plan.monitoring->prometheus
             : nullptr;
}

bool is_file(const std::string& location) {
  return location.size() >= 7 && (location.compare(0, 7, "file://") == 0 ||
                                  location.compare(0, 7, "FILE://") == 0);
}

// When Prometheus evaluates the query: the as-of instant, or now when that is later (a
// forecast has no future samples to read; the latest value known is the evidence).
Instant evaluation_time(Instant as_of) {
  const Instant now{std::chrono::floor<std::chrono::microseconds>(std::chrono::system_clock::now())};
  return std::min(as_of, now);
}

// Unix seconds with the microseconds of an instant: what Prometheus's `time` takes.
std::string unix_seconds(Instant t) {
  const int64_t us = t.time_since_epoch().count();
  const int64_t whole = us >= 0 ? us / 1'000'000 : -((-us + 999'999) / 1'000'000);
  const int64_t rest = us - whole * 1'000'000;
  return rest == 0 ? std::to_string(whole) : fmt::format("{}.{:06}", whole, rest);
}

// `name{a="x", b="y"}`: a series of a query result, for messages.
std::string series_of(const nlohmann::json& sample) {
  return series_name(sample.is_object() && sample.contains("metric") ? sample["metric"] : nlohmann::json());
}

ReadInstant problem(ReadInstant r, std::string message, std::string remediation) {
  r.at.reset();
  r.status = Status::Error;
  r.problem = std::move(message);
  r.remediation = std::move(remediation);
  return r;
}

// Fail closed on the instant itself: a timestamp after the as-of instant is a clock or a
// query that is wrong, never evidence of a success.
ReadInstant dated(ReadInstant r, Instant t, Instant as_of, const Plan& plan, const std::string& key,
                  const std::string& said_from, const std::string& remediation) {
  if (t > as_of) {
    std::string text = message("findings.engine.live.future", fmt::arg("key", key), fmt::arg("from", said_from),
                               fmt::arg("at", say_instant(t, plan.zone())), fmt::arg("ahead", say_duration(t - as_of)),
                               fmt::arg("as_of", say_instant(as_of, plan.zone())));
    return problem(std::move(r), std::move(text), remediation);
  }
  r.at = t;
  r.status = Status::Pass;
  return r;
}

ReadInstant read_prometheus(const Plan& plan, const std::string& key, const std::string& said_from,
                            Instant as_of, const HttpResponse& http, ReadInstant r) {
  const PrometheusRef* prom = prometheus_of(plan);
  const std::string shown = prom ? redact(*prom->url) : "";
  const std::string fix_query = message("fixes.engine.live.query", fmt::arg("key", key));
  const std::string reach = message("fixes.engine.live.prometheus_unreachable");
  std::string why;
  const std::optional<nlohmann::json> data = api_json(http, true, why);
  if (!data) {
    // 400 and 422 are Prometheus refusing the expression; anything else is about reaching it.
    const bool bad_query = http.transport_ok() && (http.status == 400 || http.status == 422);
    return problem(std::move(r),
                   message("findings.engine.live.ask_failed", fmt::arg("key", key), fmt::arg("url", shown),
                           fmt::arg("why", why)),
                   bad_query ? fix_query : reach);
  }
  const nlohmann::json type = data->is_object() && data->contains("resultType") ? (*data)["resultType"]
                                                                                : nlohmann::json();
  const nlohmann::json result = data->is_object() && data->contains("result") ? (*data)["result"]
                                                                              : nlohmann::json();
  nlohmann::json sample;
  std::string series;
  if (type == "scalar") {
    sample = result;
  } else if (type == "vector" && result.is_array()) {
    if (result.empty())
      return problem(std::move(r),
                     message("findings.engine.live.no_series", fmt::arg("key", key),
                             fmt::arg("at", say_instant(evaluation_time(as_of), plan.zone()))),
                     fix_query);
    if (result.size() > 1) {
      std::string names;
      for (size_t i = 0; i < result.size() && i < 3; ++i)
        names += (i ? ", " : "") + series_of(result[i]);
      if (result.size() > 3) names += ", …";
      r.evidence.emplace_back("series", result.size());
      return problem(std::move(r),
                     message("findings.engine.live.many_series", fmt::arg("key", key),
                             fmt::arg("count", result.size()), fmt::arg("series", names)),
                     fix_query);
    }
    sample = result[0].is_object() && result[0].contains("value") ? result[0]["value"] : nlohmann::json();
    series = series_of(result[0]);
  } else {
    return problem(std::move(r),
                   type.is_string()
                       ? message("findings.engine.live.wrong_result_type", fmt::arg("key", key),
                                 fmt::arg("type", type.get<std::string>()))
                       : message("findings.engine.live.no_result_type", fmt::arg("key", key), fmt::arg("url", shown)),
                   fix_query);
  }
  if (!sample.is_array() || sample.size() != 2 || !sample[1].is_string())
    return problem(std::move(r),
                   message("findings.engine.live.no_value", fmt::arg("key", key), fmt::arg("url", shown)),
                   fix_query);
  const std::string text = sample[1].get<std::string>();
  r.evidence.emplace_back("value", text);
  if (!series.empty()) r.evidence.emplace_back("series", series);
  // from_chars takes no leading '+' ("+Inf"); it is locale-independent, unlike strtod.
  const size_t plus = text.size() > 1 && text[0] == '+' ? 1 : 0;
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data() + plus, text.data() + text.size(), v);
  if (ec != std::errc() || end != text.data() + text.size())
    return problem(std::move(r), message("findings.engine.live.not_a_number", fmt::arg("key", key), fmt::arg("value", text)),
                   fix_query);
  if (!std::isfinite(v))
    return problem(std::move(r),
                   message("findings.engine.live.not_finite", fmt::arg("key", key), fmt::arg("value", text)),
                   fix_query);
  if (v < 0)
    return problem(std::move(r),
                   message("findings.engine.live.negative", fmt::arg("key", key), fmt::arg("value", text)),
                   fix_query);
  // Compared as seconds first: a value too large for an instant is simply in the future.
  const double as_of_seconds =
      static_cast<double>(as_of.time_since_epoch().count()) / 1e6;
  if (v > as_of_seconds && v > 253402300799.0) {  // after 9999-12-31: no instant to print
    std::string said = message("findings.engine.live.far_future", fmt::arg("key", key), fmt::arg("from", said_from),
                               fmt::arg("value", text), fmt::arg("as_of", say_instant(as_of, plan.zone())));
    return problem(std::move(r), std::move(said), fix_query);
  }
  const Instant t{std::chrono::microseconds(std::llround(v * 1e6))};
  return dated(std::move(r), t, as_of, plan, key, said_from, fix_query);
}

ReadInstant read_object(const Plan& plan, const Text& location, const std::string& key,
                        const std::string& said_from, Instant as_of, const HttpResponse& http, ReadInstant r) {
  const std::string where = redact(location.value_or(""));
  const std::string reach = message("fixes.engine.live.location_unreachable");
  const std::string record_date = message("fixes.engine.live.record_date");
  if (!http.transport_ok())
    return problem(std::move(r),
                   message("findings.engine.live.unreadable", fmt::arg("key", key), fmt::arg("location", where),
                           fmt::arg("why", http.reason)),
                   http.error == ProbeError::NotFound ? message("fixes.engine.live.no_dump") : reach);
  if (http.status < 200 || http.status > 299)
    return problem(std::move(r),
                   message("findings.engine.live.http_status", fmt::arg("key", key), fmt::arg("location", where),
                           fmt::arg("status", http.status)),
                   http.status == 404 || http.status == 410 ? message("fixes.engine.live.no_dump") : reach);
  if (http.last_modified_invalid())
    return problem(std::move(r),
                   message("findings.engine.live.bad_last_modified", fmt::arg("key", key), fmt::arg("location", where),
                           fmt::arg("value", *http.header("last-modified"))),
                   record_date);
  const std::optional<Instant> modified = http.last_modified();
  if (!modified)
    return problem(std::move(r),
                   message("findings.engine.live.no_last_modified", fmt::arg("key", key), fmt::arg("location", where)),
                   record_date);
  return dated(std::move(r), *modified, as_of, plan, key, said_from, message("fixes.engine.live.clock"));
}

}  // namespace

std::optional<HttpRequest> live_instant_request(const Plan& plan, const InstantSource& source,
                                                const Text& location, Instant as_of) {
  if (source.kind == InstantSource::Kind::Object) {
    HttpRequest req;
    req.method = HttpMethod::Head;
    req.url = location.value_or("");
    return req;
  }
  if (source.kind != InstantSource::Kind::Prometheus) return std::nullopt;
  const PrometheusRef* prom = prometheus_of(plan);
  // The loader refuses the form without a Prometheus; a plan built in code may lack one,
  // and the probe then fails with an empty URL, which read_live_instant reports.
  return api_request(prom ? *prom->url : "",
                     "/api/v1/query?query=" + percent_encode(source.query.value_or("")) +
                         "&time=" + unix_seconds(evaluation_time(as_of)),
                     prom ? prom->bearer_token.value_or("") : "");
}

ReadInstant read_live_instant(const Plan& plan, const InstantSource& source, const Text& location,
                              const std::string& key, Instant as_of, const HttpResponse& r) {
  ReadInstant out;
  out.loc = source.kind == InstantSource::Kind::Prometheus && source.query ? source.query.loc : source.loc;
  if (source.kind == InstantSource::Kind::Prometheus) {
    const PrometheusRef* prom = prometheus_of(plan);
    out.from = "Prometheus: " + source.query.value_or("");
    out.evidence.emplace_back("source", "prometheus");
    out.evidence.emplace_back("query", source.query.value_or(""));
    out.evidence.emplace_back("prometheus", prom ? redact(*prom->url) : "");
    return read_prometheus(plan, key, message("findings.engine.live.from_prometheus", fmt::arg("query", source.query.value_or(""))),
                           as_of, r, std::move(out));
  }
  const bool file = is_file(location.value_or(""));
  out.from = fmt::format("{} of {}", file ? "mtime" : "Last-Modified", redact(location.value_or("")));
  out.evidence.emplace_back("source", file ? "mtime" : "last-modified");
  out.evidence.emplace_back("location", redact(location.value_or("")));
  const std::string said_from =
      file ? message("findings.engine.live.from_mtime", fmt::arg("location", redact(location.value_or(""))))
           : message("findings.engine.live.from_last_modified", fmt::arg("location", redact(location.value_or(""))));
  return read_object(plan, location, key, said_from, as_of, r, std::move(out));
}

void read_instant(Context& ctx, const Plan& plan, const Field<Instant>& typed,
                  const InstantSource& source, const Text& location, const std::string& key,
                  std::function<void(ReadInstant)> done) {
  if (!source.live()) {
    ReadInstant r;
    r.at = typed.value;
    r.status = Status::Pass;
    r.loc = typed.loc;
    done(std::move(r));
    return;
  }
  if (ctx.offline()) {
    ReadInstant r;
    r.status = Status::Skip;
    r.loc = source.kind == InstantSource::Kind::Prometheus && source.query ? source.query.loc : source.loc;
    r.problem = source.kind == InstantSource::Kind::Prometheus
                    ? message("findings.engine.live.offline_prometheus", fmt::arg("key", key),
                              fmt::arg("query", source.query.value_or("")))
                : is_file(location.value_or(""))
                    ? message("findings.engine.live.offline_mtime", fmt::arg("key", key),
                              fmt::arg("location", redact(location.value_or(""))))
                    : message("findings.engine.live.offline_last_modified", fmt::arg("key", key),
                              fmt::arg("location", redact(location.value_or(""))));
    r.evidence.emplace_back("source", source.kind == InstantSource::Kind::Prometheus ? "prometheus"
                                                                                     : "object");
    done(std::move(r));
    return;
  }
  std::optional<HttpRequest> req = live_instant_request(plan, source, location, ctx.as_of());
  ctx.probe(std::move(*req), [&plan, source, location, key, as_of = ctx.as_of(),
                              done = std::move(done)](const HttpResponse& r) {
    done(read_live_instant(plan, source, location, key, as_of, r));
  });
}

}  // namespace golive
