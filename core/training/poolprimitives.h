// What the two thread pools share (workerpool.h, speculativepool.h): the claim word, through which the
// threads take parts of a run, and the active wait before a thread sleeps.
//
// The claim word is (run << 32) | (parts << 16) | next unclaimed part, one atomic value, so that a claim
// is checked against the part count of the run it was made in: a thread still looking at the last run's
// claim while the next run is being set up must not see the next run's larger count.
#pragma once

#include <chrono>
#include <cstdint>
#include <thread>

#if defined(__x86_64__) || defined(_M_X64)
#include <immintrin.h>
#endif

namespace dl::pool {

constexpr int kPartBits = 16;
constexpr std::uint64_t kPartMask = (std::uint64_t{1} << kPartBits) - 1;
constexpr int kRunShift = 2 * kPartBits;
/// The most parts one run can have.
constexpr int kMaxParts = static_cast<int>(kPartMask);

/// The claim word of run `run` with `parts` parts, none claimed yet.
inline std::uint64_t newClaim(std::uint64_t run, int parts) {
    return (run << kRunShift) | (static_cast<std::uint64_t>(parts) << kPartBits);
}
inline std::uint32_t runOf(std::uint64_t claim) {
    return static_cast<std::uint32_t>(claim >> kRunShift);
}
inline int partsOf(std::uint64_t claim) {
    return static_cast<int>((claim >> kPartBits) & kPartMask);
}
inline int nextPartOf(std::uint64_t claim) {
    return static_cast<int>(claim & kPartMask);
}

// How long a thread waits actively before it sleeps on the futex. A training step at batch 128 hands
// out work three times in ~0.4 ms, and a sampling step every millisecond, so within a run the workers
// never sleep;
// a paused run costs 0.2 ms, then none. Time rather than a count of pause instructions, whose length
// differs tenfold between CPUs (≈ 10 ns on older cores, ≈ 40–140 ns on Skylake-X and Zen 4).
constexpr std::chrono::microseconds kSpinTime{200};
// The first part of the wait spins on pause instructions (a hand-off then costs a cache-line
// transfer); after this the waiting thread yields its core at every look instead. On an idle machine
// a yield returns at once, so the wait stays short; on a busy one the thread the waiter waits for may be
// queued behind it on the same core, and spinning would only take that thread's time.
constexpr std::chrono::microseconds kPauseSpinTime{20};
// Pause instructions between two looks at the clock.
constexpr int kPausesPerClockRead = 32;

inline void cpuRelax() {
#if defined(__x86_64__) || defined(_M_X64)
    _mm_pause();
#else
    std::this_thread::yield();
#endif
}

/// Waits actively until ready() is true or kSpinTime has passed; returns ready()'s last answer.
template <typename Ready>
bool spinUntil(const Ready& ready) {
    const auto start = std::chrono::steady_clock::now();
    for (;;) {
        for (int i = 0; i < kPausesPerClockRead; ++i) {
            if (ready()) return true;
            cpuRelax();
        }
        const auto waited = std::chrono::steady_clock::now() - start;
        if (waited >= kSpinTime) return ready();
        if (waited >= kPauseSpinTime) std::this_thread::yield();
    }
}

}  // namespace dl::pool
