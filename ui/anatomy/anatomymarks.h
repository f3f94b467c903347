// The marks the anatomy of a step draws on the main view, built without widgets as SceneAnnotations
// (ui/render/sceneannotations.h), so exported frames can carry them too:
//   - a picked point: a ring and its whole path (forward: x_t = √ᾱ_t x_0 + √(1−ᾱ_t) ε over every t;
//     reverse: the states the sampler recorded for it);
//   - step mode: for chosen points, the reverse step that starts at the state shown, as three arrows
//     x_t → x̂_0 (the model's guess of the clean point), x_t → μ_θ (the mean of the step) and
//     μ_θ → x_s (the noise σ_t z that lands the point), with a legend (μ* and E[x_0 | x_t] for the exact
//     denoiser);
//   - a narrated training step: what each of the five stages made (trainingstagemarks).
// Everything comes in normalised coordinates and goes out in data coordinates through the data set's
// normalisation.
//
//   dlui::SceneAnnotations a;
//   dlui::addStepArrows(a, trajectory->stepRecords, {0, 1, 2}, shownTimestep, data->norm);
#pragma once

#include <vector>

#include "core/data/dataset.h"
#include "core/math/schedule.h"
#include "core/sampling/samplers.h"
#include "ui/render/sceneannotations.h"

namespace dlui {

/// The arrow colours of step mode, also used by the legend.
struct StepArrowColors {
    static QColor x0() { return {30, 110, 200}; }
    static QColor mean() { return {40, 150, 60}; }
    static QColor noise() { return {225, 95, 20}; }
    static QColor picked() { return {200, 40, 160}; }
};

/// A ring on a picked point and its forward path over t = 0…T (2D data).
void addForwardPointMarks(SceneAnnotations& marks, const dl::DataSet& data, const dl::Batch& noise,
                          const dl::Schedule& schedule, int row, int t);

/// A ring on a picked point where the reverse view shows it, and its recorded path (nothing when the row
/// was not recorded). `shown` is the state drawn (N×d, normalised).
void addReversePointMarks(SceneAnnotations& marks, const dl::Trajectory& trajectory, const dl::Batch& shown,
                          const dl::Normalisation& norm, int row);

/// Step mode: the three arrows of the step that starts at timestep `shownT` for every recorded row among
/// `rows`, and the legend, in the words of the denoiser that drew them (`exactDenoiser`: x̂_0 = E[x_0 | x_t]
/// and μ*, not the model's guess and μ_θ). Returns the number of points given arrows (0 when no step starts
/// there: x_0).
int addStepArrows(SceneAnnotations& marks, const dl::ReverseStepRecords& records,
                  const std::vector<int>& rows, int shownT, const dl::Normalisation& norm,
                  bool exactDenoiser = false);

/// The step of `records` that starts exactly at timestep t, or null.
const dl::ReverseStepRecord* stepStartingAt(const dl::ReverseStepRecords& records, int t);

}  // namespace dlui
