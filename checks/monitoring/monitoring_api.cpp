// checks/monitoring/monitoring_api.cpp
#include "checks/monitoring/monitoring_api.h"

#include <fmt/format.h>

#include "checks/engine/i18n.h"

namespace golive {

HttpRequest api_request(const std::string& base, const std::string& path, const std::string& bearer_token) {
  std::string url = base;
  while (!url.empty() && url.back() == '/') url.pop_back();
  HttpRequest req;
  req.method = HttpMethod::Get;
  req.url = url + path;
  req.bearer_token = bearer_token;
  return req;
}

std::optional<nlohmann::json> api_json(const HttpResponse& r, bool prometheus, std::string& why) {
  if (!r.transport_ok()) {
    why = r.reason;
    return std::nullopt;
  }
  nlohmann::json j = nlohmann::json::parse(r.body, nullptr, /*allow_exceptions=*/false);
  if (r.status < 200 || r.status > 299) {
    // Prometheus explains a refused query in the body; say it when it is there.
    if (j.is_object() && j.contains("error") && j["error"].is_string())
      why = message("findings.monitoring.api.answered_error", fmt::arg("status", r.status),
                    fmt::arg("error", j["error"].get<std::string>()));
    else
      why = message("findings.monitoring.api.answered", fmt::arg("status", r.status));
    return std::nullopt;
  }
  if (j.is_discarded()) {
    why = message("findings.monitoring.api.not_json", fmt::arg("status", r.status));
    return std::nullopt;
  }
  if (!prometheus) return j;
  if (!j.is_object() || !j.contains("status") || j["status"] != "success" || !j.contains("data")) {
    if (j.is_object() && j.contains("error") && j["error"].is_string())
      why = message("findings.monitoring.api.status_error", fmt::arg("error", j["error"].get<std::string>()));
    else
      why = message_text("findings.monitoring.api.not_prometheus");
    return std::nullopt;
  }
  return j["data"];
}

std::string series_name(const nlohmann::json& metric) {
  std::string name, labels;
  if (metric.is_object())
    for (const auto& [k, v] : metric.items()) {
      const std::string value = v.is_string() ? v.get<std::string>() : v.dump();
      if (k == "__name__")
        name = value;
      else
        labels += fmt::format("{}{}=\"{}\"", labels.empty() ? "" : ", ", k, value);
    }
  return name + "{" + labels + "}";
}

}  // namespace golive
