// What the network learns to predict, and the conversions between the three equivalent targets.
//
// With a = √ᾱ_t and s = √(1−ᾱ_t), the forward process is x_t = a·x_0 + s·ε (Ho et al. 2020, Eq. 4),
// and the three targets are related by
//   ε   → x_0 = (x_t − s·ε) / a
//   x_0 → ε   = (x_t − a·x_0) / s
//   v   = a·ε − s·x_0  (Salimans & Ho 2022, §4), so x_0 = a·x_t − s·v and ε = s·x_t + a·v
// These are the only places the conversions are written; the trainer, the model predictor and the
// samplers all call them.
//
//   dl::Batch eps;
//   dl::predictionToEpsilon(dl::PredictionTarget::V, xt, vHat, schedule.alphaBar(t), eps);
#pragma once

#include <optional>
#include <string_view>

#include "core/math/types.h"

namespace dl {

enum class PredictionTarget {
    Epsilon,  ///< the noise ε (L_simple, Ho et al. 2020, Eq. 14)
    X0,       ///< the clean sample x_0
    V,        ///< the velocity v = √ᾱ ε − √(1−ᾱ) x_0 (Salimans & Ho 2022)
};

/// Lower-case names used on the command line and in files: eps, x0, v.
std::string_view predictionTargetName(PredictionTarget target);
/// Accepts eps (also epsilon), x0, v.
std::optional<PredictionTarget> predictionTargetFromName(std::string_view name);

/// The training target for each row: ε, x_0 or v from the row's x_0 and ε and its noise level.
/// x0, eps and out are N×d; sqrtAlphaBar and sqrtOneMinusAlphaBar hold one value per row.
void trainingTarget(PredictionTarget target, const Eigen::Ref<const Batch>& x0,
                    const Eigen::Ref<const Batch>& eps, const Eigen::Ref<const Eigen::ArrayXf>& sqrtAlphaBar,
                    const Eigen::Ref<const Eigen::ArrayXf>& sqrtOneMinusAlphaBar, Eigen::Ref<Batch> out);

/// Converts a network output in the target space into ε̂, for one noise level ᾱ_t shared by all rows.
/// out is resized to the shape of xt; it may be the same object as prediction.
void predictionToEpsilon(PredictionTarget target, const Batch& xt, const Batch& prediction, double alphaBar,
                         Batch& out);

/// Converts a network output in the target space into x̂_0, for one noise level ᾱ_t shared by all rows.
/// out is resized to the shape of xt; it may be the same object as prediction.
void predictionToX0(PredictionTarget target, const Batch& xt, const Batch& prediction, double alphaBar,
                    Batch& out);

}  // namespace dl
