#include "core/training/speculativepool.h"

#include <algorithm>
#include <chrono>
#include <string>

#include "core/math/error.h"
#include "core/training/poolprimitives.h"

namespace dl {
using pool::cpuRelax;
namespace {

// The caller waits for a chunk another thread is computing this many of its own chunk times before it
// computes the chunk itself: long enough that a thread which is merely a little behind finishes first.
constexpr double kRedoAfterChunkTimes = 1.5;
// ... and at least this long, while it has no measure of a chunk's time yet.
constexpr double kMinRedoWaitSeconds = 50e-6;

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

SpeculativePool::SpeculativePool(int threads, Compute compute, Publish publish)
    : mCompute(std::move(compute)), mPublish(std::move(publish)) {
    if (threads < 2)
        throw Error("speculative pool: needs at least 2 threads, got " + std::to_string(threads));
    for (int k = 1; k < threads; ++k) mWorkers.emplace_back([this, k] { workerLoop(k); });
}

SpeculativePool::~SpeculativePool() {
    mStop.store(true, std::memory_order_seq_cst);
    mCurrentJob.fetch_add(1, std::memory_order_seq_cst);
    mCurrentJob.notify_all();
    for (auto& w : mWorkers) w.join();
}

bool SpeculativePool::publishOnce(Entry& entry, std::uint64_t job, int ring, int chunk, int slot) {
    std::atomic<std::uint64_t>& by = entry.publishedBy[chunk];
    std::uint64_t seen = by.load(std::memory_order_acquire);
    while (seen < job)
        if (by.compare_exchange_weak(seen, job, std::memory_order_acq_rel, std::memory_order_acquire)) {
            mPublish(ring, chunk, slot);
            // Counted only after the copy: the run cannot return (and its output cannot be reused) before.
            entry.published.fetch_add(1, std::memory_order_acq_rel);
            return true;
        }
    return false;
}

void SpeculativePool::claimChunks(std::uint64_t job, int slot) {
    const int ring = static_cast<int>(job % kRingSize);
    Entry& entry = mRing[ring];
    // Announce the read before checking the entry still holds this job: run retires an entry before it
    // refills it and then waits for readers, so either it sees this reader or this reader sees the
    // retirement (both sequentially consistent).
    entry.readers.fetch_add(1, std::memory_order_seq_cst);
    struct ReaderGone {
        std::atomic<int>& readers;
        ~ReaderGone() { readers.fetch_sub(1, std::memory_order_seq_cst); }
    } readerGone{entry.readers};
    if (entry.job.load(std::memory_order_seq_cst) != job) return;
    std::uint64_t claim = mClaim.load(std::memory_order_acquire);
    for (;;) {
        if (pool::runOf(claim) != static_cast<std::uint32_t>(job) ||
            pool::nextPartOf(claim) >= pool::partsOf(claim))
            return;
        if (!mClaim.compare_exchange_weak(claim, claim + 1, std::memory_order_acq_rel,
                                          std::memory_order_acquire))
            continue;
        const int chunk = pool::nextPartOf(claim);
        const auto start = std::chrono::steady_clock::now();
        if (slot == 0) {
            mCompute(ring, chunk, slot);  // an exception leaves through run, which handles it
            mChunkSeconds = 0.5 * mChunkSeconds + 0.5 * secondsSince(start);
            publishOnce(entry, job, ring, chunk, slot);
        } else {
            try {
                mCompute(ring, chunk, slot);
                publishOnce(entry, job, ring, chunk, slot);
            } catch (...) {
                // Left unpublished: the calling thread computes the chunk itself and meets the error there.
            }
        }
        claim = mClaim.load(std::memory_order_acquire);
    }
}

void SpeculativePool::abandon(Entry& entry, std::uint64_t job, int chunks) {
    // Take every publication still open, so that no thread writes the caller's output after run has left,
    // and wait for the ones other threads have won and are copying.
    int taken = 0;
    for (int chunk = 0; chunk < chunks; ++chunk) {
        std::uint64_t seen = entry.publishedBy[chunk].load(std::memory_order_acquire);
        while (seen < job)
            if (entry.publishedBy[chunk].compare_exchange_weak(seen, job, std::memory_order_acq_rel,
                                                               std::memory_order_acquire)) {
                ++taken;
                break;
            }
    }
    while (entry.published.load(std::memory_order_acquire) != chunks - taken) std::this_thread::yield();
}

void SpeculativePool::run(int chunks, const std::function<void(int ring)>& prepare) {
    if (chunks < 1 || chunks > pool::kMaxParts)
        throw Error("speculative pool: chunks must be from 1 to " + std::to_string(pool::kMaxParts) +
                    ", got " + std::to_string(chunks));
    const std::uint64_t job = ++mLastJob;
    const int ring = static_cast<int>(job % kRingSize);
    Entry& entry = mRing[ring];
    // Retire the entry, then wait for any thread still working from its last job: one that has been
    // stopped for kRingSize jobs or more (the only wait on another thread left).
    entry.job.store(0, std::memory_order_seq_cst);
    while (entry.readers.load(std::memory_order_seq_cst) != 0) std::this_thread::yield();
    prepare(ring);
    if (entry.capacity < chunks) {
        entry.publishedBy = std::make_unique<std::atomic<std::uint64_t>[]>(static_cast<std::size_t>(chunks));
        entry.capacity = chunks;
    }
    entry.published.store(0, std::memory_order_relaxed);
    entry.job.store(job, std::memory_order_seq_cst);
    mClaim.store(pool::newClaim(job, chunks), std::memory_order_seq_cst);
    mCurrentJob.store(job, std::memory_order_seq_cst);
    mCurrentJob.notify_all();

    try {
        claimChunks(job, 0);
        // Every chunk is claimed; wait a little for the ones other threads are computing, then compute
        // what is still missing here. The entry is this thread's to read: it is the one that refills it.
        const auto waitStart = std::chrono::steady_clock::now();
        const double redoAfter = std::max(kMinRedoWaitSeconds, kRedoAfterChunkTimes * mChunkSeconds);
        while (entry.published.load(std::memory_order_acquire) != chunks) {
            if (secondsSince(waitStart) < redoAfter) {
                cpuRelax();
                continue;
            }
            for (int chunk = 0; chunk < chunks; ++chunk) {
                if (entry.publishedBy[chunk].load(std::memory_order_acquire) >= job) continue;
                mCompute(ring, chunk, 0);
                publishOnce(entry, job, ring, chunk, 0);
            }
        }
    } catch (...) {
        abandon(entry, job, chunks);
        throw;
    }
}

void SpeculativePool::workerLoop(int slot) {
    std::uint64_t seen = 0;
    for (;;) {
        pool::spinUntil([&] { return mCurrentJob.load(std::memory_order_seq_cst) != seen; });
        const std::uint64_t job = mCurrentJob.load(std::memory_order_seq_cst);
        if (job == seen) {
            mCurrentJob.wait(seen, std::memory_order_seq_cst);
            continue;
        }
        seen = job;
        if (mStop.load(std::memory_order_seq_cst)) return;
        claimChunks(job, slot);
    }
}

}  // namespace dl
