#include "core/data/dataset.h"

#include <cmath>

#include "core/math/error.h"

namespace dl {

Batch Normalisation::toNormalised(const Batch& raw) const {
    Batch out = (raw.rowwise() - offset.transpose()) / scale;
    return out;
}

Batch Normalisation::toData(const Batch& normalised) const {
    Batch out = (normalised * scale).rowwise() + offset.transpose();
    return out;
}

Normalisation fitPointNormalisation(const Batch& raw) {
    if (raw.rows() < 1) throw Error("cannot normalise an empty data set");
    Normalisation n;
    n.offset = raw.colwise().mean().transpose();
    const Batch centred = raw.rowwise() - n.offset.transpose();
    const double meanSquare = centred.cast<double>().squaredNorm() / static_cast<double>(centred.size());
    // A data set that is a single point (or numerically so) keeps unit scale rather than dividing by 0.
    n.scale = meanSquare > 1e-20 ? static_cast<float>(std::sqrt(meanSquare)) : 1.0f;
    return n;
}

Normalisation imageNormalisation(int dim) {
    Normalisation n;
    n.offset = VectorF::Constant(dim, 127.5f);
    n.scale = 127.5f;
    return n;
}

DataSet makePointDataSet(std::string name, const Batch& raw) {
    DataSet set;
    set.kind = DataKind::Points2D;
    set.name = std::move(name);
    set.norm = fitPointNormalisation(raw);
    set.points = set.norm.toNormalised(raw);
    return set;
}

}  // namespace dl
