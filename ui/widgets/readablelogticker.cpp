#include "ui/widgets/readablelogticker.h"

#include <cmath>
#include <initializer_list>

namespace dlui {

namespace {

// QCPAxisTickerLog::createTickVector ticks evenly below this ratio of upper to lower (1.6 decades).
const double kEvenTicksBelowRatio = std::pow(10.0, 1.6);

/// Every m × 10ⁿ inside range, for the mantissas m, in increasing order.
QVector<double> seriesInside(const QCPRange& range, std::initializer_list<double> mantissas) {
    QVector<double> ticks;
    const int first = static_cast<int>(std::floor(std::log10(range.lower)));
    const int last = static_cast<int>(std::ceil(std::log10(range.upper)));
    for (int exponent = first; exponent <= last; ++exponent)
        for (double m : mantissas) {
            const double value = m * std::pow(10.0, exponent);
            if (range.contains(value)) ticks.append(value);
        }
    return ticks;
}

}  // namespace

QVector<double> ReadableLogTicker::createTickVector(double tickStep, const QCPRange& range) {
    mOwnTicks = false;
    if (range.lower > 0.0 && range.upper / range.lower < kEvenTicksBelowRatio) {
        for (const auto& mantissas : {std::initializer_list<double>{1, 2, 5}, {1, 1.5, 2, 3, 5, 7}}) {
            QVector<double> ticks = seriesInside(range, mantissas);
            if (ticks.size() >= 2) {
                mOwnTicks = true;
                return ticks;
            }
        }
    }
    return QCPAxisTickerLog::createTickVector(tickStep, range);
}

QVector<double> ReadableLogTicker::createSubTickVector(int subTickCount, const QVector<double>& ticks) {
    // Between uneven ticks, evenly spaced sub-ticks would only add clutter.
    if (mOwnTicks) return {};
    return QCPAxisTickerLog::createSubTickVector(subTickCount, ticks);
}

}  // namespace dlui
