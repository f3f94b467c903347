#include "ui/sampling/samplingpanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>

#include "core/model/modelpredictor.h"
#include "core/sampling/oracledenoiser.h"
#include "core/training/trainer.h"
#include "core/training/workerpool.h"
#include "ui/document/labdocument.h"
#include "ui/sampling/samplingrequest.h"
#include "ui/sampling/samplingtrails.h"
#include "ui/view/timeline.h"

namespace dlui {

namespace {

// Memory the recorded reverse chain may take; the sampler thins the trajectory to stay under it.
constexpr std::size_t kMaxTrajectoryBytes = std::size_t{192} << 20;
// How long the model must stay unchanged before the next Sample is prepared: training publishes new
// weights every few tens of milliseconds, so this fires once a run has finished or been paused, or a
// model has been loaded.
constexpr int kPrepareAfterQuietMs = 750;

}  // namespace

SamplingPanel::SamplingPanel(LabDocument* document, Timeline* timeline, SamplingController* controller,
                             QWidget* parent)
    : QWidget(parent), mDocument(document), mTimeline(timeline), mController(controller) {
    setObjectName(QStringLiteral("samplingPanel"));
    buildUi();
    connect(mController, &SamplingController::sampled, this, &SamplingPanel::onSampled);
    connect(mController, &SamplingController::progressReported, this, &SamplingPanel::onProgress);
    connect(mController, &SamplingController::failed, this, &SamplingPanel::onFailed);
    connect(mController, &SamplingController::trajectoryGrew, this, &SamplingPanel::onTrajectoryGrew);
    connect(mController, &SamplingController::cancelled, this, [this] {
        mTimeline->setReverseFloor(0);
        mShownRun = 0;
        mStatus->setText(tr("Sampling cancelled."));
    });
    connect(mController, &SamplingController::busyChanged, this, &SamplingPanel::onBusyChanged);
    connect(mDocument, &LabDocument::modelChanged, this, &SamplingPanel::updateScheduleNote);
    connect(mDocument, &LabDocument::scheduleChanged, this, &SamplingPanel::updateScheduleNote);
    connect(mDocument, &LabDocument::dataSetChanged, this, [this] {
        // Samples of the old data are gone from the document; a run in flight would install stale ones.
        mController->cancel();
        updateControls();
        updateScheduleNote();
    });
    mPrepareTimer = new QTimer(this);
    mPrepareTimer->setSingleShot(true);
    mPrepareTimer->setInterval(kPrepareAfterQuietMs);
    connect(mPrepareTimer, &QTimer::timeout, this, &SamplingPanel::prepareNextSample);
    connect(mDocument, &LabDocument::modelChanged, mPrepareTimer, qOverload<>(&QTimer::start));
    connect(mDocument, &LabDocument::modelUpdated, mPrepareTimer, qOverload<>(&QTimer::start));
    updateControls();
    updateScheduleNote();
}

void SamplingPanel::buildUi() {
    auto* layout = new QVBoxLayout(this);

    auto* samplerBox = new QGroupBox(tr("Reverse process"), this);
    auto* form = new QFormLayout(samplerBox);
    mDenoiser = new QComboBox(samplerBox);
    mDenoiser->setObjectName(QStringLiteral("samplingDenoiser"));
    mDenoiser->addItem(tr("Learned model"));
    mDenoiser->addItem(tr("Exact denoiser of the data"));
    mDenoiser->setToolTip(
        tr("The exact denoiser is the ideal ε for the data set itself: it needs no training"));
    mSampler = new QComboBox(samplerBox);
    mSampler->setObjectName(QStringLiteral("samplingSampler"));
    mSampler->addItem(tr("DDPM, σ² = β̃ (posterior)"), int(dl::SamplerKind::DdpmPosterior));
    mSampler->addItem(tr("DDPM, σ² = β"), int(dl::SamplerKind::DdpmBeta));
    mSampler->addItem(tr("DDIM"), int(dl::SamplerKind::Ddim));
    mSampler->addItem(tr("Langevin dynamics"), int(dl::SamplerKind::Langevin));
    mEta = new QDoubleSpinBox(samplerBox);
    mEta->setObjectName(QStringLiteral("samplingEta"));
    mEta->setRange(0.0, 1.0);
    mEta->setSingleStep(0.1);
    mEta->setDecimals(2);
    mEta->setToolTip(tr("η = 0: deterministic DDIM; η = 1: as much noise as DDPM"));
    mSteps = new QSpinBox(samplerBox);
    mSteps->setObjectName(QStringLiteral("samplerSteps"));
    mSteps->setRange(0, 10000);
    mSteps->setSpecialValueText(tr("all T"));
    mSteps->setToolTip(tr("K: how many timesteps the sampler visits (Langevin: noise levels)"));
    mSpacing = new QComboBox(samplerBox);
    mSpacing->setObjectName(QStringLiteral("samplingSpacing"));
    mSpacing->addItem(tr("linspace"), int(dl::TimestepSpacing::Linspace));
    mSpacing->addItem(tr("leading"), int(dl::TimestepSpacing::Leading));
    mSpacing->addItem(tr("trailing"), int(dl::TimestepSpacing::Trailing));
    mSpacing->setToolTip(tr("Which K of the T timesteps are visited when K < T"));
    mLangevinStep = new QDoubleSpinBox(samplerBox);
    mLangevinStep->setObjectName(QStringLiteral("samplingLangevinStep"));
    mLangevinStep->setDecimals(4);
    mLangevinStep->setRange(1e-4, 2.0);
    mLangevinStep->setSingleStep(0.01);
    mLangevinStep->setValue(0.1);
    mLangevinStep->setToolTip(tr("Step δ_t as a fraction of the noise variance 1 − ᾱ_t at each level"));
    mLangevinPerLevel = new QSpinBox(samplerBox);
    mLangevinPerLevel->setObjectName(QStringLiteral("samplingLangevinPerLevel"));
    mLangevinPerLevel->setRange(1, 200);
    mLangevinPerLevel->setValue(10);
    mCount = new QSpinBox(samplerBox);
    mCount->setObjectName(QStringLiteral("sampleCount"));
    mCount->setRange(1, 100000);
    mCount->setGroupSeparatorShown(true);
    mCount->setValue(2000);
    mSeed = new QSpinBox(samplerBox);
    mSeed->setObjectName(QStringLiteral("samplingSeed"));
    mSeed->setRange(0, 1'000'000'000);
    mSeed->setValue(1);
    mClip = new QCheckBox(tr("Clip x̂₀ to the data's range"), samplerBox);
    mClip->setObjectName(QStringLiteral("samplingClip"));
    mClip->setChecked(true);  // as the CLI: fewer samples thrown far off by an early, poor x̂₀
    mClip->setToolTip(tr("Recommended with zero-terminal-SNR schedules, where the first x̂₀ is unreliable"));
    form->addRow(tr("Denoiser"), mDenoiser);
    form->addRow(tr("Sampler"), mSampler);
    form->addRow(tr("η"), mEta);
    form->addRow(tr("Steps K"), mSteps);
    form->addRow(tr("Spacing"), mSpacing);
    form->addRow(tr("Step size"), mLangevinStep);
    form->addRow(tr("Steps per level"), mLangevinPerLevel);
    form->addRow(tr("Points"), mCount);
    form->addRow(tr("Seed"), mSeed);
    form->addRow(mClip);
    mFastProducts = new QCheckBox(samplerBox);
    mFastProducts->setObjectName(QStringLiteral("samplingFastProducts"));
    // Whichever reduced precision this CPU runs (dl::fastestProductPrecision): 16-bit integers where it
    // has AVX2 without AVX-512 or AVX-512 VNNI, else bfloat16 where it has AVX-512 BF16, else none.
    switch (dl::fastestProductPrecision()) {
        case dl::ProductPrecision::BFloat16:
            mFastProducts->setText(tr("Fast network products (bfloat16)"));
            mFastProducts->setChecked(true);
            mFastProducts->setToolTip(
                tr("About twice as fast: the network's weights and inputs are rounded to bfloat16 and summed "
                   "in float32. ε̂ moves by well under 1 %; the samples' quality does not change measurably. "
                   "Off: float32 throughout, the same numbers as `sample` on the command line."));
            break;
        case dl::ProductPrecision::Int16:
            mFastProducts->setText(tr("Fast network products (16-bit integers)"));
            mFastProducts->setChecked(true);
            mFastProducts->setToolTip(
                tr("About twice as fast: each row of the network's weights and each layer's input is scaled "
                   "to 16-bit integers and summed exactly, and the first layer is read from a table. ε̂ moves "
                   "by well under 1 %; the samples' quality does not change measurably. Off: float32 "
                   "throughout, the same numbers as `sample` on the command line."));
            break;
        case dl::ProductPrecision::Float32:
            mFastProducts->setText(tr("Fast network products (bfloat16)"));
            mFastProducts->setEnabled(false);
            mFastProducts->setToolTip(
                tr("This processor has neither AVX-512 VNNI nor AVX-512 BF16: the network runs in float32."));
            break;
    }
    form->addRow(mFastProducts);
    layout->addWidget(samplerBox);

    auto* trails = new QHBoxLayout;
    mTrails = new QCheckBox(tr("Trails for"), this);
    mTrails->setObjectName(QStringLiteral("trailsBox"));
    mTrailCount = new QSpinBox(this);
    mTrailCount->setObjectName(QStringLiteral("trailCount"));
    mTrailCount->setRange(1, 1000);
    mTrailCount->setValue(kDefaultTrailCount);
    mTrailCount->setSuffix(tr(" points"));
    trails->addWidget(mTrails);
    trails->addWidget(mTrailCount, 1);
    layout->addLayout(trails);
    mTrailKind = new QComboBox(this);
    mTrailKind->setObjectName(QStringLiteral("trailKind"));
    mTrailKind->addItem(tr("paths of the sampled chain"), int(TrailKind::Sampled));
    mTrailKind->addItem(tr("trajectories of DDIM (η = 0)"), int(TrailKind::Ddim));
    mTrailKind->setToolTip(
        tr("DDIM with η = 0 is deterministic: from the same x_T it follows the smooth flow of "
           "the denoiser, where DDPM's paths are random walks. Computed when you press Sample."));
    layout->addWidget(mTrailKind);
    mSmooth = new QCheckBox(tr("Smooth playback (interpolated)"), this);
    mSmooth->setObjectName(QStringLiteral("smoothReverse"));
    mSmooth->setToolTip(
        tr("Samplers with K < T steps record K + 1 states; playback shows those. With this on, "
           "the frames between them are linear blends, and the caption says so."));
    layout->addWidget(mSmooth);
    mPlay = new QCheckBox(tr("Play the reverse chain when ready"), this);
    mPlay->setObjectName(QStringLiteral("samplingPlayWhenReady"));
    mPlay->setChecked(true);
    layout->addWidget(mPlay);

    auto* buttons = new QHBoxLayout;
    mSample = new QPushButton(tr("Sample"), this);
    mSample->setObjectName(QStringLiteral("sampleButton"));
    mCancel = new QPushButton(tr("Cancel"), this);
    mCancel->setEnabled(false);
    buttons->addWidget(mSample);
    buttons->addWidget(mCancel);
    layout->addLayout(buttons);
    mProgress = new QProgressBar(this);
    mProgress->setTextVisible(false);
    mProgress->setMaximumHeight(8);
    mProgress->setRange(0, 1);
    mProgress->setValue(0);
    layout->addWidget(mProgress);
    mScheduleNote = new QLabel(this);
    mScheduleNote->setObjectName(QStringLiteral("samplingScheduleNote"));
    mScheduleNote->setWordWrap(true);
    // On top: "no model yet" must be seen before the sampler settings, even in a short window.
    layout->insertWidget(0, mScheduleNote);
    mStatus = new QLabel(this);
    mStatus->setObjectName(QStringLiteral("samplingStatus"));
    mStatus->setWordWrap(true);
    layout->addWidget(mStatus);

    auto* fieldBox = new QGroupBox(tr("Field at t"), this);
    mFieldGroup = fieldBox;
    auto* fieldLayout = new QVBoxLayout(fieldBox);
    mLearnedArrows = new QCheckBox(tr("Learned arrows"), fieldBox);
    mLearnedArrows->setObjectName(QStringLiteral("overlayLearnedArrows"));
    mLearnedArrows->setStyleSheet(QStringLiteral("color: %1;").arg(learnedArrowColor().name()));
    mExactArrows = new QCheckBox(tr("Exact arrows"), fieldBox);
    mExactArrows->setObjectName(QStringLiteral("overlayExactArrows"));
    mExactArrows->setStyleSheet(QStringLiteral("color: %1;").arg(exactArrowColor().name()));
    mDensity = new QCheckBox(tr("Density of q(x_t)"), fieldBox);
    mDensity->setObjectName(QStringLiteral("overlayDensity"));
    mQuantity = new QComboBox(fieldBox);
    mQuantity->setObjectName(QStringLiteral("overlayQuantity"));
    mQuantity->addItem(tr("score ∇log q (towards the data)"), int(FieldQuantity::Score));
    mQuantity->addItem(tr("predicted noise ε̂"), int(FieldQuantity::Noise));
    mFieldNote = new QLabel(fieldBox);
    mFieldNote->setObjectName(QStringLiteral("overlayNote"));
    mFieldNote->setWordWrap(true);
    auto* arrows = new QHBoxLayout;
    arrows->addWidget(mLearnedArrows);
    arrows->addWidget(mExactArrows);
    fieldLayout->addLayout(arrows);
    fieldLayout->addWidget(mQuantity);
    fieldLayout->addWidget(mDensity);
    fieldLayout->addWidget(mFieldNote);
    layout->addWidget(fieldBox);
    layout->addStretch(1);

    connect(mSample, &QPushButton::clicked, this, &SamplingPanel::sample);
    connect(mCancel, &QPushButton::clicked, this, &SamplingPanel::cancel);
    connect(mSampler, &QComboBox::currentIndexChanged, this, &SamplingPanel::updateControls);
    connect(mDenoiser, &QComboBox::currentIndexChanged, this, &SamplingPanel::updateScheduleNote);
    connect(mTrails, &QCheckBox::toggled, this, [this] { Q_EMIT trailsChanged(trailCount()); });
    connect(mTrailCount, &QSpinBox::valueChanged, this, [this] { Q_EMIT trailsChanged(trailCount()); });
    connect(mTrailKind, &QComboBox::currentIndexChanged, this, [this] {
        const auto trajectory = mDocument->trajectory();
        if (trailKind() == TrailKind::Ddim && trajectory && !trajectory->empty() &&
            trajectory->ddimPaths.empty())
            mStatus->setText(tr("DDIM trails are computed with the next Sample."));
        Q_EMIT trailsChanged(trailCount());
    });
    connect(mSmooth, &QCheckBox::toggled, mTimeline, &Timeline::setSmoothReverse);
    // The timeline plays the recorded states of the trajectory (K + 1 for K steps), not T interpolated ones.
    connect(mDocument, &LabDocument::samplesChanged, this, [this] {
        const auto trajectory = mDocument->trajectory();
        mTimeline->setReverseStops(trajectory ? trajectory->timesteps : std::vector<int>{});
    });
    for (QCheckBox* box : {mLearnedArrows, mExactArrows, mDensity})
        connect(box, &QCheckBox::toggled, this, [this] { Q_EMIT overlaySettingsChanged(overlaySettings()); });
    // The two fields' agreement holds while both are drawn: with either off it stayed, "At t = 10 … 39 %",
    // beside a view at another t showing no arrows.
    for (QCheckBox* box : {mLearnedArrows, mExactArrows})
        connect(box, &QCheckBox::toggled, this, [this] {
            if (mFieldNoteIsAgreement && !(mLearnedArrows->isChecked() && mExactArrows->isChecked())) {
                mFieldNote->clear();
                mFieldNoteIsAgreement = false;
                Q_EMIT fieldNoteChanged();
            }
        });
    connect(mQuantity, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT overlaySettingsChanged(overlaySettings()); });
}

SamplingPanel::DenoiserChoice SamplingPanel::denoiser() const {
    return mDenoiser->currentIndex() == 1 ? DenoiserChoice::Exact : DenoiserChoice::Learned;
}

void SamplingPanel::setDenoiser(DenoiserChoice choice) {
    mDenoiser->setCurrentIndex(choice == DenoiserChoice::Exact ? 1 : 0);
}

void SamplingPanel::setSamplerKind(dl::SamplerKind kind) {
    mSampler->setCurrentIndex(std::max(0, mSampler->findData(int(kind))));
}

void SamplingPanel::setSamplerParams(const dl::SamplerParams& params) {
    setSamplerKind(params.kind);
    mSteps->setValue(params.steps);
    mEta->setValue(params.eta);
    mLangevinStep->setValue(params.langevinStepSize);
    mLangevinPerLevel->setValue(params.langevinStepsPerLevel);
}

int SamplingPanel::pointCount() const {
    return mCount->value();
}
void SamplingPanel::setPointCount(int n) {
    mCount->setValue(n);
}
int SamplingPanel::trailCount() const {
    return mTrails->isChecked() ? mTrailCount->value() : 0;
}

TrailKind SamplingPanel::trailKind() const {
    return TrailKind(mTrailKind->currentData().toInt());
}

void SamplingPanel::setTrailKind(TrailKind kind) {
    mTrailKind->setCurrentIndex(mTrailKind->findData(int(kind)));
}

void SamplingPanel::setTrailCount(int count) {
    if (count > 0) mTrailCount->setValue(count);
    mTrails->setChecked(count > 0);
}

FieldOverlaySettings SamplingPanel::overlaySettings() const {
    FieldOverlaySettings s;
    s.learnedArrows = mLearnedArrows->isChecked();
    s.exactArrows = mExactArrows->isChecked();
    s.density = mDensity->isChecked();
    s.quantity = FieldQuantity(mQuantity->currentData().toInt());
    return s;
}

void SamplingPanel::setOverlaySettings(const FieldOverlaySettings& s) {
    mLearnedArrows->setChecked(s.learnedArrows);
    mExactArrows->setChecked(s.exactArrows);
    mDensity->setChecked(s.density);
    mQuantity->setCurrentIndex(std::max(0, mQuantity->findData(int(s.quantity))));
}

dl::SamplerParams SamplingPanel::samplerParams() const {
    dl::SamplerParams p;
    p.kind = dl::SamplerKind(mSampler->currentData().toInt());
    p.steps = mSteps->value();
    p.spacing = dl::TimestepSpacing(mSpacing->currentData().toInt());
    p.eta = mEta->value();
    p.langevinStepSize = mLangevinStep->value();
    p.langevinStepsPerLevel = mLangevinPerLevel->value();
    p.trajectoryStride = 1;
    p.maxTrajectoryBytes = kMaxTrajectoryBytes;
    // Langevin's chain never forms x̂₀; clipping reached only its last denoising step and piled the points
    // still far out onto the edges of the data's box, which read as what Langevin makes.
    p.clipX0 = mClip->isChecked() && p.kind != dl::SamplerKind::Langevin;
    return p;
}

void SamplingPanel::updateControls() {
    const auto kind = dl::SamplerKind(mSampler->currentData().toInt());
    auto* form = qobject_cast<QFormLayout*>(mEta->parentWidget()->layout());
    if (form) {
        form->setRowVisible(mEta, kind == dl::SamplerKind::Ddim);
        form->setRowVisible(mLangevinStep, kind == dl::SamplerKind::Langevin);
        form->setRowVisible(mLangevinPerLevel, kind == dl::SamplerKind::Langevin);
        form->setRowVisible(mClip, kind != dl::SamplerKind::Langevin);  // see samplerParams()
    }
    const auto data = mDocument->dataSet();
    const bool points2d = data && !data->isImage() && data->dim() == 2;
    mLearnedArrows->setEnabled(points2d);
    mExactArrows->setEnabled(points2d);
    mDensity->setEnabled(points2d);
    mQuantity->setEnabled(points2d);
    mTrails->setEnabled(points2d);
    mTrailKind->setEnabled(points2d);
    const bool images = data && data->isImage();
    if (images != mImageDefaults) {
        // Images: a grid of dozens; points: thousands.
        mImageDefaults = images;
        mCount->setValue(images ? 64 : 2000);
    }
}

QString SamplingPanel::scheduleNote() const {
    return mScheduleNote->text();
}

void SamplingPanel::updateScheduleNote() {
    QString text;
    if (denoiser() == DenoiserChoice::Learned) {
        const auto model = mDocument->model();
        if (!model)
            text = tr("No model yet: train one, load one, or use the exact denoiser.");
        else {
            text = tr("Samples with the model's own schedule: %1").arg(describeSchedule(model->schedule));
            if (!(model->schedule == mDocument->schedule().params()))
                text += QLatin1Char('\n') +
                        tr("(the editor shows another schedule, used only by the forward view)");
            // Data loaded after the model: its samples are of the data it learnt, whatever the view shows
            // (digits drawn beside loaded circles read as a fault of the sampler).
            if (!mDocument->modelMatchesData())
                text += QLatin1Char('\n') +
                        tr("The model was trained on other data: %1.").arg(mDocument->describeModelData());
        }
    } else {
        text = tr("Exact denoiser with the editor's schedule: %1")
                   .arg(describeSchedule(mDocument->schedule().params()));
    }
    mScheduleNote->setText(text);
}

bool SamplingPanel::buildRequest(SamplingRequest* request, QString* error) const {
    SamplingChoices choices;
    choices.learned = denoiser() == DenoiserChoice::Learned;
    choices.params = samplerParams();
    choices.count = mCount->value();
    choices.seed = static_cast<std::uint64_t>(mSeed->value());
    choices.precision =
        mFastProducts->isChecked() ? dl::fastestProductPrecision() : dl::ProductPrecision::Float32;
    choices.denoiserCache = mDenoiserCache;
    // DDIM trails for a few more rows than shown, so raising the count after sampling still finds paths.
    if (trailKind() == TrailKind::Ddim && trailCount() > 0)
        choices.ddimTrailRows = std::min(choices.count, std::max(trailCount(), kDdimTrailRows));
    std::optional<SamplingRequest> r = makeSamplingRequest(*mDocument, choices, error);
    if (!r) return false;
    *request = std::move(*r);
    return true;
}

QString SamplingPanel::statusText() const {
    return mStatus->text();
}

void SamplingPanel::sample() {
    SamplingRequest request;
    QString error;
    if (!buildRequest(&request, &error)) {
        mStatus->setText(tr("Cannot sample: %1").arg(error));
        Q_EMIT statusMessageChanged(mStatus->text());
        return;
    }
    mStatus->setText(tr("Sampling %1 points: %2…").arg(QLocale().toString(request.count), request.label));
    mProgress->setRange(0, 0);
    mController->request(std::move(request));
}

void SamplingPanel::cancel() {
    mController->cancel();
}

void SamplingPanel::prepareNextSample() {
    // Only the learned denoiser has anything to build; a run already going has done the preparing.
    if (denoiser() != DenoiserChoice::Learned || mController->isBusy()) return;
    SamplingRequest request;
    QString error;
    if (buildRequest(&request, &error)) mController->prepare(std::move(request));
}

void SamplingPanel::onBusyChanged(bool busy) {
    mCancel->setEnabled(busy);
    if (!busy) {
        mProgress->setRange(0, 1);
        mProgress->setValue(0);
    }
}

void SamplingPanel::onProgress(quint64, int done, int total) {
    mProgress->setRange(0, std::max(1, total));
    mProgress->setValue(done);
}

void SamplingPanel::onFailed(quint64, const QString& message) {
    mTimeline->setReverseFloor(0);
    mShownRun = 0;
    mStatus->setText(tr("Sampling failed: %1").arg(message));
    Q_EMIT statusMessageChanged(mStatus->text());
}

void SamplingPanel::onTrajectoryGrew(const SamplingPartial& partial) {
    if (!partial.trajectory || partial.trajectory->empty()) return;
    const bool first = partial.id != mShownRun;
    mShownRun = partial.id;
    // Playback waits at the newest state until the next ones arrive.
    mTimeline->setReverseFloor(std::max(1, partial.trajectory->timesteps.back()));
    mDocument->setSamples(nullptr, partial.trajectory, partial.id, partial.schedule);
    if (!first) return;
    mStatus->setText(tr("Playing the first states (after %1 s) while the rest are computed…")
                         .arg(partial.seconds, 0, 'f', 2));
    mTimeline->pause();
    mTimeline->setMode(Timeline::Mode::Reverse);
    mTimeline->setMaximum(std::max(1, partial.trajectory->timesteps.front()));
    mTimeline->jumpToStart();
    if (mPlay->isChecked()) mTimeline->play();
}

void SamplingPanel::onSampled(const SamplingResult& result) {
    const bool wasShowing = result.id == mShownRun;
    mShownRun = 0;
    mTimeline->setReverseFloor(0);
    mDocument->setSamples(result.result, result.trajectory, result.id, result.schedule);
    const auto data = mDocument->dataSet();
    const QString count = QLocale().toString(int(result.result->samples.rows()));
    const QString seconds = QString::number(result.seconds, 'f', 2);
    mStatus->setText((data && data->isImage() ? tr("%1 images in %2 s: %3") : tr("%1 points in %2 s: %3"))
                         .arg(count, seconds, result.label));
    Q_EMIT statusMessageChanged(mStatus->text());
    // Animate from x_T to x_0 on the shared timeline. Its range is the trajectory's T (the schedule the
    // samples were drawn with).
    // A run whose first states are already playing keeps its place.
    if (result.trajectory && !result.trajectory->empty() && !wasShowing) {
        mTimeline->pause();
        mTimeline->setMode(Timeline::Mode::Reverse);
        mTimeline->setMaximum(std::max(1, result.trajectory->timesteps.front()));
        mTimeline->jumpToStart();
        if (mPlay->isChecked()) mTimeline->play();
    }
    Q_EMIT samplesReady();
}

void SamplingPanel::showLearnedError(double relativeError, int t) {
    if (!std::isfinite(relativeError)) return;
    mFieldNote->setText(tr("At t = %1 the learned arrows differ from the exact ones by %2 % on average.")
                            .arg(t)
                            .arg(relativeError * 100.0, 0, 'f', 0));
    mFieldNoteIsAgreement = true;
    Q_EMIT fieldNoteChanged();
}

void SamplingPanel::showFieldNote(const QString& note) {
    // An empty note clears the label too: what it explained has passed, and the agreement of the next
    // overlay (showLearnedError) follows.
    mFieldNote->setText(note);
    mFieldNoteIsAgreement = false;
    Q_EMIT fieldNoteChanged();
}

}  // namespace dlui
