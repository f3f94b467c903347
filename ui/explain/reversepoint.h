// The point inspector in the reverse view: one sampled point's own vectors for the step shown at t, read
// from the sampler's per-step records (core/sampling/steprecord.h), and the Explain dock's text that fills
// the reverse step in with them: x_t, ε̂, x̂_0, μ, the noise σ_t z and x_s = μ + σ_t z. No widgets.
//
//   if (auto v = dlui::reversePointVectors(*trajectory, row, t))
//       html += dlui::reversePointText(*v, schedule, params.kind);
#pragma once

#include <QCoreApplication>
#include <QString>
#include <optional>

#include "core/math/schedule.h"
#include "core/sampling/samplers.h"
#include "ui/explain/equationtext.h"

namespace dlui {

/// One point's vectors for one reverse step t → s, normalised coordinates (the model's space).
struct ReversePointVectors {
    int row = -1;
    int t = 0, s = 0;
    double sigma = 0.0;
    double xt[2] = {0, 0}, eps[2] = {0, 0}, x0[2] = {0, 0}, mean[2] = {0, 0}, noise[2] = {0, 0},
           next[2] = {0, 0};
};

/// The vectors of `row` for the step shown at timestep t (ReverseStepRecords::stepAt), or nothing when the
/// row was not recorded (or the data are not 2D).
std::optional<ReversePointVectors> reversePointVectors(const dl::Trajectory& trajectory, int row, int t);

class ReversePointText {
    Q_DECLARE_TR_FUNCTIONS(dlui::ReversePointText)
public:
    /// The step written out with the point's numbers: the sampler's update (DDPM or DDIM) term by term.
    /// `estimate`: what named the noise (ε_θ or the exact denoiser's ε*).
    static QString html(const ReversePointVectors& v, const dl::Schedule& schedule, dl::SamplerKind kind,
                        NoiseEstimate estimate = NoiseEstimate::Network);
};

}  // namespace dlui
