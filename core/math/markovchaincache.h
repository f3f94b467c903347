// The step-by-step forward Markov chain x_t = √(1−β_t) x_{t−1} + √β_t ε_t (Ho et al. 2020, Eq. 2) for the
// timeline's "Markov chain" mode, with bounded memory: ε_t is drawn from Rng(seed).split(t), so any state can
// be recomputed from the nearest stored checkpoint, and only every k-th state is kept, with k chosen so the
// checkpoints stay under a fixed budget of floats. Scrubbing forward costs at most k − 1 steps, but the
// first visit to a late t walks every step before it: seconds for a large image data set, so the window
// calls it from a worker with a stop flag (ui/view/markovchainstates.h).
//
//   dl::MarkovChainCache chain(schedule, x0, seed);
//   const dl::Batch& x40 = chain.stateAt(40);
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/math/schedule.h"
#include "core/math/types.h"

namespace dl {

class MarkovChainCache {
public:
    /// Checkpoint budget in floats (64 MB).
    static constexpr std::int64_t kDefaultBudgetFloats = 16LL * 1024 * 1024;

    MarkovChainCache(const Schedule& schedule, std::shared_ptr<const Batch> x0, std::uint64_t seed,
                     std::int64_t budgetFloats = kDefaultBudgetFloats);

    /// x_t of the chain (t clamped to 0..T). The reference stays valid until the next call. With a stop
    /// flag, it is checked before every step and dl::Cancelled thrown once set; the cache stays usable.
    const Batch& stateAt(int t, const std::atomic<bool>* stop = nullptr);

    /// Distance between stored checkpoints (1 = every state kept).
    int checkpointStride() const { return mStride; }
    const Schedule& schedule() const { return mSchedule; }
    std::uint64_t seed() const { return mSeed; }
    const Batch* x0() const { return mX0.get(); }

private:
    void advance(Batch& x, int t) const;  // x_{t−1} → x_t in place

    Schedule mSchedule;
    std::shared_ptr<const Batch> mX0;
    std::uint64_t mSeed;
    int mStride = 1;
    std::vector<Batch> mCheckpoints;  // mCheckpoints[k] = x_{k·stride}, computed lazily in order
    Batch mCurrent;
    int mCurrentT = -1;
};

}  // namespace dl
