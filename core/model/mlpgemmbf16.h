// The hidden layers' products in bfloat16 for sampling (bf16weights.h has why and the weights' layout):
// C (H × n, float) = W · X with W packed in bf16 pairs and X converted to bf16 column by column, every
// multiply–add by vdpbf16ps (two bf16 products summed into a float lane), the sums in float.
//
// The same register blocking as the float kernel (mlpgemm.h): a tile of 32 rows × 12 columns of C in 24
// accumulators, two zmm of W (16 rows × one pair of columns each) and a broadcast pair of X per step.
// Included by mlpkernelbody.h in the AVX-512 build when the compiler has AVX-512 BF16.
#pragma once

#if defined(__AVX512BF16__)
#include <immintrin.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace dl::DL_KERNEL_NS::gemmbf16 {

using Index = std::ptrdiff_t;

constexpr int kTileColumns = 12;
constexpr Index kBlockColumns = 96;

/// dst (column j at dst + j·2·pairs) = the first k rows of src (k × n floats, leading dimension ldSrc) in
/// bf16, rounded to nearest even, rows k..2·pairs−1 zero.
inline void convertColumns(const float* src, Index ldSrc, Index k, Index n, std::uint16_t* dst, Index pairs) {
    const Index rows = 2 * pairs;
    for (Index j = 0; j < n; ++j) {
        const float* s = src + j * ldSrc;
        std::uint16_t* d = dst + j * rows;
        Index i = 0;
        for (; i + 16 <= k; i += 16)
            _mm256_storeu_si256(reinterpret_cast<__m256i*>(d + i),
                                reinterpret_cast<__m256i>(_mm512_cvtneps_pbh(_mm512_loadu_ps(s + i))));
        if (i < k) {
            const __mmask16 lanes = static_cast<__mmask16>((1u << (k - i)) - 1u);
            _mm256_mask_storeu_epi16(
                d + i, lanes,
                reinterpret_cast<__m256i>(_mm512_cvtneps_pbh(_mm512_maskz_loadu_ps(lanes, s + i))));
        }
        for (Index r = k; r < rows; ++r) d[r] = 0;
    }
}

/// c[0..MV·16) × [0..NR) = Σ_p a-pairs · b-pairs over p < pairs; a points at the first of MV consecutive
/// 16-row blocks (blockStride values apart), b at column 0 of NR columns ldb values apart.
template <int MV, int NR>
inline void tile(const std::uint16_t* a, Index blockStride, const std::uint16_t* b, Index ldb, float* c,
                 Index ldc, Index pairs) {
    __m512 acc[MV][NR];
#pragma GCC unroll 16
    for (int j = 0; j < NR; ++j)
#pragma GCC unroll 4
        for (int v = 0; v < MV; ++v) acc[v][j] = _mm512_setzero_ps();
    for (Index p = 0; p < pairs; ++p) {
        __m512bh av[MV];
#pragma GCC unroll 4
        for (int v = 0; v < MV; ++v)
            av[v] = reinterpret_cast<__m512bh>(_mm512_loadu_si512(a + v * blockStride + p * 32));
#pragma GCC unroll 16
        for (int j = 0; j < NR; ++j) {
            std::int32_t pair;
            std::memcpy(&pair, b + j * ldb + 2 * p, sizeof pair);
            const __m512bh bv = reinterpret_cast<__m512bh>(_mm512_set1_epi32(pair));
#pragma GCC unroll 4
            for (int v = 0; v < MV; ++v) acc[v][j] = _mm512_dpbf16_ps(acc[v][j], av[v], bv);
        }
    }
#pragma GCC unroll 16
    for (int j = 0; j < NR; ++j)
#pragma GCC unroll 4
        for (int v = 0; v < MV; ++v) _mm512_storeu_ps(c + j * ldc + 16 * v, acc[v][j]);
}

template <int MV>
inline void columnBlock(int nr, const std::uint16_t* a, Index blockStride, const std::uint16_t* b, Index ldb,
                        float* c, Index ldc, Index pairs) {
    switch (nr) {
#define DL_GEMM_BF16_CASE(N)                                \
    case N:                                                 \
        tile<MV, N>(a, blockStride, b, ldb, c, ldc, pairs); \
        break;
        DL_GEMM_BF16_CASE(1)
        DL_GEMM_BF16_CASE(2)
        DL_GEMM_BF16_CASE(3)
        DL_GEMM_BF16_CASE(4)
        DL_GEMM_BF16_CASE(5)
        DL_GEMM_BF16_CASE(6)
        DL_GEMM_BF16_CASE(7)
        DL_GEMM_BF16_CASE(8)
        DL_GEMM_BF16_CASE(9)
        DL_GEMM_BF16_CASE(10)
        DL_GEMM_BF16_CASE(11)
        DL_GEMM_BF16_CASE(12)
#undef DL_GEMM_BF16_CASE
        default:
            break;
    }
}

/// C (16·blocks × n, leading dimension ldc) = W·X over the first `pairs` column pairs of W: W packed as
/// bf16weights.h describes with `packedPairs` pairs per block, X in bf16 (column j at b + j·ldb).
inline void product(const std::uint16_t* w, Index blocks, Index packedPairs, const std::uint16_t* b,
                    Index ldb, float* c, Index ldc, Index n, Index pairs) {
    const Index blockStride = packedPairs * 32;
    for (Index jc = 0; jc < n; jc += kBlockColumns) {
        const Index jEnd = std::min(n, jc + kBlockColumns);
        for (Index i0 = 0; i0 < blocks; i0 += 2) {
            const bool two = i0 + 2 <= blocks;
            for (Index j0 = jc; j0 < jEnd; j0 += kTileColumns) {
                const int nr = static_cast<int>(std::min<Index>(kTileColumns, jEnd - j0));
                const std::uint16_t* a = w + i0 * blockStride;
                float* cj = c + j0 * ldc + 16 * i0;
                if (two)
                    columnBlock<2>(nr, a, blockStride, b + j0 * ldb, ldb, cj, ldc, pairs);
                else
                    columnBlock<1>(nr, a, blockStride, b + j0 * ldb, ldb, cj, ldc, pairs);
            }
        }
    }
}

}  // namespace dl::DL_KERNEL_NS::gemmbf16
#endif
