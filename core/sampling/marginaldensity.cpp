#include "core/sampling/marginaldensity.h"

#include <cmath>
#include <numbers>
#include <string>

#include "core/math/error.h"

namespace dl {

MarginalDensity::MarginalDensity(const Batch& data, const Schedule& schedule) : mSchedule(schedule) {
    if (data.rows() < 1 || data.cols() < 1)
        throw Error("the density of q(x_t) needs at least one data point");
    mData = makeMixtureData<double>(data);
}

void MarginalDensity::check(int t, const Batch& queries) const {
    if (t < 1 || t > mSchedule.T())
        throw Error("timestep t must be from 1 to " + std::to_string(mSchedule.T()) + ", got " +
                    std::to_string(t));
    if (queries.cols() != mData.points.cols())
        throw Error("query points must have the data's dimension " + std::to_string(mData.points.cols()) +
                    ", got " + std::to_string(queries.cols()));
}

Eigen::VectorXd MarginalDensity::logDensity(int t, const Batch& queries) const {
    check(t, queries);
    const double v = 1.0 - mSchedule.alphaBar(t);
    const MixtureData<double>::Rows q = queries.cast<double>();
    Eigen::VectorXd lse;
    mixturePosterior<double>(mData, mSchedule.alphaBar(t), q, &lse, nullptr);
    const double constant =
        -std::log(static_cast<double>(size())) - 0.5 * dim() * std::log(2.0 * std::numbers::pi * v);
    Eigen::VectorXd out = lse - q.rowwise().squaredNorm() / (2.0 * v);
    out.array() += constant;
    return out;
}

Eigen::VectorXd MarginalDensity::density(int t, const Batch& queries) const {
    Eigen::VectorXd out = logDensity(t, queries).array().exp().matrix();
    return out;
}

Batch MarginalDensity::score(int t, const Batch& queries) const {
    check(t, queries);
    const double alphaBar = mSchedule.alphaBar(t);
    const MixtureData<double>::Rows q = queries.cast<double>();
    MixtureData<double>::Rows mean;
    mixturePosterior<double>(mData, alphaBar, q, nullptr, &mean);
    const MixtureData<double>::Rows s = (std::sqrt(alphaBar) * mean - q) / (1.0 - alphaBar);
    Batch out = s.cast<float>();
    return out;
}

}  // namespace dl
