#include "tests/support/process.h"

#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <termios.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace golive::test {

namespace {

bool dropped(const std::string& entry) {
  std::string name = entry.substr(0, entry.find('='));
  // The locale picks golive's language (--lang): every test starts from LANG=C.UTF-8.
  return name.rfind("GOLIVE_", 0) == 0 || name == "NO_COLOR" || name == "SOURCE_DATE_EPOCH" ||
         name == "LC_ALL" || name == "LC_MESSAGES" || name == "LANG";
}

void drain(int out_fd, int err_fd, std::string& out, std::string& err) {
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  std::string* sinks[2] = {&out, &err};
  int open = 2;
  char buf[65536];
  while (open > 0) {
    if (::poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(std::strerror(errno));
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {  // a pty master reads EIO once the child is gone
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open;
      }
    }
  }
}

}  // namespace

// The only file compiled with the build-tree paths, so moving the build or the source
// tree recompiles this file, not every test.
std::string source_dir() { return GOLIVE_SOURCE_DIR; }
std::string golive_binary() { return GOLIVE_BINARY; }
std::string net_module_path() { return GOLIVE_NET_MODULE; }

namespace {
ProcessResult run_process(std::vector<std::string> argv_text, const ProcessOptions& options);
}  // namespace

ProcessResult run_golive(const std::vector<std::string>& args, const ProcessOptions& options) {
  std::vector<std::string> argv = {golive_binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(std::move(argv), options);
}

ProcessResult run_golive_shell(const std::string& script, const ProcessOptions& options) {
  return run_process({"/bin/bash", "-c", script, golive_binary()}, options);
}

namespace {
ProcessResult run_process(std::vector<std::string> argv_text, const ProcessOptions& options) {
  std::vector<std::string> env_text;
  for (char** e = environ; *e; ++e)
    if (!dropped(*e)) env_text.emplace_back(*e);
  env_text.emplace_back("LANG=C.UTF-8");
  for (const auto& [k, v] : options.env) {
    std::erase_if(env_text, [&](const std::string& e) { return e.rfind(k + "=", 0) == 0; });
    env_text.push_back(k + "=" + v);
  }
  // Built before fork: the child may only call async-signal-safe functions.
  std::vector<char*> argv, envp;
  for (auto& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);
  for (auto& e : env_text) envp.push_back(e.data());
  envp.push_back(nullptr);
  std::string cwd = options.cwd.empty() ? source_dir() : options.cwd;

  int out_pipe[2], err_pipe[2];
  if (::pipe2(err_pipe, O_CLOEXEC) != 0) throw std::runtime_error(std::strerror(errno));
  if (options.tty) {
    termios raw{};
    ::cfmakeraw(&raw);  // no "\n" -> "\r\n" translation: compare output as written
    if (::openpty(&out_pipe[0], &out_pipe[1], nullptr, &raw, nullptr) != 0)
      throw std::runtime_error(std::strerror(errno));
    ::fcntl(out_pipe[0], F_SETFD, FD_CLOEXEC);
    ::fcntl(out_pipe[1], F_SETFD, FD_CLOEXEC);
  } else if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error(std::strerror(errno));
  }
  pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error(std::strerror(errno));
  if (pid == 0) {
    ::dup2(out_pipe[1], STDOUT_FILENO);
    ::dup2(err_pipe[1], STDERR_FILENO);
    int null = ::open("/dev/null", O_RDONLY);
    if (null >= 0) ::dup2(null, STDIN_FILENO);
    if (::chdir(cwd.c_str()) != 0) ::_exit(126);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  ProcessResult result;
  drain(out_pipe[0], err_pipe[0], result.out, result.err);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) throw std::runtime_error(std::strerror(errno));
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  return result;
}
}  // namespace

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "golive-test-XXXXXX").string();
  if (!::mkdtemp(tmpl.data())) throw std::runtime_error(std::strerror(errno));
  path_ = tmpl;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void TempDir::write(const std::string& name, const std::string& text) const {
  std::ofstream out(file(name), std::ios::binary);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + file(name));
}

std::vector<std::string> TempDir::list() const {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(path_)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<std::string> slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace golive::test
