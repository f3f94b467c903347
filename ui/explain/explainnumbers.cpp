#include "ui/explain/explainnumbers.h"

#include <algorithm>
#include <cmath>

#include "core/sampling/timesteps.h"

namespace dlui {

namespace {

/// The timestep the sampler goes to from t: the next one it lists below t, or 0.
int nextTimestepBelow(const dl::Schedule& schedule, int t, const dl::SamplerParams& params) {
    const int T = schedule.T();
    if (params.steps <= 0 || params.steps >= T || params.kind == dl::SamplerKind::Langevin) return t - 1;
    const std::vector<int> listed = dl::samplingTimesteps(T, params.steps, params.spacing);
    for (int s : listed)  // descending
        if (s < t) return s;
    return 0;
}

}  // namespace

StepNumbers stepNumbers(const dl::Schedule& schedule, int t, const dl::SamplerParams& params) {
    StepNumbers n;
    n.T = schedule.T();
    n.t = std::clamp(t, 1, n.T);
    n.clamped = n.t != t;
    n.prev = nextTimestepBelow(schedule, n.t, params);
    n.beta = schedule.beta(n.t);
    n.alpha = schedule.alpha(n.t);
    n.alphaBar = schedule.alphaBar(n.t);
    n.sqrtAlphaBar = schedule.sqrtAlphaBar(n.t);
    n.sqrtOneMinusAlphaBar = schedule.sqrtOneMinusAlphaBar(n.t);
    n.snr = schedule.snr(n.t);

    const dl::ReverseStepCoefficients c = dl::reverseStepCoefficients(schedule, n.t, n.prev);
    n.alphaBarPrev = c.alphaBarPrev;
    n.alphaStep = c.alphaStep;
    n.betaStep = c.betaStep;
    n.posteriorVariance = c.posteriorVariance;
    n.coefX0 = c.coefX0;
    n.coefXt = c.coefXt;
    n.epsCoef = c.betaStep / std::sqrt(1.0 - c.alphaBarT);
    n.invSqrtAlphaStep = 1.0 / std::sqrt(c.alphaStep);
    const double alphaBarPrev = n.prev > 0 ? schedule.alphaBar(n.prev) : 1.0;
    n.alphaBarFloored = n.alphaBar < dl::kMinSamplerAlphaBar;
    n.alphaBarPrevFloored = alphaBarPrev < dl::kMinSamplerAlphaBar;
    n.exactPosteriorVariance = dl::jumpCoefficients(n.alphaBar, alphaBarPrev).posteriorVariance;

    switch (params.kind) {
        case dl::SamplerKind::DdpmPosterior:
            n.sigma = std::sqrt(c.posteriorVariance);
            break;
        case dl::SamplerKind::DdpmBeta:
            n.sigma = std::sqrt(c.betaStep);
            break;
        case dl::SamplerKind::Ddim:
            n.sigma = params.eta * std::sqrt(c.posteriorVariance);
            n.ddimDirection = std::sqrt(std::max(0.0, 1.0 - c.alphaBarPrev - n.sigma * n.sigma));
            break;
        case dl::SamplerKind::Langevin:
            n.langevinDelta = params.langevinStepSize * (1.0 - schedule.alphaBar(n.t));
            n.sigma = std::sqrt(n.langevinDelta);
            break;
    }
    // The sampler adds no noise on its last step (Ho et al. 2020, Algorithm 2: z = 0 at t = 1).
    if (n.prev == 0 && params.kind != dl::SamplerKind::Langevin) n.sigma = 0.0;
    return n;
}

}  // namespace dlui
