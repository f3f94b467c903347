// The live training-loss curve: raw loss (faint) and an exponentially smoothed loss (bold) against the
// step, on a log-scale y axis. Fed the whole loss history of a training snapshot on a GUI timer; long
// histories are reduced to a few hundred bucket means, so a redraw costs the same at step 100 or 100,000.
//
//   dlui::LossPlot plot;
//   plot.setLosses(snapshot->lossHistory);   // on the panel's ~30 Hz timer, not per training step
#pragma once

#include <QWidget>
#include <span>
#include <vector>

class QCustomPlot;
class QCPGraph;

namespace dlui {

class LossPlot : public QWidget {
    Q_OBJECT
public:
    explicit LossPlot(QWidget* parent = nullptr);

    /// Replaces the curve with this loss history (element i is the loss of step i + 1). Replots at once;
    /// call it from a timer, not from every training step.
    void setLosses(std::span<const float> losses);
    void clear();

    /// Number of steps the curve shows (the length of the last history given).
    int stepCount() const { return mStepCount; }
    /// The smoothed loss at the last step (NaN when empty).
    double smoothedLoss() const { return mLastSmoothed; }
    /// Points currently plotted in the raw curve (≤ the bucket limit).
    int plottedPointCount() const;
    /// How many times the curve has been replotted (for tests and throttling checks).
    int replotCount() const { return mReplots; }

    /// Exponential smoothing over roughly this many steps (default 50).
    void setSmoothingSpan(int steps);

    QSize sizeHint() const override;

    /// The plot widget (for saving the curve as PNG or PDF).
    QCustomPlot* plot() const { return mPlot; }

private:
    QCustomPlot* mPlot = nullptr;
    QCPGraph* mRaw = nullptr;
    QCPGraph* mSmooth = nullptr;
    int mStepCount = 0;
    int mSmoothingSpan = 50;
    int mReplots = 0;
    double mLastSmoothed;
};

}  // namespace dlui
