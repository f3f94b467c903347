// Hand-drawn data: the strokes a person drew with the mouse (each a polyline of points in data
// coordinates) become a point cloud. Points are spread evenly along the strokes by arc length and
// scattered uniformly over a disc of the brush radius around the stroke, so a thick brush gives a
// band and radius 0 gives points exactly on the lines.
//
// density is points per unit of stroke length. A stroke counts as at least 2·brushRadius long (a
// single click is a dab of that diameter) and always gets at least one point.
//
//   std::vector<std::vector<Eigen::Vector2f>> strokes = {{{0, 0}, {1, 1}}, {{2, 0}}};
//   dl::Rng rng(3);
//   dl::Batch raw = dl::pointsFromStrokes(strokes, 0.05f, 2000.0f, rng);
//   dl::DataSet set = dl::makePointDataSet("drawn", raw);
#pragma once

#include <Eigen/Core>
#include <vector>

#include "core/math/rng.h"
#include "core/math/types.h"

namespace dl {

using Stroke = std::vector<Eigen::Vector2f>;

/// How many points pointsFromStrokes() makes for these strokes (for a live count in the UI).
/// Throws dl::Error like pointsFromStrokes().
int strokePointCount(const std::vector<Stroke>& strokes, float brushRadius, float density);

/// N×2 points from the strokes (N = strokePointCount()). Throws dl::Error when there are no points
/// to draw from, a coordinate is not finite, brushRadius < 0, density ≤ 0, or the result would
/// have more than limits::kMaxPoints points. Empty strokes are ignored.
Batch pointsFromStrokes(const std::vector<Stroke>& strokes, float brushRadius, float density, Rng& rng);

}  // namespace dl
