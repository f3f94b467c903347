#include "ui/overlays/fieldoverlayworker.h"

#include <exception>

#include "ui/i18n/coremessages.h"
#include "ui/training/trainingworker.h"

namespace dlui {

FieldOverlayWorker::FieldOverlayWorker(QObject* parent) : QObject(parent) {
    qRegisterMetaType<dlui::FieldOverlay>();
}

FieldOverlayWorker::~FieldOverlayWorker() = default;

void FieldOverlayWorker::compute(const FieldOverlayRequest& request) {
    try {
        Q_EMIT computed(computeFieldOverlay(request, mCache));
    } catch (const std::exception& e) {
        Q_EMIT failed(request.id, coreMessage(e.what()));
    }
}

FieldOverlayController::FieldOverlayController(QObject* parent) : QObject(parent) {
    mThread.setObjectName(QStringLiteral("dl-field-overlay"));
    mWorker = new FieldOverlayWorker;
    mWorker->moveToThread(&mThread);
    connect(&mThread, &QThread::finished, mWorker, &QObject::deleteLater);
    connect(mWorker, &FieldOverlayWorker::computed, this, &FieldOverlayController::onComputed);
    connect(mWorker, &FieldOverlayWorker::failed, this, &FieldOverlayController::onFailed);
    mThread.start(QThread::LowPriority);
    QMetaObject::invokeMethod(
        mWorker, [] { makeCurrentThreadBackground(5); }, Qt::QueuedConnection);
}

FieldOverlayController::~FieldOverlayController() {
    mThread.quit();
    mThread.wait();
}

std::uint64_t FieldOverlayController::request(FieldOverlayRequest request) {
    request.id = mNextId++;
    const std::uint64_t id = request.id;
    if (mInFlight)
        mPending = std::move(request);
    else
        dispatch(std::move(request));
    return id;
}

void FieldOverlayController::clear() {
    mPending.reset();
    mLatest.reset();
    mClearedBelow = mNextId;
}

void FieldOverlayController::dispatch(FieldOverlayRequest request) {
    mInFlight = true;
    FieldOverlayWorker* worker = mWorker;
    QMetaObject::invokeMethod(
        worker, [worker, request = std::move(request)] { worker->compute(request); }, Qt::QueuedConnection);
}

void FieldOverlayController::onComputed(const FieldOverlay& overlay) {
    mInFlight = false;
    ++mComputed;
    if (mPending) {
        FieldOverlayRequest next = std::move(*mPending);
        mPending.reset();
        dispatch(std::move(next));
    }
    if (overlay.id < mClearedBelow) return;
    mLatest = overlay;
    Q_EMIT overlayReady();
}

void FieldOverlayController::onFailed(quint64 id, const QString& message) {
    mInFlight = false;
    if (mPending) {
        FieldOverlayRequest next = std::move(*mPending);
        mPending.reset();
        dispatch(std::move(next));
    }
    if (id >= mClearedBelow) Q_EMIT failed(message);
}

}  // namespace dlui
