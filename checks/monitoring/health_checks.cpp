// checks/monitoring/health_checks.cpp
#include <string>

#include "checks/engine/check.h"
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
    if (plan.systems.empty()) ctx.skip("systems", plan.loc, "no systems declared (systems)");
  }

 private:
  void check(const System& sys, size_t index, Context& ctx) const {
    const std::string subject = subject_of("systems", sys.id, index);
    const std::string name = sys.id.value_or(subject);
    // A system without a tier is treated as critical: leaving the tier out never skips a gate.
    const bool required = !sys.tier || *sys.tier <= max_tier_;
    const std::string tier = sys.tier ? fmt::format("tier-{}", *sys.tier) : "untiered";

    if (!sys.health_check) {
      if (!required) {
        ctx.skip(subject, sys.loc, "{} system {} needs no health check", tier, name);
        return;
      }
      Finding& f = ctx.fail(subject, sys.loc, "{} system {} has no health_check", tier, name);
      f.remediation = fmt::format(
          "Add health_check: {{url: ..., expect_status: 200, timeout: 2s}} to system {}", name);
      return;
    }
    const HealthCheck& hc = *sys.health_check;
    if (!hc.url || hc.url->empty()) {
      Finding& f = ctx.fail(subject, hc.loc, "health_check of {} has no url", name);
      f.remediation = fmt::format("Give the health_check of {} the URL of its health endpoint", name);
      return;
    }
    const std::string url = redact(*hc.url);
    if (!is_http_url(*hc.url)) {
      Finding& f = ctx.fail(subject, hc.url.loc, "health_check.url '{}' of {} is not an http:// or https:// URL",
                            url, name);
      f.remediation = "Point health_check.url at the system's HTTP health endpoint";
      return;
    }
    const int64_t expect = hc.expect_status.value_or(200);
    if (ctx.offline()) {
      Finding& f = ctx.pass(subject, hc.loc, "health check {} declared, expecting {} (not probed: offline)",
                            url, expect);
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
      std::string message;
      SourceLoc where = loc;
      // Refused and timed-out connections are the answer to "is it up in time?": a fail.
      // Anything else that kept the probe from running (DNS, TLS, proxy) is an error.
      if (!r.transport_ok()) {
        bool down = r.error == ProbeError::Refused || r.error == ProbeError::Timeout;
        status = down ? Status::Fail : Status::Error;
        message = fmt::format("GET {}: {}", url, r.reason);
        where = url_loc;
      } else if (r.status != expect) {
        status = Status::Fail;
        message = fmt::format("GET {} answered {}, expected {}{}", url, r.status, expect,
                              r.tries > 1 ? fmt::format(" ({} tries)", r.tries) : "");
      } else {
        message = fmt::format("GET {} answered {} in {}", url, r.status, format_ms(r.elapsed));
      }
      Finding& f = ctx.add(status, subject, where, std::move(message));
      f.evidence.emplace_back("url", url);
      f.evidence.emplace_back("expect_status", expect);
      f.evidence.emplace_back("probed", true);
      if (r.transport_ok()) f.evidence.emplace_back("status", int64_t{r.status});
      else f.evidence.emplace_back("error", std::string(to_string(r.error)));
      f.evidence.emplace_back("tries", r.tries);
      f.evidence.emplace_back("elapsed_ms", int64_t{r.elapsed.count()});
      if (status == Status::Fail)
        f.remediation = fmt::format(
            "Bring {} up so that its health endpoint answers {} within the health_check "
            "timeout, or correct health_check.url/expect_status",
            name, expect);
      else if (status == Status::Error)
        f.remediation = "Make the health endpoint reachable from where golive runs (DNS, proxy, "
                        "GOLIVE_CA_BUNDLE for a private CA), then run again";
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
