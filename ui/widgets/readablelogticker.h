// Ticks for a log axis that stay log-spaced over less than two decades. QCPAxisTickerLog puts its
// ticks at powers of ten; under ~1.6 decades it falls back to evenly spaced values, which a log axis
// crowds together at its top (a loss axis from 0.15 to 1.3 read "0.25 0.5 0.75 1 1.3", the last two
// labels touching). This ticker then takes 1, 2, 5 × 10ⁿ, or 1, 1.5, 2, 3, 5, 7 × 10ⁿ when the range is
// too short for two of those. Wider ranges, and ranges too short for two of either (where even spacing
// looks the same on a log axis), are left to QCPAxisTickerLog.
//
//   plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
//   plot->yAxis->setTicker(QSharedPointer<dlui::ReadableLogTicker>::create());
#pragma once

#include <qcustomplot.h>

namespace dlui {

class ReadableLogTicker : public QCPAxisTickerLog {
protected:
    QVector<double> createTickVector(double tickStep, const QCPRange& range) override;
    QVector<double> createSubTickVector(int subTickCount, const QVector<double>& ticks) override;

private:
    bool mOwnTicks = false;  // the last tick vector came from a mantissa series, not QCPAxisTickerLog
};

}  // namespace dlui
