// Trains the denoiser ε_θ on a data set, one optimisation step at a time (Ho et al. 2020, Algorithm 1):
//   x_0 ~ data, t ~ U{1..T}, ε ~ N(0, I), x_t = √ᾱ_t x_0 + √(1−ᾱ_t) ε,
//   loss = mean ‖target − f_θ(x_t, t)‖² (L_simple, Eq. 14, for the ε target; x_0 or v likewise),
// then AdamW with warm-up and cosine decay, gradient clipping by global norm and an EMA of the weights.
//
// Threading: step() runs on one thread (a UI worker, say) and splits each batch across
// TrainerConfig::threads workers (data parallel, gradients summed in a fixed order, so a run is
// reproducible for a given seed and thread count). Each sample of each step draws from its own random
// stream, so the batches depend on the seed alone: not on the thread count, nor on whether the run was
// saved and resumed (restore()) on the way. snapshot() may be called from any thread at any
// time: it returns the latest published immutable snapshot (a shared_ptr copy under a mutex), which
// step() refreshes every snapshotIntervalMs of training.
//
//   dl::Trainer trainer(data, dl::Schedule(params), dl::defaultMlpConfig(), dl::defaultTrainerConfig());
//   while (trainer.stepsDone() < 5000) trainer.step();        // throws dl::TrainingDiverged
//   auto snap = trainer.snapshot();                            // EMA weights + loss history
//
// The same step can be taken one stage at a time, to narrate it (TrainingStage: draw x_0 and t, draw ε,
// form x_t, predict, take the loss and update). step() runs the same stages, the first four in one pass over
// the threads, so a step taken with five advanceStage() calls leaves the weights exactly where step() would:
//
//   while (trainer.advanceStage() != dl::TrainingStage::Update) showStage(trainer.stageView());
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/data/dataset.h"
#include "core/math/error.h"
#include "core/math/rng.h"
#include "core/math/schedule.h"
#include "core/model/mlp.h"
#include "core/training/losshistory.h"
#include "core/training/optimizer.h"

namespace dl {

class WorkerPool;

/// A step whose loss or gradients were NaN or infinite. The trainer keeps the weights of the last
/// good step (the failed update is not applied) and stays usable, e.g. with a lower learning rate.
/// A loss above this stops training as diverged: data and targets are normalised, so a network that
/// outputs zero scores about 1.
constexpr double kExplodedLoss = 1000.0;

class TrainingDiverged : public Error {
public:
    explicit TrainingDiverged(const std::string& message) : Error(message) {}
};

struct TrainerConfig {
    int batchSize = 32;
    int steps = 10000;             ///< length of the learning-rate schedule; step() may continue past it
    float learningRate = 1e-3f;    ///< peak learning rate, reached after the warm-up
    int warmupSteps = 100;         ///< linear warm-up from 0
    float minLearningRate = 0.1f;  ///< the cosine decay ends at this fraction of the peak
    float weightDecay = 0.0f;      ///< AdamW decoupled weight decay λ
    float beta1 = 0.9f;
    float beta2 = 0.999f;
    float gradClip = 1.0f;    ///< maximum global gradient norm; ≤ 0 disables clipping
    float emaDecay = 0.999f;  ///< EMA of the weights, used for sampling; 0 = EMA equals the weights
    std::uint64_t seed = 0;
    int threads = 1;              ///< data-parallel threads for each step
    int snapshotIntervalMs = 15;  ///< how often step() publishes a fresh snapshot

    bool operator==(const TrainerConfig&) const = default;
};

/// A message naming the first bad field and its allowed range, or nothing when valid.
std::optional<std::string> validateTrainerConfig(const TrainerConfig& config);

/// The stages of one training step, in the order they run (Ho et al. 2020, Algorithm 1).
enum class TrainingStage {
    DrawBatch,  ///< x_0 ~ data (with replacement) and t ~ U{1..T} for every row of the batch
    DrawNoise,  ///< ε ~ N(0, I)
    FormXt,     ///< x_t = √ᾱ_t x_0 + √(1−ᾱ_t) ε and the training target
    Predict,    ///< the network's prediction f_θ(x_t, t) and the gradient of the loss
    Update,     ///< loss = mean ‖target − f_θ‖², clip, AdamW, EMA: the step is done
};
constexpr int kTrainingStageCount = 5;

/// What the stages of the step under way have made so far (normalised coordinates), as a value.
struct TrainingStageView {
    TrainingStage stage = TrainingStage::DrawBatch;  ///< the stage just run
    int step = 0;                                    ///< the step's number, from 1
    Batch x0, eps, xt, target, prediction;           ///< B×d; empty until their stage has run
    std::vector<int> t;                              ///< B timesteps
    float loss = 0.0f;                               ///< after Update
    float learningRate = 0.0f;                       ///< after Update
};

/// What the UI and the model file need from a run, as an immutable value.
struct TrainingSnapshot {
    int step = 0;         ///< optimisation steps done
    int targetSteps = 0;  ///< TrainerConfig::steps
    MlpConfig config;
    ScheduleParams schedule;
    Eigen::VectorXf parameters;   ///< EMA weights, the ones to sample with
    LossHistory lossHistory;      ///< one value per step; shared with the trainer, not copied
    float learningRate = 0.0f;    ///< of the last step
    double stepsPerSecond = 0.0;  ///< recent speed, counting only time spent inside step()
};

class Trainer {
public:
    /// Validates everything (dl::Error names the bad value); the data set must have the model's
    /// dimension (the model's dataDim is taken from the data) and only finite values.
    Trainer(DataSet data, Schedule schedule, MlpConfig model, TrainerConfig config);
    ~Trainer();
    Trainer(const Trainer&) = delete;
    Trainer& operator=(const Trainer&) = delete;

    /// One optimisation step; returns its loss. Throws TrainingDiverged on a NaN/inf loss or gradient.
    /// A step begun with advanceStage() is finished (its remaining stages run), not started anew.
    float step();
    /// Runs the next stage of the step under way (starting a step when none is) and returns it; after
    /// TrainingStage::Update the step is complete. Throws as step() does (at Update).
    TrainingStage advanceStage();
    /// The stage advanceStage() runs next: DrawBatch between steps.
    TrainingStage nextStage() const { return mNextStage; }
    /// What the stages of the current (or just finished) step made, up to `stage`.
    TrainingStageView stageView() const;
    /// Steps done so far; safe to read from any thread.
    int stepsDone() const { return mStepsDone.load(std::memory_order_acquire); }

    /// The latest published snapshot. Thread-safe, never waits for a step.
    std::shared_ptr<const TrainingSnapshot> snapshot() const;
    /// Publishes a snapshot of the current state now (call it from the thread that runs step(), e.g.
    /// when pausing or stopping, so the UI sees the last step).
    void publishSnapshot();

    /// Continues a saved run: weights, EMA weights, optimizer moments, step count and loss history.
    /// Throws dl::Error if the sizes do not match this network.
    void restore(const Eigen::VectorXf& parameters, const Eigen::VectorXf& emaParameters,
                 const AdamWState& optimizer, int stepsDone, std::vector<float> lossHistory);

    // State of the run, for the thread that runs step() (e.g. to write a model file).
    const DataSet& data() const { return mData; }
    const Schedule& schedule() const { return mSchedule; }
    const MlpConfig& modelConfig() const { return mNet.config(); }
    const TrainerConfig& config() const { return mConfig; }
    const Eigen::VectorXf& parameters() const { return mNet.parameters(); }
    const Eigen::VectorXf& emaParameters() const { return mEma; }
    const AdamWState& optimizerState() const { return mAdam; }
    LossHistory lossHistory() const { return mLossLog.view(); }
    /// Learning rate of step number `step` (0-based) under this run's schedule.
    float learningRateAt(int step) const;

private:
    void runStage(TrainingStage stage);
    // The first three stages, over batch rows [begin, end).
    void drawRowsAndTimesteps(Eigen::Index begin, Eigen::Index end);
    void drawNoise(Eigen::Index begin, Eigen::Index end);
    void formNoisyPoints(Eigen::Index begin, Eigen::Index end);
    /// The first three stages over thread k's slice of the batch.
    void prepareSlice(int k);
    void predict(bool prepareSlices);
    float update();
    void computeSlice(int k);
    void reduceRange(int k);
    void updateRange(int k);

    DataSet mData;
    Schedule mSchedule;
    TrainerConfig mConfig;
    Mlp mNet;
    Eigen::VectorXf mEma;
    AdamWState mAdam;
    Rng mBatchStreams;             // the seed of every sample's stream (drawRowsAndTimesteps)
    std::vector<Rng> mSampleRngs;  // B: the stream of each sample of the step under way
    int mThreads = 1;
    std::unique_ptr<WorkerPool> mPool;

    // Per-step buffers, allocated once.
    Batch mX0, mEps, mXt, mTarget;                        // B×d row-major = d×B column-major
    Eigen::VectorXi mT;                                   // B
    Eigen::ArrayXf mA, mS;                                // √ᾱ_t and √(1−ᾱ_t) per sample
    Eigen::ArrayXf mSqrtAlphaBar, mSqrtOneMinusAlphaBar;  // per t = 0..T
    std::vector<Mlp::Workspace> mWorkspaces;              // one per thread
    std::vector<Eigen::VectorXf> mGrads;                  // one per thread; [0] holds the sum
    std::vector<Eigen::MatrixXf> mDy;                     // one per thread: d × slice
    std::vector<Eigen::Index> mSliceStart;                // K + 1 batch offsets
    std::vector<Eigen::Index> mRangeStart;                // K + 1 parameter offsets
    std::vector<double> mSliceLoss, mRangeNorm;           // per thread
    std::vector<double> mOwnNorm;                         // per thread: ‖g_k‖² of its own gradient
    // The step's gradient norm: exact with one thread; with several, Σ‖g_k‖ when that is enough for
    // clipping (mGradNormBounded), else from mRangeNorm.
    double mGradNorm = 0.0;
    bool mGradNormBounded = false;
    AdamWStep mUpdate;

    std::atomic<int> mStepsDone{0};
    LossLog mLossLog;
    float mLastLearningRate = 0.0f;
    TrainingStage mNextStage = TrainingStage::DrawBatch;
    TrainingStage mLastStage = TrainingStage::Update;  // the last stage run (Update: a step is complete)
    float mLastLoss = 0.0f;
    bool mStaged = false;  // a stage has run since construction or restore(): the buffers hold a batch

    // Snapshot publishing.
    mutable std::mutex mSnapshotMutex;
    std::shared_ptr<const TrainingSnapshot> mSnapshot;
    std::chrono::steady_clock::time_point mLastPublish;
    double mBusySeconds = 0.0;
    int mStepsAtPublish = 0;
    double mBusyAtPublish = 0.0;
    double mStepsPerSecond = 0.0;
};

}  // namespace dl
