// The schedule editor's plots (QCustomPlot): β_t on a log axis; ᾱ_t, √ᾱ_t and √(1−ᾱ_t); and log-SNR
// = ln(ᾱ_t / (1−ᾱ_t)). Each has a marker at the timeline's t. A second, pinned schedule can be overlaid
// (dashed) for comparison. Setting a schedule replots on the next event-loop pass, so dragging a slider
// that changes the schedule many times per frame costs one replot.
//
//   dlui::SchedulePlots plots;
//   plots.setSchedule(document->schedule());
//   plots.setMarker(timeline->t());
#pragma once

#include <QHash>
#include <QVector>
#include <QWidget>
#include <optional>

#include "core/math/schedule.h"

class QCustomPlot;
class QCPGraph;
class QCPItemLine;
class QCPItemTracer;

namespace dlui {

class SchedulePlots : public QWidget {
    Q_OBJECT
public:
    enum class Curve { Beta, AlphaBar, SqrtAlphaBar, SqrtOneMinusAlphaBar, LogSnr };

    explicit SchedulePlots(QWidget* parent = nullptr);

    void setSchedule(const dl::Schedule& schedule);
    /// Overlays a second schedule (dashed), or removes it with std::nullopt.
    void setPinned(const std::optional<dl::Schedule>& pinned);
    bool hasPinned() const { return mHasPinned; }
    void setMarker(int t);
    int marker() const { return mMarker; }

    /// The plotted values of one curve of the current schedule, index k ↔ the k-th plotted t (tests).
    QVector<double> curveKeys(Curve curve) const;
    QVector<double> curveValues(Curve curve) const;

    /// The three plot widgets, top to bottom (for saving as PNG/PDF).
    QList<QCustomPlot*> plots() const { return {mBetaPlot, mAlphaPlot, mSnrPlot}; }

private:
    struct Marker {
        QCPItemLine* line = nullptr;
        QList<QCPItemTracer*> tracers;
    };
    QCustomPlot* makePlot(const QString& yLabel);
    QCPGraph* addCurve(QCustomPlot* plot, const QColor& color, const QString& name, bool dashed);
    void addMarker(QCustomPlot* plot, Marker& marker, const QList<QCPGraph*>& graphs);
    void updateMarkers();
    QCPGraph* graphFor(Curve curve) const;
    void fillCurves(const dl::Schedule& s, QCPGraph* beta, QCPGraph* ab, QCPGraph* sab, QCPGraph* snab,
                    QCPGraph* snr);
    void rescale();
    void replotAll();
    /// After a plot's layout pass: pads every y axis so all three plots start at the same x (below).
    void alignLeftEdges(QCustomPlot* laidOut);
    /// After a plot's layout pass: as many y ticks as its height has room for.
    void fitYTickCount(QCustomPlot* laidOut);

    /// Each plot's left margin without its padding, as its last layout pass measured it (none before one).
    QHash<const QCustomPlot*, int> mNaturalLeft;
    QCustomPlot* mBetaPlot;
    QCustomPlot* mAlphaPlot;
    QCustomPlot* mSnrPlot;
    QCPGraph* mBeta;
    QCPGraph* mAlphaBar;
    QCPGraph* mSqrtAlphaBar;
    QCPGraph* mSqrtOneMinus;
    QCPGraph* mLogSnr;
    QCPGraph* mPinBeta;
    QCPGraph* mPinAlphaBar;
    QCPGraph* mPinSqrtAlphaBar;
    QCPGraph* mPinSqrtOneMinus;
    QCPGraph* mPinLogSnr;
    Marker mBetaMarker, mAlphaMarker, mSnrMarker;
    int mT = 1;
    int mPinnedT = 0;
    int mMarker = 0;
    bool mHasPinned = false;
};

}  // namespace dlui
