// A fast E[x_0 | x_t] for 2D data with a stated error bound: a uniform cell list over the data skips the
// points whose posterior weight is negligible, instead of a softmax over the whole data set per query.
//
// The exact posterior mean (mixtureposterior.h) weights data point x_i by w_i ∝ exp(−‖x_t − √ᾱ x_i‖²/(2v)),
// v = 1 − ᾱ. Let d_min be the distance to the nearest scaled point. A point with
//   ‖x_t − √ᾱ x_i‖² > d_min² + 2vτ
// has w_i < e^{−τ}·w_max, so all skipped points together carry a fraction δ ≤ (N−1)·e^{−τ} of the mass.
// The exact mean is (1−δ)·m_kept + δ·m_skipped, and both means lie in the ball ‖x‖ ≤ R = max_i ‖x_i‖, so
//   ‖m_exact − m_kept‖ = δ·‖m_skipped − m_kept‖ ≤ 2R·(N−1)·e^{−τ}.
// Choosing τ = ln(2R·N / tolerance) makes this at most `tolerance` (data units, per query, Euclidean).
// Only where the cut-off ball holds a small part of the data (the first few steps of a typical schedule,
// t near 0, where it evaluates ~5 % of the pairs) are cells visited; elsewhere the full chunked computation
// runs, whose matrix products beat visiting most points one by one.
//
//   dl::CellListPosterior post(data, 1e-4);     // data: N×2, normalised
//   post.mean(schedule.alphaBar(t), xt, mean);  // max error ≤ 1e-4 (plus float rounding)
#pragma once

#include <cstdint>
#include <vector>

#include "core/math/types.h"
#include "core/sampling/mixtureposterior.h"

namespace dl {

class CellListPosterior {
public:
    /// data: N×2 (N ≥ 1); tolerance > 0: bound on ‖E_approx − E_exact‖ per query, in data units.
    CellListPosterior(const Batch& data, double tolerance);

    /// E[x_0 | x_t = row] for every row of queries (n×2) into out (resized), for ᾱ ∈ [0, 1).
    /// Safe to call from several threads at once. Adds the number of (query, point) pairs it evaluated to
    /// *pairs when given (the full computation evaluates n·N).
    void mean(double alphaBar, const Batch& queries, Batch& out, std::int64_t* pairs = nullptr) const;

    double tolerance() const { return mTolerance; }
    /// τ of the cut-off: points below e^{−τ} of the largest weight are skipped.
    double logCutoff() const { return mTau; }

private:
    MixtureData<float> mFull;     // the whole data set, for the large-t case
    std::vector<double> mX, mY;   // the data, ordered by cell
    std::vector<int> mCellStart;  // points of cell c: [mCellStart[c], mCellStart[c+1])
    double mMinX = 0, mMinY = 0, mCell = 1;
    int mNx = 1, mNy = 1;
    double mTolerance;
    double mTau = 0;
    double mDiagonal2 = 0;  // squared diagonal of the data's bounding box
};

}  // namespace dl
