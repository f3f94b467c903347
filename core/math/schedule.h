// β schedules and every quantity derived from them (Ho et al. 2020, §2 and Eq. 6–7).
//
// A Schedule is an immutable value, cheap to copy, computed once per change of its parameters.
// Arrays are indexed by timestep t = 0..T with t = 0 the clean data: β_0 = 0 and ᾱ_0 = 1.
//
//   dl::ScheduleParams p;               // linear, T = 1000, β from 1e-4 to 0.02
//   p.kind = dl::ScheduleKind::Cosine;
//   dl::Schedule s(p);                  // throws dl::Error naming the bad parameter
//   double ab = s.alphaBar(500);
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dl {

enum class ScheduleKind {
    Linear,        ///< β linear from β_start to β_end (Ho et al. 2020)
    ScaledLinear,  ///< √β linear from √β_start to √β_end ("quadratic" in tiny-diffusion)
    Cosine,        ///< ᾱ from a squared cosine, s = 0.008, β ≤ 0.999 (Nichol & Dhariwal 2021, Eq. 17)
    Sigmoid,       ///< β = sigmoid(linspace(−6, 6, T))·(β_end − β_start) + β_start
    Custom,        ///< user-given β array, or control points interpolated linearly
};

/// Lower-case names used on the command line and in files: linear, scaled_linear, cosine, sigmoid, custom.
std::string_view scheduleKindName(ScheduleKind kind);
std::optional<ScheduleKind> scheduleKindFromName(std::string_view name);

/// A point of a hand-drawn β curve: position u ∈ [0, 1] along t = 1..T, and β there.
struct BetaControlPoint {
    double u = 0.0;
    double beta = 0.0;
    bool operator==(const BetaControlPoint&) const = default;
};

/// β at position u of a hand-drawn curve: linear in β between neighbouring points, held at the end points'
/// values outside them. What the custom kind samples at u = (t - 1) / (T - 1); the curve editor draws it.
/// points must be non-empty with increasing u.
double interpolateBetaControlPoints(const std::vector<BetaControlPoint>& points, double u);

struct ScheduleParams {
    ScheduleKind kind = ScheduleKind::Linear;
    int T = 1000;
    double betaStart = 1e-4;
    double betaEnd = 0.02;
    /// Rescale so that ᾱ_T = 0 exactly (Lin et al. 2024, Algorithm 1). Needs T ≥ 2.
    bool zeroTerminalSnr = false;
    /// Custom kind: either exactly T values of β (takes precedence) ...
    std::vector<double> customBetas;
    /// ... or at least two control points with increasing u, interpolated linearly in β.
    std::vector<BetaControlPoint> customControlPoints;

    bool operator==(const ScheduleParams&) const = default;
};

constexpr int kMinTimesteps = 1;
constexpr int kMaxTimesteps = 10000;

class Schedule {
public:
    /// Throws dl::Error when validate() reports a problem.
    explicit Schedule(const ScheduleParams& params = {});

    /// A message naming the first bad parameter and its allowed range, or nothing when all are valid.
    static std::optional<std::string> validate(const ScheduleParams& params);

    const ScheduleParams& params() const { return mParams; }
    int T() const { return mParams.T; }

    // Per-timestep values; t ranges over 0..T (t = 0 gives the clean-data values).
    double beta(int t) const { return mBeta[t]; }
    double alpha(int t) const { return 1.0 - mBeta[t]; }
    double alphaBar(int t) const { return mAlphaBar[t]; }
    double sqrtAlphaBar(int t) const;
    double sqrtOneMinusAlphaBar(int t) const;
    /// SNR_t = ᾱ_t / (1 − ᾱ_t); +inf at t = 0.
    double snr(int t) const;
    /// Variance β̃_t = β_t (1 − ᾱ_{t−1}) / (1 − ᾱ_t) of q(x_{t−1} | x_t, x_0); defined for t ≥ 1.
    double posteriorVariance(int t) const;
    /// Coefficient of x_0 in the posterior mean: β_t √ᾱ_{t−1} / (1 − ᾱ_t).
    double posteriorMeanCoef1(int t) const;
    /// Coefficient of x_t in the posterior mean: √α_t (1 − ᾱ_{t−1}) / (1 − ᾱ_t).
    double posteriorMeanCoef2(int t) const;

    /// Whole arrays, index = t, length T + 1.
    const std::vector<double>& betas() const { return mBeta; }
    const std::vector<double>& alphaBars() const { return mAlphaBar; }

private:
    ScheduleParams mParams;
    std::vector<double> mBeta;      // [0] = 0
    std::vector<double> mAlphaBar;  // [0] = 1
};

}  // namespace dl
