// Turns trained weights into the denoiser callback every sampler takes (core/sampling/denoiser.h).
// The network's output is converted from its prediction target (ε, x_0 or v) into ε̂ with the
// schedule's ᾱ_t (prediction.h), so samplers never need to know what the model was trained on. An x0- or
// v-model also hands out its x̂_0 directly (makeModelDenoiser), for the steps where ᾱ_t is 0.
//
//   dl::EpsilonPredictor eps = dl::makeModelPredictor(file.model, file.emaParameters,
//   dl::Schedule(file.schedule)); dl::SampleResult r = dl::sampleFromNoise(schedule, eps, 2000, 2,
//   samplerParams, rng);
#pragma once

#include "core/math/schedule.h"
#include "core/model/mlpconfig.h"
#include "core/sampling/denoiser.h"

namespace dl {

/// Copies the weights into a network of its own (shared by copies of the returned function, and
/// guarded by a mutex, so copies may be called from different threads, one call at a time). With
/// threads > 1, batches of at least 512 rows are split across that many threads (rows are independent, so
/// the result is the same up to float rounding). Throws dl::Error when the parameter count does
/// not match the config.
EpsilonPredictor makeModelPredictor(const MlpConfig& config, const Eigen::VectorXf& parameters,
                                    const Schedule& schedule, int threads = 1);

/// The same ε̂ as makeModelPredictor, plus (for x0- and v-prediction models) the network's own x̂_0, which the
/// samplers use where ᾱ_t underflows or is 0 (denoiser.h). What sampling code should call.
Denoiser makeModelDenoiser(const MlpConfig& config, const Eigen::VectorXf& parameters,
                           const Schedule& schedule, int threads = 1);

}  // namespace dl
