// The forward (noising) process of DDPM on batches of any dimension.
//
//   closed form   x_t = √ᾱ_t x_0 + √(1−ᾱ_t) ε                  (Ho et al. 2020, Eq. 4)
//   Markov chain  x_t = √(1−β_t) x_{t−1} + √β_t ε_t             (Ho et al. 2020, Eq. 2)
//
// Both take their noise from an explicit dl::Rng (or a given ε), so results are reproducible.
//
//   dl::Rng rng(7);
//   dl::Batch xt = dl::noiseToStep(schedule, x0, 40, rng);
#pragma once

#include "core/math/rng.h"
#include "core/math/schedule.h"
#include "core/math/types.h"

namespace dl {

/// x_t from x_0 and a given noise draw ε (same shape as x0). t ∈ 0..T.
Batch noiseToStep(const Schedule& schedule, const Batch& x0, int t, const Batch& eps);

/// x_t from x_0 with fresh noise from rng.
Batch noiseToStep(const Schedule& schedule, const Batch& x0, int t, Rng& rng);

/// One Markov step x_{t−1} → x_t with a given ε_t. t ∈ 1..T.
Batch markovStep(const Schedule& schedule, const Batch& xPrev, int t, const Batch& eps);

/// Runs the Markov chain from x_0 to x_t, drawing each ε_t from rng in turn.
Batch runMarkovChain(const Schedule& schedule, const Batch& x0, int t, Rng& rng);

/// Every state of the chain: element k is x_k for k = 0..tEnd (memory grows with tEnd·N·d).
std::vector<Batch> markovChainStates(const Schedule& schedule, const Batch& x0, int tEnd, Rng& rng);

}  // namespace dl
