#include "core/math/schedule.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

#include "core/math/error.h"
#include "core/math/format.h"

namespace dl {
namespace {

constexpr double kCosineOffset = 0.008;  // s in Nichol & Dhariwal 2021, Eq. 17
constexpr double kCosineMaxBeta = 0.999;

bool insideOpenUnit(double v) {
    return std::isfinite(v) && v > 0.0 && v < 1.0;
}

/// numpy.linspace(a, b, n): n points, both ends included; a single point is a.
double linspaceAt(double a, double b, int n, int i) {
    if (n == 1) return a;
    return a + (b - a) * static_cast<double>(i) / static_cast<double>(n - 1);
}

bool usesBetaRange(ScheduleKind kind) {
    return kind == ScheduleKind::Linear || kind == ScheduleKind::ScaledLinear ||
           kind == ScheduleKind::Sigmoid;
}

double cosineAlphaBar(double u) {
    const double c = std::cos((u + kCosineOffset) / (1.0 + kCosineOffset) * std::numbers::pi / 2.0);
    return c * c;
}

/// β_1..β_T (index 0 of the result is t = 1) for a valid parameter set, before zero-SNR rescaling.
std::vector<double> rawBetas(const ScheduleParams& p) {
    const int T = p.T;
    std::vector<double> b(static_cast<std::size_t>(T));
    switch (p.kind) {
        case ScheduleKind::Linear:
            for (int i = 0; i < T; ++i) b[i] = linspaceAt(p.betaStart, p.betaEnd, T, i);
            break;
        case ScheduleKind::ScaledLinear:
            for (int i = 0; i < T; ++i) {
                const double r = linspaceAt(std::sqrt(p.betaStart), std::sqrt(p.betaEnd), T, i);
                b[i] = r * r;
            }
            break;
        case ScheduleKind::Cosine:
            // β_t = 1 − ᾱ(t/T) / ᾱ((t−1)/T), clipped (Nichol & Dhariwal 2021, §3.2).
            for (int i = 0; i < T; ++i) {
                const double ratio = cosineAlphaBar(static_cast<double>(i + 1) / T) /
                                     cosineAlphaBar(static_cast<double>(i) / T);
                b[i] = std::min(1.0 - ratio, kCosineMaxBeta);
            }
            break;
        case ScheduleKind::Sigmoid:
            for (int i = 0; i < T; ++i) {
                const double x = linspaceAt(-6.0, 6.0, T, i);
                b[i] = 1.0 / (1.0 + std::exp(-x)) * (p.betaEnd - p.betaStart) + p.betaStart;
            }
            break;
        case ScheduleKind::Custom:
            if (!p.customBetas.empty()) {
                b = p.customBetas;
            } else {
                for (int i = 0; i < T; ++i) {
                    const double u = T == 1 ? 0.0 : static_cast<double>(i) / (T - 1);
                    b[i] = interpolateBetaControlPoints(p.customControlPoints, u);
                }
            }
            break;
    }
    return b;
}

}  // namespace

double interpolateBetaControlPoints(const std::vector<BetaControlPoint>& cp, double u) {
    if (u <= cp.front().u) return cp.front().beta;
    if (u >= cp.back().u) return cp.back().beta;
    const auto hi = std::upper_bound(cp.begin(), cp.end(), u,
                                     [](double v, const BetaControlPoint& c) { return v < c.u; });
    const auto lo = hi - 1;
    const double w = (u - lo->u) / (hi->u - lo->u);
    return lo->beta + w * (hi->beta - lo->beta);
}

std::string_view scheduleKindName(ScheduleKind kind) {
    switch (kind) {
        case ScheduleKind::Linear:
            return "linear";
        case ScheduleKind::ScaledLinear:
            return "scaled_linear";
        case ScheduleKind::Cosine:
            return "cosine";
        case ScheduleKind::Sigmoid:
            return "sigmoid";
        case ScheduleKind::Custom:
            return "custom";
    }
    return "linear";
}

std::optional<ScheduleKind> scheduleKindFromName(std::string_view name) {
    for (ScheduleKind k : {ScheduleKind::Linear, ScheduleKind::ScaledLinear, ScheduleKind::Cosine,
                           ScheduleKind::Sigmoid, ScheduleKind::Custom}) {
        if (scheduleKindName(k) == name) return k;
    }
    if (name == "quadratic") return ScheduleKind::ScaledLinear;
    return std::nullopt;
}

std::optional<std::string> Schedule::validate(const ScheduleParams& p) {
    if (p.T < kMinTimesteps || p.T > kMaxTimesteps) {
        return "T must be an integer from " + std::to_string(kMinTimesteps) + " to " +
               std::to_string(kMaxTimesteps) + ", got " + std::to_string(p.T);
    }
    if (usesBetaRange(p.kind)) {
        if (!insideOpenUnit(p.betaStart))
            return "beta_start must be in the open interval (0, 1), got " + formatNumber(p.betaStart);
        if (!insideOpenUnit(p.betaEnd))
            return "beta_end must be in the open interval (0, 1), got " + formatNumber(p.betaEnd);
        if (p.betaStart > p.betaEnd)
            return "beta_start must not exceed beta_end, got beta_start = " + formatNumber(p.betaStart) +
                   " > beta_end = " + formatNumber(p.betaEnd);
    }
    if (p.kind == ScheduleKind::Custom) {
        if (!p.customBetas.empty()) {
            if (static_cast<int>(p.customBetas.size()) != p.T)
                return "custom beta array must have T = " + std::to_string(p.T) + " values, got " +
                       std::to_string(p.customBetas.size());
            for (std::size_t i = 0; i < p.customBetas.size(); ++i) {
                if (!insideOpenUnit(p.customBetas[i]))
                    return "custom beta at t = " + std::to_string(i + 1) + " must be in (0, 1), got " +
                           formatNumber(p.customBetas[i]);
            }
        } else {
            const auto& cp = p.customControlPoints;
            if (cp.size() < 2)
                return "custom schedule needs a beta array of length T or at least 2 control points, got " +
                       std::to_string(cp.size()) + " control points";
            for (std::size_t i = 0; i < cp.size(); ++i) {
                if (!std::isfinite(cp[i].u) || cp[i].u < 0.0 || cp[i].u > 1.0)
                    return "control point " + std::to_string(i + 1) + ": position u must be in [0, 1], got " +
                           formatNumber(cp[i].u);
                if (!insideOpenUnit(cp[i].beta))
                    return "control point " + std::to_string(i + 1) + ": beta must be in (0, 1), got " +
                           formatNumber(cp[i].beta);
                if (i > 0 && !(cp[i].u > cp[i - 1].u))
                    return "control points must have strictly increasing positions u (point " +
                           std::to_string(i + 1) + ")";
            }
        }
    }
    if (p.zeroTerminalSnr && p.T < 2)
        return "zero terminal SNR needs T of at least 2, got " + std::to_string(p.T);
    return std::nullopt;
}

Schedule::Schedule(const ScheduleParams& params) : mParams(params) {
    if (auto problem = validate(params)) throw Error(*problem);

    const int T = params.T;
    const std::vector<double> raw = rawBetas(params);
    mBeta.assign(static_cast<std::size_t>(T) + 1, 0.0);
    mAlphaBar.assign(static_cast<std::size_t>(T) + 1, 1.0);
    for (int t = 1; t <= T; ++t) {
        mBeta[t] = raw[t - 1];
        mAlphaBar[t] = mAlphaBar[t - 1] * (1.0 - mBeta[t]);
    }

    if (params.zeroTerminalSnr) {
        // Lin et al. 2024, Algorithm 1: shift √ᾱ so the last is 0, scale so the first is unchanged.
        const double first = std::sqrt(mAlphaBar[1]);
        const double last = std::sqrt(mAlphaBar[T]);
        if (!(first - last > 0.0))
            throw Error("zero terminal SNR cannot rescale a schedule whose alpha_bar does not decrease");
        std::vector<double> root(static_cast<std::size_t>(T) + 1);
        for (int t = 1; t <= T; ++t) root[t] = (std::sqrt(mAlphaBar[t]) - last) * first / (first - last);
        for (int t = 1; t <= T; ++t) mAlphaBar[t] = root[t] * root[t];
        mAlphaBar[T] = 0.0;
        // Once ᾱ has reached 0 before T (the rescaled ᾱ underflows in double for large β: sigmoid up to 0.5
        // over T = 4000 is 0 from t = 3176 on), β_t = 1 − ᾱ_t/ᾱ_{t−1} is 0/0. The chain is pure noise from
        // there on, and β = 1 says so: x_t = ε, independent of x_{t−1}, and ᾱ_t = ᾱ_{t−1}(1 − β_t) stays 0.
        for (int t = 1; t <= T; ++t)
            mBeta[t] = mAlphaBar[t - 1] > 0.0 ? 1.0 - mAlphaBar[t] / mAlphaBar[t - 1] : 1.0;
    }
}

double Schedule::sqrtAlphaBar(int t) const {
    return std::sqrt(mAlphaBar[t]);
}

double Schedule::sqrtOneMinusAlphaBar(int t) const {
    return std::sqrt(1.0 - mAlphaBar[t]);
}

double Schedule::snr(int t) const {
    const double noise = 1.0 - mAlphaBar[t];
    if (noise <= 0.0) return std::numeric_limits<double>::infinity();
    return mAlphaBar[t] / noise;
}

double Schedule::posteriorVariance(int t) const {
    return mBeta[t] * (1.0 - mAlphaBar[t - 1]) / (1.0 - mAlphaBar[t]);
}

double Schedule::posteriorMeanCoef1(int t) const {
    return mBeta[t] * std::sqrt(mAlphaBar[t - 1]) / (1.0 - mAlphaBar[t]);
}

double Schedule::posteriorMeanCoef2(int t) const {
    return std::sqrt(1.0 - mBeta[t]) * (1.0 - mAlphaBar[t - 1]) / (1.0 - mAlphaBar[t]);
}

}  // namespace dl
