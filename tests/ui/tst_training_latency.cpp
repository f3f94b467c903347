// The window while training runs, with the default preset for a few seconds while "a person" scrubs t
// and the field overlays follow. It asserts properties, not speed: training advances; the GUI thread
// does not train (its CPU time stays under 35 % while the person only looks); the event loop is never
// blocked for long (p99 lateness of a 5 ms timer under 200 ms idle-looking and 400 ms scrubbing: an
// order of magnitude above the 50 ms target, so only work done on the GUI thread trips it); and a
// 10,000-point scatter keeps redrawing during training (≥ 10 frames/s). The measured figures against
// the targets (p99 < 50 ms, ≥ 30 frames/s) are printed for docs/ui-performance.md; frames/s of the
// renderer alone come from bench/bench_render.
#include <sys/resource.h>

#include <QElapsedTimer>
#include <QPushButton>
#include <QtTest>
#include <cstdio>

#include "core/data/pointgenerators.h"
#include "core/math/rng.h"
#include "tests/support/eventlooplatency.h"
#include "tests/support/windowtestoptions.h"
#include "ui/document/labdocument.h"
#include "ui/overlays/fieldoverlaypresenter.h"
#include "ui/sampling/samplingpanel.h"
#include "ui/training/trainingcontroller.h"
#include "ui/training/trainpanel.h"
#include "ui/view/mainview.h"
#include "ui/view/timeline.h"
#include "ui/window/labwindow.h"
#include "ui/window/mainwindow.h"
#include "ui/window/trainingandsampling.h"

using dlui::LabWindow;
using dlui::MainWindow;

namespace {

/// Seconds of each measurement (DL_LATENCY_SECONDS overrides, e.g. for a longer local run).
double measureSeconds() {
    bool ok = false;
    const double s = qEnvironmentVariable("DL_LATENCY_SECONDS").toDouble(&ok);
    return ok && s > 0 ? s : 4.0;
}

/// CPU seconds the calling thread has used (Linux: RUSAGE_THREAD), to tell GUI-thread work from waiting
/// for a busy machine.
double threadCpuSeconds() {
#ifdef RUSAGE_THREAD
    rusage u{};
    getrusage(RUSAGE_THREAD, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
#else
    return 0.0;
#endif
}

/// Frames per second of full rebuild + synchronous repaint of the main view while t moves.
double redrawRate(MainWindow& window, double seconds) {
    dlui::Timeline* timeline = window.timeline();
    dlui::MainView* view = window.mainView();
    QElapsedTimer clock;
    clock.start();
    int frames = 0;
    while (clock.elapsed() < seconds * 1000) {
        timeline->setT((timeline->t() + 1) % (timeline->maximum() + 1));
        view->rebuildNow();
        view->repaint();
        QCoreApplication::processEvents();
        ++frames;
    }
    return frames / (double(clock.nsecsElapsed()) / 1e9);
}

}  // namespace

class TestTrainingLatency : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void windowAnswersWhileTraining();
    void scatterRedrawRate();
};

void TestTrainingLatency::windowAnswersWhileTraining() {
    dlui::LabWindow window(dltest::windowTestOptions());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* live = dlui::TrainingAndSampling::of(&window);
    QVERIFY(live);
    live->trainPanel()->setAskBeforeDiscard(false);
    // The default preset, as a person gets it with one click on Train (threads chosen for this machine).
    dlui::TrainingSettings settings = dlui::TrainingSettings::defaults();
    settings.trainer.steps = 100000000;
    live->trainPanel()->setSettings(settings);
    dlui::FieldOverlaySettings overlays;
    overlays.exactArrows = true;
    overlays.learnedArrows = true;
    live->samplingPanel()->setOverlaySettings(overlays);

    // Idle first, for comparison.
    dltest::EventLoopLatencyProbe probe(5);
    probe.start();
    QTest::qWait(500);
    const double idleP99 = probe.percentileMs(99);

    QTest::mouseClick(live->trainPanel()->trainButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        live->trainingController()->snapshot() && live->trainingController()->snapshot()->step > 10, 10000);
    dlui::Timeline* timeline = window.timeline();

    // Phase 1: training runs, the loss curve and status update at 30 Hz, the person only looks.
    // Phase 2: the person scrubs t about 25 times a second: the view rebuilds each time and the overlay
    // worker recomputes the exact and learned fields.
    struct Phase {
        const char* name;
        bool scrub;
        double p50 = 0, p99 = 0, max = 0, guiCpu = 0, stepsPerSecond = 0;
        int samples = 0;
    };
    Phase phases[] = {{"training", false}, {"training_scrubbing", true}};
    for (Phase& phase : phases) {
        probe.reset();
        QElapsedTimer clock;
        clock.start();
        const double cpuBefore = threadCpuSeconds();
        const int stepsBefore = live->trainingController()->snapshot()->step;
        while (clock.elapsed() < measureSeconds() * 1000) {
            if (phase.scrub) timeline->setT((timeline->t() + 3) % (timeline->maximum() + 1));
            QTest::qWait(40);
        }
        const double seconds = double(clock.nsecsElapsed()) / 1e9;
        phase.guiCpu = (threadCpuSeconds() - cpuBefore) / seconds;
        phase.stepsPerSecond = (live->trainingController()->snapshot()->step - stepsBefore) / seconds;
        phase.p50 = probe.percentileMs(50);
        phase.p99 = probe.percentileMs(99);
        phase.max = probe.maxMs();
        phase.samples = probe.sampleCount();
    }
    probe.stop();
    live->trainingController()->stopAndWait();

    std::printf("event_loop_latency_ms idle_p99=%.2f\n", idleP99);
    for (const Phase& phase : phases)
        std::printf(
            "event_loop_latency_ms %s: p50=%.2f p99=%.2f max=%.2f samples=%d gui_thread_cpu=%.0f%% "
            "training_steps_per_s=%.0f threads=%d\n",
            phase.name, phase.p50, phase.p99, phase.max, phase.samples, phase.guiCpu * 100.0,
            phase.stepsPerSecond, settings.trainer.threads);
    std::fflush(stdout);
    QVERIFY(phases[0].stepsPerSecond > 0);
    // The GUI thread never trains: while the person only looks, it is idle most of the time whatever the
    // machine's load (CPU time, not wall time). Under AddressSanitizer (CI's second run of the widget
    // tests, there for memory errors) its own drawing costs 2–3× as much: 33–45 % on a 2-core EPYC Zen 5,
    // against 16–18 % in the release build, so the sanitizer run allows more. A training step on the GUI
    // thread would keep it busy all the time in either build.
#ifdef DL_SANITIZED
    constexpr double kMaxGuiCpu = 0.75;
#else
    constexpr double kMaxGuiCpu = 0.35;
#endif
    QVERIFY2(phases[0].guiCpu < kMaxGuiCpu, qPrintable(QString::number(phases[0].guiCpu)));
    // The bar is 50 ms; 200 ms (400 ms while scrubbing, which adds the GUI's own drawing) leaves room for a
    // loaded CI machine while still catching work done on the GUI thread.
    QVERIFY2(phases[0].p99 < 200.0, qPrintable(QString::number(phases[0].p99)));
    QVERIFY2(phases[1].p99 < 400.0, qPrintable(QString::number(phases[1].p99)));
}

void TestTrainingLatency::scatterRedrawRate() {
    dlui::LabWindow window(dltest::windowTestOptions());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* live = dlui::TrainingAndSampling::of(&window);
    live->trainPanel()->setAskBeforeDiscard(false);
    dl::Rng rng(4);
    dlui::DataSource source;
    source.count = 10000;
    window.document()->setDataSet(dl::makePointDataSet("moons", dl::generatePoints("moons", 10000, rng)),
                                  source);
    QCOMPARE(window.document()->dataSet()->size(), 10000);
    const double seconds = std::min(2.0, measureSeconds() / 2);

    const double idle = redrawRate(window, seconds);
    dlui::TrainingSettings settings = dlui::TrainingSettings::defaults();
    settings.trainer.steps = 100000000;
    live->trainPanel()->setSettings(settings);
    QTest::mouseClick(live->trainPanel()->trainButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        live->trainingController()->snapshot() && live->trainingController()->snapshot()->step > 10, 10000);
    const double training = redrawRate(window, seconds);
    live->trainingController()->stopAndWait();

    std::printf("scatter_10000_fps idle=%.1f training=%.1f (view %dx%d)\n", idle, training,
                window.mainView()->width(), window.mainView()->height());
    std::fflush(stdout);
    // The bar is 30 frames/s; assert a third of it so a loaded CI machine does not fail for the wrong reason.
    QVERIFY2(training >= 10.0, qPrintable(QString::number(training)));
}

QTEST_MAIN(TestTrainingLatency)
#include "tst_training_latency.moc"
