#include "ui/sampling/samplingcontroller.h"

#include "ui/sampling/samplingprepare.h"

namespace dlui {

SamplingController::SamplingController(QObject* parent)
    : QObject(parent), mJob(QStringLiteral("dl-sampling"), LatestJob::Supersede::CancelRunning) {
    qRegisterMetaType<dlui::SamplingResult>();
    qRegisterMetaType<dlui::SamplingPartial>();
    connect(&mJob, &LatestJob::progressed, this, [this](quint64 id, double fraction) {
        Q_EMIT progressReported(id, static_cast<int>(fraction * 1000.0 + 0.5), 1000);
    });
    connect(&mJob, &LatestJob::cancelled, this, &SamplingController::cancelled);
    connect(&mJob, &LatestJob::failed, this, &SamplingController::failed);
    connect(&mJob, &LatestJob::busyChanged, this, &SamplingController::busyChanged);
}

SamplingController::~SamplingController() = default;

std::uint64_t SamplingController::request(SamplingRequest request) {
    LatestJob::Job job;
    job.work = [request = std::move(request)](JobControl& control) -> std::any {
        return runSampling(request, control);
    };
    job.onResult = [this](std::any result) { Q_EMIT sampled(std::any_cast<SamplingResult>(result)); };
    job.onPartial = [this](std::any partial) {
        Q_EMIT trajectoryGrew(std::any_cast<SamplingPartial>(partial));
    };
    const std::uint64_t id = mJob.start(std::move(job));
    Q_EMIT started(id);
    return id;
}

void SamplingController::cancel() {
    mJob.cancel();
}

void SamplingController::prepare(SamplingRequest request) {
    mJob.runInWorker([request = std::move(request)] { prepareSampling(request); });
}

}  // namespace dlui
