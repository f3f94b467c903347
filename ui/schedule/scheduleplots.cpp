#include "ui/schedule/scheduleplots.h"

#include <qcustomplot.h>

#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "ui/widgets/timemarkerline.h"

namespace dlui {

namespace {

// Log axes cannot show 0; β and ᾱ that small are clamped for display only.
constexpr double kLogFloor = 1e-6;

const QColor kBetaColor(214, 96, 40);
const QColor kAlphaBarColor(40, 110, 190);
const QColor kSqrtAlphaBarColor(50, 160, 90);
const QColor kNoiseColor(150, 80, 170);
const QColor kSnrColor(60, 60, 60);
const QColor kMarkerColor(220, 40, 40);

}  // namespace

SchedulePlots::SchedulePlots(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);

    mBetaPlot = makePlot(tr("βₜ"));
    mBetaPlot->setObjectName(QStringLiteral("betaPlot"));
    mBetaPlot->yAxis->setScaleType(QCPAxis::stLogarithmic);
    QSharedPointer<QCPAxisTickerLog> logTicker(new QCPAxisTickerLog);
    mBetaPlot->yAxis->setTicker(logTicker);
    mBetaPlot->yAxis->setNumberFormat(QStringLiteral("eb"));
    mBetaPlot->yAxis->setNumberPrecision(0);
    mPinBeta = addCurve(mBetaPlot, kBetaColor, tr("βₜ (pinned)"), true);
    mBeta = addCurve(mBetaPlot, kBetaColor, tr("βₜ"), false);

    mAlphaPlot = makePlot(QString());
    mAlphaPlot->setObjectName(QStringLiteral("alphaPlot"));
    mAlphaPlot->yAxis->setRange(0.0, 1.02);
    // 0, 0.5 and 1: at the plot's usual height six labels (0, 0.2, …, 1) ran into each other.
    QSharedPointer<QCPAxisTickerFixed> halves(new QCPAxisTickerFixed);
    halves->setTickStep(0.5);
    halves->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    mAlphaPlot->yAxis->setTicker(halves);
    mPinAlphaBar = addCurve(mAlphaPlot, kAlphaBarColor, tr("ᾱₜ (pinned)"), true);
    mPinSqrtAlphaBar = addCurve(mAlphaPlot, kSqrtAlphaBarColor, tr("√ᾱₜ (pinned)"), true);
    mPinSqrtOneMinus = addCurve(mAlphaPlot, kNoiseColor, tr("√(1−ᾱₜ) (pinned)"), true);
    mAlphaBar = addCurve(mAlphaPlot, kAlphaBarColor, tr("ᾱₜ"), false);
    mSqrtAlphaBar = addCurve(mAlphaPlot, kSqrtAlphaBarColor, tr("√ᾱₜ"), false);
    mSqrtOneMinus = addCurve(mAlphaPlot, kNoiseColor, tr("√(1−ᾱₜ)"), false);
    mAlphaPlot->legend->setVisible(true);
    for (QCPGraph* pinned : {mPinAlphaBar, mPinSqrtAlphaBar, mPinSqrtOneMinus}) pinned->removeFromLegend();
    QFont legendFont = font();
    legendFont.setPointSizeF(std::max(6.0, legendFont.pointSizeF() - 1.5));
    mAlphaPlot->legend->setFont(legendFont);
    // One row above the axes, not inside them: at any corner the box hid a stretch of some curve (at the
    // right, √ᾱ_t's tail). A stretch factor near 0 gives the row only the legend's own height.
    mAlphaPlot->plotLayout()->insertRow(0);
    mAlphaPlot->plotLayout()->addElement(0, 0, mAlphaPlot->legend);
    mAlphaPlot->plotLayout()->setRowStretchFactor(0, 0.001);
    mAlphaPlot->plotLayout()->setRowSpacing(0);
    mAlphaPlot->legend->setFillOrder(QCPLegend::foColumnsFirst);
    mAlphaPlot->legend->setMargins(QMargins(3, 1, 3, 1));
    mAlphaPlot->legend->setColumnSpacing(10);
    mAlphaPlot->legend->setBorderPen(Qt::NoPen);
    mAlphaPlot->legend->setBrush(Qt::NoBrush);

    mSnrPlot = makePlot(tr("log-SNR"));
    mSnrPlot->setObjectName(QStringLiteral("snrPlot"));
    mSnrPlot->xAxis->setLabel(tr("t"));
    mPinLogSnr = addCurve(mSnrPlot, kSnrColor, tr("log-SNR (pinned)"), true);
    mLogSnr = addCurve(mSnrPlot, kSnrColor, tr("log-SNR"), false);

    for (QCustomPlot* plot : plots())
        connect(plot, &QCustomPlot::afterLayout, this, [this, plot] {
            fitYTickCount(plot);
            alignLeftEdges(plot);
        });

    layout->addWidget(mBetaPlot, 2);
    layout->addWidget(mAlphaPlot, 3);
    layout->addWidget(mSnrPlot, 2);
    setSchedule(dl::Schedule(dl::ScheduleParams{}));
    // Tracers are added once their graphs have data (QCustomPlot warns about tracers on empty graphs).
    addMarker(mBetaPlot, mBetaMarker, {mBeta});
    addMarker(mAlphaPlot, mAlphaMarker, {mAlphaBar, mSqrtAlphaBar, mSqrtOneMinus});
    addMarker(mSnrPlot, mSnrMarker, {mLogSnr});
    updateMarkers();
}

QCustomPlot* SchedulePlots::makePlot(const QString& yLabel) {
    auto* plot = new QCustomPlot(this);
    plot->setMinimumHeight(90);
    plot->setNoAntialiasingOnDrag(true);
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() - 1.5));
    for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
        axis->setTickLabelFont(small);
        axis->setLabelFont(small);
        axis->setLabelPadding(1);
    }
    // The y title stands beside tick labels as wide as "10⁻²"; one pixel made them read as one word.
    plot->yAxis->setLabelPadding(5);
    plot->yAxis->setLabel(yLabel);
    // t is a whole step: at T = 3 the default ticker labelled 0.5, 1.5 and 2.5.
    QSharedPointer<QCPAxisTickerFixed> steps(new QCPAxisTickerFixed);
    steps->setTickStep(1.0);
    steps->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    plot->xAxis->setTicker(steps);
    plot->axisRect()->setAutoMargins(QCP::msLeft | QCP::msBottom);
    plot->axisRect()->setMargins(QMargins(0, 6, 8, 0));
    return plot;
}

QCPGraph* SchedulePlots::addCurve(QCustomPlot* plot, const QColor& color, const QString& name, bool dashed) {
    QCPGraph* graph = plot->addGraph();
    QPen pen(dashed ? color.lighter(140) : color, dashed ? 1.2 : 1.8);
    if (dashed) pen.setStyle(Qt::DashLine);
    graph->setPen(pen);
    graph->setName(name);
    graph->setAdaptiveSampling(true);
    return graph;
}

void SchedulePlots::addMarker(QCustomPlot* plot, Marker& marker, const QList<QCPGraph*>& graphs) {
    marker.line = addTimeMarkerLine(plot, kMarkerColor);
    for (QCPGraph* graph : graphs) {
        auto* tracer = new QCPItemTracer(plot);
        tracer->setGraph(graph);
        tracer->setStyle(QCPItemTracer::tsCircle);
        tracer->setSize(6);
        tracer->setPen(QPen(kMarkerColor, 1.2));
        tracer->setBrush(Qt::white);
        // At t = 0 and at the ends of ᾱ's fixed 0..1 range the circle sits on the plot's edge, where the
        // axis rectangle's clip cut it to a half or a quarter, and the axis line crossed what was left.
        tracer->setClipToAxisRect(false);
        tracer->setLayer(QStringLiteral("axes"));
        marker.tracers << tracer;
    }
}

void SchedulePlots::fillCurves(const dl::Schedule& s, QCPGraph* beta, QCPGraph* ab, QCPGraph* sab,
                               QCPGraph* snab, QCPGraph* snr) {
    const int T = s.T();
    QVector<double> keys, betas, snrKeys, snrs, alphaBars(T + 1), roots(T + 1), noise(T + 1), allKeys(T + 1);
    keys.reserve(T);
    betas.reserve(T);
    for (int t = 0; t <= T; ++t) {
        allKeys[t] = t;
        alphaBars[t] = s.alphaBar(t);
        roots[t] = s.sqrtAlphaBar(t);
        noise[t] = s.sqrtOneMinusAlphaBar(t);
        if (t >= 1) {
            keys << t;
            betas << std::max(s.beta(t), kLogFloor);
            const double value = std::log(s.snr(t));
            if (std::isfinite(value)) {  // ᾱ_T = 0 (zero terminal SNR) has log-SNR −∞: not plotted
                snrKeys << t;
                snrs << value;
            }
        }
    }
    beta->setData(keys, betas, true);
    ab->setData(allKeys, alphaBars, true);
    sab->setData(allKeys, roots, true);
    snab->setData(allKeys, noise, true);
    snr->setData(snrKeys, snrs, true);
    // β_t and log-SNR start at t = 1: for T = 1 each is one point, which a line does not draw. A dot does.
    for (QCPGraph* g : {beta, snr})
        g->setScatterStyle(g->dataCount() == 1 ? QCPScatterStyle(QCPScatterStyle::ssDisc, 7)
                                               : QCPScatterStyle());
}

void SchedulePlots::setSchedule(const dl::Schedule& schedule) {
    mT = schedule.T();
    fillCurves(schedule, mBeta, mAlphaBar, mSqrtAlphaBar, mSqrtOneMinus, mLogSnr);
    rescale();
    updateMarkers();
}

void SchedulePlots::setPinned(const std::optional<dl::Schedule>& pinned) {
    mHasPinned = pinned.has_value();
    if (pinned) {
        mPinnedT = pinned->T();
        fillCurves(*pinned, mPinBeta, mPinAlphaBar, mPinSqrtAlphaBar, mPinSqrtOneMinus, mPinLogSnr);
    } else {
        mPinnedT = 0;
        for (QCPGraph* g : {mPinBeta, mPinAlphaBar, mPinSqrtAlphaBar, mPinSqrtOneMinus, mPinLogSnr})
            g->data()->clear();
    }
    rescale();
}

void SchedulePlots::setMarker(int t) {
    mMarker = t;
    updateMarkers();
}

void SchedulePlots::rescale() {
    const double right = std::max(mT, mPinnedT);
    for (QCustomPlot* plot : plots()) plot->xAxis->setRange(0.0, std::max(1.0, right));
    bool found = false;
    QCPRange range = mBeta->getValueRange(found);
    if (mHasPinned) {
        bool pinFound = false;
        const QCPRange pinRange = mPinBeta->getValueRange(pinFound);
        if (pinFound)
            range =
                found ? QCPRange(std::min(range.lower, pinRange.lower), std::max(range.upper, pinRange.upper))
                      : pinRange;
        found = found || pinFound;
    }
    if (found) {
        double lower = range.lower / 1.6, upper = std::min(1.5, range.upper * 1.6);
        // Over less than ~1.6 decades QCPAxisTickerLog falls back to evenly spaced ticks, which the
        // one-digit powers of ten label alike ("10⁻³" three times for the one β of T = 1, or a constant
        // β): such a curve gets two decades around it.
        if (upper < 40.0 * lower) {
            const double middle = std::sqrt(lower * upper);
            upper = std::min(1.5, 10.0 * middle);
            lower = upper / 100.0;
        }
        mBetaPlot->yAxis->setRange(lower, upper);
    }
    found = false;
    range = mLogSnr->getValueRange(found);
    if (mHasPinned) {
        bool pinFound = false;
        const QCPRange pinRange = mPinLogSnr->getValueRange(pinFound);
        if (pinFound)
            range =
                found ? QCPRange(std::min(range.lower, pinRange.lower), std::max(range.upper, pinRange.upper))
                      : pinRange;
        found = found || pinFound;
    }
    if (found) {
        const double pad = std::max(0.5, 0.05 * range.size());
        mSnrPlot->yAxis->setRange(range.lower - pad, range.upper + pad);
    }
}

void SchedulePlots::updateMarkers() {
    const int t = std::clamp(mMarker, 0, mT);
    for (Marker* m : {&mBetaMarker, &mAlphaMarker, &mSnrMarker}) {
        if (!m->line) continue;
        moveTimeMarkerLine(m->line, t);
        for (QCPItemTracer* tracer : m->tracers) {
            tracer->setGraphKey(t);
            // Tracers on a curve without that key (β at t = 0, log-SNR at 0 or at a zero-SNR T) hide.
            const bool has =
                tracer->graph()->data()->findBegin(t, false) != tracer->graph()->data()->constEnd() &&
                tracer->graph()->data()->findBegin(t, false)->key == t;
            tracer->setVisible(has);
        }
    }
    replotAll();
}

void SchedulePlots::fitYTickCount(QCustomPlot* laidOut) {
    // As many y ticks as the plot's height has room for, a label height and a half apart: in the dock's
    // short plots the default five overlapped ("0, -50, … -250" in 50 px at T = 4000). The fixed 0, 0.5, 1
    // of the ᾱ plot does not use the count.
    const double labelHeight = QFontMetricsF(laidOut->yAxis->tickLabelFont()).height();
    const int count = std::clamp(static_cast<int>(laidOut->axisRect()->height() / (2.5 * labelHeight)), 2, 5);
    if (laidOut->yAxis->ticker()->tickCount() == count) return;
    laidOut->yAxis->ticker()->setTickCount(count);
    laidOut->replot(QCustomPlot::rpQueuedReplot);
}

void SchedulePlots::alignLeftEdges(QCustomPlot* laidOut) {
    // The plots are read against each other at one t (the marker), so t = 0 must sit at one x in all
    // three. Their tick labels differ in width ("10⁻³", "0.5", "-10"), and so did their automatic left
    // margins: the axes started up to 35 px apart. A QCPMarginGroup only works inside one QCustomPlot, so
    // each y axis gets the padding that brings its margin up to the widest plot's. The natural margin does
    // not depend on the padding, so this settles after one more layout pass of the plots it changes.
    QCPAxis* axis = laidOut->yAxis;
    mNaturalLeft[laidOut] = laidOut->axisRect()->margins().left() - axis->padding();
    int widest = 0;
    for (const int natural : std::as_const(mNaturalLeft)) widest = std::max(widest, natural);
    for (QCustomPlot* plot : plots()) {
        if (!mNaturalLeft.contains(plot)) continue;
        const int padding = widest - mNaturalLeft.value(plot);
        if (plot->yAxis->padding() == padding) continue;
        plot->yAxis->setPadding(padding);
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void SchedulePlots::replotAll() {
    for (QCustomPlot* plot : plots()) plot->replot(QCustomPlot::rpQueuedReplot);
}

QCPGraph* SchedulePlots::graphFor(Curve curve) const {
    switch (curve) {
        case Curve::Beta:
            return mBeta;
        case Curve::AlphaBar:
            return mAlphaBar;
        case Curve::SqrtAlphaBar:
            return mSqrtAlphaBar;
        case Curve::SqrtOneMinusAlphaBar:
            return mSqrtOneMinus;
        case Curve::LogSnr:
            return mLogSnr;
    }
    return mBeta;
}

QVector<double> SchedulePlots::curveKeys(Curve curve) const {
    QVector<double> out;
    for (const QCPGraphData& d : *graphFor(curve)->data()) out << d.key;
    return out;
}

QVector<double> SchedulePlots::curveValues(Curve curve) const {
    QVector<double> out;
    for (const QCPGraphData& d : *graphFor(curve)->data()) out << d.value;
    return out;
}

}  // namespace dlui
