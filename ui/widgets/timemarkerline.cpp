#include "ui/widgets/timemarkerline.h"

#include <qcustomplot.h>

namespace dlui {

QCPItemLine* addTimeMarkerLine(QCustomPlot* plot, const QColor& color) {
    auto* line = new QCPItemLine(plot);
    line->setPen(QPen(color, 1.0, Qt::DotLine));
    line->setClipToAxisRect(false);
    // x in the plot's coordinates, y as a fraction of the axis rectangle (0 at its top, 1 at its bottom),
    // so the line spans the rectangle whatever the y range.
    for (QCPItemPosition* end : {line->start, line->end}) {
        end->setTypeX(QCPItemPosition::ptPlotCoords);
        end->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    moveTimeMarkerLine(line, 0.0);
    return line;
}

void moveTimeMarkerLine(QCPItemLine* line, double x) {
    line->start->setCoords(x, 1.0);
    line->end->setCoords(x, 0.0);
}

}  // namespace dlui
