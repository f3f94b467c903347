#include "corelatency.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <system_error>
#include <thread>
#include <vector>

namespace dlcli {
namespace {

constexpr int kBatches = 5;
constexpr int kRoundTripsPerBatch = 4000;  // ~2 ms per batch at 500 ns
// A batch in which either thread lost its core measures the scheduler, not the caches: the median of
// several drops it.

}  // namespace

double coreRoundTripNanoseconds() {
    // With one core the two threads would take turns a scheduler time slice at a time.
    if (std::thread::hardware_concurrency() < 2) return 0.0;
    // Odd values are the caller's serve, even values the partner's return.
    alignas(64) std::atomic<long> ball{0};
    constexpr long kTotal = static_cast<long>(kBatches) * kRoundTripsPerBatch;
    std::thread partner;
    try {
        partner = std::thread([&ball] {
            for (long i = 0; i < kTotal; ++i) {
                while (ball.load(std::memory_order_acquire) != 2 * i + 1) {
                }
                ball.store(2 * i + 2, std::memory_order_release);
            }
        });
    } catch (const std::system_error&) {
        return 0.0;
    }
    std::vector<double> batches;
    long i = 0;
    for (int b = 0; b < kBatches; ++b) {
        const auto start = std::chrono::steady_clock::now();
        for (int k = 0; k < kRoundTripsPerBatch; ++k, ++i) {
            ball.store(2 * i + 1, std::memory_order_release);
            while (ball.load(std::memory_order_acquire) != 2 * i + 2) {
            }
        }
        batches.push_back(
            std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - start).count() /
            kRoundTripsPerBatch);
    }
    partner.join();
    std::nth_element(batches.begin(), batches.begin() + kBatches / 2, batches.end());
    return batches[kBatches / 2];
}

}  // namespace dlcli
