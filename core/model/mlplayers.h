// The layers of the denoising MLP as plain forward/backward pairs over whole batches, in the manner of
// llm.c's train_gpt2.c: no hidden state, shapes in a comment at the top of each function.
//
// Layout: every activation is a column-major (features × B) matrix, one sample per column, so a
// row-major N×d dl::Batch is already the d×N input without a copy. Weights are (out × in), column-major.
// Templated on the scalar so the gradient check can run the very same code in double precision.
#pragma once

#include <cmath>
#include <numbers>

#include <Eigen/Core>

#include "core/model/mlpconfig.h"

namespace dl::layers {

template <typename S>
using Mat = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>;
template <typename S>
using Vec = Eigen::Matrix<S, Eigen::Dynamic, 1>;
template <typename S>
using MatRef = Eigen::Ref<Mat<S>>;
template <typename S>
using ConstMatRef = const Eigen::Ref<const Mat<S>>&;
template <typename S>
using VecRef = Eigen::Ref<Vec<S>>;
template <typename S>
using ConstVecRef = const Eigen::Ref<const Vec<S>>&;

// linearForward: out (O×B) = W (O×I) · in (I×B) + b (O), b broadcast over the batch.
template <typename S>
void linearForward(MatRef<S> out, ConstMatRef<S> W, ConstVecRef<S> b, ConstMatRef<S> in) {
    out.noalias() = W * in;
    out.colwise() += b;
}

// linearBackward: dW (O×I) = dout (O×B) · inᵀ, db (O) = Σ_B dout. The input gradient is separate
// (linearBackwardInput) because the trainer never needs it for the first layer.
template <typename S>
void linearBackward(MatRef<S> dW, VecRef<S> db, ConstMatRef<S> dout, ConstMatRef<S> in) {
    dW.noalias() = dout * in.transpose();
    db.noalias() = dout.rowwise().sum();
}

// linearBackwardInput: din (I×B) = Wᵀ (I×O) · dout (O×B), added to din when accumulate (residual skip).
template <typename S>
void linearBackwardInput(MatRef<S> din, ConstMatRef<S> W, ConstMatRef<S> dout, bool accumulate) {
    if (accumulate) din.noalias() += W.transpose() * dout;
    else din.noalias() = W.transpose() * dout;
}

// activationForward: h (H×B) ← act(h) in place; deriv (H×B) ← act'(h before) when wanted (training),
// so the backward pass is one multiply and every transcendental is evaluated once per step.
// scratch (H×B) is workspace. GELU uses the tanh approximation (Hendrycks & Gimpel 2016, §2):
//   gelu(x) ≈ ½x(1 + tanh u), u = √(2/π)(x + 0.044715x³), vectorised by Eigen's tanh; it differs from
// the exact erf form by < 5e-4. SiLU is x·σ(x) with σ(x) = ½(1 + tanh(x/2)).
template <typename S>
void activationForward(Activation act, MatRef<S> h, MatRef<S> deriv, MatRef<S> scratch, bool wantDeriv) {
    // x and th are views of h and scratch (no temporaries are held).
    Eigen::ArrayWrapper<MatRef<S>> x(h);
    Eigen::ArrayWrapper<MatRef<S>> th(scratch);
    switch (act) {
    case Activation::Gelu: {
        const S c = static_cast<S>(std::sqrt(2.0 / std::numbers::pi));
        const S k = static_cast<S>(0.044715);
        th = (c * (x + k * x * x * x)).tanh();
        // d/dx ½x(1 + tanh u) = ½(1 + tanh u) + ½x(1 − tanh² u)·c(1 + 3k x²)
        if (wantDeriv)
            deriv.array() = S(0.5) * (S(1) + th) + S(0.5) * x * (S(1) - th * th) * c * (S(1) + S(3) * k * x * x);
        x = S(0.5) * x * (S(1) + th);
        break;
    }
    case Activation::Silu: {
        th = S(0.5) * (S(1) + (S(0.5) * x).tanh());  // σ(x)
        // d/dx x·σ(x) = σ(x)(1 + x(1 − σ(x)))
        if (wantDeriv) deriv.array() = th * (S(1) + x * (S(1) - th));
        x = x * th;
        break;
    }
    case Activation::Relu:
        if (wantDeriv) deriv.array() = (x > S(0)).template cast<S>();
        x = x.max(S(0));
        break;
    }
}

// activationBackward: dpre (H×B) = dout (H×B) ⊙ deriv (H×B).
template <typename S>
void activationBackward(MatRef<S> dpre, ConstMatRef<S> dout, ConstMatRef<S> deriv) {
    dpre.array() = dout.array() * deriv.array();
}

/// Frequencies of a sinusoidal embedding of size 2·half: f_k = exp(−ln(10⁴)·k/(half − 1)), k < half,
/// times scale (tiny-diffusion's SinusoidalEmbedding; Vaswani et al. 2017, §3.5).
template <typename S>
Vec<S> sinusoidalFrequencies(int half, double scale) {
    Vec<S> f(half);
    const double denom = half > 1 ? static_cast<double>(half - 1) : 1.0;
    for (int k = 0; k < half; ++k) f[k] = static_cast<S>(scale * std::exp(-std::log(10000.0) * k / denom));
    return f;
}

// sinusoidFeaturesForward: z (d·F × B) from x (d×B), F = 2·freq.size(): for coordinate j,
//   z[jF + k]       = sin(x_j · f_k)
//   z[jF + F/2 + k] = cos(x_j · f_k)          (f already includes the feature scale)
// scratch is (F/2 × B) workspace.
template <typename S>
void sinusoidFeaturesForward(MatRef<S> z, ConstMatRef<S> x, ConstVecRef<S> f, MatRef<S> scratch) {
    const Eigen::Index half = f.size();
    for (Eigen::Index j = 0; j < x.rows(); ++j) {
        scratch.noalias() = f * x.row(j);
        z.middleRows(j * 2 * half, half).array() = scratch.array().sin();
        z.middleRows(j * 2 * half + half, half).array() = scratch.array().cos();
    }
}

// sinusoidFeaturesBackward: dx (d×B) from dz (d·F × B) and the forward's z:
//   ∂sin(x f)/∂x = f cos(x f),  ∂cos(x f)/∂x = −f sin(x f), so dx_j = Σ_k f_k (dz_sin z_cos − dz_cos z_sin).
template <typename S>
void sinusoidFeaturesBackward(MatRef<S> dx, ConstMatRef<S> dz, ConstMatRef<S> z, ConstVecRef<S> f) {
    const Eigen::Index half = f.size();
    for (Eigen::Index j = 0; j < dx.rows(); ++j) {
        const Eigen::Index s = j * 2 * half, c = s + half;
        const Mat<S> mixed = (dz.middleRows(s, half).array() * z.middleRows(c, half).array() -
                              dz.middleRows(c, half).array() * z.middleRows(s, half).array())
                                 .matrix();
        dx.row(j).noalias() = f.transpose() * mixed;
    }
}

}  // namespace dl::layers
