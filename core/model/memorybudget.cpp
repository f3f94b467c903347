#include "core/model/memorybudget.h"

#include <algorithm>

#include "core/training/trainer.h"

namespace dl {
namespace {

std::string megabytes(std::int64_t bytes) {
    return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MB";
}

}  // namespace

std::int64_t mlpParameterCount(const MlpConfig& c) {
    const std::int64_t H = c.hidden, d = c.dataDim;
    const std::int64_t in =
        static_cast<std::int64_t>(c.inputFeatures > 0 ? c.inputFeatures : 1) * d + c.timeEmbedding;
    return H * (in + 1) + static_cast<std::int64_t>(c.layers) * H * (H + 1) + d * (H + 1);
}

std::int64_t trainingMemoryBytes(const MlpConfig& model, const TrainerConfig& trainer) {
    const std::int64_t P = mlpParameterCount(model);
    const std::int64_t B = std::max(trainer.batchSize, 1);
    const std::int64_t threads = std::clamp<std::int64_t>(trainer.threads, 1, B);
    const std::int64_t H = model.hidden, d = model.dataDim, L = model.layers;
    const std::int64_t in = static_cast<std::int64_t>(model.inputFeatures > 0 ? model.inputFeatures : 1) * d +
                            model.timeEmbedding;
    // Weights, EMA, Adam m and v, one gradient per thread.
    const std::int64_t weights = P * (4 + threads);
    // Per sample: the input features, every hidden activation with its derivative and backward
    // buffer, the output and its gradient, the noisy input and the noise.
    const std::int64_t activations = B * (in + 3 * (L + 1) * H + 4 * d);
    return 4 * (weights + activations);
}

std::optional<std::string> checkModelSize(const MlpConfig& config) {
    const std::int64_t P = mlpParameterCount(config);
    if (P > limits::kMaxModelParameters)
        return "the network has " + std::to_string(P) + " weights, more than the limit of " +
               std::to_string(limits::kMaxModelParameters) + "; use a smaller hidden width or fewer layers";
    return std::nullopt;
}

std::optional<std::string> checkTrainingMemory(const MlpConfig& model, const TrainerConfig& trainer) {
    if (auto problem = checkModelSize(model)) return problem;
    const std::int64_t bytes = trainingMemoryBytes(model, trainer);
    if (bytes > limits::kMaxTrainingBytes)
        return "training with batch " + std::to_string(trainer.batchSize) + ", hidden width " +
               std::to_string(model.hidden) + " and " + std::to_string(model.layers) +
               " layers needs about " + megabytes(bytes) + " of memory, more than the limit of " +
               megabytes(limits::kMaxTrainingBytes) + "; use a smaller batch or network";
    return std::nullopt;
}

}  // namespace dl
