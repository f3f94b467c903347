#include "ui/sampling/learneddenoisercache.h"

#include "core/math/error.h"
#include "core/math/schedule.h"
#include "core/training/workerpool.h"

namespace dlui {

dl::Denoiser LearnedDenoiserCache::get(std::shared_ptr<const dl::TrainingSnapshot> model,
                                       dl::ProductPrecision precision) {
    if (!model) throw dl::Error("no model to sample with");
    std::lock_guard<std::mutex> lock(mMutex);
    if (model == mModel && precision == mPrecision) return mDenoiser;
    // Build before replacing, so a model that fails to build leaves the cache as it was.
    dl::Denoiser built = dl::makeModelDenoiser(
        model->config, model->parameters, dl::Schedule(model->schedule), dl::defaultThreadCount(), precision);
    mModel = std::move(model);
    mPrecision = precision;
    mDenoiser = built;
    ++mBuilds;
    return built;
}

std::shared_ptr<const dl::TrainingSnapshot> LearnedDenoiserCache::model() const {
    std::lock_guard<std::mutex> lock(mMutex);
    return mModel;
}

int LearnedDenoiserCache::buildCount() const {
    std::lock_guard<std::mutex> lock(mMutex);
    return mBuilds;
}

}  // namespace dlui
