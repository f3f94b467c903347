#include "ui/training/trainingcontroller.h"

#include <algorithm>

#include "core/data/heldout.h"
#include "core/math/rng.h"
#include "core/model/modelpredictor.h"
#include "core/sampling/metrics.h"
#include "core/sampling/samplers.h"
#include "core/training/modelquality.h"
#include "core/training/presets.h"
#include "core/training/workerpool.h"
#include "ui/i18n/coremessages.h"

namespace dlui {

TrainingSettings TrainingSettings::defaults() {
    TrainingSettings s;
    s.model = dl::defaultMlpConfig();
    s.trainer = dl::defaultTrainerConfig();
    // All cores: the training worker runs at low priority, so the window still gets its share.
    s.trainer.threads = dl::defaultThreadCount();
    return s;
}

QString trainingStateName(TrainingController::State state) {
    switch (state) {
        case TrainingController::State::Idle:
            return TrainingController::tr("not trained");
        case TrainingController::State::Running:
            return TrainingController::tr("training");
        case TrainingController::State::Paused:
            return TrainingController::tr("paused");
        case TrainingController::State::Stopping:
            return TrainingController::tr("stopping");
        case TrainingController::State::Finished:
            return TrainingController::tr("finished");
        case TrainingController::State::Stopped:
            return TrainingController::tr("stopped");
        case TrainingController::State::Diverged:
            return TrainingController::tr("diverged");
        case TrainingController::State::Failed:
            return TrainingController::tr("failed");
    }
    return {};
}

TrainingController::TrainingController(QObject* parent) : QObject(parent) {
    qRegisterMetaType<dlui::TrainingController::State>();
}

TrainingController::~TrainingController() {
    // Whoever listens may already be half destroyed (the window closing): end the run without signals.
    blockSignals(true);
    stopAndWait();
    for (const Retired& r : mRetired) {
        r.worker->requestStop();
        r.thread->wait();
        delete r.worker;
        delete r.thread;
    }
}

void TrainingController::retireRun() {
    if (!mThread) return;
    mWorker->requestStop();
    ++mGeneration;  // whatever it still has queued for us is ignored
    Retired r{mThread.release(), mWorker};
    mWorker = nullptr;
    mBuilt.reset();  // the retired run's callbacks keep what they build
    // The event loop ends once run() has returned (after the current step), and the thread with it.
    r.thread->quit();
    connect(r.thread, &QThread::finished, this, [this, r] {
        r.thread->wait();  // finished is emitted just before the thread returns: at most a moment
        delete r.worker;
        delete r.thread;
        std::erase_if(mRetired, [&r](const Retired& x) { return x.thread == r.thread; });
    });
    mRetired.push_back(r);
    if (isActive()) setState(State::Stopped);
}

bool TrainingController::isActive() const {
    return mState == State::Running || mState == State::Paused || mState == State::Stopping;
}

void TrainingController::setState(State state) {
    if (mState == state) return;
    mState = state;
    Q_EMIT stateChanged(state);
}

bool TrainingController::start(std::shared_ptr<const dl::DataSet> data, const dl::Schedule& schedule,
                               const TrainingSettings& settings, QString* error, bool held) {
    auto fail = [&](const QString& message) {
        if (error) *error = message;
        return false;
    };
    if (!data || data->size() == 0) return fail(tr("There are no data to train on."));
    if (auto problem = dl::validateTrainerConfig(settings.trainer)) return fail(coreMessage(*problem));
    dl::MlpConfig model = settings.model;
    model.dataDim = data->dim();
    if (auto problem = dl::validateMlpConfig(model)) return fail(coreMessage(*problem));
    Q_EMIT runStarting();
    retireRun();
    mTrainer.reset();  // the retired thread keeps its own reference until it ends
    mReplaced.reset();
    try {
        holdOut(data, settings, settings.trainer.seed);
    } catch (const std::exception& e) {
        return fail(coreMessage(e.what()));
    }
    mData = std::move(data);
    mSettings = settings;
    mSettings.model = model;
    mFirstStep = 0;
    mProgress.reset();
    mQuality.reset();
    mMessage.clear();
    launch(
        [trainingData = mTrainingData, schedule, model, config = settings.trainer] {
            return std::make_shared<dl::Trainer>(*trainingData, schedule, model, config);
        },
        held);
    return true;
}

bool TrainingController::resumeFromFile(std::shared_ptr<const dl::DataSet> data,
                                        std::shared_ptr<const dl::ModelFile> file, int moreSteps,
                                        const TrainingSettings& settings, QString* error) {
    if (!file) {
        if (error) *error = tr("There is no model to continue.");
        return false;
    }
    return resume(
        std::move(data), file->model, file->trainer, file->step, [file] { return file; }, moreSteps, settings,
        error);
}

bool TrainingController::continueTraining(std::shared_ptr<const dl::DataSet> data, int moreSteps,
                                          const TrainingSettings& settings, QString* error) {
    if (!mTrainer || mThread || !mData) {
        if (error) *error = tr("There is no finished run to continue.");
        return false;
    }
    // The thread has ended, so nothing else touches the trainer: its full state goes into the file, on the
    // new run's thread (for a large network that copy is most of a second too).
    std::shared_ptr<dl::Trainer> old = mTrainer;
    Replaced before{mTrainer, mData, mTrainingData, mHeldOut, mSettings, mFirstStep};
    const bool launched = resume(
        std::move(data), mSettings.model, mSettings.trainer, mTrainer->stepsDone(),
        [old, heldOut = mHeldOut, seed = mSettings.trainer.seed] {
            dl::Rng rng(seed + 3);
            auto file = std::make_shared<dl::ModelFile>(dl::modelFileFromTrainer(*old, rng));
            file->heldOutSample = heldOut;
            return std::shared_ptr<const dl::ModelFile>(std::move(file));
        },
        moreSteps, settings, error);
    if (launched) mReplaced = std::move(before);
    return launched;
}

bool TrainingController::resume(std::shared_ptr<const dl::DataSet> data, const dl::MlpConfig& model,
                                const dl::TrainerConfig& trainer, int stepsDone,
                                std::function<std::shared_ptr<const dl::ModelFile>()> file, int moreSteps,
                                const TrainingSettings& settings, QString* error) {
    auto fail = [&](const QString& message) {
        if (error) *error = message;
        return false;
    };
    if (!data || data->dim() != model.dataDim)
        return fail(tr("The model was trained on data of dimension %1; the current data have dimension %2.")
                        .arg(model.dataDim)
                        .arg(data ? data->dim() : 0));
    TrainingSettings s = settings;
    s.model = model;
    s.trainer = trainer;
    s.trainer.threads = settings.trainer.threads;
    s.trainer.steps = std::max(trainer.steps, stepsDone + std::max(1, moreSteps));
    Q_EMIT runStarting();  // before `file` reads the old trainer on the new run's thread
    retireRun();
    mTrainer.reset();
    mReplaced.reset();
    try {
        holdOut(data, s, s.trainer.seed);  // the seed of the file's run: the same rows as before stay out
    } catch (const std::exception& e) {
        return fail(coreMessage(e.what()));
    }
    mData = std::move(data);
    mSettings = s;
    mFirstStep = stepsDone;
    mProgress.reset();
    mQuality.reset();
    mMessage.clear();
    launch([trainingData = mTrainingData, file = std::move(file), config = s.trainer] {
        const std::shared_ptr<const dl::ModelFile> f = file();
        auto trainer =
            std::make_shared<dl::Trainer>(*trainingData, dl::Schedule(f->schedule), f->model, config);
        dl::AdamWState optimizer = f->optimizer;
        if (optimizer.m.size() != f->parameters.size()) optimizer = dl::AdamWState(f->parameters.size());
        trainer->restore(f->parameters, f->emaParameters, optimizer, f->step, f->lossHistory);
        return trainer;
    });
    return true;
}

TrainingJob TrainingController::makeJob(std::shared_ptr<BuiltTrainer> built, TrainerFactory build) {
    // Every callback runs on the run's thread, and prepare() before any other: they read built->trainer
    // with no lock.
    TrainingJob job;
    job.prepare = [built, build = std::move(build)] {
        built->trainer = build();
        return built->trainer->stepsDone();
    };
    job.step = [built] { return built->trainer->step(); };
    job.publish = [built] { built->trainer->publishSnapshot(); };
    job.totalSteps = mSettings.trainer.steps;
    job.qualityIntervalSeconds = mSettings.qualityIntervalSeconds;
    if (!mSettings.measureQuality || mData->isImage() || mData->size() < 4) return job;

    // Samples are judged against data the model never saw: a fresh draw of a built-in shape, or the rows
    // held out of finite data in holdOut(). The floor is an independent draw of the same (modelquality.h).
    const int samples = std::max(mSettings.qualitySamples, 2);
    auto reference = std::make_shared<const dl::QualityReference>(
        dl::canDrawAgain(*mData)
            ? dl::freshDrawReference(mData->name, mData->norm, samples, mSettings.trainer.seed + 1)
            : dl::heldOutReference(mHeldOut, samples, mSettings.trainer.seed));
    if (!reference->valid()) return job;
    const std::uint64_t seed = mSettings.trainer.seed;
    job.measureQuality = [built, reference, data = mData,
                          seed](const std::atomic<bool>* cancel) -> std::optional<TrainingQuality> {
        built->trainer->publishSnapshot();
        const std::shared_ptr<const dl::TrainingSnapshot> snap = built->trainer->snapshot();
        const dl::Schedule schedule(snap->schedule);
        const dl::Denoiser eps = dl::makeModelDenoiser(snap->config, snap->parameters, schedule);
        // The CLI's quality sampler (x̂_0 clipped to the data's range: with zero terminal SNR the first x̂_0
        // multiplies the network's error ×4096, and unclipped it read SW₂ 43 under clean samples), over at
        // most 100 steps so that a check during training stays short.
        dl::SamplerParams params = dl::qualitySamplerParams(data->points);
        params.steps = std::min(schedule.T(), 100);
        dl::Rng rng(seed + 7919u * std::uint64_t(snap->step));
        try {
            const int n = static_cast<int>(reference->floor.rows());
            const dl::SampleResult r = dl::sampleFromNoise(
                schedule, eps, n, static_cast<int>(reference->floor.cols()), params, rng, cancel);
            if (!r.samples.allFinite()) return std::nullopt;
            dl::Rng metricRng(seed + 17);  // the same directions every time, so the figures compare
            const dl::QualityReport q =
                dl::compareToData(r.samples, reference->reference, reference->floor, metricRng, 64);
            TrainingQuality out;
            out.step = snap->step;
            out.distance = q.swd;
            out.floor = q.swdFloor;
            out.samples = n;
            out.heldOut = reference->heldOut;
            return out;
        } catch (const dl::SamplingCancelled&) {
            return std::nullopt;
        }
    };
    return job;
}

void TrainingController::launch(TrainerFactory build, bool held) {
    mThread = std::make_unique<QThread>();
    mThread->setObjectName(QStringLiteral("dl-training"));
    mBuilt = std::make_shared<BuiltTrainer>();
    mWorker = new TrainingWorker(makeJob(mBuilt, std::move(build)));
    mWorker->moveToThread(mThread.get());
    // Signals of a run that was joined early (stopAndWait) may still be queued; the generation tells them
    // apart.
    const quint64 generation = ++mGeneration;
    connect(mWorker, &TrainingWorker::prepared, this, [this, generation] {
        if (generation == mGeneration) adoptBuiltTrainer();
    });
    connect(mWorker, &TrainingWorker::progressReported, this, [this, generation](const TrainingProgress& p) {
        if (generation != mGeneration) return;
        mProgress = p;
        Q_EMIT progressReported(p);
    });
    connect(mWorker, &TrainingWorker::qualityMeasured, this, [this, generation](const TrainingQuality& q) {
        if (generation != mGeneration) return;
        mQuality = q;
        Q_EMIT qualityMeasured(q);
    });
    connect(mWorker, &TrainingWorker::runEnded, this,
            [this, generation](TrainingOutcome outcome, const QString& message, int) {
                if (generation == mGeneration && mThread) onRunEnded(outcome, message);
            });
    // Held before the thread starts: pausing it afterwards let a step through whenever the window's
    // thread was late to ask (the network built faster than the window came back).
    if (held) mWorker->requestPause(true);
    mThread->start();
    QMetaObject::invokeMethod(mWorker, &TrainingWorker::run, Qt::QueuedConnection);
    setState(held ? State::Paused : State::Running);
}

void TrainingController::adoptBuiltTrainer() {
    if (!mBuilt || !mBuilt->trainer || mBuilt->trainer == mTrainer) return;
    mTrainer = mBuilt->trainer;
    mReplaced.reset();
    Q_EMIT trainerReady();
}

void TrainingController::keepReplacedTrainer() {
    if (!mTrainer && mReplaced) {
        mTrainer = std::move(mReplaced->trainer);
        mData = std::move(mReplaced->data);
        mTrainingData = std::move(mReplaced->trainingData);
        mHeldOut = std::move(mReplaced->heldOut);
        mSettings = std::move(mReplaced->settings);
        mFirstStep = mReplaced->firstStep;
    }
    mReplaced.reset();
}

void TrainingController::pause() {
    if (mState != State::Running || !mWorker) return;
    mWorker->requestPause(true);
    setState(State::Paused);
}

void TrainingController::resume() {
    if (mState != State::Paused || !mWorker) return;
    mWorker->requestPause(false);
    setState(State::Running);
}

void TrainingController::stop() {
    if (!mWorker || (mState != State::Running && mState != State::Paused)) return;
    mWorker->requestStop();
    setState(State::Stopping);
}

void TrainingController::stopAndWait() {
    if (!mThread) return;
    if (mWorker) mWorker->requestStop();
    joinThread();
    ++mGeneration;        // whatever the joined worker still had queued for us is now ignored
    adoptBuiltTrainer();  // its report of the built trainer among them
    keepReplacedTrainer();
    if (isActive()) setState(State::Stopped);
    if (mTrainer)
        mTrainer->publishSnapshot();  // the thread is joined, so this is the only thread touching it
}

void TrainingController::joinThread() {
    if (!mThread) return;
    mThread->quit();
    mThread->wait();
    // The thread has finished: deleting its object from here is safe (nothing else can touch it).
    delete mWorker;
    mWorker = nullptr;
    mThread.reset();
}

void TrainingController::onRunEnded(TrainingOutcome outcome, const QString& message) {
    joinThread();
    adoptBuiltTrainer();  // already taken when prepared() came first, as it does
    keepReplacedTrainer();
    mMessage = message;
    switch (outcome) {
        case TrainingOutcome::Finished:
            setState(State::Finished);
            break;
        case TrainingOutcome::Stopped:
            setState(State::Stopped);
            break;
        case TrainingOutcome::Diverged:
            setState(State::Diverged);
            break;
        case TrainingOutcome::Failed:
            setState(State::Failed);
            break;
    }
    Q_EMIT runEnded(outcome, message);
}

void TrainingController::reset() {
    retireRun();
    mTrainer.reset();
    mReplaced.reset();
    mData.reset();
    mTrainingData.reset();
    mHeldOut = dl::Batch();
    mProgress.reset();
    mQuality.reset();
    mMessage.clear();
    setState(State::Idle);
}

std::shared_ptr<dl::Trainer> TrainingController::holdTrainer() {
    stopAndWait();
    return mTrainer;
}

bool TrainingController::continueRun() {
    if (!mTrainer || mThread) return false;
    Q_EMIT runStarting();
    mMessage.clear();
    launch([trainer = mTrainer] { return trainer; });
    return true;
}

std::shared_ptr<const dl::TrainingSnapshot> TrainingController::snapshot() const {
    return mTrainer ? mTrainer->snapshot() : nullptr;
}

std::optional<dl::Schedule> TrainingController::schedule() const {
    if (!mTrainer) return std::nullopt;
    return mTrainer->schedule();
}

dl::ModelFile TrainingController::modelFile() const {
    if (!mTrainer || !mData) throw dl::Error("there is no trained model to save");
    dl::Rng rng(mSettings.trainer.seed + 3);
    dl::ModelFile file =
        !mThread ? dl::modelFileFromTrainer(*mTrainer, rng)  // no step can be running: the full state
                 : dl::modelFileFromSnapshot(*mTrainer->snapshot(), *mTrainingData, mSettings.trainer, rng);
    file.heldOutSample = mHeldOut;
    return file;
}

void TrainingController::holdOut(const std::shared_ptr<const dl::DataSet>& data,
                                 const TrainingSettings& settings, std::uint64_t seed) {
    // Finite 2D data cannot be drawn again: a random part stays out of training for the quality figure.
    if (settings.measureQuality && !data->isImage() && !dl::canDrawAgain(*data)) {
        dl::HeldOutSplit split = dl::splitHeldOut(*data, seed);
        mTrainingData = std::make_shared<const dl::DataSet>(std::move(split.training));
        mHeldOut = std::move(split.heldOut);
    } else {
        mTrainingData = data;  // shared, not copied: images can be tens of megabytes
        mHeldOut = dl::Batch();
    }
}

}  // namespace dlui
