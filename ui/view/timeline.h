// The timeline plays the document's view state (ui/document/viewstate.h: t ∈ 0..T, mode, playback
// settings): it owns the playback clock and the rules for moving t, and words each change of the view
// state as its signals. The state itself lives in the LabDocument, so widgets read it there and a session
// sets it there; the timeline widget, the keyboard and tests all move the same t. It is a plain QObject
// with no widgets. Built without a document (a test of the timeline alone), it keeps one of its own.
//
// Forward mode plays t = 0 → T (noising); reverse mode plays t = T → 0 along a sampled trajectory.
// "Next" always means the next frame of the animation in the current mode.
//
// A reverse trajectory may keep only some timesteps (DDIM with K steps keeps K + 1 states). Its timesteps are
// the reverse stops: in reverse mode t then only takes those values — playing, stepping and scrubbing move
// from one real state to the next — unless smooth reverse playback is on, in which case t runs through
// every timestep and the views interpolate between the neighbouring states (and say so).
//
//   dlui::Timeline timeline(document);
//   timeline.setMaximum(schedule.T());
//   QObject::connect(&timeline, &dlui::Timeline::tChanged, view, &MainView::requestRedraw);
//   timeline.play();
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <vector>

#include "ui/document/viewstate.h"

namespace dlui {

class LabDocument;

class Timeline : public QObject {
    Q_OBJECT
public:
    using Mode = ViewMode;

    /// Plays `document`'s view state.
    explicit Timeline(LabDocument* document, QObject* parent = nullptr);
    /// A timeline with a document of its own (tests of the timeline alone).
    explicit Timeline(QObject* parent = nullptr);

    const ViewState& state() const;
    int t() const { return state().t; }
    int maximum() const { return state().maximum; }
    Mode mode() const { return state().mode; }
    bool isPlaying() const { return mTimer.isActive(); }
    /// Playback speed in timesteps per second; in the reverse view of a run with fewer steps than T, in
    /// its recorded states per second.
    double speed() const { return state().speed; }
    bool loops() const { return state().loop; }
    /// Multiplier on speed() while playing, kMinRateFactor..kMaxRateFactor (playback speed, slow motion).
    double rateFactor() const { return state().rateFactor; }
    static constexpr double kMinRateFactor = ViewState::kMinRateFactor;
    static constexpr double kMaxRateFactor = ViewState::kMaxRateFactor;
    /// Forward mode: show the step-by-step Markov chain instead of the closed form.
    bool markovChain() const { return state().markovChain; }

    /// The first and last t of the animation in the current mode (0 and T forward, T and 0 reverse).
    int startT() const { return state().startT(); }
    int endT() const { return state().endT(); }

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
    const std::vector<int>& reverseStops() const { return state().reverseStops; }
    /// Reverse mode: play every timestep and interpolate between states instead of the states alone.
    void setSmoothReverse(bool on);
    /// Reverse playback waits at this timestep instead of going below it (0: no floor). A sampling run in
    /// progress sets it to its newest state, so the animation plays what has been computed and then
    /// waits for the rest rather than running into it. Playback state, not view state: not in the document.
    void setReverseFloor(int floor);
    int reverseFloor() const { return mFloor; }
    bool smoothReverse() const { return state().smoothReverse; }

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
    /// The stop t lands on when moving from t() towards t: the nearest stop at or beyond t in that direction.
    int snap(int t) const;
    /// Hands the changed state to the document (which normalises it).
    void commit(const ViewState& next);
    /// Words a change of the document's view state as this timeline's signals.
    void onViewStateChanged(const ViewState& previous);

    LabDocument* mDocument;
    int mFloor = 0;
    QTimer mTimer;
    QElapsedTimer mClock;
    double mCarry = 0.0;  // fractional steps owed since the last tick
};

}  // namespace dlui
