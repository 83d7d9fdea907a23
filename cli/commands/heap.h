#pragma once
/// How golive's process asks glibc's allocator for memory: fewer, larger growths of the
/// heap, since every first touch of a 4 KiB page is a page fault, and page faults are a
/// large part of reading a large plan. No effect on what golive does or prints.

#include <cstdint>
#include <string>
#include <vector>

namespace golive {

/// Called once at start-up: blocks up to 32 MiB come from the heap rather than each from a
/// mapping of its own (which is faulted in again after every growth of a vector), and
/// freed memory stays in the process for the next allocation. Does nothing off glibc.
void tune_heap();

/// How much heap one of `threads` threads reading and checking `files` is given in advance:
/// about what check uses per byte of plan (40 times their size) divided among the threads,
/// at most 1 GiB of address space (untouched pages cost nothing). 0 when the files add up to
/// less than 1 MiB: a small plan's run is over before the reservation would pay. Files that
/// cannot be read count for nothing; the loader reports them.
uint64_t heap_share(const std::vector<std::string>& files, unsigned threads);

/// On the main thread, before it reads plans: grows the heap (glibc's main arena) once by
/// `bytes` and advises transparent huge pages on that range, so that a large plan takes one
/// fault per 2 MiB instead of per 4 KiB where the system allows huge pages (`madvise`).
/// Does nothing for 0 bytes, off glibc, under AddressSanitizer, or when the heap does not grow.
void reserve_heap(uint64_t bytes);

/// On a worker thread of `check -j`, before its first plan: the same for the thread's own
/// arena. Its heaps are grown by `bytes` in all and advised huge pages; without this every
/// 4 KiB of a thread's growth cost a system call and a page fault, and two threads were a
/// third slower than two processes on the same plans. A few bytes per 31 MiB stay allocated
/// until the process ends. Does nothing for 0 bytes, off 64-bit glibc or under AddressSanitizer.
void reserve_thread_heap(uint64_t bytes) noexcept;

}  // namespace golive
