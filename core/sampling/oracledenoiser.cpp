#include "core/sampling/oracledenoiser.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

#include "core/math/error.h"
#include "core/sampling/cellposterior.h"
#include "core/sampling/mixtureposterior.h"

namespace dl {
namespace {

void checkStep(const Schedule& schedule, int t) {
    if (t < 1 || t > schedule.T())
        throw Error("timestep t must be from 1 to " + std::to_string(schedule.T()) + ", got " +
                    std::to_string(t));
}

void checkData(const Batch& data) {
    if (data.rows() < 1 || data.cols() < 1) throw Error("the exact denoiser needs at least one data point");
}

}  // namespace

EpsilonPredictor makeOracleDenoiser(Batch data, const Schedule& schedule, double tolerance) {
    checkData(data);
    if (tolerance < 0.0) throw Error("the exact denoiser's tolerance must be 0 (exact) or positive");
    if (tolerance > 0.0 && data.cols() == 2) {
        auto cells = std::make_shared<const CellListPosterior>(data, tolerance);
        return [cells, schedule](const Batch& xt, int t, Batch& out) {
            checkStep(schedule, t);
            if (xt.cols() != 2)
                throw Error("the exact denoiser's data have dimension 2, got x_t of dimension " +
                            std::to_string(xt.cols()));
            const double alphaBar = schedule.alphaBar(t);
            Batch mean;
            cells->mean(alphaBar, xt, mean);
            const auto signal = static_cast<float>(std::sqrt(alphaBar));
            const auto invNoise = static_cast<float>(1.0 / std::sqrt(1.0 - alphaBar));
            out.resize(xt.rows(), xt.cols());
            out.noalias() = invNoise * (xt - signal * mean);
        };
    }
    auto mixture = std::make_shared<const MixtureData<float>>(makeMixtureData<float>(data));
    return [mixture, schedule](const Batch& xt, int t, Batch& out) {
        checkStep(schedule, t);
        if (xt.cols() != mixture->points.cols())
            throw Error("the exact denoiser's data have dimension " + std::to_string(mixture->points.cols()) +
                        ", got x_t of dimension " + std::to_string(xt.cols()));
        const double alphaBar = schedule.alphaBar(t);
        Batch mean;
        mixturePosterior<float>(*mixture, alphaBar, xt, nullptr, &mean);
        const auto signal = static_cast<float>(std::sqrt(alphaBar));
        const auto invNoise = static_cast<float>(1.0 / std::sqrt(1.0 - alphaBar));
        out.resize(xt.rows(), xt.cols());
        out.noalias() = invNoise * (xt - signal * mean);
    };
}

Batch oraclePosteriorMean(const Batch& data, const Schedule& schedule, const Batch& xt, int t) {
    checkData(data);
    checkStep(schedule, t);
    if (xt.cols() != data.cols())
        throw Error("x_t must have the data's dimension " + std::to_string(data.cols()));
    const MixtureData<float> mixture = makeMixtureData<float>(data);
    Batch mean;
    mixturePosterior<float>(mixture, schedule.alphaBar(t), xt, nullptr, &mean);
    return mean;
}

Batch subsampleRows(const Batch& data, int maxRows, Rng& rng) {
    if (maxRows < 1) throw Error("subsample size must be at least 1, got " + std::to_string(maxRows));
    const auto n = static_cast<int>(data.rows());
    if (n <= maxRows) return data;
    // Partial Fisher–Yates over the indices, then sorted so the kept rows stay in their original order.
    std::vector<int> index(static_cast<std::size_t>(n));
    std::iota(index.begin(), index.end(), 0);
    for (int i = 0; i < maxRows; ++i) std::swap(index[i], index[rng.uniformInt(i, n - 1)]);
    index.resize(static_cast<std::size_t>(maxRows));
    std::sort(index.begin(), index.end());
    Batch out(maxRows, data.cols());
    for (int i = 0; i < maxRows; ++i) out.row(i) = data.row(index[i]);
    return out;
}

}  // namespace dl
