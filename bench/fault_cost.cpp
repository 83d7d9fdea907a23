// What a page fault costs on this machine, against mapping the same pages with one
// madvise(MADV_POPULATE_READ/WRITE) (Linux 5.14): the measurement behind golive's start-up
// pre-faulting (cli/commands/prefault.cpp). Prints the median of 50 rounds of each.
//
// Usage: fault_cost FILE   (FILE: a file of at least 4 MiB in the page cache, such as golive)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace {

constexpr size_t kFileBytes = 4u << 20;  // 64 faults of 64 KiB (the kernel's fault-around)
constexpr size_t kAnonBytes = 1u << 20;  // 256 faults of 4 KiB
constexpr int kRounds = 50;

template <typename F>
double median_us(F&& round) {
  std::vector<double> us;
  for (int i = 0; i < kRounds; ++i) us.push_back(round());
  std::sort(us.begin(), us.end());
  return us[us.size() / 2];
}

double since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count();
}

// A call that failed would time nothing (a kernel before 5.14 has no MADV_POPULATE_*): stop.
[[noreturn]] void fail(const char* what) {
  std::perror(what);
  std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: fault_cost FILE\n");
    return 2;
  }
  const int fd = ::open(argv[1], O_RDONLY);
  if (fd < 0 || ::lseek(fd, 0, SEEK_END) < static_cast<off_t>(kFileBytes)) {
    std::fprintf(stderr, "fault_cost: %s: cannot read 4 MiB\n", argv[1]);
    return 2;
  }
  auto file_round = [&](bool populate) {
    void* m = ::mmap(nullptr, kFileBytes, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m == MAP_FAILED) fail("mmap of the file");
    auto* p = static_cast<volatile char*>(m);
    const auto t0 = std::chrono::steady_clock::now();
    if (populate) {
      if (::madvise(const_cast<char*>(p), kFileBytes, MADV_POPULATE_READ) != 0) fail("MADV_POPULATE_READ");
    } else {
      for (size_t i = 0; i < kFileBytes; i += 64 * 1024) (void)p[i];
    }
    const double us = since(t0);
    ::munmap(const_cast<char*>(p), kFileBytes);
    return us;
  };
  auto anon_round = [&](bool populate) {
    void* m = ::mmap(nullptr, kAnonBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (m == MAP_FAILED) fail("anonymous mmap");
    auto* p = static_cast<char*>(m);
    const auto t0 = std::chrono::steady_clock::now();
    if (populate) {
      if (::madvise(p, kAnonBytes, MADV_POPULATE_WRITE) != 0) fail("MADV_POPULATE_WRITE");
    } else {
      for (size_t i = 0; i < kAnonBytes; i += 4096) p[i] = 1;
    }
    const double us = since(t0);
    ::munmap(p, kAnonBytes);
    return us;
  };
  const double file_faults = median_us([&] { return file_round(false); });
  const double file_populate = median_us([&] { return file_round(true); });
  const double anon_faults = median_us([&] { return anon_round(false); });
  const double anon_populate = median_us([&] { return anon_round(true); });
  std::printf("file, 4 MiB:  64 faults %.0f us (%.1f us each); one MADV_POPULATE_READ of 1024 pages %.0f us\n",
              file_faults, file_faults / 64, file_populate);
  std::printf("anonymous, 1 MiB: 256 faults %.0f us (%.1f us each); one MADV_POPULATE_WRITE of 256 pages %.0f us\n",
              anon_faults, anon_faults / 256, anon_populate);
  return 0;
}
