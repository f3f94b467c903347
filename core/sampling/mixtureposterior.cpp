#include "core/sampling/mixtureposterior.h"

#include <algorithm>
#include <cmath>

namespace dl {
namespace {

/// Logit rows of at most this many elements per chunk (512 KiB in float, 1 MiB in double).
constexpr Eigen::Index kChunkElements = Eigen::Index{1} << 17;

/// Log-weights below this (relative to the largest) are raised to it. e^{−80} ≈ 1.8e-35 is still a normal
/// float, so no subnormal arithmetic happens; the raised weights add at most N·e^{−80} to a total of ≥ 1, far
/// below float rounding for any N the program accepts.
constexpr double kLogWeightFloor = -80.0;

}  // namespace

template <typename Scalar>
MixtureData<Scalar> makeMixtureData(const Batch& points) {
    MixtureData<Scalar> m;
    m.points = points.template cast<Scalar>();
    m.sqNorms = m.points.rowwise().squaredNorm();
    m.augmented.resize(m.points.rows(), m.points.cols() + 1);
    m.augmented << m.points, m.sqNorms;
    return m;
}

template <typename Scalar>
void mixturePosterior(const MixtureData<Scalar>& data, double alphaBar,
                      const Eigen::Ref<const typename MixtureData<Scalar>::Rows>& queries,
                      Eigen::Matrix<double, Eigen::Dynamic, 1>* logSumExp,
                      typename MixtureData<Scalar>::Rows* mean) {
    using Rows = typename MixtureData<Scalar>::Rows;
    const Eigen::Index n = queries.rows();
    const Eigen::Index N = data.points.rows();
    const Eigen::Index d = data.points.cols();
    if (logSumExp) logSumExp->resize(n);
    if (mean) mean->resize(n, d);
    if (n == 0) return;

    const double v = 1.0 - alphaBar;
    const auto crossCoef = static_cast<Scalar>(std::sqrt(alphaBar) / v);  // multiplies x_t·x_i
    const auto normCoef = static_cast<Scalar>(alphaBar / (2.0 * v));      // multiplies ‖x_i‖²
    using Array = Eigen::Array<Scalar, 1, Eigen::Dynamic>;

    // A chunk of logit rows small enough to stay in L2 while it is scaled, exponentiated and summed.
    const Eigen::Index chunk = std::clamp<Eigen::Index>(kChunkElements / std::max<Eigen::Index>(N, 1), 1, n);
    Rows logits(chunk, N);  // allocated once per call: the callback stays safe to call from several threads
    Rows scaled(chunk,
                d + 1);  // [crossCoef·x_t, −normCoef]: one product then gives r_i with the bias folded in
    scaled.col(d).setConstant(-normCoef);
    Eigen::Matrix<Scalar, Eigen::Dynamic, 1> rowSum(chunk);
    for (Eigen::Index start = 0; start < n; start += chunk) {
        const Eigen::Index c = std::min(chunk, n - start);
        auto L = logits.topRows(c);
        scaled.topLeftCorner(c, d) = crossCoef * queries.middleRows(start, c);
        L.noalias() = scaled.topRows(c) * data.augmented.transpose();
        for (Eigen::Index r = 0; r < c; ++r) {
            // One contiguous row at a time: exp(r_i − max r), floored at e^{−80} (kLogWeightFloor): far
            // points would otherwise give subnormal floats, and the product with them below runs some 10×
            // slower.
            Eigen::Map<Array> row(L.row(r).data(), N);
            const Scalar top = row.maxCoeff();
            row = (row - top).max(Scalar(kLogWeightFloor)).exp();
            rowSum[r] = row.sum();
            if (logSumExp)
                (*logSumExp)[start + r] = static_cast<double>(top) + std::log(static_cast<double>(rowSum[r]));
        }
        if (mean) {
            auto M = mean->middleRows(start, c);
            M.noalias() = L * data.points;
            M = M.array().colwise() / rowSum.head(c).array();
        }
    }
}

template MixtureData<float> makeMixtureData<float>(const Batch&);
template MixtureData<double> makeMixtureData<double>(const Batch&);
template void mixturePosterior<float>(const MixtureData<float>&, double,
                                      const Eigen::Ref<const MixtureData<float>::Rows>&,
                                      Eigen::Matrix<double, Eigen::Dynamic, 1>*, MixtureData<float>::Rows*);
template void mixturePosterior<double>(const MixtureData<double>&, double,
                                       const Eigen::Ref<const MixtureData<double>::Rows>&,
                                       Eigen::Matrix<double, Eigen::Dynamic, 1>*, MixtureData<double>::Rows*);

}  // namespace dl
