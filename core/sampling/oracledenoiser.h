// The exact ("oracle") denoiser of a finite data set: the ε that minimises the DDPM loss when the data
// distribution is the empirical one. It lets every sampler run before any training, and lets the UI compare
// the learned model with the ideal one.
//
// For data x_1..x_N, q(x_t) is the mixture (1/N) Σ_i N(√ᾱ_t x_i, (1−ᾱ_t) I), so
//   E[x_0 | x_t] = Σ_i w_i x_i,  w = softmax_i(−‖x_t − √ᾱ_t x_i‖² / (2(1−ᾱ_t)))
//   ε*(x_t, t)   = (x_t − √ᾱ_t E[x_0 | x_t]) / √(1−ᾱ_t)                 (Ho et al. 2020, Eq. 4 solved for ε)
// computed for the whole batch with one matrix product and a stable log-sum-exp (mixtureposterior.h).
// Float32; with normalised data the logits carry an absolute error of about ‖x‖²·1e-7/(1−ᾱ_t), i.e. ≲ 0.02
// at the smallest 1−ᾱ_1 = 1e-4 for 2D data. Cost per call: about 4·n·N·d flops and n·N exponentials; memory
// is bounded by processing queries in chunks.
//
// For 2D data the denoiser skips, per query, the data points whose weight is below e^{−τ} of the largest
// (a cell list, cellposterior.h), with τ chosen so that E[x_0 | x_t] is off by at most `tolerance` (data
// units; default 1e-4). ε* then differs by at most √ᾱ_t/√(1−ᾱ_t)·tolerance, and a DDPM step's mean by about
// `tolerance`. Pass tolerance 0 for the plain softmax over all points. To trade exactness for speed on big
// sets of other dimensions, pass a subsample (subsampleRows): the result is the exact denoiser of that
// subsample.
//
//   dl::EpsilonPredictor oracle = dl::makeOracleDenoiser(data.points, schedule);
//   dl::SampleResult r = dl::sampleFromNoise(schedule, oracle, 2000, 2, params, rng);
#pragma once

#include "core/math/rng.h"
#include "core/math/schedule.h"
#include "core/math/types.h"
#include "core/sampling/denoiser.h"

namespace dl {

/// Bound on ‖E_approx[x_0 | x_t] − E[x_0 | x_t]‖ the 2D exact denoiser keeps by default (data units).
inline constexpr double kOracleTolerance = 1e-4;

/// The exact ε*(x_t, t) for the data (normalised N×d, N ≥ 1), within `tolerance` for 2D data (0 = no
/// pruning). The callback keeps its own copy of the data and schedule, has no mutable state and may be
/// called from several threads at once. t ∈ 1..T.
EpsilonPredictor makeOracleDenoiser(Batch data, const Schedule& schedule,
                                    double tolerance = kOracleTolerance);

/// E[x_0 | x_t] under the empirical data distribution for every row of xt, t ∈ 1..T.
Batch oraclePosteriorMean(const Batch& data, const Schedule& schedule, const Batch& xt, int t);

/// At most maxRows rows drawn without replacement (order kept); the whole batch when it has no more.
Batch subsampleRows(const Batch& data, int maxRows, Rng& rng);

}  // namespace dl
