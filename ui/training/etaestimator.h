// Time left for a training run, from the measured wall-clock rate of progress. The rate counts everything
// the run spends its time on — steps, quality checks, snapshots, pauses excluded — so the estimate does not
// run low the way steps/s of the optimiser alone does. It is taken over a sliding window of recent wall time
// (long enough to hold several quality checks, so where in their cycle the window starts hardly matters) and
// smoothed exponentially in time, so one slow report or a restart after a pause does not make the figure
// jump. Plain C++ with times passed in, so tests drive it with a deterministic clock.
//
//   dlui::EtaEstimator eta;
//   eta.start(0.0, stepsDone);
//   eta.observe(clockSeconds, step);              // a few times a second
//   double left = eta.secondsLeft(totalSteps);    // NaN until there is a rate
#pragma once

#include <deque>
#include <utility>

namespace dlui {

class EtaEstimator {
public:
    /// windowSeconds: wall time the rate is measured over (once that much has passed);
    /// smoothingSeconds: time constant of the exponential average of those window rates.
    explicit EtaEstimator(double windowSeconds = 30.0, double smoothingSeconds = 10.0);

    /// Starts at wall time `seconds` with `step` done. Called again after a pause (same or more steps, later
    /// time), it continues: the paused time is taken out of the history. Fewer steps start afresh.
    void start(double seconds, int step);
    /// Records that `step` steps are done at wall time `seconds` (non-decreasing).
    void observe(double seconds, int step);
    /// Smoothed steps per wall-clock second including all overheads; 0 until measured.
    double rate() const { return mRate; }
    /// Seconds left to reach totalSteps at rate(); NaN while no rate is known, 0 when done.
    double secondsLeft(int totalSteps) const;

private:
    double mWindow;
    double mSmoothing;
    double mRate = 0.0;
    double mLastSeconds = 0.0;
    int mLastStep = 0;
    std::deque<std::pair<double, int>> mSamples;  // (wall seconds, steps), oldest first
};

}  // namespace dlui
