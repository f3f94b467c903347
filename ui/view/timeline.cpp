#include "ui/view/timeline.h"

#include <algorithm>
#include <cmath>

namespace dlui {

namespace {
constexpr int kTickMs = 16;  // ~60 Hz; the views coalesce redraws to one per frame anyway
}

Timeline::Timeline(QObject* parent) : QObject(parent) {
    mTimer.setInterval(kTickMs);
    mTimer.setTimerType(Qt::PreciseTimer);
    connect(&mTimer, &QTimer::timeout, this, &Timeline::onTick);
}

int Timeline::snap(int t) const {
    if (!snapsToStops() || t == mT) return t;
    if (t < mT) {  // towards 0: the largest stop ≤ t, else the smallest
        auto it = std::upper_bound(mStops.begin(), mStops.end(), t);
        return it == mStops.begin() ? mStops.front() : *std::prev(it);
    }
    auto it = std::lower_bound(mStops.begin(), mStops.end(), t);  // towards T: the smallest stop ≥ t
    return it == mStops.end() ? mStops.back() : *it;
}

void Timeline::setReverseStops(std::vector<int> stops) {
    std::sort(stops.begin(), stops.end());
    stops.erase(std::unique(stops.begin(), stops.end()), stops.end());
    if (stops == mStops) return;
    mStops = std::move(stops);
    Q_EMIT playbackSettingsChanged();
    alignToStops();
}

void Timeline::alignToStops() {
    if (!snapsToStops()) return;
    // Onto the state shown at t (the smallest stop ≥ t), as Trajectory::stateAt picks it.
    auto it = std::lower_bound(mStops.begin(), mStops.end(), mT);
    const int at = std::clamp(it == mStops.end() ? mStops.back() : *it, 0, mMaximum);
    if (at == mT) return;
    mT = at;
    Q_EMIT tChanged(mT);
}

void Timeline::setSmoothReverse(bool on) {
    if (on == mSmooth) return;
    mSmooth = on;
    Q_EMIT playbackSettingsChanged();
    alignToStops();
}

void Timeline::setReverseFloor(int floor) {
    mFloor = std::max(0, floor);
}

void Timeline::setT(int t) {
    t = std::clamp(snap(std::clamp(t, 0, mMaximum)), 0, mMaximum);
    if (t == mT) return;
    mT = t;
    Q_EMIT tChanged(mT);
}

void Timeline::setMaximum(int maximum) {
    maximum = std::max(1, maximum);
    if (maximum == mMaximum) return;
    mMaximum = maximum;
    Q_EMIT maximumChanged(mMaximum);
    setT(mT);
}

void Timeline::setMode(Mode mode) {
    if (mode == mMode) return;
    mMode = mode;
    Q_EMIT modeChanged(mMode);
    alignToStops();
}

void Timeline::setSpeed(double stepsPerSecond) {
    stepsPerSecond = std::clamp(stepsPerSecond, 0.1, 100000.0);
    if (stepsPerSecond == mSpeed) return;
    mSpeed = stepsPerSecond;
    Q_EMIT playbackSettingsChanged();
}

void Timeline::setRateFactor(double factor) {
    factor = std::clamp(factor, kMinRateFactor, kMaxRateFactor);
    if (factor == mRateFactor) return;
    mRateFactor = factor;
    Q_EMIT playbackSettingsChanged();
}

void Timeline::setLoop(bool loop) {
    if (loop == mLoop) return;
    mLoop = loop;
    Q_EMIT playbackSettingsChanged();
}

void Timeline::setMarkovChain(bool on) {
    if (on == mMarkov) return;
    mMarkov = on;
    Q_EMIT markovChainChanged(mMarkov);
}

void Timeline::play() {
    if (isPlaying()) return;
    if (mT == endT()) setT(startT());  // playing from the end starts over
    mCarry = 0.0;
    mClock.start();
    mTimer.start();
    Q_EMIT playingChanged(true);
}

void Timeline::pause() {
    if (!isPlaying()) return;
    mTimer.stop();
    Q_EMIT playingChanged(false);
}

void Timeline::togglePlay() {
    isPlaying() ? pause() : play();
}

void Timeline::stepNext() {
    setT(mT + (mMode == Mode::Forward ? 1 : -1));
}

void Timeline::stepPrevious() {
    setT(mT + (mMode == Mode::Forward ? -1 : 1));
}

void Timeline::jumpToStart() {
    setT(startT());
}

void Timeline::jumpToEnd() {
    setT(endT());
}

void Timeline::onTick() {
    // Advance by elapsed wall time, so the speed holds even when ticks arrive late.
    mCarry += mSpeed * mRateFactor * static_cast<double>(mClock.restart()) / 1000.0;
    const int steps = static_cast<int>(std::floor(mCarry));
    if (steps <= 0) return;
    mCarry -= steps;
    const int direction = mMode == Mode::Forward ? 1 : -1;
    int target = mT + direction * steps;
    if (mMode == Mode::Reverse && mFloor > 0 && target < mFloor) {
        if (mT <= mFloor) {  // at the newest computed state: wait for the next, without saving up time
            mCarry = 0.0;
            return;
        }
        target = mFloor;
    }
    if (snapsToStops() && target > 0) {
        // Between two real states: stay on this one until the time for the next has come.
        auto it = std::lower_bound(mStops.begin(), mStops.end(), target);
        const int shown = it == mStops.end() ? mStops.back() : *it;
        if (shown == mT) {
            mCarry += steps;
            return;
        }
        target = shown;
    }
    const bool pastEnd = mMode == Mode::Forward ? target >= mMaximum : target <= 0;
    if (!pastEnd) {
        setT(target);
        return;
    }
    if (mLoop && mT == endT()) {
        setT(startT());
        return;
    }
    setT(endT());
    if (!mLoop) pause();
}

}  // namespace dlui
