#include "core/math/forwardprocess.h"

#include <cmath>
#include <string>

#include "core/math/error.h"

namespace dl {
namespace {

void checkStep(const Schedule& schedule, int t, int lowest) {
    if (t < lowest || t > schedule.T())
        throw Error("timestep t must be from " + std::to_string(lowest) + " to " +
                    std::to_string(schedule.T()) + ", got " + std::to_string(t));
}

void checkSameShape(const Batch& a, const Batch& b) {
    if (a.rows() != b.rows() || a.cols() != b.cols())
        throw Error("noise must have the same shape as the data");
}

}  // namespace

Batch noiseToStep(const Schedule& schedule, const Batch& x0, int t, const Batch& eps) {
    checkStep(schedule, t, 0);
    checkSameShape(x0, eps);
    const auto signal = static_cast<float>(schedule.sqrtAlphaBar(t));
    const auto noise = static_cast<float>(schedule.sqrtOneMinusAlphaBar(t));
    Batch xt = signal * x0 + noise * eps;
    return xt;
}

Batch noiseToStep(const Schedule& schedule, const Batch& x0, int t, Rng& rng) {
    Batch eps(x0.rows(), x0.cols());
    rng.fillNormal(eps);
    return noiseToStep(schedule, x0, t, eps);
}

Batch markovStep(const Schedule& schedule, const Batch& xPrev, int t, const Batch& eps) {
    checkStep(schedule, t, 1);
    checkSameShape(xPrev, eps);
    const auto keep = static_cast<float>(std::sqrt(1.0 - schedule.beta(t)));
    const auto add = static_cast<float>(std::sqrt(schedule.beta(t)));
    Batch next = keep * xPrev + add * eps;
    return next;
}

Batch runMarkovChain(const Schedule& schedule, const Batch& x0, int t, Rng& rng) {
    checkStep(schedule, t, 0);
    Batch x = x0;
    Batch eps(x0.rows(), x0.cols());
    for (int k = 1; k <= t; ++k) {
        rng.fillNormal(eps);
        x = markovStep(schedule, x, k, eps);
    }
    return x;
}

std::vector<Batch> markovChainStates(const Schedule& schedule, const Batch& x0, int tEnd, Rng& rng) {
    checkStep(schedule, tEnd, 0);
    std::vector<Batch> states;
    states.reserve(static_cast<std::size_t>(tEnd) + 1);
    states.push_back(x0);
    Batch eps(x0.rows(), x0.cols());
    for (int k = 1; k <= tEnd; ++k) {
        rng.fillNormal(eps);
        states.push_back(markovStep(schedule, states.back(), k, eps));
    }
    return states;
}

}  // namespace dl
