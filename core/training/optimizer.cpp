#include "core/training/optimizer.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/model/mlpkernel.h"

namespace dl {
namespace {

// Squared norms are summed in float within blocks this long (vectorised), in double across them.
constexpr Eigen::Index kBlock = 1024;

}  // namespace

void adamwUpdate(AdamWState& state, float* params, const float* grads, Eigen::Index begin, Eigen::Index end,
                 const AdamWStep& s, float* ema, const float* grads2) {
    const float bias1 =
        1.0f - static_cast<float>(std::pow(static_cast<double>(s.beta1), static_cast<double>(s.t)));
    const float bias2 =
        1.0f - static_cast<float>(std::pow(static_cast<double>(s.beta2), static_cast<double>(s.t)));
    AdamWKernelArgs a;
    a.params = params + begin;
    a.grads = grads + begin;
    a.grads2 = grads2 ? grads2 + begin : nullptr;
    a.m = state.m.data() + begin;
    a.v = state.v.data() + begin;
    a.ema = ema ? ema + begin : nullptr;
    a.n = end - begin;
    a.beta1 = s.beta1;
    a.gradTake1 = (1.0f - s.beta1) * s.gradScale;
    a.beta2 = s.beta2;
    a.gradTake2 = (1.0f - s.beta2) * s.gradScale * s.gradScale;
    a.decayFactor = 1.0f - s.learningRate * s.weightDecay;
    a.stepSize = s.learningRate / bias1;
    a.invSqrtBias2 = 1.0f / std::sqrt(bias2);
    a.epsilon = s.epsilon;
    a.emaKeep = s.emaDecay;
    a.emaTake = 1.0f - s.emaDecay;
    // One fused sweep over blocks that stay in L1 (mlpkernelbody.h), in the CPU's widest vectors.
    mlpKernels<float>().adamw(a);
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
    const double progress =
        std::min(1.0, static_cast<double>(step - warmupSteps) / static_cast<double>(decaySteps));
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
