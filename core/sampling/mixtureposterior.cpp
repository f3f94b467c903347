#include "core/sampling/mixtureposterior.h"

#include <algorithm>
#include <cmath>

namespace dl {
namespace {

/// Logit rows of at most this many elements per chunk (4 MiB in float): stays in L2/L3, bounds memory.
constexpr Eigen::Index kChunkElements = Eigen::Index{1} << 20;

}  // namespace

template <typename Scalar>
MixtureData<Scalar> makeMixtureData(const Batch& points) {
    MixtureData<Scalar> m;
    m.points = points.template cast<Scalar>();
    m.sqNorms = m.points.rowwise().squaredNorm();
    return m;
}

template <typename Scalar>
void mixturePosterior(const MixtureData<Scalar>& data, double alphaBar,
                      const Eigen::Ref<const typename MixtureData<Scalar>::Rows>& queries,
                      Eigen::Matrix<double, Eigen::Dynamic, 1>* logSumExp, typename MixtureData<Scalar>::Rows* mean) {
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
    const Eigen::Matrix<Scalar, 1, Eigen::Dynamic> bias = -normCoef * data.sqNorms.transpose();

    const Eigen::Index chunk = std::clamp<Eigen::Index>(kChunkElements / std::max<Eigen::Index>(N, 1), 1, n);
    Rows logits(chunk, N);  // allocated once per call: the callback stays safe to call from several threads
    Eigen::Matrix<Scalar, Eigen::Dynamic, 1> rowMax(chunk), rowSum(chunk);
    for (Eigen::Index start = 0; start < n; start += chunk) {
        const Eigen::Index c = std::min(chunk, n - start);
        auto L = logits.topRows(c);
        L.noalias() = queries.middleRows(start, c) * data.points.transpose();
        L = (crossCoef * L).rowwise() + bias;
        rowMax.head(c) = L.rowwise().maxCoeff();
        L = (L.colwise() - rowMax.head(c)).array().exp().matrix();
        rowSum.head(c) = L.rowwise().sum();
        if (logSumExp) {
            for (Eigen::Index r = 0; r < c; ++r)
                (*logSumExp)[start + r] = static_cast<double>(rowMax[r]) + std::log(static_cast<double>(rowSum[r]));
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
template void mixturePosterior<float>(const MixtureData<float>&, double, const Eigen::Ref<const MixtureData<float>::Rows>&,
                                      Eigen::Matrix<double, Eigen::Dynamic, 1>*, MixtureData<float>::Rows*);
template void mixturePosterior<double>(const MixtureData<double>&, double,
                                       const Eigen::Ref<const MixtureData<double>::Rows>&,
                                       Eigen::Matrix<double, Eigen::Dynamic, 1>*, MixtureData<double>::Rows*);

}  // namespace dl
