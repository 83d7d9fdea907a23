#include "tests/support/monitoring_servers.h"

#include <doctest/doctest.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <thread>

#include <nlohmann/json.hpp>

#include "tests/support/servers.h"

namespace golive::test {
namespace {

using namespace std::chrono_literals;

std::string replace_port(std::string text, int port) {
  const std::string key = "{{PORT}}";
  for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at))
    text.replace(at, key.size(), std::to_string(port));
  return text;
}

/// Polls GET url until it answers 200 containing `needle`, or fails the test at `limit`.
void wait_ready(const std::string& url, const std::string& needle, std::chrono::milliseconds limit,
                const std::string& log_file) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  HttpResponse last;
  while (std::chrono::steady_clock::now() < deadline) {
    HttpRequest req;
    req.url = url;
    req.tries = 1;
    req.timeout = 1000ms;
    last = probe_one(req);
    if (last.transport_ok() && last.status == 200 && last.body.find(needle) != std::string::npos) return;
    std::this_thread::sleep_for(100ms);
  }
  FAIL("not ready: GET " << url << " (status " << last.status << ", " << last.reason << ")\nlog:\n"
                         << slurp(log_file).value_or("(none)") << "\nlast body:\n" << last.body);
}

}  // namespace

DaemonProcess::DaemonProcess(const std::vector<std::string>& argv, const std::string& log_file) {
  int log = open(log_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  REQUIRE(log >= 0);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_ = fork();
  REQUIRE(pid_ >= 0);
  if (pid_ == 0) {
    int null = open("/dev/null", O_RDONLY);
    dup2(null, 0);
    dup2(log, 1);
    dup2(log, 2);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(log);
}

DaemonProcess::~DaemonProcess() {
  if (pid_ <= 0) return;
  kill(pid_, SIGTERM);
  for (int i = 0; i < 50; ++i) {  // 5 s for a clean shutdown
    if (waitpid(pid_, nullptr, WNOHANG) == pid_) return;
    std::this_thread::sleep_for(100ms);
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
}

int free_port() { return closed_port(); }

PrometheusTestServer::PrometheusTestServer(const std::string& config_yaml, const std::string& rules_yaml)
    : port_(free_port()) {
  dir_.write("prometheus.yml", replace_port(config_yaml, port_));
  dir_.write("rules.yml", replace_port(rules_yaml, port_));
  process_ = std::make_unique<DaemonProcess>(
      std::vector<std::string>{"prometheus", "--config.file=" + dir_.file("prometheus.yml"),
                               "--storage.tsdb.path=" + dir_.file("data"),
                               "--web.listen-address=127.0.0.1:" + std::to_string(port_)},
      dir_.file("log"));
  wait_ready(url() + "/-/ready", "", 20s, dir_.file("log"));
}

void PrometheusTestServer::wait_for(const std::string& path, const std::string& needle,
                                    std::chrono::milliseconds limit) const {
  wait_ready(url() + path, needle, limit, dir_.file("log"));
}

AlertmanagerTestServer::AlertmanagerTestServer(const std::string& config_yaml) : port_(free_port()) {
  dir_.write("alertmanager.yml", config_yaml);
  process_ = std::make_unique<DaemonProcess>(
      std::vector<std::string>{"prometheus-alertmanager", "--config.file=" + dir_.file("alertmanager.yml"),
                               "--storage.path=" + dir_.file("data"),
                               "--web.listen-address=127.0.0.1:" + std::to_string(port_),
                               "--cluster.listen-address="},
      dir_.file("log"));
  wait_ready(url() + "/-/ready", "", 20s, dir_.file("log"));
}

void AlertmanagerTestServer::load(const std::string& config_yaml) const {
  dir_.write("alertmanager.yml", config_yaml);
  ChildResult r = run_child({"curl", "-sS", "-X", "POST", "-w", "\n%{http_code}", url() + "/-/reload"}, {}, 20s);
  REQUIRE_MESSAGE(r.exit_code == 0, "curl failed: " << r.err);
  REQUIRE_MESSAGE(r.out.ends_with("\n200"), "Alertmanager refused the configuration: " << r.out << "\n"
                                                                                        << config_yaml);
}

std::string AlertmanagerTestServer::served_config() const {
  HttpRequest req;
  req.url = url() + "/api/v2/status";
  HttpResponse r = probe_one(req);
  REQUIRE_MESSAGE(r.status == 200, "GET /api/v2/status: " << r.status << " " << r.reason);
  auto j = nlohmann::json::parse(r.body);
  return j.at("config").at("original").get<std::string>();
}

namespace {

/// A label as an amtool argument: `name="value"` with \\, \" and \n escaped, which amtool
/// reads back exactly (labels.ParseMatcher); other characters, CR included, go as they are.
std::string amtool_label(const std::string& name, const std::string& value) {
  std::string out = name + "=\"";
  for (char c : value) {
    if (c == '\\') out += "\\\\";
    else if (c == '"') out += "\\\"";
    else if (c == '\n') out += "\\n";
    else out += c;
  }
  return out + "\"";
}

std::vector<std::string> split_receivers(const std::string& output) {
  std::vector<std::string> out;
  std::string line = output.substr(0, output.find('\n'));
  size_t start = 0;
  while (start <= line.size()) {
    size_t comma = line.find(',', start);
    if (comma == std::string::npos) comma = line.size();
    if (comma > start) out.push_back(line.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

/// Single-quoted for bash: every byte as it is.
std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::vector<std::string> amtool_routes(const std::string& config_yaml,
                                       const std::vector<std::pair<std::string, std::string>>& labels) {
  TempDir dir;
  dir.write("alertmanager.yml", config_yaml);
  std::vector<std::string> argv = {"amtool", "config", "routes", "test", "--config.file=" + dir.file("alertmanager.yml")};
  for (const auto& [k, v] : labels) argv.push_back(amtool_label(k, v));
  ChildResult r = run_child(argv, {}, 10s);
  REQUIRE_MESSAGE(r.exit_code == 0, "amtool failed: " << r.err);
  return split_receivers(r.out);
}

std::vector<std::vector<std::string>> amtool_routes_batch(const std::vector<AmtoolQuery>& queries) {
  // One amtool process per query (it answers one label set), four at a time: one bash
  // script instead of a fork from the test for each.
  TempDir dir;
  std::string script = "cd " + shell_quote(dir.path()) + "\n";
  for (size_t i = 0; i < queries.size(); ++i) {
    script += "(amtool config routes test --config.file=" + shell_quote(queries[i].config_file);
    for (const auto& [k, v] : queries[i].labels) {
      script += ' ';  // not `" " + …`: g++ 12 at -O3 reports a false -Wrestrict on it
      script += shell_quote(amtool_label(k, v));
    }
    script += " >out." + std::to_string(i) + " 2>err." + std::to_string(i) + "; echo $? >rc." + std::to_string(i) +
              ") &\n";
    if (i % 4 == 3) script += "wait\n";
  }
  script += "wait\n";
  dir.write("run.sh", script);
  ChildResult r = run_child({"bash", dir.file("run.sh")}, {}, 300s);
  REQUIRE_MESSAGE(r.exit_code == 0, "amtool batch failed: " << r.err);
  std::vector<std::vector<std::string>> answers;
  for (size_t i = 0; i < queries.size(); ++i) {
    const std::string n = std::to_string(i);
    if (slurp(dir.file("rc." + n)).value_or("") != "0\n")
      answers.push_back({"amtool failed: " + slurp(dir.file("err." + n)).value_or("")});
    else
      answers.push_back(split_receivers(slurp(dir.file("out." + n)).value_or("")));
  }
  return answers;
}

}  // namespace golive::test
