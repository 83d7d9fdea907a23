// checks/monitoring/dashboards.cpp
#include <string>

#include "checks/engine/check.h"
#include "checks/engine/i18n.h"
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
      Finding& f = ctx.add(Status::Fail, "monitoring.dashboards", loc,
                           message(count == 1 ? "findings.monitoring.dashboards.too_few_one"
                                              : "findings.monitoring.dashboards.too_few",
                                   fmt::arg("count", count), fmt::arg("min", min_dashboards_)));
      f.evidence.emplace_back("dashboards", count);
      f.remediation = message("fixes.monitoring.dashboards.list");
      if (count == 0) return;
    }
    for (size_t i = 0; i < count; ++i) check((*dashboards)[i], i, ctx);
  }

 private:
  static void check(const Dashboard& d, size_t index, Context& ctx) {
    const std::string subject = subject_of("dashboards", d.name, index);
    const std::string name = d.name.value_or(subject);
    if (!d.url || d.url->empty()) {
      Finding& f = ctx.add(Status::Fail, subject, d.loc,
                           message("findings.monitoring.dashboards.no_url", fmt::arg("dashboard", name)));
      f.remediation = message("fixes.monitoring.dashboards.url", fmt::arg("dashboard", name));
      return;
    }
    const std::string url = redact(*d.url);
    if (!is_http_url(*d.url)) {
      Finding& f = ctx.add(Status::Fail, subject, d.url.loc,
                           message("findings.monitoring.dashboards.not_http", fmt::arg("dashboard", name),
                                   fmt::arg("url", url)));
      f.remediation = message("fixes.monitoring.dashboards.web");
      return;
    }
    if (ctx.offline()) {
      Finding& f = ctx.add(Status::Pass, subject, d.url.loc,
                           message("findings.monitoring.dashboards.offline", fmt::arg("dashboard", name),
                                   fmt::arg("url", url)));
      f.evidence.emplace_back("url", url);
      f.evidence.emplace_back("probed", false);
      return;
    }
    HttpRequest req;
    req.method = HttpMethod::Get;
    req.url = *d.url;
    ctx.probe(std::move(req), [subject, name, url, loc = d.url.loc, &ctx](const HttpResponse& r) {
      Status status = Status::Pass;
      std::string text;
      if (!r.transport_ok()) {
        status = Status::Error;
        text = message("findings.monitoring.dashboards.unreachable", fmt::arg("dashboard", name),
                       fmt::arg("url", url), fmt::arg("reason", r.reason));
      } else {
        if (r.status < 200 || r.status > 299) status = Status::Fail;
        text = message("findings.monitoring.dashboards.answered", fmt::arg("dashboard", name),
                       fmt::arg("url", url), fmt::arg("status", r.status));
      }
      Finding& f = ctx.add(status, subject, loc, std::move(text));
      f.evidence.emplace_back("url", url);
      f.evidence.emplace_back("probed", true);
      if (r.transport_ok()) f.evidence.emplace_back("status", int64_t{r.status});
      else f.evidence.emplace_back("error", std::string(to_string(r.error)));
      if (status == Status::Fail)
        f.remediation = message("fixes.monitoring.dashboards.fix", fmt::arg("dashboard", name));
      else if (status == Status::Error)
        f.remediation = message("fixes.monitoring.dashboards.reachable");
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
