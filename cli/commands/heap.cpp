#include "cli/commands/heap.h"

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <new>

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
  // costs time and saves nothing (and would undo reserve_heap() and reserve_thread_heap()).
  mallopt(M_TRIM_THRESHOLD, INT_MAX);
#endif
}

uint64_t heap_share(const std::vector<std::string>& files, unsigned threads) {
  uint64_t bytes = 0;
  for (const std::string& f : files) {
    struct stat st {};
    if (::stat(f.c_str(), &st) == 0 && S_ISREG(st.st_mode)) bytes += static_cast<uint64_t>(st.st_size);
  }
  if (bytes < kMiB) return 0;  // a small plan's run is over before huge pages would pay
  // About what check uses per byte of plan (the 5,000-system plan: 3.7 MB, 124 MB peak).
  return std::min<uint64_t>(bytes * 40 / std::max(threads, 1u), 1024 * kMiB);
}

void reserve_heap(uint64_t bytes) {
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE) && !defined(__SANITIZE_ADDRESS__)
  if (bytes == 0) return;
  const long page = ::sysconf(_SC_PAGESIZE);
  if (page <= 0) return;
  auto* before = static_cast<char*>(::sbrk(0));
  // A block larger than the free top of the heap (and below the mapping threshold set by
  // tune_heap()) makes malloc grow the heap by the block plus M_TOP_PAD.
  mallopt(M_TOP_PAD, static_cast<int>(std::min<uint64_t>(bytes, INT_MAX)));
  // Through a volatile pointer: the compiler may otherwise drop a malloc() whose block is
  // never used, and the heap would not grow.
  void* volatile block = std::malloc(4 * kMiB);
  std::free(block);
  mallopt(M_TOP_PAD, 128 * 1024);  // glibc's default
  auto* after = static_cast<char*>(::sbrk(0));
  if (before == reinterpret_cast<char*>(-1) || after == reinterpret_cast<char*>(-1) ||
      static_cast<uint64_t>(after - before) < bytes / 2)
    return;  // the heap did not grow (a mapping served the block, or brk was refused)
  const auto mask = static_cast<uintptr_t>(page) - 1;
  auto start = (reinterpret_cast<uintptr_t>(before) + mask) & ~mask;
  auto end = reinterpret_cast<uintptr_t>(after) & ~mask;
  if (end > start) ::madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE);
#else
  (void)bytes;
#endif
}

void reserve_thread_heap(uint64_t bytes) noexcept {
#if defined(__GLIBC__) && defined(MADV_HUGEPAGE) && !defined(__SANITIZE_ADDRESS__)
  if (bytes == 0 || sizeof(void*) != 8) return;
  // A thread's arena is a chain of heaps, each a 64 MiB mapping aligned to 64 MiB (glibc's
  // HEAP_MAX_SIZE on 64-bit systems), made writable only as far as it has grown, one page at
  // a time: a system call and a page fault per 4 KiB. Taking the share in blocks just under
  // the mapping threshold (32 MiB, tune_heap()) grows each heap once, and the whole heap is
  // advised huge pages; the blocks are then freed for the thread's work to reuse.
  constexpr uint64_t kHeapMax = 64 * kMiB;
  constexpr size_t kBlock = 31 * kMiB;
  const size_t count = static_cast<size_t>((bytes + kBlock - 1) / kBlock);
  // A small block after each large one stays allocated for good: glibc unmaps a heap whose
  // every chunk is free, and the reserved memory would go with it. They are kept here, so
  // that a leak checker sees them as still reachable.
  static std::mutex pins_mutex;
  static std::vector<void*> pins;
  std::vector<void*> blocks;
  try {
    blocks.reserve(count);
    std::lock_guard lock(pins_mutex);
    pins.reserve(pins.size() + count);
  } catch (const std::bad_alloc&) {
    return;  // no memory even for the bookkeeping: the thread goes on without a reservation
  }
  uintptr_t advised = 0;
  for (size_t i = 0; i < count; ++i) {
    void* block = std::malloc(kBlock);
    void* pin = block ? std::malloc(1) : nullptr;
    if (!pin) {
      std::free(block);
      break;
    }
    // The size word before a block holds glibc's flags: bit 1, IS_MMAPPED, says the block
    // has a mapping of its own (the threshold was not raised by tune_heap()), which grows no
    // heap; bit 2, NON_MAIN_ARENA, that it is from a thread's arena. A block from the main
    // heap (when glibc could not give the thread an arena of its own) is not advised, since
    // its 64 MiB neighbourhood is not one heap.
    const auto at = reinterpret_cast<uintptr_t>(block);
    const size_t size_word = *reinterpret_cast<const size_t*>(at - sizeof(size_t));
    if (size_word & 2) {
      std::free(block);
      std::free(pin);
      break;
    }
    blocks.push_back(block);
    {
      std::lock_guard lock(pins_mutex);
      pins.push_back(pin);
    }
    const bool in_thread_arena = (size_word & 4) != 0;
    const auto heap = at & ~(kHeapMax - 1);
    if (in_thread_arena && heap != advised) {
      ::madvise(reinterpret_cast<void*>(heap), kHeapMax, MADV_HUGEPAGE);
      advised = heap;
    }
  }
  for (void* block : blocks) std::free(block);
#else
  (void)bytes;
#endif
}

}  // namespace golive
