#pragma once
/// Running the plans of one `golive check` side by side: a bounded pool of threads and the
/// progress line.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <ostream>
#include <thread>

namespace golive {

/// The number of threads for `--jobs N` (0: one per CPU core, at least 1), never more than
/// `tasks`.
unsigned pool_size(int jobs, size_t tasks);

/// Calls task(0) … task(count - 1) on `threads` threads (the caller's among them), each
/// index once, in no particular order; returns when all have returned. A task's exception
/// is rethrown here after all have finished: the one of the lowest index, so that the
/// outcome does not depend on scheduling. `on_worker_start`, when given, is called first on
/// each thread the pool starts (not on the caller's); it must not throw.
void for_each_index(size_t count, unsigned threads, const std::function<void(size_t)>& task,
                    const std::function<void()>& on_worker_start = {});

/// The progress line of a check run on `err`: `golive: plans 12/40 · probes 64 · 3.2s`
/// (plans done / total, live probes under way, time since start), redrawn in place with a
/// carriage return five times a second and when a plan is done (at most 20 times a second,
/// always for the last), erased when the run ends. Draws nothing when not `enabled`. Thread-safe.
class Progress {
 public:
  Progress(std::ostream& err, bool enabled, size_t plans);
  /// Erases the line (and stops redrawing it).
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// One more plan checked.
  void plan_done();
  /// Erases the line now, before the report or diagnostics are written.
  void finish();

 private:
  void draw();  // with mutex_ held

  std::ostream& err_;
  const bool enabled_;
  const size_t total_;
  size_t done_ = 0;
  bool finished_ = false;
  std::chrono::steady_clock::time_point drawn_at_{};
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread ticker_;
};

}  // namespace golive
