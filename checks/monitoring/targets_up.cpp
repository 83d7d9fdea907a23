// checks/monitoring/targets_up.cpp
#include <algorithm>
#include <chrono>
#include <string>
#include <vector>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/engine/probe.h"
#include "checks/monitoring/monitoring_api.h"

namespace golive {
namespace {

/// True when the answer lists a target of `job` that Prometheus has not scraped yet
/// (health "unknown": just started, reloaded, or the target just appeared).
bool any_unscraped(const nlohmann::json& data, const std::string& job) {
  for (const auto& t : data.value("activeTargets", nlohmann::json::array()))
    if (t.value("labels", nlohmann::json::object()).value("job", "") == job && t.value("health", "") == "unknown")
      return true;
  return false;
}

/// Live only: Prometheus scrapes at least one target of the plan's job, and all are up.
class TargetsUp final : public Check {
 public:
  explicit TargetsUp(const Params&) {}

  void run(const Plan& plan, Context& ctx) const override {
    const PrometheusRef* prom = plan.monitoring && plan.monitoring->prometheus ? &*plan.monitoring->prometheus : nullptr;
    if (!prom || !prom->url || prom->url->empty()) {
      ctx.add(Status::Fail, "prometheus", prom ? prom->url.loc : plan.monitoring ? plan.monitoring->loc : plan.loc,
              message("findings.monitoring.targets-up.no_url"))
          .remediation = message("fixes.monitoring.targets-up.url");
      return;
    }
    if (!prom->job || prom->job->empty()) {
      ctx.add(Status::Fail, "prometheus", prom->job.loc, message("findings.monitoring.targets-up.no_job"))
          .remediation = message("fixes.monitoring.targets-up.job");
      return;
    }
    const std::string subject = "targets[" + *prom->job + "]";
    if (ctx.offline()) {
      ctx.add(Status::Skip, subject, prom->loc,
              message("findings.monitoring.targets-up.offline", fmt::arg("job", *prom->job)));
      return;
    }
    const std::string shown = redact(*prom->url);
    HttpRequest targets = api_request(*prom->url, "/api/v1/targets?state=active", prom->bearer_token.value_or(""));
    // A target not scraped yet: ask again every second, as long as --timeout allows.
    targets.ask_again = [job = *prom->job](const HttpResponse& r) {
      std::string ignored;
      auto data = api_json(r, true, ignored);
      return data && any_unscraped(*data, job) ? std::chrono::milliseconds(1000) : std::chrono::milliseconds(0);
    };
    ctx.probe(std::move(targets),
              [&ctx, subject, shown, job = *prom->job, loc = prom->job.loc](const HttpResponse& r) {
                std::string why;
                auto data = api_json(r, true, why);
                if (!data) {
                  ctx.add(Status::Error, subject, loc,
                          message("findings.monitoring.targets-up.unreachable", fmt::arg("url", shown),
                                  fmt::arg("why", why)))
                      .remediation = message("fixes.monitoring.targets-up.reachable");
                  return;
                }
                size_t total = 0;
                std::vector<std::string> down, unscraped;
                Duration longest_interval{0};
                for (const auto& t : data->value("activeTargets", nlohmann::json::array())) {
                  const auto labels = t.value("labels", nlohmann::json::object());
                  if (labels.value("job", "") != job) continue;
                  ++total;
                  const std::string health = t.value("health", "");
                  if (health == "up") continue;
                  if (health == "unknown") {
                    const std::string interval = t.value("scrapeInterval", "");
                    if (auto d = parse_duration(interval)) longest_interval = std::max(longest_interval, *d);
                    unscraped.push_back(redact(t.value("scrapeUrl", "")));
                    continue;
                  }
                  const std::string err = t.value("lastError", "");
                  down.push_back(fmt::format("{} ({}{})", redact(t.value("scrapeUrl", "")), health,
                                             err.empty() ? "" : ": " + err));
                }
                if (total == 0) {
                  ctx.add(Status::Fail, subject, loc,
                          message("findings.monitoring.targets-up.no_targets", fmt::arg("url", shown),
                                  fmt::arg("job", job)))
                      .remediation = message("fixes.monitoring.targets-up.scrape", fmt::arg("job", job));
                  return;
                }
                const std::string not_yet =
                    unscraped.empty() ? ""
                                      : message("findings.monitoring.targets-up.not_yet", fmt::arg("count", unscraped.size()),
                                                fmt::arg("total", total), fmt::arg("job", job),
                                                fmt::arg("targets", fmt::join(unscraped, message_text("findings.join.clauses"))));
                if (!down.empty()) {
                  const std::string_view clauses = message_text("findings.join.clauses");
                  Finding& f = ctx.add(Status::Fail, subject, loc,
                                       message("findings.monitoring.targets-up.down", fmt::arg("count", down.size()),
                                               fmt::arg("total", total), fmt::arg("job", job),
                                               fmt::arg("targets", fmt::join(down, clauses)),
                                               fmt::arg("not_yet", not_yet.empty() ? "" : std::string(clauses) + not_yet)));
                  f.evidence.emplace_back("targets", total);
                  f.evidence.emplace_back("down", down);
                  if (!unscraped.empty()) f.evidence.emplace_back("not_scraped", unscraped);
                  f.remediation = message("fixes.monitoring.targets-up.up");
                  return;
                }
                if (!unscraped.empty()) {
                  // Not down, not up either: nothing is known yet, so it cannot pass.
                  Finding& f = ctx.add(Status::Error, subject, loc,
                                       message(longest_interval.count() > 0 ? "findings.monitoring.targets-up.again_in"
                                                                            : "findings.monitoring.targets-up.again",
                                               fmt::arg("not_yet", not_yet), fmt::arg("url", shown),
                                               fmt::arg("seconds", longest_interval.count())));
                  f.evidence.emplace_back("targets", total);
                  f.evidence.emplace_back("not_scraped", unscraped);
                  f.remediation = message("fixes.monitoring.targets-up.again", fmt::arg("job", job));
                  return;
                }
                Finding& f = ctx.add(Status::Pass, subject, loc,
                                     message("findings.monitoring.targets-up.up", fmt::arg("total", total),
                                             fmt::arg("job", job)));
                f.evidence.emplace_back("targets", total);
              });
  }
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    TargetsUp, .id = "monitoring.targets-up", .severity = Severity::Gate,
    .title = "Prometheus scrapes the launched system and every target is up",
    .why = "Alerts about a system Prometheus does not scrape never fire, and a target that is down "
           "at go-live hides exactly the failures the launch is watching for. Live only: GET "
           "/api/v1/targets?state=active must show at least one target whose job label is "
           "monitoring.prometheus.job, every one with health up; the down ones are listed with "
           "their last scrape error. Targets Prometheus has not scraped yet (health unknown, e.g. "
           "just after a restart) are asked for again every second up to --timeout, then are an "
           "error saying when to run again.",
    .fix = "Scrape the launched system under monitoring.prometheus.job and bring every target up.",
    .reads = {"monitoring.prometheus.url", "monitoring.prometheus.job", "monitoring.prometheus.bearer_token"},
    .live = true);

}  // namespace golive
