// Architecture of the denoising MLP ε_θ(x_t, t): a value type the trainer, the model file, the UI and
// the CLI share. The defaults are the tiny-diffusion network (tanelp/tiny-diffusion): sinusoidal
// features of each coordinate (scale 25) and of t, a 128-wide input layer, 3 residual GELU blocks.
//
//   dl::MlpConfig c;            // tiny-diffusion for 2D points
//   c.dataDim = 256;            // a 16×16 gray image
//   c.inputFeatures = 0;        // raw pixels in, no Fourier features
//   if (auto problem = dl::validateMlpConfig(c)) ...
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model/prediction.h"

namespace dl {

enum class Activation { Gelu, Silu, Relu };

struct MlpConfig {
    int dataDim = 2;             ///< d: 2 for points, width·height·channels for images
    int inputFeatures = 128;     ///< sinusoidal features per coordinate (even), 0 = raw coordinates
    float featureScale = 25.0f;  ///< coordinates are multiplied by this before the sinusoids
    int timeEmbedding = 128;     ///< sinusoidal features of t (even, ≥ 2)
    int hidden = 128;            ///< width of every hidden layer
    int layers = 3;              ///< hidden blocks after the input layer
    bool residual = true;        ///< blocks compute h + act(W h + b) instead of act(W h + b)
    Activation activation = Activation::Gelu;
    PredictionTarget target = PredictionTarget::Epsilon;

    bool operator==(const MlpConfig&) const = default;

    /// Width of the first linear layer's input: d·F (or d) coordinate features plus the t embedding.
    int inputWidth() const { return (inputFeatures > 0 ? dataDim * inputFeatures : dataDim) + timeEmbedding; }
};

constexpr int kMaxDataDim = 1 << 16;
constexpr int kMaxHidden = 8192;
constexpr int kMaxLayers = 64;
constexpr int kMaxFeatures = 4096;

/// A message naming the first bad field and its allowed range, or nothing when the config is valid.
std::optional<std::string> validateMlpConfig(const MlpConfig& config);

/// Lower-case names used on the command line and in files: gelu, silu, relu.
std::string_view activationName(Activation activation);
std::optional<Activation> activationFromName(std::string_view name);

/// One line for logs and the UI, e.g. "d=2 F=128 E=128 H=128 L=3 residual gelu eps".
std::string describeMlpConfig(const MlpConfig& config);

}  // namespace dl
