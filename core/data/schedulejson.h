// The one JSON form of schedule parameters, read and written here for every file that holds a schedule:
// session files, export sidecars, presets, `diffusion-lab-cli schedule --json` and diffusers scheduler
// configs (core/data/diffusersconfig.h). Keys follow diffusers' DDPMScheduler config:
//   num_train_timesteps, beta_start, beta_end,
//   beta_schedule          linear, scaled_linear, squaredcos_cap_v2 (Cosine), sigmoid, or custom,
//   rescale_betas_zero_snr (Lin et al. 2024, Algorithm 1),
//   trained_betas          a β array; as in diffusers it makes the schedule Custom with T = its length,
//   control_points         ([[u, β], …]) Diffusion Lab's own, for a hand-drawn custom curve.
// Reading also accepts the older forms, so old files still open (sessions of format 1: kind, T,
// zero_terminal_snr, betas; export sidecars: betaStart, betaEnd, zeroTerminalSnr, customBetas,
// customControlPoints). A key whose value is null counts as absent.
//
//   dl::JsonValue o = dl::scheduleParamsToJson(params);
//   dl::ScheduleParams back = dl::scheduleParamsFromJson(o, dl::ScheduleParams{});  // == params
#pragma once

#include <optional>
#include <string_view>

#include "core/data/json.h"
#include "core/math/schedule.h"

namespace dl {

/// diffusers' beta_schedule name for a kind ("squaredcos_cap_v2" for Cosine; "custom" for Custom).
std::string_view diffusersScheduleName(ScheduleKind kind);
/// The kind for a diffusers name or one of Diffusion Lab's own (scheduleKindFromName).
std::optional<ScheduleKind> scheduleKindFromJsonName(std::string_view name);

/// An object with the keys above. trained_betas is written for a Custom schedule given by its β array,
/// control_points when there are any.
JsonValue scheduleParamsToJson(const ScheduleParams& params);

/// Reads the keys above from an object; keys it does not hold keep their value from `base`. Throws
/// dl::Error with one line starting with the key ("beta_end must be a number, got a string") on a value of
/// the wrong type, a timestep count that is not a whole number from kMinTimesteps to kMaxTimesteps, or an
/// unknown schedule name. The result is not validated (Schedule::validate).
ScheduleParams scheduleParamsFromJson(const JsonValue& object, const ScheduleParams& base);

/// Whether scheduleParamsFromJson reads `key` (in any of its forms).
bool isScheduleJsonKey(std::string_view key);

}  // namespace dl
