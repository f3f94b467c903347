// The one JSON form of schedule parameters, shared by session files, export sidecars, presets and
// `diffusion-lab-cli schedule --json`. Keys follow diffusers' DDPMScheduler config so the files read
// the same there: num_train_timesteps, beta_start, beta_end, beta_schedule (linear, scaled_linear,
// squaredcos_cap_v2, sigmoid, or custom), rescale_betas_zero_snr, trained_betas (a custom β array);
// control_points ([[u, β], …]) is Diffusion Lab's own for a custom curve.
//
//   QJsonObject o = dl::scheduleParamsToJson(params);
//   auto back = dl::scheduleParamsFromJson(o, dl::ScheduleParams{}, &error);  // == params
//
// Reading also accepts the older forms (sessions: kind, T, zero_terminal_snr, betas; export sidecars:
// betaStart, betaEnd, zeroTerminalSnr, customBetas, customControlPoints), so old files still open.
#pragma once

#include <QJsonObject>
#include <QString>
#include <optional>
#include <string_view>

#include "core/math/schedule.h"

namespace dl {

/// diffusers' beta_schedule name for a kind ("squaredcos_cap_v2" for Cosine; "custom" for Custom).
std::string_view diffusersScheduleName(ScheduleKind kind);
/// The kind for a diffusers name or one of Diffusion Lab's own (scheduleKindFromName).
std::optional<ScheduleKind> scheduleKindFromJsonName(std::string_view name);

QJsonObject scheduleParamsToJson(const ScheduleParams& params);

/// Keys missing from `json` keep their value from `base`. On a wrong type or unknown schedule name returns
/// nothing and sets *error to one line naming the key; the result is not validated (Schedule::validate).
std::optional<ScheduleParams> scheduleParamsFromJson(const QJsonObject& json, const ScheduleParams& base,
                                                     QString* error = nullptr);

}  // namespace dl
