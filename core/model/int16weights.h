// The input layer's and the hidden blocks' weights in 16-bit integers, laid out for the integer product
// (mlpgemmint16.h), for sampling only: with AVX2 (vpmaddwd) on CPUs without AVX-512, a vpmaddwd does
// sixteen multiply–adds where a float FMA does eight; with AVX-512 VNNI (vpdpwssd), 32 where a float FMA
// does sixteen. The reverse chain is mostly matrix products (docs/performance.md).
//
// Scaling: each row i of W_l is stored as round(W(i, ·) / rowScale_i) with rowScale_i = max|W(i, ·)| /
// limit_l, and each input column likewise with its own scale (mlpgemmint16.h, quantizeColumn); a product
// is the int32 sum times both scales. limit_l = ⌊√((2³¹ − 1) / (2·pairs_l))⌋ − 1 keeps the int32 sum of
// 2·pairs_l products of magnitude ≤ limit_l² from overflowing, whatever the values: 2,363 for the
// default input layer (384 inputs), 4,094 for a 128-wide block, so every weight and input carries an
// error of at most half a unit, 2⁻¹³ to 2⁻¹² of its row's or column's largest value (bfloat16 keeps 2⁻⁹
// of each value). Training never uses it.
//
// Layout of layer l (W_l is H × K, column-major): R-row blocks of W (R = blockRows: 8 for the AVX2
// kernel, 16 for the AVX-512 VNNI one), and in each block the columns in pairs (2p, 2p+1), a pair of one
// row next to each other: value (block b, pair p, row i, e) is at offset[l] + ((b·pairs[l] + p)·R + i)·2
// + e, with W(R·b + i, 2p + e) / rowScale, or 0 past an odd K. One pair for R rows is one ymm (R = 8) or
// one zmm (R = 16) register.
//
//   const dl::Int16Weights packed = dl::packInt16Weights(net.kernelShape(), net.parameters().data());
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/model/mlpkernel.h"

namespace dl {

struct Int16Weights {
    std::vector<std::int16_t> values;
    std::vector<float> rowScale;  ///< per layer 0..L, H values at l·H: what one unit of row i is worth
    std::vector<std::ptrdiff_t> offset;  ///< per layer 0..L: start of its packed weights in values
    std::vector<std::ptrdiff_t> pairs;   ///< per layer 0..L: ⌈K/2⌉
    std::vector<int> limit;              ///< per layer 0..L: the largest magnitude of a weight or input
    int blockRows = 0;                   ///< R of the layout above
    /// W_out (d × H) as d rows of H floats, for the last block's pass, which computes the output while each
    /// column is still in registers (mlpkernelbody.h); empty when d > kFusedOutputMaxDim. Not quantised.
    std::vector<float> outputRows;
    bool empty() const { return values.empty(); }
};

/// Networks with at most this many outputs get the output layer fused into the last block's pass (one
/// vector accumulator per output); wider ones (images) keep Eigen's product.
constexpr std::ptrdiff_t kFusedOutputMaxDim = 4;

/// The largest magnitude a weight or input may take in a product over `pairs` column pairs (see above).
int int16ProductLimit(std::ptrdiff_t pairs);

/// Whether a network of this shape can take int16 products: its width H is a multiple of 16 (the same
/// condition as bf16Packable: the product kernel's tiles are 16 rows).
bool int16Packable(const MlpKernelShape& shape);

/// Packs W_0..W_L of `params` (in the layout the shape's offsets describe) in blockRows-row blocks (by
/// default the block of the kernels this CPU runs, mlpKernels().int16BlockRows); empty when
/// !int16Packable or a weight is not finite.
Int16Weights packInt16Weights(const MlpKernelShape& shape, const float* params, int blockRows = 0);

}  // namespace dl
