// The Model & Train dock: model size, learning rate, batch, step budget and seed; Train, Pause/Resume,
// Stop, Reset, Continue; save and load model files; the live loss curve (log scale, smoothed), steps/s,
// ETA, and the sample-quality figure against the data.
//
// Training uses the editor's schedule at the moment Train is pressed; the model keeps that schedule
// (LabDocument::modelSchedule()) however the editor changes afterwards, and the panel says which one it is.
// The panel polls the trainer's snapshot on a ~30 Hz timer (not on every step) and installs the model in
// the document when a run pauses or ends.
//
//   auto* panel = new dlui::TrainPanel(document, trainingController);
//   connect(window.actions().train, &QAction::triggered, panel, &dlui::TrainPanel::train);
#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <memory>
#include <optional>

#include "core/model/modelfile.h"
#include "ui/jobs/latestjob.h"
#include "ui/training/trainingcontroller.h"

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace dlui {

class LabDocument;
class LossPlot;

class TrainPanel : public QWidget {
    Q_OBJECT
public:
    TrainPanel(LabDocument* document, TrainingController* controller, QWidget* parent = nullptr);
    ~TrainPanel() override;

    /// The settings the controls describe now.
    TrainingSettings settings() const;
    /// Shows settings in the controls.
    void setSettings(const TrainingSettings& settings);

    /// Saves the current model (no dialog) on this thread. False with a message on failure.
    bool saveModelTo(const QString& path, QString* error = nullptr);
    /// Saves the current model in a background job (a large image network's file is over 100 MB):
    /// modelSaved() or modelSaveFailed() follows, and a failure is shown in a message box.
    void saveModelInBackground(const QString& path);
    /// Whether a model file is being written.
    bool isSavingModel() const { return mModelSaveJob.isBusy(); }
    /// Reads a model file in a background job and installs it in the document when it fits the data (no
    /// dialog): modelFileLoaded() or modelFileFailed() follows. A newer load supersedes one in flight.
    void loadModelFrom(const QString& path);
    /// Whether a model file is being read.
    bool isLoadingModel() const { return mModelFileJob.isBusy(); }
    /// Makes a model file read elsewhere (e.g. off the GUI thread) the panel's and the document's model.
    void adoptModelFile(const dl::ModelFile& file, const QString& path);

    LossPlot* lossPlot() const { return mLossPlot; }
    /// The panel's height from its top to the bottom of the loss curve (at its preferred height), with
    /// room for the progress lines a run shows: what a dock must show for a run to be followed.
    int heightThroughLossCurve() const;
    /// How much of that height the loss curve can give up and still be whole, at its smallest.
    int lossCurveGive() const;
    QPushButton* trainButton() const { return mTrain; }
    QPushButton* pauseButton() const { return mPause; }
    QPushButton* stopButton() const { return mStop; }
    QPushButton* resetButton() const { return mReset; }
    QPushButton* continueButton() const { return mContinue; }
    QSpinBox* stepsBox() const { return mSteps; }
    QSpinBox* widthBox() const { return mWidth; }
    /// Default or "detailed shape" (2D points; ui/training/trainingpresets.h), each with its expected time.
    QComboBox* presetBox() const { return mPreset; }
    /// Whether Train and Reset ask before replacing an unsaved model (tests turn it off: no modal dialogs).
    void setAskBeforeDiscard(bool ask) { mAskBeforeDiscard = ask; }

    /// The text of the state line ("training · step 1,200 / 5,000").
    QString statusText() const;
    /// The line naming the schedule the model was (or will be) trained with.
    QString scheduleText() const;
    /// The sample-quality line (a figure, "measuring the new model…", or empty).
    QString qualityText() const;
    /// The divergence / error message shown in the panel (empty when none).
    QString errorText() const;

public Q_SLOTS:
    /// Starts a fresh run on the document's data with the editor's schedule.
    void train();
    /// The same, held (paused) before its first step: for a step taken by hand.
    void trainHeld();
    /// Pause when running, resume when paused.
    void togglePause();
    void stop();
    /// Asks before throwing away a trained model, then forgets it.
    void reset();
    /// Continues the stopped, finished or loaded run for another step budget.
    void continueTraining();
    /// Save/load with a file dialog; errors are shown in a message box. saveModel() is true when a save
    /// started (not cancelled in the dialog): modelSaved or modelSaveFailed follows.
    bool saveModel();
    /// With a model in the window that is in no file: asks whether to replace it. True to go on.
    bool confirmReplacingUnsavedModel();
    void loadModel();

Q_SIGNALS:
    /// A one-line summary for the status bar changed ("training · 2,310 steps/s · loss 0.31").
    void statusMessageChanged(const QString& message);
    /// A message a person must see (divergence, errors); the window may also show it in the status bar.
    void problemReported(const QString& message);
    /// loadModelFrom(path) installed the file's model in the document.
    void modelFileLoaded(const QString& path);
    /// loadModelFrom(path) failed; wrongDimension: only because the current data have another dimension.
    void modelFileFailed(const QString& path, const QString& message, bool wrongDimension);
    /// saveModelInBackground(path) wrote the file; the document's model path is now path.
    void modelSaved(const QString& path);
    /// saveModelInBackground(path) could not write the file (an existing file there is left as it was).
    void modelSaveFailed(const QString& path, const QString& message);

private:
    void startFreshRun(bool held);
    /// The document shows the data of the controller's run (the same object, or the same points drawn
    /// again).
    bool runsOwnDataShown() const;
    void buildUi();
    void poll();
    void onStateChanged(TrainingController::State state);
    void onQuality(const TrainingQuality& quality);
    /// Replaces the quality line when its figure no longer describes the current model.
    void showQualityPending();
    void onRunEnded(TrainingOutcome outcome, const QString& message);
    void onTrainerReady();
    static QString measuringText();
    static QString notMeasuredText();
    void onDataSetChanged();
    void updateButtons();
    void updateScheduleLabel();
    /// Puts the run's latest snapshot into the document (installs it first, then advances its weights).
    void installModelInDocument();
    void showError(const QString& message);
    /// Sets a status line's text; an empty line is hidden.
    static void showLine(QLabel* label, const QString& text);
    /// The state line while there is no run.
    static QString idleStatusText();
    void applyDataDefaults();
    /// Installs a model file read by loadModelFrom (GUI thread).
    void installLoadedModel(const QString& path, const dl::ModelFile& file);
    /// Puts preset `index` of pointTrainingPresets() into the controls.
    void applyPreset(int index);
    /// Selects the preset the settings are, or "Custom" when they are none of them.
    void showMatchingPreset();
    bool askToDiscard();

    LabDocument* mDocument;
    TrainingController* mController;
    QTimer mPollTimer;
    int mPolledStep = -1;
    // The snapshot polled last. A weak_ptr, not an address: a freed snapshot's address can come back for
    // the next one, while the weak_ptr's control block keeps the old identity.
    std::weak_ptr<const dl::TrainingSnapshot> mPolledSnapshot;
    std::shared_ptr<const dl::ModelFile> mLoaded;       // a model file loaded with no run of its own
    std::weak_ptr<const dl::TrainingSnapshot> mPushed;  // the last snapshot put into the document
    bool mImageDefaults = false;
    bool mAskBeforeDiscard = true;
    LatestJob mModelFileJob{QStringLiteral("dl-model-file"), LatestJob::Supersede::CancelRunning};
    QString mModelFileLoading;      // the path mModelFileJob reads
    QString mStatusBeforeReading;   // the status line "reading …" replaced, back if the read fails
    bool mModelFileDialog = false;  // the load came from the Load button: failures get a message box
    // Writes run one after another; the document takes the path of the last one asked for.
    LatestJob mModelSaveJob{QStringLiteral("dl-model-save"), LatestJob::Supersede::LetRunningFinish};
    QString mModelSaving;  // the path of the latest save asked for

    QSpinBox* mWidth = nullptr;
    QSpinBox* mDepth = nullptr;
    QSpinBox* mFeatures = nullptr;
    QDoubleSpinBox* mLearningRate = nullptr;
    QSpinBox* mBatch = nullptr;
    QSpinBox* mSteps = nullptr;
    QSpinBox* mSeed = nullptr;
    QComboBox* mPreset = nullptr;
    QPushButton* mTrain = nullptr;
    QPushButton* mPause = nullptr;
    QPushButton* mStop = nullptr;
    QPushButton* mReset = nullptr;
    QPushButton* mContinue = nullptr;
    QPushButton* mSave = nullptr;
    QPushButton* mLoad = nullptr;
    QPointer<QWidget> mFocusParkedOn;  // where the focus went from a run button disabled under it
    LossPlot* mLossPlot = nullptr;
    QLabel* mStatus = nullptr;
    QLabel* mSpeed = nullptr;
    QLabel* mQuality = nullptr;
    QLabel* mScheduleLabel = nullptr;
    QLabel* mError = nullptr;
    TrainingSettings mBase;  // fields the panel does not show (warm-up, EMA, threads, …)
};

}  // namespace dlui
