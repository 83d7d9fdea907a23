// checks/monitoring/health_checks.cpp
#include <string>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
#include "checks/engine/probe.h"

namespace golive {
namespace {

std::string format_ms(std::chrono::milliseconds ms) { return fmt::format("{}ms", ms.count()); }

/// Fails when a tier 1–2 system has no health check; live, when the health check does not
/// answer its expected status within its timeout (3 tries).
class HealthChecks final : public Check {
 public:
  explicit HealthChecks(const Params& p) : max_tier_(p.integer("max_tier", 2)) {}

  void run(const Plan& plan, Context& ctx) const override {
    for (size_t i = 0; i < plan.systems.size(); ++i) check(plan.systems[i], i, ctx);
    if (plan.systems.empty())
      ctx.add(Status::Skip, "systems", plan.systems_list_loc, message("findings.monitoring.health-checks.no_systems"));
  }

 private:
  void check(const System& sys, size_t index, Context& ctx) const {
    const std::string subject = subject_of("systems", sys.id, index);
    const std::string name = sys.id.value_or(subject);
    // A system without a tier is treated as critical: leaving the tier out never skips a gate.
    const bool required = !sys.tier || *sys.tier <= max_tier_;
    const std::string tier = sys.tier ? message("findings.monitoring.health-checks.tier", fmt::arg("tier", *sys.tier))
                                      : message("findings.monitoring.health-checks.untiered");

    if (!sys.health_check) {
      if (!required) {
        ctx.add(Status::Skip, subject, sys.loc,
                message("findings.monitoring.health-checks.not_required", fmt::arg("tier", tier),
                        fmt::arg("system", name)));
        return;
      }
      Finding& f = ctx.add(Status::Fail, subject, sys.loc,
                           message("findings.monitoring.health-checks.missing", fmt::arg("tier", tier),
                                   fmt::arg("system", name)));
      f.remediation = message("fixes.monitoring.health-checks.add", fmt::arg("system", name));
      return;
    }
    const HealthCheck& hc = *sys.health_check;
    if (!hc.url || hc.url->empty()) {
      Finding& f = ctx.add(Status::Fail, subject, hc.loc,
                           message("findings.monitoring.health-checks.no_url", fmt::arg("system", name)));
      f.remediation = message("fixes.monitoring.health-checks.url", fmt::arg("system", name));
      return;
    }
    const std::string url = redact(*hc.url);
    if (!is_http_url(*hc.url)) {
      Finding& f = ctx.add(Status::Fail, subject, hc.url.loc,
                           message("findings.monitoring.health-checks.not_http", fmt::arg("url", url),
                                   fmt::arg("system", name)));
      f.remediation = message("fixes.monitoring.health-checks.http");
      return;
    }
    const int64_t expect = hc.expect_status.value_or(200);
    if (ctx.offline()) {
      Finding& f = ctx.add(Status::Pass, subject, hc.loc,
                           message("findings.monitoring.health-checks.offline", fmt::arg("url", url),
                                   fmt::arg("expect", expect)));
      f.evidence.emplace_back("url", url);
      f.evidence.emplace_back("expect_status", expect);
      f.evidence.emplace_back("probed", false);
      return;
    }

    HttpRequest req;
    req.method = HttpMethod::Get;
    req.url = *hc.url;
    if (hc.timeout) req.timeout = std::chrono::duration_cast<std::chrono::milliseconds>(*hc.timeout);
    ctx.probe(std::move(req), [subject, name, url, expect, loc = hc.loc, url_loc = hc.url.loc,
                               &ctx](const HttpResponse& r) {
      Status status = Status::Pass;
      std::string text;
      SourceLoc where = loc;
      // Refused and timed-out connections are the answer to "is it up in time?": a fail.
      // Anything else that kept the probe from running (DNS, TLS, proxy) is an error.
      if (!r.transport_ok()) {
        bool down = r.error == ProbeError::Refused || r.error == ProbeError::Timeout;
        status = down ? Status::Fail : Status::Error;
        text = message("findings.monitoring.health-checks.failed", fmt::arg("url", url), fmt::arg("reason", r.reason));
        where = url_loc;
      } else if (r.status != expect) {
        status = Status::Fail;
        text = message(r.tries > 1 ? "findings.monitoring.health-checks.unexpected_tries"
                                   : "findings.monitoring.health-checks.unexpected",
                       fmt::arg("url", url), fmt::arg("status", r.status), fmt::arg("expect", expect),
                       fmt::arg("tries", r.tries));
      } else {
        text = message("findings.monitoring.health-checks.answered", fmt::arg("url", url),
                       fmt::arg("status", r.status), fmt::arg("elapsed", format_ms(r.elapsed)));
      }
      Finding& f = ctx.add(status, subject, where, std::move(text));
      f.evidence.emplace_back("url", url);
      f.evidence.emplace_back("expect_status", expect);
      f.evidence.emplace_back("probed", true);
      if (r.transport_ok()) f.evidence.emplace_back("status", int64_t{r.status});
      else f.evidence.emplace_back("error", std::string(to_string(r.error)));
      f.evidence.emplace_back("tries", r.tries);
      f.evidence.emplace_back("elapsed_ms", int64_t{r.elapsed.count()});
      if (status == Status::Fail)
        f.remediation = message("fixes.monitoring.health-checks.up", fmt::arg("system", name), fmt::arg("expect", expect));
      else if (status == Status::Error)
        f.remediation = message("fixes.monitoring.health-checks.reachable");
    });
  }

  int64_t max_tier_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    HealthChecks, .id = "monitoring.health-checks", .severity = Severity::Gate,
    .title = "Every tier 1-2 system has a health check that answers",
    .why = "A health endpoint is how load balancers, monitoring and the people on the bridge "
           "tell a running system from a broken one during the go-live window. Every system of "
           "tier max_tier or more critical (a system without a tier counts as critical) needs "
           "systems[].health_check. Live, GET on its url must return expect_status (default "
           "200) within its timeout (default: --timeout), with 3 tries; a refused or timed-out "
           "connection fails, a probe that cannot run (DNS, TLS) is an error.",
    .fix = "Declare health_check: {url, expect_status, timeout} for each tier 1-2 system and "
           "make it answer.",
    .reads = {"systems[].id", "systems[].tier", "systems[].health_check.url",
              "systems[].health_check.expect_status", "systems[].health_check.timeout"},
    .live = true);

}  // namespace golive
