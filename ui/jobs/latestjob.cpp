#include "ui/jobs/latestjob.h"

#include <QMetaObject>
#include <chrono>
#include <exception>

#include "core/math/error.h"
#include "ui/i18n/coremessages.h"
#include "ui/jobs/threadpriority.h"

namespace dlui {

namespace {

constexpr std::int64_t kProgressIntervalMs = 50;

enum Outcome { Completed = 0, Stopped = 1, Failed = 2 };

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

}  // namespace

// ---- JobControl (worker thread) ------------------------------------------------------------------

JobControl::JobControl(LatestJob* owner, std::uint64_t id, std::shared_ptr<std::atomic<bool>> stop)
    : mOwner(owner), mId(id), mStop(std::move(stop)) {}

void JobControl::throwIfStopped() const {
    if (stopRequested()) throw dl::Cancelled();
}

void JobControl::progress(double fraction) {
    const std::int64_t now = nowMs();
    if (fraction < 1.0 && now - mLastProgressMs < kProgressIntervalMs) return;
    mLastProgressMs = now;
    LatestJob* owner = mOwner;
    const std::uint64_t id = mId;
    owner->postIfLatest(id, [owner, id, fraction] { Q_EMIT owner->progressed(id, fraction); });
}

dl::ProgressCallback JobControl::progressCallback() {
    return [this](double fraction) {
        progress(fraction);
        return !stopRequested();
    };
}

void JobControl::publish(std::any partial) {
    LatestJob* owner = mOwner;
    const std::uint64_t id = mId;
    owner->postIfLatest(id, [owner, id, partial = std::move(partial)]() mutable {
        if (owner->mRunning && owner->mRunning->id == id && owner->mRunning->job.onPartial)
            owner->mRunning->job.onPartial(std::move(partial));
    });
}

// ---- LatestJob (GUI thread) ----------------------------------------------------------------------

LatestJob::LatestJob(const QString& threadName, Supersede supersede, int niceness, QObject* parent)
    : QObject(parent), mSupersede(supersede) {
    mThread.setObjectName(threadName);
    mExecutor = new QObject;
    mExecutor->moveToThread(&mThread);
    mThread.start(QThread::LowPriority);
    QMetaObject::invokeMethod(
        mExecutor, [niceness] { makeCurrentThreadBackground(niceness); }, Qt::QueuedConnection);
}

LatestJob::~LatestJob() {
    mWaiting.reset();
    if (mRunning) mRunning->stop->store(true);
    mThread.quit();
    mThread.wait();
    delete mExecutor;  // its thread has ended
}

std::uint64_t LatestJob::start(Job job) {
    Entry entry{++mLatestId, std::make_shared<std::atomic<bool>>(false), std::move(job)};
    const std::uint64_t id = entry.id;
    setBusy(true);
    if (!mRunning) {
        dispatch(std::move(entry));
    } else {
        mWaiting = std::move(entry);  // replaces an older waiting job, which never runs
        if (mSupersede == Supersede::CancelRunning) mRunning->stop->store(true);
    }
    return id;
}

void LatestJob::cancel() {
    const bool latestWasWaiting = mWaiting.has_value();
    mWaiting.reset();
    if (mRunning) mRunning->stop->store(true);
    if (latestWasWaiting || !mRunning) {
        // The latest never ran: nothing will report its end.
        setBusy(false);
        if (latestWasWaiting) Q_EMIT cancelled(mLatestId);
    }
}

void LatestJob::runInWorker(std::function<void()> task) {
    QMetaObject::invokeMethod(
        mExecutor,
        [task = std::move(task)] {
            try {
                task();
            } catch (...) {
                // A preparation that fails leaves the next job to meet the problem and report it.
            }
        },
        Qt::QueuedConnection);
}

void LatestJob::dispatch(Entry entry) {
    mRunning = std::move(entry);
    const std::uint64_t id = mRunning->id;
    std::shared_ptr<std::atomic<bool>> stop = mRunning->stop;
    std::function<std::any(JobControl&)> work = mRunning->job.work;  // a copy travels; handlers stay here
    QMetaObject::invokeMethod(
        mExecutor,
        [this, id, stop, work = std::move(work)] {
            JobControl control(this, id, stop);
            int outcome = Completed;
            std::any value;
            QString message;
            try {
                if (stop->load()) throw dl::Cancelled();
                if (work) value = work(control);
            } catch (const dl::Cancelled&) {
                outcome = Stopped;
            } catch (const std::exception& e) {
                outcome = Failed;
                message = coreMessage(e.what());
            }
            // Queued to this object: dropped with it when the owner is destroyed (it joins us first).
            QMetaObject::invokeMethod(
                this,
                [this, id, outcome, value = std::move(value), message]() mutable {
                    onFinished(id, outcome, std::move(value), message);
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void LatestJob::onFinished(std::uint64_t id, int outcome, std::any value, const QString& message) {
    std::optional<Entry> finished = std::move(mRunning);
    mRunning.reset();
    if (mWaiting) {
        Entry next = std::move(*mWaiting);
        mWaiting.reset();
        dispatch(std::move(next));
    }
    if (outcome == Completed) ++mCompleted;
    // Asked to stop but finished anyway (after its last check): the result is no longer wanted.
    if (outcome == Completed && finished && finished->stop->load()) outcome = Stopped;
    if (id != mLatestId) return;  // superseded
    setBusy(false);
    if (outcome == Completed) {
        if (finished && finished->job.onResult) finished->job.onResult(std::move(value));
    } else if (outcome == Stopped) {
        Q_EMIT cancelled(id);
    } else {
        Q_EMIT failed(id, message);
    }
}

void LatestJob::setBusy(bool busy) {
    if (busy == mBusy) return;
    mBusy = busy;
    Q_EMIT busyChanged(busy);
}

void LatestJob::postIfLatest(std::uint64_t id, std::function<void()> fn) {
    QMetaObject::invokeMethod(
        this,
        [this, id, fn = std::move(fn)] {
            if (id == mLatestId) fn();
        },
        Qt::QueuedConnection);
}

}  // namespace dlui
