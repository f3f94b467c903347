// Which timesteps a sampler visits when it takes K < T steps: the three spacings of Hugging Face
// diffusers (`timestep_spacing` of DDIMScheduler/DDPMScheduler, cf. Lin et al. 2024, Table 2), moved
// from diffusers' 0-based indices 0..T−1 to this project's 1-based t = 1..T (our t = theirs + 1).
//
//   linspace  round(linspace(0, T−1, K)) + 1          e.g. T=1000, K=10: 1000, 889, …, 112, 1
//   leading   (0, r, 2r, …, (K−1)r) + 1, r = ⌊T/K⌋     e.g. T=1000, K=10: 901, 801, …, 101, 1
//   trailing  round(T − i·T/K), i = 0..K−1             e.g. T=1000, K=10: 1000, 900, …, 100
//
// Rounding is half-to-even, as numpy's round. Only linspace and trailing start at t = T; with
// leading the sampler treats its N(0, I) start as x at the first listed step (as diffusers does).
//
//   std::vector<int> ts = dl::samplingTimesteps(1000, 50, dl::TimestepSpacing::Trailing);
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace dl {

enum class TimestepSpacing { Linspace, Leading, Trailing };

/// Lower-case names used on the command line and in files: linspace, leading, trailing.
std::string_view timestepSpacingName(TimestepSpacing spacing);
std::optional<TimestepSpacing> timestepSpacingFromName(std::string_view name);

/// K distinct timesteps in 1..T, in descending order. Throws dl::Error unless 1 ≤ K ≤ T.
std::vector<int> samplingTimesteps(int T, int K, TimestepSpacing spacing);

}  // namespace dl
