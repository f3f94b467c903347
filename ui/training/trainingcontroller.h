// Owns a training run: the dl::Trainer, the worker thread that steps it, and the run's state machine
// (Idle → Running ⇄ Paused → Finished / Stopped / Diverged / Failed). The GUI reads the trainer's
// thread-safe snapshot() on its own timer; the controller relays the worker's throttled progress.
//
// Ending a run is always clean: stop() asks the worker to finish its step and the thread is joined when
// the worker reports back; stopAndWait() (closing the window) does the same synchronously — request stop,
// quit(), wait() — which takes at most one training step. Starting a new run or reset() never waits on
// the GUI thread: the old run is retired (asked to stop, its trainer left to its thread, which is
// deleted once it has ended; the destructor joins any still ending).
//
// Nor does the GUI thread build the trainer: allocating and initialising a large image network takes most
// of a second. start() and the continue functions check what they can at once and hand the building to the
// run's thread; until it reports trainerReady(), the run is active but hasRun() is false and snapshot() is
// null (a failure to build ends the run as Failed, with the reason in runEnded()).
//
//   dlui::TrainingController training;
//   training.start(doc.dataSet(), dl::Schedule(dl::defaultTrainingSchedule()), dlui::TrainingSettings{});
//   connect(&training, &dlui::TrainingController::trainerReady, …);   // snapshot() is there from now on
//   training.pause();  training.resume();  training.stop();
//   auto snap = training.snapshot();   // latest weights + loss history, any time
#pragma once

#include <QObject>
#include <QString>
#include <QThread>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "core/data/dataset.h"
#include "core/math/schedule.h"
#include "core/model/modelfile.h"
#include "core/training/trainer.h"
#include "ui/training/trainingworker.h"

namespace dlui {

/// What the user chose in the Model & Train panel.
struct TrainingSettings {
    dl::MlpConfig model;         ///< dataDim is taken from the data
    dl::TrainerConfig trainer;   ///< steps = budget, learning rate, batch, seed, threads
    bool measureQuality = true;  ///< sliced Wasserstein distance to unseen data while training (2D only);
                                 ///< finite data then hold a random 20% out of training
    int qualitySamples = 400;
    double qualityIntervalSeconds = 3.0;

    /// The core's default preset with threads chosen for this machine (one core left for the window).
    static TrainingSettings defaults();
};

class TrainingController : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Running, Paused, Stopping, Finished, Stopped, Diverged, Failed };
    Q_ENUM(State)

    explicit TrainingController(QObject* parent = nullptr);
    /// Stops a run in progress and joins its thread.
    ~TrainingController() override;

    /// Starts a fresh run (stopping any run in progress first); its trainer is built on the run's thread
    /// (trainerReady()). Returns false and a message when the settings or data are invalid. A held run
    /// starts Paused, before its first step (for a step taken by hand).
    bool start(std::shared_ptr<const dl::DataSet> data, const dl::Schedule& schedule,
               const TrainingSettings& settings, QString* error = nullptr, bool held = false);
    /// Continues a loaded model file's run (weights, optimizer state, loss history) for `moreSteps` steps.
    bool resumeFromFile(std::shared_ptr<const dl::DataSet> data, std::shared_ptr<const dl::ModelFile> file,
                        int moreSteps, const TrainingSettings& settings, QString* error = nullptr);
    /// Continues this controller's own run, whose thread has ended, for `moreSteps` more steps with the
    /// threads of `settings`: as resumeFromFile() with the run's model file, which is taken on the run's
    /// thread. False without such a run. Should the continued trainer fail to build, the run keeps the
    /// trainer it had (its weights can still be saved or continued).
    bool continueTraining(std::shared_ptr<const dl::DataSet> data, int moreSteps,
                          const TrainingSettings& settings, QString* error = nullptr);
    void pause();
    void resume();
    /// Asks the run to stop after its current step; state() becomes Stopped when the worker has ended.
    void stop();
    /// Stops and joins the worker thread now (bounded by one training step).
    void stopAndWait();
    /// Ends any run and forgets the trainer (the loss history and weights go with it).
    void reset();
    /// For stepping the run's trainer stage by stage (ui/anatomy): ends the worker thread after its current
    /// step (state Stopped) and hands the trainer out; no thread of this controller touches it until
    /// continueRun(). Null without a run.
    std::shared_ptr<dl::Trainer> holdTrainer();
    /// Starts the worker again on the same trainer, up to the step budget (false without a run, or when its
    /// thread is alive).
    bool continueRun();

    State state() const { return mState; }
    /// A run whose thread is alive (running, paused or stopping).
    bool isActive() const;
    /// A trainer exists (its weights can be sampled, saved or continued). False while a new run's trainer
    /// is still being built.
    bool hasRun() const { return mTrainer != nullptr; }
    /// A run has started and its trainer is still being built on its thread.
    bool isBuilding() const { return isActive() && !mTrainer; }

    /// The latest snapshot of the current run (null without a run). Thread-safe in the trainer; cheap.
    std::shared_ptr<const dl::TrainingSnapshot> snapshot() const;
    /// Schedule of the current run (the one the model is trained with).
    std::optional<dl::Schedule> schedule() const;
    std::shared_ptr<const dl::DataSet> data() const { return mData; }
    /// The rows the model trains on: data() without the rows held out for the quality figure.
    std::shared_ptr<const dl::DataSet> trainingData() const { return mTrainingData; }
    const TrainingSettings& settings() const { return mSettings; }
    /// The step the current run started from: 0 for a fresh run, the model's steps for a continued one.
    int firstStep() const { return mFirstStep; }
    /// Everything to save: the full trainer state when the run's thread has ended, else from a snapshot.
    dl::ModelFile modelFile() const;

    const std::optional<TrainingProgress>& lastProgress() const { return mProgress; }
    const std::optional<TrainingQuality>& lastQuality() const { return mQuality; }
    /// Explanation of the last Diverged/Failed outcome (empty otherwise).
    QString lastMessage() const { return mMessage; }
    /// Training threads currently alive (0 or 1): for the no-leaked-thread tests.
    int liveThreadCount() const { return (mThread ? 1 : 0) + static_cast<int>(mRetired.size()); }

Q_SIGNALS:
    /// A run is about to start (start(), a continued run, continueRun()): whoever still works on the
    /// current trainer on a thread of its own (a narrated step) must let go of it before this returns,
    /// because a continued run reads it on the new run's thread.
    void runStarting();
    /// A new run's trainer has been built: hasRun(), snapshot(), schedule() and modelFile() describe it
    /// from now on. Not emitted by continueRun(), which keeps the trainer it had.
    void trainerReady();
    /// The run's state changed.
    void stateChanged(dlui::TrainingController::State state);
    /// Throttled progress from the worker.
    void progressReported(const dlui::TrainingProgress& progress);
    /// A new sample-quality measurement.
    void qualityMeasured(const dlui::TrainingQuality& quality);
    /// A run ended (budget reached, stopped, diverged or failed); the thread has been joined.
    void runEnded(dlui::TrainingOutcome outcome, const QString& message);

private:
    /// What the run's thread fills in before its first step.
    struct BuiltTrainer {
        std::shared_ptr<dl::Trainer> trainer;
    };
    using TrainerFactory = std::function<std::shared_ptr<dl::Trainer>()>;

    /// Starts the run's thread, which first calls build() (on that thread) and then steps the result.
    void launch(TrainerFactory build, bool held = false);
    TrainingJob makeJob(std::shared_ptr<BuiltTrainer> built, TrainerFactory build);
    /// Takes the trainer the run's thread has built, once that thread has reported it or has ended.
    void adoptBuiltTrainer();
    /// A continued run ended without building its trainer: the one it was to continue stays the run's.
    void keepReplacedTrainer();
    /// Validates and launches a continued run whose model file `file()` gives on the run's thread.
    bool resume(std::shared_ptr<const dl::DataSet> data, const dl::MlpConfig& model,
                const dl::TrainerConfig& trainer, int stepsDone,
                std::function<std::shared_ptr<const dl::ModelFile>()> file, int moreSteps,
                const TrainingSettings& settings, QString* error);
    void setState(State state);
    void onRunEnded(TrainingOutcome outcome, const QString& message);
    void joinThread();
    /// Asks the current worker to stop and lets its thread end on its own (never waits); the trainer
    /// stays with that thread, so the caller must replace or drop mTrainer.
    void retireRun();
    /// Sets mTrainingData and mHeldOut for a run on data (heldout.h).
    void holdOut(const std::shared_ptr<const dl::DataSet>& data, const TrainingSettings& settings,
                 std::uint64_t seed);

    std::shared_ptr<const dl::DataSet> mData;
    std::shared_ptr<const dl::DataSet> mTrainingData;
    dl::Batch mHeldOut;  ///< normalised rows of mData never trained on (finite data only)
    TrainingSettings mSettings;
    std::shared_ptr<dl::Trainer> mTrainer;
    std::shared_ptr<BuiltTrainer> mBuilt;  ///< what the current run's thread builds (null without one)
    /// A continued run's old trainer and what described it, until the new one is built.
    struct Replaced {
        std::shared_ptr<dl::Trainer> trainer;
        std::shared_ptr<const dl::DataSet> data, trainingData;
        dl::Batch heldOut;
        TrainingSettings settings;
        int firstStep;
    };
    std::optional<Replaced> mReplaced;
    int mFirstStep = 0;
    std::unique_ptr<QThread> mThread;
    TrainingWorker* mWorker = nullptr;  // lives in mThread, deleted after the thread is joined
    struct Retired {
        QThread* thread;
        TrainingWorker* worker;
    };
    std::vector<Retired> mRetired;  // runs asked to stop, whose threads have not ended yet
    State mState = State::Idle;
    quint64 mGeneration = 0;
    std::optional<TrainingProgress> mProgress;
    std::optional<TrainingQuality> mQuality;
    QString mMessage;
};

/// Words for a state, for the panel and the status bar ("training", "paused", …).
QString trainingStateName(TrainingController::State state);

}  // namespace dlui
