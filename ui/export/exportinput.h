// The export input for a window's document: what the Export dialog and File → Export hand to the
// exporter, taken from the document as values (safe to pass to the export worker).
//
//   dlui::ExportInput in = dlui::makeExportInput(document, denoiser);
#pragma once

#include "core/sampling/denoiser.h"
#include "ui/document/labdocument.h"
#include "ui/render/framesource.h"

namespace dlui {

/// Its data, the editor's schedule and forward noise, the sampled trajectory with the model's schedule
/// (when there is one), and an optional denoiser for arrows.
ExportInput makeExportInput(const LabDocument& document, dl::EpsilonPredictor denoiser = {});

/// The denoiser an export draws its arrow field with, the one the window samples with: the trained model
/// (learned) or the exact denoiser of the data. Empty when there is none for these frames: no 2-D point
/// data, no model for learned, or a model trained with another schedule than the editor's (one denoiser
/// serves the forward frames, on the editor's schedule, and the reverse frames, on the model's).
dl::EpsilonPredictor makeExportArrowDenoiser(const LabDocument& document, bool learned);

}  // namespace dlui
