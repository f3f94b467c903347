// What Sample runs, computed from the document and the Sampling panel's choices without any widget:
// the learned model samples with the schedule it was trained with (from its snapshot), the exact denoiser
// with the editor's schedule; x̂_0 is clipped to the data's own range for point data.
//
//   dlui::SamplingChoices choices;            // what the panel's controls say
//   QString error;
//   if (auto request = dlui::makeSamplingRequest(document, choices, &error)) controller->request(*request);
#pragma once

#include <QString>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>

#include "core/model/modelpredictor.h"
#include "core/sampling/samplers.h"
#include "ui/sampling/learneddenoisercache.h"
#include "ui/sampling/samplingjob.h"

namespace dlui {

class LabDocument;

struct SamplingChoices {
    bool learned = true;  ///< the document's model; false: the exact denoiser of the data set
    dl::SamplerParams params;
    int count = 2000;
    std::uint64_t seed = 1;
    int ddimTrailRows = 0;  ///< rows to follow with a DDIM η = 0 pass for trails (0: none; 2D points only)
    /// Of the learned model's products: bfloat16 (where the CPU has it) or int16 (AVX2 without AVX-512)
    /// take less than half the time of float32 for the default preset's chain (docs/performance.md).
    dl::ProductPrecision precision = dl::fastestProductPrecision();
    /// Where the learned denoiser of the last model sampled is kept (null: built afresh for each run).
    std::shared_ptr<LearnedDenoiserCache> denoiserCache;
};

/// The request, or nothing with a one-line *error (no data, no model, a model of another dimension, bad
/// sampler settings).
std::optional<SamplingRequest> makeSamplingRequest(const LabDocument& document,
                                                   const SamplingChoices& choices, QString* error);

/// "DDPM (σ² = β̃), K = 150", "DDIM η = 0, K = 50", … for status lines and captions.
QString samplerLabel(const dl::SamplerParams& params, int T);

}  // namespace dlui
