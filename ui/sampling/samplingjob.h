// One sampling run as a background job (ui/jobs/latestjob.h): the request carries everything the run
// needs by value (a factory for the denoiser that captures its own copy of the weights or data, the
// schedule, the sampler settings), so the user can go on editing, training or sampling again while it
// runs. While a slow run goes on, the trajectory so far is published now and then (SamplingPartial), so the
// reverse animation starts at once even when the denoiser is slow (the exact denoiser of a large data set).
//
//   dlui::SamplingResult r = dlui::runSampling(request, control);   // in the job's worker thread
#pragma once

#include <QMetaType>
#include <QString>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>

#include "core/math/schedule.h"
#include "core/model/modelpredictor.h"
#include "core/sampling/denoiser.h"
#include "core/sampling/samplers.h"

namespace dlui {

class JobControl;

/// A run projected to end within this many seconds publishes no partial trajectory: its finished
/// trajectory arrives about as soon as a first frame would be noticed. Twice the learned chain's usual
/// length, because the first step (cold caches, threads waking) projects a run of 0.3 s to up to 0.6 s.
inline constexpr double kPartialsAfterSeconds = 1.0;

/// Everything one sampling run needs, captured by value when the user presses Sample.
struct SamplingRequest {
    /// Builds the denoiser in the worker thread (e.g. a predictor over a copy of the snapshot's weights, or
    /// the exact denoiser of the data set). Must not touch GUI-thread state when called.
    std::function<dl::Denoiser()> makeDenoiser;
    dl::Schedule schedule;  ///< the schedule of the reverse process (the model's own, never mixed)
    dl::SamplerParams params;
    int count = 2000;
    int dim = 2;
    std::uint64_t seed = 1;
    QString label;  ///< e.g. "DDIM η=0, K=50 · learned"
    /// makeDenoiser builds the data's exact denoiser (Trajectory::exactDenoiser).
    bool exactDenoiser = false;
    /// > 0: also run a deterministic DDIM (η = 0) pass over every timestep from the x_T of this many rows
    /// (spread evenly, trailRows), for smooth trails (Trajectory::ddimPaths). 2D only.
    int ddimTrailRows = 0;
    /// Of the learned model's products (the exact denoiser has none).
    dl::ProductPrecision precision = dl::ProductPrecision::Float32;
    /// Partial trajectories go out only when they bring the picture sooner: when the first step projects
    /// the run past this many seconds, or once it has run that long. Each partial sets the window
    /// animating while the run goes on, and on two cores that drawing slows a short run (0: always).
    double partialsAfterSeconds = kPartialsAfterSeconds;
};

/// The outcome of a finished run.
struct SamplingResult {
    std::uint64_t id = 0;
    std::shared_ptr<const dl::SampleResult>
        result;  ///< the samples (its trajectory is moved to `trajectory`)
    std::shared_ptr<const dl::Trajectory> trajectory;  ///< x_T … x_0 for the reverse animation (may be empty)
    /// The request's: what the chain was drawn with. Initialised explicitly: Schedule's default constructor
    /// is explicit, and QVariant's copy-list-initialisation `T t{}` of this struct needs the member to be.
    dl::Schedule schedule{dl::ScheduleParams{}};
    QString label;
    double seconds = 0.0;
};

/// The trajectory of a run so far (x_T down to the newest recorded state), while it runs.
struct SamplingPartial {
    std::uint64_t id = 0;
    std::shared_ptr<const dl::Trajectory> trajectory;
    dl::Schedule schedule{dl::ScheduleParams{}};  ///< the request's: what the chain is drawn with
    double seconds = 0.0;                         ///< since the run started
};

/// Partial trajectories are published only while the whole trajectory stays below this size: each
/// publish copies the states so far (in the worker), which is cheap for 2D points, not for image sets.
inline constexpr std::size_t kMaxPartialTrajectoryBytes = std::size_t{24} << 20;

/// Bytes of one state of the request's chain: count × dim floats.
std::size_t samplingStateBytes(const SamplingRequest& request);
/// The reverse steps the request's sampler takes: K when it sets one, else every timestep T.
int samplingStepCount(const SamplingRequest& request);

/// Runs one request in the calling (worker) thread: the denoiser checks control's stop flag before every
/// call; progress and partial trajectories go through control. Throws dl::Cancelled when stopped.
SamplingResult runSampling(const SamplingRequest& request, JobControl& control);

}  // namespace dlui

Q_DECLARE_METATYPE(dlui::SamplingResult)
Q_DECLARE_METATYPE(dlui::SamplingPartial)
