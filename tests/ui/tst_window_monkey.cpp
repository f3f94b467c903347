// A monkey test on the real window: random but valid actions (sliders, spin boxes, combo boxes, check
// boxes, train / pause / stop, sample, play, step) with no crash, no hang, and the event loop
// answering throughout: never blocked by work that belongs in a worker (250 ms of GUI-thread work after
// an action fails; the 100 ms goal is reported with the slowest actions; see the end of the test for why
// wall time is only bounded by the hang check). Modal dialogs that an action opens (file choosers,
// confirmations) are closed by a timer, as a person would cancel them. DL_MONKEY_ACTIONS sets the number of
// actions (default 3000, "a few thousand": 14–18 s on an idle 2-core machine; more for a longer run, see
// docs/ui-performance.md), DL_MONKEY_SEED the seed (default 1); both are printed.
#include <sys/resource.h>

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QSpinBox>
#include <QTimer>
#include <QtTest>
#include <algorithm>
#include <random>
#include <vector>

#include "tests/support/windowtestoptions.h"
#include "ui/training/trainingcontroller.h"
#include "ui/training/trainpanel.h"
#include "ui/window/labwindow.h"
#include "ui/window/mainwindow.h"
#include "ui/window/trainingandsampling.h"

using dlui::LabWindow;
using dlui::MainWindow;

namespace {

/// A small network so that training steps are quick whatever the monkey asks for.
dlui::TrainingSettings smallSettings() {
    dlui::TrainingSettings s = dlui::TrainingSettings::defaults();
    s.model.inputFeatures = 16;
    s.model.timeEmbedding = 16;
    s.model.hidden = 32;
    s.model.layers = 1;
    s.trainer.steps = 2000;
    s.trainer.batchSize = 64;
    s.trainer.threads = 1;
    s.qualityIntervalSeconds = 0.5;
    s.qualitySamples = 200;
    return s;
}

/// Gaps longer than this are listed with the action before them.
constexpr qint64 kReportMs = 50;
/// The goal: the event loop answers within this much GUI-thread work after any action. The slowest
/// actions (Presenter mode's relayout of every widget in larger fonts, starting a training run) take
/// 70–105 ms on a 2-core AMD EPYC, depending on the host's phase, so the goal is reported, not asserted:
/// a timed assertion at the goal failed CI runs for the speed of the host, not for a defect.
constexpr double kGoalMs = 100.0;
/// What fails the test: work that belongs in a worker (a training step, a sampling run, a file load, which
/// take seconds) ending up on the GUI thread, not a relayout that is slower than the goal. Under
/// AddressSanitizer (CI's second run of the widget tests, there for memory errors) the same code runs
/// 2–3× slower, so the sanitizer run allows three times as much.
#ifdef DL_SANITIZED
constexpr double kBlockedMs = 750.0;
#else
constexpr double kBlockedMs = 250.0;
#endif

/// CPU time the calling thread has used, in ms.
double guiThreadCpuMs() {
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    return (double(usage.ru_utime.tv_sec) + double(usage.ru_stime.tv_sec)) * 1e3 +
           (double(usage.ru_utime.tv_usec) + double(usage.ru_stime.tv_usec)) * 1e-3;
}

template <typename T>
T* pick(const QList<T*>& list, std::mt19937& rng) {
    if (list.isEmpty()) return nullptr;
    return list[std::uniform_int_distribution<qsizetype>(0, list.size() - 1)(rng)];
}

}  // namespace

class TestWindowMonkey : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void randomActions();
};

void TestWindowMonkey::randomActions() {
    const int actions = qEnvironmentVariableIsSet("DL_MONKEY_ACTIONS")
                            ? qEnvironmentVariableIntValue("DL_MONKEY_ACTIONS")
                            : 3000;
    const unsigned seed = qEnvironmentVariableIsSet("DL_MONKEY_SEED")
                              ? static_cast<unsigned>(qEnvironmentVariableIntValue("DL_MONKEY_SEED"))
                              : 1u;
    qInfo("monkey: %d actions, seed %u", actions, seed);
    std::mt19937 rng(seed);

    LabWindow window(dltest::windowTestOptions());
    window.resize(1280, 720);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* live = dlui::TrainingAndSampling::of(&window);
    QVERIFY(live);
    live->trainPanel()->setAskBeforeDiscard(false);
    live->trainPanel()->setSettings(smallSettings());

    // Cancels whatever modal dialog an action opened.
    QTimer closer;
    closer.setInterval(25);
    connect(&closer, &QTimer::timeout, &window, [] {
        if (QWidget* modal = QApplication::activeModalWidget()) modal->close();
    });
    closer.start();
    // The event loop's longest silence: a timer due every 10 ms records the gaps between its calls.
    QElapsedTimer sinceTick;
    qint64 worstGap = 0;
    QTimer probe;
    probe.setInterval(10);
    // The same gaps counted in CPU time of the GUI thread: the work it did between two turns of the loop,
    // which does not depend on how many other processes share the machine.
    double lastCpuMs = guiThreadCpuMs();
    double worstCpuGap = 0.0;
    qint64 actionGap = 0;  // the longest gap since the last action began
    double actionCpuGap = 0.0;
    connect(&probe, &QTimer::timeout, &window, [&] {
        const qint64 gap = sinceTick.restart();
        const double cpu = guiThreadCpuMs();
        const double cpuGap = cpu - lastCpuMs;
        lastCpuMs = cpu;
        worstGap = std::max(worstGap, gap);
        actionGap = std::max(actionGap, gap);
        worstCpuGap = std::max(worstCpuGap, cpuGap);
        actionCpuGap = std::max(actionCpuGap, cpuGap);
    });
    sinceTick.start();
    probe.start();

    // What was done before each long gap, to find the causes (printed at the end).
    struct Pause {
        qint64 ms;
        double cpuMs;
        QString action;
    };
    std::vector<Pause> pauses;

    const MainWindow::Actions& a = window.actions();
    const QList<QAction*> commands{a.train,    a.pauseTraining, a.stopTraining, a.sample,  a.playPause,
                                   a.stepNext, a.stepPrevious,  a.jumpStart,    a.jumpEnd, a.presenter};
    for (int i = 0; i < actions; ++i) {
        const int kind = std::uniform_int_distribution<int>(0, 5)(rng);
        QString what;
        const auto name = [](const QObject* o) {
            // The nearest named ancestor (a panel or dock), skipping Qt's own "qt_…" helpers.
            QString n = o->objectName();
            for (const QObject* p = o->parent(); (n.isEmpty() || n.startsWith(QLatin1String("qt_"))) && p;
                 p = p->parent())
                n = p->objectName();
            const auto* w = qobject_cast<const QWidget*>(o);
            const QString tip = w ? w->toolTip().left(40) : QString();
            return QStringLiteral("%1 in %2 (%3)")
                .arg(QString::fromLatin1(o->metaObject()->className()), n, tip);
        };
        // Collected each time: panels add and remove widgets as the data source changes.
        if (kind == 0) {
            if (auto* s = pick(window.findChildren<QAbstractSlider*>(), rng);
                s && s->isEnabled() && s->isVisible()) {
                s->setValue(std::uniform_int_distribution<int>(s->minimum(), s->maximum())(rng));
                what = name(s) + QStringLiteral(" = %1").arg(s->value());
            }
        } else if (kind == 1) {
            if (auto* box = pick(window.findChildren<QSpinBox*>(), rng);
                box && box->isEnabled() && box->isVisible()) {
                // Mostly small values: the largest (T = 10000, 5M points) are valid but slow to show.
                const int hi = std::min(box->maximum(), box->minimum() + 400);
                box->setValue(std::uniform_int_distribution<int>(box->minimum(), hi)(rng));
                what = name(box) + QStringLiteral(" = %1").arg(box->value());
            }
        } else if (kind == 2) {
            if (auto* c = pick(window.findChildren<QComboBox*>(), rng);
                c && c->isEnabled() && c->isVisible() && c->count() > 0) {
                c->setCurrentIndex(std::uniform_int_distribution<int>(0, c->count() - 1)(rng));
                what = name(c) + QStringLiteral(" = ") + c->currentText();
            }
        } else if (kind == 3) {
            if (auto* c = pick(window.findChildren<QCheckBox*>(), rng);
                c && c->isEnabled() && c->isVisible()) {
                c->click();
                what = name(c) + QStringLiteral(" ") + c->text();
            }
        } else if (kind == 4) {
            if (auto* d = pick(window.findChildren<QDoubleSpinBox*>(), rng);
                d && d->isEnabled() && d->isVisible()) {
                d->setValue(std::uniform_real_distribution<double>(
                    d->minimum(), std::min(d->maximum(), d->minimum() + 1.0))(rng));
                what = name(d) + QStringLiteral(" = %1").arg(d->value());
            }
        } else {
            if (QAction* action = pick(commands, rng); action && action->isEnabled()) {
                action->trigger();
                what = action->text();
            }
        }
        QTest::qWait(i % 20 == 0 ? 20 : 1);
        if (actionGap > kReportMs || actionCpuGap > kReportMs)
            pauses.push_back({actionGap, actionCpuGap, QStringLiteral("#%1 %2").arg(i).arg(what)});
        actionGap = 0;
        actionCpuGap = 0.0;
        QVERIFY2(window.isVisible(), qPrintable(QStringLiteral("the window closed after action %1").arg(i)));
    }
    a.stopTraining->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(live->trainingController()->state() != dlui::TrainingController::State::Running,
                             10000);
    qInfo("monkey: longest event-loop gap %lld ms wall, %.0f ms of GUI-thread CPU",
          static_cast<long long>(worstGap), worstCpuGap);
    std::sort(pauses.begin(), pauses.end(), [](const Pause& x, const Pause& y) { return x.cpuMs > y.cpuMs; });
    for (std::size_t k = 0; k < std::min<std::size_t>(pauses.size(), 12); ++k)
        qInfo("monkey: %.0f ms CPU (%lld ms wall) after %s", pauses[k].cpuMs,
              static_cast<long long>(pauses[k].ms), qPrintable(pauses[k].action));
    // In the GUI thread's own CPU time: no action and nothing it sets off keeps the event loop busy for
    // work that belongs in a worker. Wall-clock gaps also count the time the thread waits for a CPU, which
    // on a shared 2-core CI machine (load averages of 10–20 while other builds run) is several times the
    // work itself, so for wall time only a hang fails (3 s); the wall figure is printed above.
    qInfo("monkey: the goal is %.0f ms of GUI-thread CPU after any action: %s", kGoalMs,
          worstCpuGap < kGoalMs ? "met" : "NOT met (the actions above are the ones to make cheaper)");
    QVERIFY2(worstCpuGap < kBlockedMs,
             qPrintable(QStringLiteral("the GUI thread worked %1 ms without answering").arg(worstCpuGap)));
    QVERIFY2(worstGap < 3000, qPrintable(QStringLiteral("the event loop stalled for %1 ms").arg(worstGap)));
}

QTEST_MAIN(TestWindowMonkey)
#include "tst_window_monkey.moc"
