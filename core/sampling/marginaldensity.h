// The exact density of the forward marginal q(x_t) for a finite data set, and its score, for drawing
// q(x_t) as a heat map and checking learned scores against the truth.
//
//   q(x_t) = (1/N) Σ_i N(x_t; √ᾱ_t x_i, (1−ᾱ_t) I)                            (Ho et al. 2020, Eq. 4)
//   log q  = −‖x_t‖²/(2v) + logΣexp_i r_i − log N − (d/2) log(2πv),  v = 1−ᾱ_t  (r_i: mixtureposterior.h)
//   ∇ log q(x_t) = −(x_t − √ᾱ_t E[x_0|x_t]) / v = −ε*(x_t, t)/√v           (Tweedie; Song et al. 2021b)
//
// Computed in double (it is drawn and compared, not run in a loop of thousands of steps). Cost per call
// is about 4·n·N·d flops and n·N exponentials; for a fine grid over a large data set, pass a subsample.
//
//   dl::MarginalDensity q(data.points, schedule);
//   Eigen::VectorXd logp = q.logDensity(t, gridPoints);   // gridPoints: M×2
#pragma once

#include <Eigen/Core>

#include "core/math/schedule.h"
#include "core/math/types.h"
#include "core/sampling/mixtureposterior.h"

namespace dl {

class MarginalDensity {
public:
    /// data: normalised N×d, N ≥ 1. Keeps a double copy of the data and the schedule.
    MarginalDensity(const Batch& data, const Schedule& schedule);

    /// log q(x_t) at every row of the queries (M×d). t ∈ 1..T (at t = 0 the density is a sum of deltas).
    Eigen::VectorXd logDensity(int t, const Batch& queries) const;
    /// q(x_t) = exp(logDensity); underflows to 0 far from the data.
    Eigen::VectorXd density(int t, const Batch& queries) const;
    /// ∇_x log q(x_t) at every row (M×d).
    Batch score(int t, const Batch& queries) const;

    int dim() const { return static_cast<int>(mData.points.cols()); }
    int size() const { return static_cast<int>(mData.points.rows()); }

private:
    void check(int t, const Batch& queries) const;

    MixtureData<double> mData;
    Schedule mSchedule;
};

}  // namespace dl
