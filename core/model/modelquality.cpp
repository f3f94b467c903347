#include "core/model/modelquality.h"

#include <chrono>

#include "core/model/modelfile.h"
#include "core/model/modelpredictor.h"

namespace dl {

SamplerParams qualitySamplerParams(const Batch& data) {
    SamplerParams p;
    p.kind = SamplerKind::DdpmPosterior;
    p.steps = 0;
    p.clipX0 = true;
    Eigen::VectorXf lo, hi;
    dataRange(data, lo, hi);
    const Eigen::VectorXf margin = 0.05f * (hi - lo);
    p.clipMin = lo - margin;
    p.clipMax = hi + margin;
    return p;
}

ModelQuality measureModelQuality(const MlpConfig& config, const Eigen::VectorXf& parameters,
                                 const Schedule& schedule, const Batch& data, const Batch& fresh, int n, Rng& rng) {
    ModelQuality q;
    const EpsilonPredictor eps = makeModelPredictor(config, parameters, schedule);
    const auto start = std::chrono::steady_clock::now();
    Rng sampleRng = rng.split(1);
    q.samples = sampleFromNoise(schedule, eps, n, config.dataDim, qualitySamplerParams(data), sampleRng).samples;
    q.sampleSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    Rng metricRng = rng.split(2);
    q.report = compareToData(q.samples, data, fresh, metricRng);
    return q;
}

}  // namespace dl
