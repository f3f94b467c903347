#include "ui/export/plotfigure.h"

#include <qcustomplot.h>

#include <algorithm>

#include "ui/export/plotexport.h"

namespace dlui {

namespace {

/// Dresses a plot as a figure for as long as it lives: a title row on top, the legend shown inside the
/// axes when the plot has several named curves and none was shown. The destructor undoes both.
class FigureDress {
public:
    FigureDress(QCustomPlot* plot, const QString& title) : mPlot(plot) {
        if (!title.isEmpty()) {
            QFont font = plot->font();
            font.setBold(true);
            // A font set in pixels has no point size (−1).
            if (font.pointSizeF() > 0)
                font.setPointSizeF(font.pointSizeF() * 1.25);
            else
                font.setPixelSize(std::max(1, qRound(font.pixelSize() * 1.25)));
            mPlot->plotLayout()->insertRow(0);
            mTitle = new QCPTextElement(mPlot, title, font);
            mTitle->setTextColor(mPlot->xAxis->labelColor());
            mPlot->plotLayout()->addElement(0, 0, mTitle);
        }
        int named = 0;
        for (int i = 0; i < mPlot->graphCount(); ++i)
            if (!mPlot->graph(i)->name().isEmpty() && !mPlot->graph(i)->data()->isEmpty()) ++named;
        if (named > 1 && mPlot->legend && !mPlot->legend->visible()) {
            mPlot->legend->setVisible(true);
            mLegendShown = true;
        }
    }
    ~FigureDress() {
        if (mLegendShown) mPlot->legend->setVisible(false);
        if (mTitle) {
            mPlot->plotLayout()->remove(mTitle);  // deletes it
            mPlot->plotLayout()->simplify();      // and the empty row it leaves
        }
        mPlot->replot(QCustomPlot::rpQueuedReplot);
    }
    FigureDress(const FigureDress&) = delete;
    FigureDress& operator=(const FigureDress&) = delete;

private:
    QCustomPlot* mPlot;
    QCPTextElement* mTitle = nullptr;
    bool mLegendShown = false;
};

}  // namespace

QString savePlotFigure(QCustomPlot* plot, const QString& path, const QString& title) {
    if (!plot) return savePlot(plot, path);
    const FigureDress dress(plot, title);
    return savePlot(plot, path, kPlotFigureSize);
}

}  // namespace dlui
