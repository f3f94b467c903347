#include "core/sampling/cellposterior.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "core/math/error.h"

namespace dl {
namespace {

/// About this many points per cell on average, and at most this many cells per side.
constexpr double kPointsPerCell = 4.0;
constexpr int kMaxCellsPerSide = 512;
/// Cells are visited only while the cut-off band (radius² 2vτ/ᾱ) is below this fraction of the data's squared
/// diagonal, i.e. while the ball around a query holds a small part of the data; beyond, the full computation
/// runs (measured: visiting a third of the points one by one is already slower than the full products).
constexpr double kPrunedBandFraction = 0.01;

}  // namespace

CellListPosterior::CellListPosterior(const Batch& data, double tolerance)
    : mFull(makeMixtureData<float>(data)), mTolerance(tolerance) {
    if (data.cols() != 2)
        throw Error("the cell-list posterior needs 2D data, got dimension " + std::to_string(data.cols()));
    if (data.rows() < 1) throw Error("the cell-list posterior needs at least one data point");
    if (!(tolerance > 0.0)) throw Error("the exact denoiser's tolerance must be positive");
    const auto n = static_cast<int>(data.rows());
    double maxX = -std::numeric_limits<double>::infinity(), maxY = maxX, radius2 = 0.0;
    mMinX = mMinY = std::numeric_limits<double>::infinity();
    for (int i = 0; i < n; ++i) {
        const double x = data(i, 0), y = data(i, 1);
        mMinX = std::min(mMinX, x), mMinY = std::min(mMinY, y);
        maxX = std::max(maxX, x), maxY = std::max(maxY, y);
        radius2 = std::max(radius2, x * x + y * y);
    }
    const double w = std::max(maxX - mMinX, 1e-12), h = std::max(maxY - mMinY, 1e-12);
    mDiagonal2 = w * w + h * h;
    mCell = std::max(std::sqrt(w * h * kPointsPerCell / n), std::max(w, h) / kMaxCellsPerSide);
    mNx = std::clamp(static_cast<int>(w / mCell) + 1, 1, kMaxCellsPerSide + 1);
    mNy = std::clamp(static_cast<int>(h / mCell) + 1, 1, kMaxCellsPerSide + 1);
    // τ = ln(2R·N / tolerance): the skipped mass times 2R stays below the tolerance (header).
    mTau = std::max(0.0, std::log(2.0 * std::sqrt(radius2) * n / tolerance));

    // Counting sort of the points by cell.
    std::vector<int> cellOf(static_cast<std::size_t>(n));
    mCellStart.assign(static_cast<std::size_t>(mNx) * mNy + 1, 0);
    for (int i = 0; i < n; ++i) {
        const int cx = std::min(mNx - 1, static_cast<int>((data(i, 0) - mMinX) / mCell));
        const int cy = std::min(mNy - 1, static_cast<int>((data(i, 1) - mMinY) / mCell));
        cellOf[i] = cy * mNx + cx;
        ++mCellStart[cellOf[i] + 1];
    }
    for (std::size_t c = 1; c < mCellStart.size(); ++c) mCellStart[c] += mCellStart[c - 1];
    std::vector<int> fill(mCellStart.begin(), mCellStart.end() - 1);
    mX.resize(static_cast<std::size_t>(n));
    mY.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const int slot = fill[cellOf[i]]++;
        mX[slot] = data(i, 0);
        mY[slot] = data(i, 1);
    }
}

void CellListPosterior::mean(double alphaBar, const Batch& queries, Batch& out, std::int64_t* pairs) const {
    if (queries.cols() != 2) throw Error("x_t must be 2D for the cell-list posterior");
    const Eigen::Index n = queries.rows();
    const auto N = static_cast<std::int64_t>(mX.size());
    const double v = 1.0 - alphaBar;
    const double s = std::sqrt(alphaBar);
    // Work in data space: ‖x_t − s·x_i‖ = s·‖x_t/s − x_i‖, so the cut-off radius² there is 2vτ/s² on top of
    // the nearest distance².
    const double band2 = s > 0 ? 2.0 * v * mTau / (s * s) : std::numeric_limits<double>::infinity();
    if (!(band2 < kPrunedBandFraction * mDiagonal2)) {
        // Most points matter: the full computation's matrix products are faster than visiting them one by
        // one.
        mixturePosterior<float>(mFull, alphaBar, queries, nullptr, &out);
        if (pairs) *pairs += static_cast<std::int64_t>(n) * N;
        return;
    }
    out.resize(n, 2);
    const double scale = s * s / (2.0 * v);  // logit = −scale·‖q − x_i‖² in data space
    std::vector<double> d2;
    std::vector<int> index;
    std::int64_t visited = 0;
    auto cellRange = [&](double lo, double hi, double origin, int count, int& first, int& last) {
        first = std::clamp(static_cast<int>(std::floor((lo - origin) / mCell)), 0, count - 1);
        last = std::clamp(static_cast<int>(std::floor((hi - origin) / mCell)), 0, count - 1);
    };
    for (Eigen::Index r = 0; r < n; ++r) {
        const double qx = queries(r, 0) / s, qy = queries(r, 1) / s;
        // An upper bound on the nearest distance²: the nearest point in the first ring of cells around the
        // query's (clamped) cell that holds any point.
        const int cx = std::clamp(static_cast<int>(std::floor((qx - mMinX) / mCell)), 0, mNx - 1);
        const int cy = std::clamp(static_cast<int>(std::floor((qy - mMinY) / mCell)), 0, mNy - 1);
        double near2 = std::numeric_limits<double>::infinity();
        for (int ring = 0; !std::isfinite(near2) && ring <= std::max(mNx, mNy); ++ring) {
            for (int y = std::max(0, cy - ring); y <= std::min(mNy - 1, cy + ring); ++y)
                for (int x = std::max(0, cx - ring); x <= std::min(mNx - 1, cx + ring); ++x) {
                    if (std::max(std::abs(x - cx), std::abs(y - cy)) != ring) continue;
                    const int c = y * mNx + x;
                    for (int i = mCellStart[c]; i < mCellStart[c + 1]; ++i) {
                        const double dx = mX[i] - qx, dy = mY[i] - qy;
                        near2 = std::min(near2, dx * dx + dy * dy);
                    }
                }
        }
        const double cut2 = near2 + band2;
        const double radius = std::sqrt(cut2);
        int x0, x1, y0, y1;
        cellRange(qx - radius, qx + radius, mMinX, mNx, x0, x1);
        cellRange(qy - radius, qy + radius, mMinY, mNy, y0, y1);
        d2.clear();
        index.clear();
        double best = std::numeric_limits<double>::infinity();
        for (int y = y0; y <= y1; ++y) {
            const int begin = mCellStart[y * mNx + x0], end = mCellStart[y * mNx + x1 + 1];
            visited += end - begin;
            for (int i = begin; i < end; ++i) {  // cells of one row are contiguous
                const double dx = mX[i] - qx, dy = mY[i] - qy;
                const double dd = dx * dx + dy * dy;
                if (dd > cut2) continue;
                d2.push_back(dd);
                index.push_back(i);
                best = std::min(best, dd);
            }
        }
        // Stable softmax over the kept points (the nearest is among them: best = d_min²).
        double sum = 0.0, mx = 0.0, my = 0.0;
        for (std::size_t k = 0; k < d2.size(); ++k) {
            const double w = std::exp(-scale * (d2[k] - best));
            sum += w;
            mx += w * mX[index[k]];
            my += w * mY[index[k]];
        }
        out(r, 0) = static_cast<float>(mx / sum);
        out(r, 1) = static_cast<float>(my / sum);
    }
    if (pairs) *pairs += visited;
}

}  // namespace dl
