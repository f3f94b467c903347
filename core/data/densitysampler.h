// Samples 2D points from a density given on a pixel grid (an image's darkness, a rendered text):
// a pixel is picked with probability proportional to its value, then the point is placed uniformly
// inside it (sub-pixel jitter), so the cloud has no grid pattern.
//
// Coordinates are in pixels with y up: pixel (column c, row r) of a W×H grid, rows top to bottom as
// in an image, covers x ∈ [c, c+1), y ∈ [H−1−r, H−r). The cloud thus looks like the image.
//
//   std::vector<float> d(w * h);            // row-major, top row first, values ≥ 0
//   dl::Rng rng(1);
//   dl::Batch raw = dl::samplePointsFromDensity(d, w, h, 5000, rng);
#pragma once

#include <vector>

#include "core/data/progress.h"
#include "core/math/rng.h"
#include "core/math/types.h"

namespace dl {

/// Throws dl::Error when the sizes disagree, a value is negative or not finite, the density is
/// zero everywhere, or n is outside 1..limits::kMaxPoints; dl::Cancelled when progress returns false.
Batch samplePointsFromDensity(const std::vector<float>& density, int width, int height, int n, Rng& rng,
                              const ProgressCallback& progress = {});

/// The sum of a density grid (0 means there is nothing to sample from).
double densityMass(const std::vector<float>& density);

}  // namespace dl
