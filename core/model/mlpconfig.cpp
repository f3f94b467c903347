#include "core/model/mlpconfig.h"

#include <cmath>

namespace dl {

std::optional<std::string> validateMlpConfig(const MlpConfig& c) {
    if (c.dataDim < 1 || c.dataDim > kMaxDataDim)
        return "data dimension must be from 1 to " + std::to_string(kMaxDataDim) + ", got " +
               std::to_string(c.dataDim);
    if (c.inputFeatures < 0 || c.inputFeatures > kMaxFeatures || c.inputFeatures % 2 != 0)
        return "input features must be 0 or an even number from 2 to " + std::to_string(kMaxFeatures) +
               ", got " + std::to_string(c.inputFeatures);
    if (!std::isfinite(c.featureScale) || c.featureScale <= 0.0f || c.featureScale > 1e4f)
        return "feature scale must be in (0, 10000], got " + std::to_string(c.featureScale);
    if (c.timeEmbedding < 2 || c.timeEmbedding > kMaxFeatures || c.timeEmbedding % 2 != 0)
        return "time embedding must be an even number from 2 to " + std::to_string(kMaxFeatures) + ", got " +
               std::to_string(c.timeEmbedding);
    if (c.hidden < 1 || c.hidden > kMaxHidden)
        return "hidden width must be from 1 to " + std::to_string(kMaxHidden) + ", got " +
               std::to_string(c.hidden);
    if (c.layers < 0 || c.layers > kMaxLayers)
        return "layers must be from 0 to " + std::to_string(kMaxLayers) + ", got " + std::to_string(c.layers);
    const long long inWidth = static_cast<long long>(c.inputFeatures > 0 ? c.inputFeatures : 1) * c.dataDim;
    if (inWidth > (1LL << 22))
        return "input features × data dimension must be at most 4194304, got " + std::to_string(inWidth);
    return std::nullopt;
}

std::string_view activationName(Activation activation) {
    switch (activation) {
        case Activation::Gelu:
            return "gelu";
        case Activation::Silu:
            return "silu";
        case Activation::Relu:
            return "relu";
    }
    return "gelu";
}

std::optional<Activation> activationFromName(std::string_view name) {
    for (Activation a : {Activation::Gelu, Activation::Silu, Activation::Relu})
        if (activationName(a) == name) return a;
    return std::nullopt;
}

std::string describeMlpConfig(const MlpConfig& c) {
    return "d=" + std::to_string(c.dataDim) + " F=" + std::to_string(c.inputFeatures) +
           " E=" + std::to_string(c.timeEmbedding) + " H=" + std::to_string(c.hidden) +
           " L=" + std::to_string(c.layers) + (c.residual ? " residual " : " plain ") +
           std::string(activationName(c.activation)) + " " + std::string(predictionTargetName(c.target));
}

}  // namespace dl
