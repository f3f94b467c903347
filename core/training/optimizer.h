// AdamW with the learning-rate schedule, gradient clipping and EMA of the weights, each a loop over
// the one contiguous parameter buffer (llm.c's gpt2_update), so the trainer can split them by range
// across threads and the model file can store the state as three vectors.
//
//   AdamW (Loshchilov & Hutter 2019, Algorithm 2, decoupled weight decay):
//     m ← β₁m + (1−β₁)g,  v ← β₂v + (1−β₂)g²,  θ ← θ − η(λθ + m̂/(√v̂ + ε)),  m̂ = m/(1−β₁ᵗ), v̂ = v/(1−β₂ᵗ)
//   EMA of the weights (Polyak averaging, as DDPM samples with): θ_ema ← δθ_ema + (1−δ)θ
//
//   dl::AdamWState state(n);
//   dl::AdamWStep s;  s.t = 1;  s.learningRate = dl::learningRateAt(0, 1e-3f, 100, 5000, 0.1f);
//   dl::adamwUpdate(state, params, grads, 0, n, s, ema);
#pragma once

#include <Eigen/Core>
#include <cstdint>

namespace dl {

struct AdamWState {
    Eigen::VectorXf m;  ///< first moment, one per parameter
    Eigen::VectorXf v;  ///< second moment, one per parameter
    AdamWState() = default;
    explicit AdamWState(Eigen::Index n) : m(Eigen::VectorXf::Zero(n)), v(Eigen::VectorXf::Zero(n)) {}
};

/// Everything one update needs besides the buffers.
struct AdamWStep {
    std::int64_t t = 1;  ///< 1-based update count, for the bias corrections
    float learningRate = 1e-3f;
    float beta1 = 0.9f;
    float beta2 = 0.999f;
    float epsilon = 1e-8f;
    float weightDecay = 0.0f;
    float gradScale = 1.0f;   ///< multiplies the gradient first (clipping by global norm)
    float emaDecay = 0.999f;  ///< used when an EMA buffer is passed
};

/// Updates parameters [begin, end) in place; also the EMA of them when ema is not null. The gradient is
/// grads, or grads + grads2 when grads2 is not null (two threads' parts, summed as they are read).
/// Disjoint ranges may run on different threads at the same time.
void adamwUpdate(AdamWState& state, float* params, const float* grads, Eigen::Index begin, Eigen::Index end,
                 const AdamWStep& step, float* ema = nullptr, const float* grads2 = nullptr);

/// Σ g² over [begin, end), accumulated in double.
double squaredNorm(const float* values, Eigen::Index begin, Eigen::Index end);

/// Linear warm-up from 0 to base over warmupSteps, then cosine decay (Loshchilov & Hutter 2017, Eq. 5)
/// from base to minFraction·base at totalSteps, constant after. step is 0-based.
float learningRateAt(std::int64_t step, float base, int warmupSteps, int totalSteps, float minFraction);

/// Clip factor for a global gradient norm: min(1, maxNorm / norm); maxNorm ≤ 0 disables clipping.
float clipScale(double norm, float maxNorm);

/// EMA decay for update t (1-based): min(decay, (1 + t)/(10 + t)), so early weights do not linger in
/// the average (the warm-up used by TensorFlow's ExponentialMovingAverage with num_updates).
float emaDecayAt(std::int64_t t, float decay);

}  // namespace dl
