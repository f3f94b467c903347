// The input layer's and the hidden blocks' weights in bfloat16, laid out for the AVX-512 BF16 product
// (vdpbf16ps, mlpgemmbf16.h), for sampling only: a bf16 multiply–add instruction does twice the work of
// a float one, and the reverse chain is three quarters matrix products (docs/performance.md).
//
// bfloat16 keeps float's exponent and 8 of its 24 significant bits, so each weight and input carries a
// relative rounding error of at most 2⁻⁹; the products are summed in float. Training never uses it.
//
// Layout of layer l (W_l is H × K, column-major): 16-row blocks of W, and in each block the columns in
// pairs (2p, 2p+1), a pair of one row next to each other: value (block b, pair p, row i, e) is at
// offset[l] + ((b·pairs[l] + p)·16 + i)·2 + e, with W(16b + i, 2p + e), or 0 past an odd K. One pair for
// 16 rows is 64 bytes: one zmm register.
//
//   const dl::Bf16Weights packed = dl::packBf16Weights(net.kernelShape(), net.parameters().data());
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/model/mlpkernel.h"

namespace dl {

struct Bf16Weights {
    std::vector<std::uint16_t> values;
    std::vector<std::ptrdiff_t> offset;  ///< per layer 0..L: start of its packed weights in values
    std::vector<std::ptrdiff_t> pairs;   ///< per layer 0..L: ⌈K/2⌉
    bool empty() const { return values.empty(); }
};

/// Rounds to the nearest bfloat16, ties to even (as vcvtneps2bf16 does); NaN stays NaN.
std::uint16_t toBf16(float value);
float fromBf16(std::uint16_t value);

/// Whether a network of this shape can take bf16 products: its width H is a multiple of 16.
bool bf16Packable(const MlpKernelShape& shape);

/// Packs W_0..W_L of `params` (in the layout the shape's offsets describe); empty when !bf16Packable.
Bf16Weights packBf16Weights(const MlpKernelShape& shape, const float* params);

}  // namespace dl
