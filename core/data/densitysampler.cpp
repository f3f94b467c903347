#include "core/data/densitysampler.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/data/datalimits.h"
#include "core/math/error.h"

namespace dl {

double densityMass(const std::vector<float>& density) {
    double sum = 0.0;
    for (float v : density) sum += v;
    return sum;
}

Batch samplePointsFromDensity(const std::vector<float>& density, int width, int height, int n, Rng& rng,
                              const ProgressCallback& progress) {
    if (width < 1 || height < 1)
        throw Error("density grid must be at least 1×1, got " + std::to_string(width) + "×" +
                    std::to_string(height));
    if (static_cast<long long>(width) * height != static_cast<long long>(density.size()))
        throw Error("density grid has " + std::to_string(density.size()) + " values, expected " +
                    std::to_string(static_cast<long long>(width) * height));
    if (n < 1 || n > limits::kMaxPoints)
        throw Error("number of points must be from 1 to " + std::to_string(limits::kMaxPoints) + ", got " +
                    std::to_string(n));
    // Cumulative mass in double, so a few bright pixels among a million dim ones are not lost.
    std::vector<double> cumulative(density.size());
    double sum = 0.0;
    std::size_t lastPositive = 0;
    for (std::size_t i = 0; i < density.size(); ++i) {
        const float v = density[i];
        if (!std::isfinite(v) || v < 0.0f) throw Error("density values must be finite and ≥ 0");
        if (v > 0.0f) lastPositive = i;
        sum += v;
        cumulative[i] = sum;
    }
    if (!(sum > 0.0)) throw Error("the density is zero everywhere: there is nothing to sample points from");

    Batch out(n, 2);
    for (int i = 0; i < n; ++i) {
        // Every 2¹⁶ points (a few milliseconds): report, and stop when asked.
        if (progress && (i & 0xFFFF) == 0 && !progress(double(i) / double(n))) throw Cancelled();
        const double target = rng.uniform() * sum;
        // The first pixel whose cumulative mass exceeds the target; zero-valued pixels are never picked.
        const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), target);
        // target can round up to exactly sum; that mass belongs to the last non-zero pixel.
        const auto index = it == cumulative.end() ? static_cast<long long>(lastPositive)
                                                  : static_cast<long long>(it - cumulative.begin());
        const long long column = index % width;
        const long long row = index / width;
        out(i, 0) = static_cast<float>(static_cast<double>(column) + rng.uniform());
        out(i, 1) = static_cast<float>(static_cast<double>(height - 1 - row) + rng.uniform());
    }
    return out;
}

}  // namespace dl
