#include "core/training/optimizer.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace dl {
namespace {

// Updates run over blocks this long so that parameters, gradients, both moments and the EMA of one
// block stay in L1 while all five expressions pass over it (the whole buffers exceed L2).
constexpr Eigen::Index kBlock = 1024;

}  // namespace

void adamwUpdate(AdamWState& state, float* params, const float* grads, Eigen::Index begin, Eigen::Index end,
                 const AdamWStep& s, float* ema) {
    const float b1 = s.beta1, b2 = s.beta2;
    const float bias1 = 1.0f - static_cast<float>(std::pow(static_cast<double>(b1), static_cast<double>(s.t)));
    const float bias2 = 1.0f - static_cast<float>(std::pow(static_cast<double>(b2), static_cast<double>(s.t)));
    const float stepSize = s.learningRate / bias1;
    const float invSqrtBias2 = 1.0f / std::sqrt(bias2);
    const float decayFactor = 1.0f - s.learningRate * s.weightDecay;
    const float emaKeep = s.emaDecay, emaTake = 1.0f - s.emaDecay;
    for (Eigen::Index start = begin; start < end; start += kBlock) {
        const Eigen::Index n = std::min(kBlock, end - start);
        Eigen::Map<Eigen::ArrayXf> p(params + start, n);
        Eigen::Map<const Eigen::ArrayXf> g(grads + start, n);
        Eigen::Map<Eigen::ArrayXf> m(state.m.data() + start, n);
        Eigen::Map<Eigen::ArrayXf> v(state.v.data() + start, n);
        m = b1 * m + ((1.0f - b1) * s.gradScale) * g;
        v = b2 * v + ((1.0f - b2) * s.gradScale * s.gradScale) * g.square();
        p = decayFactor * p - stepSize * m / (v.sqrt() * invSqrtBias2 + s.epsilon);
        if (ema) {
            Eigen::Map<Eigen::ArrayXf> e(ema + start, n);
            e = emaKeep * e + emaTake * p;
        }
    }
}

double squaredNorm(const float* values, Eigen::Index begin, Eigen::Index end) {
    double sum = 0.0;
    for (Eigen::Index start = begin; start < end; start += kBlock) {
        const Eigen::Index n = std::min(kBlock, end - start);
        // Float within a block (vectorised), double across blocks.
        sum += static_cast<double>(Eigen::Map<const Eigen::VectorXf>(values + start, n).squaredNorm());
    }
    return sum;
}

float learningRateAt(std::int64_t step, float base, int warmupSteps, int totalSteps, float minFraction) {
    if (warmupSteps > 0 && step < warmupSteps)
        return base * static_cast<float>(step + 1) / static_cast<float>(warmupSteps);
    const std::int64_t decaySteps = static_cast<std::int64_t>(totalSteps) - warmupSteps;
    if (decaySteps <= 0) return base;
    const double progress = std::min(1.0, static_cast<double>(step - warmupSteps) / static_cast<double>(decaySteps));
    const double cosine = 0.5 * (1.0 + std::cos(std::numbers::pi * progress));
    return static_cast<float>(base * (minFraction + (1.0 - minFraction) * cosine));
}

float clipScale(double norm, float maxNorm) {
    if (maxNorm <= 0.0f || !(norm > maxNorm)) return 1.0f;
    return static_cast<float>(maxNorm / norm);
}

float emaDecayAt(std::int64_t t, float decay) {
    const float warm = static_cast<float>(1 + t) / static_cast<float>(10 + t);
    return std::min(decay, warm);
}

}  // namespace dl
