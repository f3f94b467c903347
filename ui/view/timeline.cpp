#include "ui/view/timeline.h"

#include <algorithm>
#include <cmath>

#include "ui/document/labdocument.h"

namespace dlui {

namespace {
constexpr int kTickMs = 16;  // ~60 Hz; the views coalesce redraws to one per frame anyway
}

Timeline::Timeline(LabDocument* document, QObject* parent) : QObject(parent), mDocument(document) {
    mTimer.setInterval(kTickMs);
    mTimer.setTimerType(Qt::PreciseTimer);
    connect(&mTimer, &QTimer::timeout, this, &Timeline::onTick);
    connect(mDocument, &LabDocument::viewStateChanged, this, &Timeline::onViewStateChanged);
}

Timeline::Timeline(QObject* parent) : Timeline(new LabDocument, parent) {
    mDocument->setParent(this);
}

const ViewState& Timeline::state() const {
    return mDocument->viewState();
}

void Timeline::commit(const ViewState& next) {
    mDocument->setViewState(next);
}

void Timeline::onViewStateChanged(const ViewState& previous) {
    const ViewState& now = state();
    if (now.maximum != previous.maximum) Q_EMIT maximumChanged(now.maximum);
    if (now.mode != previous.mode) Q_EMIT modeChanged(now.mode);
    if (now.markovChain != previous.markovChain) Q_EMIT markovChainChanged(now.markovChain);
    if (now.speed != previous.speed || now.rateFactor != previous.rateFactor || now.loop != previous.loop ||
        now.smoothReverse != previous.smoothReverse || now.reverseStops != previous.reverseStops)
        Q_EMIT playbackSettingsChanged();
    if (now.t != previous.t) Q_EMIT tChanged(now.t);
}

int Timeline::snap(int t) const {
    const ViewState& s = state();
    if (!s.snapsToStops() || t == s.t) return t;
    const std::vector<int>& stops = s.reverseStops;
    if (t < s.t) {  // towards 0: the largest stop ≤ t, else the smallest
        auto it = std::upper_bound(stops.begin(), stops.end(), t);
        return it == stops.begin() ? stops.front() : *std::prev(it);
    }
    return s.stopShownAt(t);  // towards T: the smallest stop ≥ t
}

void Timeline::setReverseStops(std::vector<int> stops) {
    ViewState next = state();
    next.reverseStops = std::move(stops);
    commit(next);
}

void Timeline::setSmoothReverse(bool on) {
    ViewState next = state();
    next.smoothReverse = on;
    commit(next);
}

void Timeline::setReverseFloor(int floor) {
    mFloor = std::max(0, floor);
}

void Timeline::setT(int t) {
    ViewState next = state();
    next.t = std::clamp(snap(std::clamp(t, 0, next.maximum)), 0, next.maximum);
    commit(next);
}

void Timeline::setMaximum(int maximum) {
    ViewState next = state();
    next.maximum = maximum;
    commit(next);
}

void Timeline::setMode(Mode mode) {
    ViewState next = state();
    next.mode = mode;
    commit(next);
}

void Timeline::setSpeed(double stepsPerSecond) {
    ViewState next = state();
    next.speed = stepsPerSecond;
    commit(next);
}

void Timeline::setRateFactor(double factor) {
    ViewState next = state();
    next.rateFactor = factor;
    commit(next);
}

void Timeline::setLoop(bool loop) {
    ViewState next = state();
    next.loop = loop;
    commit(next);
}

void Timeline::setMarkovChain(bool on) {
    ViewState next = state();
    next.markovChain = on;
    commit(next);
}

void Timeline::play() {
    if (isPlaying()) return;
    if (t() == endT()) setT(startT());  // playing from the end starts over
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
    setT(t() + (mode() == Mode::Forward ? 1 : -1));
}

void Timeline::stepPrevious() {
    setT(t() + (mode() == Mode::Forward ? -1 : 1));
}

void Timeline::jumpToStart() {
    setT(startT());
}

void Timeline::jumpToEnd() {
    setT(endT());
}

void Timeline::onTick() {
    const ViewState& s = state();
    // Advance by elapsed wall time, so the speed holds even when ticks arrive late.
    mCarry += s.speed * s.rateFactor * static_cast<double>(mClock.restart()) / 1000.0;
    const int steps = static_cast<int>(std::floor(mCarry));
    if (steps <= 0) return;
    mCarry -= steps;
    const int direction = s.mode == Mode::Forward ? 1 : -1;
    int target = s.t + direction * steps;
    if (s.snapsToStops()) {
        // A run of K steps plays its K + 1 states at the speed's steps per second, whatever its T: DDIM's 50
        // steps of T = 1000 took 40 s at 25 timesteps per second, a class waiting in silence.
        const auto& stops = s.reverseStops;  // ascending; t is on one of them
        const auto at = std::lower_bound(stops.begin(), stops.end(), s.t) - stops.begin();
        target = at - steps >= 0 ? stops[static_cast<std::size_t>(at - steps)] : -1;
    }
    if (s.mode == Mode::Reverse && mFloor > 0 && target < mFloor) {
        if (s.t <= mFloor) {  // at the newest computed state: wait for the next, without saving up time
            mCarry = 0.0;
            return;
        }
        target = mFloor;
    }
    const bool pastEnd = s.mode == Mode::Forward ? target >= s.maximum : target <= 0;
    if (!pastEnd) {
        setT(target);
        return;
    }
    if (s.loop && s.t == endT()) {
        setT(startT());
        return;
    }
    setT(endT());
    if (!loops()) pause();
}

}  // namespace dlui
