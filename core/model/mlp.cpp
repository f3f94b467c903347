#include "core/model/mlp.h"

#include <algorithm>
#include <cmath>

#include "core/math/error.h"
#include "core/math/schedule.h"
#include "core/model/mlpkernel.h"

namespace dl {
namespace {

// predict() runs big batches in chunks of this many samples: large enough for the matrix products to
// run at full speed, small enough that the activations stay in cache and memory stays bounded.
constexpr Eigen::Index kPredictChunk = 2048;

/// Frequencies of a sinusoidal embedding of size 2·half: f_k = exp(−ln(10⁴)·k/(half − 1)), k < half,
/// times scale (tiny-diffusion's SinusoidalEmbedding; Vaswani et al. 2017, §3.5).
template <typename S>
Eigen::Matrix<S, Eigen::Dynamic, 1> sinusoidalFrequencies(int half, double scale) {
    Eigen::Matrix<S, Eigen::Dynamic, 1> f(half);
    const double denom = half > 1 ? static_cast<double>(half - 1) : 1.0;
    for (int k = 0; k < half; ++k) f[k] = static_cast<S>(scale * std::exp(-std::log(10000.0) * k / denom));
    return f;
}

}  // namespace

template <typename Scalar>
BasicMlp<Scalar>::BasicMlp(const MlpConfig& config) : mConfig(config) {
    if (auto problem = validateMlpConfig(config)) throw Error(*problem);
    const Eigen::Index H = config.hidden;
    Eigen::Index offset = 0;
    auto addLinear = [&](const std::string& name, Eigen::Index out, Eigen::Index in) {
        mBlocks.push_back({"W_" + name, offset, out, in});
        offset += out * in;
        mBlocks.push_back({"b_" + name, offset, out, 1});
        offset += out;
    };
    addLinear("in", H, config.inputWidth());
    for (int l = 1; l <= config.layers; ++l) addLinear(std::to_string(l), H, H);
    addLinear("out", config.dataDim, H);
    mParameters = Vector::Zero(offset);
    for (std::size_t i = 0; i < mBlocks.size(); i += 2) {
        mWeightOffsets.push_back(mBlocks[i].offset);
        mBiasOffsets.push_back(mBlocks[i + 1].offset);
    }
    if (config.inputFeatures > 0)
        mFreqX = sinusoidalFrequencies<Scalar>(config.inputFeatures / 2, config.featureScale);
    mFreqT = sinusoidalFrequencies<Scalar>(config.timeEmbedding / 2, 1.0);
}

template <typename Scalar>
void BasicMlp<Scalar>::setParameters(const Vector& parameters) {
    if (parameters.size() != mParameters.size())
        throw Error("parameter vector has " + std::to_string(parameters.size()) +
                    " values, the network needs " + std::to_string(mParameters.size()));
    mParameters = parameters;
}

template <typename Scalar>
void BasicMlp<Scalar>::initialise(Rng& rng) {
    // Weight and bias of a layer share the bound 1/√fan_in (torch.nn.Linear.reset_parameters).
    for (std::size_t i = 0; i < mBlocks.size(); i += 2) {
        const double bound = 1.0 / std::sqrt(static_cast<double>(mBlocks[i].cols));
        for (std::size_t part = i; part < i + 2; ++part)
            for (Eigen::Index k = 0; k < mBlocks[part].size(); ++k)
                mParameters[mBlocks[part].offset + k] =
                    static_cast<Scalar>((2.0 * rng.uniform() - 1.0) * bound);
    }
}

template <typename Scalar>
double BasicMlp<Scalar>::forwardMacsPerSample() const {
    double macs = 0.0;
    for (std::size_t i = 0; i < mBlocks.size(); i += 2) macs += static_cast<double>(mBlocks[i].size());
    return macs;
}

template <typename Scalar>
void BasicMlp<Scalar>::reserve(Workspace& ws, Eigen::Index batch, bool derivatives) const {
    const Eigen::Index H = mConfig.hidden, d = mConfig.dataDim, I = mConfig.inputWidth();
    const Eigen::Index nh = mConfig.layers + 1;
    if (batch > ws.mCapacity || static_cast<Eigen::Index>(ws.mH.size()) != nh) {
        const Eigen::Index cap = std::max(batch, ws.mCapacity);
        ws.mZ.resize(I, cap);
        ws.mH.assign(nh, Matrix(H, cap));
        ws.mY.resize(d, cap);
        ws.mScratch.resize(std::max<Eigen::Index>(H, mConfig.inputFeatures / 2), cap);
        ws.mColumn.resize(H);
        ws.mDeriv.clear();
        ws.mDh.resize(0, 0);
        ws.mDa.resize(0, 0);
        ws.mDz.resize(0, 0);
        ws.mCapacity = cap;
    }
    if (derivatives && ws.mDeriv.size() != static_cast<std::size_t>(nh)) {
        ws.mDeriv.assign(nh, Matrix(H, ws.mCapacity));
        ws.mDh.resize(H, ws.mCapacity);
        ws.mDa.resize(H, ws.mCapacity);
    }
    ws.mHPtr.resize(ws.mH.size());
    for (std::size_t l = 0; l < ws.mH.size(); ++l) ws.mHPtr[l] = ws.mH[l].data();
    ws.mDerivPtr.resize(ws.mDeriv.size());
    for (std::size_t l = 0; l < ws.mDeriv.size(); ++l) ws.mDerivPtr[l] = ws.mDeriv[l].data();
    ws.mBatch = batch;
}

template <typename Scalar>
void BasicMlp<Scalar>::ensureTimeTable(Workspace& ws, int tMax) const {
    if (ws.mTimeTable.cols() > tMax) return;
    // The whole range at once: the table is built once per workspace, never in the training loop.
    const int cols = std::max(tMax, 1000) + 1;
    const Eigen::Index half = mFreqT.size();
    ws.mTimeTable.resize(2 * half, cols);
    for (int t = 0; t < cols; ++t)
        for (Eigen::Index k = 0; k < half; ++k) {
            const double arg = static_cast<double>(t) * static_cast<double>(mFreqT[k]);
            ws.mTimeTable(k, t) = static_cast<Scalar>(std::sin(arg));
            ws.mTimeTable(half + k, t) = static_cast<Scalar>(std::cos(arg));
        }
}

template <typename Scalar>
void BasicMlp<Scalar>::forward(const Scalar* params, const Scalar* x, const int* t, Eigen::Index B,
                               Workspace& ws, bool keepForBackward, const Bf16Weights* bf16,
                               const Int16Weights* int16, const InputLayerTable* inputTable) const {
    int tMax = 0;
    for (Eigen::Index b = 0; b < B; ++b) {
        if (t[b] < 0 || t[b] > kMaxTimesteps)
            throw Error("timestep must be from 0 to " + std::to_string(kMaxTimesteps) + ", got " +
                        std::to_string(t[b]));
        tMax = std::max(tMax, t[b]);
    }
    reserve(ws, B, keepForBackward);
    ensureTimeTable(ws, tMax);
    ws.mHasDerivatives = keepForBackward;

    MlpForwardArgs<Scalar> a;
    a.shape = kernelShape();
    a.params = params;
    a.x = x;
    a.t = t;
    a.batch = B;
    a.freqX = mFreqX.data();
    a.timeTable = ws.mTimeTable.data();
    a.z = ws.mZ.data();
    a.h = ws.mHPtr.data();
    a.deriv = keepForBackward ? ws.mDerivPtr.data() : nullptr;
    a.y = ws.mY.data();
    a.scratch = ws.mScratch.data();
    a.column = ws.mColumn.data();
    const MlpKernels<Scalar>& kernels = mlpKernels<Scalar>();
    if (!keepForBackward) {
        // A layer's input in reduced precision, per column: the widest input, plus one value of padding
        // for an odd width.
        const std::size_t reducedInput =
            static_cast<std::size_t>(std::max<Eigen::Index>(mConfig.inputWidth() + 1, mConfig.hidden) * B);
        if (bf16 && !bf16->empty() && kernels.bf16Products) {
            if (ws.mBf16Input.size() < reducedInput) ws.mBf16Input.resize(reducedInput);
            a.bf16Weights = bf16->values.data();
            a.bf16Offset = bf16->offset.data();
            a.bf16Pairs = bf16->pairs.data();
            a.bf16Input = ws.mBf16Input.data();
        } else if (int16 && !int16->empty() && kernels.int16Products &&
                   int16->blockRows == kernels.int16BlockRows) {
            if (ws.mInt16Input.size() < reducedInput) ws.mInt16Input.resize(reducedInput);
            if (ws.mInt16ColumnScale.size() < static_cast<std::size_t>(B))
                ws.mInt16ColumnScale.resize(static_cast<std::size_t>(B));
            a.int16Weights = int16->values.data();
            a.int16RowScale = int16->rowScale.data();
            a.int16Offset = int16->offset.data();
            a.int16Pairs = int16->pairs.data();
            a.int16Limit = int16->limit.data();
            a.int16Input = ws.mInt16Input.data();
            a.int16ColumnScale = ws.mInt16ColumnScale.data();
            a.int16OutputRows = int16->outputRows.empty() ? nullptr : int16->outputRows.data();
        }
        if constexpr (std::is_same_v<Scalar, float>) {
            if (inputTable && !inputTable->empty()) a.inputTable = inputTable->view();
        }
    }
    kernels.forward(a);
}

template <typename Scalar>
void BasicMlp<Scalar>::backward(const Scalar* params, const Scalar* dy, Workspace& ws, Scalar* grads,
                                Scalar* dx, double* gradSquaredNorm) const {
    if (!ws.mHasDerivatives) throw Error("Mlp::backward needs a forward pass with keepForBackward = true");
    if (dx && ws.mDz.cols() < ws.mCapacity) ws.mDz.resize(mConfig.inputWidth(), ws.mCapacity);
    MlpBackwardArgs<Scalar> a;
    a.shape = kernelShape();
    a.params = params;
    a.dy = dy;
    a.batch = ws.mBatch;
    a.freqX = mFreqX.data();
    a.z = ws.mZ.data();
    a.h = ws.mHPtr.data();
    a.deriv = ws.mDerivPtr.data();
    a.dh = ws.mDh.data();
    a.da = ws.mDa.data();
    a.grads = grads;
    a.dz = dx ? ws.mDz.data() : nullptr;
    a.dx = dx;
    a.gradSquaredNorm = gradSquaredNorm;
    mlpKernels<Scalar>().backward(a);
}

template <typename Scalar>
MlpKernelShape BasicMlp<Scalar>::kernelShape() const {
    MlpKernelShape s;
    s.dataDim = mConfig.dataDim;
    s.featureHalf = mConfig.inputFeatures / 2;
    s.timeEmbedding = mConfig.timeEmbedding;
    s.inputWidth = mConfig.inputWidth();
    s.hidden = mConfig.hidden;
    s.layers = mConfig.layers;
    s.residual = mConfig.residual;
    s.activation = static_cast<KernelActivation>(static_cast<int>(mConfig.activation));
    s.weightOffset = mWeightOffsets.data();
    s.biasOffset = mBiasOffsets.data();
    return s;
}

template <typename Scalar>
void BasicMlp<Scalar>::predictChunks(const RowBatch& xt, const int* t, bool sameT, RowBatch& out) {
    const Eigen::Index n = xt.rows(), d = mConfig.dataDim;
    if (xt.cols() != d)
        throw Error("predict: samples have " + std::to_string(xt.cols()) +
                    " coordinates, the network expects " + std::to_string(d));
    out.resize(n, d);
    Workspace& ws = mOwnWorkspace;
    const Eigen::Index chunk = std::min(n, kPredictChunk);
    if (sameT && ws.mT.size() < chunk) ws.mT.resize(chunk);
    for (Eigen::Index start = 0; start < n; start += chunk) {
        const Eigen::Index B = std::min(chunk, n - start);
        // A row-major N×d block of rows is contiguous and is the column-major d×B input as it stands.
        const Scalar* x = xt.data() + start * d;
        const int* tb = t + start;
        if (sameT) {
            ws.mT.head(B).setConstant(*t);
            tb = ws.mT.data();
        }
        forward(mParameters.data(), x, tb, B, ws, false);
        MatrixMap(out.data() + start * d, d, B) = ws.output();
    }
}

template <typename Scalar>
void BasicMlp<Scalar>::predict(const RowBatch& xt, const Eigen::VectorXi& t, RowBatch& out) {
    if (t.size() != xt.rows())
        throw Error("predict: " + std::to_string(t.size()) + " timesteps for " + std::to_string(xt.rows()) +
                    " samples");
    predictChunks(xt, t.data(), false, out);
}

template <typename Scalar>
void BasicMlp<Scalar>::predict(const RowBatch& xt, int t, RowBatch& out) {
    predictChunks(xt, &t, true, out);
}

template class BasicMlp<float>;
template class BasicMlp<double>;

}  // namespace dl
