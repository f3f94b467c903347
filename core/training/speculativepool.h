// Threads for a job of independent chunks that must not wait for a thread the scheduler has stopped:
// when every chunk is claimed and one is still running elsewhere, the calling thread computes it again
// and the first copy to finish is kept. WorkerPool (workerpool.h) waits instead, and for the sampling
// chain that wait was the whole difference between two threads and one on a shared machine: a step
// takes about 1 ms, and a thread preempted inside its chunk holds the step for a scheduler time slice of
// several (docs/performance.md, late evening of 2026-12-03).
//
// Because a late thread may still be computing a chunk after its job has returned, everything it reads
// or writes is owned here or by the caller's long-lived state, never by the run's stack frame:
//  - compute and publish are given once, at construction;
//  - a job's inputs live in one of kRingSize ring entries, which prepare fills while no thread reads it
//    (run waits for late readers only when it comes back to an entry within kRingSize jobs);
//  - compute writes only to its thread slot's own space; publish, called exactly once per chunk by the
//    thread whose copy finished first, copies that into the job's output before the job counts the
//    chunk done, so the caller's output is written only while run is still waiting.
// Results are the same as on one thread provided compute gives the same bits for a chunk on any slot.
//
//   dl::SpeculativePool pool(2, [&](int ring, int chunk, int slot) { forwardChunk(inputs[ring], chunk,
//                                                                                 scratch[slot]); },
//                            [&](int ring, int chunk, int slot) { copyOut(scratch[slot], chunk); });
//   pool.run(chunks, [&](int ring) { inputs[ring] = x; });
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <thread>
#include <vector>

namespace dl {

class SpeculativePool {
public:
    /// Computes chunk `chunk` of the job in ring entry `ring` into thread slot `slot`'s own space. May
    /// run twice for one chunk (on different slots). What it throws on a worker drops that copy (the
    /// calling thread then computes the chunk and meets the error itself); on the calling thread it leaves
    /// run, after run has made sure no thread will publish into the job's output any more.
    using Compute = std::function<void(int ring, int chunk, int slot)>;
    /// Moves slot `slot`'s result of chunk `chunk` to the job's output: once per chunk and job. Must not
    /// throw.
    using Publish = std::function<void(int ring, int chunk, int slot)>;

    static constexpr int kRingSize = 16;

    /// threads ≥ 2; threads − 1 workers are started. Slot 0 is the thread that calls run.
    SpeculativePool(int threads, Compute compute, Publish publish);
    ~SpeculativePool();
    SpeculativePool(const SpeculativePool&) = delete;
    SpeculativePool& operator=(const SpeculativePool&) = delete;

    int threads() const { return static_cast<int>(mWorkers.size()) + 1; }

    /// One job of `chunks` chunks (1..65535, pool::kMaxParts): prepare(ring) fills the inputs of ring entry
    /// `ring`, then the chunks are computed and published. Returns when every chunk is published. One run at
    /// a time.
    void run(int chunks, const std::function<void(int ring)>& prepare);

private:
    struct Entry {
        std::atomic<std::uint64_t> job{0};  // the job whose inputs the entry holds; 0 while being refilled
        std::atomic<int> readers{0};        // threads working from the entry
        std::atomic<int> published{0};      // chunks of the job published
        // Per chunk, the last job that published it: a copy finishing after another thread's was
        // published for the same job is dropped.
        std::unique_ptr<std::atomic<std::uint64_t>[]> publishedBy;
        int capacity = 0;
    };

    void workerLoop(int slot);
    /// Claims and computes chunks of `job` on `slot` until none is left unclaimed.
    void claimChunks(std::uint64_t job, int slot);
    /// Publishes the chunk unless another copy was; returns whether this one was.
    bool publishOnce(Entry& entry, std::uint64_t job, int ring, int chunk, int slot);
    /// After an exception on the calling thread: closes the job's publications and waits for the ones
    /// in progress, so that the caller's output is not written after run has left.
    void abandon(Entry& entry, std::uint64_t job, int chunks);

    const Compute mCompute;
    const Publish mPublish;
    std::vector<std::thread> mWorkers;
    Entry mRing[kRingSize];
    std::uint64_t mLastJob = 0;  // the caller's counter; jobs are numbered from 1
    double mChunkSeconds = 0.0;  // the calling thread's recent time per chunk, for the wait before a redo
    alignas(64) std::atomic<std::uint64_t> mClaim{0};       // pool::newClaim(job, chunks), then claimed
    alignas(64) std::atomic<std::uint64_t> mCurrentJob{0};  // workers sleep on it
    alignas(64) std::atomic<bool> mStop{false};
};

}  // namespace dl
