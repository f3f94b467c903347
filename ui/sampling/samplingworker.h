// Runs the reverse process (core/sampling/samplers.h) in a worker thread, one request at a time.
// Requests and results are plain values: the request carries everything the run needs (a factory for
// the denoiser that captures its own copy of the weights or data, the schedule, the sampler settings),
// so the user can go on editing, training or sampling again while it runs.
//
//   auto* worker = new dlui::SamplingWorker;      // owned by SamplingController, moved to its thread
//   QMetaObject::invokeMethod(worker, [=] { worker->run(request); }, Qt::QueuedConnection);
#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>

#include "core/math/schedule.h"
#include "core/sampling/denoiser.h"
#include "core/sampling/samplers.h"
#include "ui/document/labdocument.h"

namespace dlui {

/// Everything one sampling run needs, captured by value when the user presses Sample.
struct SamplingRequest {
    std::uint64_t id = 0;  ///< set by the controller; results carry it back
    /// Builds the denoiser in the worker thread (e.g. a predictor over a copy of the snapshot's weights, or
    /// the exact denoiser of the data set). Must not touch GUI-thread state when called.
    std::function<dl::Denoiser()> makeDenoiser;
    dl::Schedule schedule;  ///< the schedule of the reverse process (the model's own, never mixed)
    dl::SamplerParams params;
    int count = 2000;
    int dim = 2;
    std::uint64_t seed = 1;
    QString label;  ///< e.g. "DDIM η=0, K=50 · learned"
    /// > 0: also run a deterministic DDIM (η = 0) pass over every timestep from the x_T of this many rows
    /// (spread evenly, trailRows), for smooth trails (Trajectory::ddimPaths). 2D only.
    int ddimTrailRows = 0;
    /// Set to true to cancel; the worker checks it before every denoiser call.
    std::shared_ptr<std::atomic<bool>> cancel = std::make_shared<std::atomic<bool>>(false);
};

/// The outcome of a finished run.
struct SamplingResult {
    std::uint64_t id = 0;
    std::shared_ptr<const dl::SampleResult>
        result;  ///< the samples (its trajectory is moved to `trajectory`)
    std::shared_ptr<const dl::Trajectory> trajectory;  ///< x_T … x_0 for the reverse animation (may be empty)
    QString label;
    double seconds = 0.0;
};

class SamplingWorker : public QObject {
    Q_OBJECT
public:
    explicit SamplingWorker(QObject* parent = nullptr);

    /// Runs one request to the end (or until cancelled) in the calling thread, which is the worker thread.
    void run(const SamplingRequest& request);

Q_SIGNALS:
    /// Progress of request `id`: `done` of `total` denoiser calls (throttled to a few per second).
    void progressReported(quint64 id, int done, int total);
    /// Request `id` produced its samples.
    void sampled(const dlui::SamplingResult& result);
    /// Request `id` was cancelled before it finished.
    void cancelled(quint64 id);
    /// Request `id` failed; message is ready to show to a person.
    void failed(quint64 id, const QString& message);
};

}  // namespace dlui

Q_DECLARE_METATYPE(dlui::SamplingResult)
