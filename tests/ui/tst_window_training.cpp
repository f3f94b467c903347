// The real window with live training and sampling, driven like a person would (offscreen): Train, Pause,
// Resume and Stop grow the loss curve; Sample plays the reverse chain to x_0 and the view shows the
// samples; sampling works while training continues; the field overlays appear on the view; changing the
// data or closing the window mid-training ends the worker cleanly; a diverging run says so.
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

#include "core/data/pointgenerators.h"
#include "core/math/rng.h"
#include "core/model/modelfile.h"
#include "core/training/trainer.h"
#include "tests/support/modaldialogs.h"
#include "tests/support/smalltraining.h"
#include "tests/support/squareimages.h"
#include "tests/support/windowtestoptions.h"
#include "ui/data/datapanel.h"
#include "ui/document/labdocument.h"
#include "ui/overlays/fieldoverlaypresenter.h"
#include "ui/sampling/samplingcontroller.h"
#include "ui/sampling/samplingpanel.h"
#include "ui/training/lossplot.h"
#include "ui/training/trainingcontroller.h"
#include "ui/training/trainpanel.h"
#include "ui/view/mainview.h"
#include "ui/view/timeline.h"
#include "ui/window/labwindow.h"
#include "ui/window/mainwindow.h"
#include "ui/window/trainingandsampling.h"

using dlui::LabWindow;
using dlui::MainWindow;
using State = dlui::TrainingController::State;

namespace {

/// A small network so that runs take a fraction of a second.
dlui::TrainingSettings smallSettings(int steps) {
    dlui::TrainingSettings s = dltest::smallTraining(steps);
    s.qualityIntervalSeconds = 0.3;
    s.qualitySamples = 200;
    return s;
}

/// Saves a picture of the window when DL_SCREENSHOT_DIR is set (to look at the layout; not compared).
void keepScreenshot(QWidget& window, const QString& name) {
    const QString dir = qEnvironmentVariable("DL_SCREENSHOT_DIR");
    if (!dir.isEmpty()) window.grab().save(QDir(dir).filePath(name));
}

}  // namespace

class TestWindowTraining : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();

    void panelsAreDocked();
    void presetBoxFollowsTheSettings();
    void trainPauseResumeStopGrowsTheLossCurve();
    void runButtonsStayPutAtClassroomSize();
    void theNetworkIsBuiltOffTheWindowThread();
    void toolbarActionsDriveTraining();
    void sampleAndPlayToTheEnd();
    void firstSampleFindsItsDenoiserReady();
    void sampleWhileTrainingContinues();
    void exactDenoiserSamplesWithoutAModel();
    void overlaysAppearOnTheView();
    void arrowFieldCoversAWideView();
    void changingDataStopsTraining();
    void loadingTheSameDataAgainKeepsTheModel();
    void divergingRunSaysSo();
    void saveAndLoadModel();
    void loadModelAsksBeforeReplacingAnUnsavedOne();
    void presenterModeShowsTheRunInTheCaption();
    void saveModelButtonWritesInTheBackground();
    void statusBarNamesTheStepAndNoSpeedOnceTheRunEnds();
    void trainingOnAfterASaveAsksAgainBeforeDiscarding();
    void sessionModelLoadsWithItsData();
    void imagesTrainAndSampleInPixelSpace();
    void closeMidTraining();
    void closeQuestionFollowsTheRunEnding();
    void closeQuestionSavesTheModelToAFile();

private:
    dlui::TrainingAndSampling* live() const { return dlui::TrainingAndSampling::of(mWindow.get()); }
    dlui::TrainPanel* train() const { return live()->trainPanel(); }
    dlui::TrainingController* training() const { return live()->trainingController(); }
    dlui::SamplingPanel* sampling() const { return live()->samplingPanel(); }
    /// Trains the small model to the end of its budget.
    void trainToEnd(int steps);

    std::unique_ptr<MainWindow> mWindow;
};

void TestWindowTraining::init() {
    mWindow = std::make_unique<LabWindow>(dltest::windowTestOptions());
    mWindow->resize(1280, 800);
    mWindow->show();
    QVERIFY(QTest::qWaitForWindowExposed(mWindow.get()));
    QVERIFY(live());
    train()->setAskBeforeDiscard(false);
    train()->setSettings(smallSettings(100000000));
}

void TestWindowTraining::cleanup() {
    mWindow.reset();
}

// The Preset box named a preset (with its time, "Default (≈ 4 s)") whatever the fields said: with Steps
// at 200,000 it still read Default. It reads Custom then, and choosing Default puts the default back.
void TestWindowTraining::presetBoxFollowsTheSettings() {
    auto* preset = mWindow->findChild<QComboBox*>(QStringLiteral("trainPreset"));
    auto* steps = mWindow->findChild<QSpinBox*>(QStringLiteral("trainSteps"));
    QVERIFY(preset && steps);
    const int custom = preset->count() - 1;
    QCOMPARE(preset->itemText(custom), QStringLiteral("Custom"));
    QCOMPARE(preset->currentIndex(), custom);  // init() set a budget of 100,000,000 steps
    preset->setCurrentIndex(0);
    Q_EMIT preset->activated(0);  // what choosing "Default" in the list does
    QCOMPARE(preset->currentIndex(), 0);
    const int defaultSteps = steps->value();
    steps->setFocus();
    steps->selectAll();
    QTest::keyClicks(steps, QStringLiteral("200000"));
    QTest::keyClick(steps, Qt::Key_Enter);
    QCOMPARE(steps->value(), 200000);
    QCOMPARE(preset->currentIndex(), custom);
    steps->setValue(defaultSteps);
    QCOMPARE(preset->currentIndex(), 0);
}

void TestWindowTraining::trainToEnd(int steps) {
    train()->setSettings(smallSettings(steps));
    QSignalSpy ended(training(), &dlui::TrainingController::runEnded);
    QTest::mouseClick(train()->trainButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 30000);
    QCOMPARE(training()->state(), State::Finished);
}

void TestWindowTraining::panelsAreDocked() {
    QVERIFY(mWindow->findChild<QDockWidget*>(QStringLiteral("trainDock")));
    QVERIFY(mWindow->findChild<QDockWidget*>(QStringLiteral("samplingDock")));
    QVERIFY(train()->isVisible());
    QVERIFY(sampling()->isVisible());
    QCOMPARE(training()->state(), State::Idle);
    QVERIFY(!mWindow->actions().pauseTraining->isEnabled());
    // Defaults come from the core's preset.
    const dlui::TrainingSettings defaults = dlui::TrainingSettings::defaults();
    dlui::TrainPanel fresh(mWindow->document(), training());
    QCOMPARE(fresh.settings().model.hidden, defaults.model.hidden);
    QCOMPARE(fresh.settings().trainer.steps, defaults.trainer.steps);
    QCOMPARE(fresh.settings().trainer.learningRate, defaults.trainer.learningRate);
}

void TestWindowTraining::trainPauseResumeStopGrowsTheLossCurve() {
    dlui::LossPlot* plot = train()->lossPlot();
    QCOMPARE(plot->stepCount(), 0);
    QTest::mouseClick(train()->trainButton(), Qt::LeftButton);
    QCOMPARE(training()->state(), State::Running);
    QVERIFY(!train()->trainButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(plot->stepCount() > 50, 10000);
    const int early = plot->stepCount();
    QTRY_VERIFY_WITH_TIMEOUT(plot->stepCount() > early + 50, 10000);  // it grows while running
    QVERIFY(std::isfinite(plot->smoothedLoss()));
    QVERIFY(mWindow->document()->hasModel());

    QTest::mouseClick(train()->pauseButton(), Qt::LeftButton);
    QCOMPARE(training()->state(), State::Paused);
    QCOMPARE(train()->pauseButton()->text(), QStringLiteral("Resume"));
    QTest::qWait(150);
    const int held = plot->stepCount();
    QTest::qWait(200);
    QCOMPARE(plot->stepCount(), held);
    // Paused weights are in the document, ready to sample.
    QTRY_COMPARE_WITH_TIMEOUT(mWindow->document()->model()->step, held, 2000);
    // No speed or ETA while paused: they stood frozen ("593 steps/s · ETA 6 s").
    auto* status = mWindow->findChild<QLabel*>(QStringLiteral("trainingStatus"));
    QVERIFY(status);
    QTRY_VERIFY2(status->text().startsWith(QStringLiteral("paused · step ")), qPrintable(status->text()));
    QVERIFY2(!status->text().contains(QStringLiteral("steps/s")) &&
                 !status->text().contains(QStringLiteral("ETA")),
             qPrintable(status->text()));
    QVERIFY2(
        !train()->findChild<QLabel*>(QStringLiteral("trainSpeed"))->text().contains(QStringLiteral("ETA")),
        qPrintable(train()->findChild<QLabel*>(QStringLiteral("trainSpeed"))->text()));

    QTest::mouseClick(train()->pauseButton(), Qt::LeftButton);  // resume
    QCOMPARE(training()->state(), State::Running);
    QTRY_VERIFY_WITH_TIMEOUT(plot->stepCount() > held + 50, 10000);

    QTest::mouseClick(train()->stopButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(training()->state(), State::Stopped, 10000);
    QCOMPARE(training()->liveThreadCount(), 0);
    const int final = training()->snapshot()->step;
    QTRY_COMPARE_WITH_TIMEOUT(plot->stepCount(), final, 2000);
    QCOMPARE(mWindow->document()->model()->step, final);
    QVERIFY(train()->trainButton()->isEnabled());
    QVERIFY(train()->continueButton()->isEnabled());
    QVERIFY(train()->statusText().contains(QStringLiteral("stopped")));
}

// At 1280×720 the Model & Train dock shows 267 px of its panel. The progress lines above the buttons
// appeared when a run started (and the quality line wrapped mid-run): Stop moved away from the pointer,
// and the dock scrolled to keep the focused Pause in view, taking the state line out of it.
void TestWindowTraining::runButtonsStayPutAtClassroomSize() {
    mWindow->resize(1280, 720);
    QTest::qWait(100);
    QScrollArea* area = nullptr;
    for (QWidget* w = train()->parentWidget(); w && !area; w = w->parentWidget())
        area = qobject_cast<QScrollArea*>(w);
    QVERIFY(area);
    auto inView = [&](QWidget* w) {
        const QRect r(w->mapTo(area->viewport(), QPoint(0, 0)), w->size());
        return r.top() >= 0 && r.bottom() <= area->viewport()->height();
    };
    const QPoint stopAt = train()->stopButton()->mapTo(train(), QPoint(0, 0));
    QSignalSpy measured(training(), &dlui::TrainingController::qualityMeasured);
    QTest::mouseClick(train()->trainButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(measured.count() >= 1, 20000);  // the quality line has its figure
    QTest::qWait(50);
    QCOMPARE(area->verticalScrollBar()->value(), 0);
    QCOMPARE(train()->stopButton()->mapTo(train(), QPoint(0, 0)), stopAt);
    QVERIFY(inView(train()->stopButton()));
    auto* status = train()->findChild<QLabel*>(QStringLiteral("trainStatus"));
    QVERIFY(status && status->isVisible() && inView(status));
    QVERIFY(inView(train()->findChild<QLabel*>(QStringLiteral("trainQuality"))));
    QTest::mouseClick(train()->stopButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(training()->state(), State::Stopped, 10000);
}

// Building a large image network (allocating and initialising its weights) took the window's thread for
// most of a second after Train. The run's thread builds it now: the click returns at once, the panel says
// what is happening, and the model comes into the document when it is there. Continue does the same.
void TestWindowTraining::theNetworkIsBuiltOffTheWindowThread() {
    trainToEnd(60);
    const auto firstModel = mWindow->document()->model();
    QVERIFY(firstModel);
    train()->setSettings(smallSettings(100000000));
    QSignalSpy ready(training(), &dlui::TrainingController::trainerReady);
    // When the trainer is reported, the panel (connected first) has put its snapshot in the document.
    std::vector<bool> installed;
    QObject listening;  // disconnects when the test returns, early or not
    connect(training(), &dlui::TrainingController::trainerReady, &listening,
            [&] { installed.push_back(mWindow->document()->model() == training()->snapshot()); });
    QTest::mouseClick(train()->trainButton(), Qt::LeftButton);
    QVERIFY(training()->isBuilding());
    QVERIFY2(train()->statusText().contains(QStringLiteral("building the network")),
             qPrintable(train()->statusText()));
    // No loss of the model the run replaces next to it.
    QVERIFY2(!train()->findChild<QLabel*>(QStringLiteral("trainSpeed"))->isVisible(),
             qPrintable(train()->findChild<QLabel*>(QStringLiteral("trainSpeed"))->text()));
    QVERIFY(!mWindow->document()->model());  // the replaced model went, with the samples it drew
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 30000);
    QVERIFY(mWindow->document()->model());
    QCOMPARE(installed, std::vector<bool>{true});
    QVERIFY(mWindow->document()->model() != firstModel);
    QTRY_VERIFY_WITH_TIMEOUT(training()->snapshot()->step > 20, 10000);
    QVERIFY2(!train()->statusText().contains(QStringLiteral("building the network")),
             qPrintable(train()->statusText()));
    QVERIFY2(!train()->statusText().contains(QStringLiteral("continued")), qPrintable(train()->statusText()));

    // Continue after a stop: the continued run's trainer is built on its thread too, from the stopped
    // run's full state, and takes over the document's model.
    training()->stopAndWait();
    const int stoppedAt = training()->snapshot()->step;
    const auto stoppedModel = mWindow->document()->model();
    auto* continueButton = train()->findChild<QPushButton*>(QStringLiteral("continueButton"));
    QVERIFY(continueButton && continueButton->isEnabled());
    QTest::mouseClick(continueButton, Qt::LeftButton);
    QVERIFY(training()->isBuilding());
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 30000);
    QCOMPARE(installed, (std::vector<bool>{true, true}));
    QVERIFY(mWindow->document()->model() != stoppedModel);
    QVERIFY(mWindow->document()->model()->step >= stoppedAt);
    QTRY_VERIFY_WITH_TIMEOUT(training()->snapshot()->step > stoppedAt + 20, 10000);
    // The continued budget counts from the model's steps: the line says where the run took over.
    const QString from = QStringLiteral("(continued from %1)").arg(QLocale().toString(stoppedAt));
    QTRY_VERIFY2(train()->statusText().contains(from), qPrintable(train()->statusText()));
    training()->stopAndWait();
}

void TestWindowTraining::toolbarActionsDriveTraining() {
    const MainWindow::Actions& a = mWindow->actions();
    a.train->trigger();
    QCOMPARE(training()->state(), State::Running);
    QVERIFY(a.pauseTraining->isEnabled());
    QVERIFY(a.stopTraining->isEnabled());
    QVERIFY(!a.train->isEnabled());
    a.pauseTraining->trigger();
    QCOMPARE(training()->state(), State::Paused);
    a.pauseTraining->trigger();
    QCOMPARE(training()->state(), State::Running);
    a.stopTraining->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(training()->state(), State::Stopped, 10000);
    QVERIFY(a.train->isEnabled());
    QVERIFY(!a.stopTraining->isEnabled());
}

void TestWindowTraining::sampleAndPlayToTheEnd() {
    trainToEnd(400);
    sampling()->setSamplerKind(dl::SamplerKind::Ddim);
    sampling()->setPointCount(500);
    QSignalSpy ready(sampling(), &dlui::SamplingPanel::samplesReady);
    dlui::Timeline* timeline = mWindow->timeline();
    timeline->setSpeed(400);
    QSignalSpy playing(timeline, &dlui::Timeline::playingChanged);
    QTest::mouseClick(sampling()->sampleButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 30000);
    const auto trajectory = mWindow->document()->trajectory();
    QVERIFY(trajectory && !trajectory->empty());
    QCOMPARE(trajectory->timesteps.front(), training()->schedule()->T());
    QCOMPARE(trajectory->timesteps.back(), 0);
    QCOMPARE(trajectory->states.back().rows(), 500);
    QCOMPARE(timeline->mode(), dlui::Timeline::Mode::Reverse);
    // The animation started: with the first states while the rest were computed when the run is slow, with
    // the result when it is quick, as this one is (it may be over by now).
    QVERIFY(!playing.isEmpty());
    QCOMPARE(playing.at(0).at(0).toBool(), true);
    // Played from x_T down to x_0: the animation ends at t = 0 and the view shows the samples.
    QTRY_VERIFY_WITH_TIMEOUT(!timeline->isPlaying(), 10000);
    QCOMPARE(timeline->t(), 0);
    mWindow->mainView()->rebuildNow();
    const dl::Batch& shown = mWindow->mainView()->shownState();
    QCOMPARE(shown.rows(), 500);
    QVERIFY(shown.isApprox(mWindow->document()->sampleResult()->samples));
    QVERIFY(sampling()->statusText().contains(QStringLiteral("500")));
    // The samples are drawn with the model's schedule, and the panel says so.
    QVERIFY(sampling()->scheduleNote().contains(QStringLiteral("model")));

    // Trails follow a subset of points from x_T to the current t.
    sampling()->setTrailCount(25);
    timeline->setT(trajectory->timesteps.front() / 2);
    mWindow->mainView()->rebuildNow();
    const auto& trails = mWindow->mainView()->scene().trails;
    QCOMPARE(int(trails.size()), 25);
    QVERIFY(trails.front().rows() > 1);
    keepScreenshot(*mWindow, QStringLiteral("window-reverse-trails.png"));
    sampling()->setTrailCount(0);
    mWindow->mainView()->rebuildNow();
    QVERIFY(mWindow->mainView()->scene().trails.empty());

    // Training a new model discards this one: its samples leave the canvas with it.
    QTest::mouseClick(train()->trainButton(), Qt::LeftButton);
    QCOMPARE(training()->state(), State::Running);
    QVERIFY(!mWindow->document()->sampleResult());
    QVERIFY(!mWindow->document()->trajectory());
    train()->stop();
}

// Once training has finished, the sampling thread builds the model's denoiser (and takes the heap a run
// needs) before anyone presses Sample, without the panel looking busy; Sample then uses that denoiser.
void TestWindowTraining::firstSampleFindsItsDenoiserReady() {
    trainToEnd(300);
    const auto finalModel = mWindow->document()->model();
    QVERIFY(finalModel);
    QTRY_VERIFY_WITH_TIMEOUT(sampling()->denoiserCache().model() == finalModel, 15000);
    QVERIFY(!sampling()->cancelButton()->isEnabled());  // the panel never looked busy
    const int builds = sampling()->denoiserCache().buildCount();
    QSignalSpy ready(sampling(), &dlui::SamplingPanel::samplesReady);
    QTest::mouseClick(sampling()->sampleButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 30000);
    QCOMPARE(mWindow->document()->model(), finalModel);
    QCOMPARE(sampling()->denoiserCache().buildCount(), builds);
}

void TestWindowTraining::sampleWhileTrainingContinues() {
    QTest::mouseClick(train()->trainButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(training()->snapshot() && training()->snapshot()->step > 100, 10000);
    sampling()->setSamplerKind(dl::SamplerKind::Ddim);
    sampling()->setPointCount(300);
    QSignalSpy ready(sampling(), &dlui::SamplingPanel::samplesReady);
    const int before = training()->snapshot()->step;
    mWindow->actions().sample->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 30000);
    QCOMPARE(training()->state(), State::Running);
    QTRY_VERIFY_WITH_TIMEOUT(training()->snapshot() && training()->snapshot()->step > before + 50, 10000);
    QCOMPARE(mWindow->document()->sampleResult()->samples.rows(), 300);
    QVERIFY(mWindow->document()->sampleResult()->samples.allFinite());
}

void TestWindowTraining::exactDenoiserSamplesWithoutAModel() {
    QVERIFY(!mWindow->document()->hasModel());
    // The learned model is not there yet: the panel explains instead of sampling.
    sampling()->setDenoiser(dlui::SamplingPanel::DenoiserChoice::Learned);
    sampling()->sample();
    QVERIFY(sampling()->statusText().contains(QStringLiteral("no model"), Qt::CaseInsensitive));
    sampling()->setDenoiser(dlui::SamplingPanel::DenoiserChoice::Exact);
    sampling()->setSamplerKind(dl::SamplerKind::Ddim);
    sampling()->setPointCount(200);
    QVERIFY(sampling()->scheduleNote().contains(QStringLiteral("editor")));
    QSignalSpy ready(sampling(), &dlui::SamplingPanel::samplesReady);
    sampling()->sample();
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 30000);
    QCOMPARE(mWindow->document()->trajectory()->timesteps.front(), mWindow->document()->schedule().T());
}

// In a wide view (presenter mode) the arrows covered only the view bounds' square and left both sides bare.
void TestWindowTraining::arrowFieldCoversAWideView() {
    dlui::FieldOverlaySettings s;
    s.exactArrows = true;
    sampling()->setOverlaySettings(s);
    dlui::MainView* view = mWindow->mainView();
    view->setFixedSize(960, 400);
    QTRY_COMPARE(view->size(), QSize(960, 400));
    mWindow->timeline()->setT(30);
    view->rebuildNow();
    const QRectF onScreen = dlui::sceneDataBounds(view->scene(), QRectF(view->rect()));
    QVERIFY(onScreen.width() > 1.5 * view->scene().viewBounds.width());  // the case above
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            view->rebuildNow();
            return !view->scene().arrowFields.empty();
        }(),
        20000);
    const dl::Batch& origins = view->scene().arrowFields.front().origins;
    const double spacing = onScreen.width() / 10;  // well under a tenth of the width from each side
    QVERIFY2(origins.col(0).minCoeff() < onScreen.left() + spacing,
             qPrintable(QString::number(origins.col(0).minCoeff())));
    QVERIFY2(origins.col(0).maxCoeff() > onScreen.right() - spacing,
             qPrintable(QString::number(origins.col(0).maxCoeff())));
}

void TestWindowTraining::overlaysAppearOnTheView() {
    dlui::FieldOverlayPresenter* overlays = live()->overlays();
    dlui::FieldOverlaySettings s;
    s.exactArrows = true;
    s.density = true;
    s.learnedArrows = true;
    sampling()->setOverlaySettings(s);
    QCOMPARE(overlays->settings(), s);
    mWindow->timeline()->setT(30);
    mWindow->mainView()->rebuildNow();
    QTRY_VERIFY_WITH_TIMEOUT(overlays->latest() && overlays->latest()->t == 30, 20000);
    mWindow->mainView()->rebuildNow();
    const dlui::Scene& scene = mWindow->mainView()->scene();
    QCOMPARE(int(scene.arrowFields.size()), 1);  // exact only: there is no model yet
    QVERIFY(scene.density.columns > 0);
    QVERIFY(!overlays->fieldNote().isEmpty());

    trainToEnd(300);
    mWindow->timeline()->setMode(dlui::Timeline::Mode::Forward);
    mWindow->timeline()->setT(20);
    mWindow->mainView()->rebuildNow();
    QTRY_VERIFY_WITH_TIMEOUT(overlays->latest() && overlays->latest()->t == 20 && overlays->latest()->learned,
                             20000);
    mWindow->mainView()->rebuildNow();
    QCOMPARE(int(mWindow->mainView()->scene().arrowFields.size()), 2);  // learned and exact
    QVERIFY(overlays->fieldNote().isEmpty());
    QVERIFY(std::isfinite(overlays->latest()->relativeError));
    keepScreenshot(*mWindow, QStringLiteral("window-overlays.png"));
    auto* note = sampling()->findChild<QLabel*>(QStringLiteral("overlayNote"));
    QVERIFY(note);
    QTRY_VERIFY_WITH_TIMEOUT(note->text().contains(QStringLiteral("differ")), 5000);

    // At t = 0 nothing is drawn, and the panel says why; back at t = 20 the note goes.
    mWindow->timeline()->setT(0);
    mWindow->mainView()->rebuildNow();
    QTRY_VERIFY_WITH_TIMEOUT(note->text().contains(QStringLiteral("t = 0")), 5000);
    mWindow->timeline()->setT(20);
    mWindow->mainView()->rebuildNow();
    QTRY_VERIFY_WITH_TIMEOUT(!note->text().contains(QStringLiteral("t = 0")), 5000);

    // Scrubbing quickly coalesces: far fewer computations than frames, and it ends on the last t.
    const int before = overlays->controller().computedCount();
    for (int t = 1; t <= 60; ++t) {
        mWindow->timeline()->setT(t);
        mWindow->mainView()->rebuildNow();
    }
    QTRY_VERIFY_WITH_TIMEOUT(overlays->latest()->t == 60, 20000);
    QVERIFY(overlays->controller().computedCount() - before < 60);

    // Either field turned off, their agreement goes: "At t = 10 … 39 %" stayed beside no arrows at all.
    QTRY_VERIFY_WITH_TIMEOUT(note->text().contains(QStringLiteral("differ")), 5000);
    auto* learnedBox = sampling()->findChild<QCheckBox*>(QStringLiteral("overlayLearnedArrows"));
    QVERIFY(learnedBox && learnedBox->isChecked());
    QTest::mouseClick(learnedBox, Qt::LeftButton, {}, QPoint(5, learnedBox->height() / 2));
    QVERIFY(!learnedBox->isChecked());
    QVERIFY2(!note->text().contains(QStringLiteral("differ")), qPrintable(note->text()));
    QTest::mouseClick(learnedBox, Qt::LeftButton, {}, QPoint(5, learnedBox->height() / 2));
    QVERIFY(learnedBox->isChecked());

    // The editor shows another schedule than the model's: the learned field is hidden, with a note.
    dl::ScheduleParams other = mWindow->document()->schedule().params();
    other.T = 50;
    QVERIFY(mWindow->document()->setScheduleParams(other));
    mWindow->mainView()->rebuildNow();
    QTRY_VERIFY_WITH_TIMEOUT(!overlays->fieldNote().isEmpty(), 5000);
}

void TestWindowTraining::changingDataStopsTraining() {
    QTest::mouseClick(train()->trainButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(training()->snapshot() && training()->snapshot()->step > 20, 10000);
    dl::Rng rng(9);
    dlui::DataSource source;
    source.shape = QStringLiteral("circles");
    source.count = 2000;
    QElapsedTimer clock;
    clock.start();
    mWindow->document()->setDataSet(dl::makePointDataSet("circles", dl::generatePoints("circles", 2000, rng)),
                                    source);
    // The run was stopped, not waited for (it had millions of steps left); loose for a busy machine.
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    QVERIFY(!training()->isActive());
    QCOMPARE(training()->liveThreadCount(), 0);
    QCOMPARE(training()->state(), State::Stopped);
    QVERIFY(!train()->errorText().isEmpty());
    QVERIFY(mWindow->document()->hasModel());
    QVERIFY(!mWindow->document()->modelMatchesData());
    // Training again uses the new data.
    QTest::mouseClick(train()->trainButton(), Qt::LeftButton);
    QCOMPARE(training()->data(), mWindow->document()->dataSet());
    QTRY_VERIFY_WITH_TIMEOUT(training()->snapshot() && training()->snapshot()->step > 10, 10000);
    QVERIFY(mWindow->document()->modelMatchesData());
}

// Load data pressed again with nothing changed marked a freshly trained model "trained on other data" (and
// hid its arrows): the Data dock's source carried fields the built-in shape does not use.
void TestWindowTraining::loadingTheSameDataAgainKeepsTheModel() {
    trainToEnd(30);
    QVERIFY(mWindow->document()->modelMatchesData());
    QSignalSpy reloaded(mWindow->document(), &dlui::LabDocument::dataSetChanged);
    QTest::mouseClick(mWindow->dataPanel()->applyButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(reloaded.count(), 1, 10000);
    QVERIFY(mWindow->document()->hasModel());
    QVERIFY(mWindow->document()->modelMatchesData());
    // Other data still count as other data.
    dlui::DataSource other = mWindow->document()->dataSource();
    other.seed += 1;
    QVERIFY(!dlui::sameData(other, mWindow->document()->dataSource()));
}

void TestWindowTraining::divergingRunSaysSo() {
    // Raw coordinates of size 1e18 overflow the first loss.
    dl::DataSet huge = *mWindow->document()->dataSet();
    huge.points *= 1e18f;
    dlui::DataSource source = mWindow->document()->dataSource();
    mWindow->document()->setDataSet(huge, source);
    dlui::TrainingSettings s = smallSettings(1000);
    s.model.inputFeatures = 0;
    train()->setSettings(s);
    QSignalSpy problems(train(), &dlui::TrainPanel::problemReported);
    QTest::mouseClick(train()->trainButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(training()->state(), State::Diverged, 20000);
    // One sentence that says what went wrong in words, not "Training diverged: training diverged … -nan".
    const QString error = train()->errorText();
    QVERIFY2(error.startsWith(QStringLiteral("Training diverged at step ")), qPrintable(error));
    QVERIFY2(
        error.contains(QStringLiteral(" is infinite")) || error.contains(QStringLiteral(" is not a number")),
        qPrintable(error));
    QVERIFY2(!error.contains(QStringLiteral("nan")), qPrintable(error));
    QVERIFY(problems.count() >= 1);
    QCOMPARE(training()->liveThreadCount(), 0);
    QVERIFY(mWindow->document()->model()->parameters.allFinite());
}

// Save model… wrote the file on the window's thread (over 100 MB for a large image network). The button's
// path now writes it in a background job; a failure says so in a message box and leaves the document's
// model path alone.
void TestWindowTraining::saveModelButtonWritesInTheBackground() {
    trainToEnd(100);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clicked.dlmodel"));
    QSignalSpy saved(train(), &dlui::TrainPanel::modelSaved);
    QSignalSpy failed(train(), &dlui::TrainPanel::modelSaveFailed);
    // The person types the name into the save dialog, without its suffix, and presses Save.
    dltest::answerFileDialog(dir.filePath(QStringLiteral("clicked")));
    auto* saveButton = train()->findChild<QPushButton*>(QStringLiteral("saveModelButton"));
    QVERIFY(saveButton && saveButton->isEnabled());
    QTest::mouseClick(saveButton, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 20000);
    QCOMPARE(saved.at(0).at(0).toString(), path);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(mWindow->document()->modelPath(), path);
    QVERIFY2(train()->statusText().contains(QStringLiteral("saved")), qPrintable(train()->statusText()));
    const dl::ModelFile file = dl::loadModelFile(path.toStdString());
    QCOMPARE(file.step, 100);
    QVERIFY(file.emaParameters.isApprox(mWindow->document()->model()->parameters));  // the sampled weights

    // A folder that cannot exist (its parent is a file): a message, and nothing else changes.
    QFile blocker(dir.filePath(QStringLiteral("a-file")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    QString shown;
    dltest::readAndCloseMessageBox(&shown);
    QVERIFY(train()->statusText().contains(QStringLiteral("saved · clicked.dlmodel")));
    train()->saveModelInBackground(dir.filePath(QStringLiteral("a-file/m.dlmodel")));
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QTRY_VERIFY(!shown.isEmpty());
    QVERIFY2(shown.startsWith(QStringLiteral("Could not save the model")), qPrintable(shown));
    QCOMPARE(mWindow->document()->modelPath(), path);
    // The line says this save failed; it used to go back to "saved · clicked.dlmodel", as if it had worked.
    QCOMPARE(train()->statusText(), QStringLiteral("not saved · m.dlmodel"));
    // The status bar as well: it kept "Saved the model to …" from the save before.
    auto* status = mWindow->findChild<QLabel*>(QStringLiteral("trainingStatus"));
    QVERIFY(status);
    QVERIFY2(status->text().startsWith(QStringLiteral("Could not save the model to ")),
             qPrintable(status->text()));
    QCOMPARE(saved.count(), 1);
}

// Saving once and then training on counted as saved: Train then replaced the newer model without asking.
void TestWindowTraining::trainingOnAfterASaveAsksAgainBeforeDiscarding() {
    trainToEnd(100);
    QTemporaryDir dir;
    QSignalSpy saved(train(), &dlui::TrainPanel::modelSaved);
    train()->saveModelInBackground(dir.filePath(QStringLiteral("m.dlmodel")));
    QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, 20000);
    QVERIFY(mWindow->document()->isModelSaved());

    train()->stepsBox()->setValue(50);
    QSignalSpy ended(training(), &dlui::TrainingController::runEnded);
    QTest::mouseClick(train()->continueButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 20000);
    QTRY_COMPARE(mWindow->document()->model()->step, 150);
    QVERIFY(!mWindow->document()->isModelSaved());  // the file holds step 100

    train()->setAskBeforeDiscard(true);
    QString shown;
    dltest::readAndCloseMessageBox(&shown);  // closed without choosing Discard
    QTest::mouseClick(train()->trainButton(), Qt::LeftButton);
    QTRY_VERIFY(!shown.isEmpty());
    QVERIFY2(shown.contains(QStringLiteral("has not been saved")), qPrintable(shown));
    QCOMPARE(mWindow->document()->model()->step, 150);  // kept
    QVERIFY(!training()->isActive());
    train()->setAskBeforeDiscard(false);
}

// After Stop the status bar read "stopped 1,234 steps · 341 steps/s", as if a speed were still being made,
// and after one narrated step "1 steps".
void TestWindowTraining::statusBarNamesTheStepAndNoSpeedOnceTheRunEnds() {
    trainToEnd(100);
    auto* status = mWindow->findChild<QLabel*>(QStringLiteral("trainingStatus"));
    QVERIFY(status);
    QTRY_VERIFY2(status->text().contains(QStringLiteral("finished · step 100 · loss ")),
                 qPrintable(status->text()));
    QVERIFY2(!status->text().contains(QStringLiteral("steps/s")), qPrintable(status->text()));
}

// Load model… replaced a model trained here and never saved without a word, where quitting asks. It asks:
// Cancel keeps the model, Discard loads the file.
void TestWindowTraining::loadModelAsksBeforeReplacingAnUnsavedOne() {
    trainToEnd(60);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("first.dlmodel"));
    QString error;
    QVERIFY2(train()->saveModelTo(path, &error), qPrintable(error));
    trainToEnd(40);  // a new model, in no file
    QVERIFY(!mWindow->document()->isModelSaved());
    const auto unsaved = mWindow->document()->model();
    train()->setAskBeforeDiscard(true);
    auto* load = train()->findChild<QPushButton*>(QStringLiteral("loadModelButton"));
    QVERIFY(load && load->isEnabled());

    QString asked;
    dltest::answerFileDialog(path);
    dltest::whenModalOpens<QMessageBox>([&](QMessageBox* box) {
        asked = box->text();
        box->button(QMessageBox::Cancel)->click();
    });
    QTest::mouseClick(load, Qt::LeftButton);
    QVERIFY2(asked.contains(QStringLiteral("not been saved")), qPrintable(asked));
    QTest::qWait(200);
    QCOMPARE(mWindow->document()->model(), unsaved);

    QSignalSpy loaded(train(), &dlui::TrainPanel::modelFileLoaded);
    dltest::answerFileDialog(path);
    dltest::whenModalOpens<QMessageBox>([](QMessageBox* box) { box->button(QMessageBox::Discard)->click(); });
    QTest::mouseClick(load, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
    QCOMPARE(mWindow->document()->model()->step, 60);
}

// Presenter mode hides the docks and the status bar: Ctrl+T in front of a class started a run that nothing
// on screen showed. While a run trains in presenter mode, the view's caption gives its step.
void TestWindowTraining::presenterModeShowsTheRunInTheCaption() {
    dlui::MainView* view = mWindow->mainView();
    mWindow->setPresenterMode(true);
    QSignalSpy progressed(training(), &dlui::TrainingController::progressReported);
    mWindow->actions().train->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(progressed.count() > 0, 20000);
    view->rebuildNow();
    QVERIFY2(view->scene().caption.contains(QStringLiteral("training: step")),
             qPrintable(view->scene().caption));
    mWindow->setPresenterMode(false);
    view->rebuildNow();
    QVERIFY(!view->scene().caption.contains(QStringLiteral("training")));  // the docks say it there
    mWindow->setPresenterMode(true);
    QSignalSpy ended(training(), &dlui::TrainingController::runEnded);
    mWindow->actions().stopTraining->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 20000);
    view->rebuildNow();
    QVERIFY(!view->scene().caption.contains(QStringLiteral("training")));
    mWindow->setPresenterMode(false);
}

void TestWindowTraining::saveAndLoadModel() {
    trainToEnd(200);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("moons.dlmodel"));
    QString error;
    QVERIFY2(train()->saveModelTo(path, &error), qPrintable(error));
    QCOMPARE(mWindow->document()->modelPath(), path);
    const auto saved = mWindow->document()->model();

    QTest::mouseClick(train()->resetButton(), Qt::LeftButton);
    QVERIFY(!mWindow->document()->hasModel());
    QCOMPARE(train()->lossPlot()->stepCount(), 0);
    // Other settings typed in before loading: the form then shows the loaded model's own (it kept these
    // beside a model trained otherwise).
    dlui::TrainingSettings typed = train()->settings();
    const dlui::TrainingSettings trainedWith = typed;
    typed.model.hidden = 48;
    typed.trainer.learningRate = 0.5f;
    typed.trainer.steps = 123;
    train()->setSettings(typed);

    // Read in a background job: the window stays responsive while the file is read.
    QSignalSpy loaded(train(), &dlui::TrainPanel::modelFileLoaded);
    QSignalSpy failed(train(), &dlui::TrainPanel::modelFileFailed);
    train()->loadModelFrom(path);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count() + failed.count(), 1, 10000);
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(loaded.at(0).at(0).toString(), path);
    QVERIFY(mWindow->document()->hasModel());
    QCOMPARE(mWindow->document()->model()->step, 200);
    QVERIFY(mWindow->document()->model()->parameters.isApprox(saved->parameters));
    // The status bar says what is loaded, not the run before it.
    auto* status = mWindow->findChild<QLabel*>(QStringLiteral("trainingStatus"));
    QVERIFY(status);
    QVERIFY2(status->text().contains(QStringLiteral("loaded · step 200")), qPrintable(status->text()));
    QCOMPARE(train()->lossPlot()->stepCount(), 200);
    QCOMPARE(mWindow->document()->modelSchedule()->params(), mWindow->document()->schedule().params());
    QCOMPARE(train()->widthBox()->value(), trainedWith.model.hidden);
    QCOMPARE(train()->settings().trainer.learningRate, trainedWith.trainer.learningRate);
    QCOMPARE(train()->settings().trainer.steps, 200);

    // Continue training the loaded model for another budget.
    train()->stepsBox()->setValue(50);
    QSignalSpy ended(training(), &dlui::TrainingController::runEnded);
    QTest::mouseClick(train()->continueButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 20000);
    QCOMPARE(training()->snapshot()->step, 250);

    // A damaged file gives a message, and the model stays as it was, the panel's status line too (it went
    // blank).
    QFile bad(dir.filePath(QStringLiteral("bad.dlmodel")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("not a model");
    bad.close();
    auto* panelStatus = train()->findChild<QLabel*>(QStringLiteral("trainStatus"));
    QVERIFY(panelStatus);
    const QString statusBefore = panelStatus->text();
    QVERIFY(!statusBefore.isEmpty());
    train()->loadModelFrom(bad.fileName());
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
    QCOMPARE(failed.at(0).at(0).toString(), bad.fileName());
    QVERIFY(!failed.at(0).at(1).toString().isEmpty());
    QCOMPARE(failed.at(0).at(2).toBool(), false);
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(mWindow->document()->model()->step, 250);
    QCOMPARE(panelStatus->text(), statusBefore);

    // Samples of the model on screen stay when a file fails to load, and go when another model comes in.
    sampling()->setPointCount(200);
    QSignalSpy ready(sampling(), &dlui::SamplingPanel::samplesReady);
    QTest::mouseClick(sampling()->sampleButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 30000);
    train()->loadModelFrom(bad.fileName());
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 10000);
    QVERIFY(mWindow->document()->sampleResult());
    train()->loadModelFrom(path);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 10000);
    QCOMPARE(mWindow->document()->model()->step, 200);
    QVERIFY(!mWindow->document()->sampleResult());
}

void TestWindowTraining::sessionModelLoadsWithItsData() {
    trainToEnd(100);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("session.dlmodel"));
    QVERIFY(train()->saveModelTo(path));
    QTest::mouseClick(train()->resetButton(), Qt::LeftButton);
    QVERIFY(!mWindow->document()->hasModel());
    // What opening a session does: it names the model file; the training side loads it.
    mWindow->document()->setModelPath(path);
    // Read off the GUI thread: the model arrives a moment later.
    QTRY_VERIFY_WITH_TIMEOUT(mWindow->document()->hasModel(), 10000);
    QCOMPARE(mWindow->document()->model()->step, 100);
}

void TestWindowTraining::imagesTrainAndSampleInPixelSpace() {
    // 8×8 gray images of a bright square at random places: pixel space, d = 64.
    const int side = 8;
    const auto [images, source] = dltest::squareImages(side, 200);
    mWindow->document()->setDataSet(images, source);

    // The view noises only the images it draws (the first 64), as the closed form gives them: all 8,000
    // of a 64×64 set took the window's thread 0.6 s at every t.
    mWindow->timeline()->setT(mWindow->document()->schedule().T() / 2);
    mWindow->mainView()->rebuildNow();
    const dl::Batch& shown = mWindow->mainView()->shownState();
    QCOMPARE(shown.rows(), Eigen::Index(dlui::MainView::kMaxImagesShown));
    QVERIFY(shown == mWindow->document()->forwardState(mWindow->timeline()->t()).topRows(shown.rows()));
    mWindow->timeline()->setT(0);

    // The panel switches to the image preset (raw pixels in); keep it small for the test.
    QCOMPARE(train()->settings().model.inputFeatures, 0);
    dlui::TrainingSettings s = train()->settings();
    s.model.hidden = 64;
    s.model.layers = 1;
    s.trainer.steps = 150;
    s.trainer.batchSize = 32;
    train()->setSettings(s);
    QSignalSpy ended(training(), &dlui::TrainingController::runEnded);
    QTest::mouseClick(train()->trainButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, 30000);
    QCOMPARE(training()->state(), State::Finished);
    QVERIFY(!training()->lastQuality().has_value());  // the point metric is not computed for images

    sampling()->setDenoiser(dlui::SamplingPanel::DenoiserChoice::Learned);
    sampling()->setSamplerKind(dl::SamplerKind::Ddim);
    sampling()->setPointCount(16);
    QSignalSpy ready(sampling(), &dlui::SamplingPanel::samplesReady);
    sampling()->sample();
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 30000);
    QCOMPARE(mWindow->document()->sampleResult()->samples.cols(), side * side);
    auto* status = sampling()->findChild<QLabel*>(QStringLiteral("samplingStatus"));
    QVERIFY(status);
    QVERIFY2(status->text().startsWith(QStringLiteral("16 images in ")), qPrintable(status->text()));
    mWindow->timeline()->pause();
    mWindow->timeline()->setMode(dlui::Timeline::Mode::Reverse);
    mWindow->timeline()->jumpToEnd();
    mWindow->mainView()->rebuildNow();
    // The main view shows the reverse chain as a grid of images.
    QCOMPARE(mWindow->mainView()->scene().images.rows(), 16);
    QCOMPARE(mWindow->mainView()->scene().imageShape.width, side);
    keepScreenshot(*mWindow, QStringLiteral("window-images.png"));
}

void TestWindowTraining::closeMidTraining() {
    QTest::mouseClick(train()->trainButton(), Qt::LeftButton);
    sampling()->setDenoiser(dlui::SamplingPanel::DenoiserChoice::Exact);
    sampling()->setPointCount(5000);
    sampling()->sample();  // a sampling run in flight too
    QTRY_VERIFY_WITH_TIMEOUT(training()->snapshot() && training()->snapshot()->step > 20, 10000);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(mWindow->close());
    QCOMPARE(training()->liveThreadCount(), 0);
    mWindow.reset();  // destroys controllers and joins the sampling thread
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
}

namespace {

/// Options of a window that asks before discarding work, as a person's does.
MainWindow::Options askingOptions() {
    MainWindow::Options options = dltest::windowTestOptions();
    options.askBeforeDiscard = true;
    return options;
}

/// Shows the window and starts a run far longer than the test from its Train button; *run is the
/// window's training once the run's first weights are the window's model.
void startLongRun(LabWindow& window, dlui::TrainingController** run) {
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* live = dlui::TrainingAndSampling::of(&window);
    live->trainPanel()->setSettings(smallSettings(100000000));
    QTest::mouseClick(live->trainPanel()->trainButton(), Qt::LeftButton);
    *run = live->trainingController();
    QTRY_VERIFY_WITH_TIMEOUT(
        (*run)->snapshot() && (*run)->snapshot()->step > 0 && window.document()->hasModel(), 10000);
}

}  // namespace

// The question on closing said "Training is running and will be stopped" after the run had ended behind
// it. It follows the run: once the run ends it warns of the unsaved model instead.
void TestWindowTraining::closeQuestionFollowsTheRunEnding() {
    LabWindow window(askingOptions());
    dlui::TrainingController* run = nullptr;
    startLongRun(window, &run);
    if (QTest::currentTestFailed()) return;

    QString before, after;
    dltest::whenModalOpens<QMessageBox>([&](QMessageBox* box) {
        before = box->text();
        run->stop();  // the run ends while the question is open (as at the end of its budget)
        QTRY_VERIFY_WITH_TIMEOUT(!run->isActive(), 10000);
        QTRY_VERIFY(!box->text().contains(QStringLiteral("Training is running")));
        after = box->text();
        QTest::keyClick(box, Qt::Key_Escape);
    });
    QVERIFY(!window.close());  // Escape: the window stays
    QVERIFY2(before.contains(QStringLiteral("Training is running")), qPrintable(before));
    QVERIFY2(after.contains(QStringLiteral("has not been saved")), qPrintable(after));
}

// Quitting mid-run with unsaved changes asked "Save them first?" under "the model so far is kept only if you
// save it"; Save wrote the session, which names a model file and holds no weights, and the model was lost.
// The question has its own "Save model…" button: the model goes to a file, and then the close goes on (it
// stopped there, and the person who had chosen to quit had to quit again); it asks again about the session.
void TestWindowTraining::closeQuestionSavesTheModelToAFile() {
    LabWindow window(askingOptions());
    dlui::TrainingController* run = nullptr;
    startLongRun(window, &run);
    if (QTest::currentTestFailed()) return;
    QVERIFY(window.document()->isModified());

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("class.dlmodel"));
    QStringList buttons;
    dltest::whenModalOpens<QMessageBox>([&](QMessageBox* box) {
        QAbstractButton* saveModel = nullptr;
        for (QAbstractButton* b : box->buttons()) {
            buttons << b->text();
            if (b->text().remove(QLatin1Char('&')).startsWith(QStringLiteral("Save model"))) saveModel = b;
        }
        dltest::answerFileDialog(path);
        if (saveModel)
            QTest::mouseClick(saveModel, Qt::LeftButton);
        else
            QTest::keyClick(box, Qt::Key_Escape);
    });
    QVERIFY(!window.close());  // the window stays while the model is saved
    QVERIFY2(buttons.join(QLatin1Char('|')).remove(QLatin1Char('&')).contains(QStringLiteral("Save model")),
             qPrintable(buttons.join(QLatin1Char('|'))));
    // The close goes on: the session's question comes back (with the model's button again once the
    // running training has changed the model since the save). Cancel keeps the window for the rest of the
    // test.
    bool askedAgain = false;
    dltest::whenModalOpens<QMessageBox>([&](QMessageBox* box) {
        askedAgain = true;
        QTest::keyClick(box, Qt::Key_Escape);
    });
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(path), 10000);
    QTRY_COMPARE(window.document()->modelPath(), path);
    QTRY_VERIFY_WITH_TIMEOUT(askedAgain, 10000);
    QVERIFY(window.isVisible());
    run->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!run->isActive(), 10000);
}

QTEST_MAIN(TestWindowTraining)
#include "tst_window_training.moc"
