// The default training preset, shared by the UI and the CLI so both train the same model by default.
// Chosen by measurement (docs/performance.md): on moons with 8000 points it trains in a few seconds
// on two cores to samples whose sliced Wasserstein distance to the data is within 2× of the floor.
//
//   dl::Trainer trainer(data, dl::Schedule(dl::defaultTrainingSchedule()), dl::defaultMlpConfig(),
//                       dl::defaultTrainerConfig());
#pragma once

#include "core/math/schedule.h"
#include "core/model/mlpconfig.h"
#include "core/training/trainer.h"

namespace dl {

/// Network of the default preset (2D points).
MlpConfig defaultMlpConfig();
/// Network for image data of dimension d (S·S·C): raw pixels in (Fourier features of every pixel
/// would make the first layer d·F wide), 3 residual GELU blocks, hidden width by image size
/// (256 up to 8×8 gray, 384 beyond; docs/performance.md has the measurements).
MlpConfig defaultImageMlpConfig(int dataDim);
/// Optimiser settings for image data of dimension d: the default preset with batch and learning rate
/// chosen by image size, so 5000 steps stay within ~20 s on 2 cores.
TrainerConfig defaultImageTrainerConfig(int dataDim);
/// Optimiser settings of the default preset (threads = 1; callers set their own).
TrainerConfig defaultTrainerConfig();
/// Schedule the default preset trains with: reaches ᾱ_T ≈ 0 (pure noise) at the last step.
ScheduleParams defaultTrainingSchedule();

/// The "detailed shape" preset, for photos and images used as 2D shapes, whose sharp edges (a spire, the
/// rim of a flower's disc) the default budget blurs: twice the width (hidden 256) and four times the steps
/// (20,000) of the default, same batch, a lower peak learning rate for the longer run. Measured on two
/// nearly free cores: `train --dataset moons --hidden 256 --steps 20000 --lr 0.001 --warmup 400` trained
/// in 48.7 s (410 steps/s), hence kDetailedShapeSeconds.
MlpConfig detailedShapeMlpConfig();
TrainerConfig detailedShapeTrainerConfig();
/// Expected wall time of a detailed-shape run on two free cores, for people choosing the preset.
constexpr int kDetailedShapeSeconds = 50;
/// Expected wall time of a default run on two free cores (README: 3–4 s).
constexpr int kDefaultPresetSeconds = 4;

/// The tiny-diffusion configuration the benchmarks compare with: 2D, 128 sinusoidal features per
/// coordinate (scale 25), t-embedding 128, hidden 128, 3 residual GELU blocks, batch 32, T = 50.
MlpConfig tinyDiffusionMlpConfig();
/// The image configuration of the benchmarks: a 16×16 gray image (d = 256), raw pixels, hidden 512.
MlpConfig imageBenchMlpConfig();

}  // namespace dl
