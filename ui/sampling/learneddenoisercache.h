// The learned denoiser of the last model sampled, kept for the next run of the same model. Building it
// (the int16 weights, the input layer's table, the worker threads) took 11–20 ms of a chain that should
// be ready in 0.2 s, and a person often samples the same model again with another seed or sampler.
// Thread-safe: sampling runs call get() in their worker thread.
//
//   auto cache = std::make_shared<dlui::LearnedDenoiserCache>();
//   dl::Denoiser d = cache->get(model, precision);   // built once per (model, precision)
#pragma once

#include <memory>
#include <mutex>

#include "core/model/modelpredictor.h"
#include "core/sampling/denoiser.h"
#include "core/training/trainer.h"

namespace dlui {

class LearnedDenoiserCache {
public:
    /// The denoiser of this snapshot (its own schedule, all cores), from the cache when the last call was
    /// for the same snapshot and precision. The cache holds the snapshot it was built from, so a new
    /// snapshot at the same address can never be mistaken for it.
    dl::Denoiser get(std::shared_ptr<const dl::TrainingSnapshot> model, dl::ProductPrecision precision);

    /// How many denoisers get() has built (tests).
    int buildCount() const;
    /// The snapshot the cached denoiser was built from (null before the first build).
    std::shared_ptr<const dl::TrainingSnapshot> model() const;

private:
    mutable std::mutex mMutex;
    std::shared_ptr<const dl::TrainingSnapshot> mModel;
    dl::ProductPrecision mPrecision = dl::ProductPrecision::Float32;
    dl::Denoiser mDenoiser;
    int mBuilds = 0;
};

}  // namespace dlui
