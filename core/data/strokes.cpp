#include "core/data/strokes.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "core/data/datalimits.h"
#include "core/math/error.h"

namespace dl {
namespace {

void validate(const std::vector<Stroke>& strokes, float brushRadius, float density) {
    if (!std::isfinite(brushRadius) || brushRadius < 0.0f)
        throw Error("brush radius must be a finite number ≥ 0, got " + std::to_string(brushRadius));
    if (!std::isfinite(density) || density <= 0.0f)
        throw Error("stroke density must be a finite number > 0, got " + std::to_string(density));
    bool anyPoint = false;
    for (std::size_t s = 0; s < strokes.size(); ++s) {
        for (const auto& p : strokes[s]) {
            if (!p.allFinite())
                throw Error("stroke " + std::to_string(s + 1) + " has a point that is not a finite number");
            anyPoint = true;
        }
    }
    if (!anyPoint) throw Error("nothing drawn yet: draw at least one stroke");
}

double strokeLength(const Stroke& stroke) {
    double length = 0.0;
    for (std::size_t i = 1; i < stroke.size(); ++i)
        length += (stroke[i] - stroke[i - 1]).cast<double>().norm();
    return length;
}

// Points for one stroke: its length, at least a dab of the brush diameter, times the density.
long long pointsForStroke(const Stroke& stroke, float brushRadius, float density) {
    if (stroke.empty()) return 0;
    const double effective = std::max(strokeLength(stroke), 2.0 * brushRadius);
    const double count = std::round(effective * density);
    if (!(count < 1e12)) return static_cast<long long>(1e12);  // overflow guard; reported as too many
    return std::max(1LL, static_cast<long long>(count));
}

}  // namespace

int strokePointCount(const std::vector<Stroke>& strokes, float brushRadius, float density) {
    validate(strokes, brushRadius, density);
    long long total = 0;
    for (const auto& s : strokes) total += pointsForStroke(s, brushRadius, density);
    if (total > limits::kMaxPoints)
        throw Error("the strokes would make " + std::to_string(total) + " points, more than the limit of " +
                    std::to_string(limits::kMaxPoints) + "; lower the density");
    return static_cast<int>(total);
}

Batch pointsFromStrokes(const std::vector<Stroke>& strokes, float brushRadius, float density, Rng& rng) {
    const int total = strokePointCount(strokes, brushRadius, density);
    Batch out(total, 2);
    int row = 0;
    std::vector<double> cumulative;  // arc length at each vertex of the current stroke
    for (const auto& stroke : strokes) {
        const long long count = pointsForStroke(stroke, brushRadius, density);
        if (count == 0) continue;
        cumulative.assign(stroke.size(), 0.0);
        for (std::size_t i = 1; i < stroke.size(); ++i)
            cumulative[i] = cumulative[i - 1] + (stroke[i] - stroke[i - 1]).cast<double>().norm();
        const double length = cumulative.back();
        for (long long k = 0; k < count; ++k) {
            // A position along the stroke, uniform in arc length.
            Eigen::Vector2d p = stroke.front().cast<double>();
            if (length > 0.0) {
                const double s = rng.uniform() * length;
                const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), s);
                const std::size_t seg =
                    std::clamp<std::size_t>(it - cumulative.begin(), 1, stroke.size() - 1);
                const double segLength = cumulative[seg] - cumulative[seg - 1];
                const double u = segLength > 0.0 ? (s - cumulative[seg - 1]) / segLength : 0.0;
                p = stroke[seg - 1].cast<double>() + u * (stroke[seg] - stroke[seg - 1]).cast<double>();
            }
            // Uniform over the brush disc: radius ∝ √u keeps the density even per unit area.
            if (brushRadius > 0.0f) {
                const double r = brushRadius * std::sqrt(rng.uniform());
                const double angle = 2.0 * std::numbers::pi * rng.uniform();
                p += Eigen::Vector2d(r * std::cos(angle), r * std::sin(angle));
            }
            out(row, 0) = static_cast<float>(p.x());
            out(row, 1) = static_cast<float>(p.y());
            ++row;
        }
    }
    return out;
}

}  // namespace dl
