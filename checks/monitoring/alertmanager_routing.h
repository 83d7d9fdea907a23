#pragma once
/// Alertmanager's routing tree, evaluated the way Alertmanager (and `amtool config routes
/// test`) does, for monitoring.alerts-routed.

#include <string>
#include <utility>
#include <vector>

namespace golive {

/// A receiver of the config and what it notifies through.
struct AlertmanagerReceiver {
  std::string name;
  /// Keys ending in `_configs` with at least one entry (`email_configs`, `webhook_configs`…).
  std::vector<std::string> integrations;
};

/// The routing decision for one label set.
struct RoutingResult {
  /// Non-empty when the config could not be read; then nothing else is set.
  std::string error;
  /// Receivers of every matching route, in the order Alertmanager notifies them (depth
  /// first); a receiver reached by two routes appears twice, as amtool prints it.
  std::vector<std::string> receivers;
  /// Every receiver declared under `receivers:`, in file order.
  std::vector<AlertmanagerReceiver> declared;
};

/// Routes `labels` through the `route:` tree of an Alertmanager config (YAML text):
/// a route matches when all its `matchers` (`a="b"`, `a!=b`, `a=~re`, `a!~re`, regexes
/// anchored) and legacy `match`/`match_re` match, a missing label being the empty string;
/// children are tried in order, depth first, the first matching child ends the search
/// unless it has `continue: true`; a matching route without a matching child is the match
/// itself; the root route always matches. A route without `receiver` inherits its
/// parent's. Never throws: an unparsable config, matcher or regex sets `error`.
RoutingResult route_alert(const std::string& config_yaml,
                          const std::vector<std::pair<std::string, std::string>>& labels);

}  // namespace golive
