// Lessons on the real window: every built-in lesson opens from the Lessons menu and every one of its steps
// applies (the data, schedule, t, overlays, Explain dock, model and — for reverse steps — a sampled
// trajectory end up in the window); PageDown/PageUp and the number keys move through a lesson; a bad
// lesson file leaves the window as it was with a message; a lesson file opens like any other file.
#include <qcustomplot.h>

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDeadlineTimer>
#include <QDockWidget>
#include <QFontInfo>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QTimer>
#include <QtTest>
#include <cstdlib>

#include "core/io/lessonfile.h"
#include "tests/support/exactsamples.h"
#include "tests/support/windowtestoptions.h"
#include "ui/document/labdocument.h"
#include "ui/document/lessonstate.h"
#include "ui/document/session.h"
#include "ui/explain/explainpanel.h"
#include "ui/i18n/translations.h"
#include "ui/lessons/lessonnavigator.h"
#include "ui/lessons/lessonplayer.h"
#include "ui/render/scene.h"
#include "ui/sampling/samplingpanel.h"
#include "ui/schedule/schedulediagnosticsview.h"
#include "ui/schedule/schedulepanel.h"
#include "ui/schedule/scheduleplots.h"
#include "ui/training/trainingcontroller.h"
#include "ui/training/trainpanel.h"
#include "ui/view/mainview.h"
#include "ui/view/timeline.h"
#include "ui/widgets/scrollareaaround.h"
#include "ui/window/labwindow.h"
#include "ui/window/lessonmenu.h"
#include "ui/window/trainingandsampling.h"

using dlui::LabWindow;

namespace {

/// `base` with other data than any built-in lesson's first step: 1,234 points on circles, seed 5.
dlui::Session circlesSession(dlui::Session base) {
    base.source.kind = dlui::DataSource::Kind::BuiltIn;
    base.source.shape = QStringLiteral("circles");
    base.source.count = 1234;
    base.source.seed = 5;
    return base;
}

/// The built-in lesson whose file name contains `name` ("04-linear-vs-cosine"), or an empty path.
QString builtInLessonPath(const QString& name) {
    for (const QString& path : dl::builtInLessonPaths())
        if (path.contains(name)) return path;
    return {};
}

}  // namespace

class TestLessonsWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void everyBuiltInLessonStepApplies_data();
    void everyBuiltInLessonStepApplies();
    void clickerKeysAndNumberKeysMoveThroughALesson();
    void badLessonFileLeavesTheWindowAlone();
    void lessonFileOpensLikeAnyFile();
    void closingALessonGivesBackTheSamplingChoices();
    void closingALessonGivesBackTheDataScheduleAndView_data();
    void closingALessonGivesBackTheDataScheduleAndView();
    void closingALessonGivesBackTheSamples();
    void aLessonsSamplesEndWithIt();
    void linearVsCosineShowsTheSchedulePlots_data();
    void linearVsCosineShowsTheSchedulePlots();
    void closingALessonGivesBackTheDocks();
    void stepsGiveTheKeysBackToTheView();
    void narratedDocksAreInSight_data();
    void narratedDocksAreInSight();
    void f11OnAStepKeepsItsDocks_data();
    void f11OnAStepKeepsItsDocks();
    void fieldStepsShowTheFieldGroup_data();
    void fieldStepsShowTheFieldGroup();
    void openingALessonAsksOnlyWhatItWouldLose();
    void lessonDockTakesOnlyTheRoomItsTextNeeds();
    void aLessonInPresenterModeKeepsTheViewsTextLarge();
    void aLessonPresentedWithF11EndsOnTheLayoutFromBefore();
    void closingALessonKeepsTheQualityFigure();
    void aPlayingStepKeepsItsLayout();
    void closingALessonKeepsTheWindowsSavedState();
    void anExplainStepOpensAtItsFirstLine();
    void lessonsHaveTheirNumberAsAccessKey();
    void aLessonTurnsStepModeOff();

private:
    dlui::LessonMenu* lessons() const { return mWindow->lessons(); }
    dlui::LessonPlayer* player() const { return lessons()->player(); }
    /// Waits until the step has its data, model and samples.
    bool waitForStep(int timeoutMs = 60000) {
        QDeadlineTimer deadline(timeoutMs);
        while (player()->isPending() && !deadline.hasExpired()) QTest::qWait(20);
        return !player()->isPending();
    }
    /// The docks in sight and their widths. Not the heights: the window fits the left column's split to
    /// the Data panel's controls again when they change (TrainingAndSampling::fitLeftColumn), which the
    /// data a closed lesson gives back do a moment after its layout.
    QString docksInSight() const {
        QStringList out;
        for (QDockWidget* d : mWindow->findChildren<QDockWidget*>())
            if (!d->visibleRegion().isEmpty())
                out << QStringLiteral("%1 %2").arg(d->objectName()).arg(d->width());
        out.sort();  // restoring a layout can change the docks' order among the window's children
        return out.join(QStringLiteral(", "));
    }

    void pressOnView(int key) {
        mWindow->mainView()->setFocus();
        QTest::keyClick(mWindow->mainView(), Qt::Key(key));
    }

    std::unique_ptr<LabWindow> mWindow;
};

void TestLessonsWindow::init() {
    mWindow = std::make_unique<LabWindow>(dltest::windowTestOptions());
    mWindow->resize(1280, 800);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    mWindow->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(mWindow.get()));
}

void TestLessonsWindow::cleanup() {
    mWindow.reset();
}

void TestLessonsWindow::everyBuiltInLessonStepApplies_data() {
    QTest::addColumn<QString>("path");
    for (const QString& path : dl::builtInLessonPaths()) QTest::newRow(qPrintable(path)) << path;
}

void TestLessonsWindow::everyBuiltInLessonStepApplies() {
    QFETCH(QString, path);
    QString error;
    const auto lesson = dl::loadLesson(path, &error);
    QVERIFY2(lesson, qPrintable(error));
    // Opened the way a person does: the Lessons menu's entry.
    QAction* entry = nullptr;
    for (QAction* a : lessons()->builtInActions())
        if (a->data().toString() == path) entry = a;
    QVERIFY(entry);
    QVERIFY(mWindow->menuBar()->actions().contains(lessons()->menu()->menuAction()));
    entry->trigger();
    QVERIFY(lessons()->dock()->isVisible());
    dlui::LabDocument* doc = mWindow->document();
    dlui::SamplingPanel* sampling = mWindow->live()->samplingPanel();
    for (int k = 0; k < static_cast<int>(lesson->steps.size()); ++k) {
        if (k > 0) lessons()->nextAction()->trigger();
        QCOMPARE(player()->stepIndex(), k);
        QVERIFY2(waitForStep(), qPrintable(QStringLiteral("%1, step %2").arg(path).arg(k + 1)));
        const dl::LessonStep& step = lesson->steps[static_cast<std::size_t>(k)];
        const QString where = QStringLiteral("%1, step %2").arg(path).arg(k + 1);
        QVERIFY2(doc->dataSource() == dlui::lessonDataSource(step.data), qPrintable(where));
        QVERIFY2(doc->schedule().params() == step.schedule, qPrintable(where));
        QCOMPARE(doc->noiseSeed(), step.noiseSeed);
        QCOMPARE(sampling->overlaySettings().density, step.overlays.density);
        QCOMPARE(sampling->overlaySettings().learnedArrows, step.overlays.learnedArrows);
        QCOMPARE(sampling->overlaySettings().exactArrows, step.overlays.exactArrows);
        QCOMPARE(mWindow->findChild<QDockWidget*>(QStringLiteral("explainDock"))->isVisible(), step.explain);
        if (!step.modelPath.isEmpty()) {
            QVERIFY2(doc->hasModel(), qPrintable(where));
            QCOMPARE(doc->modelPath(), step.modelPath);
        }
        if (step.reverse) {
            QCOMPARE(mWindow->timeline()->mode(), dlui::Timeline::Mode::Reverse);
            QVERIFY2(doc->trajectory() && !doc->trajectory()->states.empty(), qPrintable(where));
            QCOMPARE(sampling->samplerParams().kind, step.sampler.kind);
            QCOMPARE(sampling->denoiser(), step.learned ? dlui::SamplingPanel::DenoiserChoice::Learned
                                                        : dlui::SamplingPanel::DenoiserChoice::Exact);
        } else {
            QCOMPARE(mWindow->timeline()->mode(), dlui::Timeline::Mode::Forward);
            if (!step.play) QCOMPARE(mWindow->timeline()->t(), step.t);
        }
        QCOMPARE(lessons()->navigator()->narrationText(), step.narration.text(QLocale()));
        // A step that says x_T is close to N(0, I) must not sit under the Schedule dock's warning that it
        // is not (the short-schedule lesson's fix once left 6.8 % of the data in x_T).
        if (step.narration.text(QLocale()).contains(QStringLiteral("close to N(0, I)")))
            QVERIFY2(mWindow->schedulePanel()->diagnostics()->count() == 0, qPrintable(where));
        // A step that points at the Sampling dock shows it: "What the network learns" named its relative
        // error while the dock was a tab behind Explain.
        if (step.narration.text(QLocale()).contains(QStringLiteral("Sampling dock"))) {
            auto* samplingDock = mWindow->findChild<QDockWidget*>(QStringLiteral("samplingDock"));
            QTRY_VERIFY2(!samplingDock->visibleRegion().isEmpty(), qPrintable(where));
        }
        mWindow->timeline()->pause();
    }
    QVERIFY(!lessons()->nextAction()->isEnabled());  // the last step
}

void TestLessonsWindow::clickerKeysAndNumberKeysMoveThroughALesson() {
    const QString path = dl::builtInLessonPaths().front();
    QVERIFY(lessons()->openLesson(path));
    QVERIFY(waitForStep());
    QCOMPARE(player()->stepIndex(), 0);
    QCOMPARE(lessons()->navigator()->positionText(),
             QStringLiteral("Step 1 of %1").arg(player()->stepCount()));
    pressOnView(Qt::Key_PageDown);
    QCOMPARE(player()->stepIndex(), 1);
    QVERIFY(waitForStep());
    // The narration in the window's language (View ▸ Language), not the system's: the test runs on an
    // English system, where the lesson stayed English around a Chinese window.
    {
        const auto backToEnglish = qScopeGuard([] { dlui::switchLanguage(dlui::Language::English); });
        QVERIFY(dlui::switchLanguage(dlui::Language::SimplifiedChinese));
        // The widgets hear of the switch through posted events.
        QTRY_COMPARE(lessons()->navigator()->narrationText(), player()->lesson()->steps[1].narration.zhCN);
        QCOMPARE(lessons()->navigator()->titleText(), player()->lesson()->title.zhCN);
    }
    QTRY_COMPARE(lessons()->navigator()->narrationText(), player()->lesson()->steps[1].narration.en);
    QCOMPARE(mWindow->timeline()->t(), player()->lesson()->steps[1].t);
    pressOnView(Qt::Key_PageDown);
    QCOMPARE(player()->stepIndex(), 2);
    pressOnView(Qt::Key_PageUp);
    QCOMPARE(player()->stepIndex(), 1);
    pressOnView(Qt::Key_4);
    QCOMPARE(player()->stepIndex(), 3);
    QVERIFY(waitForStep());
    QCOMPARE(mWindow->timeline()->t(), player()->lesson()->steps[3].t);
    pressOnView(Qt::Key_1);
    QCOMPARE(player()->stepIndex(), 0);
    // A number past the last step does nothing; the window's own keys still work.
    pressOnView(Qt::Key_9);
    QCOMPARE(player()->stepIndex(), 0);
    QVERIFY(waitForStep());
    mWindow->timeline()->setT(5);
    pressOnView(Qt::Key_Right);
    QCOMPARE(mWindow->timeline()->t(), 6);
    // The bar's buttons do the same.
    QTest::mouseClick(lessons()->navigator()->nextButton(), Qt::LeftButton);
    QCOMPARE(player()->stepIndex(), 1);
    // Ctrl+W closes the lesson; PageDown and the digits are then no longer taken.
    mWindow->mainView()->setFocus();
    QTest::keyClick(mWindow->mainView(), Qt::Key_W, Qt::ControlModifier);
    QVERIFY(!player()->hasLesson());
    QVERIFY(!lessons()->dock()->isVisible());
    QVERIFY(!lessons()->nextAction()->isEnabled());
    pressOnView(Qt::Key_PageDown);
    QCOMPARE(player()->stepIndex(), -1);
}

void TestLessonsWindow::badLessonFileLeavesTheWindowAlone() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "diffusion-lab-lesson", "title": {"en": "x", "zh_CN": "x"},
                "summary": {"en": "x", "zh_CN": "x"}, "steps": [{"view": {"t": 9999},
                "narration": {"en": "x", "zh_CN": "x"}}]})");
    f.close();
    const auto scheduleBefore = mWindow->document()->schedule().params();
    QString error;
    QVERIFY(!lessons()->openLesson(path, &error));
    QVERIFY2(error.contains(QStringLiteral("step 1")) && error.contains(QStringLiteral("\"t\"")),
             qPrintable(error));
    QVERIFY(mWindow->statusBar()->currentMessage().contains(error));
    QVERIFY(!player()->hasLesson());
    QVERIFY(mWindow->document()->schedule().params() == scheduleBefore);
    // Through the window's file opening too (command line, drop): taken as a lesson, not a session.
    QVERIFY(mWindow->openFile(path));
    QVERIFY(!player()->hasLesson());
    QVERIFY(mWindow->statusBar()->currentMessage().contains(QStringLiteral("Could not open the lesson")));
}

void TestLessonsWindow::lessonFileOpensLikeAnyFile() {
    // A copy outside the resources, as `diffusion-lab LESSON.json` gets it.
    QTemporaryDir dir;
    const QString source = dl::builtInLessonPaths().at(3);
    const QString path = dir.filePath(QStringLiteral("lesson.json"));
    QVERIFY(QFile::copy(source, path));
    QVERIFY(mWindow->openFiles({path}));
    QVERIFY(player()->hasLesson());
    QCOMPARE(player()->lessonPath(), path);
    QVERIFY(waitForStep());
    QVERIFY(mWindow->document()->schedule().params() == player()->lesson()->steps[0].schedule);
}

// A lesson sets the Sampling dock's denoiser, sampler, point count and overlays for its steps; closing it
// gives back what the person had chosen, so the next model they train is not sampled with the lesson's
// exact denoiser.
void TestLessonsWindow::closingALessonGivesBackTheSamplingChoices() {
    dlui::SamplingPanel* sampling = dlui::TrainingAndSampling::of(mWindow.get())->samplingPanel();
    sampling->setDenoiser(dlui::SamplingPanel::DenoiserChoice::Learned);
    sampling->setPointCount(777);
    const dl::SamplerParams before = sampling->samplerParams();
    // The first built-in lesson with a step that samples with the exact denoiser, at that step.
    auto openAtAnExactStep = [this] {
        for (const QString& path : dl::builtInLessonPaths()) {
            QString error;
            const auto lesson = dl::loadLesson(path, &error);
            QVERIFY2(lesson, qPrintable(error));
            for (std::size_t k = 0; k < lesson->steps.size(); ++k)
                if (lesson->steps[k].reverse && !lesson->steps[k].learned) {
                    QVERIFY(lessons()->openLesson(path));
                    player()->goTo(static_cast<int>(k));
                    QVERIFY(waitForStep());
                    return;
                }
        }
        QFAIL("no built-in lesson samples with the exact denoiser");
    };
    openAtAnExactStep();
    if (QTest::currentTestFailed()) return;
    QCOMPARE(sampling->denoiser(), dlui::SamplingPanel::DenoiserChoice::Exact);
    QVERIFY(sampling->pointCount() != 777);
    // A second lesson opened over the first keeps the choices from before the first.
    openAtAnExactStep();
    if (QTest::currentTestFailed()) return;
    lessons()->closeAction()->trigger();
    QCOMPARE(sampling->denoiser(), dlui::SamplingPanel::DenoiserChoice::Learned);
    QCOMPARE(sampling->pointCount(), 777);
    QVERIFY(sampling->samplerParams().kind == before.kind);
    QCOMPARE(sampling->samplerParams().steps, before.steps);
}

// A lesson puts its data and schedule in the window; closing it brings back the person's own (the lesson's
// T = 50 and 4,000 points stayed in the editor, under a warning about them), and the view's t.
// Every way of closing the lesson's bar ends the lesson: the bar's × and View ▸ Lesson once only hid it,
// leaving the lesson's data and schedule in the window and PgUp/PgDown stepping a lesson no one saw.
void TestLessonsWindow::closingALessonGivesBackTheDataScheduleAndView_data() {
    QTest::addColumn<QString>("how");
    QTest::newRow("Lessons ▸ Close lesson") << QStringLiteral("menu");
    QTest::newRow("the bar's ×") << QStringLiteral("x");
    QTest::newRow("View ▸ Lesson") << QStringLiteral("view");
}

void TestLessonsWindow::closingALessonGivesBackTheDataScheduleAndView() {
    QFETCH(QString, how);
    dlui::Session mine = circlesSession(mWindow->currentSession());
    mine.schedule = dl::ScheduleParams{};
    mine.schedule.kind = dl::ScheduleKind::Cosine;
    mine.schedule.T = 77;
    mine.view.t = 33;
    QVERIFY(mWindow->applySession(mine));
    QTRY_VERIFY(mWindow->document()->dataSource() == mine.source);
    QTRY_COMPARE(mWindow->timeline()->t(), 33);

    QVERIFY(lessons()->openLesson(dl::builtInLessonPaths().front()));
    QVERIFY(waitForStep());
    QVERIFY(!(mWindow->document()->dataSource() == mine.source));
    QVERIFY(!(mWindow->document()->schedule().params() == mine.schedule));
    auto* dock = mWindow->findChild<QDockWidget*>(QStringLiteral("lessonDock"));
    QVERIFY(dock && dock->isVisible());
    if (how == QLatin1String("menu")) {
        lessons()->closeAction()->trigger();
    } else if (how == QLatin1String("x")) {
        auto* closeButton = dock->findChild<QAbstractButton*>(QStringLiteral("qt_dockwidget_closebutton"));
        QVERIFY(closeButton && closeButton->isVisible());
        QTest::mouseClick(closeButton, Qt::LeftButton);
    } else {
        QVERIFY(dock->toggleViewAction()->isChecked());
        dock->toggleViewAction()->trigger();
    }
    QVERIFY(!dock->isVisible());
    QVERIFY(!player()->hasLesson());
    QVERIFY(!lessons()->closeAction()->isEnabled());
    QTRY_VERIFY(mWindow->document()->dataSource() == mine.source);
    QVERIFY(mWindow->document()->schedule().params() == mine.schedule);
    QTRY_COMPARE(mWindow->timeline()->t(), 33);
}

// A lesson shows its Explain steps in front and widens the dock columns for their equations; after it the
// Sampling tab stayed behind Explain and the columns stayed wider, more at every lesson. Closing it gives the
// docks back as they were: the same shown, the same in front, the same widths.
void TestLessonsWindow::closingALessonGivesBackTheDocks() {
    mWindow->resize(1280, 720);
    QTRY_COMPARE(mWindow->height(), 720);
    QString withExplain;
    int explainStep = -1;
    for (const QString& path : dl::builtInLessonPaths()) {
        QString error;
        const auto lesson = dl::loadLesson(path, &error);
        QVERIFY2(lesson, qPrintable(error));
        for (std::size_t k = 0; k < lesson->steps.size() && withExplain.isEmpty(); ++k)
            if (lesson->steps[k].explain) {
                withExplain = path;
                explainStep = static_cast<int>(k);
            }
    }
    QVERIFY(!withExplain.isEmpty());
    auto* explain = mWindow->findChild<QDockWidget*>(QStringLiteral("explainDock"));
    QVERIFY(explain);
    QTRY_VERIFY(explain->visibleRegion().isEmpty());  // behind the Sampling tab
    const QString before = docksInSight();
    const auto openAtExplainStep = [&] {
        if (!lessons()->openLesson(withExplain)) return false;
        player()->goTo(explainStep);
        return waitForStep();
    };

    QVERIFY(openAtExplainStep());
    QTRY_VERIFY(!explain->visibleRegion().isEmpty());
    lessons()->closeAction()->trigger();
    QTRY_COMPARE(docksInSight(), before);

    // A lesson opened right after another closed (before its layout came back) still ends on the layout
    // from before the first.
    QVERIFY(openAtExplainStep());
    lessons()->closeAction()->trigger();
    QVERIFY(openAtExplainStep());
    QTRY_VERIFY(!explain->visibleRegion().isEmpty());
    lessons()->closeAction()->trigger();
    QTRY_COMPARE(docksInSight(), before);
}

// Closing a lesson gave back the data and the view but not the samples: the reverse view then said "train a
// model, then Sample" beside a finished model. They come back with their data, in the reverse view at the
// same t.
void TestLessonsWindow::closingALessonGivesBackTheSamples() {
    const dlui::Session mine = circlesSession(mWindow->currentSession());
    QVERIFY(mWindow->applySession(mine));
    QTRY_VERIFY(mWindow->document()->dataSource() == mine.source);
    QVERIFY(dltest::sampleExactly(*mWindow, 200));
    mWindow->timeline()->pause();
    mWindow->timeline()->setT(40);
    const auto samples = mWindow->document()->trajectory();
    QVERIFY(samples);

    // A lesson that ends in the reverse view: closing it reloads the data from before, which clears its
    // samples while the view still shows the reverse process.
    const QString endsInReverse = builtInLessonPath(QStringLiteral("03-short-schedule"));
    QVERIFY(!endsInReverse.isEmpty());
    QVERIFY(lessons()->openLesson(endsInReverse));
    QVERIFY(waitForStep());
    player()->goTo(2);
    QVERIFY(waitForStep());
    QTRY_COMPARE(mWindow->timeline()->mode(), dlui::Timeline::Mode::Reverse);
    QVERIFY(mWindow->document()->trajectory() != samples);
    lessons()->closeAction()->trigger();
    QTRY_VERIFY(mWindow->document()->dataSource() == mine.source);
    QTRY_COMPARE(mWindow->document()->trajectory(), samples);
    QCOMPARE(mWindow->timeline()->mode(), dlui::Timeline::Mode::Reverse);
    // The status bar said "No samples yet, so the view shows the forward process" under them.
    QVERIFY2(!mWindow->statusBar()->currentMessage().contains(QStringLiteral("No samples")),
             qPrintable(mWindow->statusBar()->currentMessage()));
    QCOMPARE(mWindow->timeline()->t(), 40);
    mWindow->mainView()->rebuildNow();
    QVERIFY2(!mWindow->mainView()->scene().caption.contains(QStringLiteral("no samples")),
             qPrintable(mWindow->mainView()->scene().caption));
}

// "Linear vs cosine" at 1280×720 compares ᾱ_t of two schedules, but the Schedule dock shared its column
// with Explain and Sampling: under the fields and the cosine warning, 50 px of the β plot showed and
// nothing of ᾱ. Its steps now give the Schedule dock the column ("schedule_plots"). The offscreen platform's
// type is smaller than a desktop's, so a lower window stands in for the room the warning leaves there.
void TestLessonsWindow::linearVsCosineShowsTheSchedulePlots_data() {
    QTest::addColumn<QSize>("size");
    QTest::newRow("1280x720") << QSize(1280, 720);
    QTest::newRow("1280x600") << QSize(1280, 600);
}

void TestLessonsWindow::linearVsCosineShowsTheSchedulePlots() {
    QFETCH(QSize, size);
    mWindow->resize(size);
    QTRY_COMPARE(mWindow->size(), size);
    const QString path = builtInLessonPath(QStringLiteral("04-linear-vs-cosine"));
    QScrollArea* area = dlui::scrollAreaAround(mWindow->schedulePanel());
    QVERIFY(area);
    const int scrolledBefore = area->verticalScrollBar()->value();
    QVERIFY(lessons()->openLesson(path));
    QCustomPlot* alpha = mWindow->schedulePanel()->plots()->plots().at(1);
    dlui::ScheduleDiagnosticsView* checks = mWindow->schedulePanel()->diagnostics();
    for (int k = 0; k < player()->stepCount(); ++k) {
        if (k > 0) lessons()->nextAction()->trigger();
        QVERIFY(waitForStep());
        mWindow->timeline()->pause();
        if (mWindow->document()->schedule().params().kind == dl::ScheduleKind::Cosine)
            QTRY_VERIFY(checks->count() > 0);  // the warning about cosine's last steps
        // A step about the editor's warning shows the checks instead (narratedDocksAreInSight).
        if (player()->lesson()->steps[static_cast<std::size_t>(k)].scheduleChecks) continue;
        QTRY_VERIFY2(alpha->visibleRegion().boundingRect().height() >= alpha->height() * 9 / 10,
                     qPrintable(QStringLiteral("step %1: %2 px of the %3 px ᾱ plot in sight")
                                    .arg(k + 1)
                                    .arg(alpha->visibleRegion().boundingRect().height())
                                    .arg(alpha->height())));
        // Scrolled there from a row's top: the cosine warning's first line was cut in half.
        const QRect seen = checks->visibleRegion().boundingRect();
        QVERIFY2(
            seen.isEmpty() || seen.top() == 0,
            qPrintable(
                QStringLiteral("step %1: the checks cut %2 px from the top").arg(k + 1).arg(seen.top())));
    }
    // Closed, the dock's contents are where they were: the lesson left the fields scrolled out of sight.
    lessons()->closeAction()->trigger();
    QTRY_COMPARE(area->verticalScrollBar()->value(), scrolledBefore);
}

// A step's narration names a dock's contents, which must then be in sight, in the window and in presenter
// mode at 1280×720: "the schedule editor already warns…" while the Schedule dock showed its plots and the
// last line of the warning; "the Sampling dock shows their relative error" while presenter mode had hidden
// the Sampling dock.
void TestLessonsWindow::narratedDocksAreInSight_data() {
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<bool>("presenter");
    for (const char* name : {"03-short-schedule-never-noise", "04-linear-vs-cosine",
                             "05-what-the-network-learns", "08-zero-terminal-snr"})
        for (const bool presenter : {false, true})
            QTest::addRow("%s%s", name, presenter ? " presenter" : "")
                << QString::fromLatin1(name) << presenter;
}

void TestLessonsWindow::narratedDocksAreInSight() {
    QFETCH(QString, lesson);
    QFETCH(bool, presenter);
    mWindow->resize(1280, 720);
    QTRY_COMPARE(mWindow->size(), QSize(1280, 720));
    if (presenter) mWindow->setPresenterMode(true);
    QVERIFY(lessons()->openLesson(builtInLessonPath(lesson)));
    dlui::ScheduleDiagnosticsView* checks = mWindow->schedulePanel()->diagnostics();
    auto* samplingDock = mWindow->findChild<QDockWidget*>(QStringLiteral("samplingDock"));
    int named = 0;
    for (int k = 0; k < player()->stepCount(); ++k) {
        if (k > 0) lessons()->nextAction()->trigger();
        QVERIFY(waitForStep());
        mWindow->timeline()->pause();
        const QString narration = lessons()->navigator()->narrationText();
        const QString where = QStringLiteral("step %1").arg(k + 1);
        const bool aboutChecks = player()->lesson()->steps[static_cast<std::size_t>(k)].scheduleChecks;
        // A narration about the warning asks for the checks; a later step of the same lesson keeps them in
        // sight (the fourth step of "Zero terminal SNR" widened the column and showed the end of a line).
        if (narration.contains(QStringLiteral("warn"))) QVERIFY2(aboutChecks, qPrintable(where));
        if (aboutChecks) {
            // A warning, or after the fix "No problems found" on its own line.
            if (narration.contains(QStringLiteral("warn")))
                QTRY_VERIFY2(checks->count() > 0, qPrintable(where));
            // The warning from its first line, and at least two lines of it.
            QTRY_VERIFY2(!checks->visibleRegion().isEmpty() &&
                             checks->visibleRegion().boundingRect().top() == 0 &&
                             checks->visibleRegion().boundingRect().height() >=
                                 std::min(checks->height(), 2 * checks->fontMetrics().height()),
                         qPrintable(QStringLiteral("%1: the checks' %2 in sight of %3 px")
                                        .arg(where)
                                        .arg(QDebug::toString(checks->visibleRegion().boundingRect()))
                                        .arg(checks->height())));
            ++named;
        }
        if (narration.contains(QStringLiteral("Sampling dock"))) {
            QTRY_VERIFY2(!samplingDock->visibleRegion().isEmpty(), qPrintable(where));
            ++named;
        }
    }
    QVERIFY(named > 0);
    lessons()->closeAction()->trigger();
    mWindow->setPresenterMode(false);
}

// Presenter mode keeps only the lesson bar and the timeline: F11 pressed on a step about the Sampling dock's
// field or the schedule's warning hid the dock it names until the lecturer went to another step and back.
void TestLessonsWindow::f11OnAStepKeepsItsDocks_data() {
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<int>("step");
    QTest::addColumn<QString>("dock");
    QTest::newRow("field") << QStringLiteral("05-what-the-network-learns") << 3
                           << QStringLiteral("samplingDock");
    QTest::newRow("warning") << QStringLiteral("03-short-schedule-never-noise") << 1
                             << QStringLiteral("scheduleDock");
}

void TestLessonsWindow::f11OnAStepKeepsItsDocks() {
    QFETCH(QString, lesson);
    QFETCH(int, step);
    QFETCH(QString, dock);
    mWindow->resize(1280, 720);
    QVERIFY(lessons()->openLesson(builtInLessonPath(lesson)));
    for (int k = 1; k < step; ++k) lessons()->nextAction()->trigger();
    QVERIFY(waitForStep());
    mWindow->timeline()->pause();
    auto* named = mWindow->findChild<QDockWidget*>(dock);
    QTRY_VERIFY(!named->visibleRegion().isEmpty());
    pressOnView(Qt::Key_F11);
    QTRY_VERIFY(mWindow->isPresenterMode());
    QTRY_VERIFY2(!named->visibleRegion().isEmpty(),
                 qPrintable(dock + QStringLiteral(" hidden in presenter mode")));
    if (dock == QLatin1String("scheduleDock")) {
        QWidget* checks = mWindow->schedulePanel()->diagnostics();
        QTRY_VERIFY(!checks->visibleRegion().isEmpty() && checks->visibleRegion().boundingRect().top() == 0);
    } else {
        QLabel* note = mWindow->live()->samplingPanel()->fieldNote();
        QTRY_VERIFY(!note->text().isEmpty() &&
                    note->visibleRegion().boundingRect().height() >= note->height());
    }
    pressOnView(Qt::Key_F11);
    QTRY_VERIFY(!mWindow->isPresenterMode());
    QTRY_VERIFY2(!named->visibleRegion().isEmpty(),
                 qPrintable(dock + QStringLiteral(" hidden after presenter mode")));
}

// A lecturer who typed a t and then moved on with Page Down, a clicker, kept the keys in the t field, with
// its text selected: → and Space did nothing and a number key typed into it instead of going to a step.
// A step shown gives the keys back to the view, as Escape does.
void TestLessonsWindow::stepsGiveTheKeysBackToTheView() {
    mWindow->resize(1280, 720);
    QVERIFY(lessons()->openLesson(builtInLessonPath(QStringLiteral("05-what-the-network-learns"))));
    QVERIFY(waitForStep());
    auto* tBox = mWindow->findChild<QSpinBox*>(QStringLiteral("timelineTBox"));
    QVERIFY(tBox);
    tBox->setFocus(Qt::MouseFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(tBox));
    QTest::keyClick(tBox, Qt::Key_PageDown);
    QCOMPARE(player()->stepIndex(), 1);
    QVERIFY(waitForStep());
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(mWindow->mainView()));
    const int t = mWindow->timeline()->t();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right);
    QCOMPARE(mWindow->timeline()->t(), t + 1);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_3);
    QCOMPARE(player()->stepIndex(), 2);
}

// "What the network learns" draws the fields and, at its third step, says the Sampling dock shows their
// relative error; at 1280×720 the dock showed the sampler's settings and the "Field at t" group with the
// error was below the fold. Every step that draws a field, with the Sampling dock in front, has the group's
// check boxes in sight, and the error once it is there. Closed, the dock's contents scroll back.
void TestLessonsWindow::fieldStepsShowTheFieldGroup_data() {
    QTest::addColumn<QSize>("size");
    QTest::newRow("1280x720") << QSize(1280, 720);
    QTest::newRow("1280x600") << QSize(1280, 600);
}

void TestLessonsWindow::fieldStepsShowTheFieldGroup() {
    QFETCH(QSize, size);
    mWindow->resize(size);
    QTRY_COMPARE(mWindow->size(), size);
    dlui::SamplingPanel* sampling = mWindow->live()->samplingPanel();
    QScrollArea* area = dlui::scrollAreaAround(sampling);
    QVERIFY(area);
    const int scrolledBefore = area->verticalScrollBar()->value();
    auto* samplingDock = mWindow->findChild<QDockWidget*>(QStringLiteral("samplingDock"));
    auto* learned = sampling->findChild<QCheckBox*>(QStringLiteral("overlayLearnedArrows"));
    QVERIFY(learned);
    auto wholeInSight = [](const QWidget* w) {
        return w->visibleRegion().boundingRect().height() >= w->height();
    };
    QVERIFY(lessons()->openLesson(builtInLessonPath(QStringLiteral("05-what-the-network-learns"))));
    int checked = 0;
    for (int k = 0; k < player()->stepCount(); ++k) {
        if (k > 0) lessons()->nextAction()->trigger();
        QVERIFY(waitForStep());
        mWindow->timeline()->pause();
        const dlui::FieldOverlaySettings overlays = sampling->overlaySettings();
        if (!(overlays.learnedArrows || overlays.exactArrows) || player()->lesson()->steps[k].explain)
            continue;
        const QString where = QStringLiteral("step %1").arg(k + 1);
        QTRY_VERIFY2(!samplingDock->visibleRegion().isEmpty(), qPrintable(where));
        QTRY_VERIFY2(wholeInSight(learned), qPrintable(where));
        if (overlays.learnedArrows && overlays.exactArrows) {
            QLabel* note = sampling->fieldNote();
            QTRY_VERIFY2(note->text().contains(QLatin1Char('%')), qPrintable(where));
            QTRY_VERIFY2(wholeInSight(note),
                         qPrintable(QStringLiteral("%1: %2 px of the %3 px note in sight")
                                        .arg(where)
                                        .arg(note->visibleRegion().boundingRect().height())
                                        .arg(note->height())));
        }
        ++checked;
    }
    QVERIFY(checked >= 2);
    lessons()->closeAction()->trigger();
    QTRY_COMPARE(area->verticalScrollBar()->value(), scrolledBefore);
}

// Before the lessons, no samples, on the lessons' own data (so closing one reloads nothing). "DDPM vs DDIM"
// closed at its DDIM step left its samples in the window behind the forward view; "Langevin dynamics",
// opened next, took them for the work from before it and, closed, showed them in the reverse view with
// the DDIM caption beside a Sampling panel set to DDPM.
void TestLessonsWindow::aLessonsSamplesEndWithIt() {
    dlui::Session lessonData = mWindow->currentSession();
    lessonData.source.kind = dlui::DataSource::Kind::BuiltIn;
    lessonData.source.shape = QStringLiteral("moons");
    lessonData.source.count = 8000;
    lessonData.source.seed = 1;
    QVERIFY(mWindow->applySession(lessonData));
    QTRY_VERIFY(mWindow->document()->dataSource() == lessonData.source);
    QVERIFY(!mWindow->document()->trajectory());
    for (const auto& [name, step] : {std::pair{QStringLiteral("06-ddpm-vs-ddim"), 2},
                                     std::pair{QStringLiteral("07-langevin-dynamics"), 3}}) {
        const QString path = builtInLessonPath(name);
        QVERIFY2(!path.isEmpty(), qPrintable(name));
        QVERIFY(lessons()->openLesson(path));
        QVERIFY(waitForStep());
        player()->goTo(step);
        QVERIFY(waitForStep());
        QTRY_VERIFY(mWindow->document()->trajectory());  // the step sampled
        QVERIFY(mWindow->document()->dataSource() == lessonData.source);
        lessons()->closeAction()->trigger();
        QVERIFY2(!mWindow->document()->trajectory(), qPrintable(name));
        QCOMPARE(mWindow->timeline()->mode(), dlui::Timeline::Mode::Forward);
    }
}

// Opening a lesson asked "The session has unsaved changes. Save them first?", and what Discard discarded
// came back when the lesson closed. The session does come back, so nothing is asked about it; a lesson
// that loads a model asks only when that replaces a trained model never saved.
void TestLessonsWindow::openingALessonAsksOnlyWhatItWouldLose() {
    dlui::MainWindow::Options options = dltest::windowTestOptions();
    options.askBeforeDiscard = true;
    LabWindow window(options);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    dl::ScheduleParams edited = window.document()->schedule().params();
    edited.T = 90;
    QVERIFY(window.document()->setScheduleParams(edited));
    QVERIFY(window.document()->isModified());
    QString asked;
    const auto answerWith = [&asked](QMessageBox::StandardButton button) {
        QTimer::singleShot(0, [&asked, button] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box) return;
            asked = box->text();
            box->button(button)->click();
        });
    };
    // No model: the unsaved schedule is not at stake, so no question.
    answerWith(QMessageBox::Cancel);
    QVERIFY(window.lessons()->openLesson(dl::builtInLessonPaths().front()));
    QVERIFY2(asked.isEmpty(), qPrintable(asked));
    window.lessons()->closeAction()->trigger();
    QCOMPARE(window.document()->schedule().params().T, 90);
    QTest::qWait(10);  // the unused answer's timer

    // A trained model, not saved, and a lesson that loads its own: asked, and Cancel keeps everything.
    dlui::TrainingSettings small = dlui::TrainingSettings::defaults();
    small.model.hidden = 32;
    small.model.layers = 1;
    small.trainer.steps = 30;
    small.trainer.threads = 1;
    dlui::TrainPanel* train = dlui::TrainingAndSampling::of(&window)->trainPanel();
    train->setSettings(small);
    QTest::mouseClick(train->trainButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(window.document()->hasModel() &&
                                 !dlui::TrainingAndSampling::of(&window)->trainingController()->isActive(),
                             30000);
    QString withModel;
    for (const QString& path : dl::builtInLessonPaths()) {
        QString error;
        const auto lesson = dl::loadLesson(path, &error);
        QVERIFY2(lesson, qPrintable(error));
        for (const dl::LessonStep& step : lesson->steps)
            if (!step.modelPath.isEmpty() && withModel.isEmpty()) withModel = path;
    }
    QVERIFY(!withModel.isEmpty());
    const auto model = window.document()->model();
    answerWith(QMessageBox::Cancel);
    QVERIFY(!window.lessons()->openLesson(withModel));
    QVERIFY2(asked.contains(QStringLiteral("has not been saved")), qPrintable(asked));
    QVERIFY(!window.lessons()->player()->hasLesson());
    QCOMPARE(window.document()->model(), model);
}

// At 1280×720 the lesson dock is as tall as its longest narration needs and no taller: it once took a
// third of the window, mostly empty, and left the view 300 px. Every step's narration still shows whole.
// A problem line (the step's model would not load) takes room only while it says something.
void TestLessonsWindow::lessonDockTakesOnlyTheRoomItsTextNeeds() {
    mWindow->resize(1280, 720);
    QTRY_COMPARE(mWindow->height(), 720);
    QVERIFY(lessons()->openLesson(dl::builtInLessonPaths().front()));
    QVERIFY(waitForStep());
    dlui::LessonNavigator* bar = lessons()->navigator();
    QTRY_VERIFY2(
        bar->height() <= bar->heightForLesson(bar->width()) + 8,
        qPrintable(
            QStringLiteral("%1 px for %2").arg(bar->height()).arg(bar->heightForLesson(bar->width()))));
    // 434 px with the buttons stacked beside the narration and a line kept for problems; 478 with them
    // in the title's row.
    QVERIFY2(mWindow->mainView()->height() >= 460,
             qPrintable(QString::number(mWindow->mainView()->height())));
    auto* narration = bar->findChild<QLabel*>(QStringLiteral("lessonNarration"));
    QVERIFY(narration);
    for (int k = 0; k < player()->stepCount(); ++k) {
        player()->goTo(k);
        QCoreApplication::processEvents();
        QVERIFY2(narration->height() >= narration->heightForWidth(narration->width()),
                 qPrintable(QStringLiteral("step %1: %2 of %3 px")
                                .arg(k + 1)
                                .arg(narration->height())
                                .arg(narration->heightForWidth(narration->width()))));
    }
    auto* problem = bar->findChild<QLabel*>(QStringLiteral("lessonStatus"));
    QVERIFY(problem);
    QVERIFY(!problem->isVisible());
    const int withoutProblem = bar->height();
    Q_EMIT player()->problemReported(QStringLiteral("Could not load the lesson's model: a test"));
    QTRY_VERIFY(problem->isVisible() && bar->height() > withoutProblem);
    QVERIFY(problem->y() + problem->height() <= bar->height());
    QVERIFY2(narration->height() >= narration->heightForWidth(narration->width()),
             "the problem hid the text");
    player()->goTo(0);
    QTRY_VERIFY(!problem->isVisible() && bar->height() == withoutProblem);
}

// In presenter mode the view's labels were large until a lesson opened: its dock and the Explain dock
// squeezed the view, and the view's text, which follows the picture's size, fell to 13 px beside 24 px
// lesson text. The view's text is now never smaller than its font, which presenter mode enlarges.
void TestLessonsWindow::aLessonInPresenterModeKeepsTheViewsTextLarge() {
    mWindow->resize(1280, 720);
    QTRY_COMPARE(mWindow->height(), 720);
    const QString docksBefore = docksInSight();
    QTest::keyClick(mWindow.get(), Qt::Key_F11);
    QVERIFY(mWindow->isPresenterMode());
    QAction* first = lessons()->builtInActions().value(0);
    QVERIFY(first);
    first->trigger();
    QVERIFY(lessons()->dock()->isVisible());
    QApplication::processEvents();
    dlui::MainView* view = mWindow->mainView();
    const int viewText = QFontInfo(view->font()).pixelSize();
    QVERIFY2(viewText >= 20, qPrintable(QString::number(viewText)));  // twice the window's own text
    const QFont drawn = dlui::sceneFont(QRectF(view->rect()), view->paintOptions());
    QVERIFY2(drawn.pixelSize() >= viewText, qPrintable(QStringLiteral("%1 px in a %2×%3 view")
                                                           .arg(drawn.pixelSize())
                                                           .arg(view->width())
                                                           .arg(view->height())));
    pressOnView(Qt::Key_PageDown);
    pressOnView(Qt::Key_PageDown);
    QVERIFY(waitForStep());
    // Leaving presenter mode keeps the lesson's bar: the layout from before presenter mode had it closed,
    // and the running lesson's text went away with the bar still open in the Lessons menu.
    QTest::keyClick(mWindow.get(), Qt::Key_F11);
    QVERIFY(!mWindow->isPresenterMode());
    QVERIFY(player()->hasLesson());
    QTRY_VERIFY(lessons()->dock()->isVisible());
    QVERIFY(lessons()->dock()->toggleViewAction()->isChecked());
    // Closing it then gives back the docks from before presenter mode: nothing was given back, and the
    // lesson's Explain dock took more of the left column at every round.
    mWindow->mainView()->setFocus();
    QTest::keyClick(mWindow->mainView(), Qt::Key_W, Qt::ControlModifier);
    QVERIFY(!player()->hasLesson());
    QTRY_COMPARE(docksInSight(), docksBefore);
}

// A class: the lesson opened, F11 to present it, Ctrl+W at the end, F11 back. Leaving presenter mode gave
// back the layout from when it came on, the lesson's (its Explain step in front): now the one from before the
// lesson.
void TestLessonsWindow::aLessonPresentedWithF11EndsOnTheLayoutFromBefore() {
    mWindow->resize(1280, 720);
    QTRY_COMPARE(mWindow->height(), 720);
    const QString before = docksInSight();
    QVERIFY(lessons()->openLesson(dl::builtInLessonPaths().front()));
    QVERIFY(waitForStep());
    QTRY_VERIFY(docksInSight() != before);  // its first step shows the Explain dock
    QTest::keyClick(mWindow.get(), Qt::Key_F11);
    QVERIFY(mWindow->isPresenterMode());
    mWindow->mainView()->setFocus();
    QTest::keyClick(mWindow->mainView(), Qt::Key_W, Qt::ControlModifier);
    QVERIFY(!player()->hasLesson());
    QCoreApplication::processEvents();  // the close gives the layout over on the next turn of the loop
    QTest::keyClick(mWindow.get(), Qt::Key_F11);
    QVERIFY(!mWindow->isPresenterMode());
    QTRY_COMPARE(docksInSight(), before);
}

// After a lesson closed, the data it had replaced came back as they were, but the panel read "quality: the
// last figure was for other data": the figure of the run on those data holds again.
void TestLessonsWindow::closingALessonKeepsTheQualityFigure() {
    auto* live = dlui::TrainingAndSampling::of(mWindow.get());
    dlui::TrainingController* training = live->trainingController();
    QSignalSpy measured(training, &dlui::TrainingController::qualityMeasured);
    QTest::mouseClick(live->trainPanel()->trainButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(measured.count() >= 1, 30000);
    training->stopAndWait();
    const QString figure = live->trainPanel()->qualityText();
    QVERIFY2(figure.startsWith(QStringLiteral("quality at step")), qPrintable(figure));

    QVERIFY(lessons()->openLesson(dl::builtInLessonPaths().front()));
    QVERIFY(waitForStep());
    QVERIFY2(live->trainPanel()->qualityText().contains(QStringLiteral("other data")),
             qPrintable(live->trainPanel()->qualityText()));
    lessons()->closeAction()->trigger();
    QVERIFY(!player()->hasLesson());
    QTRY_COMPARE(live->trainPanel()->qualityText(), figure);
}

// The first lesson's last step plays t = 0 → T. The Explain dock widened to each new text as it came, and
// ᾱ_t's power of ten near T (2.674×10⁻⁵) widened it halfway through: the view jumped sideways in front of
// the class and stayed narrower. The dock takes the width of the widest text its playback brings when the
// step opens, and nothing moves while it plays.
void TestLessonsWindow::aPlayingStepKeepsItsLayout() {
    mWindow->resize(1280, 720);
    QTRY_COMPARE(mWindow->height(), 720);
    auto* dataDock = mWindow->findChild<QDockWidget*>(QStringLiteral("dataDock"));
    QVERIFY(dataDock);
    mWindow->resizeDocks({dataDock}, {380}, Qt::Horizontal);  // as the window's first layout gives it
    // Once the resize has reached the layout (the width read before it is the old one).
    QTRY_VERIFY(std::abs(dataDock->width() - 380) <= 10);
    const int dataWidth = dataDock->width();
    QVERIFY(lessons()->openLesson(dl::builtInLessonPaths().front()));
    QVERIFY(waitForStep());
    player()->goTo(player()->stepCount() - 1);
    QVERIFY(waitForStep());
    dlui::Timeline* timeline = mWindow->timeline();
    QTRY_VERIFY(timeline->isPlaying());
    QTest::qWait(200);  // the step's layout settles (the docks are resized after their queued layouts)
    // The room the Explain dock took came from the view, not from the Data dock on the other side: its
    // fields were cut behind a horizontal scroll bar.
    QVERIFY2(dataDock->width() >= dataWidth,
             qPrintable(QStringLiteral("%1 px, %2 before the lesson").arg(dataDock->width()).arg(dataWidth)));
    const int startT = timeline->t();
    const QString atStart = docksInSight();
    const int viewWidth = mWindow->mainView()->width();
    QDeadlineTimer deadline(30000);
    while (timeline->isPlaying() && timeline->t() < timeline->maximum() && !deadline.hasExpired()) {
        QTest::qWait(40);
        QCOMPARE(mWindow->mainView()->width(), viewWidth);
        QVERIFY2(docksInSight() == atStart, qPrintable(QStringLiteral("t = %1: %2, at t = %3: %4")
                                                           .arg(timeline->t())
                                                           .arg(docksInSight())
                                                           .arg(startT)
                                                           .arg(atStart)));
    }
    QCOMPARE(timeline->t(), timeline->maximum());
}

// A fresh window read "untitled*" after a lesson was opened and closed, though the lesson had put
// everything back: the data it reloaded counted as an edit. A window with unsaved changes keeps its "*".
void TestLessonsWindow::closingALessonKeepsTheWindowsSavedState() {
    QVERIFY(!mWindow->document()->isModified());
    QVERIFY(lessons()->openLesson(dl::builtInLessonPaths().front()));
    QVERIFY(waitForStep());
    QVERIFY(mWindow->document()->isModified());  // the lesson's data and schedule
    QSignalSpy dataBack(mWindow->document(), &dlui::LabDocument::dataSetChanged);
    lessons()->closeAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(dataBack.count() >= 1, 20000);
    QCoreApplication::processEvents();
    QVERIFY(!mWindow->document()->isModified());
    QVERIFY(!mWindow->isWindowModified());

    dl::ScheduleParams p = mWindow->document()->schedule().params();
    p.T += 10;
    QVERIFY(mWindow->document()->setScheduleParams(p));
    QVERIFY(mWindow->document()->isModified());
    QVERIFY(lessons()->openLesson(dl::builtInLessonPaths().front()));
    QVERIFY(waitForStep());
    dataBack.clear();
    lessons()->closeAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(dataBack.count() >= 1, 20000);
    QCoreApplication::processEvents();
    QVERIFY(mWindow->document()->isModified());
}

// The Explain text keeps the reader's place as it changes; a lesson step opened on the place the previous
// step had been scrolled to, with its title cut off (presenter mode at 720p shows a few lines).
void TestLessonsWindow::anExplainStepOpensAtItsFirstLine() {
    mWindow->resize(1280, 720);
    QString error;
    const auto lesson = dl::loadLesson(dl::builtInLessonPaths().front(), &error);
    QVERIFY2(lesson, qPrintable(error));
    std::vector<int> explainSteps;
    for (int k = 0; k < int(lesson->steps.size()); ++k)
        if (lesson->steps[size_t(k)].explain) explainSteps.push_back(k);
    QVERIFY(explainSteps.size() >= 2);
    QVERIFY(lessons()->openLesson(dl::builtInLessonPaths().front()));
    QVERIFY(waitForStep());
    auto* panel = mWindow->findChild<dlui::ExplainPanel*>();
    QVERIFY(panel);
    player()->goTo(explainSteps[0]);
    QVERIFY(waitForStep());
    mWindow->timeline()->pause();
    QScrollBar* bar = panel->textView()->verticalScrollBar();
    QTRY_VERIFY(bar->maximum() > 0);
    bar->setValue(bar->maximum());
    player()->goTo(explainSteps[1]);
    QVERIFY(waitForStep());
    QCoreApplication::processEvents();
    QCOMPARE(bar->value(), 0);
}

// The Lessons menu's lessons had no access key: a lecturer at the keyboard arrowed down to one. They are
// numbered, the first nine with their number as access key, no other entry of the menu taking a digit.
// Step mode (A) left on carried into a lesson: its arrows and legend, at presenter mode's type, covered the
// lesson's view. A lesson opens with it off.
void TestLessonsWindow::aLessonTurnsStepModeOff() {
    auto* stepMode = mWindow->findChild<QAction*>(QStringLiteral("stepModeAction"));
    QVERIFY(stepMode);
    // A chain to take apart (step mode has nothing to show without one): the exact denoiser's, K = 10.
    dlui::SamplingPanel* sampling = dlui::TrainingAndSampling::of(mWindow.get())->samplingPanel();
    sampling->denoiserBox()->setCurrentIndex(1);
    sampling->samplerBox()->setCurrentIndex(
        sampling->samplerBox()->findData(int(dl::SamplerKind::DdpmPosterior)));
    for (QSpinBox* box : sampling->findChildren<QSpinBox*>())
        if (box->objectName() == QLatin1String("samplerSteps")) box->setValue(10);
    QTest::mouseClick(sampling->sampleButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        mWindow->document()->trajectory() && !mWindow->document()->trajectory()->stepRecords.empty(), 30000);
    stepMode->setChecked(true);
    QVERIFY(stepMode->isChecked());
    QVERIFY(lessons()->openLesson(dl::builtInLessonPaths().at(0)));
    QVERIFY(waitForStep());
    QVERIFY(!stepMode->isChecked());
}

void TestLessonsWindow::lessonsHaveTheirNumberAsAccessKey() {
    const QList<QAction*> builtIn = lessons()->builtInActions();
    const QStringList paths = dl::builtInLessonPaths();
    QVERIFY(builtIn.size() >= 2 && builtIn.size() == paths.size());
    for (qsizetype i = 0; i < builtIn.size() && i < 9; ++i) {
        const QString text = builtIn[i]->text();
        QCOMPARE(QKeySequence::mnemonic(text), QKeySequence(Qt::ALT | (Qt::Key_1 + int(i))));
        const auto lesson = dl::loadLesson(paths[i], nullptr);
        QVERIFY(lesson);
        QCOMPARE(text, QStringLiteral("&%1 %2").arg(i + 1).arg(lesson->title.en));
    }
    auto* menu = mWindow->findChild<QMenu*>(QStringLiteral("lessonsMenu"));
    QVERIFY(menu);
    for (QAction* a : menu->actions())
        if (!builtIn.contains(a) && !a->isSeparator()) {
            const QKeySequence key = QKeySequence::mnemonic(a->text());
            QVERIFY2(key.isEmpty() || key[0].key() < Qt::Key_0 || key[0].key() > Qt::Key_9,
                     qPrintable(a->text()));
        }
}

QTEST_MAIN(TestLessonsWindow)
#include "tst_lessons_window.moc"
