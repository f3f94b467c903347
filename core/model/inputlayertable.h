// The input layer's coordinate part, tabulated for sampling: with sinusoidal input features, W_0 times
// the features of coordinate j is a smooth function of the scalar x_j alone,
//
//   g_j(x) = Σ_k Wsin_jk sin(f_k x) + Wcos_jk cos(f_k x)            (H values; f_k includes the scale),
//
// so instead of 2·(F/2) sines and cosines and an H × F product per coordinate and call, the sampling pass
// evaluates the Taylor series of g_j around the nearest point of a grid: g_j(x_g + δ) = Σ_n δⁿ/n!
// g_j⁽ⁿ⁾(x_g), n = 0..5, with the coefficients g_j⁽ⁿ⁾(x_g)/n! tabulated once per model (in double, stored in
// float) so that the kernel's series is a plain Horner in δ. The grid
// step is 0.8 / max f_k, so |f_k δ| ≤ 0.4 and the series' remainder is at most 0.4⁶/6! ≈ 6·10⁻⁶ of each
// term's size: float rounding level. The default network's first layer is 40 % of the chain's multiply–adds
// and its sines and cosines another tenth of its time (docs/performance.md).
//
// Coordinates outside [−range, range] (or not finite) are computed exactly, as without the table. Only for
// sampling with reduced-precision products (modelpredictor.h); training and float32 sampling never use it.
//
// Layout: grid point g of coordinate j is one block of orders·H floats at (j·rows + g)·orders·H, read
// front to back by the kernel: for each 8 rows of h (chunk c), the 8 coefficients of δⁿ at
// c·orders·8 + n·8 within the block: one 3 KB stream per coordinate and column (default network).
//
//   const dl::InputLayerTable table = dl::buildInputLayerTable(net.kernelShape(), net.parameters().data(),
//                                                              net.coordinateFrequencies().data());
#pragma once

#include <cstddef>
#include <vector>

#include "core/model/mlpkernel.h"

namespace dl {

struct InputLayerTable {
    std::vector<float> values;
    std::ptrdiff_t rows = 0;  ///< grid points per coordinate
    int orders = 0;           ///< Taylor coefficients of δ⁰..δ^(orders−1)
    float low = 0.0f;         ///< the first grid point (−range)
    float step = 0.0f;        ///< between grid points
    bool empty() const { return values.empty(); }
    /// The view the kernels take (empty view when the table is).
    InputTableView view() const {
        return {values.empty() ? nullptr : values.data(), rows, orders, low, step};
    }
};

/// Taylor coefficients of δ⁰..δ^(kInputTableOrders−1) of each coordinate's function are tabulated.
constexpr int kInputTableOrders = 6;
/// Networks with more coordinates than this get no table (the kernel keeps their rows and coefficients on
/// the stack), nor do networks whose width H is not a multiple of 8.
constexpr std::ptrdiff_t kMaxTabulatedCoordinates = 16;

/// Largest |x| the table covers; the default range of normalised data and of x_T ~ N(0, I) lies well inside.
constexpr double kInputTableRange = 8.0;
/// Tables larger than this are not built (a wide network over many coordinates, e.g. images): the
/// sampling pass then computes the input layer as usual.
constexpr std::size_t kInputTableMaxBytes = std::size_t{32} << 20;

/// The table of a network with sinusoidal input features (shape.featureHalf > 0; freqX: its F/2
/// coordinate frequencies, scale included). Empty when there are none, a weight or frequency is not
/// finite, or the table would exceed kInputTableMaxBytes.
InputLayerTable buildInputLayerTable(const MlpKernelShape& shape, const float* params, const float* freqX);

}  // namespace dl
