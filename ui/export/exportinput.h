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

}  // namespace dlui
