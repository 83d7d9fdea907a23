#include "tests/support/servers.h"

#include "tests/support/process.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>

#include <doctest/doctest.h>

namespace golive::test {

namespace {

using Clock = std::chrono::steady_clock;

/// fork + exec with the given pipes as stdin/stdout/stderr (-1: /dev/null).
pid_t spawn(const std::vector<std::string>& argv,
            const std::vector<std::pair<std::string, std::string>>& env, int in, int out, int err,
            const std::vector<int>& close_in_child) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  int null = open("/dev/null", O_RDWR);
  dup2(in >= 0 ? in : null, 0);
  dup2(out >= 0 ? out : null, 1);
  dup2(err >= 0 ? err : null, 2);
  for (int fd : close_in_child) close(fd);
  // A new process group, so that stopping the server also stops anything it started.
  setpgid(0, 0);
  for (const auto& [k, v] : env) {
    if (v.empty())
      unsetenv(k.c_str());
    else
      setenv(k.c_str(), v.c_str(), 1);
  }
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  execvp(args[0], args.data());
  _exit(127);
}

/// Waits for the child until `deadline`; returns its wait status, or -1 if still running.
int wait_until(pid_t pid, Clock::time_point deadline) {
  while (true) {
    int status = 0;
    pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) return status;
    if (r < 0) return 0;
    if (Clock::now() >= deadline) return -1;
    usleep(10'000);
  }
}

void stop(pid_t pid) {
  if (pid <= 0) return;
  if (wait_until(pid, Clock::now() + std::chrono::milliseconds(1500)) != -1) return;
  kill(-pid, SIGTERM);
  if (wait_until(pid, Clock::now() + std::chrono::seconds(2)) != -1) return;
  kill(-pid, SIGKILL);
  wait_until(pid, Clock::now() + std::chrono::seconds(5));
}

}  // namespace

ChildResult run_child(const std::vector<std::string>& argv,
                          const std::vector<std::pair<std::string, std::string>>& env,
                          std::chrono::milliseconds timeout, const std::string& stdin_text) {
  int in[2], out[2], err[2];
  REQUIRE(pipe(in) == 0);
  REQUIRE(pipe(out) == 0);
  REQUIRE(pipe(err) == 0);
  pid_t pid = spawn(argv, env, in[0], out[1], err[1], {in[1], out[0], err[0]});
  REQUIRE(pid > 0);
  close(in[0]);
  close(out[1]);
  close(err[1]);
  signal(SIGPIPE, SIG_IGN);
  if (!stdin_text.empty()) {
    ssize_t written = write(in[1], stdin_text.data(), stdin_text.size());
    (void)written;
  }
  close(in[1]);
  ChildResult result;
  auto deadline = Clock::now() + timeout;
  pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) {
      result.timed_out = true;
      break;
    }
    int n = poll(fds, 2, static_cast<int>(left));
    if (n < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t got = read(fds[i].fd, buf, sizeof buf);
      if (got <= 0) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      } else {
        (i == 0 ? result.out : result.err).append(buf, static_cast<size_t>(got));
      }
    }
  }
  for (auto& f : fds)
    if (f.fd >= 0) close(f.fd);
  if (result.timed_out) kill(-pid, SIGKILL);
  int status = wait_until(pid, Clock::now() + (result.timed_out ? std::chrono::seconds(5) : timeout));
  if (status == -1) {
    kill(-pid, SIGKILL);
    status = wait_until(pid, Clock::now() + std::chrono::seconds(5));
    result.timed_out = true;
  }
  result.exit_code = !result.timed_out && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

ServerProcess::ServerProcess(const std::vector<std::string>& argv,
                             const std::vector<std::pair<std::string, std::string>>& env) {
  int in[2], out[2];
  REQUIRE(pipe(in) == 0);
  REQUIRE(pipe(out) == 0);
  pid_ = spawn(argv, env, in[0], out[1], -1, {in[1], out[0]});
  REQUIRE(pid_ > 0);
  close(in[0]);
  close(out[1]);
  fcntl(in[1], F_SETFD, FD_CLOEXEC);
  stdin_fd_ = in[1];
  std::string line;
  auto deadline = Clock::now() + std::chrono::seconds(15);
  while (line.find('\n') == std::string::npos) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    pollfd fd{out[0], POLLIN, 0};
    if (left <= 0 || poll(&fd, 1, static_cast<int>(left)) <= 0) break;
    char buf[256];
    ssize_t got = read(out[0], buf, sizeof buf);
    if (got <= 0) break;
    line.append(buf, static_cast<size_t>(got));
  }
  close(out[0]);
  port_ = std::atoi(line.c_str());
  if (port_ <= 0) {
    close(stdin_fd_);
    stop(pid_);
    FAIL("server did not start: " << argv[0] << " " << (argv.size() > 1 ? argv[1] : ""));
  }
}

ServerProcess::~ServerProcess() {
  if (stdin_fd_ >= 0) close(stdin_fd_);  // the servers exit when stdin closes
  stop(pid_);
}

std::string source_path(const std::string& relative) {
  return golive::test::source_dir() + "/" + relative;
}

namespace {
std::vector<std::string> http_server_argv(const HttpTestServer::Options& o) {
  std::vector<std::string> argv = {"python3", source_path("tests/fixtures/http_server.py")};
  if (o.tls) {
    argv.push_back("--tls");
    argv.push_back(source_path("tests/fixtures/tls/localhost.crt"));
    argv.push_back(source_path("tests/fixtures/tls/localhost.key"));
  }
  if (!o.token.empty()) {
    argv.push_back("--token");
    argv.push_back(o.token);
  }
  return argv;
}
}  // namespace

HttpTestServer::HttpTestServer(const Options& options)
    : scheme_(options.tls ? "https" : "http"), process_(http_server_argv(options)) {}

std::string HttpTestServer::url(const std::string& path) const {
  return scheme_ + "://127.0.0.1:" + std::to_string(port()) + path;
}

S3TestServer::S3TestServer(std::string access_key, std::string secret_key)
    : access_key_(std::move(access_key)), secret_key_(std::move(secret_key)) {
  std::string script = source_path("tests/fixtures/s3/server.js");
  if (!std::filesystem::exists(source_path("tests/fixtures/s3/node_modules/s3rver")))
    FAIL("s3rver is not installed: run .ci/install-deps");
  char tmpl[] = "/tmp/golive-s3-XXXXXX";
  REQUIRE(mkdtemp(tmpl) != nullptr);
  dir_ = tmpl;
  process_ = std::make_unique<ServerProcess>(
      std::vector<std::string>{"node", script, dir_},
      std::vector<std::pair<std::string, std::string>>{{"S3_FIXTURE_ACCESS_KEY", access_key_},
                                                       {"S3_FIXTURE_SECRET_KEY", secret_key_}});
}

S3TestServer::~S3TestServer() {
  process_.reset();
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

std::string S3TestServer::endpoint() const { return "http://127.0.0.1:" + std::to_string(port()); }

namespace {
void s3_put(const S3TestServer& s3, const std::string& ak, const std::string& sk,
            const std::string& path, const std::string& content, bool upload) {
  std::vector<std::string> argv = {"curl", "-sS", "-f", "-o", "/dev/null", "--max-time", "10",
                                   "--aws-sigv4", "aws:amz:us-east-1:s3", "-u", ak + ":" + sk,
                                   "-H", "x-amz-content-sha256: UNSIGNED-PAYLOAD"};
  if (upload) {
    argv.insert(argv.end(), {"-T", "-"});
  } else {
    argv.insert(argv.end(), {"-X", "PUT"});
  }
  argv.push_back(s3.endpoint() + path);
  auto r = run_child(argv, {}, std::chrono::seconds(15), content);
  REQUIRE_MESSAGE(r.exit_code == 0, "S3 PUT " << path << " failed: " << r.err);
}
}  // namespace

void S3TestServer::create_bucket(const std::string& bucket) {
  s3_put(*this, access_key_, secret_key_, "/" + bucket, "", false);
}

void S3TestServer::put_object(const std::string& bucket, const std::string& key,
                              const std::string& content) {
  // curl signs the path as it is in the URL, so the URL carries S3's canonical form.
  s3_put(*this, access_key_, secret_key_, "/" + bucket + "/" + s3_key_path(key), content, true);
}

int closed_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  socklen_t len = sizeof addr;
  REQUIRE(getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
  close(fd);  // bound but never listening, then released: connections are refused
  return ntohs(addr.sin_port);
}

ScopedEnv::ScopedEnv(std::string name, const std::string& value) : name_(std::move(name)) {
  if (const char* v = std::getenv(name_.c_str())) {
    had_ = true;
    old_ = v;
  }
  if (value.empty())
    unsetenv(name_.c_str());
  else
    setenv(name_.c_str(), value.c_str(), 1);
}

ScopedEnv::~ScopedEnv() {
  if (had_)
    setenv(name_.c_str(), old_.c_str(), 1);
  else
    unsetenv(name_.c_str());
}

namespace {
void use_build_module() {
  static bool done = [] {
    set_probe_module_path(golive::test::net_module_path());
    return true;
  }();
  (void)done;
}
}  // namespace

std::vector<Finding> run_check_live(const std::string& id, const Plan& plan, Instant as_of,
                                    const ProbeSettings& settings,
                                    const std::vector<std::pair<std::string, std::string>>& params) {
  use_build_module();
  const CheckInfo* info = find_check(id);
  if (!info) FAIL("no such check: " << id);
  std::vector<std::pair<std::string, ParamValue>> values;
  for (const auto& [k, v] : params) {
    // Member by member: the aggregate temporary gets a false -Wmaybe-uninitialized at -O3.
    ParamValue value;
    value.loc = SourceLoc{"ruleset.yaml", 1, 1};
    value.items = {v};
    values.emplace_back(k, std::move(value));
  }
  Params p(std::move(values));
  auto check = info->make(p);
  Context ctx(plan, as_of, false);
  check->run(plan, ctx);
  run_probes(ctx.take_probes(), settings);
  auto findings = ctx.take();
  for (auto& f : findings) {
    f.check = info->id;
    f.category = info->category;
    f.severity = info->severity;
  }
  return findings;
}

HttpResponse probe_one(const HttpRequest& request, const ProbeSettings& settings) {
  use_build_module();
  return execute_probes({request}, settings).at(0);
}

bool maps_library(const std::string& pid, const std::string& name) {
  std::ifstream maps("/proc/" + pid + "/maps");
  std::string line;
  while (std::getline(maps, line))
    if (line.find("/" + name) != std::string::npos) return true;
  return false;
}

}  // namespace golive::test
