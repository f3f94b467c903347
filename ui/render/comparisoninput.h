// What a side-by-side comparison shows, as plain values: one data set, one forward noise draw ε shared by
// every pane, and per pane its own schedule and (in reverse) its own sampled chain. The window's
// comparison view and the exporter both read it, so an exported comparison looks like the window's.
//
//   dlui::ComparisonInput in;
//   in.data = doc->dataSet();
//   in.noise = doc->forwardNoise();                        // the same ε for every pane
//   in.panes.push_back({tr("linear"), dl::Schedule(linear)});
//   in.panes.push_back({tr("cosine"), dl::Schedule(cosine)});
#pragma once

#include <QString>
#include <memory>
#include <optional>
#include <vector>

#include "core/data/dataset.h"
#include "core/math/schedule.h"
#include "core/math/types.h"
#include "core/sampling/samplers.h"

namespace dlui {

/// Panes a comparison shows at most (a 2×2 grid).
constexpr int kMaxComparisonPanes = 4;
constexpr int kMinComparisonPanes = 2;

struct ComparisonPane {
    QString label;  ///< the pane's settings in one line ("cosine T=1000 · DDIM η = 0, K = 10 · exact")
    dl::Schedule schedule;                        ///< the pane's own schedule: its forward process
    std::optional<dl::Trajectory> reverse;        ///< the pane's sampled chain (reverse comparisons)
    std::optional<dl::Schedule> reverseSchedule;  ///< what the chain was sampled with; `schedule` when absent
    QString problem;  ///< why the pane has no chain (no model yet, bad settings), shown in its caption

    /// The schedule whose t the pane shows in a forward or reverse comparison.
    const dl::Schedule& scheduleFor(bool reverse) const {
        return reverse && reverseSchedule ? *reverseSchedule : schedule;
    }
};

struct ComparisonInput {
    // Shared, not copied: the window rebuilds its comparison on every model and schedule change, and an
    // image set can take hundreds of megabytes.
    std::shared_ptr<const dl::DataSet> data;  ///< normalised points (and their normalisation) or images
    /// ε of x_t = √ᾱ_t x_0 + √(1−ᾱ_t) ε, the same for every pane; the shape of data->points
    std::shared_ptr<const dl::Batch> noise;
    bool reverse = false;  ///< false: each pane's forward process; true: each pane's sampled chain
    std::vector<ComparisonPane> panes;
};

}  // namespace dlui
