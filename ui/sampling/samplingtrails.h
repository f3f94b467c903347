// Trails of the reverse animation: for a few points of a sampled trajectory, the path they took from x_T
// down to the state shown at t, in data coordinates (Scene::trails; the renderer fades them with age).
// Either the sampler's own paths (DDPM's are random walks) or the smooth paths of a deterministic DDIM
// (η = 0) pass from the same x_T, when the trajectory carries them (Trajectory::ddimPaths).
//
//   scene.trails = dlui::trajectoryTrails(*doc.trajectory(), doc.dataSet()->norm, t, 12, TrailKind::Sampled);
#pragma once

#include <vector>

#include "core/data/dataset.h"
#include "core/math/types.h"
#include "ui/document/labdocument.h"

namespace dlui {

enum class TrailKind {
    Sampled,  ///< the path each shown point took in the sampled chain
    Ddim,     ///< the DDIM (η = 0) trajectory from the same x_T (falls back to Sampled when not computed)
};

/// Trails shown by default: a few, so they do not cover the samples.
inline constexpr int kDefaultTrailCount = 12;

/// Paths (each K×2) of `count` points spread evenly over the sample, from the first state to the one the
/// views show at t (Trajectory::frameAt), ending at `shown` (the drawn state, normalised) when given and the
/// kind is Sampled. Empty for non-2D data or count ≤ 0.
std::vector<dl::Batch> trajectoryTrails(const dl::Trajectory& trajectory, const dl::Normalisation& norm,
                                        int t, int count, TrailKind kind = TrailKind::Sampled,
                                        const dl::Batch* shown = nullptr);

/// Rows spread evenly over n (the same rows for the same n and count).
std::vector<Eigen::Index> trailRows(Eigen::Index n, int count);

}  // namespace dlui
