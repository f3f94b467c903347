// The shared kernel behind the exact denoiser and the exact density of q(x_t) for a finite data set.
//
// With data x_1..x_N, q(x_t) = (1/N) Σ_i N(x_t; √ᾱ_t x_i, v I), v = 1 − ᾱ_t (Ho et al. 2020, Eq. 4), and the
// posterior over which point was noised is a softmax over logits
//   ℓ_i = −‖x_t − √ᾱ x_i‖²/(2v) = −‖x_t‖²/(2v) + (√ᾱ x_t·x_i − ᾱ‖x_i‖²/2)/v.
// The first term is the same for every i, so the kernel computes only the second, r_i, for all query rows at
// once as one matrix product (queries × dataᵀ), then a stable log-sum-exp (subtract the row maximum).
// Query rows are processed in chunks so the N-wide logit rows stay in cache and memory stays bounded.
// Weights below e^{−80} of the largest are raised to e^{−80} (a relative change of the total of at most
// N·1.8e-35): at small t nearly every weight would otherwise be a subnormal float, which made the exact
// denoiser's early steps more than ten times slower than its late ones.
//
//   dl::MixtureData<float> m = dl::makeMixtureData<float>(points);
//   dl::mixturePosterior(m, alphaBar, queries, nullptr, &posteriorMean);
#pragma once

#include <Eigen/Core>

#include "core/math/types.h"

namespace dl {

template <typename Scalar>
struct MixtureData {
    using Rows = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    Rows points;                                       ///< N×d
    Eigen::Matrix<Scalar, Eigen::Dynamic, 1> sqNorms;  ///< ‖x_i‖², length N
    Rows augmented;                                    ///< N×(d+1): [x_i, ‖x_i‖²]
};

template <typename Scalar>
MixtureData<Scalar> makeMixtureData(const Batch& points);

/// For every query row q: logSumExp(q) = log Σ_i exp(r_i) (r_i as above, without the −‖q‖²/(2v) term) and
/// mean(q) = Σ_i softmax(r)_i x_i = E[x_0 | x_t = q]. Either output may be null. Needs ᾱ ∈ [0, 1).
template <typename Scalar>
void mixturePosterior(const MixtureData<Scalar>& data, double alphaBar,
                      const Eigen::Ref<const typename MixtureData<Scalar>::Rows>& queries,
                      Eigen::Matrix<double, Eigen::Dynamic, 1>* logSumExp,
                      typename MixtureData<Scalar>::Rows* mean);

}  // namespace dl
