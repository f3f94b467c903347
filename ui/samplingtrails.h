// Trails of the reverse animation: for a few points of a sampled trajectory, the path they took from x_T
// down to the state shown at t, in data coordinates (Scene::trails).
//
//   scene.trails = dlui::trajectoryTrails(*doc.trajectory(), doc.dataSet()->norm, t, 40);
#pragma once

#include <vector>

#include "core/data/dataset.h"
#include "core/math/types.h"
#include "ui/labdocument.h"

namespace dlui {

/// Paths (each K×2) of `count` points spread evenly over the sample, from the first state to the one the
/// views show at t (dl::Trajectory::stateAt). Empty for non-2D data or count ≤ 0.
std::vector<dl::Batch> trajectoryTrails(const dl::Trajectory& trajectory, const dl::Normalisation& norm, int t, int count);

}  // namespace dlui
