#include "ui/sampling/samplingjob.h"

#include <algorithm>
#include <chrono>

#include "core/math/error.h"
#include "core/math/rng.h"
#include "ui/jobs/latestjob.h"
#include "ui/sampling/samplingtrails.h"

namespace dlui {

namespace {

/// Partial trajectories go out at most this often (the first one as soon as the run is worth it).
constexpr double kPartialIntervalSeconds = 0.1;

/// The DDIM (η = 0) paths over every timestep from the given rows of x_T: deterministic, so they show the
/// flow the denoiser defines without the random walk of a stochastic sampler. Cheap: a few rows only.
dl::Trajectory::DdimPaths ddimPaths(const SamplingRequest& request, const dl::Denoiser& denoiser,
                                    const dl::Batch& xT, const std::atomic<bool>* cancel) {
    dl::Trajectory::DdimPaths paths;
    paths.rows = trailRows(xT.rows(), request.ddimTrailRows);
    dl::Batch start(static_cast<Eigen::Index>(paths.rows.size()), xT.cols());
    for (std::size_t i = 0; i < paths.rows.size(); ++i)
        start.row(static_cast<Eigen::Index>(i)) = xT.row(paths.rows[i]);
    dl::SamplerParams p = request.params;
    p.kind = dl::SamplerKind::Ddim;
    p.eta = 0.0;
    p.steps = 0;  // every timestep: the smoothest path
    p.trajectoryStride = 1;
    p.stepRecordRows.clear();  // the rows the inspector follows are rows of the full x_T, not of these few
    dl::Rng unused(request.seed);  // η = 0 draws no noise
    dl::SampleResult r = dl::runSampler(request.schedule, denoiser, std::move(start), p, unused, cancel);
    paths.timesteps = std::move(r.trajectory.timesteps);
    paths.states = std::move(r.trajectory.states);
    return paths;
}

/// The predictor, evaluated a block of rows at a time with a look at the stop flag before each block: one
/// call of the exact denoiser over a large data set can take seconds, and cancelling must not wait for it.
dl::EpsilonPredictor interruptible(dl::EpsilonPredictor f, const std::atomic<bool>* stop) {
    if (!f) return f;
    return [f = std::move(f), stop](const dl::Batch& xt, int t, dl::Batch& out) {
        constexpr Eigen::Index kBlockRows = 1024;
        if (xt.rows() <= kBlockRows) {
            if (stop->load(std::memory_order_relaxed)) throw dl::SamplingCancelled();
            f(xt, t, out);
            return;
        }
        out.resize(xt.rows(), xt.cols());
        dl::Batch block, result;
        for (Eigen::Index i = 0; i < xt.rows(); i += kBlockRows) {
            if (stop->load(std::memory_order_relaxed)) throw dl::SamplingCancelled();
            const Eigen::Index rows = std::min(kBlockRows, xt.rows() - i);
            block = xt.middleRows(i, rows);
            f(block, t, result);
            out.middleRows(i, rows) = result;
        }
    };
}

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

std::size_t samplingStateBytes(const SamplingRequest& request) {
    return static_cast<std::size_t>(std::max(request.count, 0)) *
           static_cast<std::size_t>(std::max(request.dim, 1)) * sizeof(float);
}

int samplingStepCount(const SamplingRequest& request) {
    return request.params.steps > 0 ? request.params.steps : request.schedule.T();
}

SamplingResult runSampling(const SamplingRequest& request, JobControl& control) {
    const auto start = std::chrono::steady_clock::now();
    const std::atomic<bool>* cancel = control.stopFlag();
    dl::Denoiser denoiser = request.makeDenoiser ? request.makeDenoiser() : dl::Denoiser{};
    if (!denoiser.epsilon) throw dl::Error("no denoiser to sample with");
    denoiser.epsilon = interruptible(std::move(denoiser.epsilon), cancel);
    denoiser.x0 = interruptible(std::move(denoiser.x0), cancel);
    control.throwIfStopped();
    dl::Rng rng(request.seed);
    auto progress = [&control](int done, int total) {
        control.progress(total > 0 ? double(done) / double(total) : 1.0);
    };

    // The states so far, copied as the sampler keeps them; published as an immutable snapshot now and
    // then. In a run that its first step shows to be slow, the first snapshot (x_T and the first step)
    // goes out at once: the animation can start.
    const std::size_t stateBytes = samplingStateBytes(request);
    const int K = samplingStepCount(request);
    const bool progressive = request.params.trajectoryStride > 0 &&
                             stateBytes * static_cast<std::size_t>(K + 2) /
                                     static_cast<std::size_t>(request.params.trajectoryStride) <=
                                 kMaxPartialTrajectoryBytes;
    dl::Trajectory soFar;
    soFar.sampler = request.label.toStdString();
    soFar.exactDenoiser = request.exactDenoiser;
    const double recordsExpected =
        double(K) / double(std::max(request.params.trajectoryStride, 1));  // after x_T
    double firstStateAt = 0.0, lastPublished = -1.0;
    bool worthPublishing = false;
    dl::RecordedStateCallback recorded;
    if (progressive) {
        recorded = [&](int t, const dl::Batch& state) {
            soFar.timesteps.push_back(t);
            soFar.states.push_back(state);
            const double now = secondsSince(start);
            if (soFar.states.size() == 1) {
                firstStateAt = now;  // x_T: the sampler starts its first step
                return;
            }
            if (t == 0) return;  // the finished trajectory follows as the result
            if (!worthPublishing) {
                const double ran = now - firstStateAt;
                const bool firstStep = soFar.states.size() == 2;
                worthPublishing = ran >= request.partialsAfterSeconds ||
                                  (firstStep && ran * recordsExpected >= request.partialsAfterSeconds);
                if (!worthPublishing) return;
            } else if (now - lastPublished < kPartialIntervalSeconds) {
                return;
            }
            lastPublished = now;
            SamplingPartial partial;
            partial.id = control.id();
            partial.trajectory = std::make_shared<const dl::Trajectory>(soFar);
            partial.schedule = request.schedule;
            partial.seconds = now;
            control.publish(std::move(partial));
        };
    }
    auto result = std::make_shared<dl::SampleResult>(
        dl::sampleFromNoise(request.schedule, denoiser, request.count, request.dim, request.params, rng,
                            cancel, progress, recorded));
    // The views animate the trajectory on its own; move it out rather than keep two copies.
    auto trajectory = std::make_shared<dl::Trajectory>(std::move(result->trajectory));
    trajectory->sampler = request.label.toStdString();
    trajectory->exactDenoiser = request.exactDenoiser;
    result->trajectory = dl::Trajectory{};
    if (request.ddimTrailRows > 0 && request.dim == 2 && !trajectory->empty())
        trajectory->ddimPaths = ddimPaths(request, denoiser, trajectory->states.front(), cancel);
    SamplingResult out;
    out.id = control.id();
    out.result = std::move(result);
    out.trajectory = std::move(trajectory);
    out.schedule = request.schedule;
    out.label = request.label;
    out.seconds = secondsSince(start);
    return out;
}

}  // namespace dlui
