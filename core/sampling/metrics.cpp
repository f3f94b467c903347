#include "core/sampling/metrics.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/math/error.h"

namespace dl {
namespace {

constexpr int kMaxBandwidthPoints = 1000;
/// Kernel rows of at most this many elements per chunk.
constexpr Eigen::Index kChunkElements = Eigen::Index{1} << 20;

void checkPair(const Batch& a, const Batch& b) {
    if (a.rows() < 1 || b.rows() < 1) throw Error("quality metrics need at least one point in each set");
    if (a.cols() != b.cols())
        throw Error("quality metrics need sets of the same dimension, got " + std::to_string(a.cols()) +
                    " and " + std::to_string(b.cols()));
}

/// d×P matrix of unit directions, uniform on the sphere (normalised standard normal vectors).
Eigen::MatrixXd randomDirections(Eigen::Index dim, int projections, Rng& rng) {
    if (projections < 1)
        throw Error("sliced Wasserstein needs at least 1 projection, got " + std::to_string(projections));
    Eigen::MatrixXd theta(dim, projections);
    for (int p = 0; p < projections; ++p) {
        double norm = 0.0;
        do {
            for (Eigen::Index k = 0; k < dim; ++k) theta(k, p) = rng.normal();
            norm = theta.col(p).norm();
        } while (norm < 1e-12);
        theta.col(p) /= norm;
    }
    return theta;
}

/// Column p holds the sorted projections of the points on direction p (n×P).
Eigen::MatrixXd sortedProjections(const Batch& points, const Eigen::MatrixXd& theta) {
    Eigen::MatrixXd proj = points.cast<double>() * theta;
    for (Eigen::Index p = 0; p < proj.cols(); ++p)
        std::sort(proj.col(p).data(), proj.col(p).data() + proj.rows());
    return proj;
}

/// ∫₀¹ (F⁻¹(u) − G⁻¹(u))² du for sorted x (n) and y (m): the quantile functions are step functions with
/// breaks at i/n and j/m; walk the merged breaks (compared exactly in integers).
double w2SquaredSorted(const double* x, Eigen::Index n, const double* y, Eigen::Index m) {
    Eigen::Index i = 0, j = 0;
    double u = 0.0, total = 0.0;
    while (i < n && j < m) {
        const long long nextI = static_cast<long long>(i + 1) * m;  // (i+1)/n scaled by n·m
        const long long nextJ = static_cast<long long>(j + 1) * n;
        const double next = static_cast<double>(std::min(nextI, nextJ)) / (static_cast<double>(n) * m);
        const double diff = x[i] - y[j];
        total += (next - u) * diff * diff;
        u = next;
        if (nextI <= nextJ) ++i;
        if (nextJ <= nextI) ++j;
    }
    return total;
}

double slicedFromSorted(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b) {
    double sum = 0.0;
    for (Eigen::Index p = 0; p < a.cols(); ++p)
        sum += w2SquaredSorted(a.col(p).data(), a.rows(), b.col(p).data(), b.rows());
    return std::sqrt(sum / static_cast<double>(a.cols()));
}

/// mean over i, j of exp(−‖a_i − b_j‖²/(2h²)), by chunks of rows of a: distances through one matrix product
/// (‖a‖² + ‖b‖² − 2 a·b, clamped at 0), float exponentials, double accumulation.
double kernelMean(const Batch& a, const Batch& b, double bandwidth) {
    const Eigen::Index n = a.rows(), m = b.rows();
    const Eigen::VectorXf aNorms = a.rowwise().squaredNorm();
    const Eigen::RowVectorXf bNorms = b.rowwise().squaredNorm().transpose();
    const auto gamma = static_cast<float>(-1.0 / (2.0 * bandwidth * bandwidth));
    const Eigen::Index chunk = std::clamp<Eigen::Index>(kChunkElements / std::max<Eigen::Index>(m, 1), 1, n);
    Batch k(chunk, m);
    double total = 0.0;
    for (Eigen::Index start = 0; start < n; start += chunk) {
        const Eigen::Index c = std::min(chunk, n - start);
        auto K = k.topRows(c);
        K.noalias() = (-2.0f) * a.middleRows(start, c) * b.transpose();
        K = (K.colwise() + aNorms.segment(start, c)).rowwise() + bNorms;
        K = (gamma * K.array().max(0.0f)).exp().matrix();
        total += K.cast<double>().sum();
    }
    return total / (static_cast<double>(n) * static_cast<double>(m));
}

double mmdFromMeans(double kaa, double kbb, double kab) {
    return std::sqrt(std::max(0.0, kaa + kbb - 2.0 * kab));
}

}  // namespace

Batch randomRows(const Batch& pool, int n, Rng& rng) {
    const int total = static_cast<int>(pool.rows());
    const int keep = std::clamp(n, 0, total);
    std::vector<int> index(static_cast<std::size_t>(total));
    for (int i = 0; i < total; ++i) index[static_cast<std::size_t>(i)] = i;
    Batch out(keep, pool.cols());
    for (int i = 0; i < keep; ++i) {
        std::swap(index[static_cast<std::size_t>(i)],
                  index[static_cast<std::size_t>(rng.uniformInt(i, total - 1))]);
        out.row(i) = pool.row(index[static_cast<std::size_t>(i)]);  // partial Fisher–Yates
    }
    return out;
}

double wasserstein2OneD(std::vector<double>& a, std::vector<double>& b) {
    if (a.empty() || b.empty()) throw Error("Wasserstein distance needs at least one value in each set");
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    return std::sqrt(w2SquaredSorted(a.data(), static_cast<Eigen::Index>(a.size()), b.data(),
                                     static_cast<Eigen::Index>(b.size())));
}

double slicedWasserstein(const Batch& a, const Batch& b, int projections, Rng& rng) {
    checkPair(a, b);
    const Eigen::MatrixXd theta = randomDirections(a.cols(), projections, rng);
    return slicedFromSorted(sortedProjections(a, theta), sortedProjections(b, theta));
}

double medianHeuristicBandwidth(const Batch& a, const Batch& b) {
    checkPair(a, b);
    const Eigen::Index total = a.rows() + b.rows();
    const Eigen::Index stride = (total + kMaxBandwidthPoints - 1) / kMaxBandwidthPoints;
    std::vector<Eigen::Index> pick;
    for (Eigen::Index i = 0; i < total; i += stride) pick.push_back(i);
    auto row = [&](Eigen::Index i) { return i < a.rows() ? a.row(i) : b.row(i - a.rows()); };
    std::vector<double> dist;
    dist.reserve(pick.size() * (pick.size() - 1) / 2);
    for (std::size_t i = 0; i < pick.size(); ++i)
        for (std::size_t j = i + 1; j < pick.size(); ++j)
            dist.push_back((row(pick[i]) - row(pick[j])).cast<double>().norm());
    if (dist.empty()) return 1.0;
    auto mid = dist.begin() + static_cast<std::ptrdiff_t>(dist.size() / 2);
    std::nth_element(dist.begin(), mid, dist.end());
    // Identical points only: any bandwidth gives MMD 0; 1 keeps the kernel well defined.
    return *mid > 0.0 ? *mid : 1.0;
}

double mmdRbf(const Batch& a, const Batch& b, double bandwidth) {
    checkPair(a, b);
    if (!std::isfinite(bandwidth)) throw Error("MMD bandwidth must be finite");
    const double h = bandwidth > 0.0 ? bandwidth : medianHeuristicBandwidth(a, b);
    return mmdFromMeans(kernelMean(a, a, h), kernelMean(b, b, h), kernelMean(a, b, h));
}

QualityReport compareToData(const Batch& allSamples, const Batch& allData, const Batch& allFresh, Rng& rng,
                            int projections) {
    checkPair(allSamples, allData);
    checkPair(allFresh, allData);
    QualityReport q;
    q.projections = projections;
    const Eigen::MatrixXd theta = randomDirections(allData.cols(), projections, rng);
    // Fixed cost and like with like: samples and fresh data at one common size, data capped.
    const int compared =
        static_cast<int>(std::min<Eigen::Index>({allSamples.rows(), allFresh.rows(), kMaxQualityRows}));
    auto cut = [&rng](const Batch& set, int rows) {
        return set.rows() > rows ? randomRows(set, rows, rng) : set;
    };
    const Batch samples = cut(allSamples, compared);
    const Batch freshData = cut(allFresh, compared);
    const Batch data = cut(allData, kMaxQualityRows);
    q.sampleRows = q.floorRows = compared;
    q.referenceRows = static_cast<int>(data.rows());
    const Eigen::MatrixXd dataProj = sortedProjections(data, theta);
    q.swd = slicedFromSorted(sortedProjections(samples, theta), dataProj);
    q.swdFloor = slicedFromSorted(sortedProjections(freshData, theta), dataProj);

    q.bandwidth = medianHeuristicBandwidth(data, freshData);
    const double kdd = kernelMean(data, data, q.bandwidth);
    q.mmd =
        mmdFromMeans(kernelMean(samples, samples, q.bandwidth), kdd, kernelMean(samples, data, q.bandwidth));
    q.mmdFloor = mmdFromMeans(kernelMean(freshData, freshData, q.bandwidth), kdd,
                              kernelMean(freshData, data, q.bandwidth));
    return q;
}

}  // namespace dl
