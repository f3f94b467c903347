// The numbers the Explain dock puts next to its equations, for one timestep t of one schedule and one
// sampler: β_t, α_t, ᾱ_t, √ᾱ_t, √(1−ᾱ_t), SNR, the posterior q(x_{t−1}|x_t, x_0) of the step the sampler
// takes, and that sampler's σ_t. Plain C++ over the core (no widgets), so it is tested on its own.
//
// The reverse step is the jump t → s the sampler actually takes: s = t − 1 when it visits every step,
// otherwise the next listed timestep below t (core/sampling/timesteps.h), with the coefficients of
// dl::reverseStepCoefficients (Ho et al. 2020, Eq. 7 for the jump). σ_t is
//   DDPM (β̃)  √β̃'            DDPM (β)  √β'          (Ho et al. 2020, §3.2)
//   DDIM      η √β̃'                                  (Song et al. 2021, Eq. 16)
//   Langevin  √δ_t, δ_t = step · (1 − ᾱ_t)           (Song & Ermon 2019, Algorithm 1)
//
//   dlui::StepNumbers n = dlui::stepNumbers(schedule, 250, samplerParams);
//   double b = n.posteriorVariance;   // β̃ of the step 250 → n.prev
#pragma once

#include "core/math/schedule.h"
#include "core/sampling/samplers.h"

namespace dlui {

struct StepNumbers {
    int t = 1;             ///< the timestep shown, clamped into 1..T (t = 0 has no step)
    bool clamped = false;  ///< the t asked for was outside 1..T (t = 0: the data itself)
    int T = 1;
    int prev = 0;  ///< s, the timestep the reverse step lands on (t − 1 unless the sampler skips)
    double beta = 0.0;
    double alpha = 1.0;
    double alphaBar = 1.0;
    double sqrtAlphaBar = 1.0;
    double sqrtOneMinusAlphaBar = 0.0;
    double snr = 0.0;
    // The reverse jump t → s (equal to the one-step values when s = t − 1, up to the ᾱ floor at ᾱ_t = 0).
    double alphaBarPrev = 1.0;       ///< ᾱ_s
    double alphaStep = 1.0;          ///< α' = ᾱ_t/ᾱ_s
    double betaStep = 0.0;           ///< β' = 1 − α'
    double posteriorVariance = 0.0;  ///< β̃' = β'(1 − ᾱ_s)/(1 − ᾱ_t)
    double coefX0 = 0.0;             ///< √ᾱ_s β'/(1 − ᾱ_t), coefficient of x_0 in μ̃
    double coefXt = 0.0;             ///< √α' (1 − ᾱ_s)/(1 − ᾱ_t), coefficient of x_t in μ̃
    double epsCoef = 0.0;  ///< β'/√(1 − ᾱ_t), coefficient of ε_θ in μ_θ (Ho et al. 2020, Eq. 11)
    double invSqrtAlphaStep = 1.0;  ///< 1/√α'
    double sigma = 0.0;             ///< σ_t of the chosen sampler
    double ddimDirection = 0.0;     ///< DDIM: √(1 − ᾱ_s − σ²), the weight of ε_θ
    double langevinDelta = 0.0;     ///< Langevin: δ_t
    // Where ᾱ_t (or ᾱ_s) is below dl::kMinSamplerAlphaBar, as at t = T with zero terminal SNR, the samplers
    // raise it to that floor and the jump's numbers above are theirs; the schedule's own β̃ differs.
    bool alphaBarFloored = false;
    bool alphaBarPrevFloored = false;
    double exactPosteriorVariance = 0.0;  ///< β̃' from ᾱ_t and ᾱ_s as they are
};

/// The numbers at timestep t (clamped to 1..T) for the sampler described by params.
StepNumbers stepNumbers(const dl::Schedule& schedule, int t, const dl::SamplerParams& params);

}  // namespace dlui
