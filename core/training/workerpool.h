// A fixed set of worker threads for data-parallel training: run(task) calls task(k) for k = 0..K−1,
// k = 0 on the caller, and returns when every part is done. Parts are assigned by index, never by
// which thread is free first, so results depend only on K (determinism for a fixed thread count).
//
// Workers spin briefly before sleeping, because a training step hands out work every few hundred
// microseconds and a futex wake-up alone costs tens of them; between runs of work (paused training)
// they sleep.
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

    /// Runs task(k) for every k in 0..threads()−1 and waits for all. Rethrows the first exception.
    /// Not re-entrant: one run at a time, from one thread.
    void run(const std::function<void(int)>& task);

private:
    void workerLoop(int index);

    std::vector<std::thread> mWorkers;
    const std::function<void(int)>* mTask = nullptr;
    std::atomic<std::uint64_t> mGeneration{0};
    std::atomic<int> mRemaining{0};
    std::atomic<bool> mStop{false};
    std::mutex mErrorMutex;
    std::exception_ptr mError;
};

}  // namespace dl
