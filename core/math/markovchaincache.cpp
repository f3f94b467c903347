#include "core/math/markovchaincache.h"

#include <algorithm>
#include <cmath>

#include "core/data/progress.h"
#include "core/math/forwardprocess.h"
#include "core/math/rng.h"

namespace dl {

MarkovChainCache::MarkovChainCache(const Schedule& schedule, std::shared_ptr<const Batch> x0,
                                   std::uint64_t seed, std::int64_t budgetFloats)
    : mSchedule(schedule), mX0(std::move(x0)), mSeed(seed) {
    const std::int64_t perState = std::max<std::int64_t>(1, static_cast<std::int64_t>(mX0->size()));
    const std::int64_t states = std::max<std::int64_t>(1, budgetFloats / perState);
    mStride = static_cast<int>(std::max<std::int64_t>(1, (schedule.T() + states) / states));
    mCheckpoints.push_back(*mX0);
}

void MarkovChainCache::advance(Batch& x, int t) const {
    Batch eps(x.rows(), x.cols());
    Rng(mSeed).split(static_cast<std::uint64_t>(t)).fillNormal(eps);
    x = markovStep(mSchedule, x, t, eps);
}

const Batch& MarkovChainCache::stateAt(int t, const std::atomic<bool>* stop) {
    const auto checkStop = [stop] {
        if (stop && stop->load(std::memory_order_relaxed)) throw Cancelled();
    };
    t = std::clamp(t, 0, mSchedule.T());
    if (t == mCurrentT) return mCurrent;
    const int k = t / mStride;
    // Extend the checkpoints up to the one at or below t. A checkpoint is stored only once complete, so
    // stopping half-way loses nothing already stored.
    while (static_cast<int>(mCheckpoints.size()) <= k) {
        Batch x = mCheckpoints.back();
        const int from = (static_cast<int>(mCheckpoints.size()) - 1) * mStride;
        for (int s = from + 1; s <= from + mStride; ++s) {
            checkStop();
            advance(x, s);
        }
        mCheckpoints.push_back(std::move(x));
    }
    // Continue from the current state when it lies between the checkpoint and t (playing forward).
    int from = k * mStride;
    if (mCurrentT >= from && mCurrentT < t) {
        from = mCurrentT;
    } else {
        mCurrent = mCheckpoints[k];
    }
    mCurrentT = -1;  // mCurrent is between states until the walk ends
    for (int s = from + 1; s <= t; ++s) {
        checkStop();
        advance(mCurrent, s);
    }
    mCurrentT = t;
    return mCurrent;
}

}  // namespace dl
