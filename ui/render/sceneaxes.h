// The axes of a 2D scene: a frame, inward ticks on the left and bottom edges, and tick labels, laid out
// first (where every label goes, which ones fit) and then painted, so the layout can be checked without
// reading pixels and the text areas around it (caption, legend, narration) can keep clear of it.
//
//   const dlui::AxisLayout axes = dlui::layoutAxes(map, font);
//   dlui::paintAxes(painter, axes, colors, font, scale);
#pragma once

#include <QFont>
#include <QPainter>
#include <QRectF>
#include <QString>
#include <vector>

#include "ui/render/datatopixel.h"
#include "ui/render/palette.h"

namespace dlui {

/// A tick label and the rectangle of its text (advance wide, ascent to descent high).
struct AxisLabel {
    QString text;
    QRectF box;
};

struct AxisLayout {
    QRectF frame;                ///< the target less half a pixel, on the pixel centres
    double tickLength = 0;       ///< pixels
    std::vector<double> xTicks;  ///< pixel x of each tick on the bottom edge
    std::vector<double> yTicks;  ///< pixel y of each tick on the left edge
    std::vector<AxisLabel> xLabels;
    std::vector<AxisLabel> yLabels;
};

/// Where the ticks and the labels that fit go. Two labels are never closer than an em side by side:
/// the x labels leave the bottom-left corner as wide as the widest y label, and a y label that would
/// still come near an x label is left out.
AxisLayout layoutAxes(const DataToPixel& map, const QFont& font);

/// Draws the frame, the ticks and the labels (each on a plate, so data drawn before stay under them).
void paintAxes(QPainter& painter, const AxisLayout& axes, const SceneColors& colors, const QFont& font,
               double scale);

/// The band along the target's bottom that the x tick labels fill.
QRectF axisLabelBand(const QRectF& target, const QFont& font);

/// The band along the target's left edge that the y tick labels fill (as wide as the widest of them);
/// dataBounds is the data rectangle mapped onto target (sceneDataBounds).
QRectF yAxisLabelBand(const QRectF& target, const QRectF& dataBounds, const QFont& font);

}  // namespace dlui
