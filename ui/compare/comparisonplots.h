// The compared schedules overlaid: ᾱ_t and log-SNR = ln(ᾱ_t/(1−ᾱ_t)) of every pane against t/T, so
// schedules of different T share one axis (what the shared slider moves along), one colour per pane as
// in its title, with a marker at the slider's fraction. Shown in the Schedule dock while comparing.
//
//   auto* plots = new dlui::ComparisonPlots(comparison);
#pragma once

#include <QVector>
#include <QWidget>

class QCustomPlot;
class QLabel;
class QCPItemLine;

namespace dlui {

class Comparison;

class ComparisonPlots : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonPlots(Comparison* comparison, QWidget* parent = nullptr);

    /// Curves drawn (one per pane on each plot).
    int curveCount() const;
    /// Pane `pane`'s ᾱ curve: keys t/T, values ᾱ_t (tests).
    QVector<double> alphaBarKeys(int pane) const;
    QVector<double> alphaBarValues(int pane) const;
    /// Where the marker stands (t/T).
    double markerFraction() const { return mFraction; }
    QList<QCustomPlot*> plots() const { return {mAlphaPlot, mSnrPlot}; }
    /// The line above the plots that names each pane's curve in its colour.
    QLabel* key() const { return mKey; }

private:
    void rebuild();
    void updateMarker();

    Comparison* mComparison;
    QLabel* mKey = nullptr;
    QCustomPlot* mAlphaPlot;
    QCustomPlot* mSnrPlot;
    QCPItemLine* mAlphaMarker = nullptr;
    QCPItemLine* mSnrMarker = nullptr;
    double mFraction = 0.0;
};

/// The colour of pane `index` in titles, plots and legends.
QColor paneColor(int index);

}  // namespace dlui
