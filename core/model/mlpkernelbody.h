// The body of the MLP kernels (interface and rationale in mlpkernel.h). Included by exactly two
// translation units, each defining DL_KERNEL_NS first: mlpkernelgeneric.cpp (the project's flags)
// and mlpkernelavx512.cpp (AVX-512, Eigen's namespace renamed). No include guard on purpose.
//
// The maths is that of mlp.h; what the body adds is fusion: the bias, the activation, its derivative
// and the residual skip run as one pass over blocks of columns small enough to stay in L1, the
// gradient's squared norm is summed while each weight gradient is still in cache, and AdamW + EMA
// run as one pass over blocks of parameters.
#ifndef DL_KERNEL_NS
#error "define DL_KERNEL_NS before including mlpkernelbody.h"
#endif

#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstring>
#include <type_traits>

#include "core/model/gelurational.h"
#include "core/model/inputlayertable.h"
#include "core/model/mlpgemm.h"
#include "core/model/mlpgemmbf16.h"
#include "core/model/mlpgemmint16.h"
#include "core/model/mlpkernel.h"

// Integer products for sampling (mlpgemmint16.h): vpmaddwd in the build without AVX-512, vpdpwssd in
// the AVX-512 build where the compiler has VNNI (used where the CPU has it too; bfloat16 otherwise, where
// the CPU has that).
#if defined(__AVX2__) && (!defined(__AVX512F__) || defined(__AVX512VNNI__))
#define DL_KERNEL_INT16_PRODUCTS 1
#endif

namespace dl::DL_KERNEL_NS {

using Index = std::ptrdiff_t;

template <typename S>
using Mat = Eigen::Matrix<S, Eigen::Dynamic, Eigen::Dynamic>;
template <typename S>
using Map = Eigen::Map<Mat<S>>;
template <typename S>
using CMap = Eigen::Map<const Mat<S>>;
template <typename S>
using ArrMap = Eigen::Map<Eigen::Array<S, Eigen::Dynamic, 1>>;
template <typename S>
using CArrMap = Eigen::Map<const Eigen::Array<S, Eigen::Dynamic, 1>>;

// Element blocks of this many values (whole columns) for the fused elementwise passes: 8 KiB of
// floats per buffer, so the pre-activation, tanh, derivative and skip of a block share L1.
constexpr Index kElementBlock = 2048;
// Parameter blocks of the AdamW sweep: five buffers of this many floats stay in L1 together.
constexpr Index kParameterBlock = 1024;

// activate: over n values, h ← act(h) (+ skip), deriv ← act'(h before) when deriv is not null.
// GELU is the tanh form (Hendrycks & Gimpel 2016, §2): ½x(1 + tanh u), u = √(2/π)(x + 0.044715x³);
//   d/dx = ½(1 + tanh u) + ½x(1 − tanh² u)·√(2/π)(1 + 3·0.044715x²).
// SiLU is x·σ(x), σ(x) = ½(1 + tanh(x/2)), d/dx = σ(x)(1 + x(1 − σ(x))). th is n values of scratch.
#if defined(__AVX512F__)
// GELU without its derivative (every sampling call): ½x(1 + tanh u) = x·σ(2u) = x / (1 + e^(−2u)), from
// one exp and a reciprocal refined by a Newton step, where Eigen's tanh takes a rational function with a
// division (perf: GELU was a sixth of the reverse chain). −2u is clamped to ±80 so that e^(−2u) stays
// finite; there x / (1 + e^80) is 0 to float precision.
inline __m512 gelu16(__m512 x) {
    const __m512 c2 = _mm512_set1_ps(-2.0f * 0.79788456080286535588f), k = _mm512_set1_ps(0.044715f);
    const __m512 limit = _mm512_set1_ps(80.0f);
    __m512 y = _mm512_mul_ps(c2, _mm512_fmadd_ps(_mm512_mul_ps(k, x), _mm512_mul_ps(x, x), x));
    y = _mm512_min_ps(_mm512_max_ps(y, _mm512_sub_ps(_mm512_setzero_ps(), limit)), limit);
    const __m512 d = _mm512_add_ps(_mm512_set1_ps(1.0f), Eigen::internal::pexp(y));
    __m512 q = _mm512_rcp14_ps(d);
    q = _mm512_mul_ps(q, _mm512_fnmadd_ps(d, q, _mm512_set1_ps(2.0f)));
    return _mm512_mul_ps(x, q);
}

inline void geluForward(float* hp, const float* skipp, Index n) {
    for (Index i = 0; i < n; i += 16) {
        const __mmask16 lanes =
            i + 16 <= n ? static_cast<__mmask16>(0xFFFF) : static_cast<__mmask16>((1u << (n - i)) - 1u);
        __m512 g = gelu16(_mm512_maskz_loadu_ps(lanes, hp + i));
        if (skipp) g = _mm512_add_ps(g, _mm512_maskz_loadu_ps(lanes, skipp + i));
        _mm512_mask_storeu_ps(hp + i, lanes, g);
    }
}

#if defined(__AVX512BF16__)
// Sampling with bf16 products: h (H×B, H a multiple of 16) ← GELU(h + bias) (+ skip), and the result in
// bf16 as the next layer's input (column j at next + j·H), in one pass instead of three.
inline void biasGeluToBf16(float* h, const float* bias, const float* skip, Index H, Index B,
                           std::uint16_t* next) {
    for (Index j = 0; j < B; ++j)
        for (Index i = 0; i < H; i += 16) {
            const Index o = j * H + i;
            __m512 g = gelu16(_mm512_add_ps(_mm512_loadu_ps(h + o), _mm512_loadu_ps(bias + i)));
            if (skip) g = _mm512_add_ps(g, _mm512_loadu_ps(skip + o));
            _mm512_storeu_ps(h + o, g);
            _mm256_storeu_si256(reinterpret_cast<__m256i*>(next + o),
                                reinterpret_cast<__m256i>(_mm512_cvtneps_pbh(g)));
        }
}
#endif
#endif

#if defined(DL_KERNEL_INT16_PRODUCTS)
// Sampling with int16 products: h (H×B, H a multiple of 16) ← GELU(h + bias) (+ skip), and, when next is
// not null, the result quantised as the next layer's input (column j at next + j·H, its scale in
// columnScale[j]) while the column is still in L1. Without next: the last block, whose output goes to
// the float output layer (biasGeluToOutput does both where the output is narrow).
// Rows i..i+7 of one column: GELU(column + bias) (+ skipColumn, the residual, when not null).
inline __m256 biasGeluSkip8(const float* column, const float* bias, const float* skipColumn, Index i) {
    const __m256 g = geluRational8(_mm256_add_ps(_mm256_loadu_ps(column + i), _mm256_loadu_ps(bias + i)));
    return skipColumn ? _mm256_add_ps(g, _mm256_loadu_ps(skipColumn + i)) : g;
}

inline void biasGeluToInt16(float* h, const float* bias, const float* skip, Index H, Index B,
                            std::int16_t* next, float* columnScale, int limit) {
    for (Index j = 0; j < B; ++j) {
        float* column = h + j * H;
        const float* skipColumn = skip ? skip + j * H : nullptr;
        for (Index i = 0; i < H; i += 8)
            _mm256_storeu_ps(column + i, biasGeluSkip8(column, bias, skipColumn, i));
        if (next) columnScale[j] = gemmint16::quantizeColumn(column, H, next + j * H, H, limit);
    }
}

// The last block of the int16 sampling pass and the output layer in one: y (D×B) = W_out·(GELU(h + bias)
// (+ skip)) + outBias, each column's D dot products accumulated while its GELU values are in registers
// (outRows: W_out as D rows of H). h is not written: nothing reads the last block's activations when
// sampling. Replaces Eigen's product for d = 2, which packed h on every call (2–3 % of the chain).
template <int D>
void biasGeluToOutput(const float* h, const float* bias, const float* skip, Index H, Index B,
                      const float* outRows, const float* outBias, float* y) {
    static_assert(D >= 1 && D <= 4);
    for (Index j = 0; j < B; ++j) {
        const float* column = h + j * H;
        const float* skipColumn = skip ? skip + j * H : nullptr;
        __m256 acc0 = _mm256_setzero_ps(), acc1 = acc0, acc2 = acc0, acc3 = acc0;
        for (Index i = 0; i < H; i += 8) {
            const __m256 g = biasGeluSkip8(column, bias, skipColumn, i);
            acc0 = _mm256_fmadd_ps(_mm256_loadu_ps(outRows + i), g, acc0);
            if constexpr (D > 1) acc1 = _mm256_fmadd_ps(_mm256_loadu_ps(outRows + H + i), g, acc1);
            if constexpr (D > 2) acc2 = _mm256_fmadd_ps(_mm256_loadu_ps(outRows + 2 * H + i), g, acc2);
            if constexpr (D > 3) acc3 = _mm256_fmadd_ps(_mm256_loadu_ps(outRows + 3 * H + i), g, acc3);
        }
        float* out = y + j * D;
        out[0] = Eigen::internal::predux(acc0) + outBias[0];
        if constexpr (D > 1) out[1] = Eigen::internal::predux(acc1) + outBias[1];
        if constexpr (D > 2) out[2] = Eigen::internal::predux(acc2) + outBias[2];
        if constexpr (D > 3) out[3] = Eigen::internal::predux(acc3) + outBias[3];
    }
}
#endif

template <typename S>
void activate(KernelActivation act, S* hp, S* derivp, S* thp, const S* skipp, Index n) {
    ArrMap<S> x(hp, n), th(thp, n);
    switch (act) {
        case KernelActivation::Gelu: {
#if defined(__AVX512F__)
            if constexpr (std::is_same_v<S, float>) {
                if (!derivp) {
                    geluForward(hp, skipp, n);
                    break;
                }
            }
#endif
            const S c = static_cast<S>(0.79788456080286535588);  // √(2/π)
            const S k = static_cast<S>(0.044715);
            th = (c * (x + k * x * x * x)).tanh();
            if (derivp)
                ArrMap<S>(derivp, n) =
                    S(0.5) * (S(1) + th) + S(0.5) * x * (S(1) - th * th) * c * (S(1) + S(3) * k * x * x);
            if (skipp)
                x = S(0.5) * x * (S(1) + th) + CArrMap<S>(skipp, n);
            else
                x = S(0.5) * x * (S(1) + th);
            break;
        }
        case KernelActivation::Silu: {
            th = S(0.5) * (S(1) + (S(0.5) * x).tanh());
            if (derivp) ArrMap<S>(derivp, n) = th * (S(1) + x * (S(1) - th));
            if (skipp)
                x = x * th + CArrMap<S>(skipp, n);
            else
                x = x * th;
            break;
        }
        case KernelActivation::Relu:
            if (derivp) ArrMap<S>(derivp, n) = (x > S(0)).template cast<S>();
            if (skipp)
                x = x.max(S(0)) + CArrMap<S>(skipp, n);
            else
                x = x.max(S(0));
            break;
    }
}

// biasActivate: h (H×B) ← act(h + b) [+ skip], deriv ← act'(h + b), one pass per block of columns.
template <typename S>
void biasActivate(KernelActivation act, S* h, const S* b, S* deriv, S* scratch, const S* skip, Index H,
                  Index B) {
    const Index cols = std::max<Index>(1, kElementBlock / std::max<Index>(H, 1));
    Eigen::Map<const Eigen::Matrix<S, Eigen::Dynamic, 1>> bias(b, H);
    for (Index c0 = 0; c0 < B; c0 += cols) {
        const Index nc = std::min(cols, B - c0);
        const Index off = c0 * H;
        Map<S>(h + off, H, nc).colwise() += bias;
        activate<S>(act, h + off, deriv ? deriv + off : nullptr, scratch, skip ? skip + off : nullptr,
                    nc * H);
    }
}

// out (H × B) = W_l · in, in being the first k rows of a K × B matrix with leading dimension ldIn: in
// bfloat16 when the caller packed the weights for it (sampling only, mlpgemmbf16.h), in S otherwise.
// Or in 16-bit integers (mlpgemmint16.h), likewise. inReduced: finishLayer already left the input in
// a.bf16Input or a.int16Input.
template <typename S>
void layerProduct(const MlpForwardArgs<S>& a, int l, const S* in, Index ldIn, Index k, S* out,
                  bool inReduced = false) {
    const Index H = a.shape.hidden, B = a.batch;
#if defined(DL_KERNEL_INT16_PRODUCTS)
    if constexpr (std::is_same_v<S, float>) {
        if (a.int16Weights) {
            const Index pairs = (k + 1) / 2;
            if (!inReduced)
                gemmint16::quantizeColumns(in, ldIn, k, B, a.int16Input, pairs, a.int16ColumnScale,
                                           a.int16Limit[l]);
            gemmint16::product(a.int16Weights + a.int16Offset[l], H / gemmint16::kBlockRows, a.int16Pairs[l],
                               a.int16RowScale + l * H, a.int16Input, 2 * pairs, a.int16ColumnScale, out, H,
                               B, pairs);
            return;
        }
    }
#endif
#if defined(__AVX512BF16__)
    if constexpr (std::is_same_v<S, float>) {
        if (a.bf16Weights) {
            const Index pairs = (k + 1) / 2;
            if (!inReduced) gemmbf16::convertColumns(in, ldIn, k, B, a.bf16Input, pairs);
            gemmbf16::product(a.bf16Weights + a.bf16Offset[l], H / 16, a.bf16Pairs[l], a.bf16Input, 2 * pairs,
                              out, H, B, pairs);
            return;
        }
    }
#endif
    (void)inReduced;
    gemm<S>(a.params + a.shape.weightOffset[l], H, in, ldIn, false, out, H, H, B, k, false);
}

// What finishLayer left ready besides h.
struct FinishedLayer {
    bool nextInputReduced = false;  ///< the next layer's input is in a.bf16Input or a.int16Input
    bool outputWritten = false;     ///< y is computed (the last layer, fused: h was not written)
};

// h ← act(h + bias) (+ skip), deriv ← act'; with bf16 or int16 products, GELU and a next layer (its
// index; 0 for none), the next layer's input is written in the same pass; with int16 products and no
// next layer, the network's output where it is narrow enough (kFusedOutputMaxDim).
template <typename S>
FinishedLayer finishLayer(const MlpForwardArgs<S>& a, S* h, const S* bias, S* deriv, const S* skip,
                          int nextLayer) {
    const Index H = a.shape.hidden, B = a.batch;
#if defined(DL_KERNEL_INT16_PRODUCTS)
    if constexpr (std::is_same_v<S, float>) {
        if (a.int16Weights && !deriv && a.shape.activation == KernelActivation::Gelu) {
            const bool quantise = nextLayer > 0;  // the last block feeds the float output layer
            if (!quantise && a.int16OutputRows) {
                const float* outBias = a.params + a.shape.biasOffset[a.shape.layers + 1];
                switch (a.shape.dataDim) {
#define DL_FUSED_OUTPUT_CASE(D)                                                    \
    case D:                                                                        \
        biasGeluToOutput<D>(h, bias, skip, H, B, a.int16OutputRows, outBias, a.y); \
        return {false, true};
                    DL_FUSED_OUTPUT_CASE(1)
                    DL_FUSED_OUTPUT_CASE(2)
                    DL_FUSED_OUTPUT_CASE(3)
                    DL_FUSED_OUTPUT_CASE(4)
#undef DL_FUSED_OUTPUT_CASE
                    default:
                        break;  // wider outputs: Int16Weights keeps no output rows, so not reached
                }
            }
            biasGeluToInt16(h, bias, skip, H, B, quantise ? a.int16Input : nullptr, a.int16ColumnScale,
                            quantise ? a.int16Limit[nextLayer] : 0);
            return {quantise, false};
        }
    }
#endif
#if defined(__AVX512BF16__)
    if constexpr (std::is_same_v<S, float>) {
        if (a.bf16Weights && !deriv && nextLayer > 0 && a.shape.activation == KernelActivation::Gelu) {
            biasGeluToBf16(h, bias, skip, H, B, a.bf16Input);
            return {true, false};
        }
    }
#endif
    (void)nextLayer;
    biasActivate<S>(a.shape.activation, h, bias, deriv, a.scratch, skip, H, B);
    return {};
}

// Input lifting of columns [c0, c0 + n): z = [sin(x_j f_k) | cos(x_j f_k) for each coordinate j], or the
// raw coordinates; the time embedding rows are the caller's.
template <typename S>
void liftInputs(const MlpForwardArgs<S>& a, Index c0, Index n) {
    const MlpKernelShape& s = a.shape;
    const Index d = s.dataDim, I = s.inputWidth, half = s.featureHalf;
    Eigen::Map<Mat<S>, 0, Eigen::OuterStride<>> Z(a.z + c0 * I, I, n, Eigen::OuterStride<>(I));
    Eigen::Map<const Mat<S>, 0, Eigen::OuterStride<>> X(a.x + c0 * d, d, n, Eigen::OuterStride<>(d));
    if (half > 0) {
        Map<S> arg(a.scratch, half, n);
        Eigen::Map<const Eigen::Matrix<S, Eigen::Dynamic, 1>> f(a.freqX, half);
        for (Index j = 0; j < d; ++j) {
            arg.noalias() = f * X.row(j);
            Z.middleRows(j * 2 * half, half).array() = arg.array().sin();
            Z.middleRows(j * 2 * half + half, half).array() = arg.array().cos();
        }
    } else {
        Z.topRows(d) = X;
    }
}

#if defined(__AVX2__) && defined(__F16C__)
// Rows 8c..8c+7 of one coordinate's series Σ_n c_n uⁿ by Horner's rule, from block c of its grid row
// (inputlayertable.h: c_0 and c_1 in floats, then c_2..c_5 in halves).
inline __m256 tableSeries8(const float* block, __m256 u) {
    static_assert(kInputTableFloatOrders == 2 && kInputTableOrders == 6, "the unrolled layout below");
    const auto* halves = reinterpret_cast<const __m128i*>(block + 16);
    __m256 series = _mm256_cvtph_ps(_mm_loadu_si128(halves + 3));
    series = _mm256_fmadd_ps(series, u, _mm256_cvtph_ps(_mm_loadu_si128(halves + 2)));
    series = _mm256_fmadd_ps(series, u, _mm256_cvtph_ps(_mm_loadu_si128(halves + 1)));
    series = _mm256_fmadd_ps(series, u, _mm256_cvtph_ps(_mm_loadu_si128(halves)));
    series = _mm256_fmadd_ps(series, u, _mm256_loadu_ps(block + 8));
    return _mm256_fmadd_ps(series, u, _mm256_loadu_ps(block));
}

// h_0's coordinate part (without bias and time term) from the tabulated input layer (inputlayertable.h):
// per coordinate the Taylor series around the nearest grid point. A column with a coordinate off the
// grid (or not finite) gets the exact W_0·z instead. H is a multiple of 8 and d at most
// kMaxTabulatedCoordinates (buildInputLayerTable builds no table otherwise).
inline void tabulatedInputLayer(const MlpForwardArgs<float>& a) {
    const MlpKernelShape& s = a.shape;
    const InputTableView& t = a.inputTable;
    const Index B = a.batch, H = s.hidden, d = s.dataDim, I = s.inputWidth, Ix = I - s.timeEmbedding;
    const float lastRow = static_cast<float>(t.rows - 1), inverseStep = 1.0f / t.step;
    for (Index b = 0; b < B; ++b) {
        const float* x = a.x + b * d;
        bool onGrid = true;
        for (Index j = 0; j < d && onGrid; ++j) {
            const float u = (x[j] - t.low) * inverseStep;
            onGrid = u >= 0.0f && u <= lastRow;  // false for NaN too
        }
        if (!onGrid) {
            liftInputs<float>(a, b, 1);
            Eigen::Map<Eigen::VectorXf>(a.h[0] + b * H, H).noalias() =
                CMap<float>(a.params + s.weightOffset[0], H, Ix) *
                Eigen::Map<const Eigen::VectorXf>(a.z + b * I, Ix);
            continue;
        }
        // Per coordinate its grid row and its offset u from the grid point, in grid steps.
        const Index rowFloats = H / 8 * kInputTableBlockFloats;
        const float* rows[kMaxTabulatedCoordinates];
        __m256 u[kMaxTabulatedCoordinates];
        for (Index j = 0; j < d; ++j) {
            const Index g = static_cast<Index>(std::lrint((x[j] - t.low) * inverseStep));
            u[j] = _mm256_set1_ps((x[j] - (t.low + static_cast<float>(g) * t.step)) * inverseStep);
            rows[j] = t.values + (j * t.rows + g) * rowFloats;
        }
        float* out = a.h[0] + b * H;
        if (d == 2) {
            // The common case (2D points), both Horner chains of a block side by side: each is
            // kInputTableOrders − 1 dependent FMAs, and one chain at a time left the FMA units waiting.
            for (Index c = 0; c < H / 8; ++c)
                _mm256_storeu_ps(out + 8 * c,
                                 _mm256_add_ps(tableSeries8(rows[0] + c * kInputTableBlockFloats, u[0]),
                                               tableSeries8(rows[1] + c * kInputTableBlockFloats, u[1])));
            continue;
        }
        for (Index c = 0; c < H / 8; ++c) {
            __m256 sum = _mm256_setzero_ps();
            for (Index j = 0; j < d; ++j)
                sum = _mm256_add_ps(sum, tableSeries8(rows[j] + c * kInputTableBlockFloats, u[j]));
            _mm256_storeu_ps(out + 8 * c, sum);
        }
    }
}
#endif

template <typename S>
void forward(const MlpForwardArgs<S>& a) {
    const MlpKernelShape& s = a.shape;
    const Index B = a.batch, H = s.hidden, d = s.dataDim, E = s.timeEmbedding, I = s.inputWidth;
    const Index half = s.featureHalf, Ix = I - E;
    // Sampling evaluates the whole batch at one t: then W_0's time columns times the embedding of t is
    // the same for every sample, computed once as part of the bias (E of the I multiply–adds saved per
    // sample). Training keeps the full z, which the weight gradient needs.
    bool sharedT = !a.deriv && a.column && B > 1;
    for (Index b = 1; sharedT && b < B; ++b) sharedT = a.t[b] == a.t[0];
    bool tabulated = false;
#if defined(__AVX2__) && defined(__F16C__)
    if constexpr (std::is_same_v<S, float>) tabulated = sharedT && half > 0 && a.inputTable.values;
#endif
    if (!tabulated) liftInputs<S>(a, 0, B);
    auto W = [&](int l, Index rows, Index cols) { return CMap<S>(a.params + s.weightOffset[l], rows, cols); };
    auto deriv = [&](int l) { return a.deriv ? a.deriv[l] : nullptr; };
    FinishedLayer finished;  // what the last finishLayer left ready besides h
    const int firstBlock = s.layers > 0 ? 1 : 0;
    if (sharedT) {
        Eigen::Map<Eigen::Matrix<S, Eigen::Dynamic, 1>> column(a.column, H);
        column.noalias() = CMap<S>(a.params + s.weightOffset[0] + H * Ix, H, E) *
                           Eigen::Map<const Eigen::Matrix<S, Eigen::Dynamic, 1>>(a.timeTable + a.t[0] * E, E);
        column += Eigen::Map<const Eigen::Matrix<S, Eigen::Dynamic, 1>>(a.params + s.biasOffset[0], H);
#if defined(__AVX2__) && defined(__F16C__)
        if constexpr (std::is_same_v<S, float>) {
            if (tabulated) tabulatedInputLayer(a);
        }
#endif
        if (!tabulated) layerProduct<S>(a, 0, a.z, I, Ix, a.h[0]);
        finished = finishLayer<S>(a, a.h[0], a.column, nullptr, nullptr, firstBlock);
    } else {
        for (Index b = 0; b < B; ++b)
            std::memcpy(a.z + b * I + Ix, a.timeTable + static_cast<Index>(a.t[b]) * E, sizeof(S) * E);
        // h_0 = act(W_0 z + b_0)
        layerProduct<S>(a, 0, a.z, I, I, a.h[0]);
        finished = finishLayer<S>(a, a.h[0], a.params + s.biasOffset[0], deriv(0), nullptr, firstBlock);
    }
    // h_l = h_{l−1} + act(W_l h_{l−1} + b_l)
    for (int l = 1; l <= s.layers; ++l) {
        layerProduct<S>(a, l, a.h[l - 1], H, H, a.h[l], finished.nextInputReduced);
        finished = finishLayer<S>(a, a.h[l], a.params + s.biasOffset[l], deriv(l),
                                  s.residual ? a.h[l - 1] : nullptr, l < s.layers ? l + 1 : 0);
    }
    // y = W_out h_L + b_out (unless the last pass computed it already)
    if (finished.outputWritten) return;
    const int out = s.layers + 1;
    Map<S> Y(a.y, d, B);
    Y.noalias() = W(out, d, H) * CMap<S>(a.h[s.layers], H, B);
    Y.colwise() += Eigen::Map<const Eigen::Matrix<S, Eigen::Dynamic, 1>>(a.params + s.biasOffset[out], d);
}

// linearGrads: dW (O×I) = dout · inᵀ, db = Σ_B dout; adds Σ dW² + Σ db² to *norm while they are in cache.
template <typename S>
void linearGrads(S* dWp, S* dbp, const S* dout, const S* in, Index O, Index I, Index B, double* norm) {
    Map<S> dW(dWp, O, I);
    Eigen::Map<Eigen::Matrix<S, Eigen::Dynamic, 1>> db(dbp, O);
    CMap<S> dOut(dout, O, B);
    gemm<S>(dout, O, in, I, true, dWp, O, O, I, B, false);
    db.noalias() = dOut.rowwise().sum();
    if (norm) *norm += static_cast<double>(dW.squaredNorm()) + static_cast<double>(db.squaredNorm());
}

template <typename S>
void backward(const MlpBackwardArgs<S>& a) {
    const MlpKernelShape& s = a.shape;
    const Index B = a.batch, H = s.hidden, d = s.dataDim, I = s.inputWidth;
    auto W = [&](int l, Index rows, Index cols) { return CMap<S>(a.params + s.weightOffset[l], rows, cols); };
    // Wᵀ of each block, for the input-gradient products (one per thread, grown once).
    thread_local std::vector<S> transposed;
    double normSum = 0.0;
    double* norm = a.gradSquaredNorm ? &normSum : nullptr;
    Map<S> dh(a.dh, H, B), da(a.da, H, B);
    CMap<S> dY(a.dy, d, B);

    // Output layer: dW_out = dy h_Lᵀ, db_out = Σ dy, dh_L = W_outᵀ dy.
    const int out = s.layers + 1;
    linearGrads<S>(a.grads + s.weightOffset[out], a.grads + s.biasOffset[out], a.dy, a.h[s.layers], d, H, B,
                   norm);
    dh.noalias() = W(out, d, H).transpose() * dY;

    // Blocks, last to first: da = dh ⊙ act', dW_l = da h_{l−1}ᵀ, dh_{l−1} = W_lᵀ da (+ dh, residual skip).
    for (int l = s.layers; l >= 1; --l) {
        da.array() = dh.array() * CMap<S>(a.deriv[l], H, B).array();
        linearGrads<S>(a.grads + s.weightOffset[l], a.grads + s.biasOffset[l], a.da, a.h[l - 1], H, H, B,
                       norm);
        gemmTransposedA<S>(a.params + s.weightOffset[l], H, a.da, H, a.dh, H, H, B, H, s.residual,
                           transposed);
    }

    // Input layer: da = dh ⊙ act', dW_0 = da zᵀ; dz and dx only when asked for.
    da.array() = dh.array() * CMap<S>(a.deriv[0], H, B).array();
    linearGrads<S>(a.grads + s.weightOffset[0], a.grads + s.biasOffset[0], a.da, a.z, H, I, B, norm);
    if (a.gradSquaredNorm) *a.gradSquaredNorm = normSum;
    if (!a.dx) return;
    Map<S> dZ(a.dz, I, B);
    dZ.noalias() = W(0, H, I).transpose() * da;
    Map<S> dX(a.dx, d, B);
    const Index half = s.featureHalf;
    if (half == 0) {
        dX = dZ.topRows(d);
        return;
    }
    // ∂sin(x f)/∂x = f cos(x f), ∂cos(x f)/∂x = −f sin(x f): dx_j = Σ_k f_k (dz_sin z_cos − dz_cos z_sin).
    CMap<S> Z(a.z, I, B);
    Eigen::Map<const Eigen::Matrix<S, Eigen::Dynamic, 1>> f(a.freqX, half);
    for (Index j = 0; j < d; ++j) {
        const Index sn = j * 2 * half, cs = sn + half;
        for (Index b = 0; b < B; ++b) {
            S acc = 0;
            for (Index k = 0; k < half; ++k)
                acc += f[k] * (dZ(sn + k, b) * Z(cs + k, b) - dZ(cs + k, b) * Z(sn + k, b));
            dX(j, b) = acc;
        }
    }
}

template <typename S>
void product(const S* a, const S* b, S* out, Index rows, Index inner, Index cols, int mode) {
    Map<S> C(out, rows, cols);
    if (mode == 1)
        C.noalias() = CMap<S>(a, rows, inner) * CMap<S>(b, cols, inner).transpose();
    else if (mode == 2)
        C.noalias() = CMap<S>(a, inner, rows).transpose() * CMap<S>(b, inner, cols);
    else
        C.noalias() = CMap<S>(a, rows, inner) * CMap<S>(b, inner, cols);
}

#if defined(__AVX512F__)
// AdamW + EMA on 16 parameters: the same update with 1/(√v̂ + ε) from the approximate reciprocal square
// root and reciprocal (14 bits) refined by one Newton step each (≈ 2⁻²⁷ relative error, below float
// rounding), instead of a square root and a division, which are the slowest instructions there are
// (together ≈ 25 cycles per 16 values, against ≈ 2 for the rest of the update).
// Floats ahead of the update that adamw() asks for (16 cache lines).
constexpr Index kAdamWPrefetchAhead = 256;

inline void adamw16(const AdamWKernelArgs& a, Index i, __mmask16 lanes) {
    float *p = a.params + i, *m = a.m + i, *v = a.v + i, *e = a.ema ? a.ema + i : nullptr;
    __m512 gv = _mm512_maskz_loadu_ps(lanes, a.grads + i);
    if (a.grads2) gv = _mm512_add_ps(gv, _mm512_maskz_loadu_ps(lanes, a.grads2 + i));
    __m512 mv = _mm512_maskz_loadu_ps(lanes, m), vv = _mm512_maskz_loadu_ps(lanes, v);
    mv = _mm512_fmadd_ps(_mm512_set1_ps(a.beta1), mv, _mm512_mul_ps(_mm512_set1_ps(a.gradTake1), gv));
    vv = _mm512_fmadd_ps(_mm512_set1_ps(a.beta2), vv,
                         _mm512_mul_ps(_mm512_set1_ps(a.gradTake2), _mm512_mul_ps(gv, gv)));
    _mm512_mask_storeu_ps(m, lanes, mv);
    _mm512_mask_storeu_ps(v, lanes, vv);
    // √v = v·r with r = rsqrt(v) refined by r ← r(1.5 − 0.5·v·r²), written as y(1.5 − 0.5·y·r) with
    // y = v·r: formed as r², the refinement overflows for v below ~3·10⁻³⁹ (the subnormal second moment
    // of a weight whose gradient has been ~0 for a long time), and √v came out −∞ and the weight NaN,
    // 60,000 steps into a run. Lanes with v = 0 give √v = 0.
    const __mmask16 positive = _mm512_cmp_ps_mask(vv, _mm512_setzero_ps(), _CMP_GT_OQ);
    const __m512 r = _mm512_rsqrt14_ps(vv);
    const __m512 y = _mm512_maskz_mul_ps(positive, vv, r);
    const __m512 root = _mm512_maskz_mul_ps(
        positive, y, _mm512_fnmadd_ps(_mm512_mul_ps(_mm512_set1_ps(0.5f), y), r, _mm512_set1_ps(1.5f)));
    // 1/d with d = √v·invSqrtBias2 + ε, refined by q ← q(2 − d·q).
    const __m512 d = _mm512_fmadd_ps(root, _mm512_set1_ps(a.invSqrtBias2), _mm512_set1_ps(a.epsilon));
    __m512 q = _mm512_rcp14_ps(d);
    q = _mm512_mul_ps(q, _mm512_fnmadd_ps(d, q, _mm512_set1_ps(2.0f)));
    __m512 pv = _mm512_maskz_loadu_ps(lanes, p);
    pv = _mm512_fmsub_ps(_mm512_set1_ps(a.decayFactor), pv,
                         _mm512_mul_ps(_mm512_set1_ps(a.stepSize), _mm512_mul_ps(mv, q)));
    _mm512_mask_storeu_ps(p, lanes, pv);
    if (e) {
        const __m512 ev = _mm512_maskz_loadu_ps(lanes, e);
        _mm512_mask_storeu_ps(
            e, lanes,
            _mm512_fmadd_ps(_mm512_set1_ps(a.emaKeep), ev, _mm512_mul_ps(_mm512_set1_ps(a.emaTake), pv)));
    }
}

inline void adamw(const AdamWKernelArgs& a) {
    Index i = 0;
    for (; i + 16 <= a.n; i += 16) {
        // With several threads the parameters were last read by the other threads' forward passes, so
        // every store first has to take its line back from their caches; one at a time, those
        // round trips were a third of a 2-thread step. Asking for the lines ahead, for writing, overlaps
        // them. Only within this range: a line of another thread's range would be taken from it.
        if (i + kAdamWPrefetchAhead < a.n)
            _mm_prefetch(reinterpret_cast<const char*>(a.params + i + kAdamWPrefetchAhead), _MM_HINT_ET0);
        adamw16(a, i, 0xFFFF);
    }
    if (i < a.n) adamw16(a, i, static_cast<__mmask16>((1u << (a.n - i)) - 1u));
}
#else
inline void adamw(const AdamWKernelArgs& a) {
    alignas(64) float summed[kParameterBlock];
    for (Index start = 0; start < a.n; start += kParameterBlock) {
        const Index n = std::min(kParameterBlock, a.n - start);
        ArrMap<float> p(a.params + start, n), m(a.m + start, n), v(a.v + start, n);
        if (a.grads2)
            ArrMap<float>(summed, n) =
                CArrMap<float>(a.grads + start, n) + CArrMap<float>(a.grads2 + start, n);
        CArrMap<float> g(a.grads2 ? summed : a.grads + start, n);
        m = a.beta1 * m + a.gradTake1 * g;
        v = a.beta2 * v + a.gradTake2 * g.square();
        p = a.decayFactor * p - a.stepSize * m / (v.sqrt() * a.invSqrtBias2 + a.epsilon);
        if (a.ema) {
            ArrMap<float> e(a.ema + start, n);
            e = a.emaKeep * e + a.emaTake * p;
        }
    }
}
#endif

}  // namespace dl::DL_KERNEL_NS
