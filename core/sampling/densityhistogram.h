// 2D histograms of point sets on one shared grid, to put what a model learned next to the data it learned
// from: the data's density and the density of the model's samples, bin by bin. The total variation
// distance ½ Σ |p − q| (0 = the same histogram, 1 = no overlap; points outside the grid count as one more
// bin) says in one number how much mass sits in the wrong place, e.g. blurred across a sharp edge.
//
//   dl::HistogramGrid grid = dl::histogramGridAround(data, 64);
//   dl::Histogram2D p = dl::histogram2D(data, grid), q = dl::histogram2D(samples, grid);
//   double tv = dl::totalVariation(p, q);
#pragma once

#include <vector>

#include "core/math/types.h"

namespace dl {

/// bins × bins square cells over [minX, minX + size) × [minY, minY + size).
struct HistogramGrid {
    int bins = 64;
    double minX = -1.0;
    double minY = -1.0;
    double size = 2.0;
};

struct Histogram2D {
    HistogramGrid grid;
    /// Fraction of the points in each cell, row-major with row 0 at minY; sums to 1 − outside.
    std::vector<double> mass;
    /// Fraction of the points outside the grid (or not finite).
    double outside = 0.0;

    double at(int column, int row) const { return mass[static_cast<std::size_t>(row) * grid.bins + column]; }
    double maxMass() const;
};

/// A square grid of `bins` cells around the points' bounding box (first two columns), widened by
/// `margin` of its side on every edge. Throws dl::Error for fewer than 2 columns, no points or bins < 1.
HistogramGrid histogramGridAround(const Batch& points, int bins, double margin = 0.05);

/// The histogram of the first two columns of `points`. Throws dl::Error for fewer than 2 columns.
Histogram2D histogram2D(const Batch& points, const HistogramGrid& grid);

/// ½ Σ |p − q| over the cells and the outside mass; both histograms must share the grid (throws
/// dl::Error otherwise).
double totalVariation(const Histogram2D& p, const Histogram2D& q);

}  // namespace dl
