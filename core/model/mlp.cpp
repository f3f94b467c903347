#include "core/model/mlp.h"

#include <algorithm>
#include <cmath>

#include "core/math/error.h"
#include "core/math/schedule.h"
#include "core/model/mlplayers.h"

namespace dl {
namespace {

// predict() runs big batches in chunks of this many samples: large enough for the matrix products to
// run at full speed, small enough that the activations stay in cache and memory stays bounded.
constexpr Eigen::Index kPredictChunk = 2048;

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
    if (config.inputFeatures > 0)
        mFreqX = layers::sinusoidalFrequencies<Scalar>(config.inputFeatures / 2, config.featureScale);
    mFreqT = layers::sinusoidalFrequencies<Scalar>(config.timeEmbedding / 2, 1.0);
}

template <typename Scalar>
void BasicMlp<Scalar>::setParameters(const Vector& parameters) {
    if (parameters.size() != mParameters.size())
        throw Error("parameter vector has " + std::to_string(parameters.size()) + " values, the network needs " +
                    std::to_string(mParameters.size()));
    mParameters = parameters;
}

template <typename Scalar>
void BasicMlp<Scalar>::initialise(Rng& rng) {
    // Weight and bias of a layer share the bound 1/√fan_in (torch.nn.Linear.reset_parameters).
    for (std::size_t i = 0; i < mBlocks.size(); i += 2) {
        const double bound = 1.0 / std::sqrt(static_cast<double>(mBlocks[i].cols));
        for (std::size_t part = i; part < i + 2; ++part)
            for (Eigen::Index k = 0; k < mBlocks[part].size(); ++k)
                mParameters[mBlocks[part].offset + k] = static_cast<Scalar>((2.0 * rng.uniform() - 1.0) * bound);
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
void BasicMlp<Scalar>::forward(const Scalar* params, const Scalar* x, const int* t, Eigen::Index B, Workspace& ws,
                               bool keepForBackward) const {
    const Eigen::Index H = mConfig.hidden, d = mConfig.dataDim, E = mConfig.timeEmbedding;
    const Eigen::Index I = mConfig.inputWidth(), Ix = I - E;
    int tMax = 0;
    for (Eigen::Index b = 0; b < B; ++b) {
        if (t[b] < 0 || t[b] > kMaxTimesteps)
            throw Error("timestep must be from 0 to " + std::to_string(kMaxTimesteps) + ", got " + std::to_string(t[b]));
        tMax = std::max(tMax, t[b]);
    }
    reserve(ws, B, keepForBackward);
    ensureTimeTable(ws, tMax);
    ws.mHasDerivatives = keepForBackward;

    // Input lifting: z (I×B) = [coordinate features (Ix×B) ; time embedding (E×B)].
    MatrixMap Z(ws.mZ.data(), I, B);
    ConstMatrixMap X(x, d, B);
    if (mConfig.inputFeatures > 0) {
        MatrixMap scratch(ws.mScratch.data(), mFreqX.size(), B);
        layers::sinusoidFeaturesForward<Scalar>(Z.topRows(Ix), X, mFreqX, scratch);
    } else {
        Z.topRows(d) = X;
    }
    for (Eigen::Index b = 0; b < B; ++b) Z.col(b).tail(E) = ws.mTimeTable.col(t[b]);

    MatrixMap scratch(ws.mScratch.data(), H, B);
    MatrixMap noDeriv(nullptr, 0, 0);
    auto derivOf = [&](int l) { return keepForBackward ? MatrixMap(ws.mDeriv[l].data(), H, B) : noDeriv; };
    auto weight = [&](std::size_t i) {
        return ConstMatrixMap(params + mBlocks[i].offset, mBlocks[i].rows, mBlocks[i].cols);
    };
    auto bias = [&](std::size_t i) {
        return Eigen::Map<const Vector>(params + mBlocks[i].offset, mBlocks[i].rows);
    };

    // h_0 (H×B) = act(W_0 (H×I) · z + b_0)
    MatrixMap h0(ws.mH[0].data(), H, B);
    layers::linearForward<Scalar>(h0, weight(0), bias(1), Z);
    layers::activationForward<Scalar>(mConfig.activation, h0, derivOf(0), scratch, keepForBackward);

    // h_l (H×B) = [h_{l−1} +] act(W_l (H×H) · h_{l−1} + b_l)
    for (int l = 1; l <= mConfig.layers; ++l) {
        MatrixMap hPrev(ws.mH[l - 1].data(), H, B);
        MatrixMap h(ws.mH[l].data(), H, B);
        layers::linearForward<Scalar>(h, weight(2 * l), bias(2 * l + 1), hPrev);
        layers::activationForward<Scalar>(mConfig.activation, h, derivOf(l), scratch, keepForBackward);
        if (mConfig.residual) h += hPrev;
    }

    // y (d×B) = W_out (d×H) · h_L + b_out
    const std::size_t out = mBlocks.size() - 2;
    MatrixMap Y(ws.mY.data(), d, B);
    layers::linearForward<Scalar>(Y, weight(out), bias(out + 1), MatrixMap(ws.mH[mConfig.layers].data(), H, B));
}

template <typename Scalar>
void BasicMlp<Scalar>::backward(const Scalar* params, const Scalar* dy, Workspace& ws, Scalar* grads,
                                Scalar* dx) const {
    if (!ws.mHasDerivatives) throw Error("Mlp::backward needs a forward pass with keepForBackward = true");
    const Eigen::Index H = mConfig.hidden, d = mConfig.dataDim, B = ws.mBatch;
    const Eigen::Index I = mConfig.inputWidth();
    auto weight = [&](std::size_t i) {
        return ConstMatrixMap(params + mBlocks[i].offset, mBlocks[i].rows, mBlocks[i].cols);
    };
    auto dWeight = [&](std::size_t i) { return MatrixMap(grads + mBlocks[i].offset, mBlocks[i].rows, mBlocks[i].cols); };
    auto dBias = [&](std::size_t i) { return Eigen::Map<Vector>(grads + mBlocks[i].offset, mBlocks[i].rows); };

    MatrixMap dh(ws.mDh.data(), H, B);
    MatrixMap da(ws.mDa.data(), H, B);
    ConstMatrixMap dY(dy, d, B);

    // Output layer: dW_out = dy · h_Lᵀ, db_out = Σ dy, dh_L = W_outᵀ · dy.
    const std::size_t out = mBlocks.size() - 2;
    ConstMatrixMap hL(ws.mH[mConfig.layers].data(), H, B);
    layers::linearBackward<Scalar>(dWeight(out), dBias(out + 1), dY, hL);
    layers::linearBackwardInput<Scalar>(dh, weight(out), dY, false);

    // Blocks, last to first: da = dh ⊙ act', dW_l = da · h_{l−1}ᵀ, dh_{l−1} = W_lᵀ da (+ dh, residual).
    for (int l = mConfig.layers; l >= 1; --l) {
        ConstMatrixMap hPrev(ws.mH[l - 1].data(), H, B);
        layers::activationBackward<Scalar>(da, dh, ConstMatrixMap(ws.mDeriv[l].data(), H, B));
        layers::linearBackward<Scalar>(dWeight(2 * l), dBias(2 * l + 1), da, hPrev);
        layers::linearBackwardInput<Scalar>(dh, weight(2 * l), da, mConfig.residual);
    }

    // Input layer: da = dh ⊙ act', dW_0 = da · zᵀ; dz and dx only when the caller asks for them.
    ConstMatrixMap Z(ws.mZ.data(), I, B);
    layers::activationBackward<Scalar>(da, dh, ConstMatrixMap(ws.mDeriv[0].data(), H, B));
    layers::linearBackward<Scalar>(dWeight(0), dBias(1), da, Z);
    if (!dx) return;
    if (ws.mDz.cols() < ws.mCapacity) ws.mDz.resize(I, ws.mCapacity);
    MatrixMap dZ(ws.mDz.data(), I, B);
    layers::linearBackwardInput<Scalar>(dZ, weight(0), da, false);
    MatrixMap dX(dx, d, B);
    if (mConfig.inputFeatures > 0) {
        const Eigen::Index Ix = I - mConfig.timeEmbedding;
        layers::sinusoidFeaturesBackward<Scalar>(dX, dZ.topRows(Ix), Z.topRows(Ix), mFreqX);
    } else {
        dX = dZ.topRows(d);
    }
}

template <typename Scalar>
void BasicMlp<Scalar>::predictChunks(const RowBatch& xt, const int* t, bool sameT, RowBatch& out) {
    const Eigen::Index n = xt.rows(), d = mConfig.dataDim;
    if (xt.cols() != d)
        throw Error("predict: samples have " + std::to_string(xt.cols()) + " coordinates, the network expects " +
                    std::to_string(d));
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
        throw Error("predict: " + std::to_string(t.size()) + " timesteps for " + std::to_string(xt.rows()) + " samples");
    predictChunks(xt, t.data(), false, out);
}

template <typename Scalar>
void BasicMlp<Scalar>::predict(const RowBatch& xt, int t, RowBatch& out) {
    predictChunks(xt, &t, true, out);
}

template class BasicMlp<float>;
template class BasicMlp<double>;

}  // namespace dl
