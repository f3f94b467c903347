// The training worker and its controller without a window: a run reaches its budget, pauses and resumes
// between steps, stops cleanly (also from the destructor), reports divergence and keeps the last good
// weights, measures sample quality in the worker, and continues from a saved model file. The trainer is
// built on the run's thread, never on the caller's.
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <cmath>
#include <limits>

#include "core/data/dataset.h"
#include "core/data/pointgenerators.h"
#include "core/math/rng.h"
#include "core/model/modelfile.h"
#include "core/training/trainer.h"
#include "tests/support/smalltraining.h"
#include "ui/training/trainingcontroller.h"
#include "ui/training/trainingworker.h"

using State = dlui::TrainingController::State;

namespace {

std::shared_ptr<const dl::DataSet> moons(int n) {
    dl::Rng rng(1);
    return std::make_shared<const dl::DataSet>(
        dl::makePointDataSet("moons", dl::generatePoints("moons", n, rng)));
}

dl::Schedule smallSchedule() {
    dl::ScheduleParams p;
    p.T = 40;
    p.betaStart = 1e-3;
    p.betaEnd = 0.3;
    return dl::Schedule(p);
}

/// A network small enough that a few hundred steps take well under a second.
dlui::TrainingSettings tinySettings(int steps) {
    dlui::TrainingSettings s = dltest::smallTraining(steps);
    s.trainer.seed = 3;
    s.measureQuality = false;
    return s;
}

/// A run that never ends on its own and measures quality on 200 samples every 0.2 s.
dlui::TrainingSettings qualitySettings() {
    dlui::TrainingSettings s = tinySettings(100000000);
    s.measureQuality = true;
    s.qualitySamples = 200;
    s.qualityIntervalSeconds = 0.2;
    return s;
}

}  // namespace

class TestTrainingController : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void runReachesItsBudget();
    void pauseHoldsTheStepCount();
    void stopAndWaitJoinsTheThread();
    void destructorEndsARunningThread();
    void divergenceKeepsLastGoodWeights();
    void workerReportsDivergenceFromTheStep();
    void qualityIsMeasuredInTheWorker();
    void qualityOfAZeroSnrScheduleClipsItsFirstStep();
    void continuesFromASavedModelFile();
    void invalidSettingsAreRefused();
    void theTrainerIsBuiltOnTheRunsThread();
    void stoppingWhileBuildingKeepsTheBuiltTrainer();
    void aTrainerThatCannotBeBuiltFailsTheRun();
    void continuingTheOwnRunMatchesResumingFromItsFile();
    void aContinuedRunThatCannotBeBuiltKeepsTheOldOne();
};

void TestTrainingController::runReachesItsBudget() {
    dlui::TrainingController c;
    QSignalSpy ended(&c, &dlui::TrainingController::runEnded);
    QSignalSpy progress(&c, &dlui::TrainingController::progressReported);
    QString error;
    QVERIFY2(c.start(moons(1000), smallSchedule(), tinySettings(300), &error), qPrintable(error));
    QCOMPARE(c.state(), State::Running);
    QCOMPARE(c.liveThreadCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 30000);
    QCOMPARE(ended.at(0).at(0).value<dlui::TrainingOutcome>(), dlui::TrainingOutcome::Finished);
    QCOMPARE(c.state(), State::Finished);
    QCOMPARE(c.liveThreadCount(), 0);
    const auto snap = c.snapshot();
    QVERIFY(snap);
    QCOMPARE(snap->step, 300);
    QCOMPARE(int(snap->lossHistory.size()), 300);
    QVERIFY(progress.count() >= 1);
    const auto last = progress.last().at(0).value<dlui::TrainingProgress>();
    QCOMPARE(last.step, 300);
    QCOMPARE(last.totalSteps, 300);
    // The loss went down from its start.
    const float first = snap->lossHistory.front();
    const float tail = snap->lossHistory.back();
    QVERIFY2(tail < first, qPrintable(QStringLiteral("%1 → %2").arg(first).arg(tail)));
}

void TestTrainingController::pauseHoldsTheStepCount() {
    dlui::TrainingController c;
    QVERIFY(c.start(moons(1000), smallSchedule(), tinySettings(10000000)));
    QTRY_VERIFY_WITH_TIMEOUT(c.snapshot() && c.snapshot()->step > 20, 10000);
    c.pause();
    QCOMPARE(c.state(), State::Paused);
    QTest::qWait(100);  // the worker finishes its step and publishes
    const int held = c.snapshot()->step;
    QTest::qWait(200);
    QCOMPARE(c.snapshot()->step, held);
    QCOMPARE(int(c.snapshot()->lossHistory.size()), held);
    c.resume();
    QCOMPARE(c.state(), State::Running);
    QTRY_VERIFY_WITH_TIMEOUT(c.snapshot() && c.snapshot()->step > held + 20, 10000);
    QSignalSpy ended(&c, &dlui::TrainingController::runEnded);
    c.stop();
    QCOMPARE(c.state(), State::Stopping);
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 10000);
    QCOMPARE(c.state(), State::Stopped);
    QCOMPARE(c.liveThreadCount(), 0);
    // Stopping from pause works too.
    QVERIFY(c.start(moons(500), smallSchedule(), tinySettings(10000000)));
    c.pause();
    c.stop();
    QTRY_COMPARE_WITH_TIMEOUT(c.state(), State::Stopped, 10000);
    QCOMPARE(c.liveThreadCount(), 0);
}

void TestTrainingController::stopAndWaitJoinsTheThread() {
    dlui::TrainingController c;
    QVERIFY(c.start(moons(1000), smallSchedule(), tinySettings(10000000)));
    QTRY_VERIFY_WITH_TIMEOUT(c.snapshot() && c.snapshot()->step > 5, 10000);
    QElapsedTimer clock;
    clock.start();
    c.stopAndWait();
    // Far below the run's length (hours): the stop flag ended it. Loose, as the machine may be busy.
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(c.state(), State::Stopped);
    QCOMPARE(c.liveThreadCount(), 0);
    const int steps = c.snapshot()->step;
    QTest::qWait(50);  // queued signals of the joined worker are ignored
    QCOMPARE(c.state(), State::Stopped);
    QCOMPARE(c.snapshot()->step, steps);
    // A paused run stops as well, and reset forgets everything.
    QVERIFY(c.start(moons(500), smallSchedule(), tinySettings(10000000)));
    c.pause();
    c.stopAndWait();
    QCOMPARE(c.liveThreadCount(), 0);
    c.reset();
    QCOMPARE(c.state(), State::Idle);
    QVERIFY(!c.snapshot());
}

void TestTrainingController::destructorEndsARunningThread() {
    for (int i = 0; i < 3; ++i) {
        auto c = std::make_unique<dlui::TrainingController>();
        QVERIFY(c->start(moons(500), smallSchedule(), tinySettings(10000000)));
        if (i == 1) c->pause();
        QTest::qWait(30);
        QElapsedTimer clock;
        clock.start();
        c.reset();  // destroys the controller mid-run
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));  // not hours
    }
}

void TestTrainingController::divergenceKeepsLastGoodWeights() {
    dlui::TrainingController c;
    QSignalSpy ended(&c, &dlui::TrainingController::runEnded);
    // Raw coordinates of size 1e18 make the very first loss overflow: the run must end as Diverged, with
    // the thread joined and the (initial) weights kept.
    dlui::TrainingSettings s = tinySettings(100000);
    s.model.inputFeatures = 0;
    dl::DataSet huge = *moons(500);
    huge.points *= 1e18f;
    auto data = std::make_shared<const dl::DataSet>(huge);
    QVERIFY(c.start(data, smallSchedule(), s));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 30000);
    QCOMPARE(c.state(), State::Diverged);
    QVERIFY(!c.lastMessage().isEmpty());
    QCOMPARE(c.liveThreadCount(), 0);
    const auto snap = c.snapshot();
    QVERIFY(snap);
    QVERIFY(snap->parameters.allFinite());
    for (float loss : snap->lossHistory) QVERIFY(std::isfinite(loss));
}

void TestTrainingController::workerReportsDivergenceFromTheStep() {
    dlui::TrainingJob job;
    int calls = 0;
    job.step = [&calls]() -> float {
        if (++calls == 5) throw dl::TrainingDiverged("loss is nan");
        return 1.0f;
    };
    job.totalSteps = 100;
    dlui::TrainingWorker worker(job);
    QSignalSpy ended(&worker, &dlui::TrainingWorker::runEnded);
    worker.run();  // in this thread: the loop itself, no threading involved
    QCOMPARE(ended.count(), 1);
    QCOMPARE(ended.at(0).at(0).value<dlui::TrainingOutcome>(), dlui::TrainingOutcome::Diverged);
    QCOMPARE(ended.at(0).at(1).toString(), QStringLiteral("loss is nan"));
    QCOMPARE(ended.at(0).at(2).toInt(), 4);
}

void TestTrainingController::qualityIsMeasuredInTheWorker() {
    dlui::TrainingController c;
    QSignalSpy quality(&c, &dlui::TrainingController::qualityMeasured);
    const dlui::TrainingSettings s = qualitySettings();
    QVERIFY(c.start(moons(1000), smallSchedule(), s));
    QTRY_VERIFY_WITH_TIMEOUT(quality.count() >= 2, 30000);
    c.stopAndWait();
    const auto q = quality.last().at(0).value<dlui::TrainingQuality>();
    QVERIFY(q.step > 0);
    QCOMPARE(q.samples, 200);
    QVERIFY(q.distance > 0 && std::isfinite(q.distance));
    QVERIFY(q.floor > 0 && q.floor < q.distance * 10);
    QVERIFY(c.lastQuality().has_value());
}

// A schedule with zero terminal SNR (cosine, T = 1000, rescaled): the first x̂_0 divides by √ᾱ_T at its
// floor of 2⁻²⁴, which multiplies the network's error ×4096. The window's check did not clip x̂_0 as the
// CLI's does, and read "SW₂ 43 (a perfect model ≈ 0.059, so ×724)" under clean samples.
void TestTrainingController::qualityOfAZeroSnrScheduleClipsItsFirstStep() {
    dl::ScheduleParams p;
    p.kind = dl::ScheduleKind::Cosine;
    p.T = 1000;
    p.zeroTerminalSnr = true;
    const dl::Schedule schedule(p);
    QCOMPARE(schedule.alphaBar(schedule.T()), 0.0);
    dlui::TrainingController c;
    QSignalSpy quality(&c, &dlui::TrainingController::qualityMeasured);
    const dlui::TrainingSettings s = qualitySettings();
    const auto data = moons(1000);
    QVERIFY(c.start(data, schedule, s));
    QTRY_VERIFY_WITH_TIMEOUT(quality.count() >= 2, 60000);
    c.stopAndWait();
    // Clipped to the data's range (normalised, widened by 5 %), no sample is further from the data than
    // the range is wide, whatever the model has learnt so far.
    Eigen::VectorXf lo, hi;
    dl::dataRange(data->points, lo, hi);
    const double span = (hi - lo).norm();
    for (const QList<QVariant>& measured : quality) {
        const auto q = measured.at(0).value<dlui::TrainingQuality>();
        QVERIFY2(std::isfinite(q.distance) && q.distance < span,
                 qPrintable(QStringLiteral("step %1: SW₂ %2, the data's range is %3 across")
                                .arg(q.step)
                                .arg(q.distance)
                                .arg(span)));
    }
}

void TestTrainingController::continuesFromASavedModelFile() {
    const auto data = moons(800);
    dlui::TrainingController c;
    QSignalSpy ended(&c, &dlui::TrainingController::runEnded);
    QVERIFY(c.start(data, smallSchedule(), tinySettings(120)));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 30000);
    QTemporaryDir dir;
    const std::string path = dir.filePath(QStringLiteral("m.dlmodel")).toStdString();
    dl::saveModelFile(path, c.modelFile());
    const dl::ModelFile loaded = dl::loadModelFile(path);
    QCOMPARE(loaded.step, 120);
    QCOMPARE(loaded.schedule, smallSchedule().params());

    dlui::TrainingController d;
    QSignalSpy ended2(&d, &dlui::TrainingController::runEnded);
    QString error;
    QVERIFY2(
        d.resumeFromFile(data, std::make_shared<const dl::ModelFile>(loaded), 30, tinySettings(0), &error),
        qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(ended2.count(), 1, 30000);
    QCOMPARE(d.state(), State::Finished);
    QCOMPARE(d.snapshot()->step, 150);
    QCOMPARE(int(d.snapshot()->lossHistory.size()), 150);
    QCOMPARE(d.schedule()->params(), smallSchedule().params());
    // While running, a model file comes from the snapshot (no optimizer state, but the EMA weights).
    QVERIFY(d.start(data, smallSchedule(), tinySettings(10000000)));
    QTRY_VERIFY_WITH_TIMEOUT(d.snapshot() && d.snapshot()->step > 5, 10000);
    const dl::ModelFile live = d.modelFile();
    QVERIFY(live.step > 0);
    QVERIFY(!dl::validateModelFile(live).has_value());
}

void TestTrainingController::invalidSettingsAreRefused() {
    dlui::TrainingController c;
    dlui::TrainingSettings s = tinySettings(100);
    s.trainer.batchSize = 0;
    QString error;
    QVERIFY(!c.start(moons(100), smallSchedule(), s, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(c.state(), State::Idle);
    QCOMPARE(c.liveThreadCount(), 0);
    QVERIFY(!c.start(nullptr, smallSchedule(), tinySettings(100), &error));
}

void TestTrainingController::theTrainerIsBuiltOnTheRunsThread() {
    dlui::TrainingController c;
    QSignalSpy ready(&c, &dlui::TrainingController::trainerReady);
    QSignalSpy ended(&c, &dlui::TrainingController::runEnded);
    QVERIFY(c.start(moons(1000), smallSchedule(), tinySettings(200)));
    // start() only launched the run: the trainer comes from its thread, reported through the event loop.
    QCOMPARE(c.state(), State::Running);
    QVERIFY(c.isBuilding());
    QVERIFY(!c.hasRun());
    QVERIFY(!c.snapshot());
    QCOMPARE(ready.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 30000);
    QVERIFY(c.hasRun());
    QVERIFY(!c.isBuilding());
    QVERIFY(c.snapshot());
    QCOMPARE(c.schedule()->params(), smallSchedule().params());
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 30000);
    QCOMPARE(c.snapshot()->step, 200);
    QCOMPARE(ready.count(), 1);  // once per run
}

void TestTrainingController::stoppingWhileBuildingKeepsTheBuiltTrainer() {
    // stop() before the trainer was reported: the thread still builds it and then ends, and the run keeps
    // what it built (no step, or a few).
    {
        dlui::TrainingController c;
        QSignalSpy ready(&c, &dlui::TrainingController::trainerReady);
        QVERIFY(c.start(moons(1000), smallSchedule(), tinySettings(10000000)));
        QVERIFY(c.isBuilding());
        c.stop();
        QCOMPARE(c.state(), State::Stopping);
        QTRY_COMPARE_WITH_TIMEOUT(c.state(), State::Stopped, 30000);
        QCOMPARE(c.liveThreadCount(), 0);
        QCOMPARE(ready.count(), 1);
        QVERIFY(c.hasRun());
        QVERIFY(!dl::validateModelFile(c.modelFile()).has_value());
    }
    // stopAndWait() (closing the window) joins at once: the thread may not have begun to build. Whatever
    // it built is the run's, announced by trainerReady(); if it built nothing, there is no run.
    for (int i = 0; i < 5; ++i) {
        dlui::TrainingController c;
        QSignalSpy ready(&c, &dlui::TrainingController::trainerReady);
        QVERIFY(c.start(moons(1000), smallSchedule(), tinySettings(10000000)));
        QThread::msleep(static_cast<unsigned long>(i));  // sometimes before, sometimes after the build
        c.stopAndWait();
        QCOMPARE(c.state(), State::Stopped);
        QCOMPARE(c.liveThreadCount(), 0);
        QVERIFY(!c.isBuilding());
        QCOMPARE(c.hasRun(), ready.count() == 1);
        if (c.hasRun()) QVERIFY(!dl::validateModelFile(c.modelFile()).has_value());
        QTest::qWait(20);  // the joined worker's queued report is ignored: no second trainerReady()
        QVERIFY(ready.count() <= 1);
    }
}

void TestTrainingController::aTrainerThatCannotBeBuiltFailsTheRun() {
    dlui::TrainingController c;
    QSignalSpy ready(&c, &dlui::TrainingController::trainerReady);
    QSignalSpy ended(&c, &dlui::TrainingController::runEnded);
    dl::DataSet broken = *moons(200);
    broken.points(7, 1) = std::numeric_limits<float>::quiet_NaN();
    QVERIFY(c.start(std::make_shared<const dl::DataSet>(broken), smallSchedule(), tinySettings(100)));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 30000);
    QCOMPARE(ended.at(0).at(0).value<dlui::TrainingOutcome>(), dlui::TrainingOutcome::Failed);
    QVERIFY2(ended.at(0).at(1).toString().contains(QStringLiteral("NaN")),
             qPrintable(ended.at(0).at(1).toString()));
    QCOMPARE(c.state(), State::Failed);
    QCOMPARE(c.lastMessage(), ended.at(0).at(1).toString());
    QCOMPARE(ready.count(), 0);
    QVERIFY(!c.hasRun());
    QCOMPARE(c.liveThreadCount(), 0);
}

void TestTrainingController::continuingTheOwnRunMatchesResumingFromItsFile() {
    // Continuing a finished run takes its full state (weights, AdamW moments, EMA, loss history, batch
    // streams) on the new run's thread; the result is the same as saving the run and resuming the file.
    const auto data = moons(800);
    dlui::TrainingController c;
    QSignalSpy ended(&c, &dlui::TrainingController::runEnded);
    QVERIFY(c.start(data, smallSchedule(), tinySettings(100)));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 30000);
    auto file = std::make_shared<const dl::ModelFile>(c.modelFile());

    QString error;
    QVERIFY2(c.continueTraining(data, 40, tinySettings(0), &error), qPrintable(error));
    QVERIFY(c.isBuilding());
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, 30000);
    QCOMPARE(c.state(), State::Finished);
    QCOMPARE(c.snapshot()->step, 140);

    dlui::TrainingController d;
    QSignalSpy ended2(&d, &dlui::TrainingController::runEnded);
    QVERIFY2(d.resumeFromFile(data, file, 40, tinySettings(0), &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(ended2.count(), 1, 30000);
    QCOMPARE(d.snapshot()->step, 140);
    QVERIFY(c.snapshot()->parameters == d.snapshot()->parameters);
    QVERIFY(c.snapshot()->lossHistory == d.snapshot()->lossHistory);

    // Without a finished run of its own there is nothing to continue.
    dlui::TrainingController fresh;
    QVERIFY(!fresh.continueTraining(data, 40, tinySettings(0), &error));
    QVERIFY(!error.isEmpty());
}

// Continue dropped the run's trainer as soon as the continued run started: had its build failed, the
// trained weights could no longer be saved or continued. The old trainer now stays the run's.
void TestTrainingController::aContinuedRunThatCannotBeBuiltKeepsTheOldOne() {
    const auto data = moons(400);
    dlui::TrainingController c;
    QSignalSpy ended(&c, &dlui::TrainingController::runEnded);
    QVERIFY(c.start(data, smallSchedule(), tinySettings(80)));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 30000);
    const Eigen::VectorXf trained = c.snapshot()->parameters;
    // Data of the same dimension with a NaN: accepted at once, refused by the trainer on the run's thread.
    dl::DataSet broken = *data;
    broken.points(3, 0) = std::numeric_limits<float>::quiet_NaN();
    QVERIFY(c.continueTraining(std::make_shared<const dl::DataSet>(broken), 40, tinySettings(0)));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 2, 30000);
    QCOMPARE(c.state(), State::Failed);
    QVERIFY(c.hasRun());
    QCOMPARE(c.snapshot()->step, 80);
    QVERIFY(c.snapshot()->parameters == trained);
    QVERIFY(!dl::validateModelFile(c.modelFile()).has_value());
    // And it can still be continued on good data.
    QVERIFY(c.continueTraining(data, 20, tinySettings(0)));
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 3, 30000);
    QCOMPARE(c.state(), State::Finished);
    QCOMPARE(c.snapshot()->step, 100);
}

QTEST_MAIN(TestTrainingController)
#include "tst_trainingcontroller.moc"
