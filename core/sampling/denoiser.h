// The one interface every sampler sees: a function that predicts the noise ε in x_t, and optionally the
// model's own x̂_0. The learned MLP and the exact denoiser of a finite data set both plug in here, so
// samplers never touch a network's internals (as stable-diffusion.cpp's denoise callback).
//
// Why the optional x̂_0: where ᾱ_t = 0 (zero terminal SNR) x_t is pure noise, so ε̂ = x_t says nothing
// about x_0 and x̂_0 = (x_t − √(1−ᾱ_t) ε̂)/√ᾱ_t is 0/0. A model trained to predict x_0 or v still answers
// there (x̂_0 = −v at ᾱ = 0, Lin et al. 2024, §3.2), so samplers take its x̂_0 instead of rebuilding one.
//
//   dl::EpsilonPredictor eps = [&](const dl::Batch& xt, int t, dl::Batch& out) { ... };
//   dl::Denoiser denoiser = eps;              // ε only
//   dl::Denoiser vModel{eps, x0FromNetwork};  // also the network's x̂_0
#pragma once

#include <functional>
#include <utility>

#include "core/math/types.h"

namespace dl {

/// Writes ε̂(x_t, t) for every row of xt (N×d) into out (resized to N×d by the callee). t ∈ 1..T.
using EpsilonPredictor = std::function<void(const Batch& xt, int t, Batch& out)>;

/// Writes the model's own x̂_0(x_t, t) for every row of xt into out (resized by the callee). t ∈ 1..T.
using X0Predictor = std::function<void(const Batch& xt, int t, Batch& out)>;

/// What a sampler calls: ε̂ always, and x̂_0 when the model predicts it directly (x0- or v-prediction).
struct Denoiser {
    Denoiser() = default;
    /// Implicit, so an EpsilonPredictor can be passed wherever a Denoiser is taken.
    Denoiser(EpsilonPredictor epsilonPredictor, X0Predictor x0Predictor = {})
        : epsilon(std::move(epsilonPredictor)), x0(std::move(x0Predictor)) {}

    EpsilonPredictor epsilon;
    X0Predictor x0;  ///< empty for ε-prediction models and the exact denoiser
};

}  // namespace dl
