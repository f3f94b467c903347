// Published diffusers scheduler configs, verbatim, for the tests that import them (the core reader's and
// the window's File ▸ Import).
#pragma once

namespace dltest {

// runwayml/stable-diffusion-v1-5, scheduler/scheduler_config.json.
constexpr const char* kStableDiffusion15 = R"({
  "_class_name": "PNDMScheduler",
  "_diffusers_version": "0.6.0",
  "beta_end": 0.012,
  "beta_schedule": "scaled_linear",
  "beta_start": 0.00085,
  "num_train_timesteps": 1000,
  "set_alpha_to_one": false,
  "skip_prk_steps": true,
  "steps_offset": 1,
  "trained_betas": null,
  "clip_sample": false
})";

// google/ddpm-cifar10-32, scheduler_config.json.
constexpr const char* kDdpmCifar10 = R"({
  "_class_name": "DDPMScheduler",
  "_diffusers_version": "0.1.1",
  "beta_end": 0.02,
  "beta_schedule": "linear",
  "beta_start": 0.0001,
  "clip_sample": true,
  "num_train_timesteps": 1000,
  "trained_betas": null,
  "variance_type": "fixed_large"
})";

}  // namespace dltest
