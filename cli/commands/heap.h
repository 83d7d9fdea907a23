#pragma once
/// How golive's process asks glibc's allocator for memory: fewer, larger growths of the
/// heap, since every first touch of a 4 KiB page is a page fault, and page faults are a
/// large part of reading a large plan. No effect on what golive does or prints.

#include <string>
#include <vector>

namespace golive {

/// Called once at start-up: blocks up to 32 MiB come from the heap rather than each from a
/// mapping of its own (which is faulted in again after every growth of a vector), and
/// freed memory stays in the process for the next allocation. Does nothing off glibc.
void tune_heap();

/// Before plans are read on the calling thread: when `files` add up to 1 MiB or more,
/// grows the heap once by about what reading and checking them uses (40 times their size,
/// at most 1 GiB of address space; untouched pages cost nothing) and advises transparent
/// huge pages on that range, so that a large plan takes one fault per 2 MiB instead of per
/// 4 KiB where the system allows huge pages (`madvise`). Files that cannot be read are
/// left to the loader to report. Does nothing off glibc or when the heap does not grow.
void reserve_heap_for(const std::vector<std::string>& files);

}  // namespace golive
