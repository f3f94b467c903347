#include "ui/sampling/samplingcontroller.h"

#include "ui/training/trainingworker.h"

namespace dlui {

SamplingController::SamplingController(QObject* parent) : QObject(parent) {
    mThread.setObjectName(QStringLiteral("dl-sampling"));
    mWorker = new SamplingWorker;
    mWorker->moveToThread(&mThread);
    connect(&mThread, &QThread::finished, mWorker, &QObject::deleteLater);
    connect(mWorker, &SamplingWorker::sampled, this, &SamplingController::onSampled);
    connect(mWorker, &SamplingWorker::cancelled, this, &SamplingController::onCancelled);
    connect(mWorker, &SamplingWorker::failed, this, &SamplingController::onFailed);
    connect(mWorker, &SamplingWorker::progressReported, this, &SamplingController::onProgress);
    mThread.start(QThread::LowPriority);
    QMetaObject::invokeMethod(
        mWorker, [] { makeCurrentThreadBackground(5); }, Qt::QueuedConnection);
}

SamplingController::~SamplingController() {
    if (mCurrentCancel) mCurrentCancel->store(true);
    mThread.quit();
    mThread.wait();
}

std::uint64_t SamplingController::request(SamplingRequest request) {
    if (mCurrentCancel) mCurrentCancel->store(true);
    request.id = mNextId++;
    if (!request.cancel) request.cancel = std::make_shared<std::atomic<bool>>(false);
    mCurrentId = request.id;
    mCurrentCancel = request.cancel;
    SamplingWorker* worker = mWorker;
    QMetaObject::invokeMethod(
        worker, [worker, request = std::move(request)] { worker->run(request); }, Qt::QueuedConnection);
    setBusy(true);
    Q_EMIT started(mCurrentId);
    return mCurrentId;
}

void SamplingController::cancel() {
    if (mCurrentCancel) mCurrentCancel->store(true);
}

void SamplingController::setBusy(bool busy) {
    if (mBusy == busy) return;
    mBusy = busy;
    Q_EMIT busyChanged(busy);
}

void SamplingController::onProgress(quint64 id, int done, int total) {
    if (id == mCurrentId) Q_EMIT progressReported(id, done, total);
}

void SamplingController::onSampled(const SamplingResult& result) {
    if (result.id != mCurrentId) return;  // superseded by a newer request
    mCurrentCancel.reset();
    setBusy(false);
    Q_EMIT sampled(result);
}

void SamplingController::onCancelled(quint64 id) {
    if (id != mCurrentId) return;
    mCurrentCancel.reset();
    setBusy(false);
    Q_EMIT cancelled(id);
}

void SamplingController::onFailed(quint64 id, const QString& message) {
    if (id != mCurrentId) return;
    mCurrentCancel.reset();
    setBusy(false);
    Q_EMIT failed(id, message);
}

}  // namespace dlui
