// The input layer's coordinate part, tabulated for sampling: with sinusoidal input features, W_0 times
// the features of coordinate j is a smooth function of the scalar x_j alone,
//
//   g_j(x) = Σ_k Wsin_jk sin(f_k x) + Wcos_jk cos(f_k x)            (H values; f_k includes the scale),
//
// so instead of 2·(F/2) sines and cosines and an H × F product per coordinate and call, the sampling pass
// evaluates the Taylor series of g_j around the nearest point of a grid, in the offset u = δ/step ∈
// [−½, ½] from it: g_j(x_g + u·step) = Σ_n c_n uⁿ with c_n = g_j⁽ⁿ⁾(x_g)·stepⁿ/n!, n = 0..5, tabulated once
// per model (computed in double) so that the kernel's series is a plain Horner in u. The grid step is
// 0.8 / max f_k, so |f_k δ| ≤ 0.4 and the series' remainder is at most 0.4⁶/6! ≈ 6·10⁻⁶ of each term's
// size: float rounding level. The default network's first layer is 40 % of the chain's multiply–adds and
// its sines and cosines another tenth of its time (docs/performance.md).
//
// c_0 and c_1 are stored as floats, c_2..c_5 as IEEE half floats: the table is bandwidth-bound (a 2D point
// reads one row per coordinate from L2 or L3), and halves cut the bytes read per point by a third. With
// |u| ≤ ½ and |c_n| ≤ A·0.8ⁿ/n! (A = Σ_k |Wsin_jk| + |Wcos_jk|, the bound on |g_j|), rounding to halves
// (at most 2⁻¹¹ of a value) costs at most 4.5·10⁻⁵·A, where the int16 products that follow round each
// input to 1/2,363 (4·10⁻⁴) of its column's largest value (int16weights.h). Scaling by stepⁿ keeps every
// c_n within A, far inside the halves' range, where the unscaled g⁽⁵⁾/5! reaches 25⁵/120 ≈ 8·10⁴ times
// the weights.
//
// Coordinates outside [−range, range] (or not finite) are computed exactly, as without the table. Only for
// sampling with reduced-precision products (modelpredictor.h); training and float32 sampling never use it.
//
// Layout: grid point g of coordinate j is a row of H/8 blocks of kInputTableBlockFloats floats at
// (j·rows + g)·(H/8)·kInputTableBlockFloats, read front to back by the kernel. Block c (rows 8c..8c+7 of
// h): the 8 values of c_0, the 8 of c_1 (floats), then the 8 halves of c_2, …, c_5 packed two to a float:
// 128 bytes, 2 KB per coordinate and column for the default network (3 KB in floats alone).
//
//   const dl::InputLayerTable table = dl::buildInputLayerTable(net.kernelShape(), net.parameters().data(),
//                                                              net.coordinateFrequencies().data());
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/model/mlpkernel.h"

namespace dl {

struct InputLayerTable {
    std::vector<float> values;  ///< in the layout above (the halves' bits two to a float)
    std::ptrdiff_t rows = 0;    ///< grid points per coordinate
    int orders = 0;             ///< Taylor coefficients of u⁰..u^(orders−1)
    float low = 0.0f;           ///< the first grid point (−range)
    float step = 0.0f;          ///< between grid points
    bool empty() const { return values.empty(); }
    /// The view the kernels take (empty view when the table is).
    InputTableView view() const {
        return {values.empty() ? nullptr : values.data(), rows, orders, low, step};
    }
};

/// Taylor coefficients of u⁰..u^(kInputTableOrders−1) of each coordinate's function are tabulated.
constexpr int kInputTableOrders = 6;
/// The first this many coefficients are floats, the others halves.
constexpr int kInputTableFloatOrders = 2;
/// Floats per block of 8 rows: 8 per float coefficient, 4 (8 halves) per half coefficient.
constexpr std::ptrdiff_t kInputTableBlockFloats =
    8 * kInputTableFloatOrders + 4 * (kInputTableOrders - kInputTableFloatOrders);
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
/// finite, a coefficient is beyond the halves' range, or the table would exceed kInputTableMaxBytes.
InputLayerTable buildInputLayerTable(const MlpKernelShape& shape, const float* params, const float* freqX);

/// The IEEE 754 half float nearest to value (ties to even), as its 16 bits: what the F16C instruction
/// vcvtps2ph gives, written out so that the table is built the same on any CPU. Beyond the halves' range
/// (|value| ≥ 65520), ±infinity; NaN stays NaN.
std::uint16_t toHalfBits(float value);

}  // namespace dl
