#include "ui/lossplot.h"

#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>
#include <qcustomplot.h>

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
    QSharedPointer<QCPAxisTickerLog> logTicker(new QCPAxisTickerLog);
    mPlot->yAxis->setTicker(logTicker);
    mPlot->yAxis->setNumberFormat(QStringLiteral("g"));
    mPlot->yAxis->setNumberPrecision(2);
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

QSize LossPlot::sizeHint() const { return {280, 160}; }

void LossPlot::setSmoothingSpan(int steps) { mSmoothingSpan = std::max(1, steps); }

int LossPlot::plottedPointCount() const { return mRaw->dataCount(); }

void LossPlot::clear() {
    mRaw->data()->clear();
    mSmooth->data()->clear();
    mStepCount = 0;
    mLastSmoothed = std::numeric_limits<double>::quiet_NaN();
    mPlot->xAxis->setRange(0, 100);
    mPlot->yAxis->setRange(0.1, 2);
    mPlot->replot();
    ++mReplots;
}

void LossPlot::setLosses(std::span<const float> losses) {
    const int n = static_cast<int>(losses.size());
    if (n == 0) {
        clear();
        return;
    }
    // Bucket means of the raw loss and of its exponential moving average (bias-corrected like Adam's
    // moments, so the first steps are not pulled towards 0).
    const int buckets = std::min(n, kMaxBuckets);
    QVector<double> keys(buckets), raw(buckets), smooth(buckets);
    const double alpha = 1.0 / double(mSmoothingSpan);
    double ema = 0.0, weight = 0.0;
    double yMin = std::numeric_limits<double>::infinity(), yMax = 0.0;
    int i = 0;
    for (int b = 0; b < buckets; ++b) {
        const int end = static_cast<int>((static_cast<long long>(b) + 1) * n / buckets);
        double sumRaw = 0.0, sumSmooth = 0.0;
        int count = 0;
        for (; i < end; ++i) {
            const double v = std::isfinite(losses[i]) ? double(losses[i]) : (ema / std::max(weight, 1e-12));
            ema = (1.0 - alpha) * ema + alpha * v;
            weight = (1.0 - alpha) * weight + alpha;
            sumRaw += v;
            sumSmooth += ema / weight;
            ++count;
        }
        keys[b] = double(end);
        raw[b] = std::max(kFloor, sumRaw / std::max(1, count));
        smooth[b] = std::max(kFloor, sumSmooth / std::max(1, count));
        yMin = std::min({yMin, raw[b], smooth[b]});
        yMax = std::max({yMax, raw[b], smooth[b]});
    }
    mRaw->setData(keys, raw, true);
    mSmooth->setData(keys, smooth, true);
    mStepCount = n;
    mLastSmoothed = ema / std::max(weight, 1e-12);

    mPlot->xAxis->setRange(0, std::max(10.0, double(n)));
    if (std::isfinite(yMin) && yMax > 0) {
        mPlot->yAxis->setRange(yMin / 1.3, yMax * 1.3);
    }
    mPlot->replot(QCustomPlot::rpQueuedReplot);
    ++mReplots;
}

}  // namespace dlui
