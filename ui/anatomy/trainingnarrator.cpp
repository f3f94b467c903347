#include "ui/anatomy/trainingnarrator.h"

#include <QAction>
#include <QBoxLayout>
#include <QMenu>
#include <QPushButton>
#include <QStatusBar>
#include <QThread>
#include <QToolButton>
#include <utility>

#include "ui/anatomy/trainingstagemarks.h"
#include "ui/document/labdocument.h"
#include "ui/i18n/coremessages.h"
#include "ui/training/trainingcontroller.h"
#include "ui/training/trainpanel.h"
#include "ui/view/mainview.h"
#include "ui/view/timeline.h"
#include "ui/window/mainwindow.h"

namespace dlui {

namespace {

QMenu* runMenu(MainWindow* window) {
    for (QObject* owner : window->actions().playPause->associatedObjects())
        if (auto* menu = qobject_cast<QMenu*>(owner)) return menu;
    return nullptr;
}

/// A button for the action, as wide as its row allows.
QToolButton* panelButton(TrainPanel* panel, QAction* action, const QString& name) {
    auto* button = new QToolButton(panel);
    button->setObjectName(name);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    return button;
}

/// A row of buttons under the panel's Continue / Reset buttons.
void addPanelRow(TrainPanel* panel, std::initializer_list<QToolButton*> buttons) {
    auto* column = qobject_cast<QBoxLayout*>(panel->layout());
    auto* anchor = panel->findChild<QPushButton*>(QStringLiteral("continueButton"));
    auto* row = new QHBoxLayout;
    for (QToolButton* b : buttons) row->addWidget(b);
    int at = column ? column->count() : 0;
    for (int i = 0; column && anchor && i < column->count(); ++i)
        if (QLayout* r = column->itemAt(i)->layout(); r && r->indexOf(anchor) >= 0) at = i + 1;
    if (column) column->insertLayout(at, row);
}

}  // namespace

TrainingNarrator::TrainingNarrator(MainWindow* window, TrainingController* training, TrainPanel* panel)
    : QObject(window), mWindow(window), mTraining(training), mPanel(panel), mView(window->mainView()) {
    setObjectName(QStringLiteral("trainingNarrator"));
    mNarrate = new QAction(tr("&Narrated training step"), this);
    mNarrate->setObjectName(QStringLiteral("narratedStepAction"));
    mNarrate->setStatusTip(
        tr("One training step in five stages: batch and t, noise, x_t, prediction, loss and update"));
    mNext = new QAction(tr("Next stage"), this);
    mNext->setObjectName(QStringLiteral("nextStageAction"));
    mNext->setShortcutContext(Qt::WindowShortcut);
    mNext->setEnabled(false);
    mContinue = new QAction(liveRunText(), this);
    mContinue->setObjectName(QStringLiteral("continueLiveAction"));
    mContinue->setStatusTip(tr("End the narrated step and resume the live training run"));
    mContinue->setEnabled(false);
    window->addAction(mNext);
    if (QMenu* run = runMenu(window)) {
        run->insertAction(window->actions().sample, mNarrate);
        run->insertAction(window->actions().sample, mContinue);
        run->insertSeparator(window->actions().sample);
    }
    // The narration tells the person to go "back to the live run": that button shares the row of the one
    // that started it, while narrating (the Run menu has it too), so nothing below moves.
    mContinueButton = panelButton(panel, mContinue, QStringLiteral("continueLiveButton"));
    mContinueButton->hide();
    addPanelRow(panel, {panelButton(panel, mNarrate, QStringLiteral("narratedStepButton")), mContinueButton});
    connect(mNarrate, &QAction::triggered, this, &TrainingNarrator::narrate);
    connect(mNext, &QAction::triggered, this, &TrainingNarrator::advance);
    connect(mContinue, &QAction::triggered, this, &TrainingNarrator::continueTraining);
    // Another run starts (Train, Continue in the panel, a loaded model continued): the narration ends, and
    // a stage under way finishes first (endNarration waits for it), before a continued run reads the
    // trainer on its own thread.
    connect(training, &TrainingController::runStarting, this, &TrainingNarrator::endNarration);
    // Another run started, or Reset forgot this one: the narrated trainer is gone.
    connect(training, &TrainingController::stateChanged, this, [this](TrainingController::State state) {
        if (mNarrating &&
            (state == TrainingController::State::Running || state == TrainingController::State::Idle))
            endNarration();
    });
    connect(training, &TrainingController::trainerReady, this, [this] {
        if (std::exchange(mWaitingForTrainer, false)) narrate();
    });
    connect(training, &TrainingController::runEnded, this, [this] { mWaitingForTrainer = false; });
    // New data: the narrated batch was drawn from the old data, and the run will not go on with them.
    connect(window->document(), &LabDocument::dataSetChanged, this, &TrainingNarrator::endNarration);
    mDecorator = window->mainView()->addSceneDecorator([this](Scene& scene, const MainView::Frame& frame) {
        if (!mNarrating || !mStage || frame.mode != Timeline::Mode::Forward) return;
        const auto data = mWindow->document()->dataSet();
        if (!data || !mTrainer) return;
        if (data->isImage()) {
            // No rings or arrows among images: the view shows the batch as the stage leaves it, in place of
            // the data (the words told of noise and predictions over the clean data set). The words are on
            // the view as for points: they were only in the status bar, cut short with "…".
            const dl::PredictionTarget target = mTrainer->modelConfig().target;
            const TrainingStageImages shown = trainingStageImages(*mStage, target);
            if (shown.images && shown.images->cols() == data->dim() && shown.images->rows() > 0) {
                const Eigen::Index rows = scene.images.rows() > 0 ? scene.images.rows() : kMaxMarkedRows;
                scene.images = shown.images->topRows(std::min(rows, shown.images->rows()));
                scene.caption = shown.caption;
            }
            scene.annotations.narration =
                trainingStageNarration(*mStage, mTrainer->schedule().T(), target, &mTrainer->config());
            return;
        }
        const SceneAnnotations marks =
            trainingStageMarks(*mStage, data->norm, mTrainer->schedule().T(), mTrainer->modelConfig().target,
                               &mTrainer->config());
        scene.annotations.rings.insert(scene.annotations.rings.end(), marks.rings.begin(), marks.rings.end());
        scene.annotations.ringColor = marks.ringColor;
        scene.annotations.arrows.insert(scene.annotations.arrows.end(), marks.arrows.begin(),
                                        marks.arrows.end());
        scene.annotations.legend.insert(scene.annotations.legend.end(), marks.legend.begin(),
                                        marks.legend.end());
        scene.annotations.narration = marks.narration;
    });
}

TrainingNarrator::~TrainingNarrator() {
    if (mJob) {
        mJob->wait();
        delete mJob;
    }
    if (mView && mDecorator) mView->removeSceneDecorator(mDecorator);
}

QString TrainingNarrator::liveRunText() {
    return tr("Back to the &live run");
}

QString TrainingNarrator::freshRunNote() {
    return tr(
        "No trained model yet: a fresh one starts with the panel's settings, and its first step is "
        "narrated.");
}

QString TrainingNarrator::otherDataNote() {
    return tr(
        "The model was trained on other data: a fresh one starts on these with the panel's settings, and "
        "its first step is narrated.");
}

void TrainingNarrator::narrate() {
    if (mNarrating) {
        advance();
        return;
    }
    // A run on other data (new data were loaded since; loading stopped it) is not narrated: its batch would
    // be drawn from the old data, and a model of 2-D points cannot take images. A fresh run on the data
    // shown starts instead, as for no run at all. The same data loaded again (Load data pressed twice, a
    // lesson closed) are another object with the same source: that run is narrated.
    const bool otherData = mTraining->hasRun() && mTraining->data() != mWindow->document()->dataSet() &&
                           !mWindow->document()->modelMatchesData();
    if (!mTraining->hasRun() || otherData) {
        if (!mTraining->isActive()) {
            // A fresh run with the panel's settings, as Train starts it, held before its first step: that
            // step is the narrated one.
            mPanel->trainHeld();
            if (!mTraining->isActive()) return;  // the panel said why, or the person kept the old model
            mFreshRunNote = otherData ? otherDataNote() : freshRunNote();
            mWindow->statusBar()->showMessage(mFreshRunNote, 10000);
        }
        mWaitingForTrainer = true;  // the run's thread is building the network: go on when it is there
        return;
    }
    // A run that was going (or the fresh one started above, held at step 0) goes on afterwards; one the
    // person had stopped, or that had finished, stays as it was: Back restarted it and trained on past a
    // saved model.
    mResumeAfter = mTraining->isActive();
    mTrainer = mTraining->holdTrainer();
    if (!mTrainer) return;
    mNarrating = true;
    mContinue->setText(mResumeAfter ? liveRunText() : tr("End the &narration"));
    mContinue->setStatusTip(mResumeAfter ? tr("End the narrated step and resume the live training run")
                                         : tr("End the narrated step; the run stays as it was"));
    mStage.reset();
    // The batch is drawn from x_0: show the data at t = 0 in the forward view.
    Timeline* timeline = mWindow->timeline();
    timeline->pause();
    timeline->setMode(Timeline::Mode::Forward);
    timeline->setT(0);
    // Space advances the stages while narrating; play/pause gets it back afterwards.
    mPlayKey = mWindow->actions().playPause->shortcut();
    mWindow->actions().playPause->setShortcut(QKeySequence());
    mNext->setShortcut(QKeySequence(Qt::Key_Space));
    mNext->setEnabled(true);
    mContinue->setEnabled(true);
    mContinueButton->show();
    advance();
}

void TrainingNarrator::advance() {
    if (!mNarrating || mJob) return;
    // The stage runs on its own thread; its view comes back as a value to this (GUI) thread.
    auto result = std::make_shared<std::optional<dl::TrainingStageView>>();
    auto error = std::make_shared<QString>();
    std::shared_ptr<dl::Trainer> trainer = mTrainer;
    mJob = QThread::create([trainer, result, error] {
        try {
            trainer->advanceStage();
            *result = trainer->stageView();
        } catch (const std::exception& e) {
            *error = coreMessage(e.what());
        }
    });
    mJob->setObjectName(QStringLiteral("dl-narrated-stage"));
    connect(mJob, &QThread::finished, this, [this, result, error] {
        mJob->wait();
        delete mJob;
        mJob = nullptr;
        if (mNarrating) onStageDone(*result, *error);  // else the narration ended while the stage ran
    });
    mJob->start();
}

void TrainingNarrator::onStageDone(const std::optional<dl::TrainingStageView>& view, const QString& error) {
    if (!error.isEmpty()) {
        // A diverged update keeps the last good weights (dl::TrainingDiverged); the run is not resumed.
        mWindow->statusBar()->showMessage(tr("The narrated step failed: %1").arg(error), 10000);
        endNarration();
        return;
    }
    mStage = view;
    if (mStage && mStage->stage == dl::TrainingStage::Update) {
        // The weights changed: the document's model follows, as it does for the live run.
        mTrainer->publishSnapshot();
        mWindow->document()->setModel(mTraining->snapshot(), mTrainer->schedule());
    }
    if (mStage) {
        QString message = trainingStageNarration(*mStage, mTrainer->schedule().T(),
                                                 mTrainer->modelConfig().target, &mTrainer->config());
        if (!mFreshRunNote.isEmpty()) message = std::exchange(mFreshRunNote, {}) + QLatin1Char(' ') + message;
        mWindow->statusBar()->showMessage(message, 15000);
    }
    mWindow->mainView()->requestRedraw();
    if (mStage) Q_EMIT stageShown(mStage->stage);
    if (mContinuePending) continueTraining();
}

void TrainingNarrator::continueTraining() {
    if (!mNarrating) return;
    if (mJob) {
        mContinuePending = true;  // after the stage under way
        return;
    }
    const bool resume = mResumeAfter;
    endNarration();
    // A step begun in stages is finished by the worker's first step() (the trainer's own rule).
    if (resume) mTraining->continueRun();
}

void TrainingNarrator::endNarration() {
    if (!mNarrating) return;
    if (mJob) mJob->wait();  // a stage still touching the trainer: let it end before anything else starts
    mNarrating = false;
    mContinuePending = false;
    mNext->setEnabled(false);
    mNext->setShortcut(QKeySequence());
    mContinue->setEnabled(false);
    mContinueButton->hide();
    mFreshRunNote.clear();
    mWindow->actions().playPause->setShortcut(mPlayKey);
    mTrainer.reset();
    mStage.reset();
    mWindow->mainView()->requestRedraw();
    Q_EMIT narrationEnded();
}

}  // namespace dlui
