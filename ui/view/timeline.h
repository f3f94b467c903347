// The timeline: the current timestep t ∈ 0..T, the play state and how the views read t. It is a plain
// QObject with no widgets, so one timeline can drive several views (the planned side-by-side views) and
// the timeline widget, the keyboard and tests all move the same t.
//
// Forward mode plays t = 0 → T (noising); reverse mode plays t = T → 0 along a sampled trajectory.
// "Next" always means the next frame of the animation in the current mode.
//
// A reverse trajectory may keep only some timesteps (DDIM with K steps keeps K + 1 states). Its timesteps are
// the reverse stops: in reverse mode t then only takes those values — playing, stepping and scrubbing move
// from one real state to the next — unless smooth reverse playback is on, in which case t runs through
// every timestep and the views interpolate between the neighbouring states (and say so).
//
//   dlui::Timeline timeline;
//   timeline.setMaximum(schedule.T());
//   QObject::connect(&timeline, &dlui::Timeline::tChanged, view, &MainView::requestRedraw);
//   timeline.play();
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <vector>

namespace dlui {

class Timeline : public QObject {
    Q_OBJECT
public:
    enum class Mode { Forward, Reverse };

    explicit Timeline(QObject* parent = nullptr);

    int t() const { return mT; }
    int maximum() const { return mMaximum; }
    Mode mode() const { return mMode; }
    bool isPlaying() const { return mTimer.isActive(); }
    /// Playback speed in timesteps per second.
    double speed() const { return mSpeed; }
    bool loops() const { return mLoop; }
    /// Multiplier on speed() while playing, kMinRateFactor..kMaxRateFactor (playback speed, slow motion).
    double rateFactor() const { return mRateFactor; }
    static constexpr double kMinRateFactor = 0.1;
    static constexpr double kMaxRateFactor = 10.0;
    /// Forward mode: show the step-by-step Markov chain instead of the closed form.
    bool markovChain() const { return mMarkov; }

    /// The first and last t of the animation in the current mode (0 and T forward, T and 0 reverse).
    int startT() const { return mMode == Mode::Forward ? 0 : mMaximum; }
    int endT() const { return mMode == Mode::Forward ? mMaximum : 0; }

    void setT(int t);
    /// Sets T (≥ 1); t is clamped into the new range.
    void setMaximum(int maximum);
    void setMode(Mode mode);
    void setSpeed(double stepsPerSecond);
    void setLoop(bool loop);
    /// Clamped into kMinRateFactor..kMaxRateFactor; takes effect from the next tick.
    void setRateFactor(double factor);
    void setMarkovChain(bool on);
    /// The timesteps of the reverse trajectory's states, T down to 0 (empty: every t is a state).
    void setReverseStops(std::vector<int> stops);
    const std::vector<int>& reverseStops() const { return mStops; }
    /// Reverse mode: play every timestep and interpolate between states instead of the states alone.
    void setSmoothReverse(bool on);
    /// Reverse playback waits at this timestep instead of going below it (0: no floor). A sampling run in
    /// progress sets it to its newest state, so the animation plays what has been computed and then
    /// waits for the rest rather than running into it.
    void setReverseFloor(int floor);
    int reverseFloor() const { return mFloor; }
    bool smoothReverse() const { return mSmooth; }

    void play();
    void pause();
    void togglePlay();
    /// One frame along the animation (t + 1 forward, t − 1 reverse) / one back.
    void stepNext();
    void stepPrevious();
    void jumpToStart();
    void jumpToEnd();

Q_SIGNALS:
    /// The current timestep changed.
    void tChanged(int t);
    /// T changed (t may have been clamped, which also emits tChanged).
    void maximumChanged(int maximum);
    /// Playback started or stopped.
    void playingChanged(bool playing);
    /// Forward/reverse mode changed.
    void modeChanged(dlui::Timeline::Mode mode);
    /// The closed-form / Markov-chain choice changed.
    void markovChainChanged(bool on);
    /// Speed, rate factor, loop, smooth reverse playback or the reverse stops changed.
    void playbackSettingsChanged();

private:
    void onTick();
    bool snapsToStops() const { return mMode == Mode::Reverse && !mSmooth && !mStops.empty(); }
    /// The stop t lands on when moving from mT towards t: the nearest stop at or beyond t in that direction.
    int snap(int t) const;
    /// Moves t onto the stop whose state is shown at t, when t is not one.
    void alignToStops();

    int mT = 0;
    int mMaximum = 100;
    Mode mMode = Mode::Forward;
    double mSpeed = 25.0;
    double mRateFactor = 1.0;
    bool mLoop = false;
    bool mMarkov = false;
    bool mSmooth = false;
    int mFloor = 0;
    std::vector<int> mStops;  // ascending
    QTimer mTimer;
    QElapsedTimer mClock;
    double mCarry = 0.0;  // fractional steps owed since the last tick
};

}  // namespace dlui
