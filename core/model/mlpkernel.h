// The hot loops of the denoiser (forward and backward pass of the MLP, the fused AdamW + EMA sweep) behind
// an Eigen-free interface of raw pointers, so the same source (mlpkernelbody.h) can be compiled twice:
// once with the project's flags and once with AVX-512 in its own translation unit, and the
// faster one chosen when the program starts (mlpkernels<float>() asks the CPU). Nothing of Eigen's or
// the body's templates crosses between the two builds: the AVX-512 build renames Eigen's namespace
// (see mlpkernelavx512.cpp), so no AVX-512 code can be picked by the linker for the generic path.
//
//   const dl::MlpKernels<float>& k = dl::mlpKernels<float>();
//   k.forward(args);   // args: dl::MlpForwardArgs<float>, filled by BasicMlp::forward
#pragma once

#include <cstddef>
#include <cstdint>

namespace dl {

/// Activation of the hidden layers, as the kernels see it (same order as dl::Activation).
enum class KernelActivation : int { Gelu = 0, Silu = 1, Relu = 2 };

/// Shapes and parameter layout of the network: W_l (rows × cols, column-major) at weightOffset[l],
/// b_l at biasOffset[l], l = 0 (input layer) .. layers (blocks), layers + 1 (output layer).
struct MlpKernelShape {
    std::ptrdiff_t dataDim = 0;        ///< d
    std::ptrdiff_t featureHalf = 0;    ///< F/2 sinusoidal frequencies per coordinate, 0 = raw coordinates
    std::ptrdiff_t timeEmbedding = 0;  ///< E
    std::ptrdiff_t inputWidth = 0;     ///< I = d·F (or d) + E
    std::ptrdiff_t hidden = 0;         ///< H
    int layers = 0;                    ///< L residual blocks
    bool residual = true;
    KernelActivation activation = KernelActivation::Gelu;
    const std::ptrdiff_t* weightOffset = nullptr;  ///< L + 2 entries
    const std::ptrdiff_t* biasOffset = nullptr;    ///< L + 2 entries
};

/// A tabulated input layer (inputlayertable.h) as the kernels see it; values null when there is none.
struct InputTableView {
    const float* values = nullptr;
    std::ptrdiff_t rows = 0;
    int orders = 0;
    float low = 0.0f;
    float step = 0.0f;
};

template <typename S>
struct MlpForwardArgs {
    MlpKernelShape shape;
    const S* params = nullptr;
    const S* x = nullptr;          ///< d × B
    const int* t = nullptr;        ///< B timesteps, already checked against the time table
    std::ptrdiff_t batch = 0;      ///< B
    const S* freqX = nullptr;      ///< F/2 frequencies (feature scale included)
    const S* timeTable = nullptr;  ///< E × (t_max + 1): embedding of every t
    S* z = nullptr;                ///< I × B
    S* const* h = nullptr;         ///< L + 1 buffers of H × B
    S* const* deriv = nullptr;     ///< L + 1 buffers of H × B, or null (no backward pass follows)
    S* y = nullptr;                ///< d × B
    S* scratch = nullptr;          ///< max(H, F/2) × B
    S* column = nullptr;           ///< H values of scratch for the shared-t shortcut
    /// When not null (float, and only with kernels whose bf16Products is true): W_0..W_L packed by
    /// packBf16Weights (bf16weights.h), and the products of those layers run in bfloat16.
    const std::uint16_t* bf16Weights = nullptr;
    const std::ptrdiff_t* bf16Offset = nullptr;  ///< per layer 0..L, of Bf16Weights
    const std::ptrdiff_t* bf16Pairs = nullptr;   ///< per layer 0..L, of Bf16Weights
    std::uint16_t* bf16Input = nullptr;          ///< (I + 1) × B values: a layer's input in bf16
    /// When not null (float, and only with kernels whose int16Products is true): W_0..W_L packed by
    /// packInt16Weights (int16weights.h), and the products of those layers run in 16-bit integers.
    const std::int16_t* int16Weights = nullptr;
    const float* int16RowScale = nullptr;         ///< H per layer 0..L, of Int16Weights
    const std::ptrdiff_t* int16Offset = nullptr;  ///< per layer 0..L, of Int16Weights
    const std::ptrdiff_t* int16Pairs = nullptr;   ///< per layer 0..L, of Int16Weights
    const int* int16Limit = nullptr;              ///< per layer 0..L, of Int16Weights
    std::int16_t* int16Input = nullptr;           ///< (I + 1) × B values: a layer's input, quantised
    float* int16ColumnScale = nullptr;            ///< B values: what one unit of each input column is worth
    const float* int16OutputRows = nullptr;  ///< d × H, row-major: W_out for the fused last pass, or null
    /// When values is not null (float, one t for the batch): the input layer's coordinate part from this
    /// table instead of the sinusoids and W_0's product.
    InputTableView inputTable;
};

template <typename S>
struct MlpBackwardArgs {
    MlpKernelShape shape;
    const S* params = nullptr;
    const S* dy = nullptr;  ///< d × B
    std::ptrdiff_t batch = 0;
    const S* freqX = nullptr;
    const S* z = nullptr;         ///< of the forward pass
    const S* const* h = nullptr;  ///< of the forward pass
    const S* const* deriv = nullptr;
    S* dh = nullptr;                    ///< H × B scratch
    S* da = nullptr;                    ///< H × B scratch
    S* grads = nullptr;                 ///< parameter gradient, overwritten
    S* dz = nullptr;                    ///< I × B, only when dx is wanted
    S* dx = nullptr;                    ///< d × B or null
    double* gradSquaredNorm = nullptr;  ///< when not null: Σ grads², accumulated while each block is in cache
};

/// One AdamW + EMA update over [0, n) (optimizer.h has the formulas); coefficients precomputed.
struct AdamWKernelArgs {
    float* params = nullptr;
    const float* grads = nullptr;
    const float* grads2 = nullptr;  ///< or null; when set the update's gradient is grads + grads2
    float* m = nullptr;
    float* v = nullptr;
    float* ema = nullptr;  ///< or null
    std::ptrdiff_t n = 0;
    float beta1 = 0.9f, gradTake1 = 0.1f;  ///< m ← β₁m + gradTake1·g   (gradTake1 = (1−β₁)·scale)
    float beta2 = 0.999f, gradTake2 = 0.001f;  ///< v ← β₂v + gradTake2·g²  (gradTake2 = (1−β₂)·scale²)
    float decayFactor = 1.0f;                  ///< 1 − η·λ
    float stepSize = 1e-3f;                    ///< η / (1 − β₁ᵗ)
    float invSqrtBias2 = 1.0f;                 ///< 1 / √(1 − β₂ᵗ)
    float epsilon = 1e-8f;
    float emaKeep = 0.999f, emaTake = 0.001f;
};

template <typename S>
struct MlpKernels {
    const char* name = "generic";
    void (*forward)(const MlpForwardArgs<S>&) = nullptr;
    void (*backward)(const MlpBackwardArgs<S>&) = nullptr;
    void (*adamw)(const AdamWKernelArgs&) = nullptr;  ///< float only
    /// out (rows × cols) = A·B (mode 0, A rows×inner), A·Bᵀ (mode 1, B cols×inner) or Aᵀ·B (mode 2,
    /// A inner×rows), column-major: the bare products, for the benchmark's bound.
    void (*product)(const S* a, const S* b, S* out, std::ptrdiff_t rows, std::ptrdiff_t inner,
                    std::ptrdiff_t cols, int mode) = nullptr;
    /// Whether forward() takes MlpForwardArgs::bf16Weights: the build has AVX-512 BF16 and the CPU too.
    bool bf16Products = false;
    /// Whether forward() takes MlpForwardArgs::int16Weights: the build without AVX-512 compiled for AVX2,
    /// or the AVX-512 build with VNNI when the CPU has it.
    bool int16Products = false;
    /// Rows per block of the int16 weights' layout these kernels read (int16weights.h): 8 or 16.
    int int16BlockRows = 8;
};

/// The kernels for this CPU: AVX-512 when the CPU and the build have it, the generic build otherwise.
/// DL_KERNELS=generic in the environment forces the generic build (for comparisons).
template <typename S>
const MlpKernels<S>& mlpKernels();

/// The generic build, always available (tests compare the two).
template <typename S>
const MlpKernels<S>& genericMlpKernels();

/// The AVX-512 build, or null when the CPU or the build lacks it.
const MlpKernels<float>* avx512MlpKernels();

/// The CPU's float multiply–add peak, for the benchmark's bounds: runs `iterations` rounds of 12
/// independent 16-wide AVX-512 FMAs (enough to cover their latency, nothing else in the loop) and
/// returns the FLOPs done (2 per multiply–add), or 0 when the CPU or the build lacks AVX-512. The
/// caller divides by the time it took.
double avx512FmaPeakLoop(long iterations);

}  // namespace dl
