#include "core/data/dataset.h"

#include <cmath>
#include <string>

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
    // In double: float sums of values near 3e38 overflow to inf and the mean becomes NaN.
    const Eigen::MatrixXd wide = raw.cast<double>();
    const Eigen::RowVectorXd mean = wide.colwise().mean();
    const double meanSquare = (wide.rowwise() - mean).squaredNorm() / static_cast<double>(wide.size());
    if (!mean.allFinite() || mean.cwiseAbs().maxCoeff() > 1e30 || !std::isfinite(meanSquare) ||
        std::sqrt(meanSquare) > 1e30)
        throw Error("the coordinates are too large to normalise (beyond ±1e30); rescale the data");
    Normalisation n;
    n.offset = mean.transpose().cast<float>();
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
    if (raw.cols() != 2) throw Error("a point data set needs 2 columns (x, y), got " + std::to_string(raw.cols()));
    if (raw.rows() < 1) throw Error("a point data set needs at least 1 point");
    if (!raw.allFinite()) throw Error("a point data set must not contain NaN or infinite coordinates");
    DataSet set;
    set.kind = DataKind::Points2D;
    set.name = std::move(name);
    set.norm = fitPointNormalisation(raw);
    set.points = set.norm.toNormalised(raw);
    return set;
}

DataSet makeImageDataSet(std::string name, const Batch& pixels0to255, const ImageShape& shape) {
    if (shape.width < 1 || shape.height < 1 || (shape.channels != 1 && shape.channels != 3))
        throw Error("image shape must be at least 1×1 with 1 or 3 channels, got " + std::to_string(shape.width) + "×" +
                    std::to_string(shape.height) + "×" + std::to_string(shape.channels));
    if (pixels0to255.cols() != shape.dim())
        throw Error("image data have " + std::to_string(pixels0to255.cols()) + " values per image, the shape needs " +
                    std::to_string(shape.dim()));
    if (pixels0to255.rows() < 1) throw Error("an image data set needs at least 1 image");
    DataSet set;
    set.kind = DataKind::Image;
    set.name = std::move(name);
    set.image = shape;
    set.norm = imageNormalisation(shape.dim());
    set.points = set.norm.toNormalised(pixels0to255);
    return set;
}

}  // namespace dl
