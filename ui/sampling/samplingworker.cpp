#include "ui/sampling/samplingworker.h"

#include <QElapsedTimer>
#include <exception>

#include "core/math/error.h"
#include "core/math/rng.h"
#include "ui/i18n/coremessages.h"
#include "ui/sampling/samplingtrails.h"

namespace dlui {

namespace {
constexpr qint64 kProgressIntervalMs = 50;

/// The DDIM (η = 0) paths over every timestep from the given rows of x_T: deterministic, so they show the
/// flow the denoiser defines without the random walk of a stochastic sampler. Cheap: a few rows only.
dl::Trajectory::DdimPaths ddimPaths(const SamplingRequest& request, const dl::Denoiser& denoiser,
                                    const dl::Batch& xT) {
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
    dl::Rng unused(request.seed);  // η = 0 draws no noise
    dl::SampleResult r =
        dl::runSampler(request.schedule, denoiser, std::move(start), p, unused, request.cancel.get());
    paths.timesteps = std::move(r.trajectory.timesteps);
    paths.states = std::move(r.trajectory.states);
    return paths;
}

}  // namespace

SamplingWorker::SamplingWorker(QObject* parent) : QObject(parent) {
    qRegisterMetaType<dlui::SamplingResult>();
}

void SamplingWorker::run(const SamplingRequest& request) {
    const std::atomic<bool>* cancel = request.cancel.get();
    if (cancel && cancel->load()) {
        Q_EMIT cancelled(request.id);
        return;
    }
    QElapsedTimer clock;
    clock.start();
    qint64 lastReport = -kProgressIntervalMs;
    try {
        dl::Denoiser denoiser = request.makeDenoiser ? request.makeDenoiser() : dl::Denoiser{};
        if (!denoiser.epsilon) throw dl::Error("no denoiser to sample with");
        dl::Rng rng(request.seed);
        auto progress = [&](int done, int total) {
            const qint64 now = clock.elapsed();
            if (now - lastReport >= kProgressIntervalMs || done == total) {
                lastReport = now;
                Q_EMIT progressReported(request.id, done, total);
            }
        };
        auto result = std::make_shared<dl::SampleResult>(dl::sampleFromNoise(
            request.schedule, denoiser, request.count, request.dim, request.params, rng, cancel, progress));
        // The views animate the trajectory on its own; move it out rather than keep two copies.
        auto trajectory = std::make_shared<dl::Trajectory>(std::move(result->trajectory));
        trajectory->sampler = request.label.toStdString();
        result->trajectory = dl::Trajectory{};
        if (request.ddimTrailRows > 0 && request.dim == 2 && !trajectory->empty())
            trajectory->ddimPaths = ddimPaths(request, denoiser, trajectory->states.front());
        SamplingResult out;
        out.id = request.id;
        out.result = std::move(result);
        out.trajectory = std::move(trajectory);
        out.label = request.label;
        out.seconds = double(clock.nsecsElapsed()) / 1e9;
        Q_EMIT sampled(out);
    } catch (const dl::SamplingCancelled&) {
        Q_EMIT cancelled(request.id);
    } catch (const std::exception& e) {
        Q_EMIT failed(request.id, coreMessage(e.what()));
    }
}

}  // namespace dlui
