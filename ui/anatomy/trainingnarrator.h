// One training step narrated in five stages, as GAN Lab does for GANs (Run → Narrated training step, or
// the button in the Model & Train panel): draw a batch x_0 and t, draw ε, form x_t, predict, take the loss
// and update. Each stage is drawn on the main view with one line of text (trainingstagemarks.h); Space
// advances to the next stage (and, after the fifth, to the next step); Run → Back to the live run resumes
// training.
//
// The stages are the trainer's own (dl::Trainer::advanceStage), so a narrated step leaves the model exactly
// where an ordinary step would. The live run's worker is ended first (TrainingController::holdTrainer) and
// each stage runs on a short-lived thread of its own, never on the GUI thread; the stage view comes back as
// a value. Without a run, the narration starts one with the panel's settings.
//
//   auto* narrator = new dlui::TrainingNarrator(window, training, trainPanel);
//   narrator->narrateAction()->trigger();   // stage 1
//   narrator->nextStageAction()->trigger(); // stage 2 (Space)
#pragma once

#include <QKeySequence>
#include <QObject>
#include <QPointer>
#include <memory>
#include <optional>

#include "core/training/trainer.h"

class QAction;
class QThread;
class QToolButton;

namespace dlui {

class MainView;
class MainWindow;
class TrainPanel;
class TrainingController;

class TrainingNarrator : public QObject {
    Q_OBJECT
public:
    TrainingNarrator(MainWindow* window, TrainingController* training, TrainPanel* panel);
    /// Waits for a stage still running.
    ~TrainingNarrator() override;

    /// Run → Narrated training step ("narratedStepAction"): starts narrating, or runs the next stage.
    QAction* narrateAction() const { return mNarrate; }
    /// Space while narrating ("nextStageAction").
    QAction* nextStageAction() const { return mNext; }
    /// Run → Back to the live run ("continueLiveAction"): ends the narration and resumes the live run.
    QAction* continueAction() const { return mContinue; }

    bool isNarrating() const { return mNarrating; }
    /// A stage is running on its thread.
    bool isBusy() const { return mJob != nullptr; }
    /// The view after the last stage run (nothing before the first).
    const std::optional<dl::TrainingStageView>& stageView() const { return mStage; }

Q_SIGNALS:
    /// A stage finished and its view is in stageView().
    void stageShown(dl::TrainingStage stage);
    /// The narration ended (the live run continues, or another run replaced it).
    void narrationEnded();

private:
    void narrate();
    void advance();
    void onStageDone(const std::optional<dl::TrainingStageView>& view, const QString& error);
    void continueTraining();
    void endNarration();
    /// What the status bar says when narrate() had to start a run: there was none, or one on other data.
    static QString freshRunNote();
    static QString otherDataNote();
    /// The Back button's text when the narrated run goes on afterwards.
    static QString liveRunText();

    MainWindow* mWindow;
    TrainingController* mTraining;
    TrainPanel* mPanel;
    QAction* mNarrate;
    QAction* mNext;
    QAction* mContinue;
    QToolButton* mContinueButton;  // in the panel, shown while narrating
    QPointer<MainView> mView;
    int mDecorator = 0;
    std::shared_ptr<dl::Trainer> mTrainer;
    QThread* mJob = nullptr;
    bool mNarrating = false;
    bool mContinuePending = false;
    bool mResumeAfter = false;        ///< the run was going when the narration began: Back resumes it
    bool mWaitingForTrainer = false;  ///< narrate() pressed while the run's network was being built
    QString mFreshRunNote;            ///< narrate() started the run: the first stage's message says why
    QKeySequence mPlayKey;            // Space, lent to the next-stage action while narrating
    std::optional<dl::TrainingStageView> mStage;
};

}  // namespace dlui
