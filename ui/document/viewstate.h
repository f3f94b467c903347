// What the views show, as a value the document keeps (LabDocument::viewState()): the current timestep t of
// 0..T, forward or reverse, the playback settings and the reverse trajectory's stops. The Timeline
// (ui/view/timeline.h) plays it — it owns the clock and the rules for moving t — and widgets read it here.
//
// A reverse trajectory may keep only some timesteps (DDIM with K steps keeps K + 1 states): its timesteps
// are the reverse stops, and in reverse mode t takes only those values unless smooth reverse playback is on.
//
//   dlui::ViewState v = document.viewState();
//   v.mode = dlui::ViewMode::Reverse;
//   document.setViewState(v);   // normalised: t clamped to 0..maximum and onto a stop
#pragma once

#include <vector>

namespace dlui {

enum class ViewMode { Forward, Reverse };

struct ViewState {
    static constexpr double kMinSpeed = 0.1;
    static constexpr double kMaxSpeed = 100000.0;
    static constexpr double kMinRateFactor = 0.1;
    static constexpr double kMaxRateFactor = 10.0;

    int t = 0;
    int maximum = 100;  ///< T of the animation (≥ 1)
    ViewMode mode = ViewMode::Forward;
    double speed =
        25.0;  ///< playback speed, timesteps per second (a run's recorded states, see snapsToStops)
    double rateFactor = 1.0;  ///< multiplier on speed while playing (slow motion)
    bool loop = false;
    bool markovChain = false;       ///< forward: the step-by-step Markov chain instead of the closed form
    bool smoothReverse = false;     ///< reverse: every timestep, interpolating between states
    std::vector<int> reverseStops;  ///< ascending; empty: every t is a state

    bool operator==(const ViewState&) const = default;

    /// The first and last t of the animation in the current mode (0 and T forward, T and 0 reverse).
    int startT() const { return mode == ViewMode::Forward ? 0 : maximum; }
    int endT() const { return mode == ViewMode::Forward ? maximum : 0; }
    /// Whether t moves from stop to stop (reverse mode, not smooth, with stops).
    bool snapsToStops() const { return mode == ViewMode::Reverse && !smoothReverse && !reverseStops.empty(); }
    /// The stop whose state is shown at `at`: the smallest stop ≥ at (as Trajectory::stateAt picks it).
    int stopShownAt(int at) const;
};

/// The state with every value in its range: maximum ≥ 1, speed and rate factor clamped, stops sorted and
/// unique, t in 0..maximum and, when t snaps to stops, on the stop shown at t.
ViewState normalizedViewState(ViewState state);

}  // namespace dlui
