#include "ui/sampling/samplingtrails.h"

#include <algorithm>

namespace dlui {

namespace {

/// Index of the last entry with timestep ≥ t (timesteps run from T down to 0).
std::size_t lastAtOrAbove(const std::vector<int>& timesteps, std::size_t count, int t) {
    std::size_t last = 0;
    for (std::size_t k = 0; k < timesteps.size() && k < count; ++k) {
        if (timesteps[k] >= t)
            last = k;
        else
            break;
    }
    return last;
}

}  // namespace

std::vector<Eigen::Index> trailRows(Eigen::Index n, int count) {
    std::vector<Eigen::Index> rows;
    const auto shown = static_cast<Eigen::Index>(std::min<Eigen::Index>(std::max(count, 0), n));
    rows.reserve(static_cast<std::size_t>(shown));
    for (Eigen::Index i = 0; i < shown; ++i) rows.push_back(i * n / shown);
    return rows;
}

std::vector<dl::Batch> trajectoryTrails(const dl::Trajectory& trajectory, const dl::Normalisation& norm,
                                        int t, int count, TrailKind kind, const dl::Batch* shown) {
    std::vector<dl::Batch> trails;
    if (trajectory.empty() || count <= 0) return trails;
    const dl::Batch& first = trajectory.states.front();
    if (first.cols() != 2 || first.rows() == 0) return trails;

    if (kind == TrailKind::Ddim && !trajectory.ddimPaths.empty()) {
        const auto& paths = trajectory.ddimPaths;
        const std::size_t last = lastAtOrAbove(paths.timesteps, paths.states.size(), t);
        const auto steps = static_cast<Eigen::Index>(last + 1);
        for (Eigen::Index p : trailRows(static_cast<Eigen::Index>(paths.rows.size()), count)) {
            dl::Batch path(steps, 2);
            for (Eigen::Index k = 0; k < steps; ++k)
                path.row(k) = paths.states[static_cast<std::size_t>(k)].row(p);
            trails.push_back(norm.toData(path));
        }
        return trails;
    }

    // States up to and including the one shown at t; then the drawn point itself when it lies between two
    // states (smooth playback), so the trail ends where the point is.
    const std::size_t last = lastAtOrAbove(trajectory.timesteps, trajectory.states.size(), t);
    const bool extra = shown && shown->rows() == first.rows() && shown->cols() == 2 &&
                       !shown->isApprox(trajectory.states[last]);
    const auto steps = static_cast<Eigen::Index>(last + 1) + (extra ? 1 : 0);
    for (Eigen::Index row : trailRows(first.rows(), count)) {
        dl::Batch path(steps, 2);
        for (Eigen::Index k = 0; k <= static_cast<Eigen::Index>(last); ++k)
            path.row(k) = trajectory.states[static_cast<std::size_t>(k)].row(row);
        if (extra) path.row(steps - 1) = shown->row(row);
        trails.push_back(norm.toData(path));
    }
    return trails;
}

}  // namespace dlui
