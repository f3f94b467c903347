// Built-in 2D point clouds, seeded, any N. Each returns raw coordinates (N×2) in the shape's own
// units; makePointDataSet() then normalises them the documented way (see dataset.h). The same seed
// and N give the same points on every machine (all randomness comes from the dl::Rng passed in).
//
//   dl::Rng rng(1);
//   dl::Batch raw = dl::generatePoints("moons", 8000, rng);
//   dl::DataSet set = dl::makePointDataSet("moons", raw);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/data/progress.h"
#include "core/math/rng.h"
#include "core/math/types.h"

namespace dl {

/// Names accepted by generatePoints(), in the order the UI lists them:
/// moons, swissroll, gaussians8, circles, checkerboard, spiral, pinwheel, gaussian.
const std::vector<std::string>& builtInPointShapes();

/// A short human-readable title for a built-in shape ("Two moons"); the name itself if unknown.
std::string_view pointShapeTitle(std::string_view name);

/// Throws dl::Error for an unknown name or n outside 1..limits::kMaxPoints. `progress` (optional) is called
/// every few thousand points with the fraction done; when it returns false the generator stops at once and
/// throws dl::Cancelled. It does not change the points: the same seed and n give the same points with or
/// without it. The make* functions below take it the same way.
Batch generatePoints(std::string_view name, int n, Rng& rng, const ProgressCallback& progress = {});

/// Two interleaving half circles of radius 1 with Gaussian noise 0.05 (as scikit-learn's
/// make_moons): the first ⌈n/2⌉ points are the upper moon (centre (0, 0)), the rest the lower one
/// (centre (1, 0.5)).
Batch makeMoons(int n, Rng& rng, const ProgressCallback& progress = {});
/// A swiss roll seen from the side: t ~ U(1.5π, 4.5π), (t cos t, t sin t) + N(0, 0.25²) noise
/// (the x/z projection of scikit-learn's make_swiss_roll). Spans about ±14.
Batch makeSwissRoll(int n, Rng& rng, const ProgressCallback& progress = {});
/// Eight Gaussians (σ = 0.1) centred on a circle of radius 2 at angles kπ/4; point i belongs to
/// centre i mod 8, so every centre gets the same share.
Batch makeGaussians8(int n, Rng& rng, const ProgressCallback& progress = {});
/// Two concentric circles of radius 1 (the first ⌈n/2⌉ points) and 0.5, with Gaussian noise 0.03
/// (as scikit-learn's make_circles with factor 0.5).
Batch makeCircles(int n, Rng& rng, const ProgressCallback& progress = {});
/// Uniform over the 8 dark squares of a 4×4 checkerboard covering [−2, 2]²: the unit squares whose
/// lower-left corner (i, j) has i + j even.
Batch makeCheckerboard(int n, Rng& rng, const ProgressCallback& progress = {});
/// Two interleaved arms of an Archimedean spiral r = θ, θ = 3π·√u (so the density along the arm is
/// even per unit area), the second arm turned by π, Gaussian noise 0.2. Point i is on arm i mod 2.
Batch makeSpiral(int n, Rng& rng, const ProgressCallback& progress = {});
/// Five curved blades (FFJORD's pinwheel): radial N(1, 0.3²), tangential N(0, 0.1²), each point turned
/// by its blade's angle 2πk/5 plus 0.25·exp(radial), then scaled by 2. Point i is on blade i mod 5.
Batch makePinwheel(int n, Rng& rng, const ProgressCallback& progress = {});
/// A single standard normal N(0, I) in 2D.
Batch makeGaussian(int n, Rng& rng, const ProgressCallback& progress = {});

}  // namespace dl
