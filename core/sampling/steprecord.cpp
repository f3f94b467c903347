#include "core/sampling/steprecord.h"

#include <algorithm>

namespace dl {

const ReverseStepRecord* ReverseStepRecords::stepAt(int t) const {
    if (steps.empty()) return nullptr;
    if (t <= 0) return &steps.back();
    for (const ReverseStepRecord& step : steps)
        if (step.s < t && t <= step.t) return &step;
    return nullptr;
}

int ReverseStepRecords::slotOf(Eigen::Index row) const {
    const auto it = std::find(rows.begin(), rows.end(), row);
    return it == rows.end() ? -1 : static_cast<int>(it - rows.begin());
}

Batch ReverseStepRecords::path(int slot) const {
    if (slot < 0 || static_cast<std::size_t>(slot) >= rows.size() || steps.empty()) return {};
    const Eigen::Index d = steps.front().xt.cols();
    Batch out(static_cast<Eigen::Index>(steps.size()) + 1, d);
    for (std::size_t k = 0; k < steps.size(); ++k)
        out.row(static_cast<Eigen::Index>(k)) = steps[k].xt.row(slot);
    out.row(out.rows() - 1) = steps.back().next.row(slot);
    return out;
}

std::vector<Eigen::Index> leadingRowsWithin(Eigen::Index n, int steps, Eigen::Index dim,
                                            std::size_t maxBytes) {
    if (n <= 0 || steps <= 0 || dim <= 0) return {};
    const std::size_t perRow =
        std::size_t{6} * static_cast<std::size_t>(steps) * static_cast<std::size_t>(dim) * sizeof(float);
    const auto m =
        static_cast<Eigen::Index>(std::min<std::size_t>(static_cast<std::size_t>(n), maxBytes / perRow));
    std::vector<Eigen::Index> rows(static_cast<std::size_t>(m));
    for (Eigen::Index i = 0; i < m; ++i) rows[static_cast<std::size_t>(i)] = i;
    return rows;
}

namespace {

/// True when rows are 0, 1, …, M−1 (what leadingRowsWithin chooses): then a record is one block copy.
bool areLeadingRows(const std::vector<Eigen::Index>& rows) {
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (rows[i] != static_cast<Eigen::Index>(i)) return false;
    return true;
}

Batch gather(const Batch& from, const std::vector<Eigen::Index>& rows, bool leading) {
    const auto m = static_cast<Eigen::Index>(rows.size());
    if (leading) return from.topRows(m);  // row-major: contiguous
    Batch out(m, from.cols());
    for (Eigen::Index i = 0; i < m; ++i) out.row(i) = from.row(rows[static_cast<std::size_t>(i)]);
    return out;
}

}  // namespace

void appendStepRecord(ReverseStepRecords& records, int t, int s, double sigma, const Batch& xt,
                      const Batch& eps, const Batch& x0, const Batch& mean, const Batch& noise,
                      const Batch& next) {
    ReverseStepRecord step;
    step.t = t;
    step.s = s;
    step.sigma = sigma;
    const bool leading = areLeadingRows(records.rows);
    step.xt = gather(xt, records.rows, leading);
    step.eps = gather(eps, records.rows, leading);
    step.x0 = gather(x0, records.rows, leading);
    step.mean = gather(mean, records.rows, leading);
    step.noise = noise.size() == 0 ? Batch(Batch::Zero(step.xt.rows(), step.xt.cols()))
                                   : gather(noise, records.rows, leading);
    step.next = gather(next, records.rows, leading);
    records.steps.push_back(std::move(step));
}

}  // namespace dl
