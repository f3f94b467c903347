#include "core/training/trainer.h"

#include <algorithm>
#include <cmath>

#include "core/math/error.h"
#include "core/math/format.h"
#include "core/model/memorybudget.h"
#include "core/model/prediction.h"
#include "core/training/workerpool.h"

namespace dl {
std::optional<std::string> validateTrainerConfig(const TrainerConfig& c) {
    if (c.batchSize < 1 || c.batchSize > 1 << 20)
        return "batch size must be from 1 to 1048576, got " + std::to_string(c.batchSize);
    if (c.steps < 1) return "steps must be at least 1, got " + std::to_string(c.steps);
    if (!std::isfinite(c.learningRate) || c.learningRate <= 0.0f || c.learningRate > 10.0f)
        return "learning rate must be in (0, 10], got " + formatNumber(c.learningRate);
    if (c.warmupSteps < 0) return "warm-up steps must not be negative, got " + std::to_string(c.warmupSteps);
    if (!(c.minLearningRate >= 0.0f && c.minLearningRate <= 1.0f))
        return "minimum learning rate fraction must be in [0, 1], got " + formatNumber(c.minLearningRate);
    if (!(c.weightDecay >= 0.0f && c.weightDecay < 1.0f))
        return "weight decay must be in [0, 1), got " + formatNumber(c.weightDecay);
    if (!(c.beta1 >= 0.0f && c.beta1 < 1.0f)) return "beta1 must be in [0, 1), got " + formatNumber(c.beta1);
    if (!(c.beta2 >= 0.0f && c.beta2 < 1.0f)) return "beta2 must be in [0, 1), got " + formatNumber(c.beta2);
    if (!std::isfinite(c.gradClip)) return "gradient clip must be finite, got " + formatNumber(c.gradClip);
    if (!(c.emaDecay >= 0.0f && c.emaDecay < 1.0f))
        return "EMA decay must be in [0, 1), got " + formatNumber(c.emaDecay);
    if (c.threads < 1 || c.threads > 256)
        return "threads must be from 1 to 256, got " + std::to_string(c.threads);
    if (c.snapshotIntervalMs < 0)
        return "snapshot interval must not be negative, got " + std::to_string(c.snapshotIntervalMs);
    return std::nullopt;
}

namespace {

MlpConfig withDataDim(MlpConfig model, const DataSet& data, const TrainerConfig& config) {
    model.dataDim = data.dim();
    // Before the network allocates a single weight: sizes whose memory would pass the limit are refused.
    if (!validateMlpConfig(model))
        if (auto problem = checkTrainingMemory(model, config)) throw Error(*problem);
    return model;
}

DataSet& checkedData(DataSet& data) {
    if (data.size() < 1 || data.dim() < 1) throw Error("the training set is empty");
    if (!data.points.allFinite()) throw Error("the training set contains NaN or infinite values");
    return data;
}

const TrainerConfig& checkedConfig(const TrainerConfig& config) {
    if (auto problem = validateTrainerConfig(config)) throw Error(*problem);
    return config;
}

// Values per block of the fused gradient sum and norm: the K gradients' block and the sum share L1.
constexpr Eigen::Index kReduceBlock = 1024;

}  // namespace

Trainer::Trainer(DataSet data, Schedule schedule, MlpConfig model, TrainerConfig config)
    : mData(std::move(checkedData(data))),
      mSchedule(std::move(schedule)),
      mConfig(checkedConfig(config)),
      mNet(withDataDim(model, mData, config)),
      mBatchStreams(Rng(config.seed).split(2)) {
    // Separate streams for the initial weights and for the batches, so changing one leaves the other.
    Rng initRng = Rng(config.seed).split(1);
    mNet.initialise(initRng);
    mEma = mNet.parameters();
    mAdam = AdamWState(mNet.parameterCount());

    const int B = mConfig.batchSize, d = mData.dim(), T = mSchedule.T();
    mX0.resize(B, d);
    mEps.resize(B, d);
    mXt.resize(B, d);
    mTarget.resize(B, d);
    mT.resize(B);
    mA.resize(B);
    mS.resize(B);
    mSampleRngs.resize(B);
    mSqrtAlphaBar.resize(T + 1);
    mSqrtOneMinusAlphaBar.resize(T + 1);
    for (int t = 0; t <= T; ++t) {
        mSqrtAlphaBar[t] = static_cast<float>(mSchedule.sqrtAlphaBar(t));
        mSqrtOneMinusAlphaBar[t] = static_cast<float>(mSchedule.sqrtOneMinusAlphaBar(t));
    }

    // Thread k owns batch columns [sliceStart[k], sliceStart[k+1]) and parameters
    // [rangeStart[k], rangeStart[k+1]) (multiples of 16 floats, so no two threads share a cache line).
    mThreads = std::min(mConfig.threads, B);
    const Eigen::Index P = mNet.parameterCount();
    for (int k = 0; k <= mThreads; ++k) {
        mSliceStart.push_back(static_cast<Eigen::Index>(B) * k / mThreads);
        const Eigen::Index r = (P * k / mThreads) / 16 * 16;
        mRangeStart.push_back(k == mThreads ? P : r);
    }
    mWorkspaces.resize(mThreads);
    mGrads.resize(mThreads);  // each allocated by its thread at its first step (computeSlice)
    for (int k = 0; k < mThreads; ++k) mDy.emplace_back(d, mSliceStart[k + 1] - mSliceStart[k]);
    mSliceLoss.assign(mThreads, 0.0);
    mRangeNorm.assign(mThreads, 0.0);
    mOwnNorm.assign(mThreads, 0.0);
    // The gradient sum and AdamW run on the pool as well, each thread over its parameter range: for the
    // default network they are ~0.1 ms of a ~0.75 ms step, and left on the calling thread they would cap
    // two threads at ≈ 1.6× (Amdahl). A hand-off to a worker that is spinning costs about a microsecond;
    // one the scheduler has not woken yet costs nothing, because the caller claims its part (workerpool.h).
    if (mThreads > 1) mPool = std::make_unique<WorkerPool>(mThreads);

    mUpdate.beta1 = mConfig.beta1;
    mUpdate.beta2 = mConfig.beta2;
    mUpdate.weightDecay = mConfig.weightDecay;
    mLossLog.reserve(static_cast<std::size_t>(mConfig.steps));
    publishSnapshot();
}

Trainer::~Trainer() = default;

float Trainer::learningRateAt(int step) const {
    return dl::learningRateAt(step, mConfig.learningRate, mConfig.warmupSteps, mConfig.steps,
                              mConfig.minLearningRate);
}

void Trainer::drawRowsAndTimesteps(Eigen::Index begin, Eigen::Index end) {
    // Each sample of each step has its own random stream, numbered step·B + b: the batch is the same
    // whichever thread draws which rows (so the threads draw their own), and a resumed run draws the
    // batches an unbroken one would. Rows are drawn with replacement.
    const int B = mConfig.batchSize, N = mData.size(), T = mSchedule.T();
    const auto first = static_cast<std::uint64_t>(mStepsDone.load(std::memory_order_relaxed)) * B;
    for (Eigen::Index b = begin; b < end; ++b) {
        Rng& rng = mSampleRngs[b];
        rng = mBatchStreams.split(first + static_cast<std::uint64_t>(b));
        mX0.row(b) = mData.points.row(rng.uniformInt(0, N - 1));
        mT[b] = rng.uniformInt(1, T);
        mA[b] = mSqrtAlphaBar[mT[b]];
        mS[b] = mSqrtOneMinusAlphaBar[mT[b]];
    }
}

void Trainer::drawNoise(Eigen::Index begin, Eigen::Index end) {
    // ε of sample b continues sample b's stream, after its row and t.
    for (Eigen::Index b = begin; b < end; ++b) mSampleRngs[b].fillNormal(mEps.row(b));
}

void Trainer::formNoisyPoints(Eigen::Index begin, Eigen::Index end) {
    // x_t = √ᾱ_t x_0 + √(1−ᾱ_t) ε (Ho et al. 2020, Eq. 4), each row with its own t.
    const Eigen::Index n = end - begin;
    const auto a = mA.segment(begin, n), s = mS.segment(begin, n);
    mXt.middleRows(begin, n).array() =
        mX0.middleRows(begin, n).array().colwise() * a + mEps.middleRows(begin, n).array().colwise() * s;
    trainingTarget(mNet.config().target, mX0.middleRows(begin, n), mEps.middleRows(begin, n), a, s,
                   mTarget.middleRows(begin, n));
}

void Trainer::prepareSlice(int k) {
    const Eigen::Index begin = mSliceStart[k], end = mSliceStart[k + 1];
    drawRowsAndTimesteps(begin, end);
    drawNoise(begin, end);
    formNoisyPoints(begin, end);
}

void Trainer::predict(bool prepareSlices) {
    // prepareSlices: each thread first draws and forms its own samples, where they are used, instead of the
    // calling thread drawing all of them while the others wait (2–3 % of a two-thread step at batch 128).
    if (mPool) {
        mPool->run([this, prepareSlices](int k) {
            if (prepareSlices) prepareSlice(k);
            computeSlice(k);  // also sets mOwnNorm[k]
        });
        // ‖Σ g_k‖ ≤ Σ ‖g_k‖ (the triangle inequality). When that bound is already below the clipping
        // threshold, clipping leaves the gradient as it is and its exact norm is not needed: the sweep that
        // reads every thread's gradient to measure it, and its hand-off, are skipped. With the default
        // preset that is 98 % of the steps (the bound is ≈ 1.34 times the norm, the norm mostly ≈ 0.4).
        // The margin keeps a norm that rounding puts a hair above the bound from being clipped elsewhere.
        double bound = 0.0;
        for (int k = 0; k < mThreads; ++k) bound += std::sqrt(mOwnNorm[k]);
        mGradNormBounded = mConfig.gradClip > 0.0f && bound <= 0.999 * mConfig.gradClip;
        if (mGradNormBounded) mGradNorm = bound;
        if (!mGradNormBounded || mThreads > 2) mPool->run([this](int k) { reduceRange(k); });
    } else {
        if (prepareSlices) prepareSlice(0);
        computeSlice(0);  // also sets mOwnNorm[0], the norm of the whole gradient
        mGradNormBounded = false;
        mGradNorm = std::sqrt(mOwnNorm[0]);
    }
}

void Trainer::computeSlice(int k) {
    // Thread k: forward and backward over its columns of the batch, gradient into mGrads[k].
    const Eigen::Index start = mSliceStart[k], n = mSliceStart[k + 1] - start;
    const Eigen::Index d = mData.dim();
    Mlp::Workspace& ws = mWorkspaces[k];
    // The gradient's fresh pages are faulted in here, on its own thread, not where the trainer is made: that
    // is the window's thread, and for a 2.3M-parameter network two gradients cost it ~60 ms.
    if (mGrads[k].size() == 0) mGrads[k].setZero(mNet.parameterCount());
    mNet.forward(mNet.parameters().data(), mXt.data() + start * d, mT.data() + start, n, ws, true);
    // loss = 1/(B·d) Σ (y − target)²; dL/dy = 2(y − target)/(B·d), over the whole batch.
    Eigen::MatrixXf& dy = mDy[k];
    dy = ws.output() - Eigen::Map<const Eigen::MatrixXf>(mTarget.data() + start * d, d, n);
    mSliceLoss[k] = static_cast<double>(dy.squaredNorm());
    dy *= 2.0f / static_cast<float>(mConfig.batchSize * d);
    // The norm of this thread's gradient, summed inside the backward pass block by block while each is in
    // cache: with one thread it is the gradient's norm, with several it bounds the sum's (predict).
    mNet.backward(mNet.parameters().data(), dy.data(), ws, mGrads[k].data(), nullptr, &mOwnNorm[k]);
}

void Trainer::reduceRange(int k) {
    // Over parameter range k: the squared norm of the summed gradient, block by block while each block is
    // in L1, unless predict() found the bound enough. The sum itself is not stored; AdamW adds thread 0's
    // gradient to thread 1's as it reads them (updateRange). Written here, the summed lines would have to
    // be taken back by the thread whose gradient held them before its next backward pass could write
    // there: with two threads on cores far apart that cost 3 % of the step, and two threads write nothing
    // here at all. More threads first add theirs into thread 1's gradient, in thread order.
    const Eigen::Index end = mRangeStart[k + 1];
    double norm = 0.0;
    for (Eigen::Index start = mRangeStart[k]; start < end; start += kReduceBlock) {
        const Eigen::Index n = std::min(kReduceBlock, end - start);
        Eigen::Map<Eigen::VectorXf> others(mGrads[1].data() + start, n);
        for (int j = 2; j < mThreads; ++j)
            others += Eigen::Map<const Eigen::VectorXf>(mGrads[j].data() + start, n);
        if (mGradNormBounded) continue;
        const auto sum = Eigen::Map<const Eigen::VectorXf>(mGrads[0].data() + start, n) + others;
        norm += static_cast<double>(sum.squaredNorm());  // float within a block, double across blocks
    }
    mRangeNorm[k] = norm;
}

void Trainer::updateRange(int k) {
    // One thread: its gradient is the whole one. Several: thread 0's plus the others' sum (reduceRange).
    adamwUpdate(mAdam, mNet.parameters().data(), mGrads[0].data(), mRangeStart[k], mRangeStart[k + 1],
                mUpdate, mEma.data(), mThreads > 1 ? mGrads[1].data() : nullptr);
}

float Trainer::update() {
    const int stepIndex = mStepsDone.load(std::memory_order_relaxed);
    double lossSum = 0.0, normSquared = 0.0;
    for (int k = 0; k < mThreads; ++k) {
        lossSum += mSliceLoss[k];
        normSquared += mRangeNorm[k];
    }
    const double loss = lossSum / (static_cast<double>(mConfig.batchSize) * mData.dim());
    // Several threads: the exact norm from reduceRange, or the bound that made it unnecessary (predict).
    const double gradNorm = mThreads > 1 && !mGradNormBounded ? std::sqrt(normSquared) : mGradNorm;
    if (!std::isfinite(loss) || !std::isfinite(gradNorm)) {
        publishSnapshot();
        const double bad = std::isfinite(loss) ? gradNorm : loss;
        throw TrainingDiverged("training diverged at step " + std::to_string(stepIndex + 1) + ": the " +
                               (std::isfinite(loss) ? "gradient norm" : "loss") + " is " +
                               (std::isnan(bad) ? "not a number" : "infinite") +
                               "; the weights of the last good step are kept (try a lower learning rate)");
    }
    // A finite loss can blow up too: at learning rate 1 it reached 10⁶–10⁸ and then sat near 1.0, a network
    // that predicts nothing, with nothing said. Data and targets are normalised (a network that outputs
    // zero scores about 1), so a loss past kExplodedLoss is a run that has left the rails.
    if (loss > kExplodedLoss) {
        publishSnapshot();
        throw TrainingDiverged("training diverged at step " + std::to_string(stepIndex + 1) +
                               ": the loss reached " + formatNumber(loss, 3) + ", over " +
                               formatNumber(kExplodedLoss, 6) +
                               " times what a network that outputs zero scores; the weights of the last good "
                               "step are kept (try a lower learning rate)");
    }

    mUpdate.t = stepIndex + 1;
    mUpdate.learningRate = learningRateAt(stepIndex);
    mUpdate.gradScale = clipScale(gradNorm, mConfig.gradClip);
    mUpdate.emaDecay = emaDecayAt(mUpdate.t, mConfig.emaDecay);
    if (mPool)
        mPool->run([this](int k) { updateRange(k); });
    else
        for (int k = 0; k < mThreads; ++k) updateRange(k);

    mLastLearningRate = mUpdate.learningRate;
    mLastLoss = static_cast<float>(loss);
    mLossLog.append(mLastLoss);
    mStepsDone.store(stepIndex + 1, std::memory_order_release);
    return mLastLoss;
}

void Trainer::runStage(TrainingStage stage) {
    // A diverged update leaves no step under way: the next call starts a fresh one.
    mNextStage = TrainingStage::DrawBatch;
    switch (stage) {
        case TrainingStage::DrawBatch:
            drawRowsAndTimesteps(0, mConfig.batchSize);
            break;
        case TrainingStage::DrawNoise:
            drawNoise(0, mConfig.batchSize);
            break;
        case TrainingStage::FormXt:
            formNoisyPoints(0, mConfig.batchSize);
            break;
        case TrainingStage::Predict:
            predict(false);
            break;
        case TrainingStage::Update:
            update();
            break;
    }
    mLastStage = stage;
    mStaged = true;
    mNextStage = stage == TrainingStage::Update ? TrainingStage::DrawBatch
                                                : static_cast<TrainingStage>(static_cast<int>(stage) + 1);
}

float Trainer::step() {
    // The same stages advanceStage() runs one at a time; a step it began is finished here.
    const auto started = std::chrono::steady_clock::now();
    if (mNextStage == TrainingStage::DrawBatch) {
        // A whole step: the first four stages in one pass over the threads, with the same numbers.
        predict(true);
        mLastStage = TrainingStage::Predict;
        mStaged = true;
        mNextStage = TrainingStage::Update;
    }
    do {
        runStage(mNextStage);
    } while (mLastStage != TrainingStage::Update);
    const auto finished = std::chrono::steady_clock::now();
    mBusySeconds += std::chrono::duration<double>(finished - started).count();
    if (finished - mLastPublish >= std::chrono::milliseconds(mConfig.snapshotIntervalMs) ||
        stepsDone() == mConfig.steps)
        publishSnapshot();
    return mLastLoss;
}

TrainingStage Trainer::advanceStage() {
    const TrainingStage stage = mNextStage;
    if (stage == TrainingStage::Update) {
        step();  // the last stage, with step()'s own bookkeeping (timing, snapshot)
        return stage;
    }
    runStage(stage);
    return stage;
}

TrainingStageView Trainer::stageView() const {
    TrainingStageView v;
    v.stage = mLastStage;
    const bool complete = mLastStage == TrainingStage::Update;
    v.step = stepsDone() + (complete ? 0 : 1);
    if (!mStaged) return v;
    const int ran = static_cast<int>(mLastStage);
    if (ran >= static_cast<int>(TrainingStage::DrawBatch)) {
        v.x0 = mX0;
        v.t.assign(mT.data(), mT.data() + mT.size());
    }
    if (ran >= static_cast<int>(TrainingStage::DrawNoise)) v.eps = mEps;
    if (ran >= static_cast<int>(TrainingStage::FormXt)) {
        v.xt = mXt;
        v.target = mTarget;
    }
    if (ran >= static_cast<int>(TrainingStage::Predict)) {
        // Each thread's slice of f_θ(x_t, t), d×n column-major in its workspace = n×d row-major.
        const Eigen::Index d = mData.dim();
        v.prediction.resize(mConfig.batchSize, d);
        for (int k = 0; k < mThreads; ++k) {
            const Eigen::Index start = mSliceStart[k], n = mSliceStart[k + 1] - start;
            Eigen::Map<Eigen::MatrixXf>(v.prediction.data() + start * d, d, n) = mWorkspaces[k].output();
        }
    }
    if (complete) {
        v.loss = mLastLoss;
        v.learningRate = mLastLearningRate;
    }
    return v;
}

void Trainer::publishSnapshot() {
    auto snap = std::make_shared<TrainingSnapshot>();
    snap->step = mStepsDone.load(std::memory_order_relaxed);
    snap->targetSteps = mConfig.steps;
    snap->config = mNet.config();
    snap->schedule = mSchedule.params();
    snap->parameters = mEma;
    snap->lossHistory = mLossLog.view();  // O(1): a view, not a copy of every step
    snap->learningRate = mLastLearningRate;
    const int steps = snap->step - mStepsAtPublish;
    const double busy = mBusySeconds - mBusyAtPublish;
    if (steps > 0 && busy > 0.0) mStepsPerSecond = steps / busy;
    snap->stepsPerSecond = mStepsPerSecond;
    mStepsAtPublish = snap->step;
    mBusyAtPublish = mBusySeconds;
    mLastPublish = std::chrono::steady_clock::now();
    std::shared_ptr<const TrainingSnapshot> published = std::move(snap);
    std::lock_guard<std::mutex> lock(mSnapshotMutex);
    mSnapshot.swap(published);
    // The old snapshot (in `published`) is released after the lock, outside the critical section.
}

std::shared_ptr<const TrainingSnapshot> Trainer::snapshot() const {
    std::lock_guard<std::mutex> lock(mSnapshotMutex);
    return mSnapshot;
}

void Trainer::restore(const Eigen::VectorXf& parameters, const Eigen::VectorXf& emaParameters,
                      const AdamWState& optimizer, int stepsDone, std::vector<float> lossHistory) {
    const Eigen::Index P = mNet.parameterCount();
    if (parameters.size() != P || emaParameters.size() != P || optimizer.m.size() != P ||
        optimizer.v.size() != P)
        throw Error("saved training state has " + std::to_string(parameters.size()) +
                    " parameters, the network needs " + std::to_string(P));
    if (stepsDone < 0) throw Error("saved step count must not be negative, got " + std::to_string(stepsDone));
    mNet.setParameters(parameters);
    mEma = emaParameters;
    mAdam = optimizer;
    mLossLog.assign(lossHistory);
    mLossLog.reserve(static_cast<std::size_t>(std::max(mConfig.steps, stepsDone)));
    mStepsDone.store(stepsDone, std::memory_order_release);
    mStepsAtPublish = stepsDone;
    mLastLearningRate = learningRateAt(std::max(0, stepsDone - 1));
    mNextStage = TrainingStage::DrawBatch;
    mLastStage = TrainingStage::Update;
    mStaged = false;
    publishSnapshot();
}

}  // namespace dl
