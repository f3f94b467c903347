// Built-in 2D point clouds, seeded, any N. Each returns raw coordinates (N×2) in the shape's own
// units; makePointDataSet() then normalises them the documented way (see dataset.h).
//
//   dl::Rng rng(1);
//   dl::Batch raw = dl::generatePoints("moons", 8000, rng);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/math/rng.h"
#include "core/math/types.h"

namespace dl {

/// Names accepted by generatePoints(), in the order the UI lists them.
const std::vector<std::string>& builtInPointShapes();

/// Throws dl::Error for an unknown name or n < 1.
Batch generatePoints(std::string_view name, int n, Rng& rng);

/// Two interleaving half circles with Gaussian noise 0.05 (as scikit-learn's make_moons).
Batch makeMoons(int n, Rng& rng);

}  // namespace dl
