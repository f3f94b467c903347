#include "core/data/pointgenerators.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/data/datalimits.h"
#include "core/math/error.h"

namespace dl {
namespace {

constexpr double kPi = std::numbers::pi;

struct ShapeEntry {
    const char* name;
    const char* title;
    Batch (*make)(int, Rng&, const ProgressCallback&);
};

constexpr ShapeEntry kShapes[] = {
    {"moons", "Two moons", makeMoons},
    {"swissroll", "Swiss roll", makeSwissRoll},
    {"gaussians8", "8 Gaussians", makeGaussians8},
    {"circles", "Concentric circles", makeCircles},
    {"checkerboard", "Checkerboard", makeCheckerboard},
    {"spiral", "Two-arm spiral", makeSpiral},
    {"pinwheel", "Pinwheel", makePinwheel},
    {"gaussian", "Single Gaussian", makeGaussian},
};

/// Asks `progress` every kRowsPerCheck rows whether to go on (a 5·10⁶-point load is then cancelled within
/// about a millisecond); throws Cancelled when it says no.
constexpr int kRowsPerCheck = 16384;

void checkProgress(const ProgressCallback& progress, int i, int n) {
    if (progress && i % kRowsPerCheck == 0 && !progress(static_cast<double>(i) / n)) throw Cancelled();
}

void setPoint(Batch& out, int i, double x, double y) {
    out(i, 0) = static_cast<float>(x);
    out(i, 1) = static_cast<float>(y);
}

}  // namespace

const std::vector<std::string>& builtInPointShapes() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> v;
        for (const auto& s : kShapes) v.emplace_back(s.name);
        return v;
    }();
    return names;
}

std::string_view pointShapeTitle(std::string_view name) {
    for (const auto& s : kShapes)
        if (name == s.name) return s.title;
    return name;
}

Batch generatePoints(std::string_view name, int n, Rng& rng, const ProgressCallback& progress) {
    if (n < 1 || n > limits::kMaxPoints)
        throw Error("number of points must be from 1 to " + std::to_string(limits::kMaxPoints) + ", got " +
                    std::to_string(n));
    for (const auto& s : kShapes)
        if (name == s.name) return s.make(n, rng, progress);
    std::string known;
    for (const auto& s : kShapes) known += (known.empty() ? "" : ", ") + std::string(s.name);
    throw Error("unknown dataset '" + std::string(name) + "' (built-in shapes: " + known + ")");
}

Batch makeMoons(int n, Rng& rng, const ProgressCallback& progress) {
    constexpr double kNoise = 0.05;
    Batch out(n, 2);
    const int upper = (n + 1) / 2;
    for (int i = 0; i < n; ++i) {
        checkProgress(progress, i, n);
        const double angle = kPi * rng.uniform();
        double x, y;
        if (i < upper) {
            x = std::cos(angle);
            y = std::sin(angle);
        } else {
            x = 1.0 - std::cos(angle);
            y = 0.5 - std::sin(angle);
        }
        setPoint(out, i, x + kNoise * rng.normal(), y + kNoise * rng.normal());
    }
    return out;
}

Batch makeSwissRoll(int n, Rng& rng, const ProgressCallback& progress) {
    constexpr double kNoise = 0.25;
    Batch out(n, 2);
    for (int i = 0; i < n; ++i) {
        checkProgress(progress, i, n);
        const double t = 1.5 * kPi * (1.0 + 2.0 * rng.uniform());
        setPoint(out, i, t * std::cos(t) + kNoise * rng.normal(), t * std::sin(t) + kNoise * rng.normal());
    }
    return out;
}

Batch makeGaussians8(int n, Rng& rng, const ProgressCallback& progress) {
    constexpr double kRadius = 2.0;
    constexpr double kSigma = 0.1;
    Batch out(n, 2);
    for (int i = 0; i < n; ++i) {
        checkProgress(progress, i, n);
        const double angle = (i % 8) * kPi / 4.0;
        setPoint(out, i, kRadius * std::cos(angle) + kSigma * rng.normal(),
                 kRadius * std::sin(angle) + kSigma * rng.normal());
    }
    return out;
}

Batch makeCircles(int n, Rng& rng, const ProgressCallback& progress) {
    constexpr double kNoise = 0.03;
    Batch out(n, 2);
    const int outer = (n + 1) / 2;
    for (int i = 0; i < n; ++i) {
        checkProgress(progress, i, n);
        const double radius = i < outer ? 1.0 : 0.5;
        const double angle = 2.0 * kPi * rng.uniform();
        setPoint(out, i, radius * std::cos(angle) + kNoise * rng.normal(),
                 radius * std::sin(angle) + kNoise * rng.normal());
    }
    return out;
}

Batch makeCheckerboard(int n, Rng& rng, const ProgressCallback& progress) {
    Batch out(n, 2);
    for (int i = 0; i < n; ++i) {
        checkProgress(progress, i, n);
        // Column 0..3, then a row of the same parity so that column + row is even.
        const int column = rng.uniformInt(0, 3);
        const int row = 2 * rng.uniformInt(0, 1) + (column % 2);
        setPoint(out, i, column - 2 + rng.uniform(), row - 2 + rng.uniform());
    }
    return out;
}

Batch makeSpiral(int n, Rng& rng, const ProgressCallback& progress) {
    constexpr double kTurns = 3.0 * kPi;
    constexpr double kNoise = 0.2;
    Batch out(n, 2);
    for (int i = 0; i < n; ++i) {
        checkProgress(progress, i, n);
        const double theta = kTurns * std::sqrt(rng.uniform());
        const double sign = (i % 2 == 0) ? 1.0 : -1.0;  // the second arm is the first turned by π
        setPoint(out, i, sign * theta * std::cos(theta) + kNoise * rng.normal(),
                 sign * theta * std::sin(theta) + kNoise * rng.normal());
    }
    return out;
}

Batch makePinwheel(int n, Rng& rng, const ProgressCallback& progress) {
    // Johnson et al. 2016 (SVAE), as used by FFJORD (Grathwohl et al. 2019) for its toy data.
    constexpr int kBlades = 5;
    constexpr double kRadialSigma = 0.3;
    constexpr double kTangentialSigma = 0.1;
    constexpr double kRate = 0.25;
    Batch out(n, 2);
    for (int i = 0; i < n; ++i) {
        checkProgress(progress, i, n);
        const double radial = 1.0 + kRadialSigma * rng.normal();
        const double tangential = kTangentialSigma * rng.normal();
        const double angle = 2.0 * kPi * (i % kBlades) / kBlades + kRate * std::exp(radial);
        const double c = std::cos(angle), s = std::sin(angle);
        setPoint(out, i, 2.0 * (c * radial - s * tangential), 2.0 * (s * radial + c * tangential));
    }
    return out;
}

Batch makeGaussian(int n, Rng& rng, const ProgressCallback& progress) {
    Batch out(n, 2);
    // In blocks, so that progress is asked between them; fillNormal draws row by row either way, so the
    // points are the same as from one call.
    for (int i = 0; i < n; i += kRowsPerCheck) {
        checkProgress(progress, i, n);
        rng.fillNormal(out.middleRows(i, std::min(kRowsPerCheck, n - i)));
    }
    return out;
}

}  // namespace dl
