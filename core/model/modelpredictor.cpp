#include "core/model/modelpredictor.h"

#include <algorithm>
#include <memory>
#include <mutex>

#include "core/math/error.h"
#include "core/model/mlp.h"
#include "core/model/prediction.h"
#include "core/training/poolprimitives.h"
#include "core/training/speculativepool.h"

namespace dl {
namespace {

// Below this many rows a single thread is faster than waking the others.
constexpr Eigen::Index kMinRowsToSplit = 512;
// Rows per forward call: keeps the activations in cache (as Mlp::predict does). The chunks are also the
// parts the threads claim: fixed row ranges from row 0 whatever the thread count, so every row gets the
// same arithmetic (and the same bits) on 1 or K threads, and a chunk computed again by the calling
// thread, because the thread that started it was stopped (speculativepool.h), gives the same result.
constexpr Eigen::Index kChunk = 256;

struct PredictorState {
    PredictorState(const MlpConfig& config, int threads) : net(config), workspaces(threads) {
        if (threads > 1)
            pool = std::make_unique<SpeculativePool>(
                threads, [this](int ring, int chunk, int slot) { computeChunk(ring, chunk, slot); },
                [this](int ring, int chunk, int slot) { publishChunk(ring, chunk, slot); });
    }
    Mlp net;
    Bf16Weights bf16;              // empty unless bfloat16 products were asked for and are available
    Int16Weights int16;            // empty unless int16 products were asked for and are available
    InputLayerTable inputTable;    // empty unless reduced-precision products are in use
    std::vector<double> alphaBar;  // t = 0..T
    std::vector<Mlp::Workspace> workspaces;
    Eigen::VectorXi tRows;
    std::mutex mutex;
    // The pool's copy of each call's inputs and where its outputs go, one per ring entry: a thread the
    // scheduler stopped may still read them after the call has returned (speculativepool.h).
    struct CallInputs {
        Batch x;
        Eigen::VectorXi t;
        float* out = nullptr;
    };
    CallInputs calls[SpeculativePool::kRingSize];
    // Last, so that it is destroyed first: its threads use everything above.
    std::unique_ptr<SpeculativePool> pool;

    /// Network outputs for chunk c (rows [c·kChunk, …)) of n rows of x at timesteps t into workspace k.
    void forwardChunk(const float* x, const int* t, Eigen::Index n, Eigen::Index c, int k) {
        const Eigen::Index d = net.config().dataDim, start = c * kChunk, rows = std::min(kChunk, n - start);
        net.forward(net.parameters().data(), x + start * d, t + start, rows, workspaces[k], false,
                    bf16.empty() ? nullptr : &bf16, int16.empty() ? nullptr : &int16,
                    inputTable.empty() ? nullptr : &inputTable);
    }
    /// Workspace k's output of chunk c into out (n rows of d).
    void copyChunk(Eigen::Index n, Eigen::Index c, int k, float* out) {
        const Eigen::Index d = net.config().dataDim, start = c * kChunk, rows = std::min(kChunk, n - start);
        Eigen::Map<Eigen::MatrixXf>(out + start * d, d, rows) = workspaces[k].output();
    }
    void computeChunk(int ring, int chunk, int slot) {
        const CallInputs& call = calls[ring];
        forwardChunk(call.x.data(), call.t.data(), call.x.rows(), chunk, slot);
    }
    void publishChunk(int ring, int chunk, int slot) {
        copyChunk(calls[ring].x.rows(), chunk, slot, calls[ring].out);
    }
};

/// Network outputs (in the model's target space) for every row of xt at step t into out.
void runNetwork(PredictorState& state, const Batch& xt, int t, Batch& out) {
    if (t < 1 || t >= static_cast<int>(state.alphaBar.size()))
        throw Error("denoiser: timestep must be from 1 to " + std::to_string(state.alphaBar.size() - 1) +
                    ", got " + std::to_string(t));
    if (xt.cols() != state.net.config().dataDim)
        throw Error("denoiser: samples have " + std::to_string(xt.cols()) +
                    " coordinates, the model expects " + std::to_string(state.net.config().dataDim));
    std::lock_guard<std::mutex> lock(state.mutex);
    const Eigen::Index n = xt.rows();
    out.resize(n, xt.cols());
    const Eigen::Index chunks = (n + kChunk - 1) / kChunk;
    // Batches of more chunks than a pool run takes run on this thread alone.
    if (state.pool && n >= kMinRowsToSplit && chunks <= pool::kMaxParts) {
        state.pool->run(static_cast<int>(chunks), [&](int ring) {
            PredictorState::CallInputs& call = state.calls[ring];
            call.x = xt;
            call.t.setConstant(n, t);
            call.out = out.data();
        });
        return;
    }
    if (state.tRows.size() < n) state.tRows.resize(n);
    state.tRows.head(n).setConstant(t);
    for (Eigen::Index c = 0; c < chunks; ++c) {
        state.forwardChunk(xt.data(), state.tRows.data(), n, c, 0);
        state.copyChunk(n, c, 0, out.data());
    }
}

std::shared_ptr<PredictorState> makeState(const MlpConfig& config, const Eigen::VectorXf& parameters,
                                          const Schedule& schedule, int threads, ProductPrecision precision) {
    if (threads < 1 || threads > 256)
        throw Error("threads must be from 1 to 256, got " + std::to_string(threads));
    auto state = std::make_shared<PredictorState>(config, threads);
    state->net.setParameters(parameters);
    if (precision == ProductPrecision::BFloat16 && bf16ProductsAvailable())
        state->bf16 = packBf16Weights(state->net.kernelShape(), state->net.parameters().data());
    if (precision == ProductPrecision::Int16 && int16ProductsAvailable())
        state->int16 = packInt16Weights(state->net.kernelShape(), state->net.parameters().data());
    // The tabulated input layer goes with the reduced-precision products: its error (≈ 10⁻⁵ of a term) is
    // far below theirs, while Float32 stays the plain network, the same arithmetic as training.
    if (!state->bf16.empty() || !state->int16.empty())
        state->inputTable = buildInputLayerTable(state->net.kernelShape(), state->net.parameters().data(),
                                                 state->net.coordinateFrequencies().data());
    state->alphaBar = schedule.alphaBars();
    return state;
}

EpsilonPredictor epsilonPredictor(std::shared_ptr<PredictorState> state) {
    return [state](const Batch& xt, int t, Batch& out) {
        runNetwork(*state, xt, t, out);
        predictionToEpsilon(state->net.config().target, xt, out, state->alphaBar[t], out);
    };
}

}  // namespace

bool bf16ProductsAvailable() {
    return mlpKernels<float>().bf16Products;
}

bool int16ProductsAvailable() {
    return mlpKernels<float>().int16Products;
}

ProductPrecision fastestProductPrecision() {
    // 16-bit integers first: where a CPU has both (AVX-512 VNNI and BF16), vpdpwssd does as many
    // multiply–adds per cycle as vdpbf16ps or more (four times as many on an Intel Xeon, Emerald Rapids;
    // mlpgemmint16.h), and it rounds each value to 2⁻¹² of its row's or column's largest, where bfloat16
    // keeps 2⁻⁹.
    if (int16ProductsAvailable()) return ProductPrecision::Int16;
    return bf16ProductsAvailable() ? ProductPrecision::BFloat16 : ProductPrecision::Float32;
}

const char* productPrecisionName(ProductPrecision precision) {
    switch (precision) {
        case ProductPrecision::BFloat16:
            return "bf16";
        case ProductPrecision::Int16:
            return "int16";
        case ProductPrecision::Float32:
            break;
    }
    return "fp32";
}

EpsilonPredictor makeModelPredictor(const MlpConfig& config, const Eigen::VectorXf& parameters,
                                    const Schedule& schedule, int threads, ProductPrecision precision) {
    return epsilonPredictor(makeState(config, parameters, schedule, threads, precision));
}

Denoiser makeModelDenoiser(const MlpConfig& config, const Eigen::VectorXf& parameters,
                           const Schedule& schedule, int threads, ProductPrecision precision) {
    const std::shared_ptr<PredictorState> state = makeState(config, parameters, schedule, threads, precision);
    if (config.target == PredictionTarget::Epsilon) return Denoiser(epsilonPredictor(state));
    X0Predictor x0 = [state](const Batch& xt, int t, Batch& out) {
        runNetwork(*state, xt, t, out);
        predictionToX0(state->net.config().target, xt, out, state->alphaBar[t], out);
    };
    return Denoiser(epsilonPredictor(state), std::move(x0));
}

}  // namespace dl
