// The input layer's and the hidden blocks' products in 16-bit integers for sampling, on CPUs with AVX2 and
// no AVX-512, or with AVX-512 VNNI (int16weights.h has why, the scaling and the weights' layout):
// C (H × n, float) = W · X with W packed in int16 pairs and X quantised column by column, every
// multiply–add by vpmaddwd (two int16 products summed into an int32 lane; vpdpwssd with VNNI), the sums
// in int32, scaled back to float once per tile.
//
// Register tile: 16 rows × 4 columns of C in 8 int32 accumulators (named variables: GCC keeps an array
// of vectors on the stack), two ymm of W (8 rows × one pair of columns each) and the broadcast pairs;
// the depth loop unrolled 4 times. Measured for the default network's shapes on a Zen 3 core: 75 G
// multiply–adds/s, where float FMA peaks at 50. Six columns (12 accumulators) measured 44: GCC then
// runs out of the 16 ymm registers.
//
// With AVX-512 VNNI (the AVX-512 build, mlpkernelavx512.cpp) the product is vpdpwssd on zmm instead: one
// instruction does 32 multiply–adds into 16 int32 lanes, and W is packed in 16-row blocks (kBlockRows).
// Its tile is the bf16 kernel's (mlpgemmbf16.h): 32 rows × 12 columns in 24 accumulators. Measured on an
// Intel Xeon (Emerald Rapids) core: vpdpwssd zmm runs 5.1 G per second, vfmadd zmm 5.5 G, vdpbf16ps
// zmm 1.35 G, so 16-bit integers do about twice the float multiply–adds per second there and four
// times bfloat16's.
// Included by mlpkernelbody.h.
#pragma once

#if defined(__AVX2__)
#include <immintrin.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

namespace dl::DL_KERNEL_NS::gemmint16 {

using Index = std::ptrdiff_t;

constexpr int kTileColumns = 4;
constexpr Index kBlockColumns = 96;

/// Largest |x| of n floats (NaN if any is NaN).
inline float maxAbs(const float* x, Index n) {
    const __m256 signBit = _mm256_set1_ps(-0.0f);
    __m256 m = _mm256_setzero_ps();
    __m256 nan = _mm256_setzero_ps();
    Index i = 0;
    for (; i + 8 <= n; i += 8) {
        const __m256 v = _mm256_loadu_ps(x + i);
        m = _mm256_max_ps(m, _mm256_andnot_ps(signBit, v));
        nan = _mm256_or_ps(nan, _mm256_cmp_ps(v, v, _CMP_UNORD_Q));
    }
    alignas(32) float lanes[8];
    _mm256_store_ps(lanes, m);
    float result = *std::max_element(lanes, lanes + 8);
    bool anyNan = _mm256_movemask_ps(nan) != 0;
    for (; i < n; ++i) {
        result = std::max(result, std::fabs(x[i]));
        anyNan = anyNan || std::isnan(x[i]);
    }
    return anyNan ? std::numeric_limits<float>::quiet_NaN() : result;
}

/// dst[0..rows) = round(src·limit / max|src|), rows k..rows−1 zero; returns the column's scale max|src| /
/// limit (what one unit of dst is worth). A column that is not finite gets the scale NaN, so the layer's
/// output is NaN there as it would be in float, and the sampler's check sees it.
inline float quantizeColumn(const float* src, Index k, std::int16_t* dst, Index rows, int limit) {
    const float peak = maxAbs(src, k);
    if (!std::isfinite(peak)) {
        std::memset(dst, 0, sizeof(std::int16_t) * static_cast<std::size_t>(rows));
        return std::numeric_limits<float>::quiet_NaN();
    }
    const float toUnits = peak > 0.0f ? static_cast<float>(limit) / peak : 0.0f;
    const __m256 scale = _mm256_set1_ps(toUnits);
    Index i = 0;
    for (; i + 16 <= k; i += 16) {
        const __m256i lo = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(src + i), scale));
        const __m256i hi = _mm256_cvtps_epi32(_mm256_mul_ps(_mm256_loadu_ps(src + i + 8), scale));
        // packs works within 128-bit halves: lo0 hi0 lo1 hi1, put back in order.
        const __m256i packed = _mm256_permute4x64_epi64(_mm256_packs_epi32(lo, hi), 0xD8);
        _mm256_storeu_si256(reinterpret_cast<__m256i*>(dst + i), packed);
    }
    for (; i < k; ++i) dst[i] = static_cast<std::int16_t>(std::lrintf(src[i] * toUnits));
    for (Index r = k; r < rows; ++r) dst[r] = 0;
    return peak / static_cast<float>(limit);
}

/// Each of n columns of src (k × n floats, leading dimension ldSrc) quantised into dst (column j at
/// dst + j·2·pairs), its scale in columnScale[j].
inline void quantizeColumns(const float* src, Index ldSrc, Index k, Index n, std::int16_t* dst, Index pairs,
                            float* columnScale, int limit) {
    for (Index j = 0; j < n; ++j)
        columnScale[j] = quantizeColumn(src + j * ldSrc, k, dst + j * 2 * pairs, 2 * pairs, limit);
}

#if defined(__AVX512VNNI__)
/// Rows of W per packed block (int16weights.h): one pair of columns of a block fills one zmm.
constexpr int kBlockRows = 16;
constexpr int kWideTileColumns = 12;

/// c[0..MV·16) × [0..NR) = rowScale · (Σ_p a-pairs · b-pairs) · columnScale over p < pairs; a points at
/// the first of MV consecutive 16-row blocks (blockStride values apart), b at column 0 of NR columns ldb
/// values apart. Named accumulators, not an array: with an array GCC moved and spilled the accumulators
/// between the vpdpwssd (perf: more vmovdqa64 than vpdpwssd in the loop, 20 multiply–adds a cycle of 64).
template <int MV, int NR>
inline void tile(const std::int16_t* a, Index blockStride, const std::int16_t* b, Index ldb, float* c,
                 Index ldc, Index pairs, const float* rowScale, const float* columnScale) {
    static_assert(MV >= 1 && MV <= 2 && NR >= 1 && NR <= 12);
    const __m512i zero = _mm512_setzero_si512();
#define DL_INT16_ACC(J) __m512i t##J = zero, u##J = zero;
    DL_INT16_ACC(0)
    DL_INT16_ACC(1)
    DL_INT16_ACC(2)
    DL_INT16_ACC(3)
    DL_INT16_ACC(4)
    DL_INT16_ACC(5)
    DL_INT16_ACC(6)
    DL_INT16_ACC(7)
    DL_INT16_ACC(8)
    DL_INT16_ACC(9)
    DL_INT16_ACC(10)
    DL_INT16_ACC(11)
#undef DL_INT16_ACC
    const std::int16_t* a1p = a + blockStride;
    for (Index p = 0; p < pairs; ++p) {
        const __m512i a0 = _mm512_loadu_si512(a + p * 32);
        const __m512i a1 = MV > 1 ? _mm512_loadu_si512(a1p + p * 32) : zero;
// vpdpwssd by inline assembly: through the intrinsic, GCC 12 copied each accumulator to another
// register and back around every vpdpwssd (perf: 113 vmovdqa for 24 vpdpwssd in the loop).
#define DL_INT16_STEP(J)                                                                          \
    if constexpr (NR > J) {                                                                       \
        std::int32_t pair;                                                                        \
        std::memcpy(&pair, b + J * ldb + 2 * p, sizeof pair);                                     \
        const __m512i bv = _mm512_set1_epi32(pair);                                               \
        __asm__("vpdpwssd %[x], %[w], %[acc]" : [acc] "+v"(t##J) : [w] "v"(a0), [x] "v"(bv));     \
        if constexpr (MV > 1)                                                                     \
            __asm__("vpdpwssd %[x], %[w], %[acc]" : [acc] "+v"(u##J) : [w] "v"(a1), [x] "v"(bv)); \
    }
        DL_INT16_STEP(0)
        DL_INT16_STEP(1)
        DL_INT16_STEP(2)
        DL_INT16_STEP(3)
        DL_INT16_STEP(4)
        DL_INT16_STEP(5)
        DL_INT16_STEP(6)
        DL_INT16_STEP(7)
        DL_INT16_STEP(8)
        DL_INT16_STEP(9)
        DL_INT16_STEP(10)
        DL_INT16_STEP(11)
#undef DL_INT16_STEP
    }
    const __m512 rows0 = _mm512_loadu_ps(rowScale);
    const __m512 rows1 = MV > 1 ? _mm512_loadu_ps(rowScale + 16) : _mm512_setzero_ps();
    // A macro, not a lambda: GCC called the lambda out of line, the accumulators passed through memory.
#define DL_INT16_STORE(J)                                                                                  \
    if constexpr (NR > J) {                                                                                \
        const __m512 col = _mm512_set1_ps(columnScale[J]);                                                 \
        _mm512_storeu_ps(c + J * ldc, _mm512_mul_ps(_mm512_mul_ps(_mm512_cvtepi32_ps(t##J), rows0), col)); \
        if constexpr (MV > 1)                                                                              \
            _mm512_storeu_ps(c + J * ldc + 16,                                                             \
                             _mm512_mul_ps(_mm512_mul_ps(_mm512_cvtepi32_ps(u##J), rows1), col));          \
    }
    DL_INT16_STORE(0)
    DL_INT16_STORE(1)
    DL_INT16_STORE(2)
    DL_INT16_STORE(3)
    DL_INT16_STORE(4)
    DL_INT16_STORE(5)
    DL_INT16_STORE(6)
    DL_INT16_STORE(7)
    DL_INT16_STORE(8)
    DL_INT16_STORE(9)
    DL_INT16_STORE(10)
    DL_INT16_STORE(11)
#undef DL_INT16_STORE
}

template <int MV>
inline void columnBlock(int nr, const std::int16_t* a, Index blockStride, const std::int16_t* b, Index ldb,
                        float* c, Index ldc, Index pairs, const float* rowScale, const float* columnScale) {
    switch (nr) {
#define DL_GEMM_INT16_CASE(N)                                                      \
    case N:                                                                        \
        tile<MV, N>(a, blockStride, b, ldb, c, ldc, pairs, rowScale, columnScale); \
        break;
        DL_GEMM_INT16_CASE(1)
        DL_GEMM_INT16_CASE(2)
        DL_GEMM_INT16_CASE(3)
        DL_GEMM_INT16_CASE(4)
        DL_GEMM_INT16_CASE(5)
        DL_GEMM_INT16_CASE(6)
        DL_GEMM_INT16_CASE(7)
        DL_GEMM_INT16_CASE(8)
        DL_GEMM_INT16_CASE(9)
        DL_GEMM_INT16_CASE(10)
        DL_GEMM_INT16_CASE(11)
        DL_GEMM_INT16_CASE(12)
#undef DL_GEMM_INT16_CASE
        default:
            break;
    }
}

/// C (16·blocks × n, leading dimension ldc) = W·X over the first `pairs` column pairs of W: W packed as
/// int16weights.h describes in 16-row blocks with `packedPairs` pairs per block and its row scales, X
/// quantised (column j at b + j·ldb) with its column scales.
inline void product(const std::int16_t* w, Index blocks, Index packedPairs, const float* rowScale,
                    const std::int16_t* b, Index ldb, const float* columnScale, float* c, Index ldc, Index n,
                    Index pairs) {
    const Index blockStride = packedPairs * 2 * kBlockRows;
    for (Index jc = 0; jc < n; jc += kBlockColumns) {
        const Index jEnd = std::min(n, jc + kBlockColumns);
        // Two 16-row blocks at a time; one for the last when H is an odd multiple of 16.
        for (Index i0 = 0; i0 < blocks;) {
            const bool two = i0 + 2 <= blocks;
            for (Index j0 = jc; j0 < jEnd; j0 += kWideTileColumns) {
                const int nr = static_cast<int>(std::min<Index>(kWideTileColumns, jEnd - j0));
                const std::int16_t* a = w + i0 * blockStride;
                float* cTile = c + j0 * ldc + kBlockRows * i0;
                // Called directly, not through a pointer: each is inlined with its tiles (a pointer cost
                // 17 % of the chain step).
                if (two)
                    columnBlock<2>(nr, a, blockStride, b + j0 * ldb, ldb, cTile, ldc, pairs,
                                   rowScale + kBlockRows * i0, columnScale + j0);
                else
                    columnBlock<1>(nr, a, blockStride, b + j0 * ldb, ldb, cTile, ldc, pairs,
                                   rowScale + kBlockRows * i0, columnScale + j0);
            }
            i0 += two ? 2 : 1;
        }
    }
}
#else
/// Rows of W per packed block (int16weights.h): one pair of columns of a block fills one ymm.
constexpr int kBlockRows = 8;

/// c[0..16) × [0..NR) = rowScale · (Σ_p a-pairs · b-pairs) · columnScale over p < pairs; a points at the
/// first of two consecutive 8-row blocks (blockStride values apart), b at column 0 of NR columns ldb
/// values apart. Named accumulators, not an array: GCC keeps an array of vectors in memory or copies it
/// register to register every step.
template <int NR>
inline void tile(const std::int16_t* a, Index blockStride, const std::int16_t* b, Index ldb, float* c,
                 Index ldc, Index pairs, const float* rowScale, const float* columnScale) {
    static_assert(NR >= 1 && NR <= 4);
    const __m256i zero = _mm256_setzero_si256();
    __m256i t0 = zero, u0 = zero, t1 = zero, u1 = zero, t2 = zero, u2 = zero, t3 = zero, u3 = zero;
    const std::int16_t* a1p = a + blockStride;
    auto pairAt = [&](int j, Index p) {
        std::int32_t pair;
        std::memcpy(&pair, b + j * ldb + 2 * p, sizeof pair);
        return _mm256_set1_epi32(pair);
    };
#pragma GCC unroll 4
    for (Index p = 0; p < pairs; ++p) {
        const __m256i a0 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(a + p * 16));
        const __m256i a1 = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(a1p + p * 16));
#define DL_INT16_STEP(J)                                          \
    if constexpr (NR > J) {                                       \
        const __m256i bv = pairAt(J, p);                          \
        t##J = _mm256_add_epi32(t##J, _mm256_madd_epi16(a0, bv)); \
        u##J = _mm256_add_epi32(u##J, _mm256_madd_epi16(a1, bv)); \
    }
        DL_INT16_STEP(0)
        DL_INT16_STEP(1)
        DL_INT16_STEP(2)
        DL_INT16_STEP(3)
#undef DL_INT16_STEP
    }
    const __m256 rows0 = _mm256_loadu_ps(rowScale), rows1 = _mm256_loadu_ps(rowScale + 8);
    auto store = [&](int j, __m256i top, __m256i bottom) {
        const __m256 col = _mm256_set1_ps(columnScale[j]);
        _mm256_storeu_ps(c + j * ldc, _mm256_mul_ps(_mm256_mul_ps(_mm256_cvtepi32_ps(top), rows0), col));
        _mm256_storeu_ps(c + j * ldc + 8,
                         _mm256_mul_ps(_mm256_mul_ps(_mm256_cvtepi32_ps(bottom), rows1), col));
    };
    store(0, t0, u0);
    if constexpr (NR > 1) store(1, t1, u1);
    if constexpr (NR > 2) store(2, t2, u2);
    if constexpr (NR > 3) store(3, t3, u3);
}

inline void columnBlock(int nr, const std::int16_t* a, Index blockStride, const std::int16_t* b, Index ldb,
                        float* c, Index ldc, Index pairs, const float* rowScale, const float* columnScale) {
    switch (nr) {
#define DL_GEMM_INT16_CASE(N)                                                  \
    case N:                                                                    \
        tile<N>(a, blockStride, b, ldb, c, ldc, pairs, rowScale, columnScale); \
        break;
        DL_GEMM_INT16_CASE(1)
        DL_GEMM_INT16_CASE(2)
        DL_GEMM_INT16_CASE(3)
        DL_GEMM_INT16_CASE(4)
#undef DL_GEMM_INT16_CASE
        default:
            break;
    }
}

/// C (8·blocks × n, leading dimension ldc; blocks even) = W·X over the first `pairs` column pairs of W:
/// W packed as int16weights.h describes with `packedPairs` pairs per block and its row scales, X
/// quantised (column j at b + j·ldb) with its column scales.
inline void product(const std::int16_t* w, Index blocks, Index packedPairs, const float* rowScale,
                    const std::int16_t* b, Index ldb, const float* columnScale, float* c, Index ldc, Index n,
                    Index pairs) {
    const Index blockStride = packedPairs * 16;
    for (Index jc = 0; jc < n; jc += kBlockColumns) {
        const Index jEnd = std::min(n, jc + kBlockColumns);
        for (Index i0 = 0; i0 < blocks; i0 += 2)
            for (Index j0 = jc; j0 < jEnd; j0 += kTileColumns) {
                const int nr = static_cast<int>(std::min<Index>(kTileColumns, jEnd - j0));
                columnBlock(nr, w + i0 * blockStride, blockStride, b + j0 * ldb, ldb, c + j0 * ldc + 8 * i0,
                            ldc, pairs, rowScale + 8 * i0, columnScale + j0);
            }
    }
}
#endif

}  // namespace dl::DL_KERNEL_NS::gemmint16
#endif
