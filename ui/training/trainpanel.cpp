#include "ui/training/trainpanel.h"

#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>
#include <utility>

#include "core/training/presets.h"
#include "ui/document/labdocument.h"
#include "ui/i18n/coremessages.h"
#include "ui/i18n/durationtext.h"
#include "ui/training/lossplot.h"
#include "ui/training/trainingpresets.h"
#include "ui/widgets/discardkey.h"
#include "ui/widgets/readabletext.h"

namespace dlui {

namespace {

constexpr int kPollMs = 33;  // ~30 Hz

}  // namespace

TrainPanel::TrainPanel(LabDocument* document, TrainingController* controller, QWidget* parent)
    : QWidget(parent), mDocument(document), mController(controller) {
    setObjectName(QStringLiteral("trainPanel"));
    mBase = TrainingSettings::defaults();
    buildUi();
    setSettings(mBase);
    applyDataDefaults();

    mPollTimer.setInterval(kPollMs);
    connect(&mPollTimer, &QTimer::timeout, this, &TrainPanel::poll);
    connect(mController, &TrainingController::stateChanged, this, &TrainPanel::onStateChanged);
    connect(mController, &TrainingController::qualityMeasured, this, &TrainPanel::onQuality);
    connect(mController, &TrainingController::runEnded, this, &TrainPanel::onRunEnded);
    connect(mController, &TrainingController::trainerReady, this, &TrainPanel::onTrainerReady);
    // A step taken by hand (the narrated training step) installs the held run's weights with no poll
    // running: the figures follow them, or the status bar kept the live run's last step.
    connect(mDocument, &LabDocument::modelChanged, this, [this] {
        if (!mController->isActive() && mController->hasRun() &&
            mDocument->model() == mController->snapshot())
            poll();
    });
    connect(&mModelFileJob, &LatestJob::failed, this, [this](quint64, const QString& message) {
        // The model in the window is still there: its line comes back ("finished · step 5,000 / 5,000"
        // went blank after a damaged file was refused).
        mStatus->setText(mStatusBeforeReading);
        updateButtons();
        Q_EMIT modelFileFailed(mModelFileLoading, message, false);
    });
    connect(this, &TrainPanel::modelFileFailed, this, [this](const QString&, const QString& message, bool) {
        if (std::exchange(mModelFileDialog, false))
            QMessageBox::warning(this, tr("Load model"), tr("Could not load the model:\n%1").arg(message));
    });
    connect(this, &TrainPanel::modelFileLoaded, this, [this] { mModelFileDialog = false; });
    connect(&mModelSaveJob, &LatestJob::failed, this,
            [this](quint64, const QString& message) { Q_EMIT modelSaveFailed(mModelSaving, message); });
    connect(this, &TrainPanel::modelSaveFailed, this, [this](const QString& path, const QString& message) {
        // "saving …" goes. Not back to the line from before the save: that could be "saved · OTHER" from an
        // earlier save, which read as if this one had worked.
        if (!mController->isActive()) showLine(mStatus, tr("not saved · %1").arg(QFileInfo(path).fileName()));
        // The status bar too: it still read "Saved the model to …" from an earlier save.
        Q_EMIT statusMessageChanged(tr("Could not save the model to %1").arg(QDir::toNativeSeparators(path)));
        QMessageBox::warning(this, tr("Save model"), tr("Could not save the model:\n%1").arg(message));
    });
    connect(mDocument, &LabDocument::dataSetChanged, this, &TrainPanel::onDataSetChanged);
    connect(mDocument, &LabDocument::scheduleChanged, this, &TrainPanel::updateScheduleLabel);
    connect(mDocument, &LabDocument::modelChanged, this, [this] {
        updateScheduleLabel();
        updateButtons();
        // A model installed from elsewhere (a session) shows its loss history.
        if (!mController->hasRun()) {
            if (const auto model = mDocument->model())
                mLossPlot->setLosses(model->lossHistory);
            else
                mLossPlot->clear();
        }
    });
    updateButtons();
    updateScheduleLabel();
}

TrainPanel::~TrainPanel() = default;

void TrainPanel::showLine(QLabel* label, const QString& text) {
    // An empty line is hidden, not left as a blank row: the layout would still put its spacing around it,
    // a gap at the top of the panel while nothing is training.
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

void TrainPanel::buildUi() {
    auto* layout = new QVBoxLayout(this);

    // Two label–field pairs per row, so the loss curve stays in view in a dock of ordinary height.
    auto* settingsBox = new QGroupBox(tr("Model and training"), this);
    auto* grid = new QGridLayout(settingsBox);
    mWidth = new QSpinBox(settingsBox);
    mWidth->setObjectName(QStringLiteral("trainWidth"));
    mWidth->setRange(8, 2048);
    mWidth->setSingleStep(16);
    mWidth->setToolTip(tr("Hidden width of every layer of the MLP ε_θ(x_t, t)"));
    mDepth = new QSpinBox(settingsBox);
    mDepth->setObjectName(QStringLiteral("trainDepth"));
    mDepth->setRange(1, 16);
    mDepth->setToolTip(tr("Residual blocks after the input layer"));
    mFeatures = new QSpinBox(settingsBox);
    mFeatures->setObjectName(QStringLiteral("trainFeatures"));
    mFeatures->setRange(0, 512);
    mFeatures->setSingleStep(2);
    mFeatures->setSpecialValueText(tr("raw"));
    mFeatures->setToolTip(tr("Sinusoidal features per coordinate (even); 0 feeds the raw coordinates"));
    mLearningRate = new QDoubleSpinBox(settingsBox);
    mLearningRate->setObjectName(QStringLiteral("trainLearningRate"));
    mLearningRate->setDecimals(5);
    mLearningRate->setRange(1e-5, 1.0);
    mLearningRate->setSingleStep(1e-4);
    mLearningRate->setToolTip(tr("Peak learning rate of AdamW (after warm-up, then cosine decay)"));
    mBatch = new QSpinBox(settingsBox);
    mBatch->setObjectName(QStringLiteral("trainBatch"));
    mBatch->setRange(1, 65536);
    mBatch->setToolTip(tr("Samples per training step"));
    mSteps = new QSpinBox(settingsBox);
    mSteps->setObjectName(QStringLiteral("trainSteps"));
    mSteps->setRange(1, 10'000'000);
    mSteps->setSingleStep(1000);
    mSteps->setGroupSeparatorShown(true);
    mSteps->setToolTip(tr("Step budget: training stops after this many steps"));
    mSeed = new QSpinBox(settingsBox);
    mSeed->setObjectName(QStringLiteral("trainSeed"));
    mSeed->setRange(0, 1'000'000'000);
    mSeed->setToolTip(tr("Seed of the initial weights and of the batches"));
    mPreset = new QComboBox(settingsBox);
    mPreset->setObjectName(QStringLiteral("trainPreset"));
    QStringList presetTips;
    for (const TrainingPreset& preset : pointTrainingPresets()) {
        mPreset->addItem(preset.label());
        presetTips << tr("%1: %2").arg(preset.name, preset.description);
    }
    // The last item stands for settings no preset gives (a preset's time would be wrong for them).
    mPreset->addItem(tr("Custom"));
    // One message with the presets' lines as its argument, so the language switch can re-word it.
    mPreset->setToolTip(tr("Network and step budget for 2D points; the time is for two free cores.\n%1")
                            .arg(presetTips.join(QLatin1Char('\n'))));
    connect(mPreset, &QComboBox::activated, this, &TrainPanel::applyPreset);
    for (QSpinBox* box : {mWidth, mDepth, mFeatures, mBatch, mSteps})
        connect(box, &QSpinBox::valueChanged, this, &TrainPanel::showMatchingPreset);
    connect(mLearningRate, &QDoubleSpinBox::valueChanged, this, &TrainPanel::showMatchingPreset);
    auto addPair = [&](int row, int column, const QString& label, QWidget* field) {
        auto* l = new QLabel(label, settingsBox);
        l->setBuddy(field);
        grid->addWidget(l, row, column * 2);
        // Spin boxes size themselves for their largest value (10,000,000 steps); let them shrink instead.
        field->setMinimumWidth(64);
        grid->addWidget(field, row, column * 2 + 1);
    };
    addPair(0, 0, tr("&Width"), mWidth);
    addPair(0, 1, tr("&Depth"), mDepth);
    addPair(1, 0, tr("Feat&ures"), mFeatures);
    addPair(1, 1, tr("Seed"), mSeed);
    addPair(2, 0, tr("LR"), mLearningRate);
    addPair(2, 1, tr("&Batch"), mBatch);
    addPair(3, 0, tr("&Steps"), mSteps);
    addPair(3, 1, tr("&Preset"), mPreset);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    mLearningRate->setToolTip(tr("Learning rate: %1").arg(mLearningRate->toolTip()));

    auto* buttons = new QHBoxLayout;
    mTrain = new QPushButton(tr("Train"), this);
    mTrain->setObjectName(QStringLiteral("trainButton"));
    mTrain->setToolTip(tr("Train a fresh model on the current data with the editor's schedule (Ctrl+T)"));
    mPause = new QPushButton(tr("Pause"), this);
    mPause->setObjectName(QStringLiteral("pauseButton"));
    mStop = new QPushButton(tr("Stop"), this);
    mStop->setObjectName(QStringLiteral("stopButton"));
    mStop->setToolTip(tr("Stop after the current step and keep the weights"));
    buttons->addWidget(mTrain);
    buttons->addWidget(mPause);
    buttons->addWidget(mStop);
    layout->addLayout(buttons);
    auto* buttons2 = new QHBoxLayout;
    mContinue = new QPushButton(tr("Continue"), this);
    mContinue->setObjectName(QStringLiteral("continueButton"));
    mContinue->setToolTip(tr("Train the current model for another step budget"));
    mReset = new QPushButton(tr("Reset"), this);
    mReset->setObjectName(QStringLiteral("resetButton"));
    mReset->setToolTip(tr("Forget the trained model"));
    buttons2->addWidget(mContinue);
    buttons2->addWidget(mReset);
    layout->addLayout(buttons2);
    auto* files = new QHBoxLayout;
    mSave = new QPushButton(tr("Save model…"), this);
    mSave->setObjectName(QStringLiteral("saveModelButton"));
    mLoad = new QPushButton(tr("Load model…"), this);
    mLoad->setObjectName(QStringLiteral("loadModelButton"));
    files->addWidget(mSave);
    files->addWidget(mLoad);
    layout->addLayout(files);

    mLossPlot = new LossPlot(this);
    mLossPlot->setObjectName(QStringLiteral("lossPlot"));

    mStatus = new QLabel(this);
    mStatus->setObjectName(QStringLiteral("trainStatus"));
    mSpeed = new QLabel(this);
    mSpeed->setObjectName(QStringLiteral("trainSpeed"));
    mQuality = new QLabel(this);
    mQuality->setObjectName(QStringLiteral("trainQuality"));
    mQuality->setToolTip(
        tr("Sliced Wasserstein distance between samples of the model and data it never saw (a "
           "fresh draw of a built-in shape, or 20% of other data held out of training), next to "
           "the same distance for an independent draw of them (what a perfect model would reach)"));
    mScheduleLabel = new QLabel(this);
    mScheduleLabel->setWordWrap(true);
    mError = new QLabel(this);
    mError->setObjectName(QStringLiteral("trainError"));
    mError->setWordWrap(true);
    setReadableTextColor(mError, kErrorTextColor);
    mError->hide();
    for (QLabel* l : {mStatus, mSpeed, mQuality, mScheduleLabel}) {
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->setWordWrap(true);  // long figures must not widen the dock
        l->hide();             // until showLine gives it a text
    }
    showLine(mStatus, idleStatusText());  // the state line is a key readout: it always says something
    // Problems, the buttons, the progress and the loss curve go on top, above the fold of a short dock
    // (the window sizes the dock for them: TrainingAndSampling::fitLeftColumn); the settings follow. The
    // buttons come before the progress lines: below them, the lines that appear when a run starts (and
    // the quality line wrapping mid-run) moved the Stop button away from the pointer, and scrolled the
    // dock to keep the focused Pause in view.
    layout->insertWidget(0, mError);
    int next = layout->indexOf(files) + 1;
    for (QWidget* w : std::initializer_list<QWidget*>{mStatus, mSpeed, mQuality})
        layout->insertWidget(next++, w);
    layout->insertWidget(next++, mLossPlot, 1);
    layout->insertWidget(next++, settingsBox);
    layout->addWidget(mScheduleLabel);

    connect(mTrain, &QPushButton::clicked, this, &TrainPanel::train);
    connect(mPause, &QPushButton::clicked, this, &TrainPanel::togglePause);
    connect(mStop, &QPushButton::clicked, this, &TrainPanel::stop);
    connect(mReset, &QPushButton::clicked, this, &TrainPanel::reset);
    connect(mContinue, &QPushButton::clicked, this, &TrainPanel::continueTraining);
    connect(mSave, &QPushButton::clicked, this, &TrainPanel::saveModel);
    connect(mLoad, &QPushButton::clicked, this, &TrainPanel::loadModel);
}

int TrainPanel::heightThroughLossCurve() const {
    QLayout* column = layout();
    int height = column->contentsMargins().top();
    for (int i = 0; i < column->count(); ++i) {
        QLayoutItem* item = column->itemAt(i);
        QWidget* widget = item->widget();
        if (widget == mError) continue;  // only with a problem, which the person reads first
        auto* line = qobject_cast<QLabel*>(widget);
        // The progress lines are hidden until a run shows them; the quality line wraps to two.
        if (line == mStatus || line == mSpeed)
            height += line->fontMetrics().lineSpacing() + column->spacing();
        else if (line == mQuality)
            height += 2 * line->fontMetrics().lineSpacing() + column->spacing();
        else if (!item->isEmpty())
            height += item->sizeHint().height() + column->spacing();
        if (widget == mLossPlot) break;
    }
    return height;
}

int TrainPanel::lossCurveGive() const {
    return std::max(0, mLossPlot->sizeHint().height() - mLossPlot->minimumSizeHint().height());
}

TrainingSettings TrainPanel::settings() const {
    TrainingSettings s = mBase;
    s.model.hidden = mWidth->value();
    s.model.layers = mDepth->value();
    s.model.inputFeatures = mFeatures->value() / 2 * 2;
    s.trainer.learningRate = static_cast<float>(mLearningRate->value());
    s.trainer.batchSize = mBatch->value();
    s.trainer.steps = mSteps->value();
    s.trainer.seed = static_cast<std::uint64_t>(mSeed->value());
    return s;
}

void TrainPanel::setSettings(const TrainingSettings& s) {
    mBase = s;
    mWidth->setValue(s.model.hidden);
    mDepth->setValue(s.model.layers);
    mFeatures->setValue(s.model.inputFeatures);
    mLearningRate->setValue(s.trainer.learningRate);
    mBatch->setValue(s.trainer.batchSize);
    mSteps->setValue(s.trainer.steps);
    mSeed->setValue(static_cast<int>(std::min<std::uint64_t>(s.trainer.seed, 1'000'000'000)));
}

void TrainPanel::applyDataDefaults() {
    // Images train on raw pixels (sinusoidal features per pixel would make the input layer huge) with a
    // wider network: the core's image preset.
    const auto data = mDocument->dataSet();
    const bool images = data && data->isImage();
    mPreset->setEnabled(!images);  // the presets are for 2D points; images have their own defaults
    if (images == mImageDefaults) return;
    mImageDefaults = images;
    TrainingSettings s = settings();
    const dl::MlpConfig preset = images ? dl::defaultImageMlpConfig(data->dim()) : dl::defaultMlpConfig();
    const dl::TrainerConfig trainer =
        images ? dl::defaultImageTrainerConfig(data->dim()) : dl::defaultTrainerConfig();
    s.trainer.batchSize = trainer.batchSize;
    s.trainer.learningRate = trainer.learningRate;
    s.model.hidden = preset.hidden;
    s.model.layers = preset.layers;
    s.model.inputFeatures = preset.inputFeatures;
    s.model.timeEmbedding = preset.timeEmbedding;
    setSettings(s);
    showMatchingPreset();
}

QString TrainPanel::idleStatusText() {
    return tr("not trained yet · Train (Ctrl+T) starts a run");
}

void TrainPanel::applyPreset(int index) {
    const std::vector<TrainingPreset> presets = pointTrainingPresets();
    if (index < 0 || index >= static_cast<int>(presets.size())) {  // "Custom": nothing to apply
        showMatchingPreset();
        return;
    }
    setSettings(presets[static_cast<std::size_t>(index)].appliedTo(settings()));
}

void TrainPanel::showMatchingPreset() {
    const TrainingSettings s = settings();
    const std::vector<TrainingPreset> presets = pointTrainingPresets();
    int index = static_cast<int>(presets.size());  // Custom
    for (std::size_t i = 0; i < presets.size(); ++i) {
        const TrainingSettings withPreset = presets[i].appliedTo(s);
        if (withPreset.model == s.model && withPreset.trainer == s.trainer) {
            index = static_cast<int>(i);
            break;
        }
    }
    mPreset->setCurrentIndex(index);
}

QString TrainPanel::statusText() const {
    return mStatus->text();
}
QString TrainPanel::errorText() const {
    return mError->isVisible() || !mError->text().isEmpty() ? mError->text() : QString();
}

void TrainPanel::showError(const QString& message) {
    mError->setText(message);
    mError->setVisible(!message.isEmpty());
    if (!message.isEmpty()) Q_EMIT problemReported(message);
}

bool TrainPanel::askToDiscard() {
    const bool trained = mController->hasRun() || mDocument->hasModel();
    if (!mAskBeforeDiscard || !trained || mDocument->isModelSaved()) return true;
    QMessageBox box(QMessageBox::Question, tr("Discard the model?"),
                    tr("The trained model has not been saved. Discard it and start again?"),
                    QMessageBox::Discard | QMessageBox::Cancel, this);
    giveDiscardItsAccessKey(box);
    box.setDefaultButton(QMessageBox::Cancel);
    return box.exec() == QMessageBox::Discard;
}

void TrainPanel::train() {
    startFreshRun(false);
}

void TrainPanel::trainHeld() {
    startFreshRun(true);
}

void TrainPanel::startFreshRun(bool held) {
    if (mController->isActive() || !askToDiscard()) return;
    applyDataDefaults();
    showError(QString());
    mLoaded.reset();
    QString error;
    if (!mController->start(mDocument->dataSet(), mDocument->schedule(), settings(), &error, held)) {
        showError(tr("Cannot train: %1").arg(error));
        return;
    }
    mPolledStep = -1;
    mPolledSnapshot.reset();
    mLossPlot->clear();
    showLine(mSpeed, QString());  // the replaced model's loss stayed there while the network was built
    // The last figure belongs to the previous model: never show it next to the new run.
    showQualityPending();
    // The model this run replaces goes now, with the samples it drew; the new one comes in
    // onTrainerReady(), once the run's thread has built it.
    mDocument->clearModel();
    mPushed.reset();
    mDocument->clearSamples();
    poll();
}

void TrainPanel::continueTraining() {
    if (mController->isActive()) return;
    showError(QString());
    QString error;
    const bool ok =
        mController->hasRun()
            ? mController->continueTraining(mDocument->dataSet(), mSteps->value(), settings(), &error)
            : mController->resumeFromFile(mDocument->dataSet(), mLoaded, mSteps->value(), settings(), &error);
    if (!ok) showError(tr("Cannot continue training: %1").arg(error));
    poll();
}

void TrainPanel::onTrainerReady() {
    // A fresh run's step-0 weights, or the continued file's: the document's model from now on, unless the
    // data changed while the network was being built (the model would be marked as trained on them).
    const auto snap = mController->snapshot();
    const std::optional<dl::Schedule> schedule = mController->schedule();
    if (snap && schedule && mController->data() == mDocument->dataSet()) {
        mDocument->setModel(snap, *schedule);
        mPushed = snap;
    }
    // A continued file is the run's now; until here a failure to build the run left it to continue or save.
    mLoaded.reset();
    updateButtons();
    poll();
}

void TrainPanel::togglePause() {
    if (mController->state() == TrainingController::State::Running)
        mController->pause();
    else if (mController->state() == TrainingController::State::Paused)
        mController->resume();
}

void TrainPanel::stop() {
    mController->stop();
}

void TrainPanel::reset() {
    if (!askToDiscard()) return;
    mController->reset();
    mLoaded.reset();
    mDocument->clearModel();
    mLossPlot->clear();
    showError(QString());
    showLine(mQuality, QString());
    showLine(mSpeed, QString());
    showLine(mStatus, idleStatusText());
    Q_EMIT statusMessageChanged(QString());  // the status bar's figures were the forgotten run's
    mPolledStep = -1;
    mPolledSnapshot.reset();
    updateButtons();
}

void TrainPanel::installModelInDocument() {
    if (!mController->hasRun()) return;
    const auto snap = mController->snapshot();
    if (!snap || snap == mDocument->model() || mController->data() != mDocument->dataSet()) return;
    // The document holds the model of record. Its first snapshot installs this run's model; later ones
    // only advance its weights.
    if (mDocument->model() && mDocument->model() == mPushed.lock())
        mDocument->updateModel(snap);
    else
        mDocument->setModel(snap, *mController->schedule());
    mPushed = snap;
}

void TrainPanel::poll() {
    const auto snap = mController->snapshot();
    if (!snap && mController->isBuilding()) {
        // Allocating and initialising a large image network takes most of a second.
        showLine(mStatus, tr("%1 · building the network…").arg(trainingStateName(mController->state())));
        Q_EMIT statusMessageChanged(mStatus->text());
        return;
    }
    if (!snap) return;
    if (snap != mPolledSnapshot.lock() || snap->step != mPolledStep) {
        mPolledSnapshot = snap;
        mPolledStep = snap->step;
        mLossPlot->extendLosses(snap->lossHistory);
    }
    const QLocale locale;
    const QString state = trainingStateName(mController->state());
    // A continued run's budget counts from the model's first step, so "step 1,009 / 5,015" after Continue
    // at step 15 read as an odd goal: the line says where the run took over.
    const QString step = locale.toString(snap->step);
    const QString goal = locale.toString(mController->settings().trainer.steps);
    // Narrated steps after a finished run go past its budget: "step 20,001 / 20,000" read as a miscount.
    if (snap->step > mController->settings().trainer.steps)
        showLine(mStatus, tr("%1 · step %2 (%3 planned)").arg(state, step, goal));
    else if (const int first = mController->firstStep(); first > 0)
        showLine(mStatus,
                 tr("%1 · step %2 / %3 (continued from %4)").arg(state, step, goal, locale.toString(first)));
    else
        showLine(mStatus, tr("%1 · step %2 / %3").arg(state, step, goal));
    // Speed and ETA only while steps are being made: paused, they stood frozen ("ETA 6 s" for minutes).
    const bool running = mController->state() == TrainingController::State::Running;
    if (const auto& p = mController->lastProgress(); p && running) {
        showLine(mSpeed, tr("%1 steps/s · ETA %2 · loss %3")
                             .arg(locale.toString(p->stepsPerSecond, 'f', 0), durationText(p->etaSeconds))
                             .arg(mLossPlot->smoothedLoss(), 0, 'g', 3));
    } else if (std::isfinite(mLossPlot->smoothedLoss())) {
        showLine(mSpeed, tr("loss %1 (smoothed)").arg(mLossPlot->smoothedLoss(), 0, 'g', 3));
    }
    const QString eta = running && mController->lastProgress()
                            ? tr(" · ETA %1").arg(durationText(mController->lastProgress()->etaSeconds))
                            : QString();
    // The speed only while the run goes on: after Stop, "stopped 1,234 steps · 341 steps/s" read as a
    // speed still being made (and paused, as one frozen). None where none was measured either (a step taken
    // by hand): "0 steps/s" read as a stalled run. "step N" rather than "N steps", which read "1 steps" after
    // a narrated step.
    const double rate =
        running && mController->lastProgress() ? mController->lastProgress()->stepsPerSecond : 0.0;
    const QString speed = rate >= 0.5 ? tr(" · %1 steps/s").arg(locale.toString(rate, 'f', 0)) : QString();
    // No loss before the first step ("loss nan" when a narrated step holds a fresh run at step 0). The
    // template keeps words of its own: the live language switch matches texts against templates, and a
    // bare "%1 %2 steps%3%4" matched the presets' tooltip. The optional speed and ETA come last, side by
    // side: after the step number the switch could not tell where "5,000" ended and read "第 步5,000".
    const double loss = mLossPlot->smoothedLoss();
    if (std::isfinite(loss))
        Q_EMIT statusMessageChanged(tr("%1 · step %2 · loss %4%3%5")
                                        .arg(state, locale.toString(snap->step), speed)
                                        .arg(loss, 0, 'g', 3)
                                        .arg(eta));
    else
        Q_EMIT statusMessageChanged(
            tr("%1 · step %2 · no loss yet%3%4").arg(state, locale.toString(snap->step), speed, eta));
    // Each new snapshot goes into the document, where sampling, overlays and sessions read it.
    installModelInDocument();
}

void TrainPanel::onStateChanged(TrainingController::State state) {
    if (mController->isActive()) {
        if (!mPollTimer.isActive()) mPollTimer.start();
    } else {
        mPollTimer.stop();
    }
    if (state == TrainingController::State::Paused)
        mPause->setText(tr("Resume"));
    else
        mPause->setText(tr("Pause"));
    // A run that ended (or is held for a narrated step) before its first measurement measures nothing more;
    // one that goes on again (after a narrated step) measures again.
    if (mQuality->text() == (mController->isActive() ? notMeasuredText() : measuringText()))
        showQualityPending();
    updateButtons();
    poll();
}

void TrainPanel::showQualityPending() {
    if (mDocument->dataSet() && mDocument->dataSet()->isImage()) {
        showLine(mQuality, QString());
        return;
    }
    showLine(mQuality, mController->isActive() ? measuringText() : notMeasuredText());
}

QString TrainPanel::measuringText() {
    return tr("quality: measuring the new model…");
}

QString TrainPanel::notMeasuredText() {
    return tr("quality: not measured for this model yet");
}

QString TrainPanel::qualityText() const {
    return mQuality->text();
}

void TrainPanel::onQuality(const TrainingQuality& q) {
    // The floor is the same distance between two independent draws of the data: what a perfect model
    // would reach. The tooltip says where the unseen data come from (a fresh draw or held-out rows).
    const QString unseen = q.heldOut ? tr("held-out data") : tr("new data");
    QString line;
    if (q.floor > 0) {
        // Both distances come from a finite draw: a model can land below the floor by chance (a 1,000-row
        // CSV compares 100 samples with 100 held-out rows, and read "so ×0.6"), never by being better than
        // perfect. Below the floor the line says so without a ratio that flatters.
        const double ratio = q.distance / q.floor;
        const QString verdict =
            ratio < 1.0 ? tr("as close as it, within the noise") : tr("so ×%1").arg(ratio, 0, 'f', 1);
        line = tr("quality at step %1: SW₂ %2 to %3 (a perfect model ≈ %4, %5)")
                   .arg(QLocale().toString(q.step))
                   .arg(q.distance, 0, 'g', 3)
                   .arg(unseen)
                   .arg(q.floor, 0, 'g', 3)
                   .arg(verdict);
    } else {
        line = tr("quality at step %1: SW₂ %2 to %3 (the unseen points are all one point)")
                   .arg(QLocale().toString(q.step))
                   .arg(q.distance, 0, 'g', 3)
                   .arg(unseen);
    }
    // Under a few hundred points the distances wander by tens of per cent from one check to the next (the
    // window draws 400 for a built-in shape; a 1,000-row CSV has 200 held-out rows, half of them for each).
    constexpr int kRoughBelowSamples = 300;
    if (q.samples > 0 && q.samples < kRoughBelowSamples)
        line += tr(" · only %1 unseen points, so rough").arg(QLocale().toString(q.samples));
    showLine(mQuality, line);
}

void TrainPanel::onRunEnded(TrainingOutcome outcome, const QString& message) {
    poll();
    installModelInDocument();
    if (outcome == TrainingOutcome::Diverged)
        showError(asSentence(message));  // the core's message says "training diverged at step …" itself
    else if (outcome == TrainingOutcome::Failed)
        showError(tr("Training failed: %1").arg(message));
    updateButtons();
}

void TrainPanel::onDataSetChanged() {
    // A run on the old data cannot go on: end it cleanly now (at most one step), keep its weights as the
    // document's model (which is then marked as trained on other data).
    if (mController->isActive()) {
        mController->stopAndWait();
        showError(tr("Training stopped: the data changed. The model keeps what it learned so far."));
    }
    // A figure measured against the old data says nothing about the new ones. The run's own data again
    // (a lesson closed gives back the data it replaced, drawn anew) make its figure hold again: the line
    // said "for other data" after a lesson that left the data as they were.
    if (const auto& last = mController->lastQuality(); last && runsOwnDataShown())
        onQuality(*last);
    else if (!mQuality->text().isEmpty())
        showLine(mQuality, tr("quality: the last figure was for other data; train to measure again"));
    applyDataDefaults();
    updateButtons();
    updateScheduleLabel();
}

bool TrainPanel::runsOwnDataShown() const {
    const auto run = mController->data(), shown = mDocument->dataSet();
    if (!run || !shown) return false;
    if (run == shown) return true;
    return run->name == shown->name && run->points.rows() == shown->points.rows() &&
           run->points.cols() == shown->points.cols() && run->points == shown->points;
}

void TrainPanel::updateButtons() {
    const auto state = mController->state();
    const bool active = mController->isActive();
    // A button disabled while it has the keyboard focus hands it to the next one in the tab chain (Train
    // and Continue to Reset, Stop to Reset): it goes instead to the button that now stops or starts the
    // run. Between Stop and the end of the run neither is enabled; the focus waits where Qt put it, unless
    // the person moves it. The window's focus child, not hasFocus(): after the Discard question the window
    // is not active again yet.
    const QWidget* focused = window()->focusWidget();
    const bool runButtonHadFocus =
        focused && (focused == mTrain || focused == mContinue || focused == mPause || focused == mStop);
    const bool focusWaits = mFocusParkedOn && focused == mFocusParkedOn;
    mTrain->setEnabled(!active);
    mPause->setEnabled(state == TrainingController::State::Running ||
                       state == TrainingController::State::Paused);
    mStop->setEnabled(state == TrainingController::State::Running ||
                      state == TrainingController::State::Paused);
    mContinue->setEnabled(!active && (mController->hasRun() || mLoaded));
    mReset->setEnabled(mController->hasRun() || mDocument->hasModel());
    mSave->setEnabled(mController->hasRun() || mLoaded);
    for (QWidget* w :
         std::initializer_list<QWidget*>{mWidth, mDepth, mFeatures, mLearningRate, mBatch, mSeed})
        w->setEnabled(!active);
    mFocusParkedOn.clear();
    if (runButtonHadFocus || focusWaits) {
        QPushButton* next = active ? mPause : mTrain;
        if (next->isEnabled())
            next->setFocus(Qt::OtherFocusReason);
        else
            mFocusParkedOn = window()->focusWidget();
    }
}

QString TrainPanel::scheduleText() const {
    return mScheduleLabel->text();
}

void TrainPanel::updateScheduleLabel() {
    QString text;
    if (mController->isActive() || mDocument->hasModel()) {
        const dl::ScheduleParams params = mDocument->modelSchedule() ? mDocument->modelSchedule()->params()
                                                                     : mDocument->schedule().params();
        text = tr("Model trained with: %1").arg(describeSchedule(params));
        if (!mDocument->describeScheduleMismatch().isEmpty())
            text += QLatin1Char('\n') + tr("The editor shows another schedule; sampling uses the model's.");
        if (mDocument->hasModel() && !mDocument->modelMatchesData())
            text += QLatin1Char('\n') + tr("The model was trained on other data.");
    } else {
        text = tr("Will train with the editor's schedule: %1")
                   .arg(describeSchedule(mDocument->schedule().params()));
    }
    showLine(mScheduleLabel, text);
}

}  // namespace dlui
