// How much heap a run is given in advance, and a worker thread's reservation
// (cli/commands/heap.h).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include "cli/commands/heap.h"
#include "tests/support/outside_consumer.h"
#include "tests/support/process.h"

namespace golive::test {

namespace {

constexpr uint64_t kMiB = 1024 * 1024;

// A file of `bytes` bytes (sparse: nothing is written but its size).
std::string sized_file(const TempDir& dir, const std::string& name, uint64_t bytes) {
  dir.write(name, "");
  std::filesystem::resize_file(dir.file(name), bytes);
  return dir.file(name);
}

// The flags of the mapping that holds `address`, from /proc/self/smaps ("rd wr mr … hg"),
// or "" when there is no such mapping.
std::string mapping_flags(const void* address) {
  std::ifstream smaps("/proc/self/smaps");
  const auto at = reinterpret_cast<uintptr_t>(address);
  bool inside = false;
  for (std::string line; std::getline(smaps, line);) {
    uintptr_t start = 0, end = 0;
    char dash = 0;
    std::istringstream head(line);
    if (head >> std::hex >> start >> dash >> end && dash == '-') {
      inside = start <= at && at < end;
      continue;
    }
    if (inside && line.rfind("VmFlags:", 0) == 0) return line;
  }
  return "";
}

}  // namespace

TEST_CASE("heap_share: 40 times the plans' bytes, divided among the threads, from 1 MiB, at most 1 GiB") {
  TempDir dir;
  CHECK(heap_share({}, 1) == 0);
  // Under 1 MiB in all: nothing is reserved, however many files.
  const std::string small = sized_file(dir, "small.yaml", kMiB / 2);
  const std::string also_small = sized_file(dir, "also-small.yaml", kMiB / 2 - 1);
  CHECK(heap_share({small, also_small}, 1) == 0);
  // The boundary: exactly 1 MiB counts.
  const std::string one = sized_file(dir, "one.yaml", kMiB);
  CHECK(heap_share({one}, 1) == 40 * kMiB);
  const std::string two = sized_file(dir, "two.yaml", 2 * kMiB);
  CHECK(heap_share({two}, 1) == 80 * kMiB);
  CHECK(heap_share({two}, 2) == 40 * kMiB);
  CHECK(heap_share({two, small}, 2) == 50 * kMiB);
  CHECK(heap_share({two}, 0) == 80 * kMiB);  // no threads is taken as one
  // 30 MiB of plans would be 1,200 MiB: capped.
  const std::string big = sized_file(dir, "big.yaml", 30 * kMiB);
  CHECK(heap_share({big}, 1) == 1024 * kMiB);
  CHECK(heap_share({big}, 2) == 600 * kMiB);
  // What cannot be read, and what is not a file, counts for nothing (the loader reports it).
  CHECK(heap_share({two, dir.file("missing.yaml"), dir.path()}, 1) == 80 * kMiB);
}

// The reservation works through glibc's allocator, which the sanitizers replace.
TEST_CASE("reserve_thread_heap: the thread's heap grows once, is advised huge pages, and is free for the thread" *
          doctest::skip(kSanitizedBuild)) {
#if defined(__GLIBC__)
  tune_heap();  // as golive's main() does: blocks up to 32 MiB come from the heap
  const size_t used_before = mallinfo2().uordblks;
  const size_t heap_before = mallinfo2().arena;
  std::string flags;
  size_t used_after = 0, heap_after = 0;
  std::thread worker([&] {
    reserve_thread_heap(100 * kMiB);
    used_after = mallinfo2().uordblks;
    heap_after = mallinfo2().arena;
    // Memory the thread then asks for comes from the reserved heap.
    std::vector<void*> blocks;
    for (int i = 0; i < 1000; ++i) blocks.push_back(std::malloc(4096));
    flags = mapping_flags(blocks.back());
    for (void* b : blocks) std::free(b);
  });
  worker.join();
  // Grown by the 100 MiB asked for (in 31 MiB blocks, so up to one block more)…
  CHECK(heap_after - heap_before >= 100 * kMiB);
  CHECK(heap_after - heap_before <= 135 * kMiB);
  // …and given back: only the few bytes that keep each heap mapped stay allocated.
  CHECK(used_after - used_before < 64 * 1024);
  CHECK(flags.find(" rd wr") != std::string::npos);
  if (std::filesystem::exists("/sys/kernel/mm/transparent_hugepage/enabled"))
    CHECK(flags.find(" hg") != std::string::npos);
#endif
}

TEST_CASE("reserve_thread_heap: nothing is reserved for 0 bytes, nor when blocks that large are mapped on their own") {
#if defined(__GLIBC__)
  // glibc's default threshold (128 KiB, unless tune_heap() ran in this process): a 31 MiB
  // block gets a mapping of its own, which would grow no heap.
  size_t mapped_before = 0, mapped_after = 0;
  std::thread mapped([&] {
    void* first = std::malloc(1);  // the thread's arena is made here
    mapped_before = mallinfo2().arena;
    mallopt(M_MMAP_THRESHOLD, 128 * 1024);
    reserve_thread_heap(100 * 1024 * 1024);
    mapped_after = mallinfo2().arena;
    std::free(first);
  });
  mapped.join();
  // (The bookkeeping's few bytes may grow a new arena by a page or so, never by a block.)
  CHECK(mapped_after - mapped_before < kMiB);

  size_t heap_before = 0, heap_after = 0;
  std::thread worker([&] {
    void* first = std::malloc(1);
    heap_before = mallinfo2().arena;
    reserve_thread_heap(0);
    heap_after = mallinfo2().arena;
    std::free(first);
  });
  worker.join();
  CHECK(heap_after - heap_before < kMiB);
#endif
}

}  // namespace golive::test
