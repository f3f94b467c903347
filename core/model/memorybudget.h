// How much memory a network and its training imply, computed from the sizes alone, so a hostile model
// file or a flag like --batch 1048576 is refused with a message naming the limit before anything is
// allocated.
//
//   if (auto problem = dl::checkTrainingMemory(model, trainer)) throw dl::Error(*problem);
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/model/mlpconfig.h"

namespace dl {

struct TrainerConfig;

namespace limits {
/// Most weights a network may have: 64M floats (256 MB per copy; training keeps about six copies).
constexpr std::int64_t kMaxModelParameters = 64LL * 1024 * 1024;
/// Most memory one training run may plan for: weights, optimizer state, per-thread gradients and the
/// activations of one batch.
constexpr std::int64_t kMaxTrainingBytes = 3LL * 1024 * 1024 * 1024;
/// Largest model file read: every weight vector a file can hold at the parameter limit, plus slack.
constexpr std::int64_t kMaxModelFileBytes = 5 * kMaxModelParameters * 4 + 64LL * 1024 * 1024;
}  // namespace limits

/// The number of weights of BasicMlp(config) (W and b of the input layer, `layers` H×H blocks and the
/// output layer), computed without allocating. The config must be valid (validateMlpConfig).
std::int64_t mlpParameterCount(const MlpConfig& config);

/// Bytes a training run with these sizes holds at its peak (an estimate within a small factor).
std::int64_t trainingMemoryBytes(const MlpConfig& model, const TrainerConfig& trainer);

/// A message naming the limit when the network has more weights than limits::kMaxModelParameters.
std::optional<std::string> checkModelSize(const MlpConfig& config);

/// A message naming the limit when training would plan for more than limits::kMaxTrainingBytes.
std::optional<std::string> checkTrainingMemory(const MlpConfig& model, const TrainerConfig& trainer);

}  // namespace dl
