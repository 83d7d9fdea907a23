#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "checks/monitoring/alertmanager_routing.h"
#include "tests/support/monitoring_servers.h"

namespace golive::test {
namespace {

using Labels = std::vector<std::pair<std::string, std::string>>;

/// Routes with route_alert(), checks the expected receivers, and checks that amtool (the
/// same Debian package as the Alertmanager) decides the same.
void expect_routes(const std::string& config, const Labels& labels, const std::vector<std::string>& expected) {
  RoutingResult r = route_alert(config, labels);
  REQUIRE_MESSAGE(r.error.empty(), r.error);
  CHECK(r.receivers == expected);
  CHECK(amtool_routes(config, labels) == expected);
}

const char* const kReceivers = R"(receivers:
  - name: default
  - name: payments-oncall
    pagerduty_configs: [{routing_key: abc}]
  - name: payments-chat
    webhook_configs: [{url: 'http://127.0.0.1:1/hook'}]
  - name: dba
    email_configs: [{to: dba@example.com, from: am@example.com, smarthost: 'mail:25'}]
)";

}  // namespace

TEST_CASE("alertmanager routing: the root route alone catches everything") {
  std::string config = std::string("route: {receiver: default}\n") + kReceivers;
  expect_routes(config, {{"severity", "critical"}}, {"default"});
  expect_routes(config, {}, {"default"});
}

TEST_CASE("alertmanager routing: the first matching child wins") {
  std::string config = std::string(R"(route:
  receiver: default
  routes:
    - matchers: ['team="payments"']
      receiver: payments-chat
    - matchers: ['severity="critical"']
      receiver: payments-oncall
)") + kReceivers;
  expect_routes(config, {{"severity", "critical"}, {"team", "payments"}}, {"payments-chat"});
  expect_routes(config, {{"severity", "critical"}, {"team", "ledger"}}, {"payments-oncall"});
  expect_routes(config, {{"severity", "warning"}}, {"default"});
}

TEST_CASE("alertmanager routing: continue: true lets later siblings match too") {
  std::string config = std::string(R"(route:
  receiver: default
  routes:
    - matchers: ['team="payments"']
      receiver: payments-chat
      continue: true
    - matchers: ['severity="critical"']
      receiver: payments-oncall
    - matchers: ['team="payments"']
      receiver: dba
)") + kReceivers;
  expect_routes(config, {{"severity", "critical"}, {"team", "payments"}}, {"payments-chat", "payments-oncall"});
  expect_routes(config, {{"severity", "info"}, {"team", "payments"}}, {"payments-chat", "dba"});
}

TEST_CASE("alertmanager routing: nested routes, depth first, inheriting the receiver") {
  std::string config = std::string(R"(route:
  receiver: default
  routes:
    - matchers: ['team="payments"']
      receiver: payments-chat
      routes:
        - matchers: ['severity="critical"', 'env!=staging']
          receiver: payments-oncall
        - matchers: ['component="db"']
    - matchers: ['component="db"']
      receiver: dba
)") + kReceivers;
  expect_routes(config, {{"severity", "critical"}, {"team", "payments"}}, {"payments-oncall"});
  expect_routes(config, {{"severity", "critical"}, {"team", "payments"}, {"env", "staging"}}, {"payments-chat"});
  // The child without receiver inherits payments-chat; the match stops inside the payments branch.
  expect_routes(config, {{"team", "payments"}, {"component", "db"}}, {"payments-chat"});
  expect_routes(config, {{"team", "ledger"}, {"component", "db"}}, {"dba"});
}

TEST_CASE("alertmanager routing: anchored regular expressions and negative matchers") {
  std::string config = std::string(R"(route:
  receiver: default
  routes:
    - matchers: ['severity=~"crit|page"', 'team!~"test.*"']
      receiver: payments-oncall
    - matchers: [service=~pay]
      receiver: payments-chat
)") + kReceivers;
  expect_routes(config, {{"severity", "critical"}}, {"default"});  // anchored: crit ≠ critical
  expect_routes(config, {{"severity", "crit"}, {"team", "payments"}}, {"payments-oncall"});
  expect_routes(config, {{"severity", "page"}, {"team", "testing"}}, {"default"});
  expect_routes(config, {{"service", "payments"}}, {"default"});
  expect_routes(config, {{"service", "pay"}}, {"payments-chat"});
}

TEST_CASE("alertmanager routing: a missing label is the empty string") {
  std::string config = std::string(R"(route:
  receiver: default
  routes:
    - matchers: ['env=""']
      receiver: payments-chat
    - matchers: ['env!="prod"']
      receiver: dba
)") + kReceivers;
  expect_routes(config, {{"severity", "critical"}}, {"payments-chat"});
  expect_routes(config, {{"env", "staging"}}, {"dba"});
  expect_routes(config, {{"env", "prod"}}, {"default"});
}

TEST_CASE("alertmanager routing: several matchers in one entry, and quoted values") {
  std::string config = std::string(R"(route:
  receiver: default
  routes:
    - matchers: ['{team="pay, ments", severity=~"critical|major"}']
      receiver: payments-oncall
)") + kReceivers;
  expect_routes(config, {{"team", "pay, ments"}, {"severity", "major"}}, {"payments-oncall"});
  expect_routes(config, {{"team", "pay"}, {"severity", "major"}}, {"default"});
}

TEST_CASE("alertmanager routing: legacy match and match_re") {
  std::string config = std::string(R"(route:
  receiver: default
  routes:
    - match: {team: payments}
      match_re: {severity: 'critical|page'}
      receiver: payments-oncall
    - match_re: {team: '^pay.*'}
      receiver: payments-chat
)") + kReceivers;
  expect_routes(config, {{"team", "payments"}, {"severity", "critical"}}, {"payments-oncall"});
  expect_routes(config, {{"team", "payments"}, {"severity", "warning"}}, {"payments-chat"});
  expect_routes(config, {{"team", "ledger"}, {"severity", "critical"}}, {"default"});
}

TEST_CASE("alertmanager routing: a deep tree with continue at several levels") {
  std::string config = std::string(R"(route:
  receiver: default
  group_by: [alertname]
  routes:
    - matchers: [env=prod]
      continue: true
      routes:
        - matchers: [team=payments]
          receiver: payments-chat
          continue: true
        - matchers: [severity=critical]
          receiver: payments-oncall
          routes:
            - matchers: [component=db]
              receiver: dba
              continue: true
            - matchers: [component=~"db|cache"]
    - matchers: [component=db]
      receiver: dba
)") + kReceivers;
  expect_routes(config, {{"env", "prod"}, {"team", "payments"}, {"severity", "critical"}, {"component", "db"}},
                {"payments-chat", "dba", "payments-oncall", "dba"});
  expect_routes(config, {{"env", "prod"}, {"severity", "critical"}, {"component", "cache"}},
                {"payments-oncall"});
  expect_routes(config, {{"env", "prod"}, {"severity", "warning"}}, {"default"});
  expect_routes(config, {{"env", "dev"}, {"component", "db"}}, {"dba"});
}

TEST_CASE("alertmanager routing: receivers and their integrations are listed") {
  std::string config = std::string("route: {receiver: default}\n") + kReceivers;
  RoutingResult r = route_alert(config, {});
  REQUIRE(r.declared.size() == 4);
  CHECK(r.declared[0].name == "default");
  CHECK(r.declared[0].integrations.empty());
  CHECK(r.declared[1].integrations == std::vector<std::string>{"pagerduty_configs"});
  CHECK(r.declared[3].integrations == std::vector<std::string>{"email_configs"});
}

TEST_CASE("alertmanager routing: unreadable configurations are errors, never exceptions") {
  CHECK(route_alert("route: [", {}).error.rfind("invalid YAML: ", 0) == 0);
  CHECK(route_alert("- a\n- b\n", {}).error == "the configuration is not a YAML mapping");
  CHECK(route_alert("receivers: []\n", {}).error == "no route configuration provided");
  CHECK(route_alert("route: {}\n", {}).error == "root route must specify a default receiver");
  CHECK(route_alert("route: {receiver: a, matchers: [x=y]}\n", {}).error == "root route must not have any matchers");
  CHECK(route_alert("route: {receiver: a, routes: [{matchers: ['9x=y']}]}\n", {}).error ==
        "bad matcher format: 9x=y");
  CHECK(route_alert("route: {receiver: a, routes: [{matchers: ['x<y']}]}\n", {}).error ==
        "bad matcher format: x<y");
  CHECK(route_alert("route: {receiver: a, routes: [{matchers: ['x=~\"(\"']}]}\n", {}).error.rfind(
            "invalid regular expression \"(\": ", 0) == 0);
  CHECK(route_alert("route: {receiver: a, routes: [{matchers: ['x=\"a\"b\"']}]}\n", {}).error ==
        "matcher value contains unescaped double quote: \"a\"b\"");
  CHECK(route_alert("route: {receiver: a, routes: [{match: {'a-b': c}}]}\n", {}).error ==
        "route.routes[0].match: invalid label name \"a-b\"");
  CHECK(route_alert("route: {receiver: a, routes: {matchers: [x=y]}}\n", {}).error == "route.routes must be a list");
  CHECK(route_alert("route: {receiver: a, routes: [{matchers: x=y}]}\n", {}).error ==
        "route.routes[0].matchers must be a list");
}

TEST_CASE("alertmanager routing: the configuration is read by golive's own YAML reader") {
  // A syntax error names where it is.
  CHECK(route_alert("route:\n  receiver: [a\n", {}).error.find("(line 3, column 1)") != std::string::npos);
  // A duplicate key is refused, as Alertmanager's strict decoding refuses it, instead of one
  // of the two routes being used silently.
  CHECK(route_alert("route: {receiver: a}\nroute: {receiver: b}\n", {}).error.rfind("duplicate key", 0) == 0);
  // Merge keys, as Alertmanager's YAML decoder applies them.
  const std::string merged =
      "x-common: &common {receiver: pay, continue: true}\n"
      "route: {receiver: default, routes: [{<<: *common, matchers: [team=pay]}, {receiver: audit}]}\n";
  CHECK(route_alert(merged, {{"team", "pay"}}).receivers == std::vector<std::string>{"pay", "audit"});
}

TEST_CASE("alertmanager routing: continue takes the booleans Alertmanager's decoder takes") {
  auto routed = [](const std::string& value) {
    return route_alert("route: {receiver: d, routes: [{receiver: a, continue: " + value + "}, {receiver: b}]}\n", {});
  };
  for (const char* yes : {"true", "True", "TRUE", "yes", "on", "y"})
    CHECK(routed(yes).receivers == std::vector<std::string>{"a", "b"});
  for (const char* no : {"false", "no", "off", "N", "~"})
    CHECK(routed(no).receivers == std::vector<std::string>{"a"});
  CHECK(routed("'true'").error == "route.routes[0].continue must be true or false");
  CHECK(routed("1").error == "route.routes[0].continue must be true or false");
  CHECK(routed("[true]").error == "route.routes[0].continue must be true or false");
}

}  // namespace golive::test
