// View bounds that stay fixed over an animation, so frames do not jump as the points spread out.
//
// Data coordinates throughout: a QRectF's left/top are the minimum x/y (y grows upwards on screen).
//
//   QRectF view = dlui::diffusionViewBounds(data);     // holds x_0 and N(0, I) mapped back
//   scene.viewBounds = view;                           // the same for every frame of the export
#pragma once

#include <QRectF>

#include "core/data/dataset.h"
#include "core/math/types.h"

namespace dlui {

/// Bounding box of the first two columns of `points` grown by `padding` (a fraction of the larger side)
/// on each side. An empty QRectF for no points; a 1×1 box around a single point.
QRectF pointBounds(const dl::Batch& points, double padding = 0.05);

/// The box that holds the clean data x_0 and where N(0, I) (what x_T is) puts nearly all its mass,
/// ±`sigmas` standard deviations in normalised units mapped back to data coordinates; every x_t of the
/// forward process and every state of the reverse chain then fits, so one view serves t = 0..T.
/// A data set with fewer than 2 dimensions gives an empty QRectF.
QRectF diffusionViewBounds(const dl::DataSet& data, double sigmas = 3.5);

/// `bounds` grown around its centre so that its width:height equals that of `target` (equal units on
/// both axes: circles stay circles). Empty input stays empty.
QRectF equalAspectBounds(const QRectF& bounds, const QSizeF& target);

}  // namespace dlui
