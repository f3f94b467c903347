// The window's one background-job pattern (ui/jobs/latestjob.h): results come back as values on the GUI
// thread, matched to their job by id; a newer job stops the running one (CancelRunning) or lets it finish
// and replaces the waiting one (LetRunningFinish); partial results, progress and failures reach the GUI
// only for the latest job; the destructor stops a job in its loop and joins the thread.
#include <QSignalSpy>
#include <QThread>
#include <QtTest>
#include <any>
#include <atomic>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/math/error.h"
#include "ui/jobs/latestjob.h"

using dlui::JobControl;
using dlui::LatestJob;

namespace {

/// A job that counts up to `steps`, looking at its stop flag every millisecond, then returns `value`.
LatestJob::Job countingJob(int value, int steps, std::vector<int>* results,
                           std::shared_ptr<std::atomic<int>> started = nullptr) {
    LatestJob::Job job;
    job.work = [value, steps, started](JobControl& control) -> std::any {
        if (started) started->fetch_add(1);
        for (int i = 0; i < steps; ++i) {
            control.throwIfStopped();
            control.progress(double(i) / steps);
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        return value;
    };
    job.onResult = [results](std::any r) { results->push_back(std::any_cast<int>(r)); };
    return job;
}

}  // namespace

class TestLatestJob : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void resultArrivesAsValue() {
        LatestJob job(QStringLiteral("test"), LatestJob::Supersede::CancelRunning);
        QSignalSpy busy(&job, &LatestJob::busyChanged);
        std::vector<int> results;
        const auto id = job.start(countingJob(7, 5, &results));
        QCOMPARE(id, job.latestId());
        QVERIFY(job.isBusy());
        QTRY_COMPARE(results.size(), std::size_t{1});
        QCOMPARE(results.front(), 7);
        QVERIFY(!job.isBusy());
        QCOMPARE(busy.count(), 2);
    }

    void newerJobStopsTheRunningOne() {
        LatestJob job(QStringLiteral("test"), LatestJob::Supersede::CancelRunning);
        std::vector<int> results;
        auto started = std::make_shared<std::atomic<int>>(0);
        job.start(countingJob(1, 100000, &results, started));  // 100 s if never stopped
        QTRY_COMPARE(started->load(), 1);
        job.start(countingJob(2, 100000, &results, started));  // waits, then is replaced: never runs
        const auto last = job.start(countingJob(3, 5, &results, started));
        QTRY_COMPARE_WITH_TIMEOUT(results.size(), std::size_t{1}, 5000);
        QCOMPARE(results.front(), 3);
        QCOMPARE(started->load(), 2);  // the first and the last
        QCOMPARE(job.latestId(), last);
        QCOMPARE(job.completedCount(), 1);
    }

    void runningJobFinishesWhenAsked() {
        LatestJob job(QStringLiteral("test"), LatestJob::Supersede::LetRunningFinish);
        std::vector<int> results;
        auto started = std::make_shared<std::atomic<int>>(0);
        job.start(countingJob(1, 50, &results, started));
        QTRY_COMPARE(started->load(), 1);
        for (int v = 2; v <= 10; ++v) job.start(countingJob(v, 1, &results, started));
        QTRY_COMPARE_WITH_TIMEOUT(job.completedCount(), 2, 5000);
        // The first ran to the end but was superseded: only the latest reaches the handler.
        QCOMPARE(results, std::vector<int>{10});
        QCOMPARE(started->load(), 2);
    }

    void partialsAndProgressOnlyForTheLatest() {
        LatestJob job(QStringLiteral("test"), LatestJob::Supersede::CancelRunning);
        QSignalSpy progressed(&job, &LatestJob::progressed);
        std::vector<QString> events;
        LatestJob::Job work;
        work.work = [](JobControl& control) -> std::any {
            control.publish(1);
            control.publish(2);
            control.progress(1.0);
            return 3;
        };
        work.onPartial = [&events](std::any p) { events.push_back(QString::number(std::any_cast<int>(p))); };
        work.onResult = [&events](std::any r) {
            events.push_back(QStringLiteral("result %1").arg(std::any_cast<int>(r)));
        };
        const auto id = job.start(work);
        QTRY_COMPARE(events.size(), std::size_t{3});
        QCOMPARE(events, (std::vector<QString>{QStringLiteral("1"), QStringLiteral("2"),
                                               QStringLiteral("result 3")}));
        QCOMPARE(progressed.count(), 1);
        QCOMPARE(progressed.at(0).at(0).value<quint64>(), id);

        // A superseded job's partials are dropped.
        events.clear();
        LatestJob::Job slow = work;
        slow.work = [](JobControl& control) -> std::any {
            control.publish(99);
            while (!control.stopRequested()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
            return 0;
        };
        job.start(slow);
        job.start(work);
        QTRY_VERIFY(!job.isBusy());
        QVERIFY(!events.empty());
        QVERIFY(std::find(events.begin(), events.end(), QStringLiteral("99")) == events.end());
    }

    void failureAndCancelAreReported() {
        LatestJob job(QStringLiteral("test"), LatestJob::Supersede::CancelRunning);
        QSignalSpy failed(&job, &LatestJob::failed);
        QSignalSpy cancelled(&job, &LatestJob::cancelled);
        LatestJob::Job bad;
        bad.work = [](JobControl&) -> std::any { throw dl::Error("no such file"); };
        const auto id = job.start(bad);
        QTRY_COMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).value<quint64>(), id);
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("no such file"));

        std::vector<int> results;
        auto started = std::make_shared<std::atomic<int>>(0);
        const auto running = job.start(countingJob(1, 100000, &results, started));
        QTRY_COMPARE(started->load(), 1);
        job.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 1, 5000);
        QCOMPARE(cancelled.at(0).at(0).value<quint64>(), running);
        QVERIFY(results.empty());
        QVERIFY(!job.isBusy());
    }

    void destructorStopsAJobInItsLoop() {
        auto started = std::make_shared<std::atomic<int>>(0);
        std::vector<int> results;
        QElapsedTimer clock;
        {
            LatestJob job(QStringLiteral("test"), LatestJob::Supersede::LetRunningFinish);
            job.start(countingJob(1, 1000000, &results, started));  // ~17 min if never stopped
            QTRY_COMPARE(started->load(), 1);
            clock.start();
        }
        // Far below the job's length: the stop flag ended it (a loose bound, the machine may be busy).
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(results.empty());
    }

    // runInWorker: in the worker thread, after what was queued before it, with no busy state or signal;
    // what it throws is dropped and the next job runs as usual.
    void runInWorkerIsOutsideTheJobs() {
        LatestJob job(QStringLiteral("test"), LatestJob::Supersede::CancelRunning);
        QSignalSpy busy(&job, &LatestJob::busyChanged);
        QSignalSpy failed(&job, &LatestJob::failed);
        auto ranOn = std::make_shared<std::atomic<QThread*>>(nullptr);
        job.runInWorker([] { throw std::runtime_error("dropped"); });
        job.runInWorker([ranOn] { ranOn->store(QThread::currentThread()); });
        QTRY_VERIFY(ranOn->load() != nullptr);
        QVERIFY(ranOn->load() != QThread::currentThread());
        QCOMPARE(busy.count(), 0);
        QVERIFY(!job.isBusy());
        std::vector<int> results;
        job.start(countingJob(3, 2, &results));
        QTRY_COMPARE(results.size(), std::size_t{1});
        QCOMPARE(results.front(), 3);
        QCOMPARE(failed.count(), 0);
    }
};

QTEST_MAIN(TestLatestJob)
#include "tst_latestjob.moc"
