#include "ui/overlays/fieldoverlay.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "core/data/progress.h"
#include "core/math/error.h"
#include "core/sampling/marginaldensity.h"
#include "core/sampling/oracledenoiser.h"

namespace dlui {

namespace {

// Arrows are scaled so that a typical (90th percentile) arrow spans this fraction of a grid cell, and none
// is longer than kMaxCells cells: the field's shape stays readable at every t, although the score's size
// grows like 1/√(1−ᾱ_t).
constexpr double kTypicalCells = 0.85;
constexpr double kMaxCells = 1.6;

bool sameSchedule(const dl::Schedule& a, const dl::Schedule& b) {
    return a.params() == b.params();
}

/// ε̂ → the quantity shown, in normalised units.
void toQuantity(FieldQuantity quantity, const dl::Schedule& schedule, int t, dl::Batch& eps) {
    if (quantity == FieldQuantity::Score)
        eps *= float(-1.0 / std::max(schedule.sqrtOneMinusAlphaBar(t), 1e-12));
}

// Grid points per block between two looks at the stop flag: a few milliseconds of work for 10⁴ data.
constexpr Eigen::Index kBlockRows = 256;

/// f(queries) into out, a block of rows at a time, calling checkStop before each block.
template <class CheckStop>
void evaluateInBlocks(const dl::EpsilonPredictor& f, const dl::Batch& queries, int t, dl::Batch& out,
                      const CheckStop& checkStop) {
    out.resize(queries.rows(), queries.cols());
    dl::Batch block, result;
    for (Eigen::Index i = 0; i < queries.rows(); i += kBlockRows) {
        checkStop();
        const Eigen::Index rows = std::min(kBlockRows, queries.rows() - i);
        block = queries.middleRows(i, rows);
        f(block, t, result);
        out.middleRows(i, rows) = result;
    }
}

double percentileLength(const dl::Batch& v, double p) {
    if (v.rows() == 0) return 0.0;
    std::vector<double> lengths(static_cast<std::size_t>(v.rows()));
    for (Eigen::Index i = 0; i < v.rows(); ++i)
        lengths[static_cast<std::size_t>(i)] = double(v.row(i).norm());
    const auto k = static_cast<std::size_t>(std::clamp(p, 0.0, 1.0) * double(lengths.size() - 1));
    std::nth_element(lengths.begin(), lengths.begin() + static_cast<std::ptrdiff_t>(k), lengths.end());
    return lengths[k];
}

ArrowField makeArrows(const dl::Batch& origins, const dl::Batch& vectors, double unit, double maxLength,
                      const QColor& color) {
    ArrowField field;
    field.origins = origins;
    field.directions = vectors * float(unit);
    for (Eigen::Index i = 0; i < field.directions.rows(); ++i) {
        const double length = double(field.directions.row(i).norm());
        if (length > maxLength) field.directions.row(i) *= float(maxLength / length);
    }
    field.color = color;
    return field;
}

}  // namespace

QColor learnedArrowColor() {
    return QColor(214, 70, 40);
}
QColor exactArrowColor() {
    return QColor(30, 110, 200);
}

dl::Batch gridPoints(const QRectF& bounds, int columns, int rows) {
    dl::Batch g(static_cast<Eigen::Index>(columns) * rows, 2);
    const double dx = bounds.width() / columns, dy = bounds.height() / rows;
    for (int r = 0; r < rows; ++r) {
        const double y = bounds.bottom() - (r + 0.5) * dy;  // row 0 at the top (max y)
        for (int c = 0; c < columns; ++c) {
            const Eigen::Index i = static_cast<Eigen::Index>(r) * columns + c;
            g(i, 0) = float(bounds.left() + (c + 0.5) * dx);
            g(i, 1) = float(y);
        }
    }
    return g;
}

// ---- cache --------------------------------------------------------------------------------------

struct FieldOverlayCache::Impl {
    std::weak_ptr<const dl::DataSet> oracleData;
    std::optional<dl::Schedule> oracleSchedule;
    dl::EpsilonPredictor oracle;

    std::weak_ptr<const dl::DataSet> densityData;
    std::optional<dl::Schedule> densitySchedule;
    std::unique_ptr<dl::MarginalDensity> density;

    std::uint64_t learnedGeneration = 0;
    std::optional<dl::Schedule> learnedSchedule;
    dl::EpsilonPredictor learned;
};

FieldOverlayCache::FieldOverlayCache() : d(std::make_unique<Impl>()) {}
FieldOverlayCache::~FieldOverlayCache() = default;

dl::EpsilonPredictor& FieldOverlayCache::oracle(const std::shared_ptr<const dl::DataSet>& data,
                                                const dl::Schedule& schedule) {
    if (!d->oracle || d->oracleData.lock() != data || !sameSchedule(*d->oracleSchedule, schedule)) {
        d->oracle = dl::makeOracleDenoiser(data->points, schedule);
        d->oracleData = data;
        d->oracleSchedule = schedule;
    }
    return d->oracle;
}

const dl::MarginalDensity& FieldOverlayCache::density(const std::shared_ptr<const dl::DataSet>& data,
                                                      const dl::Schedule& schedule) {
    if (!d->density || d->densityData.lock() != data || !sameSchedule(*d->densitySchedule, schedule)) {
        d->density = std::make_unique<dl::MarginalDensity>(data->points, schedule);
        d->densityData = data;
        d->densitySchedule = schedule;
    }
    return *d->density;
}

dl::EpsilonPredictor& FieldOverlayCache::learned(const FieldOverlayRequest& request) {
    if (!d->learned || d->learnedGeneration != request.learnedGeneration || request.learnedGeneration == 0 ||
        !sameSchedule(*d->learnedSchedule, request.schedule)) {
        d->learned = request.makeLearned();
        d->learnedGeneration = request.learnedGeneration;
        d->learnedSchedule = request.schedule;
    }
    return d->learned;
}

// ---- computation --------------------------------------------------------------------------------

FieldOverlay computeFieldOverlay(const FieldOverlayRequest& request, FieldOverlayCache& cache,
                                 const std::atomic<bool>* stop) {
    const auto checkStop = [stop] {
        if (stop && stop->load(std::memory_order_relaxed)) throw dl::Cancelled();
    };
    checkStop();
    FieldOverlay out;
    out.id = request.id;
    out.t = request.t;
    out.bounds = request.bounds;
    out.relativeError = std::numeric_limits<double>::quiet_NaN();
    const auto& data = request.data;
    const FieldOverlaySettings& s = request.settings;
    if (!data || data->isImage() || data->dim() != 2 || data->size() == 0 || !request.bounds.isValid())
        return out;
    const int t = request.t;
    if (t < 0 || t > request.schedule.T())
        // Shown as it is by the window (no core form matches it), so translated here.
        throw dl::Error(QCoreApplication::translate("dlui::FieldOverlay",
                                                    "The field overlay's t must be in 0..%1, got %2.")
                            .arg(request.schedule.T())
                            .arg(t)
                            .toStdString());
    // At t = 0 ε is undefined (no noise) and q(x_0) is a sum of point masses: nothing to draw.
    if (t == 0) return out;

    const bool wantLearned = s.learnedArrows && request.makeLearned;
    if (wantLearned || s.exactArrows) {
        const int n = std::max(2, s.arrowGrid);
        const dl::Batch origins = gridPoints(request.bounds, n, n);
        const dl::Batch queries = data->norm.toNormalised(origins);
        dl::Batch exact, learned;
        if (s.exactArrows) {
            evaluateInBlocks(cache.oracle(data, request.schedule), queries, t, exact, checkStop);
            toQuantity(s.quantity, request.schedule, t, exact);
        }
        if (wantLearned) {
            evaluateInBlocks(cache.learned(request), queries, t, learned, checkStop);
            toQuantity(s.quantity, request.schedule, t, learned);
        }
        // One display unit for both fields, so their lengths compare directly.
        const double reference = percentileLength(s.exactArrows ? exact : learned, 0.9);
        const double cell = std::min(request.bounds.width(), request.bounds.height()) / n;
        const double unit = reference > 0 ? kTypicalCells * cell / reference : 0.0;
        if (s.exactArrows) out.exact = makeArrows(origins, exact, unit, kMaxCells * cell, exactArrowColor());
        if (wantLearned)
            out.learned = makeArrows(origins, learned, unit, kMaxCells * cell, learnedArrowColor());
        if (s.exactArrows && wantLearned) {
            const double meanExact = exact.rowwise().norm().mean();
            const double meanDiff = (learned - exact).rowwise().norm().mean();
            out.relativeError =
                meanExact > 0 ? meanDiff / meanExact : std::numeric_limits<double>::quiet_NaN();
        }
    }

    if (s.density) {
        const int n = std::max(2, s.densityGrid);
        const dl::Batch queries = data->norm.toNormalised(gridPoints(request.bounds, n, n));
        const dl::MarginalDensity& density = cache.density(data, request.schedule);
        Eigen::VectorXd logp(queries.rows());
        for (Eigen::Index i = 0; i < queries.rows(); i += kBlockRows) {
            checkStop();
            const Eigen::Index rows = std::min(kBlockRows, queries.rows() - i);
            logp.segment(i, rows) = density.logDensity(t, queries.middleRows(i, rows));
        }
        // Relative to the peak, so exp never overflows; the renderer scales to the peak anyway.
        const double peak = logp.maxCoeff();
        out.density.bounds = request.bounds;
        out.density.columns = n;
        out.density.rows = n;
        out.density.values.resize(static_cast<std::size_t>(n) * n);
        for (Eigen::Index i = 0; i < logp.size(); ++i)
            out.density.values[static_cast<std::size_t>(i)] =
                std::isfinite(logp(i)) ? float(std::exp(logp(i) - peak)) : 0.0f;
    }
    return out;
}

}  // namespace dlui
