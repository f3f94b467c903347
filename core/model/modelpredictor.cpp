#include "core/model/modelpredictor.h"

#include <memory>
#include <mutex>

#include "core/math/error.h"
#include "core/model/mlp.h"
#include "core/model/prediction.h"

namespace dl {
namespace {

struct PredictorState {
    explicit PredictorState(const MlpConfig& config) : net(config) {}
    Mlp net;
    std::vector<double> alphaBar;  // t = 0..T
    std::mutex mutex;
};

}  // namespace

EpsilonPredictor makeModelPredictor(const MlpConfig& config, const Eigen::VectorXf& parameters,
                                    const Schedule& schedule) {
    auto state = std::make_shared<PredictorState>(config);
    state->net.setParameters(parameters);
    state->alphaBar = schedule.alphaBars();
    return [state](const Batch& xt, int t, Batch& out) {
        if (t < 1 || t >= static_cast<int>(state->alphaBar.size()))
            throw Error("denoiser: timestep must be from 1 to " + std::to_string(state->alphaBar.size() - 1) +
                        ", got " + std::to_string(t));
        std::lock_guard<std::mutex> lock(state->mutex);
        state->net.predict(xt, t, out);
        predictionToEpsilon(state->net.config().target, xt, out, state->alphaBar[t], out);
    };
}

}  // namespace dl
