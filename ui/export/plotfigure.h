// A window's plot saved as a figure of its own, for a slide or a paper: the schedule's and the loss's plots
// are strips sized for their docks (628×180 px), with no title and, for the loss, no legend telling its
// two curves apart. As a figure the plot is laid out at a slide's proportions, under a title, with a legend
// where it has several named curves. The window's t marker stays: it is the t the lecture is at. The widget
// is dressed for the save and given back as it was.
//
//   QString error = dlui::savePlotFigure(plot, "beta.png", tr("β_t · linear T=150"));   // empty: saved
#pragma once

#include <QSize>
#include <QString>

class QCustomPlot;

namespace dlui {

/// The figure's size in layout pixels (a PNG has twice as many each way; a PDF is this size in points).
inline constexpr QSize kPlotFigureSize(800, 400);

/// Saves `plot` as a figure under `title` to `path` (.png or .pdf, see savePlot). Empty on success, or what
/// went wrong.
QString savePlotFigure(QCustomPlot* plot, const QString& path, const QString& title);

}  // namespace dlui
