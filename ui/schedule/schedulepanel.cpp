#include "ui/schedule/schedulepanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <vector>

#include "core/math/schedulediagnostics.h"
#include "ui/document/labdocument.h"
#include "ui/render/palette.h"
#include "ui/schedule/schedulecurveeditor.h"
#include "ui/schedule/schedulediagnosticsview.h"
#include "ui/schedule/scheduleplots.h"
#include "ui/widgets/logslider.h"
#include "ui/widgets/readabletext.h"

namespace dlui {

namespace {

/// Points on a list of β, one a step (imported trained_betas): the curve editor showed its own points
/// (10⁻³ … 0.2) beside a plot of the imported 10⁻⁴ … 0.02. At most nine, evenly spaced in t, each on the
/// list (within the editor's β range); dragging one replaces the list with the curve through them.
std::vector<dl::BetaControlPoint> controlPointsOn(const std::vector<double>& betas) {
    const int T = static_cast<int>(betas.size());
    const int count = std::clamp(T, 2, 9);
    std::vector<dl::BetaControlPoint> points;
    for (int k = 0; k < count; ++k) {
        const int index = T == 1 ? 0 : static_cast<int>(std::lround(double(k) * (T - 1) / (count - 1)));
        const double u = T == 1 ? double(k) : double(index) / (T - 1);
        points.push_back({u, std::clamp(betas[static_cast<std::size_t>(index)], ScheduleCurveEditor::kMinBeta,
                                        ScheduleCurveEditor::kMaxBeta)});
    }
    return points;
}

struct KindEntry {
    dl::ScheduleKind kind;
    const char* label;
};

constexpr KindEntry kKinds[] = {
    {dl::ScheduleKind::Linear, QT_TRANSLATE_NOOP("dlui::SchedulePanel", "Linear")},
    {dl::ScheduleKind::ScaledLinear, QT_TRANSLATE_NOOP("dlui::SchedulePanel", "Scaled linear (√β linear)")},
    {dl::ScheduleKind::Cosine, QT_TRANSLATE_NOOP("dlui::SchedulePanel", "Cosine")},
    {dl::ScheduleKind::Sigmoid, QT_TRANSLATE_NOOP("dlui::SchedulePanel", "Sigmoid")},
    {dl::ScheduleKind::Custom, QT_TRANSLATE_NOOP("dlui::SchedulePanel", "Custom curve")},
};

bool usesBetaRange(dl::ScheduleKind kind) {
    return kind != dl::ScheduleKind::Cosine && kind != dl::ScheduleKind::Custom;
}

}  // namespace

SchedulePanel::SchedulePanel(LabDocument* document, QWidget* parent) : QWidget(parent), mDocument(document) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);

    mBannerBox = new QFrame(this);
    mBannerBox->setObjectName(QStringLiteral("modelScheduleBannerBox"));
    styleBanner();
    auto* bannerRow = new QHBoxLayout(mBannerBox);
    bannerRow->setContentsMargins(4, 4, 4, 4);
    // The style's own icon: a Unicode ⓘ showed as a missing-glyph box with the fonts a fresh machine has.
    auto* bannerIcon = new QLabel(mBannerBox);
    bannerIcon->setObjectName(QStringLiteral("modelScheduleBannerIcon"));
    bannerIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(16, 16));
    bannerIcon->setAlignment(Qt::AlignTop);
    bannerRow->addWidget(bannerIcon);
    mBanner = new QLabel(mBannerBox);
    mBanner->setObjectName(QStringLiteral("modelScheduleBanner"));
    mBanner->setWordWrap(true);
    bannerRow->addWidget(mBanner, 1);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    mKind = new QComboBox(this);
    for (const KindEntry& k : kKinds) mKind->addItem(tr(k.label), static_cast<int>(k.kind));
    form->addRow(tr("&Kind"), mKind);
    mSteps = new QSpinBox(this);
    mSteps->setRange(dl::kMinTimesteps, dl::kMaxTimesteps);
    mSteps->setKeyboardTracking(false);
    // The range in words: the box drops a digit past it without a message (100000 read as 10000).
    mSteps->setToolTip(
        tr("Number of diffusion steps T, from %1 to %2").arg(dl::kMinTimesteps).arg(dl::kMaxTimesteps));
    form->addRow(tr("&T"), mSteps);
    mBetaStart = new LogSlider(1e-5, 0.999, this);
    mBetaStart->setToolTip(tr("β at t = 1 (log scale)"));
    form->addRow(tr("β_start"), mBetaStart);
    mBetaEnd = new LogSlider(1e-5, 0.999, this);
    mBetaEnd->setToolTip(tr("β at t = T (log scale)"));
    form->addRow(tr("β_end"), mBetaEnd);
    mZeroSnr = new QCheckBox(tr("Zero terminal SNR (ᾱ_T = 0)"), this);
    mZeroSnr->setToolTip(tr("Rescale so x_T is exactly pure noise (Lin et al. 2024)"));
    form->addRow(QString(), mZeroSnr);
    layout->addLayout(form);
    // Below the fields, not above: it grows from one line ("trained with this schedule") to three (the
    // model's schedule and the editor's) as T is typed, and above the fields it moved them under the
    // pointer, so the next click changed β_start instead of β_end.
    layout->addWidget(mBannerBox);

    mCurve = new ScheduleCurveEditor(this);
    layout->addWidget(mCurve);

    mError = new QLabel(this);
    mError->setObjectName(QStringLiteral("scheduleError"));
    mError->setWordWrap(true);
    setReadableTextColor(mError, kErrorTextColor);
    mError->hide();
    layout->addWidget(mError);

    auto* pinRow = new QHBoxLayout;
    mPin = new QPushButton(tr("Pin for comparison"), this);
    mPin->setCheckable(true);
    mPin->setToolTip(tr("Keep the current schedule as a dashed overlay while you edit"));
    mPinLabel = new QLabel(this);
    mPinLabel->setWordWrap(true);
    pinRow->addWidget(mPin);
    pinRow->addWidget(mPinLabel, 1);
    layout->addLayout(pinRow);

    mPlots = new SchedulePlots(this);
    layout->addWidget(mPlots, 1);

    mDiagnostics = new ScheduleDiagnosticsView(this);
    // Warnings and their fixes right under the fields, still above the fold. Above them, each warning that
    // came or went as a value was typed moved the fields by up to 150 px, and the next click landed on
    // another field.
    layout->insertWidget(layout->indexOf(mCurve), mDiagnostics);

    connect(mKind, &QComboBox::currentIndexChanged, this, &SchedulePanel::applyFromControls);
    connect(mSteps, &QSpinBox::valueChanged, this, &SchedulePanel::applyFromControls);
    connect(mBetaStart, &LogSlider::valueChanged, this, &SchedulePanel::applyFromControls);
    connect(mBetaEnd, &LogSlider::valueChanged, this, &SchedulePanel::applyFromControls);
    connect(mZeroSnr, &QCheckBox::toggled, this, &SchedulePanel::applyFromControls);
    connect(mCurve, &ScheduleCurveEditor::pointsChanged, this, [this] {
        mCurveDragged = true;
        applyFromControls();
        mCurveDragged = false;
    });
    connect(mPin, &QPushButton::toggled, this, [this](bool on) {
        setPinned(on ? std::optional<dl::Schedule>(mDocument->schedule()) : std::nullopt);
    });
    connect(mDiagnostics, &ScheduleDiagnosticsView::fixRequested, this,
            [this](const dl::ScheduleParams& fix) {
                QString error;
                mDocument->setScheduleParams(fix, &error);
            });

    connect(document, &LabDocument::scheduleChanged, this, &SchedulePanel::syncFromDocument);
    connect(document, &LabDocument::pinnedScheduleChanged, this, &SchedulePanel::syncPinned);
    connect(document, &LabDocument::modelChanged, this, &SchedulePanel::updateBanner);
    connect(document, &LabDocument::dataSetChanged, this, &SchedulePanel::updateDiagnostics);
    syncFromDocument();
    updateDiagnostics();
}

QString SchedulePanel::errorText() const {
    return mError->isVisible() || !mError->isHidden() ? mError->text() : QString();
}

void SchedulePanel::setCurrentT(int t) {
    mPlots->setMarker(t);
}

const std::optional<dl::Schedule>& SchedulePanel::pinned() const {
    return mDocument->pinnedSchedule();
}

void SchedulePanel::setPinned(const std::optional<dl::Schedule>& pinned) {
    mDocument->setPinnedSchedule(pinned);
}

void SchedulePanel::syncPinned() {
    const std::optional<dl::Schedule>& pinned = mDocument->pinnedSchedule();
    {
        const QSignalBlocker block(mPin);
        mPin->setChecked(pinned.has_value());
    }
    mPinLabel->setText(pinned ? tr("dashed: %1").arg(describeSchedule(pinned->params())) : QString());
    mPlots->setPinned(pinned);
}

void SchedulePanel::applyFromControls() {
    if (mSyncing) return;
    dl::ScheduleParams p;
    p.kind = static_cast<dl::ScheduleKind>(mKind->currentData().toInt());
    p.T = mSteps->value();
    p.betaStart = mBetaStart->value();
    p.betaEnd = mBetaEnd->value();
    p.zeroTerminalSnr = mZeroSnr->isChecked();
    if (p.kind == dl::ScheduleKind::Custom) p.customControlPoints = mCurve->points();
    // Imported β (one a step, trained_betas) stay until the curve is dragged or T changes: turning on
    // zero terminal SNR replaced them with the curve's points, another schedule, without a word.
    const dl::ScheduleParams& now = mDocument->schedule().params();
    if (p.kind == dl::ScheduleKind::Custom && now.kind == dl::ScheduleKind::Custom &&
        !now.customBetas.empty() && now.T == p.T && !mCurveDragged)
        p.customBetas = now.customBetas;
    mCurve->setVisible(p.kind == dl::ScheduleKind::Custom);
    mBetaStart->setEnabled(usesBetaRange(p.kind));
    mBetaEnd->setEnabled(usesBetaRange(p.kind));

    QString error;
    // The one invalid range these fields can make is named here in the fields' own words; the core's
    // message names the keys of schedule files and of the command line (beta_start, beta_end).
    if (usesBetaRange(p.kind) && p.betaStart > p.betaEnd)
        error = tr("β_start (%1) is above β_end (%2)")
                    .arg(mBetaStart->spinBox()->textFromValue(p.betaStart),
                         mBetaEnd->spinBox()->textFromValue(p.betaEnd));
    // The checks describe the document's schedule; while the fields hold one that was not applied, a
    // green "No problems found" beside the red message would be about a schedule no field shows.
    if (error.isEmpty() && mDocument->setScheduleParams(p, &error)) {
        mError->hide();
        mError->clear();
        mDiagnostics->show();
        updateBanner();
    } else {
        mError->setText(
            tr("Not applied: %1. The plots show the last valid schedule, and training uses it.").arg(error));
        mError->show();
        mDiagnostics->hide();
        mBannerBox->hide();  // it too is about the last valid schedule
    }
}

void SchedulePanel::syncFromDocument() {
    const dl::ScheduleParams& p = mDocument->schedule().params();
    mSyncing = true;
    mKind->setCurrentIndex(std::max(0, mKind->findData(static_cast<int>(p.kind))));
    mSteps->setValue(p.T);
    mBetaStart->setValue(p.betaStart);
    mBetaEnd->setValue(p.betaEnd);
    mZeroSnr->setChecked(p.zeroTerminalSnr);
    if (p.kind == dl::ScheduleKind::Custom && !p.customBetas.empty())
        mCurve->setPoints(controlPointsOn(p.customBetas));
    else if (p.kind == dl::ScheduleKind::Custom && p.customControlPoints.size() >= 2)
        mCurve->setPoints(p.customControlPoints);
    mCurve->setVisible(p.kind == dl::ScheduleKind::Custom);
    mBetaStart->setEnabled(usesBetaRange(p.kind));
    mBetaEnd->setEnabled(usesBetaRange(p.kind));
    mSyncing = false;
    mError->hide();
    mError->clear();
    mDiagnostics->show();
    mPlots->setSchedule(mDocument->schedule());
    updateDiagnostics();
    updateBanner();
}

void SchedulePanel::updateDiagnostics() {
    const auto data = mDocument->dataSet();
    mDataMaxAbs =
        data && data->points.size() > 0 ? static_cast<double>(data->points.cwiseAbs().maxCoeff()) : 0.0;
    mDiagnostics->setDiagnostics(dl::diagnoseSchedule(mDocument->schedule(), mDataMaxAbs),
                                 mDocument->schedule().params());
}

void SchedulePanel::updateBanner() {
    const QString mismatch = mDocument->describeScheduleMismatch();
    if (!mError->isHidden()) {
        // The banner is about the last valid schedule, like the checks: a model trained meanwhile read
        // "trained with this schedule" right above "Not applied".
        mBannerBox->hide();
    } else if (!mismatch.isEmpty()) {
        // "The reverse process" read as every sampler's, next to the Sampling dock's exact denoiser that
        // uses the editor's schedule; it is the learned model that keeps its own.
        mBanner->setText(tr("The learned model samples with its own schedule: %1.").arg(mismatch));
        mBannerBox->show();
    } else if (mDocument->hasModel()) {
        mBanner->setText(tr("The model was trained with this schedule."));
        mBannerBox->show();
    } else {
        mBannerBox->hide();
    }
}

void SchedulePanel::styleBanner() {
    // A pale blue box on the light themes; on the dark theme a deep one, under the palette's light text.
    const bool dark = isDarkPalette(palette());
    mBannerBox->setStyleSheet(
        dark ? QStringLiteral("#modelScheduleBannerBox { background: #1e3148; border: 1px solid #3f6a9e; "
                              "border-radius: 4px; }")
             : QStringLiteral("#modelScheduleBannerBox { background: #e6f0fb; border: 1px solid #8fb3de; "
                              "border-radius: 4px; }"));
}

void SchedulePanel::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) styleBanner();
}

}  // namespace dlui
