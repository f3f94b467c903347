// The forward view's "Markov chain" mode, off the GUI thread. dl::MarkovChainCache walks the chain step
// by step, and the first visit to a late t walks every step before it: milliseconds for a point cloud,
// seconds for a large image data set. The view asks for a t and gets at once the newest state the worker
// has computed for the current chain (possibly of an earlier t, or none yet); ready() follows when the
// asked-for state is there. The cache itself is used by the worker only.
//
//   if (!states.isChain(schedule, &data->points, seed)) states.reset(schedule, x0, seed);
//   const dlui::MarkovChainStates::State& shown = states.request(t);   // shown.t may still differ from t
//   connect(&states, &dlui::MarkovChainStates::ready, view, &dlui::MainView::requestRedraw);
#pragma once

#include <QObject>
#include <cstdint>
#include <memory>

#include "core/math/schedule.h"
#include "core/math/types.h"
#include "ui/jobs/latestjob.h"

namespace dl {
class MarkovChainCache;  // core/math/markovchaincache.h
}

namespace dlui {

class MarkovChainStates : public QObject {
    Q_OBJECT
public:
    struct State {
        int t = -1;  ///< -1: nothing computed yet for this chain
        dl::Batch x;
    };

    explicit MarkovChainStates(QObject* parent = nullptr);
    ~MarkovChainStates() override;

    /// Whether the current chain is the one of this schedule, data (by address) and noise seed.
    bool isChain(const dl::Schedule& schedule, const dl::Batch* x0, std::uint64_t seed) const;
    /// Starts a new chain; the old one's states and work are dropped.
    void reset(const dl::Schedule& schedule, std::shared_ptr<const dl::Batch> x0, std::uint64_t seed);
    /// Drops the chain (the data set changed).
    void clear();

    /// The newest state computed for the current chain; asks the worker for t unless it is that one.
    const State& request(int t);
    /// Whether the worker is computing a state.
    bool isBusy() const { return mJob.isBusy(); }

Q_SIGNALS:
    /// A state asked for is ready: request() returns it.
    void ready();

private:
    LatestJob mJob;
    std::shared_ptr<dl::MarkovChainCache> mChain;
    dl::ScheduleParams mParams;
    const dl::Batch* mX0 = nullptr;
    std::uint64_t mSeed = 0;
    std::uint64_t mGeneration = 0;  // bumped by reset()/clear(): results of an older chain are dropped
    int mRequestedT = -1;
    State mLatest;
};

}  // namespace dlui
