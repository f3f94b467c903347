// The settings of one pane of the side-by-side comparison, as a plain value, and what the pane runs:
// its own schedule (kind, T, β range) for the forward process, and in reverse its sampler (DDPM, DDIM with
// K steps, Langevin) over either the exact denoiser of the data with that schedule, or the document's
// learned model, which always samples with the schedule it was trained with (never mixed).
//
//   std::vector<dlui::PaneSettings> panes =
//       dlui::presetPanes(dlui::ComparisonPreset::LinearVsCosine, document.schedule().params(), {});
//   QString error;
//   if (auto request = dlui::makePaneRequest(document, panes[0], 1000, 7, &error))
//   controller.request(*request);
#pragma once

#include <QList>
#include <QString>
#include <optional>
#include <vector>

#include "core/math/schedule.h"
#include "core/sampling/samplers.h"
#include "ui/sampling/samplingjob.h"

namespace dlui {

class LabDocument;

struct PaneSettings {
    dl::ScheduleParams schedule;  ///< the pane's forward process, and the exact denoiser's reverse one
    bool learned = false;         ///< reverse with the document's model instead of the exact denoiser
    dl::SamplerParams sampler;    ///< kind, K (0 = every t), η
};

/// Typical comparisons, offered in the comparison's setup.
enum class ComparisonPreset {
    LinearVsCosine,  ///< the same T, linear β vs cosine ᾱ (Nichol & Dhariwal 2021)
    FewVsManySteps,  ///< linear β 10⁻⁴…0.02 with T = 50 vs T = 1000 (T = 50 never reaches noise)
    DdpmVsDdim,      ///< one schedule, DDPM over every t vs DDIM (η = 0) with K = 10
    LearnedVsExact,  ///< the model's schedule, the learned denoiser vs the exact one
};

QList<ComparisonPreset> comparisonPresets();
/// "Linear vs cosine", "T = 50 vs T = 1000", …
QString presetName(ComparisonPreset preset);
/// The panes of a preset, built around the editor's schedule (and the model's, when there is a model).
std::vector<PaneSettings> presetPanes(ComparisonPreset preset, const dl::ScheduleParams& editor,
                                      const std::optional<dl::ScheduleParams>& model);

/// One line naming the pane's settings: "cosine T=1000 · DDIM η = 0, K = 10 · exact denoiser". A learned
/// pane names the model's schedule when it is known (that is what its reverse process uses).
QString describePane(const PaneSettings& pane, const std::optional<dl::ScheduleParams>& model = {});

/// The sampling run of one pane (count samples from the seed's x_T), or nothing with a one-line *error: no
/// model for a learned pane, an invalid schedule, a K beyond T. Every pane of a comparison gets the same
/// seed, so all start from the same x_T and draw the same noise stream.
std::optional<SamplingRequest> makePaneRequest(const LabDocument& document, const PaneSettings& pane,
                                               int count, std::uint64_t seed, QString* error);

}  // namespace dlui
