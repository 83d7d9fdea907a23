#include "cli/commands/heap.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdlib>

#include <sys/stat.h>
#include <unistd.h>

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#endif

namespace golive {

namespace {
constexpr uint64_t kMiB = 1024 * 1024;
}  // namespace

void tune_heap() {
#if defined(__GLIBC__)
  // glibc's default threshold starts at 128 KiB and moves up only after a mapped block is
  // freed: a growing vector of findings or tree nodes was mapped, faulted in and unmapped
  // at each doubling. 32 MiB is the most mallopt() accepts.
  mallopt(M_MMAP_THRESHOLD, static_cast<int>(32 * kMiB));
  // golive is a short-lived process: giving freed memory back only to fault it in again
  // costs time and saves nothing (and would undo reserve_heap_for()).
  mallopt(M_TRIM_THRESHOLD, INT_MAX);
#endif
}

void reserve_heap_for(const std::vector<std::string>& files) {
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE)
  uint64_t bytes = 0;
  for (const std::string& f : files) {
    struct stat st {};
    if (::stat(f.c_str(), &st) == 0 && S_ISREG(st.st_mode)) bytes += static_cast<uint64_t>(st.st_size);
  }
  if (bytes < kMiB) return;  // a small plan's run is over before huge pages would pay
  // About what check uses per byte of plan (the 5,000-system plan: 3.7 MB, 124 MB peak).
  const uint64_t want = std::min<uint64_t>(bytes * 40, 1024 * kMiB);
  const long page = ::sysconf(_SC_PAGESIZE);
  if (page <= 0) return;
  auto* before = static_cast<char*>(::sbrk(0));
  // A block larger than the free top of the heap (and below the mapping threshold set by
  // tune_heap()) makes malloc grow the heap by the block plus M_TOP_PAD.
  mallopt(M_TOP_PAD, static_cast<int>(want));
  // Through a volatile pointer: the compiler may otherwise drop a malloc() whose block is
  // never used, and the heap would not grow.
  void* volatile block = std::malloc(4 * kMiB);
  std::free(block);
  mallopt(M_TOP_PAD, 128 * 1024);  // glibc's default
  auto* after = static_cast<char*>(::sbrk(0));
  if (before == reinterpret_cast<char*>(-1) || after == reinterpret_cast<char*>(-1) ||
      static_cast<uint64_t>(after - before) < want / 2)
    return;  // the heap did not grow (a mapping served the block, or brk was refused)
  const auto mask = static_cast<uintptr_t>(page) - 1;
  auto start = (reinterpret_cast<uintptr_t>(before) + mask) & ~mask;
  auto end = reinterpret_cast<uintptr_t>(after) & ~mask;
  if (end > start) ::madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);
#else
  (void)files;
#endif
}

}  // namespace golive
