#pragma once
/// Real Prometheus and Alertmanager on 127.0.0.1 for the monitoring live checks: each
/// started on a free port with its data in a temporary directory, waited for through
/// `/-/ready` (bounded), and stopped (SIGTERM, then SIGKILL, bounded) when destroyed.

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "tests/support/process.h"

namespace golive::test {

/// A child process with stdout and stderr in a log file, stopped when destroyed.
class DaemonProcess {
 public:
  DaemonProcess(const std::vector<std::string>& argv, const std::string& log_file);
  ~DaemonProcess();
  DaemonProcess(const DaemonProcess&) = delete;
  DaemonProcess& operator=(const DaemonProcess&) = delete;

 private:
  pid_t pid_ = -1;
};

/// `prometheus` with the given configuration and rule file (`{{PORT}}` in either is
/// replaced by its own port before it starts).
class PrometheusTestServer {
 public:
  PrometheusTestServer(const std::string& config_yaml, const std::string& rules_yaml);

  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  /// Waits (bounded by `limit`) until GET `path` answers 200 with `needle` in its body;
  /// fails the test otherwise.
  void wait_for(const std::string& path, const std::string& needle,
                std::chrono::milliseconds limit = std::chrono::seconds(20)) const;

 private:
  TempDir dir_;
  int port_ = 0;
  std::unique_ptr<DaemonProcess> process_;
};

/// `prometheus-alertmanager` with the given configuration, clustering off.
class AlertmanagerTestServer {
 public:
  explicit AlertmanagerTestServer(const std::string& config_yaml);

  int port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  /// Replaces the configuration and reloads it (POST /-/reload, which answers once the new
  /// configuration is in force); fails the test when Alertmanager refuses it.
  void load(const std::string& config_yaml) const;
  /// `config.original` of GET /api/v2/status: the configuration as Alertmanager serves it.
  std::string served_config() const;

 private:
  TempDir dir_;
  int port_ = 0;
  std::unique_ptr<DaemonProcess> process_;
};

/// A port on 127.0.0.1 that was free a moment ago (bound to port 0, then released).
int free_port();

/// `amtool config routes test --config.file=F label="value"…` (values escaped as amtool
/// reads them): the receivers it prints, split at commas. Fails the test when amtool does
/// not succeed.
std::vector<std::string> amtool_routes(const std::string& config_yaml,
                                       const std::vector<std::pair<std::string, std::string>>& labels);

/// One question for amtool_routes_batch(): a configuration file and a label set.
struct AmtoolQuery {
  std::string config_file;
  std::vector<std::pair<std::string, std::string>> labels;
};

/// amtool_routes() for many queries, run a few at a time: one answer per query, in order;
/// an answer is `{"amtool failed: …"}` when amtool did not succeed.
std::vector<std::vector<std::string>> amtool_routes_batch(const std::vector<AmtoolQuery>& queries);

}  // namespace golive::test
