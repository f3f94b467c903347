// Reading and writing the scheduler config of Hugging Face diffusers (scheduler_config.json of
// DDPMScheduler, DDIMScheduler, PNDMScheduler, …), so the schedule of a real model (Stable Diffusion
// 1.5, DDPM CIFAR-10, …) opens here with its ᾱ_t and SNR. The β fields map onto dl::ScheduleParams:
//   linear            β = linspace(beta_start, beta_end, T)                    → Linear
//   scaled_linear     β = linspace(√beta_start, √beta_end, T)²                 → ScaledLinear
//   squaredcos_cap_v2 β from ᾱ(t) = cos²((t/T + 0.008)/1.008 · π/2), β ≤ 0.999 → Cosine
//   sigmoid           β = sigmoid(linspace(−6, 6, T))·(end − start) + start    → Sigmoid
//   trained_betas     the array as it stands                                   → Custom
//   rescale_betas_zero_snr (Lin et al. 2024, Algorithm 1)                      → zeroTerminalSnr
// The schedule fields are read by the one schedule JSON reader (core/data/schedulejson.h). The sampling
// fields (prediction_type, timestep_spacing, steps_offset, clip_sample) are kept as they are; every other
// field is listed in `unused`, so nothing is dropped without a word.
//
//   dl::DiffusersSchedulerConfig c = dl::readDiffusersSchedulerConfig(path);  // throws dl::Error
//   dl::Schedule s(c.schedule);
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/math/schedule.h"

namespace dl {

struct DiffusersSchedulerConfig {
    ScheduleParams schedule;
    std::string className;                    ///< _class_name, when given
    std::string predictionType = "epsilon";   ///< epsilon, sample or v_prediction
    std::string timestepSpacing = "leading";  ///< leading, linspace or trailing
    int stepsOffset = 0;
    bool clipSample = true;
    std::vector<std::string> unused;  ///< fields present in the file that this program does not use
};

/// Parses a scheduler_config.json; throws dl::Error ("diffusers config: …") naming the field on a bad value
/// or a schedule Schedule::validate refuses.
DiffusersSchedulerConfig parseDiffusersSchedulerConfig(std::string_view json);

/// Reads and parses the file at `path` (a regular file of at most 16 MiB); throws dl::Error starting with
/// the path.
DiffusersSchedulerConfig readDiffusersSchedulerConfig(const std::string& path);

/// The config as diffusers writes it (DDPMScheduler), for the schedule and the sampling fields.
std::string diffusersSchedulerConfigJson(const DiffusersSchedulerConfig& config);

/// The config that describes how this program samples a schedule: with the given timestep_spacing
/// (linspace, leading or trailing) and clip_sample false. diffusers' clip_sample clips x̂_0 to ±1 (its
/// images' range), where this program clips to the data's own range, which normalised 2D points exceed
/// (an outer ring at radius 2.4): its default, true, would cut the samples.
DiffusersSchedulerConfig diffusersConfigForSampling(const ScheduleParams& schedule, std::string_view spacing);

}  // namespace dl
