#include "ui/compare/comparisonplots.h"

#include <qcustomplot.h>

#include <QVBoxLayout>
#include <cmath>

#include "ui/compare/comparison.h"
#include "ui/view/timeline.h"
#include "ui/widgets/timemarkerline.h"

namespace dlui {

QColor paneColor(int index) {
    static const QColor colors[] = {QColor(40, 110, 190), QColor(214, 96, 40), QColor(50, 150, 80),
                                    QColor(150, 80, 170)};
    return colors[static_cast<size_t>(std::clamp(index, 0, 3))];
}

namespace {

QCustomPlot* makePlot(QWidget* parent, const QString& yLabel) {
    auto* plot = new QCustomPlot(parent);
    plot->setMinimumHeight(140);
    QFont small = parent->font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() - 1.5));
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->setTickLabelFont(small);
        axis->setLabelFont(small);
    }
    plot->yAxis->setLabel(yLabel);
    plot->xAxis->setRange(0.0, 1.0);
    return plot;
}

}  // namespace

ComparisonPlots::ComparisonPlots(Comparison* comparison, QWidget* parent)
    : QWidget(parent), mComparison(comparison) {
    setObjectName(QStringLiteral("comparisonPlots"));
    mAlphaPlot = makePlot(this, tr("ᾱₜ"));
    mAlphaPlot->setObjectName(QStringLiteral("comparisonAlphaPlot"));
    mAlphaPlot->yAxis->setRange(0.0, 1.02);
    mSnrPlot = makePlot(this, tr("log-SNR"));
    mSnrPlot->setObjectName(QStringLiteral("comparisonSnrPlot"));
    for (QCustomPlot* plot : plots()) plot->xAxis->setLabel(tr("t / T"));
    mAlphaMarker = addTimeMarkerLine(mAlphaPlot, QColor(220, 40, 40));
    mSnrMarker = addTimeMarkerLine(mSnrPlot, QColor(220, 40, 40));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    // The key names each pane in its colour (a legend inside the small plots would hide the curves).
    mKey = new QLabel(this);
    mKey->setObjectName(QStringLiteral("comparisonPlotsKey"));
    mKey->setWordWrap(true);
    layout->addWidget(mKey);
    layout->addWidget(mAlphaPlot, 1);
    layout->addWidget(mSnrPlot, 1);

    connect(comparison, &Comparison::framesChanged, this, &ComparisonPlots::rebuild);
    connect(comparison->timeline(), &Timeline::tChanged, this, &ComparisonPlots::updateMarker);
    rebuild();
}

void ComparisonPlots::rebuild() {
    mAlphaPlot->clearGraphs();
    mSnrPlot->clearGraphs();
    const auto frames = mComparison->frames();
    QStringList key;
    if (frames) {
        const ComparisonInput& in = frames->input();
        double snrLow = 0.0, snrHigh = 0.0;
        bool any = false;
        for (int p = 0; p < frames->paneCount(); ++p) {
            const dl::Schedule& s = in.panes[static_cast<size_t>(p)].scheduleFor(in.reverse);
            const int T = s.T();
            QVector<double> keys(T + 1), alphaBars(T + 1), snrKeys, snrs;
            for (int t = 0; t <= T; ++t) {
                keys[t] = double(t) / T;
                alphaBars[t] = s.alphaBar(t);
                const double value = t >= 1 ? std::log(s.snr(t)) : NAN;
                if (std::isfinite(value)) {  // t = 0 and a zero-SNR T are ±∞: not plotted
                    snrKeys << keys[t];
                    snrs << value;
                    snrLow = any ? std::min(snrLow, value) : value;
                    snrHigh = any ? std::max(snrHigh, value) : value;
                    any = true;
                }
            }
            const QString name = in.panes[static_cast<size_t>(p)].label.section(QStringLiteral(" · "), 0, 0);
            key << tr("<b style=\"color:%1\">%2</b> %3")
                       .arg(paneColor(p).name(), QString(QChar(u'A' + p)), name.toHtmlEscaped());
            QCPGraph* ab = mAlphaPlot->addGraph();
            ab->setPen(QPen(paneColor(p), 1.8));
            ab->setName(name);
            ab->setData(keys, alphaBars, true);
            QCPGraph* snr = mSnrPlot->addGraph();
            snr->setPen(QPen(paneColor(p), 1.8));
            snr->setName(name);
            snr->setData(snrKeys, snrs, true);
        }
        if (any) {
            const double pad = std::max(0.5, 0.05 * (snrHigh - snrLow));
            mSnrPlot->yAxis->setRange(snrLow - pad, snrHigh + pad);
        }
    }
    mKey->setText(tr("Compared schedules against t/T: %1").arg(key.join(QStringLiteral(" · "))));
    updateMarker();
}

void ComparisonPlots::updateMarker() {
    const Timeline* timeline = mComparison->timeline();
    mFraction = timeline->maximum() > 0 ? double(timeline->t()) / timeline->maximum() : 0.0;
    for (QCPItemLine* line : {mAlphaMarker, mSnrMarker}) moveTimeMarkerLine(line, mFraction);
    for (QCustomPlot* plot : plots()) plot->replot(QCustomPlot::rpQueuedReplot);
}

int ComparisonPlots::curveCount() const {
    return mAlphaPlot->graphCount();
}

QVector<double> ComparisonPlots::alphaBarKeys(int pane) const {
    QVector<double> out;
    if (QCPGraph* g = mAlphaPlot->graph(pane))
        for (const QCPGraphData& d : *g->data()) out << d.key;
    return out;
}

QVector<double> ComparisonPlots::alphaBarValues(int pane) const {
    QVector<double> out;
    if (QCPGraph* g = mAlphaPlot->graph(pane))
        for (const QCPGraphData& d : *g->data()) out << d.value;
    return out;
}

}  // namespace dlui
