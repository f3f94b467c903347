// The live training-loss curve: raw loss (faint) and an exponentially smoothed loss (bold) against the
// step, on a log-scale y axis. Long histories are reduced to at most a few hundred bucket means; a
// bucket doubles its width when there would be too many, so each poll only folds in the steps that are
// new since the last one, and costs the same at step 100 or 1,000,000.
//
//   dlui::LossPlot plot;
//   plot.extendLosses(snapshot->lossHistory);  // on the panel's ~30 Hz timer: only new steps are read
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
    /// The same run's history, grown since the last call: folds in only losses[stepCount()..]. A shorter
    /// history (another run) replaces the curve.
    void extendLosses(std::span<const float> losses);
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
    struct Bucket {
        int lastStep = 0;  ///< the x key: the bucket's last step (1-based)
        double rawSum = 0.0, smoothSum = 0.0;
        int count = 0;
    };
    void resetCurve();
    void mergeBucketPairs();
    void showBuckets();

    QCustomPlot* mPlot = nullptr;
    QCPGraph* mRaw = nullptr;
    QCPGraph* mSmooth = nullptr;
    int mStepCount = 0;
    int mSmoothingSpan = 50;
    int mReplots = 0;
    double mLastSmoothed;
    std::vector<Bucket> mBuckets;
    int mBucketWidth = 1;  ///< steps per full bucket, a power of two
    double mEma = 0.0, mEmaWeight = 0.0;
};

}  // namespace dlui
