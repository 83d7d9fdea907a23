#include "cli/commands/portfolio.h"

#include <algorithm>
#include <exception>
#include <vector>

#include <fmt/format.h>

#include "checks/engine/i18n.h"
#include "checks/engine/probe.h"

namespace golive {

unsigned pool_size(int jobs, size_t tasks) {
  unsigned n = jobs > 0 ? static_cast<unsigned>(jobs) : std::thread::hardware_concurrency();
  n = std::max(1u, n);
  return static_cast<unsigned>(std::min<size_t>(n, std::max<size_t>(tasks, 1)));
}

void for_each_index(size_t count, unsigned threads, const std::function<void(size_t)>& task,
                    const std::function<void()>& on_worker_start) {
  std::vector<std::exception_ptr> errors(count);
  std::atomic<size_t> next{0};
  // Indexes are taken one by one from a shared counter, so a slow plan never holds up a
  // thread's share of the others.
  auto work = [&] {
    for (size_t i = next++; i < count; i = next++) {
      try {
        task(i);
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads && t < count; ++t)
    pool.emplace_back([&] {
      if (on_worker_start) on_worker_start();
      work();
    });
  work();
  for (std::thread& t : pool) t.join();
  for (const std::exception_ptr& e : errors)
    if (e) std::rethrow_exception(e);
}

Progress::Progress(std::ostream& err, bool enabled, size_t plans)
    : err_(err), enabled_(enabled), total_(plans) {
  if (!enabled_) return;
  ticker_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!finished_) {
      draw();
      wake_.wait_for(lock, std::chrono::milliseconds(200));
    }
  });
}

Progress::~Progress() { finish(); }

void Progress::plan_done() {
  std::lock_guard lock(mutex_);
  ++done_;
  // At most 20 redraws a second however fast plans finish, but always the last count.
  const auto now = std::chrono::steady_clock::now();
  if (enabled_ && !finished_ && (done_ == total_ || now - drawn_at_ >= std::chrono::milliseconds(50)))
    draw();
}

void Progress::finish() {
  {
    std::lock_guard lock(mutex_);
    if (!enabled_ || finished_) return;
    finished_ = true;
    // Back to the start of the line and clear it: the report starts on a clean line.
    err_ << "\r\x1b[K" << std::flush;
  }
  wake_.notify_all();
  if (ticker_.joinable()) ticker_.join();
}

void Progress::draw() {
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const std::string line =
      message("report.progress", fmt::arg("done", done_), fmt::arg("total", total_),
              fmt::arg("probes", probes_under_way()), fmt::arg("seconds", fmt::format("{:.1f}", elapsed)));
  err_ << '\r' << line << "\x1b[K" << std::flush;
  drawn_at_ = std::chrono::steady_clock::now();
}

}  // namespace golive
