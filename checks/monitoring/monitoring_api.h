#pragma once
/// Shared by the Prometheus and Alertmanager live checks: building API requests from the
/// plan's URLs and reading their JSON answers fail-closed.

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "checks/engine/probe.h"

namespace golive {

/// A GET of `base` (trailing slashes dropped) + `path`, with the plan's bearer token
/// (`${env:NAME}`, resolved by the probe layer at probe time).
HttpRequest api_request(const std::string& base, const std::string& path, const std::string& bearer_token);

/// The JSON body of a 2xx answer, or nullopt with `why` set ("connection refused (3
/// tries)", "answered 503", "answered 200 with a body that is not JSON"): the network
/// module's transport reason as it gave it, else `findings.monitoring.api.*` in the run's
/// language. For a Prometheus envelope
/// (`{"status": "success", "data": …}`) pass `prometheus = true` to get `data`, and a
/// `status: error` answer becomes a `why` naming the server's error.
std::optional<nlohmann::json> api_json(const HttpResponse& r, bool prometheus, std::string& why);

/// `{link="wan-a"}`, `node_up{job="edge"}` or `{}`: the `metric` of a Prometheus query
/// result's series as PromQL writes it, for messages.
std::string series_name(const nlohmann::json& metric);

}  // namespace golive
