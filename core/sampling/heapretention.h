// Keep freed heap memory in the process for the next sampling run instead of handing it back to the
// system at once.
//
// A reverse chain as the window runs it allocates ≈ 17 MB in 16 KB pieces (every state of 2,000 points
// and the inspector's per-step records, core/sampling/steprecord.h). When the window drops the previous
// result, glibc frees those pieces and, the freed space being at the top of the heap and above its trim
// threshold (128 KB by default), returns it to the system; the next run then takes a page fault on every
// 4 KB page again: ≈ 4,300 faults, 10–15 ms of a 0.2 s chain on a virtual machine where a fault costs
// ≈ 3.5 µs (docs/performance.md). glibc raises the threshold on its own only after freeing one block
// of mmap size, which pieces this small never are.
//
// retainFreedHeapMemory() sets the state glibc's own adjustment converges to after large frees: blocks
// up to 32 MB come from the heap, and up to 64 MB of free space stays mapped (per arena) for reuse. The
// entry points call it first thing (app/gui, app/cli, the benchmarks that time the window's chain). A
// no-op where the C library is not glibc.
//
//   int main(int argc, char** argv) { dl::retainFreedHeapMemory(); ... }
#pragma once

#include <cstddef>

namespace dl {

/// Largest block taken from the heap rather than mapped on its own (glibc's dynamic maximum on 64-bit).
constexpr std::size_t kHeapMmapThresholdBytes = std::size_t{32} << 20;
/// Free space at the top of a heap that is kept rather than returned (twice the above, as glibc sets it).
constexpr std::size_t kHeapTrimThresholdBytes = std::size_t{64} << 20;

/// Applies the two thresholds above to the process's allocator; returns whether it could (false on a C
/// library other than glibc, or when glibc refuses a value).
bool retainFreedHeapMemory();

}  // namespace dl
