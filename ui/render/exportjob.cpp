#include "ui/render/exportjob.h"

namespace dlui {

ExportJob::ExportJob(ExportInput input, ExportSettings settings, QObject* parent)
    : QObject(parent), mInput(std::move(input)), mSettings(std::move(settings)) {
    qRegisterMetaType<dlui::ExportResult>("dlui::ExportResult");
}

ExportJob::~ExportJob() {
    cancel();
    wait();
}

void ExportJob::start() {
    if (mThread) return;
    // The thread reads only the job's own copies of the input and settings; results leave as signals,
    // queued to the receivers' threads.
    mThread.reset(QThread::create([this] {
        const ExportResult result = runExport(
            mInput, mSettings, &mCancel, [this](int done, int total) { Q_EMIT progressed(done, total); });
        Q_EMIT finished(result);
    }));
    mThread->setObjectName(QStringLiteral("export"));
    mThread->start(QThread::LowPriority);
}

void ExportJob::cancel() {
    mCancel = true;
}

bool ExportJob::isRunning() const {
    return mThread && mThread->isRunning();
}

bool ExportJob::wait(unsigned long milliseconds) {
    return !mThread || mThread->wait(milliseconds);
}

}  // namespace dlui
