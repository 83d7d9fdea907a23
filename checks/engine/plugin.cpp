#include "checks/engine/plugin.h"
#include "checks/engine/i18n.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <climits>
#include <chrono>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "checks/engine/interrupt.h"
#include "checks/engine/limits.h"
#include "checks/engine/plan_format.h"
#include "checks/engine/redact.h"
#include "checks/engine/yaml_reader.h"

extern char** environ;

namespace golive {
namespace {

using Clock = std::chrono::steady_clock;
using Json = nlohmann::ordered_json;

// Only the first line of stderr is ever shown; the rest is read and dropped so the plugin
// never blocks on a full pipe. Stdout is bounded by the plugin-output limit instead.
constexpr size_t kMaxStderr = 64 << 10;

class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  int get() const { return fd_; }
  bool open() const { return fd_ >= 0; }
  void reset(int fd = -1) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }

 private:
  int fd_ = -1;
};

void set_nonblocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

// Reads what is available; closes `fd` at end of file or on error.
void drain(Fd& fd, std::string& into, size_t limit) {
  char buf[8192];
  while (fd.open()) {
    ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n > 0) {
      size_t room = into.size() < limit ? limit - into.size() : 0;
      into.append(buf, std::min(room, static_cast<size_t>(n)));
    } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)) {
      fd.reset();
    } else if (errno != EINTR) {
      return;
    }
  }
}

std::string first_line(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::string trim(std::string s) {
  auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s.erase(s.begin(), std::find_if(s.begin(), s.end(), not_space));
  s.erase(std::find_if(s.rbegin(), s.rend(), not_space).base(), s.end());
  return s;
}

EvidenceValue evidence_of(const Json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number_integer()) return v.get<int64_t>();
  if (v.is_number_unsigned() && v.get<uint64_t>() <= INT64_MAX)
    return static_cast<int64_t>(v.get<uint64_t>());
  if (v.is_number()) return v.get<double>();
  if (v.is_array() && std::all_of(v.begin(), v.end(), [](const Json& i) { return i.is_string(); })) {
    std::vector<std::string> items;
    for (const auto& i : v) items.push_back(i.get<std::string>());
    return items;
  }
  return v.dump();
}

// The verdict from a JSON object on stdout.
PluginOutcome from_json(const Json& j) {
  PluginOutcome out;
  const std::string status = j.contains("status") && j["status"].is_string() ? j["status"].get<std::string>() : "";
  if (status == "pass") {
    out.status = Status::Pass;
  } else if (status == "fail") {
    out.status = Status::Fail;
  } else if (status == "warn") {
    out.status = Status::Fail;
    out.warning = true;
  } else if (status == "error") {
    out.status = Status::Error;
  } else if (status == "skip") {
    out.status = Status::Skip;
  } else {
    out.status = Status::Error;
    out.message = message("findings.engine.plugin.no_status");
    return out;
  }
  if (j.contains("message") && j["message"].is_string()) out.message = j["message"].get<std::string>();
  if (out.message.empty()) out.message = message("findings.engine.plugin.reported", fmt::arg("status", status));
  if (j.contains("evidence") && j["evidence"].is_object())
    for (const auto& [k, v] : j["evidence"].items()) out.evidence.emplace_back(k, evidence_of(v));
  return out;
}

// The verdict from the exit code, Nagios plugin style.
PluginOutcome from_exit_code(int code, const std::string& out, const std::string& err) {
  PluginOutcome o;
  // "DISK OK - free space: 72% | /=2643MB;..." : what follows `|` is performance data.
  std::string msg = first_line(out);
  msg = trim(msg.substr(0, msg.find('|')));
  o.evidence.emplace_back("exit_code", code);
  switch (code) {
    case 0: o.status = Status::Pass; break;
    case 1: o.status = Status::Fail; o.warning = true; break;
    case 2: o.status = Status::Fail; break;
    case 3: o.status = Status::Error; break;
    default: o.status = Status::Error; break;
  }
  if (o.status == Status::Error) {
    const std::string why = trim(first_line(err));
    if (!why.empty()) o.evidence.emplace_back("stderr", why);
    if (code != 3)
      msg = msg.empty() && why.empty()
                ? message("findings.engine.plugin.exit_code", fmt::arg("code", code))
                : message("findings.engine.plugin.exit_code_saying", fmt::arg("code", code),
                          fmt::arg("text", msg.empty() ? why : msg));
  }
  if (msg.empty()) {
    static const char* const kNames[] = {"OK", "WARNING", "CRITICAL", "UNKNOWN"};
    msg = message("findings.engine.plugin.exit_code_named", fmt::arg("code", code), fmt::arg("name", kNames[code]));
  }
  o.message = std::move(msg);
  return o;
}

PluginOutcome error(std::string message) {
  PluginOutcome o;
  o.status = Status::Error;
  o.message = std::move(message);
  return o;
}

std::string display(const std::vector<std::string>& argv) {
  std::string s;
  for (const auto& a : argv) s += (s.empty() ? "" : " ") + a;
  return s;
}

}  // namespace

PluginOutcome run_plugin(const PluginCall& call) {
  if (call.argv.empty() || call.argv[0].empty()) return error(message("findings.engine.plugin.no_command"));
  std::vector<std::string> argv = call.argv;
  if (argv[0].find('/') != std::string::npos && argv[0].front() != '/' && !call.base_dir.empty())
    argv[0] = (std::filesystem::path(call.base_dir) / argv[0]).lexically_normal().string();

  int sv[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
    return error(message("findings.engine.plugin.cannot_run", fmt::arg("plugin", display(call.argv)),
                         fmt::arg("why", std::strerror(errno))));
  // A socket rather than a pipe for stdin: send() with MSG_NOSIGNAL cannot raise SIGPIPE in
  // golive when a plugin exits without reading the plan.
  Fd in_parent(sv[0]), in_child(sv[1]);
  int op[2], ep[2];
  if (::pipe2(op, O_CLOEXEC) != 0)
    return error(message("findings.engine.plugin.cannot_run", fmt::arg("plugin", display(call.argv)),
                         fmt::arg("why", std::strerror(errno))));
  Fd out_parent(op[0]), out_child(op[1]);
  if (::pipe2(ep, O_CLOEXEC) != 0)
    return error(message("findings.engine.plugin.cannot_run", fmt::arg("plugin", display(call.argv)),
                         fmt::arg("why", std::strerror(errno))));
  Fd err_parent(ep[0]), err_child(ep[1]);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_child.get(), 0);
  posix_spawn_file_actions_adddup2(&actions, out_child.get(), 1);
  posix_spawn_file_actions_adddup2(&actions, err_child.get(), 2);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  // Own process group, so a timeout kills whatever the plugin started too; default signal
  // dispositions and an empty mask, whatever golive itself has set.
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  posix_spawnattr_setpgroup(&attr, 0);
  sigset_t none, all;
  sigemptyset(&none);
  sigfillset(&all);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &all);

  std::vector<std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string_view kv(*e);
    bool replaced = std::any_of(call.env.begin(), call.env.end(), [&](const auto& p) {
      return kv.size() > p.first.size() && kv.substr(0, p.first.size()) == p.first &&
             kv[p.first.size()] == '=';
    });
    if (!replaced) env.emplace_back(kv);
  }
  for (const auto& [k, v] : call.env) env.push_back(k + "=" + v);
  std::vector<char*> argp, envp;
  for (auto& a : argv) argp.push_back(a.data());
  argp.push_back(nullptr);
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);

  pid_t pid = 0;
  // SIGINT and SIGTERM wait until the plugin's group is registered, so that an interrupt
  // never leaves it running.
  sigset_t interrupts, before;
  sigemptyset(&interrupts);
  sigaddset(&interrupts, SIGINT);
  sigaddset(&interrupts, SIGTERM);
  ::pthread_sigmask(SIG_BLOCK, &interrupts, &before);
  int rc = ::posix_spawnp(&pid, argp[0], &actions, &attr, argp.data(), envp.data());
  std::optional<InterruptKillsGroup> on_interrupt;
  if (rc == 0) on_interrupt.emplace(pid);
  ::pthread_sigmask(SIG_SETMASK, &before, nullptr);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) return error(message("findings.engine.plugin.cannot_run", fmt::arg("plugin", argv[0]),
                                         fmt::arg("why", std::strerror(rc))));
  in_child.reset();
  out_child.reset();
  err_child.reset();
  set_nonblocking(in_parent.get());
  set_nonblocking(out_parent.get());
  set_nonblocking(err_parent.get());

  const auto deadline = Clock::now() + call.timeout;
  // One byte over the limit is kept, to tell "at the limit" from "over it".
  const size_t max_out = static_cast<size_t>(limit_value(Limit::PluginOutput)) + 1;
  bool too_much = false;
  std::string out, err;
  size_t written = 0;
  int status = 0;
  bool exited = false, timed_out = false;
  if (call.stdin_text.empty()) in_parent.reset();
  while (out_parent.open() || err_parent.open() || in_parent.open()) {
    auto now = Clock::now();
    if (now >= deadline) {
      timed_out = true;
      break;
    }
    pollfd fds[3];
    nfds_t n = 0;
    if (in_parent.open()) fds[n++] = {in_parent.get(), POLLOUT, 0};
    if (out_parent.open()) fds[n++] = {out_parent.get(), POLLIN, 0};
    if (err_parent.open()) fds[n++] = {err_parent.get(), POLLIN, 0};
    // Wake up now and then to notice a plugin that exited while a process it started
    // still holds its stdout open.
    auto wait = std::min<Clock::duration>(deadline - now, std::chrono::milliseconds(50));
    int ready = ::poll(fds, n, static_cast<int>(std::chrono::ceil<std::chrono::milliseconds>(wait).count()));
    if (ready < 0 && errno != EINTR) break;
    for (nfds_t i = 0; ready > 0 && i < n; ++i) {
      if (fds[i].revents == 0) continue;
      if (fds[i].fd == in_parent.get()) {
        ssize_t w = ::send(in_parent.get(), call.stdin_text.data() + written,
                           call.stdin_text.size() - written, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (w > 0) written += static_cast<size_t>(w);
        if ((w < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) ||
            written == call.stdin_text.size())
          in_parent.reset();  // done, or the plugin stopped reading: either way, EOF
      } else if (fds[i].fd == out_parent.get()) {
        drain(out_parent, out, max_out);
        too_much = out.size() == max_out;
      } else if (fds[i].fd == err_parent.get()) {
        drain(err_parent, err, kMaxStderr);
      }
    }
    if (too_much) break;
    if (!exited && ::waitpid(pid, &status, WNOHANG) == pid) {
      exited = true;
      drain(out_parent, out, max_out);
      too_much = out.size() == max_out;
      drain(err_parent, err, kMaxStderr);
      break;
    }
  }
  if (too_much) {
    // A plugin printing megabytes is not printing a verdict: stop it rather than read on.
    ::kill(-pid, SIGKILL);
    if (!exited)
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
    return error(over_limit(Limit::PluginOutput,
                            message("findings.engine.plugin.too_much_output", fmt::arg("plugin", display(call.argv)),
                                    fmt::arg("bytes", max_out - 1))));
  }
  if (!exited && !timed_out) {
    // Output closed; give the plugin until the deadline to exit.
    while (true) {
      pid_t r = ::waitpid(pid, &status, WNOHANG);
      if (r == pid || (r < 0 && errno != EINTR)) {
        exited = r == pid;
        break;
      }
      if (Clock::now() >= deadline) {
        timed_out = true;
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
  if (timed_out) {
    ::kill(-pid, SIGKILL);
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return error(message("findings.engine.plugin.timeout", fmt::arg("plugin", display(call.argv)),
                         fmt::arg("timeout", say_duration(call.timeout))));
  }
  if (!exited) return error(message("findings.engine.plugin.lost", fmt::arg("plugin", display(call.argv))));
  // Whatever the plugin started and left running (a daemon holding its stdout open) goes
  // with it: nothing a check started outlives the check.
  ::kill(-pid, SIGKILL);
  if (WIFSIGNALED(status))
    return error(message("findings.engine.plugin.signal", fmt::arg("plugin", display(call.argv)),
                         fmt::arg("signal", WTERMSIG(status)), fmt::arg("name", strsignal(WTERMSIG(status)))));
  const int code = WEXITSTATUS(status);

  const std::string text = trim(out);
  if (!text.empty() && text.front() == '{') {
    Json j = Json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_object()) return from_json(j);
  }
  return from_exit_code(code, out, err);
}

namespace {

// The plan as golive understood it: a scalar is a number or a boolean only where the plan
// format declares one (plan_format()); everything else is the text as written, so a
// version 3.10 stays "3.10" and a phone keeps its +. Keys outside the format (`x-` keys)
// carry text too. Text is redacted: a plugin is a program golive hands the plan to, and a
// password in a URL must not reach it (it resolves `${env:NAME}` itself if it needs one).
Json scalar_json(const YamlNode& n, const std::string& path) {
  const std::string& s = n.Scalar();
  static const std::map<std::string, KeyKind> typed = [] {
    std::map<std::string, KeyKind> m;
    for (const KeySpec& k : plan_format())
      if (k.kind == KeyKind::Boolean || k.kind == KeyKind::Integer || k.kind == KeyKind::Number)
        m.emplace(k.path, k.kind);
    return m;
  }();
  auto it = typed.find(path);
  if (it == typed.end()) return redact(s);
  // The loader has accepted the plan, so the value has its declared type.
  switch (it->second) {
    case KeyKind::Boolean:
      return s[0] == 't' || s[0] == 'T';
    case KeyKind::Integer: {
      int64_t v = 0;
      const char* b = s.data() + (!s.empty() && s[0] == '+' ? 1 : 0);
      auto r = std::from_chars(b, s.data() + s.size(), v);
      if (r.ec == std::errc() && r.ptr == s.data() + s.size()) return v;
      return s;
    }
    default: {
      double d = std::strtod(s.c_str(), nullptr);
      if (std::isfinite(d)) return d;
      return s;
    }
  }
}

Json to_json(const YamlNode& n, const std::string& path) {
  switch (n.Type()) {
    case YamlNodeType::Null:
    case YamlNodeType::Undefined:
      return nullptr;
    case YamlNodeType::Scalar:
      return scalar_json(n, path);
    case YamlNodeType::Sequence: {
      Json a = Json::array();
      for (const auto& item : n) a.push_back(to_json(item, path + "[]"));
      return a;
    }
    case YamlNodeType::Map: {
      Json o = Json::object();
      for (const auto& kv : n) {
        const std::string& key = kv.first.Scalar();
        o[key] = to_json(kv.second, path.empty() ? key : path + "." + key);
      }
      return o;
    }
  }
  return nullptr;
}

}  // namespace

std::string yaml_to_json(const std::string& yaml, const std::string& file) {
  return to_json(parse_yaml(yaml, file), "").dump();
}

}  // namespace golive
