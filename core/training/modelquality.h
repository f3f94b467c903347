// How good a trained model's samples are: draw samples with the default sampler and compare them with
// data the model never saw, next to the floor of an independent draw of the same data (metrics.h).
// Shared by `train`, `sample`, `bench`, the window and the tests so all report the same figure the same way.
//
// Where the unseen data come from (QualityReference):
//   built-in shapes  a fresh draw with another seed (freshDrawReference)
//   finite data      the rows held out before training (core/data/heldout.h, referenceFromPool)
// Either way the reference and the floor's draw are disjoint random subsets of one pool, so the floor is
// an i.i.d. draw and never a set compared with itself.
//
//   dl::QualityReference ref = dl::freshDrawReference("moons", data.norm, 2000, seed + 1);
//   dl::ModelQuality q = dl::measureModelQuality(config, ema, schedule, data.points, ref, rng);
//   std::cout << q.report.swd / q.report.swdFloor;   // ≤ 2 is the target of the default preset
#pragma once

#include <cstdint>
#include <string>

#include "core/data/dataset.h"
#include "core/math/rng.h"
#include "core/math/schedule.h"
#include "core/model/mlpconfig.h"
#include "core/sampling/metrics.h"
#include "core/sampling/samplers.h"

namespace dl {

/// The sampler used for quality figures: DDPM ancestral with σ²_t = β̃_t over all T steps, x̂_0 clipped
/// to the range of the normalised training data (widened by 5% of its span on each side).
SamplerParams qualitySamplerParams(const Batch& data);

/// Unseen data for a quality figure: the samples are compared with `reference`, and `floor` (as many rows
/// as samples are drawn) is compared with it too. The two sets share no row of the pool.
struct QualityReference {
    Batch reference;  ///< at most kMaxQualityRows rows
    Batch floor;      ///< min(samples, pool/2, kMaxQualityRows) rows
    std::string
        source;  ///< for people, e.g. "a fresh draw of moons" or "1600 held-out rows (never trained on)"
    bool heldOut = false;  ///< true: rows held out of finite data; false: a fresh draw of a built-in shape

    bool valid() const { return reference.rows() > 0 && floor.rows() > 0; }
};

/// Disjoint random subsets of pool: `floor` of min(samples, ⌊rows/2⌋, kMaxQualityRows) rows, `reference` of
/// up to kMaxQualityRows of the others. Too small a pool (under 2 rows) gives an invalid reference.
QualityReference referenceFromPool(const Batch& pool, int samples, Rng& rng);

/// A fresh pool of the built-in shape (a stream split off seed, so never the draw Rng(seed) makes;
/// 4·(min(samples, kMaxQualityRows) + kMaxQualityRows) points) mapped with norm, cut by referenceFromPool().
QualityReference freshDrawReference(const std::string& shape, const Normalisation& norm, int samples,
                                    std::uint64_t seed);

/// The held-out rows of finite data (normalised) cut by referenceFromPool(); says so in `source`.
QualityReference heldOutReference(const Batch& heldOut, int samples, std::uint64_t seed);

struct ModelQuality {
    QualityReport report;
    double sampleSeconds = 0.0;  ///< wall time of the whole reverse chain
    Batch samples;               ///< normalised coordinates
};

/// Samples reference.floor.rows() points from the weights and compares them with the reference (see
/// compareToData). trainingData (normalised) only sets the x̂_0 clipping range. threads: see
/// makeModelPredictor.
ModelQuality measureModelQuality(const MlpConfig& config, const Eigen::VectorXf& parameters,
                                 const Schedule& schedule, const Batch& trainingData,
                                 const QualityReference& reference, Rng& rng, int threads = 1);

}  // namespace dl
