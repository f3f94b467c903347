// The dotted vertical line that marks the timeline's t on a plot of t (the schedule plots, the
// comparison's plots). It runs from the bottom of the axis rectangle to its top and is not clipped to it:
// QCustomPlot draws x = upper one pixel right of the rectangle's clip, so a clipped line (a
// QCPItemStraightLine) vanished at the last step, t = T.
//
//   QCPItemLine* marker = dlui::addTimeMarkerLine(plot, QColor(220, 40, 40));
//   dlui::moveTimeMarkerLine(marker, t);   // then replot
#pragma once

#include <QColor>

class QCustomPlot;
class QCPItemLine;

namespace dlui {

/// A new marker line owned by `plot`, at x = 0 until moved.
QCPItemLine* addTimeMarkerLine(QCustomPlot* plot, const QColor& color);
/// Puts the line at x = `x` in the plot's coordinates.
void moveTimeMarkerLine(QCPItemLine* line, double x);

}  // namespace dlui
