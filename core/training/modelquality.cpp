#include "core/training/modelquality.h"

#include <algorithm>
#include <chrono>

#include "core/data/pointgenerators.h"
#include "core/math/error.h"
#include "core/model/modelfile.h"
#include "core/model/modelpredictor.h"

namespace dl {

SamplerParams qualitySamplerParams(const Batch& data) {
    SamplerParams p;
    p.kind = SamplerKind::DdpmPosterior;
    p.steps = 0;
    Eigen::VectorXf lo, hi;
    dataRange(data, lo, hi);
    clipX0ToDataRange(p, lo, hi);
    return p;
}

QualityReference referenceFromPool(const Batch& pool, int samples, Rng& rng) {
    QualityReference r;
    const int rows = static_cast<int>(pool.rows());
    const int floorRows = std::min({samples, rows / 2, kMaxQualityRows});
    if (floorRows < 1) return r;
    // One random order of the pool: the floor takes the first rows, the reference the next ones.
    const Batch order = randomRows(pool, std::min(rows, floorRows + kMaxQualityRows), rng);
    r.floor = order.topRows(floorRows);
    r.reference = order.bottomRows(order.rows() - floorRows);
    return r;
}

QualityReference freshDrawReference(const std::string& shape, const Normalisation& norm, int samples,
                                    std::uint64_t seed) {
    // A stream of its own: never the stream Rng(seed) that drew the training data with the same seed.
    Rng rng = Rng(seed).split(0xF4E5Du);
    const int poolRows = 4 * (std::clamp(samples, 1, kMaxQualityRows) + kMaxQualityRows);
    const Batch pool = norm.toNormalised(generatePoints(shape, poolRows, rng));
    QualityReference r = referenceFromPool(pool, samples, rng);
    r.source = "a fresh draw of " + shape + " (" + std::to_string(poolRows) + " points, seed " +
               std::to_string(seed) + ")";
    r.heldOut = false;
    return r;
}

QualityReference heldOutReference(const Batch& heldOut, int samples, std::uint64_t seed) {
    Rng rng = Rng(seed).split(0x4E1D1u);
    QualityReference r = referenceFromPool(heldOut, samples, rng);
    r.source = std::to_string(heldOut.rows()) + " held-out rows (never trained on)";
    r.heldOut = true;
    return r;
}

ModelQuality measureModelQuality(const MlpConfig& config, const Eigen::VectorXf& parameters,
                                 const Schedule& schedule, const Batch& trainingData,
                                 const QualityReference& reference, Rng& rng, int threads) {
    if (!reference.valid()) throw Error("quality check: no unseen data to compare the samples with");
    ModelQuality q;
    const Denoiser eps = makeModelDenoiser(config, parameters, schedule, threads);
    const auto start = std::chrono::steady_clock::now();
    Rng sampleRng = rng.split(1);
    const int n = static_cast<int>(reference.floor.rows());
    q.samples =
        sampleFromNoise(schedule, eps, n, config.dataDim, qualitySamplerParams(trainingData), sampleRng)
            .samples;
    q.sampleSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    Rng metricRng = rng.split(2);
    q.report = compareToData(q.samples, reference.reference, reference.floor, metricRng);
    return q;
}

}  // namespace dl
