#include "ui/overlays/fieldoverlaycontroller.h"

namespace dlui {

FieldOverlayController::FieldOverlayController(QObject* parent)
    : QObject(parent), mJob(QStringLiteral("dl-field-overlay"), LatestJob::Supersede::LetRunningFinish) {
    qRegisterMetaType<dlui::FieldOverlay>();
    connect(&mJob, &LatestJob::failed, this,
            [this](quint64, const QString& message) { Q_EMIT failed(message); });
}

FieldOverlayController::~FieldOverlayController() = default;

std::uint64_t FieldOverlayController::request(FieldOverlayRequest request) {
    LatestJob::Job job;
    std::shared_ptr<FieldOverlayCache> cache = mCache;
    // The id is the job's: set in the worker from the control, so the overlay names its request.
    job.work = [cache, request = std::move(request)](JobControl& control) mutable -> std::any {
        request.id = control.id();
        return computeFieldOverlay(request, *cache, control.stopFlag());
    };
    job.onResult = [this](std::any overlay) {
        mLatest = std::any_cast<FieldOverlay>(std::move(overlay));
        Q_EMIT overlayReady();
    };
    return mJob.start(std::move(job));
}

void FieldOverlayController::clear() {
    mJob.cancel();
    mLatest.reset();
}

}  // namespace dlui
