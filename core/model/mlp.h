// The denoising network ε_θ(x_t, t) (Ho et al. 2020, §3.2 and Eq. 14): an MLP over whole batches with
// hand-written forward and backward passes (Eigen matrix products, no per-sample loops). The passes
// themselves live in mlpkernelbody.h, built twice and chosen for the CPU at run time (mlpkernel.h).
//
//   z   = [sin/cos(25·x_j·f_k) for each coordinate j | sin/cos(t·f_k)]       (input lifting)
//   h_0 = act(W_0 z + b_0)                                                   (input layer)
//   h_l = h_{l−1} + act(W_l h_{l−1} + b_l),  l = 1..L                        (residual blocks)
//   y   = W_out h_L + b_out                                                  (d outputs, target space)
//
// Parameters live in one contiguous vector (llm.c's malloc_and_point_parameters): per layer W (out×in,
// column-major) then b, in the order input layer, blocks, output layer. Optimizer, EMA, gradient
// clipping, snapshots and model files all loop over that one buffer; parameterBlocks() names the views.
//
// The class is a template so tests can run the same code in double precision (finite-difference
// gradient checks); the application uses dl::Mlp (float).
//
//   dl::Mlp net(dl::MlpConfig{});
//   dl::Rng rng(1);
//   net.initialise(rng);
//   dl::Batch out;
//   net.predict(xt, tPerRow, out);   // out: N×d in the config's prediction target space
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

#include "core/math/rng.h"
#include "core/math/types.h"
#include "core/model/bf16weights.h"
#include "core/model/inputlayertable.h"
#include "core/model/int16weights.h"
#include "core/model/mlpconfig.h"
#include "core/model/mlpkernel.h"

namespace dl {

template <typename Scalar>
class BasicMlp {
public:
    using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
    using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
    using RowBatch = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    using MatrixMap = Eigen::Map<Matrix>;
    using ConstMatrixMap = Eigen::Map<const Matrix>;

    /// One named view into the parameter vector: a weight matrix (rows × cols) or a bias (rows × 1).
    struct ParameterBlock {
        std::string name;
        Eigen::Index offset = 0;
        Eigen::Index rows = 0;
        Eigen::Index cols = 0;
        Eigen::Index size() const { return rows * cols; }
    };

    /// Activations of one batch kept for the backward pass, and scratch. Buffers grow to the largest
    /// batch seen and are reused after that, so a training loop allocates nothing per step. One
    /// workspace per thread; the network itself is read-only during forward/backward.
    class Workspace {
    public:
        /// The network output of the last forward(): d × B.
        ConstMatrixMap output() const { return ConstMatrixMap(mY.data(), mY.rows(), mBatch); }
        Eigen::Index batch() const { return mBatch; }

    private:
        friend class BasicMlp;
        Eigen::Index mBatch = 0;
        Eigen::Index mCapacity = 0;
        bool mHasDerivatives = false;
        Matrix mZ;                   // inputWidth × cap
        std::vector<Matrix> mH;      // L+1 of H × cap: outputs of the input layer and of each block
        std::vector<Matrix> mDeriv;  // L+1 of H × cap: act'(pre-activation)
        Matrix mY;                   // d × cap
        Matrix mDh, mDa;             // H × cap: gradient flowing down, gradient at a pre-activation
        Matrix mDz;                  // inputWidth × cap, only for the input gradient
        Matrix mScratch;             // max(H, F/2) × cap
        Matrix mTimeTable;           // E × (t_max + 1): sinusoidal embedding of t = 0..t_max
        Matrix mXStage;              // d × cap: staging for predict()
        Eigen::VectorXi mT;          // cap: staging for predict()
        std::vector<Scalar*> mHPtr, mDerivPtr;  // the kernels' views of mH and mDeriv
        Vector mColumn;                         // H: the first layer's bias plus its t term (one t per batch)
        std::vector<std::uint16_t> mBf16Input;  // max(inputWidth + 1, H) × batch, only for bf16 products
        std::vector<std::int16_t> mInt16Input;  // max(inputWidth + 1, H) × batch, only for int16 products
        std::vector<float> mInt16ColumnScale;   // batch, only for int16 products
    };

    /// Throws dl::Error if validateMlpConfig reports a problem. Parameters start at zero.
    explicit BasicMlp(const MlpConfig& config);

    const MlpConfig& config() const { return mConfig; }
    Eigen::Index parameterCount() const { return mParameters.size(); }
    Vector& parameters() { return mParameters; }
    const Vector& parameters() const { return mParameters; }
    /// Copies a parameter vector in; throws dl::Error if its size differs from parameterCount().
    void setParameters(const Vector& parameters);
    const std::vector<ParameterBlock>& parameterBlocks() const { return mBlocks; }

    /// PyTorch's nn.Linear default: W, b ~ U(−1/√fan_in, 1/√fan_in), drawn in parameter order.
    void initialise(Rng& rng);

    /// forward: y (d×B) = f(x (d×B), t (B)); result in ws.output(). params points to parameterCount()
    /// values in the layout of parameters() (a thread may pass weights it does not own). With
    /// keepForBackward, the activation derivatives are kept for backward(). t ∈ 0..kMaxTimesteps.
    /// bf16: W_0..W_L packed by packBf16Weights from the same params, for products in bfloat16
    /// (sampling only; used when the kernels have bf16Products and the batch keeps no derivatives).
    /// int16: the same for int16 products (packInt16Weights; kernels with int16Products).
    /// inputTable: the input layer tabulated by buildInputLayerTable from the same params (float, one t
    /// for the whole batch, no derivatives kept).
    void forward(const Scalar* params, const Scalar* x, const int* t, Eigen::Index batch, Workspace& ws,
                 bool keepForBackward, const Bf16Weights* bf16 = nullptr, const Int16Weights* int16 = nullptr,
                 const InputLayerTable* inputTable = nullptr) const;

    /// backward: from dL/dy (d×B) for the batch of the last forward(ws, keepForBackward = true), writes
    /// dL/dθ into grads (parameterCount() values, overwritten) and, when dx is not null, dL/dx (d×B).
    /// When gradSquaredNorm is not null it receives Σ (dL/dθ)², summed while the gradients are in cache.
    void backward(const Scalar* params, const Scalar* dy, Workspace& ws, Scalar* grads, Scalar* dx,
                  double* gradSquaredNorm = nullptr) const;

    /// Network outputs (target space) for each row of xt (N×d), one t per row; out is resized to N×d.
    /// Runs in chunks through this object's own workspace: not thread-safe per instance.
    void predict(const RowBatch& xt, const Eigen::VectorXi& t, RowBatch& out);
    /// The same with one t for every row.
    void predict(const RowBatch& xt, int t, RowBatch& out);

    /// The F/2 frequencies of the coordinates' sinusoidal features, the feature scale included (empty
    /// for raw coordinates).
    const Vector& coordinateFrequencies() const { return mFreqX; }

    /// Multiply–adds of one forward pass per sample (the matrix products only).
    double forwardMacsPerSample() const;

    /// Sizes and parameter offsets as the kernels see them (valid while this network lives).
    MlpKernelShape kernelShape() const;

private:
    void reserve(Workspace& ws, Eigen::Index batch, bool derivatives) const;
    void ensureTimeTable(Workspace& ws, int tMax) const;
    void predictChunks(const RowBatch& xt, const int* t, bool sameT, RowBatch& out);

    MlpConfig mConfig;
    Vector mParameters;
    std::vector<ParameterBlock> mBlocks;                       // W_0, b_0, W_1, b_1, …, W_out, b_out
    std::vector<std::ptrdiff_t> mWeightOffsets, mBiasOffsets;  // per layer, for the kernels
    Vector mFreqX;            // F/2 coordinate frequencies, times the feature scale
    Vector mFreqT;            // E/2 time frequencies
    Workspace mOwnWorkspace;  // for predict()
};

extern template class BasicMlp<float>;
extern template class BasicMlp<double>;

/// The float network the application trains and samples with.
class Mlp : public BasicMlp<float> {
public:
    using BasicMlp<float>::BasicMlp;
};

}  // namespace dl
