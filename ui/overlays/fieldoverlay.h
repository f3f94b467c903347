// The field overlays of the 2D view at one timestep, as plain values computed off the GUI thread:
//   - the predicted noise ε̂(x_t, t) or the score s(x_t, t) = −ε̂/√(1−ᾱ_t) as arrows on a grid, for the
//     learned model and for the exact denoiser of the data set (oracledenoiser.h), in two colours;
//   - the exact density of q(x_t) = (1/N) Σ_i N(√ᾱ_t x_i, (1−ᾱ_t) I) as a heat map (marginaldensity.h).
// Grids are laid over the view's bounds in data coordinates; the networks see normalised coordinates.
//
//   dlui::FieldOverlayRequest r;  r.t = 40;  r.schedule = …;  r.data = doc.dataSet();  r.bounds = view;
//   dlui::FieldOverlayCache cache;
//   dlui::FieldOverlay o = dlui::computeFieldOverlay(r, cache);   // in a worker
//   scene.arrowFields.push_back(*o.exact);
#pragma once

#include <QRectF>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

#include "core/data/dataset.h"
#include "core/math/schedule.h"
#include "core/sampling/denoiser.h"
#include "ui/render/scene.h"

namespace dl {
class MarginalDensity;
}

namespace dlui {

/// What the arrows show.
enum class FieldQuantity {
    Noise,  ///< ε̂(x_t, t): points away from the data, the direction the noise pushed
    Score,  ///< ∇ log q(x_t) ≈ −ε̂/√(1−ᾱ_t): points towards the data, the direction sampling moves
};

/// Which overlays to draw (the user's choice in the sampling panel).
struct FieldOverlaySettings {
    bool learnedArrows = false;
    bool exactArrows = false;
    bool density = false;
    FieldQuantity quantity = FieldQuantity::Score;
    int arrowGrid = 21;    ///< arrows per side
    int densityGrid = 96;  ///< heat-map cells per side

    bool any() const { return learnedArrows || exactArrows || density; }
    bool operator==(const FieldOverlaySettings&) const = default;
};

/// One overlay computation, captured by value on the GUI thread.
struct FieldOverlayRequest {
    std::uint64_t id = 0;
    int t = 0;
    dl::Schedule schedule;  ///< the schedule of the view being decorated
    QRectF bounds;          ///< data coordinates
    FieldOverlaySettings settings;
    std::shared_ptr<const dl::DataSet> data;
    /// Builds the learned ε̂ (over a copy of the weights) in the worker; null when there is no usable model.
    std::function<dl::EpsilonPredictor()> makeLearned;
    /// Identifies the weights makeLearned uses (a generation number, 0 for none), so the worker can keep the
    /// predictor between requests. Never an address: a freed snapshot's address can come back for the next.
    std::uint64_t learnedGeneration = 0;
};

/// The computed overlays; fields not asked for (or not computable, e.g. at t = 0) are empty.
struct FieldOverlay {
    std::uint64_t id = 0;
    int t = 0;
    QRectF bounds;
    std::optional<ArrowField> learned;
    std::optional<ArrowField> exact;
    DensityGrid density;
    /// Mean distance between learned and exact arrows relative to the exact arrows' mean length (NaN
    /// unless both were computed): a one-number summary of how well the model has learned the field at t.
    double relativeError = 0.0;
};

/// The worker-side cache of what is costly to build: exact denoiser and marginal density for a data set and
/// schedule, and the learned predictor for one set of weights. Used from one thread only.
class FieldOverlayCache {
public:
    FieldOverlayCache();
    ~FieldOverlayCache();
    dl::EpsilonPredictor& oracle(const std::shared_ptr<const dl::DataSet>& data,
                                 const dl::Schedule& schedule);
    const dl::MarginalDensity& density(const std::shared_ptr<const dl::DataSet>& data,
                                       const dl::Schedule& schedule);
    dl::EpsilonPredictor& learned(const FieldOverlayRequest& request);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

/// Computes every overlay the request asks for. Throws dl::Error for invalid input (e.g. t > T), and
/// dl::Cancelled when *stop becomes true (checked between blocks of a few hundred grid points).
FieldOverlay computeFieldOverlay(const FieldOverlayRequest& request, FieldOverlayCache& cache,
                                 const std::atomic<bool>* stop = nullptr);

/// Grid points (cell centres, columns × rows, row 0 at the top) over bounds, as an M×2 batch in data units.
dl::Batch gridPoints(const QRectF& bounds, int columns, int rows);

/// Colours of the two arrow fields, also used by the legend in the panel.
QColor learnedArrowColor();
QColor exactArrowColor();

}  // namespace dlui
