#include "core/sampling/densityhistogram.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/math/error.h"

namespace dl {

double Histogram2D::maxMass() const {
    return mass.empty() ? 0.0 : *std::max_element(mass.begin(), mass.end());
}

HistogramGrid histogramGridAround(const Batch& points, int bins, double margin) {
    if (points.cols() < 2) throw Error("histogram: the points need two coordinates");
    if (bins < 1) throw Error("histogram: bins must be at least 1");
    double x0 = std::numeric_limits<double>::infinity(), y0 = x0;
    double x1 = -x0, y1 = -x0;
    for (Eigen::Index i = 0; i < points.rows(); ++i) {
        const double x = points(i, 0), y = points(i, 1);
        if (!std::isfinite(x) || !std::isfinite(y)) continue;
        x0 = std::min(x0, x);
        x1 = std::max(x1, x);
        y0 = std::min(y0, y);
        y1 = std::max(y1, y);
    }
    if (!(x1 >= x0)) throw Error("histogram: no finite points");
    // Square cells: the longer side decides, the shorter one is centred.
    double side = std::max({x1 - x0, y1 - y0, 1e-6});
    const double cx = 0.5 * (x0 + x1), cy = 0.5 * (y0 + y1);
    side *= 1.0 + 2.0 * margin;
    return HistogramGrid{bins, cx - 0.5 * side, cy - 0.5 * side, side};
}

Histogram2D histogram2D(const Batch& points, const HistogramGrid& grid) {
    if (points.cols() < 2) throw Error("histogram: the points need two coordinates");
    Histogram2D h;
    h.grid = grid;
    h.mass.assign(static_cast<std::size_t>(grid.bins) * grid.bins, 0.0);
    if (points.rows() == 0) return h;
    const double weight = 1.0 / static_cast<double>(points.rows());
    const double scale = grid.bins / grid.size;
    for (Eigen::Index i = 0; i < points.rows(); ++i) {
        const double u = (points(i, 0) - grid.minX) * scale;
        const double v = (points(i, 1) - grid.minY) * scale;
        // Written so that NaN lands outside too.
        if (!(u >= 0.0 && u < grid.bins && v >= 0.0 && v < grid.bins)) {
            h.outside += weight;
            continue;
        }
        h.mass[static_cast<std::size_t>(v) * grid.bins + static_cast<std::size_t>(u)] += weight;
    }
    return h;
}

double totalVariation(const Histogram2D& p, const Histogram2D& q) {
    if (p.grid.bins != q.grid.bins || p.grid.minX != q.grid.minX || p.grid.minY != q.grid.minY ||
        p.grid.size != q.grid.size || p.mass.size() != q.mass.size())
        throw Error("histogram: the two histograms must share one grid");
    double sum = std::abs(p.outside - q.outside);
    for (std::size_t i = 0; i < p.mass.size(); ++i) sum += std::abs(p.mass[i] - q.mass[i]);
    return 0.5 * sum;
}

}  // namespace dl
