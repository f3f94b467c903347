// Runs one export (exporter.h) in a thread of its own, so the window stays responsive: progress and the
// result come back as queued signals, cancel() is an atomic flag checked before every frame, and the
// destructor cancels and waits, so closing the window mid-export neither hangs nor leaks a thread.
//
//   auto* job = new dlui::ExportJob(input, settings, this);
//   connect(job, &dlui::ExportJob::progressed, bar, &QProgressBar::setValue);
//   connect(job, &dlui::ExportJob::finished, this, &Window::exportDone);
//   job->start();
#pragma once

#include <QObject>
#include <QThread>
#include <atomic>
#include <memory>

#include "ui/render/exporter.h"

namespace dlui {

class ExportJob : public QObject {
    Q_OBJECT
public:
    ExportJob(ExportInput input, ExportSettings settings, QObject* parent = nullptr);
    ~ExportJob() override;

    /// Starts the worker thread; call once.
    void start();
    /// Asks the export to stop before its next frame; finished() still follows (with cancelled set).
    void cancel();
    bool isRunning() const;
    /// Blocks until the thread has ended (for tests and shutdown).
    bool wait(unsigned long milliseconds = ULONG_MAX);

Q_SIGNALS:
    /// After each frame: done of total frames written.
    void progressed(int done, int total);
    /// The export ended: written, failed or cancelled (see ExportResult).
    void finished(const dlui::ExportResult& result);

private:
    ExportInput mInput;
    ExportSettings mSettings;
    std::atomic<bool> mCancel{false};
    std::unique_ptr<QThread> mThread;
};

}  // namespace dlui
