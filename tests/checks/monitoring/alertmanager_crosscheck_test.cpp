// monitoring.alerts-routed: golive's routing against Alertmanager's own, case by case, from
// tests/fixtures/alertmanager/routing_cases.yaml. Every case is checked three ways: golive on
// the configuration a running Alertmanager serves back (what the check reads live), golive
// on the file, and `amtool config routes test` on the file (Alertmanager's own code).

#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <string>
#include <utility>
#include <vector>

#include "checks/monitoring/alertmanager_routing.h"
#include "tests/support/monitoring_servers.h"
#include "tests/support/process.h"

namespace golive::test {
namespace {

using Labels = std::vector<std::pair<std::string, std::string>>;

const char* const kReceivers = R"(receivers:
  - name: default
  - name: pay
    webhook_configs: [{url: 'http://127.0.0.1:1/pay'}]
  - name: chat
    webhook_configs: [{url: 'http://127.0.0.1:1/chat'}]
  - name: dba
    webhook_configs: [{url: 'http://127.0.0.1:1/dba'}]
  - name: ops
    webhook_configs: [{url: 'http://127.0.0.1:1/ops'}]
  - name: "null"
)";

struct Case {
  std::string group;
  size_t config = 0;  ///< index into the configurations
  Labels labels;
  std::vector<std::string> expect;
};

std::string indent(const std::string& text, const std::string& prefix) {
  std::string out;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string::npos) nl = text.size();
    out += prefix + text.substr(start, nl - start) + "\n";
    start = nl + 1;
  }
  return out;
}

std::string shown(const Labels& labels) { return label_set_text(labels); }

}  // namespace

TEST_CASE("alertmanager routing: golive routes as Alertmanager 0.25 and amtool do, case by case") {
  const YAML::Node groups = YAML::LoadFile(source_dir() + "/tests/fixtures/alertmanager/routing_cases.yaml");
  TempDir dir;
  std::vector<std::string> configs;
  std::vector<Case> cases;
  for (const auto& g : groups) {
    const std::string name = g["name"].as<std::string>();
    configs.push_back("route:\n  receiver: default\n  routes:\n" + indent(g["routes"].as<std::string>(), "    ") +
                      kReceivers);
    dir.write("c" + std::to_string(configs.size() - 1) + ".yml", configs.back());
    for (const auto& c : g["cases"]) {
      Case k{name, configs.size() - 1, {}, {}};
      for (const auto& kv : c["labels"]) k.labels.emplace_back(kv.first.as<std::string>(), kv.second.as<std::string>());
      for (const auto& r : c["expect"]) k.expect.push_back(r.as<std::string>());
      cases.push_back(std::move(k));
    }
  }
  CHECK(cases.size() >= 150);

  std::vector<AmtoolQuery> queries;
  for (const auto& c : cases) queries.push_back({dir.file("c" + std::to_string(c.config) + ".yml"), c.labels});
  const auto amtool = amtool_routes_batch(queries);

  AlertmanagerTestServer am(configs.front());
  for (size_t i = 0; i < configs.size(); ++i) {
    am.load(configs[i]);
    const std::string served = am.served_config();
    for (size_t j = 0; j < cases.size(); ++j) {
      const Case& c = cases[j];
      if (c.config != i) continue;
      INFO(c.group, ": ", shown(c.labels));
      RoutingResult live = route_alert(served, c.labels);
      CHECK_MESSAGE(live.error.empty(), live.error, "\nserved configuration:\n", served);
      CHECK(live.receivers == c.expect);
      RoutingResult file = route_alert(configs[i], c.labels);
      CHECK_MESSAGE(file.error.empty(), file.error);
      CHECK(file.receivers == c.expect);
      CHECK(amtool[j] == c.expect);
    }
  }
}

TEST_CASE("alertmanager routing: the served-back `match_re: {x: null}` is the empty regex") {
  // What Alertmanager 0.25 serves for `match_re: {x: ""}` (checked against a real one above).
  const std::string served = "route:\n  receiver: default\n  routes:\n  - receiver: pay\n    match_re:\n      x: null\n" +
                             std::string(kReceivers);
  CHECK(route_alert(served, {}).receivers == std::vector<std::string>{"pay"});
  CHECK(route_alert(served, {{"x", "a"}}).receivers == std::vector<std::string>{"default"});
}

TEST_CASE("alertmanager routing: constructs where RE2 and Go's regexp disagree are refused by name") {
  const std::string config = "route: {receiver: a, routes: [{receiver: a, matchers: ['x=~\"a\\C\"']}]}\n";
  CHECK(route_alert(config, {}).error ==
        "regular expression \"a\\C\": \\C (any byte) is RE2-only; Go's regexp, which Alertmanager uses, rejects it");
  // Inside \Q…\E it is literal text, which both accept.
  const std::string quoted_c = "route: {receiver: a, routes: [{receiver: b, matchers: ['x=~\"\\Q\\C\\E\"']}]}\n";
  CHECK(route_alert(quoted_c, {{"x", "\\C"}}).receivers == std::vector<std::string>{"b"});
}

TEST_CASE("alertmanager routing: label values that are not UTF-8 are refused, not matched byte by byte") {
  CHECK(route_alert("route: {receiver: a}\n", {{"team", "\xff"}}).error == "the value of label team is not valid UTF-8");
}

TEST_CASE("alertmanager routing: messages quote label values and receiver names") {
  CHECK(label_set_text({{"a", "1"}, {"cluster", "eu,west \"1\""}}) == R"({a="1", cluster="eu,west \"1\""})");
  CHECK(label_set_text({{"v", "a\r\nb\\\x01"}}) == R"({v="a\r\nb\\\x01"})");
  CHECK(label_set_text({}) == "{}");
  CHECK(receivers_text({"team", "oncall"}) == R"("team", "oncall")");
  CHECK(quote_value("支付 组") == "\"支付 组\"");
}

}  // namespace golive::test
