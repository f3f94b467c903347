#include "core/training/workerpool.h"

#include <algorithm>

#if defined(__x86_64__) || defined(_M_X64)
#include <immintrin.h>
#endif

namespace dl {
namespace {

// About 20–50 µs of spinning before a thread sleeps on the futex.
constexpr int kSpinIterations = 4000;

inline void cpuRelax() {
#if defined(__x86_64__) || defined(_M_X64)
    _mm_pause();
#else
    std::this_thread::yield();
#endif
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

void WorkerPool::run(const std::function<void(int)>& task) {
    if (mWorkers.empty()) {
        task(0);
        return;
    }
    mTask = &task;
    mError = nullptr;
    mRemaining.store(static_cast<int>(mWorkers.size()), std::memory_order_release);
    mGeneration.fetch_add(1, std::memory_order_acq_rel);
    mGeneration.notify_all();

    std::exception_ptr own;
    try {
        task(0);
    } catch (...) {
        own = std::current_exception();
    }
    for (int spins = 0;; ++spins) {
        const int remaining = mRemaining.load(std::memory_order_acquire);
        if (remaining == 0) break;
        if (spins < kSpinIterations)
            cpuRelax();
        else
            mRemaining.wait(remaining, std::memory_order_acquire);
    }
    mTask = nullptr;
    if (own) std::rethrow_exception(own);
    if (mError) std::rethrow_exception(mError);
}

void WorkerPool::workerLoop(int index) {
    std::uint64_t seen = 0;
    for (;;) {
        std::uint64_t generation = mGeneration.load(std::memory_order_acquire);
        for (int spins = 0; generation == seen && spins < kSpinIterations; ++spins) {
            cpuRelax();
            generation = mGeneration.load(std::memory_order_acquire);
        }
        if (generation == seen) {
            mGeneration.wait(seen, std::memory_order_acquire);
            continue;
        }
        seen = generation;
        if (mStop.load(std::memory_order_acquire)) return;
        try {
            (*mTask)(index);
        } catch (...) {
            std::lock_guard<std::mutex> lock(mErrorMutex);
            if (!mError) mError = std::current_exception();
        }
        if (mRemaining.fetch_sub(1, std::memory_order_acq_rel) == 1) mRemaining.notify_one();
    }
}

}  // namespace dl
