#include "ui/window/trainingandsampling.h"

#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QStatusBar>
#include <algorithm>
#include <memory>

#include "ui/anatomy/anatomy.h"
#include "ui/data/datapanel.h"
#include "ui/document/labdocument.h"
#include "ui/explain/explainpanel.h"
#include "ui/explain/playbackspeed.h"
#include "ui/overlays/fieldoverlaypresenter.h"
#include "ui/sampling/samplingcontroller.h"
#include "ui/sampling/samplingpanel.h"
#include "ui/sampling/samplingtrails.h"
#include "ui/training/trainingcontroller.h"
#include "ui/training/trainpanel.h"
#include "ui/view/mainview.h"
#include "ui/widgets/elidedlabel.h"
#include "ui/widgets/scrollareaaround.h"
#include "ui/window/mainwindow.h"

namespace dlui {

namespace {

QDockWidget* makeDock(MainWindow* window, QWidget* panel, const QString& title, const QString& name) {
    auto* dock = new QDockWidget(title, window);
    dock->setObjectName(name);
    dock->setWidget(makePanelScrollArea(panel));
    // Wide enough for the two-column forms; the panels scroll vertically in a short window.
    dock->setMinimumWidth(290);
    return dock;
}

}  // namespace

TrainingAndSampling::TrainingAndSampling(MainWindow* window)
    : QObject(window),
      mWindow(window),
      mTraining(new TrainingController(this)),
      mSampling(new SamplingController(this)) {
    setObjectName(QStringLiteral("trainingAndSampling"));
    LabDocument* doc = window->document();

    mTrainPanel = new TrainPanel(doc, mTraining);
    window->addPanelDock(makeDock(window, mTrainPanel, tr("Model & Train"), QStringLiteral("trainDock")),
                         Qt::LeftDockWidgetArea);
    // The Train panel pushes each new snapshot into the document; sampling and overlays read it there.
    mSamplingPanel = new SamplingPanel(doc, window->timeline(), mSampling);
    QDockWidget* samplingDock =
        makeDock(window, mSamplingPanel, tr("Sampling"), QStringLiteral("samplingDock"));
    window->addPanelDock(samplingDock, Qt::RightDockWidgetArea);
    // The equations of what is on screen, with live numbers (ui/explain/), in a tab beside Sampling.
    QDockWidget* explainDock = createExplainDock(window, mSamplingPanel);
    window->addPanelDock(explainDock, Qt::RightDockWidgetArea);
    window->tabifyDockWidget(samplingDock, explainDock);
    samplingDock->raise();
    new PlaybackSpeed(window);                       // Run → Playback speed, slow motion (ui/explain/)
    installAnatomy(window, mTraining, mTrainPanel);  // step mode, narrated training step (ui/anatomy/)
    connect(window, &MainWindow::firstLayout, this, &TrainingAndSampling::fitLeftColumn);
    connect(window->dataPanel(), &DataPanel::controlsResized, this, &TrainingAndSampling::fitLeftColumn,
            Qt::QueuedConnection);

    mOverlays = new FieldOverlayPresenter(doc, this);
    mOverlays->attach(window->mainView());
    connect(mSamplingPanel, &SamplingPanel::overlaySettingsChanged, mOverlays,
            &FieldOverlayPresenter::setSettings);
    connect(mOverlays, &FieldOverlayPresenter::learnedErrorChanged, mSamplingPanel,
            &SamplingPanel::showLearnedError);
    connect(mOverlays, &FieldOverlayPresenter::fieldNoteChanged, mSamplingPanel,
            &SamplingPanel::showFieldNote);

    // Trails of the reverse animation, for the subset of points the panel asks for.
    SamplingPanel* sampling = mSamplingPanel;
    mView = window->mainView();
    mTrailsDecorator =
        window->mainView()->addSceneDecorator([sampling](Scene& scene, const MainView::Frame& frame) {
            const int count = sampling->trailCount();
            if (count <= 0 || frame.mode != Timeline::Mode::Reverse || !frame.document) return;
            const auto trajectory = frame.document->trajectory();
            const auto data = frame.document->dataSet();
            if (!trajectory || !data || data->isImage()) return;
            scene.trails =
                trajectoryTrails(*trajectory, data->norm, frame.t, count, sampling->trailKind(), frame.state);
            // DDIM trails are another sampler's paths than the points': the caption says so.
            if (sampling->trailKind() == TrailKind::Ddim && !trajectory->ddimPaths.empty())
                scene.caption += tr("  ·  trails: DDIM η = 0 from the same x_T");
        });
    connect(mSamplingPanel, &SamplingPanel::trailsChanged, window->mainView(), &MainView::requestRedraw);
    // While training, the learned field follows the weights now and then (the overlay itself throttles).
    connect(mTraining, &TrainingController::progressReported, this, [this] {
        if (mOverlays->settings().learnedArrows || mWindow->isPresenterMode())
            mWindow->mainView()->requestRedraw();
    });
    // Presenter mode hides the docks and the status bar: Ctrl+T in front of a class started a run that
    // nothing on screen showed. The view's caption says the run's step while it trains.
    mTrainingCaption = mView->addSceneDecorator([this](Scene& scene, const MainView::Frame&) {
        const std::optional<TrainingProgress>& progress = mTraining->lastProgress();
        if (!mWindow->isPresenterMode() || !mTraining->isActive() || !progress || progress->totalSteps <= 0)
            return;
        scene.caption +=
            tr("  ·  training: step %1 of %2")
                .arg(QLocale().toString(progress->step), QLocale().toString(progress->totalSteps));
    });
    connect(mTraining, &TrainingController::runEnded, mView, &MainView::requestRedraw);

    mStatus = new ElidedLabel(window);
    mStatus->setObjectName(QStringLiteral("trainingStatus"));
    mStatus->setContentsMargins(12, 0, 0, 0);  // a gap from the data label
    window->statusBar()->addPermanentWidget(mStatus);
    connect(mTrainPanel, &TrainPanel::statusMessageChanged, mStatus, &QLabel::setText);
    connect(mTrainPanel, &TrainPanel::problemReported, this,
            [this](const QString& message) { mWindow->statusBar()->showMessage(message, 10000); });
    connect(mSamplingPanel, &SamplingPanel::statusMessageChanged, this,
            [this](const QString& message) { mWindow->statusBar()->showMessage(message, 6000); });
    connect(mSampling, &SamplingController::progressReported, this,
            &TrainingAndSampling::showSamplingProgress);

    connectActions();
    connect(window, &MainWindow::closing, this, &TrainingAndSampling::shutdown);
    connect(window, &MainWindow::saveModelRequested, this, &TrainingAndSampling::saveModelThenClose);
    window->addCloseWarning([this] {
        return mTraining->isActive() ? tr("Training is running and will be stopped. The model so far will be "
                                          "lost unless it is saved to a file: Save model… does that.")
                                     : QString();
    });
    // A session names its model's file and does not hold the weights: a model never saved to a file is lost
    // on quitting even when the session was just saved.
    window->addCloseWarning([this] {
        const LabDocument* d = mWindow->document();
        return !mTraining->isActive() && d->hasModel() && !d->isModelSaved()
                   ? tr("The trained model has not been saved to a file and will be lost (a session names "
                        "its "
                        "model's file but does not hold it). Save model… keeps it.")
                   : QString();
    });

    // A session names a model file; load it once data of its dimension are there.
    connect(doc, &LabDocument::modelChanged, this, [this] {
        LabDocument* d = mWindow->document();
        if (!d->hasModel() && !d->modelPath().isEmpty()) {
            mPendingModelPath = d->modelPath();
            loadPendingModel();
        }
    });
    connect(doc, &LabDocument::dataSetChanged, this, &TrainingAndSampling::loadPendingModel);
    connect(mTrainPanel, &TrainPanel::modelFileLoaded, this, [this](const QString& path) {
        if (path == mPendingModelPath) mPendingModelPath.clear();
    });
    connect(mTrainPanel, &TrainPanel::modelFileFailed, this, &TrainingAndSampling::onModelFileFailed);
}

TrainingAndSampling::~TrainingAndSampling() {
    // The window is being destroyed: its actions and views may already be gone, so the controllers end
    // their workers without telling anyone.
    mTraining->blockSignals(true);
    mSampling->blockSignals(true);
    if (mView && mTrailsDecorator) mView->removeSceneDecorator(mTrailsDecorator);
    if (mView && mTrainingCaption) mView->removeSceneDecorator(mTrainingCaption);
    shutdown();
}

void TrainingAndSampling::fitLeftColumn() {
    // The Model & Train dock shares the left column with Data, which took half of it: at 1280×720 that
    // left 267 px and the loss curve below the fold. The run's buttons, progress and loss curve are only
    // here, so the dock gets their height, as far as Data keeps its controls through Load data (the data
    // themselves are on the view; the preview and the settings below scroll). Sources with more rows
    // ("Image as a shape") put Load data below the fold: the curve then gives up what it can and stays
    // whole. A size the person chose is kept where it does both.
    auto* train = mWindow->findChild<QDockWidget*>(QStringLiteral("trainDock"));
    auto* data = mWindow->findChild<QDockWidget*>(QStringLiteral("dataDock"));
    if (!train || !train->widget() || !data || !data->widget()) return;
    // Only for the two docks as the window places them: one above the other in the left column.
    if (!train->isVisible() || !data->isVisible() || train->isFloating() || data->isFloating() ||
        mWindow->dockWidgetArea(train) != Qt::LeftDockWidgetArea ||
        mWindow->dockWidgetArea(data) != Qt::LeftDockWidgetArea || train->x() != data->x() ||
        data->y() >= train->y())
        return;
    // The source's rows have just been shown or hidden: their layout first, for the heights below.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    const int column = data->height() + train->height();
    const int dataChrome = data->height() - data->widget()->height();
    const int trainChrome = train->height() - train->widget()->height();
    const int dataNeeds = mWindow->dataPanel()->heightThroughLoadButton() + dataChrome;
    const int dataWithPreview = mWindow->dataPanel()->heightThroughPreview() + dataChrome;
    const int trainWants = mTrainPanel->heightThroughLossCurve() + trainChrome;
    const int trainNeeds = trainWants - mTrainPanel->lossCurveGive();
    const int most = std::max(trainNeeds, column - dataNeeds);  // Data through Load data
    const int least = std::min(trainWants, most);               // the curve at its preferred height
    int wanted = std::clamp(train->height(), least, most);
    // Below Load data, Data shows the preview whole or not at all: a strip of its frame read as a glitch.
    if (const int dataShows = column - wanted; dataShows > dataNeeds && dataShows < dataWithPreview)
        wanted = column - dataWithPreview >= least ? column - dataWithPreview : column - dataNeeds;
    // Both docks named: with the one alone, Qt moved the separator only part of the way.
    if (wanted != train->height())
        mWindow->resizeDocks({data, train}, {column - wanted, wanted}, Qt::Vertical);
}

TrainingAndSampling* TrainingAndSampling::of(const MainWindow* window) {
    return window ? window->findChild<TrainingAndSampling*>(QStringLiteral("trainingAndSampling"),
                                                            Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void TrainingAndSampling::shutdown() {
    mSampling->cancel();
    mTraining->stopAndWait();
}

void TrainingAndSampling::connectActions() {
    const MainWindow::Actions& a = mWindow->actions();
    connect(a.train, &QAction::triggered, mTrainPanel, &TrainPanel::train);
    connect(a.pauseTraining, &QAction::triggered, mTrainPanel, &TrainPanel::togglePause);
    connect(a.stopTraining, &QAction::triggered, mTrainPanel, &TrainPanel::stop);
    connect(a.sample, &QAction::triggered, mSamplingPanel, &SamplingPanel::sample);
    connect(mTraining, &TrainingController::stateChanged, this, &TrainingAndSampling::updateActions);
    updateActions();
}

void TrainingAndSampling::updateActions() {
    const MainWindow::Actions& a = mWindow->actions();
    const auto state = mTraining->state();
    const bool running = state == TrainingController::State::Running;
    const bool paused = state == TrainingController::State::Paused;
    a.train->setEnabled(!mTraining->isActive());
    a.pauseTraining->setEnabled(running || paused);
    a.pauseTraining->setText(paused ? tr("&Resume training") : tr("&Pause training"));
    a.stopTraining->setEnabled(running || paused);
}

void TrainingAndSampling::saveModelThenClose() {
    // Asked from the close question: the window stayed open once the model was in its file, and the person
    // who had chosen to quit had to quit again. The close goes on after the save (asking again about what
    // is still unsaved); a cancelled dialog or a failed save leave the window open.
    if (!mTrainPanel->saveModel()) return;
    auto saved = std::make_shared<QMetaObject::Connection>();
    auto failed = std::make_shared<QMetaObject::Connection>();
    *saved = connect(mTrainPanel, &TrainPanel::modelSaved, this, [this, saved, failed] {
        disconnect(*saved);
        disconnect(*failed);
        QMetaObject::invokeMethod(mWindow, &QWidget::close, Qt::QueuedConnection);
    });
    *failed = connect(mTrainPanel, &TrainPanel::modelSaveFailed, this, [this, saved, failed] {
        disconnect(*saved);
        disconnect(*failed);
    });
}

void TrainingAndSampling::showSamplingProgress(quint64 run, int done, int total) {
    // The Sampling dock's bar is out of sight behind Explain, or in presenter mode: a long chain (T = 9999
    // took 18 s) showed nothing until its result. Runs under half a second stay quiet (no flash in the
    // status bar at every Sample); the result's message replaces this one.
    if (run != mProgressRun) {
        mProgressRun = run;
        mProgressRunClock.start();
    }
    if (total <= 0 || mProgressRunClock.elapsed() < 500) return;
    mWindow->statusBar()->showMessage(tr("Sampling… %1 %").arg(100 * done / total), 2000);
}

void TrainingAndSampling::loadPendingModel() {
    // Read in a background job; the outcome arrives as modelFileLoaded / modelFileFailed.
    if (!mPendingModelPath.isEmpty()) mTrainPanel->loadModelFrom(mPendingModelPath);
}

void TrainingAndSampling::onModelFileFailed(const QString& path, const QString& message,
                                            bool wrongDimension) {
    if (path != mPendingModelPath) return;
    // Wrong dimension: the session's data may still be loading; try again when they arrive. Anything else
    // (missing, damaged file) is reported once.
    if (wrongDimension) return;
    mPendingModelPath.clear();
    mWindow->statusBar()->showMessage(tr("Could not load the session's model: %1").arg(message), 10000);
}

}  // namespace dlui
