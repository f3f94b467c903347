// The window's one pattern for background work where only the newest request matters (sampling, field
// overlays, data and model-file loading): a worker thread owned by the object, at most one job running
// and one waiting, results matched to their request by a run id, and a stop flag every job checks.
//
// A job is a function run in the worker thread. It gets a JobControl (its id, the stop flag, progress and
// partial results) and returns its result as a value (std::any). The result, partial results and
// progress come back to the GUI thread as queued calls and reach the handlers only while the job is the
// latest one; everything older is dropped. Starting a job supersedes the one waiting (which never runs)
// and, with Supersede::CancelRunning, asks the running one to stop (sampling, loading); with
// Supersede::LetRunningFinish the running one finishes first, so a stream of requests (scrubbing t with
// overlays on) still shows a result now and then. The destructor stops everything and joins the thread,
// which is prompt because every job checks its stop flag inside its loops.
//
//   dlui::LatestJob job(QStringLiteral("dl-loader"), dlui::LatestJob::Supersede::CancelRunning);
//   job.start({.work = [source](dlui::JobControl& c) -> std::any { return load(source, c); },
//              .onResult = [this](std::any r) { show(std::any_cast<Loaded>(std::move(r))); }});
#pragma once

#include <QObject>
#include <QString>
#include <QThread>
#include <any>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

#include "core/data/progress.h"

namespace dlui {

class LatestJob;

/// What a running job may do besides its work. Used from the worker thread only.
class JobControl {
public:
    std::uint64_t id() const { return mId; }
    /// True once the job has been superseded, cancelled or its owner is being destroyed.
    bool stopRequested() const { return mStop->load(); }
    /// Throws dl::Cancelled when stopRequested().
    void throwIfStopped() const;
    /// The stop flag itself, for core code that takes a `const std::atomic<bool>*`.
    const std::atomic<bool>* stopFlag() const { return mStop.get(); }
    /// Reports progress (0..1); sent at most every 50 ms (and always at 1).
    void progress(double fraction);
    /// A dl::ProgressCallback that reports progress and answers false once stopRequested(): pass it to
    /// every loader in core, so it can be interrupted.
    dl::ProgressCallback progressCallback();
    /// Hands a partial result (a value) to the job's onPartial handler on the GUI thread.
    void publish(std::any partial);

private:
    friend class LatestJob;
    JobControl(LatestJob* owner, std::uint64_t id, std::shared_ptr<std::atomic<bool>> stop);
    LatestJob* mOwner;
    std::uint64_t mId;
    std::shared_ptr<std::atomic<bool>> mStop;
    std::int64_t mLastProgressMs = -1000;
};

class LatestJob : public QObject {
    Q_OBJECT
public:
    enum class Supersede {
        CancelRunning,     ///< a new job stops the running one (its result is never wanted)
        LetRunningFinish,  ///< the running job finishes, then the newest waiting one runs
    };

    /// One job. Handlers run on the GUI thread, only while the job is the latest.
    struct Job {
        std::function<std::any(JobControl&)> work;        ///< worker thread; throw dl::Cancelled to stop
        std::function<void(std::any result)> onResult;    ///< the job's result
        std::function<void(std::any partial)> onPartial;  ///< JobControl::publish
    };

    /// niceness: how much lower than the GUI thread the worker runs (Linux), so the window wins the CPU.
    LatestJob(const QString& threadName, Supersede supersede, int niceness = 5, QObject* parent = nullptr);
    /// Stops the running and waiting jobs and joins the thread.
    ~LatestJob() override;

    /// Queues the job as the latest (see Supersede). Returns its id, which the signals carry.
    std::uint64_t start(Job job);
    /// Stops the running job and drops the waiting one; cancelled() follows for the latest.
    void cancel();
    /// Runs `task` in the worker thread after what is already queued there, outside the jobs' bookkeeping:
    /// no id, no busy state, no signals, and what it throws is dropped. For short preparations that only
    /// pay off in this thread (its own heap arena, caches filled for the next job); a job started
    /// meanwhile runs after it.
    void runInWorker(std::function<void()> task);
    bool isBusy() const { return mBusy; }
    /// Id of the latest job started (0 before the first).
    std::uint64_t latestId() const { return mLatestId; }
    /// Jobs that ran to the end (the rest were superseded before or while running); for tests.
    int completedCount() const { return mCompleted; }

Q_SIGNALS:
    /// The latest job made progress (0..1).
    void progressed(quint64 id, double fraction);
    /// The latest job was cancelled (by cancel(), or it stopped on its own).
    void cancelled(quint64 id);
    /// The latest job failed; message is ready to show.
    void failed(quint64 id, const QString& message);
    /// isBusy() changed: true while the latest job waits or runs.
    void busyChanged(bool busy);

private:
    friend class JobControl;
    struct Entry {
        std::uint64_t id = 0;
        std::shared_ptr<std::atomic<bool>> stop;
        Job job;
    };
    void dispatch(Entry entry);
    void onFinished(std::uint64_t id, int outcome, std::any value, const QString& message);
    void setBusy(bool busy);
    /// Queues fn on the GUI thread, run only while job id is the latest.
    void postIfLatest(std::uint64_t id, std::function<void()> fn);

    QThread mThread;
    QObject* mExecutor = nullptr;  // lives in mThread; runs the jobs
    Supersede mSupersede;
    std::optional<Entry> mRunning;  // GUI-thread bookkeeping of the job in the worker
    std::optional<Entry> mWaiting;
    std::uint64_t mLatestId = 0;
    bool mBusy = false;
    int mCompleted = 0;
};

}  // namespace dlui
