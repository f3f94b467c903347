#include "ui/compare/panesettingseditor.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>

#include "ui/i18n/coremessages.h"
#include "ui/widgets/readabletext.h"

namespace dlui {
namespace {

template <typename Enum>
void selectData(QComboBox* box, Enum value) {
    const int i = box->findData(static_cast<int>(value));
    if (i >= 0) box->setCurrentIndex(i);
}

QDoubleSpinBox* betaBox(QWidget* parent) {
    auto* box = new QDoubleSpinBox(parent);
    box->setDecimals(5);
    box->setRange(1e-5, 0.999);
    box->setSingleStep(1e-4);
    return box;
}

}  // namespace

PaneSettingsEditor::PaneSettingsEditor(QWidget* parent) : QWidget(parent) {
    mKind = new QComboBox(this);
    mKind->setObjectName(QStringLiteral("paneScheduleKind"));
    mKind->addItem(tr("Linear"), int(dl::ScheduleKind::Linear));
    mKind->addItem(tr("Scaled linear"), int(dl::ScheduleKind::ScaledLinear));
    mKind->addItem(tr("Cosine"), int(dl::ScheduleKind::Cosine));
    mKind->addItem(tr("Sigmoid"), int(dl::ScheduleKind::Sigmoid));
    mT = new QSpinBox(this);
    mT->setObjectName(QStringLiteral("paneT"));
    mT->setRange(dl::kMinTimesteps, dl::kMaxTimesteps);
    mBetaStart = betaBox(this);
    mBetaStart->setObjectName(QStringLiteral("paneBetaStart"));
    mBetaEnd = betaBox(this);
    mBetaEnd->setObjectName(QStringLiteral("paneBetaEnd"));
    auto* betas = new QHBoxLayout;
    betas->addWidget(mBetaStart);
    betas->addWidget(new QLabel(QStringLiteral("…"), this));
    betas->addWidget(mBetaEnd);

    mDenoiser = new QComboBox(this);
    mDenoiser->setObjectName(QStringLiteral("paneDenoiser"));
    mDenoiser->addItem(tr("Exact denoiser"), false);
    mDenoiser->addItem(tr("Learned model (its own schedule)"), true);
    mSampler = new QComboBox(this);
    mSampler->setObjectName(QStringLiteral("paneSampler"));
    mSampler->addItem(tr("DDPM (σ² = β̃)"), int(dl::SamplerKind::DdpmPosterior));
    mSampler->addItem(tr("DDPM (σ² = β)"), int(dl::SamplerKind::DdpmBeta));
    mSampler->addItem(tr("DDIM"), int(dl::SamplerKind::Ddim));
    mSampler->addItem(tr("Langevin"), int(dl::SamplerKind::Langevin));
    mSteps = new QSpinBox(this);
    mSteps->setObjectName(QStringLiteral("paneSteps"));
    mSteps->setRange(0, dl::kMaxTimesteps);
    mSteps->setSpecialValueText(tr("every t"));
    mSteps->setToolTip(tr("K, the number of reverse steps (Langevin: noise levels)."));
    mEta = new QDoubleSpinBox(this);
    mEta->setObjectName(QStringLiteral("paneEta"));
    mEta->setRange(0.0, 1.0);
    mEta->setSingleStep(0.1);
    mError = new QLabel(this);
    mError->setWordWrap(true);
    setReadableTextColor(mError, kErrorTextColor);
    mError->hide();

    auto* form = new QFormLayout(this);
    form->setContentsMargins(4, 2, 4, 2);
    form->addRow(tr("Schedule:"), mKind);
    form->addRow(tr("T:"), mT);
    form->addRow(tr("β range:"), betas);
    form->addRow(tr("Denoiser:"), mDenoiser);
    form->addRow(tr("Sampler:"), mSampler);
    form->addRow(tr("K:"), mSteps);
    form->addRow(tr("η (DDIM):"), mEta);
    form->addRow(mError);

    for (QComboBox* box : {mKind, mDenoiser, mSampler})
        connect(box, &QComboBox::currentIndexChanged, this, &PaneSettingsEditor::onEdited);
    for (QSpinBox* box : {mT, mSteps})
        connect(box, &QSpinBox::valueChanged, this, &PaneSettingsEditor::onEdited);
    for (QDoubleSpinBox* box : {mBetaStart, mBetaEnd, mEta})
        connect(box, &QDoubleSpinBox::valueChanged, this, &PaneSettingsEditor::onEdited);
    setSettings(PaneSettings{});
}

PaneSettings PaneSettingsEditor::settings() const {
    PaneSettings s = mLast;
    s.schedule.kind = static_cast<dl::ScheduleKind>(mKind->currentData().toInt());
    s.schedule.T = mT->value();
    s.schedule.betaStart = mBetaStart->value();
    s.schedule.betaEnd = mBetaEnd->value();
    s.schedule.customBetas.clear();
    s.schedule.customControlPoints.clear();
    s.learned = mDenoiser->currentData().toBool();
    s.sampler.kind = static_cast<dl::SamplerKind>(mSampler->currentData().toInt());
    s.sampler.steps = mSteps->value();
    s.sampler.eta = mEta->value();
    return s;
}

void PaneSettingsEditor::setSettings(const PaneSettings& s) {
    mLast = s;
    {
        const QSignalBlocker b1(mKind), b2(mT), b3(mBetaStart), b4(mBetaEnd), b5(mDenoiser), b6(mSampler),
            b7(mSteps), b8(mEta);
        selectData(mKind,
                   s.schedule.kind == dl::ScheduleKind::Custom ? dl::ScheduleKind::Linear : s.schedule.kind);
        mT->setValue(s.schedule.T);
        mBetaStart->setValue(s.schedule.betaStart);
        mBetaEnd->setValue(s.schedule.betaEnd);
        mDenoiser->setCurrentIndex(s.learned ? 1 : 0);
        selectData(mSampler, s.sampler.kind);
        mSteps->setValue(s.sampler.steps);
        mEta->setValue(s.sampler.eta);
    }
    mError->hide();
    updateEnabled();
}

void PaneSettingsEditor::updateEnabled() {
    const auto kind = static_cast<dl::ScheduleKind>(mKind->currentData().toInt());
    // Cosine has no β range (Nichol & Dhariwal 2021, Eq. 17); η only means something to DDIM.
    mBetaStart->setEnabled(kind != dl::ScheduleKind::Cosine);
    mBetaEnd->setEnabled(kind != dl::ScheduleKind::Cosine);
    mEta->setEnabled(static_cast<dl::SamplerKind>(mSampler->currentData().toInt()) == dl::SamplerKind::Ddim);
}

void PaneSettingsEditor::onEdited() {
    updateEnabled();
    const PaneSettings s = settings();
    if (const auto problem = dl::Schedule::validate(s.schedule)) {
        mError->setText(coreMessage(*problem));
        mError->show();
        return;  // the pane keeps its last valid schedule
    }
    mError->hide();
    mLast = s;
    Q_EMIT edited(s);
}

}  // namespace dlui
