#include "core/model/prediction.h"

#include <cmath>

namespace dl {

std::string_view predictionTargetName(PredictionTarget target) {
    switch (target) {
        case PredictionTarget::Epsilon:
            return "eps";
        case PredictionTarget::X0:
            return "x0";
        case PredictionTarget::V:
            return "v";
    }
    return "eps";
}

std::optional<PredictionTarget> predictionTargetFromName(std::string_view name) {
    if (name == "eps" || name == "epsilon") return PredictionTarget::Epsilon;
    if (name == "x0") return PredictionTarget::X0;
    if (name == "v") return PredictionTarget::V;
    return std::nullopt;
}

void trainingTarget(PredictionTarget target, const Eigen::Ref<const Batch>& x0,
                    const Eigen::Ref<const Batch>& eps, const Eigen::Ref<const Eigen::ArrayXf>& sqrtAlphaBar,
                    const Eigen::Ref<const Eigen::ArrayXf>& sqrtOneMinusAlphaBar, Eigen::Ref<Batch> out) {
    switch (target) {
        case PredictionTarget::Epsilon:
            out = eps;
            break;
        case PredictionTarget::X0:
            out = x0;
            break;
        case PredictionTarget::V:
            // v = a·ε − s·x_0, row by row (each row has its own t).
            out.array() = eps.array().colwise() * sqrtAlphaBar - x0.array().colwise() * sqrtOneMinusAlphaBar;
            break;
    }
}

void predictionToEpsilon(PredictionTarget target, const Batch& xt, const Batch& prediction, double alphaBar,
                         Batch& out) {
    const float a = static_cast<float>(std::sqrt(alphaBar));
    const float s = static_cast<float>(std::sqrt(1.0 - alphaBar));
    switch (target) {
        case PredictionTarget::Epsilon:
            if (&out != &prediction) out = prediction;
            break;
        case PredictionTarget::X0:
            // ε = (x_t − a·x_0) / s; at t = 0 (s = 0) ε is undefined: report 0 rather than inf.
            if (s > 0.0f)
                out = (xt - a * prediction) / s;
            else
                out.setZero(xt.rows(), xt.cols());
            break;
        case PredictionTarget::V:
            out = s * xt + a * prediction;
            break;
    }
}

void predictionToX0(PredictionTarget target, const Batch& xt, const Batch& prediction, double alphaBar,
                    Batch& out) {
    const float a = static_cast<float>(std::sqrt(alphaBar));
    const float s = static_cast<float>(std::sqrt(1.0 - alphaBar));
    switch (target) {
        case PredictionTarget::Epsilon:
            // x_0 = (x_t − s·ε) / a; ᾱ_t > 0 for every t of a valid schedule except a zero-terminal-SNR end.
            if (a > 0.0f)
                out = (xt - s * prediction) / a;
            else
                out.setZero(xt.rows(), xt.cols());
            break;
        case PredictionTarget::X0:
            if (&out != &prediction) out = prediction;
            break;
        case PredictionTarget::V:
            out = a * xt - s * prediction;
            break;
    }
}

}  // namespace dl
