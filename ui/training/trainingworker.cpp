#include "ui/training/trainingworker.h"

#include <QElapsedTimer>
#include <algorithm>
#include <cmath>
#include <exception>
#include <new>

#include "core/training/trainer.h"
#include "ui/i18n/coremessages.h"
#include "ui/jobs/threadpriority.h"
#include "ui/training/etaestimator.h"

namespace dlui {

TrainingWorker::TrainingWorker(TrainingJob job, QObject* parent) : QObject(parent), mJob(std::move(job)) {
    qRegisterMetaType<dlui::TrainingProgress>();
    qRegisterMetaType<dlui::TrainingQuality>();
    qRegisterMetaType<dlui::TrainingOutcome>();
}

void TrainingWorker::requestStop() {
    QMutexLocker lock(&mMutex);
    mStop.store(true);
    mResumed.wakeAll();
}

void TrainingWorker::requestPause(bool paused) {
    QMutexLocker lock(&mMutex);
    mPause.store(paused);
    if (!paused) mResumed.wakeAll();
}

bool TrainingWorker::waitWhilePaused() {
    if (!mPause.load()) return !mStop.load();
    if (mJob.publish) mJob.publish();
    Q_EMIT pausedChanged(true);
    {
        QMutexLocker lock(&mMutex);
        while (mPause.load() && !mStop.load()) mResumed.wait(&mMutex);
    }
    if (mStop.load()) return false;
    Q_EMIT pausedChanged(false);
    return true;
}

bool TrainingWorker::prepare(int* stepsDone) {
    if (!mJob.prepare) return true;
    QString message;
    try {
        *stepsDone = mJob.prepare();
        Q_EMIT prepared();
        return true;
    } catch (const std::bad_alloc&) {
        message = tr("There is not enough memory for this network. Choose a smaller width or depth.");
    } catch (const std::exception& e) {
        message = coreMessage(e.what());
    }
    Q_EMIT runEnded(TrainingOutcome::Failed, message, *stepsDone);
    return false;
}

void TrainingWorker::run() {
    makeCurrentThreadBackground(10);
    int step = mJob.stepsDone;
    if (!prepare(&step)) return;
    QElapsedTimer clock;
    clock.start();
    float lastLoss = 0.0f;
    // Steps/s over a sliding window of recent reports, so pauses and the quality measurements do not
    // distort the figure for long.
    double speed = 0.0;
    qint64 windowStartNs = clock.nsecsElapsed();
    int windowStartStep = step;
    qint64 lastReportMs = 0;
    qint64 lastQualityMs = 0;
    // The ETA uses the wall-clock rate including quality checks and snapshots (they are part of the run's
    // time); steps/s above leaves them out and describes the optimiser alone.
    EtaEstimator eta;
    eta.start(0.0, step);
    double qualitySeconds = 0.0;  // the last quality check's cost: one more comes at the end of the budget

    auto report = [&] {
        const qint64 nowNs = clock.nsecsElapsed();
        const double seconds = double(nowNs - windowStartNs) / 1e9;
        if (seconds > 0 && step > windowStartStep) {
            const double current = double(step - windowStartStep) / seconds;
            speed = speed > 0 ? 0.5 * speed + 0.5 * current : current;
        }
        windowStartNs = nowNs;
        windowStartStep = step;
        TrainingProgress p;
        p.step = step;
        p.totalSteps = mJob.totalSteps;
        p.loss = lastLoss;
        p.stepsPerSecond = speed;
        eta.observe(double(nowNs) / 1e9, step);
        const double left = eta.secondsLeft(mJob.totalSteps);
        if (std::isfinite(left))
            p.etaSeconds = left + (step < mJob.totalSteps ? qualitySeconds : 0.0);
        else
            p.etaSeconds = speed > 0 ? double(std::max(0, mJob.totalSteps - step)) / speed : 0.0;
        Q_EMIT progressReported(p);
        lastReportMs = clock.elapsed();
    };
    auto measure = [&] {
        if (!mJob.measureQuality) return;
        const qint64 before = clock.nsecsElapsed();
        if (std::optional<TrainingQuality> q = mJob.measureQuality(&mStop)) {
            q->step = step;
            Q_EMIT qualityMeasured(*q);
        }
        // Time spent measuring is not optimiser time (steps/s), but it is part of the run's (ETA).
        windowStartNs += clock.nsecsElapsed() - before;
        qualitySeconds = double(clock.nsecsElapsed() - before) / 1e9;
        lastQualityMs = clock.elapsed();
    };

    TrainingOutcome outcome = TrainingOutcome::Stopped;
    QString message;
    try {
        while (true) {
            if (mPause.load()) {
                report();
                if (!waitWhilePaused()) break;
                windowStartNs = clock.nsecsElapsed();
                eta.start(double(windowStartNs) / 1e9, step);  // paused time is not the run's
            }
            if (mStop.load()) break;
            if (step >= mJob.totalSteps) {
                report();
                measure();
                outcome = TrainingOutcome::Finished;
                break;
            }
            lastLoss = mJob.step();
            ++step;
            const qint64 nowMs = clock.elapsed();
            if (nowMs - lastReportMs >= mJob.progressIntervalMs) report();
            if (mJob.measureQuality && nowMs - lastQualityMs >= qint64(mJob.qualityIntervalSeconds * 1000))
                measure();
        }
    } catch (const dl::TrainingDiverged& e) {
        outcome = TrainingOutcome::Diverged;
        message = coreMessage(e.what());
    } catch (const std::exception& e) {
        outcome = TrainingOutcome::Failed;
        message = coreMessage(e.what());
    }
    if (mJob.publish) mJob.publish();
    if (outcome != TrainingOutcome::Finished) report();
    Q_EMIT runEnded(outcome, message, step);
}

}  // namespace dlui
