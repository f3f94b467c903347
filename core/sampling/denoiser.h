// The one interface every sampler sees: a function that predicts the noise ε in x_t.
// The learned MLP and the exact denoiser of a finite data set both plug in here, so samplers never
// touch a network's internals (as stable-diffusion.cpp's denoise callback).
//
//   dl::EpsilonPredictor eps = [&](const dl::Batch& xt, int t, dl::Batch& out) { ... };
#pragma once

#include <functional>

#include "core/math/types.h"

namespace dl {

/// Writes ε̂(x_t, t) for every row of xt (N×d) into out (resized to N×d by the callee). t ∈ 1..T.
using EpsilonPredictor = std::function<void(const Batch& xt, int t, Batch& out)>;

}  // namespace dl
