// Owns the sampling worker's thread and hands requests to it (Qt's worker-object pattern: the worker
// lives in a QThread the controller starts once and ends with quit(); wait() in its destructor).
// A new request cancels the one still running; results of superseded requests are dropped, so the
// GUI only ever sees the latest.
//
//   dlui::SamplingController sampling;
//   connect(&sampling, &dlui::SamplingController::sampled, this, &Panel::showSamples);
//   sampling.request(std::move(request));
#pragma once

#include <QObject>
#include <QThread>
#include <cstdint>
#include <memory>

#include "ui/sampling/samplingworker.h"

namespace dlui {

class SamplingController : public QObject {
    Q_OBJECT
public:
    explicit SamplingController(QObject* parent = nullptr);
    /// Cancels a running request and ends the thread (quit(); wait()).
    ~SamplingController() override;

    /// Starts a run (cancelling the one in progress). Returns the id its signals will carry.
    std::uint64_t request(SamplingRequest request);
    /// Cancels the run in progress, if any; cancelled() follows once the worker has stopped.
    void cancel();
    bool isBusy() const { return mBusy; }
    std::uint64_t currentId() const { return mCurrentId; }

Q_SIGNALS:
    /// A run started (or was queued behind a cancelled one).
    void started(quint64 id);
    /// Progress of the current run: `done` of `total` denoiser calls.
    void progressReported(quint64 id, int done, int total);
    /// The current run produced its samples.
    void sampled(const dlui::SamplingResult& result);
    /// The current run was cancelled.
    void cancelled(quint64 id);
    /// The current run failed; message is ready to show.
    void failed(quint64 id, const QString& message);
    /// isBusy() changed.
    void busyChanged(bool busy);

private:
    void setBusy(bool busy);
    void onSampled(const SamplingResult& result);
    void onCancelled(quint64 id);
    void onFailed(quint64 id, const QString& message);
    void onProgress(quint64 id, int done, int total);

    QThread mThread;
    SamplingWorker* mWorker = nullptr;  // lives in mThread; deleted when it finishes
    std::uint64_t mNextId = 1;
    std::uint64_t mCurrentId = 0;
    std::shared_ptr<std::atomic<bool>> mCurrentCancel;
    bool mBusy = false;
};

}  // namespace dlui
