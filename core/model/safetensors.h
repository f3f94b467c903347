// The MLP's weights in the safetensors format (huggingface/safetensors): an 8-byte little-endian
// header length N, N bytes of JSON (padded with spaces to a multiple of 8), then the raw tensors.
// Each tensor is float32, row-major, with PyTorch's nn.Linear layout (weight [out, in], bias [out]):
//   input.weight  [H, I]   input.bias  [H]      first layer, I = d·F (or d) + E
//   blocks.{l}.weight [H, H], blocks.{l}.bias [H]   residual blocks, l = 0..L−1
//   output.weight [d, H]   output.bias [d]
// and __metadata__ holds the configuration (data_dim, input_features, feature_scale, time_embedding,
// hidden, layers, residual, activation, prediction) as strings. Given the model's context, it also holds
// what sampling needs beyond the network: the map from the normalised space back to the data
// (data_offset, data_scale or data_axis_scale: data = x · scale + offset) and the training schedule as a
// diffusers scheduler config (scheduler_config, a JSON string). docs/diffusion_lab_mlp.py loads the file
// into a PyTorch module that computes the same ε̂(x_t, t) as the CLI.
//
//   dl::writeMlpSafetensors("moons.safetensors", net.config(), net.parameters(), {data.norm, schedule});
#pragma once

#include <Eigen/Core>
#include <optional>
#include <string>

#include "core/data/dataset.h"
#include "core/math/schedule.h"
#include "core/model/mlpconfig.h"
#include "core/sampling/timesteps.h"

namespace dl {

/// What sampling needs beside the weights; each part is written when given.
struct SafetensorsContext {
    std::optional<Normalisation> normalisation;  ///< normalised space → data coordinates
    std::optional<ScheduleParams> schedule;      ///< the schedule the model was trained with
    /// The timesteps a K-step sampler visits, written into the scheduler config with the schedule: the
    /// window's choice, or linspace, what the window and `sample` use unless told otherwise (diffusers'
    /// own default, leading, would visit other steps than the samples the person saw).
    TimestepSpacing spacing = TimestepSpacing::Linspace;
};

/// The file's bytes for a network of this config with these parameters (in dl::Mlp's layout).
std::string mlpSafetensorsBytes(const MlpConfig& config, const Eigen::VectorXf& parameters,
                                const SafetensorsContext& context = {});

/// Writes the file atomically; throws dl::Error on a size mismatch or a write failure.
void writeMlpSafetensors(const std::string& path, const MlpConfig& config, const Eigen::VectorXf& parameters,
                         const SafetensorsContext& context = {});

}  // namespace dl
