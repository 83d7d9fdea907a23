#include "cli/commands/prefault.h"

#include <cstdint>
#include <cstdlib>

#if defined(__GLIBC__)
#include <link.h>
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace golive {

#if defined(__GLIBC__) && defined(MADV_POPULATE_READ) && defined(MADV_POPULATE_WRITE) && \
    !defined(__SANITIZE_ADDRESS__)
namespace {

constexpr size_t kStartHeap = 512 * 1024;  ///< bytes of heap mapped in at start-up

uintptr_t page_down(uintptr_t a, uintptr_t page) { return a & ~(page - 1); }
uintptr_t page_up(uintptr_t a, uintptr_t page) { return (a + page - 1) & ~(page - 1); }

/// The executable segments of the first object dl_iterate_phdr() reports: the program itself.
int populate_program_code(dl_phdr_info* info, size_t, void* page_size) {
  const auto page = *static_cast<uintptr_t*>(page_size);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const ElfW(Phdr)& ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_LOAD || (ph.p_flags & PF_X) == 0) continue;
    const uintptr_t start = page_down(info->dlpi_addr + ph.p_vaddr, page);
    const uintptr_t end = page_up(info->dlpi_addr + ph.p_vaddr + ph.p_memsz, page);
    ::madvise(reinterpret_cast<void*>(start), end - start, MADV_POPULATE_READ);
  }
  return 1;  // the program only, not the shared libraries after it
}

}  // namespace

void prefault_startup() noexcept {
  const long page_size = ::sysconf(_SC_PAGESIZE);
  if (page_size <= 0) return;
  auto page = static_cast<uintptr_t>(page_size);
  ::dl_iterate_phdr(populate_program_code, &page);
  // Grow the heap once by kStartHeap (a block larger than its free top makes malloc extend
  // it by the block plus M_TOP_PAD), then map the new range in. The block is freed at once;
  // tune_heap() keeps freed memory in the process, so the range stays the heap's.
  auto* before = static_cast<char*>(::sbrk(0));
  // The heap already holds what the libraries' initialisers allocated (libstdc++'s
  // exception pool, 70 KiB of which little is touched): its pages are mapped in too.
  const size_t arena = mallinfo2().arena;
  mallopt(M_TOP_PAD, static_cast<int>(kStartHeap));
  void* volatile block = std::malloc(64 * 1024);
  std::free(block);
  mallopt(M_TOP_PAD, 128 * 1024);  // glibc's default
  auto* after = static_cast<char*>(::sbrk(0));
  if (before == reinterpret_cast<char*>(-1) || after == reinterpret_cast<char*>(-1) || after <= before) return;
  const auto top = reinterpret_cast<uintptr_t>(before);
  const uintptr_t start = page_up(arena <= top ? top - arena : top, page);
  const uintptr_t end = page_down(reinterpret_cast<uintptr_t>(after), page);
  if (end > start) ::madvise(reinterpret_cast<void*>(start), end - start, MADV_POPULATE_WRITE);
}
#else
void prefault_startup() noexcept {}
#endif

}  // namespace golive
