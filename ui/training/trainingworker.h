// Runs training steps in a worker thread until the step budget is reached or the user stops it
// (Qt's Mandelbrot example pattern: the loop checks an atomic stop flag between steps, pausing waits
// on a condition variable, the controller owns the thread and ends it with quit(); wait()).
//
// The worker knows training only through a TrainingJob of plain callbacks, built by TrainingController
// over a dl::Trainer; the GUI reads weights and loss history from the trainer's own thread-safe
// snapshot() on a timer, so the only signals are throttled progress values and the end of the run.
//
//   auto* worker = new dlui::TrainingWorker(job);   // moved to the controller's thread
//   QMetaObject::invokeMethod(worker, &dlui::TrainingWorker::run, Qt::QueuedConnection);
//   worker->requestPause(true);  // from any thread
//   worker->requestStop();
#pragma once

#include <QMetaType>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QWaitCondition>
#include <atomic>
#include <functional>
#include <optional>

namespace dlui {

/// A sample-quality figure: sliced Wasserstein distance between samples of the model and the data, next to
/// the same distance between two independent draws of the data (the floor a perfect model would reach).
struct TrainingQuality {
    int step = 0;
    double distance = 0.0;
    double floor = 0.0;
    int samples = 0;
    bool heldOut = false;  ///< compared with rows held out of finite data (else a fresh draw of the shape)
};

/// What the worker reports a few times a second.
struct TrainingProgress {
    int step = 0;        ///< steps done in total
    int totalSteps = 0;  ///< the budget
    float loss = 0.0f;   ///< loss of the last step
    double stepsPerSecond = 0.0;
    double etaSeconds = 0.0;  ///< time left at the current speed
};

/// The training the worker runs, as callbacks it calls from its own thread.
struct TrainingJob {
    /// Optional: builds what the steps run on, once, in the worker's thread before the first step (a large
    /// image network takes most of a second to allocate and initialise). Returns the steps already taken,
    /// which replaces stepsDone. An exception ends the run as Failed.
    std::function<int()> prepare;
    /// One step: draws a batch, updates the weights, returns the loss. Throws dl::TrainingDiverged on a
    /// NaN/inf loss (the trainer keeps its last good weights) and dl::Error for anything else.
    std::function<float()> step;
    /// Optional: publishes the trainer's snapshot; called when pausing and when the loop ends, so the GUI
    /// sees the very last step.
    std::function<void()> publish;
    int stepsDone = 0;   ///< steps the trainer had already taken
    int totalSteps = 0;  ///< run until this many steps in total
    /// Optional: measures sample quality of the current weights; should return early (nullopt) once
    /// *cancel becomes true. Called every qualityIntervalSeconds and at the end of the budget.
    std::function<std::optional<TrainingQuality>(const std::atomic<bool>* cancel)> measureQuality;
    double qualityIntervalSeconds = 2.0;
    /// Minimum time between progress signals.
    int progressIntervalMs = 100;
};

enum class TrainingOutcome {
    Finished,  ///< the step budget was reached
    Stopped,   ///< the user (or a data change, or closing the window) stopped it
    Diverged,  ///< the loss became NaN/inf; the trainer kept its last good weights
    Failed,    ///< any other error
};

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    explicit TrainingWorker(TrainingJob job, QObject* parent = nullptr);

    /// Thread-safe. Ends run() after the current step (also when paused).
    void requestStop();
    /// Thread-safe. While paused, run() waits between steps without using the CPU.
    void requestPause(bool paused);
    bool isStopRequested() const { return mStop.load(); }

    /// The training loop; runs in the worker thread until the budget is reached, stop is requested or
    /// the step throws. Emits runEnded() exactly once.
    void run();

Q_SIGNALS:
    /// prepare() has returned: step() and publish() can be called from now on.
    void prepared();
    /// Throttled progress (at most one per progressIntervalMs, and one at the end).
    void progressReported(const dlui::TrainingProgress& progress);
    /// A new sample-quality measurement.
    void qualityMeasured(const dlui::TrainingQuality& quality);
    /// The worker acknowledged a pause (true) or resumed (false).
    void pausedChanged(bool paused);
    /// The loop ended; message explains Diverged and Failed outcomes.
    void runEnded(dlui::TrainingOutcome outcome, const QString& message, int stepsDone);

private:
    /// Runs the job's prepare(), if any. On failure emits runEnded(Failed) and returns false.
    bool prepare(int* stepsDone);
    /// Blocks while paused; returns false when a stop was requested.
    bool waitWhilePaused();

    TrainingJob mJob;
    std::atomic<bool> mStop{false};
    std::atomic<bool> mPause{false};
    QMutex mMutex;
    QWaitCondition mResumed;
};

}  // namespace dlui

Q_DECLARE_METATYPE(dlui::TrainingProgress)
Q_DECLARE_METATYPE(dlui::TrainingQuality)
Q_DECLARE_METATYPE(dlui::TrainingOutcome)
