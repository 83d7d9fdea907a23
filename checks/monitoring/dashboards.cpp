// checks/monitoring/dashboards.cpp
#include <string>

#include "checks/engine/check.h"
#include "checks/engine/probe.h"

namespace golive {
namespace {

/// Warns when no dashboard is declared; live, when a dashboard URL does not answer 2xx.
class Dashboards final : public Check {
 public:
  explicit Dashboards(const Params& p) : min_dashboards_(p.integer("min_dashboards", 1)) {}

  void run(const Plan& plan, Context& ctx) const override {
    const auto* dashboards = plan.monitoring ? &plan.monitoring->dashboards : nullptr;
    const SourceLoc loc = plan.monitoring ? plan.monitoring->loc : plan.loc;
    const size_t count = dashboards ? dashboards->size() : 0;
    if (count < static_cast<size_t>(min_dashboards_)) {
      Finding& f = ctx.fail("monitoring.dashboards", loc, "{} dashboard{} declared, at least {} expected",
                            count, count == 1 ? "" : "s", min_dashboards_);
      f.evidence.emplace_back("dashboards", count);
      f.remediation =
          "List the dashboards the command centre watches during the window under "
          "monitoring.dashboards: [{name, url}]";
      if (count == 0) return;
    }
    for (size_t i = 0; i < count; ++i) check((*dashboards)[i], i, ctx);
  }

 private:
  static void check(const Dashboard& d, size_t index, Context& ctx) {
    const std::string subject = subject_of("dashboards", d.name, index);
    const std::string name = d.name.value_or(subject);
    if (!d.url || d.url->empty()) {
      Finding& f = ctx.fail(subject, d.loc, "dashboard {} has no url", name);
      f.remediation = fmt::format("Give dashboard {} the URL people open during the window", name);
      return;
    }
    const std::string url = redact(*d.url);
    if (!is_http_url(*d.url)) {
      Finding& f = ctx.fail(subject, d.url.loc, "dashboard {} url '{}' is not an http:// or https:// URL",
                            name, url);
      f.remediation = "Use the dashboard's web address";
      return;
    }
    if (ctx.offline()) {
      Finding& f = ctx.pass(subject, d.url.loc, "dashboard {} at {} (not probed: offline)", name, url);
      f.evidence.emplace_back("url", url);
      f.evidence.emplace_back("probed", false);
      return;
    }
    HttpRequest req;
    req.method = HttpMethod::Get;
    req.url = *d.url;
    ctx.probe(std::move(req), [subject, name, url, loc = d.url.loc, &ctx](const HttpResponse& r) {
      Status status = Status::Pass;
      std::string message;
      if (!r.transport_ok()) {
        status = Status::Error;
        message = fmt::format("dashboard {}: GET {}: {}", name, url, r.reason);
      } else if (r.status < 200 || r.status > 299) {
        status = Status::Fail;
        message = fmt::format("dashboard {}: GET {} answered {}", name, url, r.status);
      } else {
        message = fmt::format("dashboard {}: GET {} answered {}", name, url, r.status);
      }
      Finding& f = ctx.add(status, subject, loc, std::move(message));
      f.evidence.emplace_back("url", url);
      f.evidence.emplace_back("probed", true);
      if (r.transport_ok()) f.evidence.emplace_back("status", int64_t{r.status});
      else f.evidence.emplace_back("error", std::string(to_string(r.error)));
      if (status == Status::Fail)
        f.remediation = fmt::format(
            "Fix the URL of dashboard {} or the dashboard itself; it must open without an error",
            name);
      else if (status == Status::Error)
        f.remediation = "Make the dashboard reachable from where golive runs (DNS, proxy, "
                        "GOLIVE_CA_BUNDLE for a private CA), then run again";
    });
  }

  int64_t min_dashboards_;
};

}  // namespace

GOLIVE_REGISTER_CHECK(
    Dashboards, .id = "monitoring.dashboards", .severity = Severity::Warn,
    .title = "Dashboards are declared and open",
    .why = "During the window and hypercare the command centre watches the same dashboards; "
           "a missing or broken link is found at 3 a.m. otherwise. At least min_dashboards "
           "entries under monitoring.dashboards; live, each url must answer GET with a 2xx "
           "status (redirects followed, at most 5).",
    .fix = "List the dashboards under monitoring.dashboards with name and url.",
    .reads = {"monitoring.dashboards[].name", "monitoring.dashboards[].url"},
    .live = true);

}  // namespace golive
