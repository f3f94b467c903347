#include "core/training/modelquality.h"

#include <algorithm>
#include <chrono>
#include <vector>

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

Batch randomRows(const Batch& pool, int n, Rng& rng) {
    const int total = static_cast<int>(pool.rows());
    const int keep = std::min(n, total);
    std::vector<int> index(total);
    for (int i = 0; i < total; ++i) index[i] = i;
    Batch out(keep, pool.cols());
    for (int i = 0; i < keep; ++i) {
        std::swap(index[i], index[rng.uniformInt(i, total - 1)]);  // partial Fisher–Yates
        out.row(i) = pool.row(index[i]);
    }
    return out;
}

ModelQuality measureModelQuality(const MlpConfig& config, const Eigen::VectorXf& parameters,
                                 const Schedule& schedule, const Batch& data, const Batch& fresh, int n, Rng& rng,
                                 int threads) {
    ModelQuality q;
    const Denoiser eps = makeModelDenoiser(config, parameters, schedule, threads);
    const auto start = std::chrono::steady_clock::now();
    Rng sampleRng = rng.split(1);
    q.samples = sampleFromNoise(schedule, eps, n, config.dataDim, qualitySamplerParams(data), sampleRng).samples;
    q.sampleSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    Rng metricRng = rng.split(2);
    q.report = compareToData(q.samples, data, fresh, metricRng);
    return q;
}

}  // namespace dl
