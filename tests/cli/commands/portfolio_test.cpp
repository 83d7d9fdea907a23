// The pool of threads that reads and checks a portfolio (cli/commands/portfolio.h).
#include <doctest/doctest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "cli/commands/portfolio.h"

namespace golive::test {

TEST_CASE("pool_size: --jobs N threads, never more than the tasks, at least one") {
  CHECK(pool_size(4, 10) == 4);
  CHECK(pool_size(4, 3) == 3);
  CHECK(pool_size(1, 10) == 1);
  CHECK(pool_size(4, 0) == 1);
  CHECK(pool_size(0, 1000) == std::max(1u, std::thread::hardware_concurrency()));
}

TEST_CASE("for_each_index: every index once, on_worker_start once on each started thread, never on the caller's") {
  const std::thread::id caller = std::this_thread::get_id();
  std::mutex mutex;
  std::vector<int> done(50, 0);
  std::multiset<std::thread::id> started;
  bool on_caller = false;
  for_each_index(
      done.size(), 3,
      [&](size_t i) {
        std::lock_guard lock(mutex);
        ++done[i];
      },
      [&] {
        std::lock_guard lock(mutex);
        started.insert(std::this_thread::get_id());
        on_caller = on_caller || std::this_thread::get_id() == caller;
      });
  for (int d : done) CHECK(d == 1);
  CHECK(started.size() == 2);  // three threads: the caller's and two started ones
  CHECK(std::set<std::thread::id>(started.begin(), started.end()).size() == 2);
  CHECK_FALSE(on_caller);
}

TEST_CASE("for_each_index: no thread is started for one thread or one task, so on_worker_start is not called") {
  std::atomic<int> starts{0}, tasks{0};
  for_each_index(5, 1, [&](size_t) { ++tasks; }, [&] { ++starts; });
  for_each_index(1, 4, [&](size_t) { ++tasks; }, [&] { ++starts; });
  CHECK(tasks == 6);
  CHECK(starts == 0);
  // Without a hook, as every caller but check's loader.
  for_each_index(8, 2, [&](size_t) { ++tasks; });
  CHECK(tasks == 14);
}

TEST_CASE("for_each_index: the exception of the lowest index is rethrown, after every task has run") {
  std::atomic<int> ran{0};
  try {
    for_each_index(20, 2, [&](size_t i) {
      ++ran;
      if (i == 7 || i == 13) throw std::runtime_error("task " + std::to_string(i));
    });
    FAIL("no exception");
  } catch (const std::runtime_error& e) {
    CHECK(std::string(e.what()) == "task 7");
  }
  CHECK(ran == 20);
}

}  // namespace golive::test
