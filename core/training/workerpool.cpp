#include "core/training/workerpool.h"

#include <algorithm>
#include <chrono>
#include <string>

#include "core/math/error.h"
#include "core/training/poolprimitives.h"

namespace dl {
using pool::kMaxParts;
using pool::nextPartOf;
using pool::partsOf;
using pool::spinUntil;

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
        if (pool::runOf(claim) != static_cast<std::uint32_t>(generation) ||
            nextPartOf(claim) >= partsOf(claim))
            return;
        if (!mClaim.compare_exchange_weak(claim, claim + 1, std::memory_order_acq_rel,
                                          std::memory_order_acquire))
            continue;
        runPart(nextPartOf(claim), partsOf(claim), slot);
        claim = mClaim.load(std::memory_order_acquire);
    }
}

void WorkerPool::runPart(int part, int parts, int slot) {
    // The part is ours, so the run cannot end (and mTask cannot change) before we report it done.
    try {
        (*mTask)(part, slot);
    } catch (...) {
        std::lock_guard<std::mutex> lock(mErrorMutex);
        if (!mError) mError = std::current_exception();
    }
    if (mDone.fetch_add(1, std::memory_order_acq_rel) + 1 == parts) mDone.notify_one();
}

void WorkerPool::run(const std::function<void(int)>& task) {
    run(threads(), [&task](int part, int) { task(part); });
}

void WorkerPool::run(int parts, const std::function<void(int part, int slot)>& task) {
    if (parts < 1 || parts > kMaxParts)
        throw Error("worker pool: parts must be from 1 to " + std::to_string(kMaxParts) + ", got " +
                    std::to_string(parts));
    if (mWorkers.empty()) {
        for (int part = 0; part < parts; ++part) task(part, 0);
        return;
    }
    mTask = &task;
    mError = nullptr;
    mDone.store(0, std::memory_order_relaxed);
    const std::uint64_t generation = mGeneration.load(std::memory_order_relaxed) + 1;
    // Part 0 is claimed for the caller before any worker can look (see the class comment).
    mClaim.store(pool::newClaim(generation, parts) + 1, std::memory_order_release);
    mGeneration.store(generation, std::memory_order_release);
    mGeneration.notify_all();

    runPart(0, parts, 0);
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
