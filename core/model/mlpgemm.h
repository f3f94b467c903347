// The matrix products of the MLP passes (mlpkernelbody.h): C (m×n) = A·B or A·Bᵀ, column-major with
// leading dimensions, written or added to C. Included by both kernel builds; in the AVX-512 build,
// float products whose m is a multiple of 16 (every hidden layer) run on the register-blocked kernel
// below, everything else on Eigen.
//
// Why not Eigen for all of them: for the network's shapes (m = 128..512 rows, k = 128..384, n = a batch
// of 32..2048) Eigen's general product first packs B into panels and zeroes C, which costs as much as
// a third of the product itself at batch 32 (measured with perf: packing 15 %, memset 5 % of a step).
// Here A (the weights, or a gradient) is read in place, one 32-row strip at a time, B is broadcast
// straight from its columns, and each 32×12 tile of C is summed in 24 registers and stored once.
//
//   dl::DL_KERNEL_NS::gemm<float>(W, H, X, I, false, Y, H, H, B, I, false);   // Y = W·X
#pragma once

#include <Eigen/Core>
#include <algorithm>
#include <cstddef>
#include <type_traits>
#include <vector>

#if defined(__AVX512F__)
#include <immintrin.h>
#endif

namespace dl::DL_KERNEL_NS {

#if defined(__AVX512F__)
namespace gemm512 {

using Index = std::ptrdiff_t;

// Register tile: MV·16 rows × NR columns of C in MV·NR accumulators (2·12 = 24 of the 32 zmm registers;
// the rest hold A's strip and a broadcast). kDepth bounds the k-slice so a 32-row strip of A (at most
// 32·256 floats = 32 KiB) stays in L1 while the tiles of one column block reuse it.
constexpr int kTileColumns = 12;
constexpr Index kDepth = 256;
constexpr Index kBlockColumns = 96;  // 96 columns × kDepth floats of B = 96 KiB
constexpr Index kMinColumnsToTranspose = 128;

/// c[0..MV·16) × [0..NR) (+)= Σ_p a(:, p) · b(p, j) over p < k. B is K×N (bT = false: b(p, j) = b[j·ldb + p])
/// or N×K (bT = true: b(p, j) = b[p·ldb + j]).
template <int MV, int NR, bool BT>
inline void tile(const float* a, Index lda, const float* b, Index ldb, float* c, Index ldc, Index k,
                 bool add) {
    __m512 acc[MV][NR];
#pragma GCC unroll 16
    for (int j = 0; j < NR; ++j)
#pragma GCC unroll 4
        for (int v = 0; v < MV; ++v) acc[v][j] = _mm512_setzero_ps();
    for (Index p = 0; p < k; ++p) {
        __m512 av[MV];
#pragma GCC unroll 4
        for (int v = 0; v < MV; ++v) av[v] = _mm512_loadu_ps(a + p * lda + 16 * v);
#pragma GCC unroll 16
        for (int j = 0; j < NR; ++j) {
            const __m512 bv = _mm512_set1_ps(BT ? b[p * ldb + j] : b[j * ldb + p]);
#pragma GCC unroll 4
            for (int v = 0; v < MV; ++v) acc[v][j] = _mm512_fmadd_ps(av[v], bv, acc[v][j]);
        }
    }
#pragma GCC unroll 16
    for (int j = 0; j < NR; ++j)
#pragma GCC unroll 4
        for (int v = 0; v < MV; ++v) {
            float* out = c + j * ldc + 16 * v;
            _mm512_storeu_ps(out, add ? _mm512_add_ps(_mm512_loadu_ps(out), acc[v][j]) : acc[v][j]);
        }
}

/// One column block of nr ≤ kTileColumns columns for a strip of MV·16 rows.
template <int MV, bool BT>
inline void columnBlock(int nr, const float* a, Index lda, const float* b, Index ldb, float* c, Index ldc,
                        Index k, bool add) {
    switch (nr) {
#define DL_GEMM_CASE(N)                                  \
    case N:                                              \
        tile<MV, N, BT>(a, lda, b, ldb, c, ldc, k, add); \
        break;
        DL_GEMM_CASE(1)
        DL_GEMM_CASE(2)
        DL_GEMM_CASE(3)
        DL_GEMM_CASE(4)
        DL_GEMM_CASE(5)
        DL_GEMM_CASE(6)
        DL_GEMM_CASE(7)
        DL_GEMM_CASE(8)
        DL_GEMM_CASE(9)
        DL_GEMM_CASE(10)
        DL_GEMM_CASE(11)
        DL_GEMM_CASE(12)
#undef DL_GEMM_CASE
        default:
            break;
    }
}

/// C (+)= A·B or A·Bᵀ for m a multiple of 16. Blocked so that a 32-row strip of A (≤ kDepth deep) stays in
/// L1 while it meets every tile of a block of kBlockColumns columns of B, and that block stays in L2.
template <bool BT>
void product(const float* a, Index lda, const float* b, Index ldb, float* c, Index ldc, Index m, Index n,
             Index k, bool add) {
    for (Index p0 = 0; p0 < k; p0 += kDepth) {
        const Index kp = std::min(kDepth, k - p0);
        const bool addSlice = add || p0 > 0;
        const float* ap = a + p0 * lda;
        const float* bp = BT ? b + p0 * ldb : b + p0;
        for (Index jc = 0; jc < n; jc += kBlockColumns) {
            const Index jEnd = std::min(n, jc + kBlockColumns);
            for (Index i0 = 0; i0 < m; i0 += 32) {
                const bool full = i0 + 32 <= m;
                for (Index j0 = jc; j0 < jEnd; j0 += kTileColumns) {
                    const int nr = static_cast<int>(std::min<Index>(kTileColumns, jEnd - j0));
                    const float* bj = BT ? bp + j0 : bp + j0 * ldb;
                    float* cj = c + j0 * ldc + i0;
                    if (full)
                        columnBlock<2, BT>(nr, ap + i0, lda, bj, ldb, cj, ldc, kp, addSlice);
                    else
                        columnBlock<1, BT>(nr, ap + i0, lda, bj, ldb, cj, ldc, kp, addSlice);
                }
            }
        }
    }
}

}  // namespace gemm512
#endif

/// C (m×n, leading dimension ldc) = A·op(B), or C += A·op(B) when add; A is m×k (lda), B is k×n (ldb) or,
/// when bTransposed, n×k (op(B) = Bᵀ).
template <typename S>
void gemm(const S* a, std::ptrdiff_t lda, const S* b, std::ptrdiff_t ldb, bool bTransposed, S* c,
          std::ptrdiff_t ldc, std::ptrdiff_t m, std::ptrdiff_t n, std::ptrdiff_t k, bool add) {
#if defined(__AVX512F__)
    if constexpr (std::is_same_v<S, float>) {
        if (m % 16 == 0 && m > 0 && n > 0 && k > 0) {
            if (bTransposed)
                gemm512::product<true>(a, lda, b, ldb, c, ldc, m, n, k, add);
            else
                gemm512::product<false>(a, lda, b, ldb, c, ldc, m, n, k, add);
            return;
        }
    }
#endif
    using Mat = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>;
    using Stride = Eigen::OuterStride<>;
    Eigen::Map<Mat, 0, Stride> C(c, m, n, Stride(ldc));
    Eigen::Map<const Mat, 0, Stride> A(a, m, k, Stride(lda));
    if (bTransposed) {
        Eigen::Map<const Mat, 0, Stride> B(b, n, k, Stride(ldb));
        if (add)
            C.noalias() += A * B.transpose();
        else
            C.noalias() = A * B.transpose();
    } else {
        Eigen::Map<const Mat, 0, Stride> B(b, k, n, Stride(ldb));
        if (add)
            C.noalias() += A * B;
        else
            C.noalias() = A * B;
    }
}

/// C (+)= Aᵀ·B with A k×m (lda): A is transposed once into `scratch` (m×k), then multiplied as above, so
/// the register kernel reads it in place. Worth it when B has many columns (each element of A is used n
/// times).
template <typename S>
void gemmTransposedA(const S* a, std::ptrdiff_t lda, const S* b, std::ptrdiff_t ldb, S* c, std::ptrdiff_t ldc,
                     std::ptrdiff_t m, std::ptrdiff_t n, std::ptrdiff_t k, bool add,
                     std::vector<S>& scratch) {
    using Mat = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>;
    using Stride = Eigen::OuterStride<>;
    Eigen::Map<const Mat, 0, Stride> A(a, k, m, Stride(lda));
#if defined(__AVX512F__)
    // The transposed copy costs about as much as the product at batch 32 (perf: 14 % of a step), where
    // Eigen's packing of Aᵀ is cheaper; from kMinColumnsToTranspose columns on, the copy pays.
    if (std::is_same_v<S, float> && m % 16 == 0 && n >= gemm512::kMinColumnsToTranspose) {
        if (static_cast<std::ptrdiff_t>(scratch.size()) < m * k)
            scratch.resize(static_cast<std::size_t>(m * k));
        Eigen::Map<Mat>(scratch.data(), m, k) = A.transpose();
        gemm<S>(scratch.data(), m, b, ldb, false, c, ldc, m, n, k, add);
        return;
    }
#endif
    (void)scratch;
    Eigen::Map<Mat, 0, Stride> C(c, m, n, Stride(ldc));
    Eigen::Map<const Mat, 0, Stride> B(b, k, n, Stride(ldb));
    if (add)
        C.noalias() += A.transpose() * B;
    else
        C.noalias() = A.transpose() * B;
}

}  // namespace dl::DL_KERNEL_NS
