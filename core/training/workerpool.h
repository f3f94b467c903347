// A fixed set of worker threads for data-parallel work: run(task) calls task(k) once for every part
// k = 0..K−1 and returns when all are done. Results depend only on K, never on which thread ran which
// part (each part writes its own outputs), so a run is reproducible for a given thread count.
//
// Parts are claimed, not assigned: the calling thread and every worker that is awake take the next
// unclaimed part until none is left. A worker that the scheduler has not woken yet (on a busy machine
// that can take milliseconds) therefore never holds the step up; the caller does its part as well,
// and only waits for parts another thread has already started. Threads spin for 0.2 ms before
// sleeping, because a training step hands out work every few tens of microseconds and a futex wake-up
// alone costs tens of them; between runs of work (paused training) they sleep.
//
// The caller always runs part 0, claimed before the workers hear of the run. Otherwise a spinning
// worker that saw the run first took part 0: with two threads the parts changed threads in a third of
// the training steps, and each change moved a part's gradient buffer and optimizer state from one
// core's cache to the other's. With two threads each part now stays on its thread from run to run;
// with more, the workers still race for parts 1..K−1.
//
//   dl::WorkerPool pool(2);
//   pool.run([&](int k) { partial[k] = sumOfSlice(k); });
#pragma once

#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace dl {

/// The thread count every command and the window use unless told otherwise: all cores the system
/// reports (std::thread::hardware_concurrency), at least 1, at most 64.
int defaultThreadCount();

class WorkerPool {
public:
    /// threads ≥ 1; threads − 1 workers are started.
    explicit WorkerPool(int threads);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    int threads() const { return static_cast<int>(mWorkers.size()) + 1; }

    /// Runs task(k) for every k in 0..threads()−1, each exactly once (k = 0 on the calling thread, the
    /// others on whichever thread claims them), and waits for all. Rethrows the first exception. Not
    /// re-entrant: one run at a time, from one thread.
    void run(const std::function<void(int)>& task);

    /// Runs task(part, slot) for every part in 0..parts−1 (1 ≤ parts ≤ 65535), each exactly once, and
    /// waits for all. slot (0..threads()−1) names the thread that runs the part: 0 is the caller, and no
    /// two parts run at the same time on one slot, so a slot can own scratch space. Part 0 always runs on
    /// slot 0. With more parts than threads, whichever thread is free takes the next part: a thread the
    /// scheduler holds back does not hold the run back by more than the part it has started.
    void run(int parts, const std::function<void(int part, int slot)>& task);

private:
    void workerLoop(int slot);
    /// Claims and runs parts of run `generation` on thread `slot` until none is left.
    void runParts(std::uint64_t generation, int slot);
    /// Runs one claimed part on thread `slot` and counts it done.
    void runPart(int part, int parts, int slot);

    std::vector<std::thread> mWorkers;
    const std::function<void(int, int)>* mTask = nullptr;
    // Each counter on its own cache line: the workers spin reading mGeneration while the claims and
    // completions of a run change the others, and a shared line would bounce between the cores.
    // The claim word of the current run (poolprimitives.h).
    alignas(64) std::atomic<std::uint64_t> mClaim{0};
    alignas(64) std::atomic<std::uint64_t> mGeneration{0};  // bumped once per run; workers sleep on it
    alignas(64) std::atomic<int> mDone{0};                  // parts finished in the current run
    alignas(64) std::atomic<bool> mStop{false};
    std::mutex mErrorMutex;
    std::exception_ptr mError;
};

}  // namespace dl
