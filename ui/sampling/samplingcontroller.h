// Runs sampling requests as the window's "latest request wins" job (ui/jobs/latestjob.h): a new request
// stops the one still running, results of superseded requests are dropped, so the GUI only ever sees
// the latest. While a run goes on, its trajectory so far arrives as trajectoryGrew(), so the reverse
// animation can start before the run ends.
//
//   dlui::SamplingController sampling;
//   connect(&sampling, &dlui::SamplingController::sampled, this, &Panel::showSamples);
//   sampling.request(std::move(request));
#pragma once

#include <QObject>
#include <cstdint>

#include "ui/jobs/latestjob.h"
#include "ui/sampling/samplingjob.h"

namespace dlui {

class SamplingController : public QObject {
    Q_OBJECT
public:
    explicit SamplingController(QObject* parent = nullptr);
    /// Stops a running request and joins the worker thread (prompt: the sampler checks before every step).
    ~SamplingController() override;

    /// Starts a run (stopping the one in progress). Returns the id its signals will carry.
    std::uint64_t request(SamplingRequest request);
    /// Cancels the run in progress, if any; cancelled() follows once the worker has stopped.
    void cancel();
    /// Gets the worker ready for a run like this one (samplingprepare.h) without starting one: no id,
    /// no signals. A request made meanwhile runs once the preparation is done.
    void prepare(SamplingRequest request);
    bool isBusy() const { return mJob.isBusy(); }
    std::uint64_t currentId() const { return mJob.latestId(); }

Q_SIGNALS:
    /// A run started (or was queued behind a cancelled one).
    void started(quint64 id);
    /// Progress of the current run: `done` of `total` (per mille of its denoiser calls).
    void progressReported(quint64 id, int done, int total);
    /// The current run's trajectory so far (x_T down to its newest state).
    void trajectoryGrew(const dlui::SamplingPartial& partial);
    /// The current run produced its samples.
    void sampled(const dlui::SamplingResult& result);
    /// The current run was cancelled.
    void cancelled(quint64 id);
    /// The current run failed; message is ready to show.
    void failed(quint64 id, const QString& message);
    /// isBusy() changed.
    void busyChanged(bool busy);

private:
    LatestJob mJob;
};

}  // namespace dlui
