// Shared numeric types. Data are float32 (points, pixels, activations); schedules are double.
//
// A Batch holds N samples of dimension d as an N×d row-major matrix: each sample is contiguous, so
// the same memory is also a column-major d×N matrix (one sample per column), which is the layout the
// MLP multiplies with. Eigen::Map converts between the two views without a copy.
#pragma once

#include <Eigen/Core>

namespace dl {

using Batch = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using ColumnBatch = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::ColMajor>;
using VectorF = Eigen::VectorXf;
using VectorD = Eigen::VectorXd;

}  // namespace dl
