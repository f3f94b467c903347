#include "ui/training/etaestimator.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace dlui {

EtaEstimator::EtaEstimator(double windowSeconds, double smoothingSeconds)
    : mWindow(std::max(1e-3, windowSeconds)), mSmoothing(std::max(1e-3, smoothingSeconds)) {}

void EtaEstimator::start(double seconds, int step) {
    if (!mSamples.empty() && step >= mLastStep && seconds >= mLastSeconds) {
        // A restart after a pause: shift the history over the paused time, as if it had not happened.
        const double paused = seconds - mLastSeconds;
        for (auto& sample : mSamples) sample.first += paused;
    } else {
        mSamples.clear();
        mRate = 0.0;
    }
    mSamples.emplace_back(seconds, step);
    mLastStep = step;
    mLastSeconds = seconds;
}

void EtaEstimator::observe(double seconds, int step) {
    if (mSamples.empty()) {
        start(seconds, step);
        return;
    }
    const double dt = std::max(0.0, seconds - mLastSeconds);
    mSamples.emplace_back(seconds, step);
    mLastStep = step;
    mLastSeconds = seconds;
    // Keep the newest sample at least one window old as the window's start.
    while (mSamples.size() > 2 && seconds - mSamples[1].first >= mWindow) mSamples.pop_front();
    const auto& [t0, s0] = mSamples.front();
    const double elapsed = seconds - t0;
    if (elapsed <= 0.0 || step <= s0) return;
    const double current = double(step - s0) / elapsed;
    // Until one window has passed, the rate since the start is the best figure there is; then exponential
    // smoothing in time: a report after dt seconds moves the figure by 1 − e^{−dt/τ} of the gap.
    if (mRate <= 0.0 || elapsed < mWindow)
        mRate = current;
    else
        mRate += (1.0 - std::exp(-dt / mSmoothing)) * (current - mRate);
}

double EtaEstimator::secondsLeft(int totalSteps) const {
    if (mLastStep >= totalSteps) return 0.0;
    if (mRate <= 0.0) return std::numeric_limits<double>::quiet_NaN();
    return double(totalSteps - mLastStep) / mRate;
}

}  // namespace dlui
