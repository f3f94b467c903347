#include "core/training/workerpool.h"

#include <algorithm>
#include <chrono>
#include <string>

#include "core/math/error.h"

#if defined(__x86_64__) || defined(_M_X64)
#include <immintrin.h>
#endif

namespace dl {
namespace {

// How long a thread waits actively before it sleeps on the futex. A training step at batch 128 hands
// out work three times in ~0.4 ms and the calling thread's serial part between steps (drawing the
// batch) takes ~20 µs, so within a run the workers never sleep; a paused run costs 0.2 ms, then none.
// Time rather than a count of pause instructions, whose length differs tenfold between CPUs
// (≈ 10 ns on older cores, ≈ 40–140 ns on Skylake-X and Zen 4).
constexpr std::chrono::microseconds kSpinTime{200};
// The first part of the wait spins on pause instructions (a hand-off then costs a cache-line
// transfer); after this the waiting thread yields its core at every look instead. On an idle machine
// a yield returns at once, so the wait stays short; on a busy one the thread the waiter waits for may be
// queued behind it on the same core, and spinning would only take that thread's time.
constexpr std::chrono::microseconds kPauseSpinTime{20};
// Pause instructions between two looks at the clock.
constexpr int kPausesPerClockRead = 32;
constexpr int kPartBits = 16;
constexpr std::uint64_t kPartMask = (std::uint64_t{1} << kPartBits) - 1;
constexpr int kGenerationShift = 2 * kPartBits;

std::uint32_t generationOf(std::uint64_t claim) {
    return static_cast<std::uint32_t>(claim >> kGenerationShift);
}
int partsOf(std::uint64_t claim) {
    return static_cast<int>((claim >> kPartBits) & kPartMask);
}
int nextPartOf(std::uint64_t claim) {
    return static_cast<int>(claim & kPartMask);
}

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

}  // namespace

int defaultThreadCount() {
    const unsigned cores = std::thread::hardware_concurrency();
    return cores == 0 ? 1 : static_cast<int>(std::min(cores, 64u));
}

WorkerPool::WorkerPool(int threads) {
    for (int k = 1; k < threads; ++k) mWorkers.emplace_back([this, k] { workerLoop(k); });
}

WorkerPool::~WorkerPool() {
    mStop.store(true, std::memory_order_release);
    mGeneration.fetch_add(1, std::memory_order_acq_rel);
    mGeneration.notify_all();
    for (auto& w : mWorkers) w.join();
}

void WorkerPool::runParts(std::uint64_t generation, int slot) {
    std::uint64_t claim = mClaim.load(std::memory_order_acquire);
    for (;;) {
        if (generationOf(claim) != static_cast<std::uint32_t>(generation) ||
            nextPartOf(claim) >= partsOf(claim))
            return;
        if (!mClaim.compare_exchange_weak(claim, claim + 1, std::memory_order_acq_rel,
                                          std::memory_order_acquire))
            continue;
        // The part is ours, so the run cannot end (and mTask cannot change) before we report it done.
        const int part = nextPartOf(claim);
        const int parts = partsOf(claim);
        try {
            (*mTask)(part, slot);
        } catch (...) {
            std::lock_guard<std::mutex> lock(mErrorMutex);
            if (!mError) mError = std::current_exception();
        }
        if (mDone.fetch_add(1, std::memory_order_acq_rel) + 1 == parts) mDone.notify_one();
        claim = mClaim.load(std::memory_order_acquire);
    }
}

void WorkerPool::run(const std::function<void(int)>& task) {
    run(threads(), [&task](int part, int) { task(part); });
}

void WorkerPool::run(int parts, const std::function<void(int part, int slot)>& task) {
    if (parts < 1 || parts > static_cast<int>(kPartMask))
        throw Error("worker pool: parts must be from 1 to " + std::to_string(kPartMask) + ", got " +
                    std::to_string(parts));
    if (mWorkers.empty()) {
        for (int part = 0; part < parts; ++part) task(part, 0);
        return;
    }
    mTask = &task;
    mError = nullptr;
    mDone.store(0, std::memory_order_relaxed);
    const std::uint64_t generation = mGeneration.load(std::memory_order_relaxed) + 1;
    mClaim.store((generation << kGenerationShift) | (static_cast<std::uint64_t>(parts) << kPartBits),
                 std::memory_order_release);
    mGeneration.store(generation, std::memory_order_release);
    mGeneration.notify_all();

    runParts(generation, 0);
    // What is left are parts other threads have started: spin for them, sleep if one was preempted.
    while (!spinUntil([this, parts] { return mDone.load(std::memory_order_acquire) == parts; })) {
        const int done = mDone.load(std::memory_order_acquire);
        if (done != parts) mDone.wait(done, std::memory_order_acquire);
    }
    mTask = nullptr;
    if (mError) std::rethrow_exception(mError);
}

void WorkerPool::workerLoop(int slot) {
    std::uint64_t seen = 0;
    for (;;) {
        spinUntil([&] { return mGeneration.load(std::memory_order_relaxed) != seen; });
        const std::uint64_t generation = mGeneration.load(std::memory_order_acquire);
        if (generation == seen) {
            mGeneration.wait(seen, std::memory_order_acquire);
            continue;
        }
        seen = generation;
        if (mStop.load(std::memory_order_acquire)) return;
        runParts(generation, slot);
    }
}

}  // namespace dl
