#include "ui/view/markovchainstates.h"

#include "core/math/markovchaincache.h"

namespace dlui {

MarkovChainStates::MarkovChainStates(QObject* parent)
    // A stream of requests (playing, scrubbing) lets the running walk finish, so states keep arriving;
    // reset() and the destructor stop it.
    : QObject(parent), mJob(QStringLiteral("dl-markov-chain"), LatestJob::Supersede::LetRunningFinish) {}

MarkovChainStates::~MarkovChainStates() = default;

bool MarkovChainStates::isChain(const dl::Schedule& schedule, const dl::Batch* x0, std::uint64_t seed) const {
    return mChain && mX0 == x0 && mSeed == seed && mParams == schedule.params();
}

void MarkovChainStates::reset(const dl::Schedule& schedule, std::shared_ptr<const dl::Batch> x0,
                              std::uint64_t seed) {
    clear();
    mParams = schedule.params();
    mX0 = x0.get();
    mSeed = seed;
    mChain = std::make_shared<dl::MarkovChainCache>(schedule, std::move(x0), seed);
}

void MarkovChainStates::clear() {
    mJob.cancel();
    ++mGeneration;
    mChain.reset();
    mX0 = nullptr;
    mRequestedT = -1;
    mLatest = State();
}

const MarkovChainStates::State& MarkovChainStates::request(int t) {
    if (!mChain || t == mLatest.t || t == mRequestedT) return mLatest;
    mRequestedT = t;
    LatestJob::Job job;
    // Jobs run one at a time on the worker thread, so the cache is never used by two threads at once.
    job.work = [chain = mChain, t](JobControl& control) -> std::any {
        return State{t, chain->stateAt(t, control.stopFlag())};
    };
    job.onResult = [this, generation = mGeneration](std::any result) {
        if (generation != mGeneration) return;
        mLatest = std::any_cast<State>(std::move(result));
        Q_EMIT ready();
    };
    mJob.start(std::move(job));
    return mLatest;
}

}  // namespace dlui
