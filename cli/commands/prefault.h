#pragma once
/// Pre-faulting at start-up. A page touched for the first time costs a page fault, and on
/// the virtual machines CI runs on a fault costs about 10 µs, as much as mapping a hundred
/// pages at once with one madvise(MADV_POPULATE_*) (bench/README.md, "Page faults at
/// start-up"). A `check` of an example plan took some 400 faults, a third of its time.

namespace golive {

/// Called once, before golive's static initialisers (cli/main.cpp): maps in one go the code
/// of golive's executable (its executable segment, already in the page cache once golive has
/// run) and the first 512 KiB of the heap, which a `check` of an ordinary plan fills anyway.
/// Only a hint: nothing changes what golive does or prints; does nothing on kernels before
/// Linux 5.14 (no MADV_POPULATE_READ/WRITE), off glibc, or under AddressSanitizer.
void prefault_startup() noexcept;

}  // namespace golive
