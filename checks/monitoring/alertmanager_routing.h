#pragma once
/// Alertmanager's routing tree, evaluated the way Alertmanager (and `amtool config routes
/// test`) does, for monitoring.alerts-routed.

#include <string>
#include <string_view>
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
/// parent's. Matcher strings are parsed as Alertmanager 0.25's labels.ParseMatchers does;
/// regexes are evaluated with RE2 under Go's regexp settings (UTF-8; `match_re` anchored
/// twice, as Alertmanager does); a `null` field of the served-back config is "". Never
/// throws: an unparsable config, matcher or regex, a regex construct RE2 and Go disagree
/// on (`\C`), or a label value that is not UTF-8 sets `error`.
RoutingResult route_alert(const std::string& config_yaml,
                          const std::vector<std::pair<std::string, std::string>>& labels);

/// A label value or receiver name as messages show it: in double quotes, with `\\`, `\"`,
/// `\n`, `\r`, `\t` and other control bytes as `\xNN` escaped, so that commas, quotes and
/// spaces inside it cannot be misread (`"eu,west \"1\""`).
std::string quote_value(std::string_view text);

/// A label set as messages show it: `{a="1", cluster="eu,west \"1\""}` (names as they are,
/// values quote_value(), in the given order).
std::string label_set_text(const std::vector<std::pair<std::string, std::string>>& labels);

/// A receiver name as a message shows it, in the run's language (`findings.monitoring.receiver`):
/// escaped as quote_value() does, in double quotes in English (`"erp-oncall"`), in 「」 in
/// Chinese (`「erp-oncall」`).
std::string say_receiver(std::string_view name);

/// Receiver names as messages show them, say_receiver() each, joined by `findings.join.list`:
/// `"team", "oncall"`, `「team」、「oncall」`.
std::string receivers_text(const std::vector<std::string>& receivers);

}  // namespace golive
