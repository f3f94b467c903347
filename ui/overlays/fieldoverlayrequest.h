// What the field overlays of one frame ask the overlay job for, computed from the document without any
// widget (like ui/sampling/samplingrequest.h for Sample): the schedule of what the view shows (the
// editor's going forward; in reverse the one the samples were drawn with), whether the learned field can
// be drawn (a model, trained with that schedule, on 2D data) or why not, and the request itself, which
// captures the data and the model's weights by value (shared immutable snapshots).
//
//   dlui::FieldOverlayPlan plan = dlui::planFieldOverlay(document, settings, t, reverse, bounds);
//   if (plan.request) controller.request(*plan.request);
//   panel.showFieldNote(plan.note);
#pragma once

#include <QRectF>
#include <QString>
#include <cstdint>
#include <optional>

#include "core/math/schedule.h"
#include "ui/overlays/fieldoverlay.h"

namespace dlui {

class LabDocument;

struct FieldOverlayPlan {
    /// Nothing when no overlay applies: none asked for, no data, image or non-2D data, invalid bounds.
    std::optional<FieldOverlayRequest> request;
    /// Why the overlays asked for are not all drawn: none at t = 0, or not the learned field (empty when
    /// everything asked for is drawn).
    QString note;
    bool learned = false;  ///< the request includes the learned field
    /// LabDocument::modelGeneration() of the weights used (0 without a learned field), and their step.
    std::uint64_t modelGeneration = 0;
    int modelStep = -1;
};

/// The overlay request for the frame at timestep t (clamped to the schedule's range) of the forward or
/// reverse view over bounds (data coordinates).
FieldOverlayPlan planFieldOverlay(const LabDocument& document, const FieldOverlaySettings& settings, int t,
                                  bool reverse, const QRectF& bounds);

}  // namespace dlui
