#include "ui/samplingworker.h"

#include <QElapsedTimer>
#include <exception>

#include "core/math/error.h"
#include "core/math/rng.h"

namespace dlui {

namespace {
constexpr qint64 kProgressIntervalMs = 50;
}

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
        Q_EMIT failed(request.id, QString::fromStdString(e.what()));
    }
}

}  // namespace dlui
