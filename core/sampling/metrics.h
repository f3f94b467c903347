// Sample-quality metrics: how far a set of samples is from the data, next to the floor — the same metric
// for an independent fresh sample of the data, which is what a perfect model would score at that size.
//
//   Sliced 2-Wasserstein:  SW₂(a, b) = ( E_θ W₂²(θᵀa, θᵀb) )^{1/2},  θ uniform on the unit sphere,
//                          estimated with P random directions (Bonneel et al. 2015). The 1D W₂ is exact
//                          for any two sizes: the integral over u ∈ [0, 1] of the squared difference of
//                          the two empirical quantile functions. Units: the data's (a shift by δ gives
//                          |δ| in 1D, |δ|/√2 in 2D, |δ|/√d in general).
//   MMD with an RBF kernel: k(x, y) = exp(−‖x − y‖²/(2h²)), reported as MMD = √max(0, MMD²_b) with the
//                          biased (V-statistic) MMD²_b = mean k(a,a') + mean k(b,b') − 2 mean k(a,b)
//                          (Gretton et al. 2012, Eq. 5), so identical sets give exactly 0. h ≤ 0 picks the
//                          median heuristic: the median distance between pooled points (on at most 1000
//                          of them, taken at an even stride, so it needs no random numbers).
//
// The cost is fixed whatever the sizes: compareToData() works on random subsets of at most
// kMaxQualityRows rows of each set (a million-point data set costs what four thousand cost), and
// compares the samples and the floor's draw at the same size, since SW₂ and MMD both shrink as sets grow.
//
//   dl::Rng rng(3);
//   dl::QualityReport q = dl::compareToData(samples, data, freshData, rng);
//   std::cout << "swd=" << q.swd << " swd_floor=" << q.swdFloor << "\n";
#pragma once

#include <vector>

#include "core/math/rng.h"
#include "core/math/types.h"

namespace dl {

/// Exact W₂ between two 1D empirical distributions of any sizes ≥ 1 (the vectors are sorted in place).
double wasserstein2OneD(std::vector<double>& a, std::vector<double>& b);

/// Sliced W₂ between two point sets of the same dimension (any sizes ≥ 1), with `projections` ≥ 1 random
/// directions from rng.
double slicedWasserstein(const Batch& a, const Batch& b, int projections, Rng& rng);

/// The median heuristic bandwidth for the pooled points of a and b (see the header comment).
double medianHeuristicBandwidth(const Batch& a, const Batch& b);

/// RBF-kernel MMD (biased estimate, square-rooted) with bandwidth h; h ≤ 0 = median heuristic.
double mmdRbf(const Batch& a, const Batch& b, double bandwidth);

/// The largest set compareToData() looks at; larger ones are cut to a random subset of this size.
constexpr int kMaxQualityRows = 4000;

/// n rows of pool picked uniformly at random without replacement (all of them, in random order, when
/// n ≥ rows). Generators that stratify (8 Gaussians puts exactly n/8 points in each mode) make a fresh
/// draw of exactly n points more regular than any sampler can be; a random subset of a larger fresh pool
/// is an honest i.i.d. floor.
Batch randomRows(const Batch& pool, int n, Rng& rng);

struct QualityReport {
    double swd = 0.0;        ///< SW₂(samples, data)
    double swdFloor = 0.0;   ///< SW₂(fresh data, data), same directions
    double mmd = 0.0;        ///< MMD(samples, data)
    double mmdFloor = 0.0;   ///< MMD(fresh data, data), same bandwidth
    double bandwidth = 0.0;  ///< the median-heuristic h of data ∪ fresh data, used for both MMDs
    int projections = 0;
    int sampleRows = 0;     ///< rows of the samples actually compared (≤ kMaxQualityRows)
    int referenceRows = 0;  ///< rows of the data actually compared
    int floorRows = 0;      ///< rows of the fresh data actually compared (= sampleRows)
};

/// Both metrics of samples against data, and the floor of freshData (an independent draw from the same
/// source that the model never saw, as data must be) against data. Samples and freshData are compared at
/// the same size, min(rows of each, kMaxQualityRows), and data at most kMaxQualityRows rows: larger sets
/// are cut to random subsets (rng), so the cost does not grow with the sizes.
QualityReport compareToData(const Batch& samples, const Batch& data, const Batch& freshData, Rng& rng,
                            int projections = 256);

}  // namespace dl
