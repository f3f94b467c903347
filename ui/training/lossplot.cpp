#include "ui/training/lossplot.h"

#include <qcustomplot.h>

#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

#include "ui/widgets/readablelogticker.h"

namespace dlui {

namespace {

constexpr int kMaxBuckets = 400;
// Log axes cannot show 0 or negative values; losses that small are clamped for display only.
constexpr double kFloor = 1e-8;

}  // namespace

LossPlot::LossPlot(QWidget* parent)
    : QWidget(parent), mLastSmoothed(std::numeric_limits<double>::quiet_NaN()) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    mPlot = new QCustomPlot(this);
    mPlot->setObjectName(QStringLiteral("lossPlotCanvas"));
    mPlot->setMinimumHeight(120);
    mPlot->setMinimumWidth(120);
    mPlot->setNoAntialiasingOnDrag(true);
    layout->addWidget(mPlot);

    mPlot->yAxis->setScaleType(QCPAxis::stLogarithmic);
    mPlot->yAxis->setTicker(QSharedPointer<ReadableLogTicker>::create());
    mPlot->yAxis->setNumberFormat(QStringLiteral("g"));
    mPlot->yAxis->setNumberPrecision(2);
    // Whole steps only: after a short run the axis read 2.5, 7.5, 12.5.
    auto steps = QSharedPointer<QCPAxisTickerFixed>::create();
    steps->setTickStep(1.0);
    steps->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    mPlot->xAxis->setTicker(steps);
    mPlot->xAxis->setLabel(tr("step"));
    mPlot->yAxis->setLabel(tr("loss"));
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() - 1));
    mPlot->xAxis->setLabelFont(small);
    mPlot->yAxis->setLabelFont(small);
    mPlot->xAxis->setTickLabelFont(small);
    mPlot->yAxis->setTickLabelFont(small);

    mRaw = mPlot->addGraph();
    mRaw->setName(tr("loss"));
    mRaw->setPen(QPen(QColor(70, 130, 200, 90), 1));
    mSmooth = mPlot->addGraph();
    mSmooth->setName(tr("smoothed"));
    mSmooth->setPen(QPen(QColor(20, 70, 160), 2));
    mPlot->xAxis->setRange(0, 100);
    mPlot->yAxis->setRange(0.1, 2);
}

QSize LossPlot::sizeHint() const {
    return {280, 160};
}

void LossPlot::setSmoothingSpan(int steps) {
    mSmoothingSpan = std::max(1, steps);
}

int LossPlot::plottedPointCount() const {
    return mRaw->dataCount();
}

void LossPlot::clear() {
    resetCurve();
    mRaw->data()->clear();
    mSmooth->data()->clear();
    mPlot->xAxis->setRange(0, 100);
    mPlot->yAxis->setRange(0.1, 2);
    mPlot->replot();
    ++mReplots;
}

void LossPlot::setLosses(std::span<const float> losses) {
    resetCurve();
    extendLosses(losses);
}

void LossPlot::extendLosses(std::span<const float> losses) {
    const int n = static_cast<int>(losses.size());
    if (n < mStepCount) {  // another run's history: start over
        setLosses(losses);
        return;
    }
    if (n == 0) {
        clear();
        return;
    }
    if (n == mStepCount) return;
    const double alpha = 1.0 / double(mSmoothingSpan);
    for (int i = mStepCount; i < n; ++i) {
        // The exponential moving average is bias-corrected like Adam's moments, so the first steps are
        // not pulled towards 0; a non-finite loss counts as the average so far.
        const double v = std::isfinite(losses[i]) ? double(losses[i]) : (mEma / std::max(mEmaWeight, 1e-12));
        mEma = (1.0 - alpha) * mEma + alpha * v;
        mEmaWeight = (1.0 - alpha) * mEmaWeight + alpha;
        if (mBuckets.empty() || mBuckets.back().count == mBucketWidth) mBuckets.push_back({});
        Bucket& b = mBuckets.back();
        b.lastStep = i + 1;
        b.rawSum += v;
        b.smoothSum += mEma / mEmaWeight;
        ++b.count;
        if (static_cast<int>(mBuckets.size()) > kMaxBuckets) mergeBucketPairs();
    }
    mStepCount = n;
    mLastSmoothed = mEma / std::max(mEmaWeight, 1e-12);
    showBuckets();
}

void LossPlot::resetCurve() {
    mBuckets.clear();
    mBucketWidth = 1;
    mEma = 0.0;
    mEmaWeight = 0.0;
    mStepCount = 0;
    mLastSmoothed = std::numeric_limits<double>::quiet_NaN();
}

void LossPlot::mergeBucketPairs() {
    // Twice as wide: each step is still in exactly one bucket, and the count stays ≤ kMaxBuckets at an
    // amortised O(1) per step, however long the run.
    std::vector<Bucket> merged;
    merged.reserve(mBuckets.size() / 2 + 1);
    for (std::size_t k = 0; k < mBuckets.size(); k += 2) {
        Bucket b = mBuckets[k];
        if (k + 1 < mBuckets.size()) {
            const Bucket& next = mBuckets[k + 1];
            b.lastStep = next.lastStep;
            b.rawSum += next.rawSum;
            b.smoothSum += next.smoothSum;
            b.count += next.count;
        }
        merged.push_back(b);
    }
    mBuckets = std::move(merged);
    mBucketWidth *= 2;
}

void LossPlot::showBuckets() {
    const int count = static_cast<int>(mBuckets.size());
    QVector<double> keys(count), raw(count), smooth(count);
    double yMin = std::numeric_limits<double>::infinity(), yMax = 0.0;
    for (int k = 0; k < count; ++k) {
        const Bucket& b = mBuckets[static_cast<std::size_t>(k)];
        keys[k] = double(b.lastStep);
        raw[k] = std::max(kFloor, b.rawSum / std::max(1, b.count));
        smooth[k] = std::max(kFloor, b.smoothSum / std::max(1, b.count));
        yMin = std::min({yMin, raw[k], smooth[k]});
        yMax = std::max({yMax, raw[k], smooth[k]});
    }
    mRaw->setData(keys, raw, true);
    mSmooth->setData(keys, smooth, true);
    // A line through one point has no length: a lone step (the first narrated one) is drawn as a dot.
    mSmooth->setScatterStyle(count == 1 ? QCPScatterStyle(QCPScatterStyle::ssDisc, 6) : QCPScatterStyle());
    mPlot->xAxis->setRange(0, std::max(10.0, double(mStepCount)));
    if (std::isfinite(yMin) && yMax > 0) {
        mPlot->yAxis->setRange(yMin / 1.3, yMax * 1.3);
    }
    mPlot->replot(QCustomPlot::rpQueuedReplot);
    ++mReplots;
}

}  // namespace dlui
