#include "tests/support/eventlooplatency.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace dltest {

EventLoopLatencyProbe::EventLoopLatencyProbe(int intervalMs, QObject* parent)
    : QObject(parent), mIntervalMs(std::max(1, intervalMs)), mTimer(this) {
    mTimer.setTimerType(Qt::PreciseTimer);
    mTimer.setInterval(mIntervalMs);
    connect(&mTimer, &QTimer::timeout, this, &EventLoopLatencyProbe::onTimeout);
}

void EventLoopLatencyProbe::start() {
    if (mTimer.isActive()) return;
    mClock.start();
    mLastNs = 0;
    mTimer.start();
}

void EventLoopLatencyProbe::stop() {
    mTimer.stop();
}

void EventLoopLatencyProbe::reset() {
    mLatenessMs.clear();
    if (mClock.isValid()) mLastNs = mClock.nsecsElapsed();
}

void EventLoopLatencyProbe::onTimeout() {
    const qint64 now = mClock.nsecsElapsed();
    // A timer that fires late does not fire twice to catch up: the gap beyond one interval is the time
    // the loop could not answer.
    const double lateMs = double(now - mLastNs) / 1e6 - mIntervalMs;
    mLastNs = now;
    mLatenessMs.push_back(std::max(0.0, lateMs));
}

double EventLoopLatencyProbe::percentileMs(double p) const {
    if (mLatenessMs.empty()) return 0.0;
    std::vector<double> sorted = mLatenessMs;
    std::sort(sorted.begin(), sorted.end());
    const double clamped = std::clamp(p, 0.0, 100.0) / 100.0;
    const auto index = static_cast<std::size_t>(std::ceil(clamped * double(sorted.size())));
    return sorted[std::min(sorted.size() - 1, index == 0 ? 0 : index - 1)];
}

double EventLoopLatencyProbe::maxMs() const {
    return mLatenessMs.empty() ? 0.0 : *std::max_element(mLatenessMs.begin(), mLatenessMs.end());
}

double EventLoopLatencyProbe::meanMs() const {
    if (mLatenessMs.empty()) return 0.0;
    return std::accumulate(mLatenessMs.begin(), mLatenessMs.end(), 0.0) / double(mLatenessMs.size());
}

}  // namespace dltest
