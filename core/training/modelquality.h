// How good a trained model's samples are: draw n samples with the default sampler and compare them
// with the training data, next to the floor of an independent fresh draw of the data (metrics.h).
// Shared by `train`, `bench` and the tests so all report the same figure the same way.
//
//   dl::ModelQuality q = dl::measureModelQuality(config, ema, schedule, data.points, fresh, 2000, rng);
//   std::cout << q.report.swd / q.report.swdFloor;   // ≤ 2 is the target of the default preset
#pragma once

#include "core/math/rng.h"
#include "core/math/schedule.h"
#include "core/model/mlpconfig.h"
#include "core/sampling/metrics.h"
#include "core/sampling/samplers.h"

namespace dl {

/// The sampler used for quality figures: DDPM ancestral with σ²_t = β̃_t over all T steps, x̂_0 clipped
/// to the range of the normalised training data (widened by 5% of its span on each side).
SamplerParams qualitySamplerParams(const Batch& data);

/// n rows of pool picked uniformly at random without replacement. Generators that stratify (8 Gaussians
/// puts exactly n/8 points in each mode) make a fresh draw of exactly n points more regular than any
/// sampler can be; a random subset of a larger fresh pool is an honest i.i.d. floor.
Batch randomRows(const Batch& pool, int n, Rng& rng);

struct ModelQuality {
    QualityReport report;
    double sampleSeconds = 0.0;  ///< wall time of the whole reverse chain
    Batch samples;               ///< normalised coordinates
};

/// Samples n points from the weights and compares them with data (N×d normalised) and fresh (an
/// independent draw of the same source, normalised the same way). threads: see makeModelPredictor.
ModelQuality measureModelQuality(const MlpConfig& config, const Eigen::VectorXf& parameters,
                                 const Schedule& schedule, const Batch& data, const Batch& fresh, int n, Rng& rng,
                                 int threads = 1);

}  // namespace dl
