#include "ui/samplingtrails.h"

#include <algorithm>

namespace dlui {

std::vector<dl::Batch> trajectoryTrails(const dl::Trajectory& trajectory, const dl::Normalisation& norm, int t, int count) {
    std::vector<dl::Batch> trails;
    if (trajectory.empty() || count <= 0)
        return trails;
    const dl::Batch& first = trajectory.states.front();
    if (first.cols() != 2 || first.rows() == 0)
        return trails;
    // States up to and including the one shown at t (timesteps run from T down to 0).
    std::size_t last = 0;
    for (std::size_t k = 0; k < trajectory.timesteps.size() && k < trajectory.states.size(); ++k) {
        if (trajectory.timesteps[k] >= t)
            last = k;
        else
            break;
    }
    const Eigen::Index n = first.rows();
    const int shown = static_cast<int>(std::min<Eigen::Index>(count, n));
    const auto steps = static_cast<Eigen::Index>(last + 1);
    trails.reserve(static_cast<std::size_t>(shown));
    for (int i = 0; i < shown; ++i) {
        const Eigen::Index row = static_cast<Eigen::Index>(i) * n / shown;
        dl::Batch path(steps, 2);
        for (Eigen::Index k = 0; k < steps; ++k)
            path.row(k) = trajectory.states[static_cast<std::size_t>(k)].row(row);
        trails.push_back(norm.toData(path));
    }
    return trails;
}

}  // namespace dlui
