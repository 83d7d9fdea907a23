#include "cli/report/report.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>

#include "checks/engine/interrupt.h"
#include "checks/engine/source_loc.h"
#include "checks/engine/i18n.h"

namespace golive {

namespace {
std::map<std::string, ReportFormat, std::less<>>& registry() {
  static std::map<std::string, ReportFormat, std::less<>> formats;
  return formats;
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : std::string(sep)) + i;
  return out;
}

// Writes all of `data` to `fd`, resuming after interrupted and partial writes. Throws
// std::runtime_error with the system's reason.
void write_fully(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw std::runtime_error(std::strerror(errno));
    data.remove_prefix(static_cast<size_t>(n));
  }
}

// Removes the temporary file unless the write completed and it was renamed.
class TempFile {
 public:
  explicit TempFile(const std::string& target) {
    std::filesystem::path p(target);
    std::filesystem::path dir = p.parent_path();
    // fmt rather than "." + std::string: g++ 12 at -O3 reports a false -Wrestrict on that.
    path_ = (dir / fmt::format(".{}.tmp-XXXXXX", p.filename().string())).string();
    // An interrupt between creating the file and registering it would leave it behind.
    sigset_t interrupts, before;
    sigemptyset(&interrupts);
    sigaddset(&interrupts, SIGINT);
    sigaddset(&interrupts, SIGTERM);
    ::pthread_sigmask(SIG_BLOCK, &interrupts, &before);
    fd_ = ::mkstemp(path_.data());
    const int error = errno;
    if (fd_ >= 0) on_interrupt_.emplace(path_);
    ::pthread_sigmask(SIG_SETMASK, &before, nullptr);
    if (fd_ < 0) throw std::runtime_error(std::strerror(error));
  }
  ~TempFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(path_.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  void write_all(std::string_view data) { write_fully(fd_, data); }

  void commit(const std::string& target) {
    // mkstemp creates 0600; a report is an ordinary file, so honour the umask instead.
    mode_t mask = ::umask(0);
    ::umask(mask);
    if (::fchmod(fd_, 0666 & ~mask) != 0 || ::fsync(fd_) != 0)
      throw std::runtime_error(std::strerror(errno));
    int rc = ::close(fd_);
    fd_ = -1;
    if (rc != 0) throw std::runtime_error(std::strerror(errno));
    if (::rename(path_.c_str(), target.c_str()) != 0) throw std::runtime_error(std::strerror(errno));
    committed_ = true;
  }

 private:
  std::string path_;
  int fd_ = -1;
  bool committed_ = false;
  std::optional<InterruptRemovesFile> on_interrupt_;
};

// Writes to what is already open there: a device, a pipe or a socket (`/dev/stdout`, a named
// pipe), which has no directory entry that a renamed file could replace. Appends, so that
// `/dev/stdout` redirected to a file keeps what was printed before.
void write_in_place(const std::string& path, std::string_view text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error(std::strerror(errno));
  try {
    write_fully(fd, text);
  } catch (...) {
    ::close(fd);
    throw;
  }
  if (::close(fd) != 0) throw std::runtime_error(std::strerror(errno));
}

// Where a report for `path` goes. `file` is the file renamed into place: `path` itself, or the
// file a symbolic link names (the link stays a link). It is empty for a device, a pipe or a
// socket, or a path under /dev/ or /proc/ that names something already open (`/dev/stdout`):
// there is nothing to rename over, and the report is written in place. destination_of()
// throws std::runtime_error with the system's reason only.
struct Destination {
  std::string file;  ///< empty: written in place
};

Destination destination_of(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status target = fs::status(path, ec);  // through symbolic links
  const bool there = !ec && fs::exists(target);
  const bool special = there && !fs::is_regular_file(target) && !fs::is_directory(target);
  // The kernel's own links to open files (`/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`) name
  // what the process already writes to, even when that is a regular file: replacing the file
  // would leave the process writing to one no one can see any more.
  const bool open_file_link = path.rfind("/dev/", 0) == 0 || path.rfind("/proc/", 0) == 0;
  if (special || (open_file_link && there)) return {""};
  // A link to a file not there yet creates that file.
  fs::path file = path;
  for (int hops = 0; fs::is_symlink(fs::symlink_status(file, ec)); ++hops) {
    if (hops == 40) throw std::runtime_error(std::strerror(ELOOP));
    const fs::path next = fs::read_symlink(file, ec);
    if (ec) throw std::runtime_error(ec.message());
    file = next.is_absolute() ? next : file.parent_path() / next;
  }
  return {file.string()};
}

// Throws std::runtime_error with the system's reason only; callers add the path.
void write_atomically(const std::string& path, std::string_view text) {
  const Destination to = destination_of(path);
  if (to.file.empty()) return write_in_place(path, text);
  TempFile tmp(to.file);
  tmp.write_all(text);
  tmp.commit(to.file);
}
}  // namespace

bool register_report_format(ReportFormat format) {
  std::string name = format.name;
  return registry().emplace(std::move(name), std::move(format)).second;
}

const ReportFormat* find_report_format(std::string_view name) {
  auto it = registry().find(name);
  return it == registry().end() ? nullptr : &it->second;
}

std::vector<std::string> report_format_names() {
  std::vector<std::string> names;
  for (const auto& [name, format] : registry()) names.push_back(name);
  return names;
}

const std::vector<std::string>& promised_report_formats() {
  static const std::vector<std::string> names = {"text",     "json", "junit", "sarif",
                                                 "markdown", "html", "github"};
  return names;
}

std::string report_format_problem(std::string_view name) {
  if (find_report_format(name)) return "";
  std::string available = join(report_format_names(), message_text("errors.list.comma"));
  const auto& promised = promised_report_formats();
  if (std::find(promised.begin(), promised.end(), name) != promised.end())
    return message("report.format.not_available", fmt::arg("name", name), fmt::arg("version", GOLIVE_VERSION),
                   fmt::arg("available", available));
  std::string near = did_you_mean(std::string(name), report_format_names());
  if (!near.empty()) return message("report.format.unknown_near", fmt::arg("name", name), fmt::arg("near", near));
  return message("report.format.unknown", fmt::arg("name", name), fmt::arg("available", available));
}

std::string remediation_of(const Finding& finding) {
  const CheckInfo* info = find_check(finding.check);
  // A finding's own remediation is written in the run's language by its check (the
  // catalogues' fixes.*), or by an exec plugin in whatever language it speaks; without one,
  // the check's general fix.
  if (!finding.remediation.empty()) return finding.remediation;
  return info ? check_text(*info, "fix") : "";
}

Instant plan_as_of(const RunResult& result, const PlanResult& plan) {
  if (result.as_of_mode == "window" && plan.plan && plan.plan->go_live.window_start)
    return *plan.plan->go_live.window_start;
  return result.as_of;
}

void write_report_files(const std::vector<ReportFile>& reports, const RunResult& result,
                        const ReportOptions& options) {
  // Every report is rendered, and every file written to its temporary file, before any is
  // renamed into place: a report that cannot be written leaves none of the others behind,
  // so no file tells a different outcome from the run's exit code 2.
  struct Staged {
    const ReportFile* report;
    std::string text;
    Destination to;
    std::unique_ptr<TempFile> tmp;
  };
  std::vector<Staged> staged;
  for (const ReportFile& r : reports) {
    std::ostringstream text;
    r.format->write(result, text, options);
    staged.push_back({&r, std::move(text).str(), {}, nullptr});
  }
  auto failed = [](const ReportFile& r, const std::exception& e) {
    return std::runtime_error(
        message("report.cannot_write_report", fmt::arg("path", r.path), fmt::arg("reason", e.what())));
  };
  for (Staged& s : staged) {
    try {
      s.to = destination_of(s.report->path);
      if (s.to.file.empty()) continue;
      s.tmp = std::make_unique<TempFile>(s.to.file);
      s.tmp->write_all(s.text);
    } catch (const std::exception& e) {
      throw failed(*s.report, e);  // the temporary files made so far are removed
    }
  }
  for (Staged& s : staged) {
    try {
      if (s.tmp) s.tmp->commit(s.to.file);
    } catch (const std::exception& e) {
      throw failed(*s.report, e);
    }
  }
  // Devices and pipes last: what is written there cannot be taken back.
  for (Staged& s : staged) {
    try {
      if (!s.tmp) write_in_place(s.report->path, s.text);
    } catch (const std::exception& e) {
      throw failed(*s.report, e);
    }
  }
}

void write_file_atomically(const std::string& path, std::string_view text) {
  try {
    write_atomically(path, text);
  } catch (const std::exception& e) {
    throw std::runtime_error(message("report.cannot_write", fmt::arg("path", path), fmt::arg("reason", e.what())));
  }
}

}  // namespace golive
